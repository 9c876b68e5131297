"""A lesson's pace: it opens paused at its own speed, stops at its "pause here" steps and ends.

A step marked `pause = true` in the lesson file stops the clock at the step's exact time, so
its prompt is read before the moment passes, even at 100×; at the lesson's `end_s` the clock
stops and the prompt bar sums the lesson up. Play carries on from there if the class wants.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

if TYPE_CHECKING:
    from gui.controller import SimController
    from gui.panels.lesson_prompt import LessonPromptBar
    from sim.snapshot import Snapshot

translate = QCoreApplication.translate


class LessonFlow(QObject):
    """Pauses `controller` at its lesson's stops and shows the end summary in `prompt`."""

    def __init__(
        self, controller: SimController, prompt: LessonPromptBar, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._prompt = prompt
        self._stops: list[float] = []  # pause steps and the end, earliest first
        self._end_s = 0.0
        controller.snapshot_ready.connect(self._on_controller_snapshot_ready)
        controller.playing_changed.connect(self._on_controller_playing_changed)

    @property
    def stops(self) -> tuple[float, ...]:
        """Return the times still to stop at."""
        return tuple(self._stops)

    def start(self) -> None:
        """Take the opened scenario's lesson: pause, set its speed, list its stops."""
        lesson = self._controller.scenario.lesson
        self._stops, self._end_s = [], 0.0
        self._hold()  # a scenario without a lesson holds the clock nowhere
        if lesson is None:
            return
        self._controller.pause()
        if lesson.speed:
            self._controller.set_speed(lesson.speed)
        now = self._controller.snapshot.time_s if self._controller.snapshot else 0.0
        self._end_s = lesson.end_s
        stops = {s.at_s for s in lesson.steps if s.pause} | ({lesson.end_s} - {0.0})
        self._stops = sorted(t for t in stops if t > now)
        self._hold()

    def _on_controller_playing_changed(self, playing: bool) -> None:
        snap = self._controller.snapshot
        if playing and snap is not None:  # the first frame may already pass the next stop
            self._on_controller_snapshot_ready(snap)

    def _on_controller_snapshot_ready(self, snap: Snapshot) -> None:
        while self._stops and self._stops[0] < snap.time_s:
            self._stops.pop(0)  # passed by a step or a jump: not a stop any more
        self._hold()
        if not self._stops or not self._controller.playing:
            return
        stop = self._stops[0]
        ahead = self._controller.frame_interval_s * self._controller.speed
        if snap.time_s + ahead >= stop:  # the next frame would pass it: land on it instead
            self._stops.pop(0)
            self._hold()
            self._controller.pause()
            # After this frame has reached every view: publishing now would hand them the
            # stop first and this older frame after it.
            QTimer.singleShot(0, lambda: self._land(stop))

    def _hold(self) -> None:
        """Let the controller's frames stop at the next stop, however much time they owe."""
        self._controller.hold_s = self._stops[0] if self._stops else None

    def _land(self, stop: float) -> None:
        self._controller.run_until(stop)
        if self._end_s and stop == self._end_s:
            self._show_end()

    def _show_end(self) -> None:
        lesson = self._controller.scenario.lesson
        if lesson is None:
            return
        ending = translate("LessonFlow", "End of the lesson.")
        self._prompt.show_prompt(
            f"{ending} {lesson.summary}".strip(),
            f"{ending} {lesson.summary_zh}".strip() if lesson.summary_zh else "",
        )

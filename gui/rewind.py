"""Rewind and branch: the window's time slider over the run's history (sim/history.py).

`Rewind` attaches itself to the `SimController` as its time travel. While the present is shown,
it keeps each published moment (every host's snapshot) and each hand change. Seeking shows an
earlier moment in every view; playing from there steps through the kept moments (the run as it
was, so the replay is exact) until the present is reached and the session goes on. A change
made while the past is shown (a guest added, a fault injected...) starts a new branch there: a
new session replays the scenario and the hand changes up to that moment, then takes the change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from sim.history import MAX_MOMENTS, History

if TYPE_CHECKING:
    from gui.controller import SimController
    from sim.snapshot import Snapshot


class Rewind(QObject):
    """The history of the controller's run, the moment shown, and the branch.

    Emits `changed()` when the kept span, the shown moment or the branch changes, and
    `moment_shown(dict)` with every host's snapshot each time a moment is shown (live or past).
    """

    changed = Signal()
    moment_shown = Signal(object)

    def __init__(self, controller: SimController, max_moments: int = MAX_MOMENTS) -> None:
        super().__init__(controller)
        self._controller = controller
        self._max = max_moments
        self.history = History(max_moments)
        self._view_s: float | None = None  # the earlier moment shown; None: the present
        self._cache: tuple[float, dict[str, Snapshot]] | None = None
        self._branching = False
        controller.attach_time_travel(self)
        controller.snapshot_ready.connect(self._on_controller_snapshot_ready)
        controller.session_replaced.connect(self._on_controller_session_replaced)

    # --- what is shown -------------------------------------------------------------------
    @property
    def view_s(self) -> float | None:
        """Return the time of the earlier moment shown, or None while the present is."""
        return self._view_s

    @property
    def shown_s(self) -> float | None:
        """Return the time of the kept moment shown (None while the present is)."""
        if self._view_s is None or not len(self.history):
            return None
        return self.history.times()[self.history.moment_index(self._view_s)]

    def showing_past(self) -> bool:
        """Return whether an earlier moment is shown instead of the present."""
        return self._view_s is not None

    def past_snapshot(self, host_id: str) -> Snapshot:
        """Return the shown moment's snapshot of `host_id` ("" for the first host)."""
        snaps = self._moment()
        return snaps[host_id] if host_id else next(iter(snaps.values()))

    def seek(self, time_s: float) -> None:
        """Show the last kept moment at or before `time_s` (the present at or past the end)."""
        if not len(self.history):
            return
        live = time_s >= self.history.end_s
        self._view_s = None if live else max(time_s, self.history.start_s)
        self._controller.publish()
        self.changed.emit()

    def go_live(self) -> None:
        """Show the present again."""
        self.seek(self.history.end_s)

    # --- the controller's time travel ----------------------------------------------------
    def play_frame(self, dt_s: float) -> bool:
        """Step `dt_s` through the kept moments while the past is shown; return whether it did."""
        if self._view_s is None:
            return False
        self.seek(self._view_s + dt_s)
        return True

    def before_change(self, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
        """Branch first if the past is shown; note the change; True when a step was taken here."""
        if method == "step" and self._view_s is not None:
            times = self.history.times()
            index = self.history.moment_index(self._view_s) + 1
            self.seek(times[index] if index < len(times) else self.history.end_s)
            return True
        if self._view_s is not None:
            self.branch()
        self.history.note(self._controller.session.now, method, *args, **kwargs)
        return False

    def branch(self) -> None:
        """Start a new branch at the shown moment: replay up to it and make it the present."""
        if self._view_s is None:
            return
        times = self.history.times()
        at_s = times[self.history.moment_index(self._view_s)]
        controller = self._controller
        session = self.history.replay(controller.scenario, at_s, controller.catalog)
        self.history.start_branch(at_s)
        self._view_s, self._cache = None, None
        self._branching = True
        try:
            controller.adopt_session(session)
        finally:
            self._branching = False
        self.changed.emit()

    # --- helpers and slots ---------------------------------------------------------------
    def _moment(self) -> dict[str, Snapshot]:
        assert self._view_s is not None
        index = self.history.moment_index(self._view_s)
        time_s = self.history.times()[index] if len(self.history) else 0.0
        if self._cache is None or self._cache[0] != time_s:
            self._cache = (time_s, self.history.at(time_s))
        return self._cache[1]

    def _on_controller_snapshot_ready(self, _snap: Snapshot) -> None:
        if self._view_s is not None:
            self.moment_shown.emit(self._moment())
            return
        snaps = self._controller.snapshots()
        self.history.record(snaps)
        self.moment_shown.emit(snaps)
        self.changed.emit()

    def _on_controller_session_replaced(self) -> None:
        if self._branching:
            return
        self.history = History(self._max)
        self._view_s, self._cache = None, None
        self.changed.emit()

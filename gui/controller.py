"""The one Qt adapter between the simulation and the window: time, speed, scenario, files.

`SimController` owns the `sim.session.Session`. A `QTimer` advances simulated time by
the wall-clock time since the previous frame × speed (`gui.frame_clock`: a slow paint means
fewer, larger steps, not a slower simulation) and the controller emits one snapshot per frame;
while paused the timer is stopped and a snapshot is emitted after each change instead.
Widgets read snapshots and call the controller; none of them subscribes to the simulation
directly.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from gui.frame_clock import SHORT, FrameClock, advance_within

if TYPE_CHECKING:
    from sim.catalog import Catalog
    from sim.guestconfig import GuestConfig
    from sim.migration import Move
    from sim.scenario import HostSpec, Scenario
    from sim.session import Session
    from sim.snapshot import Incident, Snapshot

FRAME_MS = 33  # ~30 frames per second: smooth enough to watch, cheap enough for 1,000 guests
MIN_SPEED = 0.01
MAX_SPEED = 100.0


class TimeTravel(Protocol):
    """What the controller asks of a rewind (gui/rewind.py) when one is attached."""

    def showing_past(self) -> bool:
        """Return whether an earlier moment is shown instead of the session's present."""

    def past_snapshot(self, host_id: str) -> Snapshot:
        """Return the shown earlier moment's snapshot of `host_id` ("" for the first host)."""

    def play_frame(self, dt_s: float) -> bool:
        """Play `dt_s` through the past instead of the session; return whether it did."""

    def before_change(self, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
        """Prepare a hand change of the session; return True when it is done already."""


class SimController(QObject):
    """Drive a session in (scaled) real time and publish what it looks like.

    Emits `snapshot_ready(Snapshot)` once per frame while playing and after any change while
    paused, `session_replaced()` when a new session (new, open, reset, host change) takes over,
    `playing_changed(bool)`, `speed_changed(float)`, `document_changed()` when the file path or
    modified state changes, `host_changed(str)` when another host of a several-host scenario is
    shown, and `achieved_speed_changed(float)` when the speed really reached while playing
    changes (the asked speed again once it keeps up or pauses). Views read the event log from
    snapshots: a per-entry signal would make the session build every entry as it happens,
    which the event log defers (phase ends come from phase records when read).
    """

    snapshot_ready = Signal(object)
    session_replaced = Signal()
    playing_changed = Signal(bool)
    speed_changed = Signal(float)
    document_changed = Signal()
    host_changed = Signal(str)
    achieved_speed_changed = Signal(float)

    def __init__(
        self, parent: QObject | None = None, *, clock: Callable[[], float] = time.perf_counter
    ) -> None:
        """Create a controller with no session; `clock` is the wall clock play follows."""
        super().__init__(parent)
        self._session: Session | None = None
        self._path: Path | None = None
        self._saved: Scenario | None = None
        self._modified = False
        self._bundled = False
        self._speed = 1.0
        self._host_id = ""  # the host shown and given new guests; "" is the first
        self._snapshot: Snapshot | None = None  # the last one published
        self._past: TimeTravel | None = None  # a rewind, when the window has one
        # While playing, the clock never passes this time (a lesson's "pause here" step): a
        # frame that owes more stops there, however slow the frame was.
        self.hold_s: float | None = None
        self._dirty = False  # the session changed since the last snapshot published
        self._frames = FrameClock(clock)
        self._achieved = 1.0  # the speed shown as reached (the asked one while it keeps up)
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer_timeout)

    # --- state ---------------------------------------------------------------------------
    @property
    def session(self) -> Session:
        """Return the running session (raises if none has been set yet)."""
        if self._session is None:
            raise RuntimeError("no session yet: call set_session() or new_scenario() first")
        return self._session

    @property
    def has_session(self) -> bool:
        """Return whether a session has been set."""
        return self._session is not None

    @property
    def path(self) -> Path | None:
        """Return the scenario file the session came from, or None for an unsaved one."""
        return self._path

    @property
    def bundled(self) -> bool:
        """Return whether the session is the bundled default scenario (not saved to a file)."""
        return self._bundled

    @property
    def modified(self) -> bool:
        """Return whether the scenario differs from what was last opened or saved."""
        return self._modified

    @property
    def host_id(self) -> str:
        """Return the id of the host whose snapshots are published (the first by default)."""
        if self._session is None:
            return self._host_id
        return self._host_id or next(iter(self._session.hosts))

    @property
    def snapshot(self) -> Snapshot | None:
        """Return the snapshot published last (None before the first session)."""
        return self._snapshot

    @property
    def catalog(self) -> Catalog:
        """Return the catalog the session runs on (templates, presets, workloads, exploits)."""
        return self.session.catalog

    @property
    def scenario(self) -> Scenario:
        """Return the scenario the session was built from (without interactive additions)."""
        return self.session.scenario

    def current_scenario(self) -> Scenario:
        """Return the scenario plus what the class added by hand, as Save would write it."""
        return self.session.current_scenario()

    def export_data(self, directory: str | Path) -> list[Path]:
        """Write the session's results, series, phases and events into `directory`."""
        from gui.export import export_data

        return export_data(self.session, directory)

    def host_spec(self) -> HostSpec:
        """Return the scenario's spec of the shown host."""
        return next(h for h in self.session.scenario.hosts if h.id == self.host_id)

    @property
    def playing(self) -> bool:
        """Return whether simulated time is running."""
        return self._timer.isActive()

    @property
    def speed(self) -> float:
        """Return simulated seconds per wall-clock second."""
        return self._speed

    @property
    def achieved_speed(self) -> float:
        """Return the speed really reached over the last second of play (the asked one if it
        keeps up, or while paused)."""
        return self._achieved

    @property
    def frame_interval_s(self) -> float:
        """Return the wall-clock length of one frame."""
        return self._timer.interval() / 1000.0

    def attach_time_travel(self, past: TimeTravel) -> None:
        """Let `past` show earlier moments, play through them and branch before changes."""
        self._past = past

    def snapshots(self) -> dict[str, Snapshot]:
        """Return the published snapshot and one of every other host, by host id."""
        shown = self.host_id
        if self._snapshot is None or self._snapshot.host.id != shown:
            self.publish()
        assert self._snapshot is not None
        return {
            h: self._snapshot if h == shown else self._snapshot_of(h) for h in self.session.hosts
        }

    def _snapshot_of(self, host_id: str) -> Snapshot:
        if self._past is not None and self._past.showing_past():
            return self._past.past_snapshot(host_id)
        return self.session.snapshot(host_id)

    def _note(self, method: str, *args: Any, **kwargs: Any) -> bool:
        """Tell the rewind about a hand change first; return True when it handled it."""
        return self._past is not None and self._past.before_change(method, args, kwargs)

    # --- session lifecycle ---------------------------------------------------------------
    def set_session(
        self,
        session: Session,
        path: Path | None = None,
        saved: Scenario | None = None,
        bundled: bool = False,
    ) -> None:
        """Make `session` the running one; `saved` is what counts as unmodified.

        `bundled` marks the bundled default scenario (shown by name, saved only with Save As).
        """
        self._session = session
        if self._host_id not in session.hosts:  # a reset or host change keeps the shown host
            self._host_id = ""
        self._bundled = bundled and path is None
        self._path = path
        self._saved = saved if saved is not None else session.scenario
        if self.playing:  # the new session's clock starts where it is, not where the old one was
            self._frames.start(session.now)
        # Widgets rebuilding on session_replaced read the new session's snapshot, not the old.
        self._snapshot = session.snapshot(self._host_id)
        self.session_replaced.emit()
        self._refresh_modified(force=True)
        self.publish()

    def new_scenario(self) -> None:
        """Start an empty scenario on the default host and policies."""
        from sim.session import Session

        base = Session.default().scenario
        self.set_session(Session.bundled(replace(base, guests=())))

    def open_default(self) -> None:
        """Start the bundled default scenario."""
        from sim.session import Session

        self.set_session(Session.default(), bundled=True)

    def open_file(self, path: str | Path) -> None:
        """Load a scenario file; on error raise ScenarioError and keep the current session."""
        from sim.session import Session

        session = Session.from_file(path)
        self.set_session(session, Path(path))

    def save_file(self, path: str | Path) -> None:
        """Save the current scenario, with guests added interactively, atomically to `path`."""
        from sim.scenario import save_scenario

        scenario = self.session.current_scenario()
        save_scenario(scenario, Path(path))
        self._path = Path(path)
        self._bundled = False
        self._saved = scenario
        self._refresh_modified(force=True)

    def replace_scenario(self, scenario: Scenario) -> None:
        """Rebuild the session from an edited scenario (host or policy change), from time 0."""
        from sim.session import Session

        self.set_session(Session.bundled(scenario), self._path, self._saved, self._bundled)

    def adopt_session(self, session: Session) -> None:
        """Make `session` (a branch of the running one) run on, as the same document."""
        self.set_session(session, self._path, self._saved, self._bundled)
        self._refresh_modified(force=True)

    def reset(self) -> None:
        """Rebuild the session from its scenario: back to time 0, interactive guests dropped."""
        self.replace_scenario(self.session.scenario)

    def set_host(self, host_id: str) -> None:
        """Show `host_id` (a host of the session): its snapshots, and new guests go there."""
        if host_id not in self.session.hosts:
            raise KeyError(f"no host {host_id!r}; the hosts are {sorted(self.session.hosts)}")
        if host_id != self.host_id:
            self._host_id = host_id
            self._snapshot = self.session.snapshot(host_id)  # read by host_changed's receivers
            self.host_changed.emit(host_id)
            self.publish()

    # --- guests --------------------------------------------------------------------------
    def add_guests(self, template_id: str, count: int = 1, stagger_s: float = 0.0) -> list[str]:
        """Ask the session for guests now, on the shown host, and publish the result (at once
        while paused, with the next frame while playing)."""
        self._note("add_guests", template_id, count=count, stagger_s=stagger_s, host=self._host_id)
        ids = self.session.add_guests(
            template_id, count=count, stagger_s=stagger_s, host=self._host_id
        )
        if stagger_s > 0 and not self.playing:
            # A staggered batch starts as a process at this instant: run the instant, so a
            # paused window shows the first guest pending at once, as a single click does.
            self.session.engine.run_through(self.session.now)
        self._refresh_modified()
        self._changed()
        return ids

    # --- experiments (workloads, faults, settings) ---------------------------------------
    def run_workload(self, workload_id: str, guest_ids: list[str]) -> None:
        """Start a catalog workload in each running guest of `guest_ids` at once; publish."""
        self._note("run_workload", workload_id, list(guest_ids))
        self.session.run_workload(workload_id, list(guest_ids))
        self._changed()

    def inject(self, fault: str, guest_id: str, **params: float) -> Incident | None:
        """Inject a fault or an exploit id into a live guest and publish.

        `params` are `rate_mib_s` (a memory leak) and `duration_s` (a CPU hog). Returns the
        incident of a panic or an exploit; raises ValueError when the guest is not live.
        """
        self._note("inject", fault, guest_id, **params)
        incident = self.session.inject(fault, guest_id, **params)
        self._changed()
        return incident

    def set_config(self, guest_id: str, config: GuestConfig) -> str:
        """Change a guest's settings from now on (saved with the scenario) and publish.

        Return the id of the guest that has them: a sandbox whose platform or hypervisor
        changed is replaced by a new guest (sim.session.Session.set_config).
        """
        self._note("set_config", guest_id, config)
        new_id = self.session.set_config(guest_id, config)
        self._refresh_modified()
        self._changed()
        return new_id

    def move_guest(self, guest_id: str, to_host: str, mode: str = "cold") -> Move:
        """Move a live guest to another host (cold, live or by checkpoint) and publish.

        Raises ValueError when the guest is not live or already on `to_host`.
        """
        self._note("move_guest", guest_id, to_host, mode=mode)
        record = self.session.move_guest(guest_id, to_host, mode)
        self._changed()
        return record

    # --- time ----------------------------------------------------------------------------
    def play(self) -> None:
        """Start advancing simulated time."""
        if not self._timer.isActive():
            if self._session is not None:
                self._frames.start(self._session.now)
            self._timer.start()
            self.playing_changed.emit(True)

    def pause(self) -> None:
        """Stop advancing simulated time (no timer work while paused).

        The last frame's snapshot already shows this instant unless something changed since.
        """
        if self._stop() and self._dirty:
            self.publish()

    def _stop(self) -> bool:
        if not self._timer.isActive():
            return False
        self._timer.stop()
        self.playing_changed.emit(False)
        self._show_achieved(self._speed)
        return True

    def toggle_playing(self) -> None:
        """Play if paused, pause if playing."""
        if self.playing:
            self.pause()
        else:
            self.play()

    def step(self) -> float:
        """Pause, then jump to the next instant that has events; return the new time."""
        self._stop()
        if self._note("step"):
            return self.session.now if self._snapshot is None else self._snapshot.time_s
        if math.isinf(self.session.next_event_s()):
            self.publish()
            return self.session.now
        now = self.session.step()
        self.publish()
        return now

    def set_speed(self, speed: float) -> None:
        """Set simulated seconds per wall-clock second, clamped to 0.01×…100×."""
        speed = min(MAX_SPEED, max(MIN_SPEED, float(speed)))
        if speed != self._speed:
            self._speed = speed
            self.speed_changed.emit(speed)
            if self.playing and self._session is not None:
                self._frames.start(self._session.now)  # measure the new speed afresh
            self._show_achieved(speed)

    def advance_frame(self) -> None:
        """Advance one frame's worth of simulated time and publish it."""
        if self._past is not None and self._past.play_frame(self.frame_interval_s * self._speed):
            return
        self.session.advance(self.frame_interval_s * self._speed)
        self.publish()

    def play_frame(self) -> None:
        """Advance by the wall time since the last frame × speed, within the frame's budget,
        and publish (what the timer does while playing; while the model is behind, only every
        `frame_clock.PAINT_EVERY_S`)."""
        session = self.session
        if self._past is not None and self._past.play_frame(self.frame_interval_s * self._speed):
            self._frames.start(session.now)  # back in the present, the clock measures afresh
            return
        owed, deadline = self._frames.begin_frame(self._speed)
        if self.hold_s is not None and session.now + owed > self.hold_s:
            owed = max(0.0, self.hold_s - session.now)
        done = advance_within(
            session.run_until,
            lambda: session.now,
            owed,
            deadline,
            self._frames.now,
            self._frames.rate,
        )
        self._frames.end_frame(owed, done, session.now)
        if self._frames.should_draw():
            self.publish()
        else:
            self._dirty = True  # drawn by a later frame: the model is catching up
        achieved = self._frames.achieved()
        if achieved is not None:
            self._show_achieved(achieved if achieved < SHORT * self._speed else self._speed)

    def _show_achieved(self, speed: float) -> None:
        shown = float(f"{speed:.2g}")  # the label's precision: no signal for every wobble
        if shown != self._achieved:
            self._achieved = shown
            self.achieved_speed_changed.emit(shown)

    def run_until(self, t_s: float) -> None:
        """Advance without the timer to simulated time `t_s` and publish (headless use)."""
        self.session.run_until(t_s)
        self.publish()

    def _changed(self) -> None:
        """Publish a change now while paused; while playing, the next frame shows it.

        Drawing a snapshot of 1,000 guests takes tens of milliseconds: a click answers at once
        and the frame already on its way draws the result.
        """
        if self.playing:
            self._dirty = True
            self._frames.draw_next()
        else:
            self.publish()

    def publish(self) -> None:
        """Emit a snapshot of the session as it is now."""
        self._dirty = False
        if self._session is not None:
            self._snapshot = self._snapshot_of(self._host_id)
            self.snapshot_ready.emit(self._snapshot)

    # --- slots ---------------------------------------------------------------------------
    def _on_timer_timeout(self) -> None:
        self.play_frame()

    def _refresh_modified(self, force: bool = False) -> None:
        modified = self._session is not None and self._session.current_scenario() != self._saved
        if force or modified != self._modified:
            self._modified = modified
            self.document_changed.emit()

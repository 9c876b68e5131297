"""Phase ends are derived from the guests' phase records when the log is read (sim.eventlog)."""

from __future__ import annotations

import pytest
from helpers import make_session

from sim.eventlog import phase_done_entry
from sim.guest import Span
from sim.recorder import Recorder
from sim.scenario import GuestSpec
from sim.session import Session
from sim.snapshot import LogEntry

GUESTS = (
    GuestSpec("alpine", 30, 0.0, 0.0),
    GuestSpec("nginx", 5, 0.5, 0.1),
    GuestSpec("ubuntu-server", 2, 1.0, 0.0),
)


def _as_logged(session: Session) -> list[tuple[LogEntry, LogEntry]]:
    """Subscribe, and keep each entry with the one the old logging made at that instant."""
    seen: list[tuple[LogEntry, LogEntry]] = []

    def on_entry(entry: LogEntry) -> None:
        now = session.now
        expected = entry
        if entry.code == "phase_done":
            # What lifecycle logged before: the guest's phase that just ended, timed now.
            span = session.guest(str(entry.guest_id)).spans[-1]
            params = {"guest": entry.guest_id, "phase": span.name}
            params["duration_s"] = round(now - span.start_s, 6)
            expected = LogEntry(now, "phase_done", entry.guest_id, params, "")
        seen.append((entry, expected))

    session.subscribe(on_entry)
    return seen


def _same(a: LogEntry, b: LogEntry) -> bool:
    return (a.time_s, a.code, a.guest_id, dict(a.params)) == (
        b.time_s,
        b.code,
        b.guest_id,
        dict(b.params),
    )


def test_derived_phase_ends_equal_what_was_logged_in_the_same_order():
    quiet, watched = make_session(guests=GUESTS), make_session(guests=GUESTS)
    seen = _as_logged(watched)
    for session in (quiet, watched):
        session.run_until(90.0)
    derived = list(quiet.snapshot().log)
    assert sum(e.code == "phase_done" for e in derived) > 100
    assert len(derived) == len(seen)
    for got, (told, expected) in zip(derived, seen, strict=True):
        assert _same(got, told) and _same(got, expected)
        assert got.message == told.message
    # Entries of the same instant keep their order: a guest's last phase ends, then it is ready.
    pairs = list(zip(derived, derived[1:], strict=False))
    assert any(
        a.code == "phase_done" and b.code == "ready" and a.time_s == b.time_s for a, b in pairs
    )


def test_reading_the_log_during_a_run_changes_nothing():
    read, unread = make_session(guests=GUESTS), make_session(guests=GUESTS)
    for t in (0.3, 1.0, 2.5, 90.0):
        read.run_until(t)
        snap = read.snapshot()
        assert all(isinstance(e, LogEntry) for e in snap.log[-5:])
    unread.run_until(90.0)
    assert list(read.snapshot().log) == list(unread.snapshot().log)


def test_a_derived_entry_is_made_once_and_keeps_its_identity():
    session = make_session(guests=GUESTS)
    session.run_until(5.0)
    log = session.snapshot().log
    i = next(i for i, e in enumerate(log) if e.code == "phase_done")
    assert log[i] is log[i] is list(log)[i] is log[i : i + 1][0]
    assert session.snapshot().log[i] is log[i]


def test_phase_records_are_kept_and_trimmed_like_entries():
    rec = Recorder(max_log=10)
    spans = [Span("exec", float(i), float(i) + 0.25, "src", f"g-{i}") for i in range(25)]
    early = None
    for span in spans:
        rec.emit_phase_done(span)
        if span.guest_id == "g-3":
            early = rec.log_view()
    view = rec.log_view()
    assert rec.log_dropped == 25 - len(view) and view[-1].guest_id == "g-24"
    assert [e.guest_id for e in early or ()] == ["g-0", "g-1", "g-2", "g-3"]
    assert view[-1].message == "g-24: exec done in 0.250 s"


def test_a_phase_that_has_not_ended_has_no_entry():
    with pytest.raises(ValueError, match="has not ended"):
        phase_done_entry(Span("boot", 1.0, None, "src", "vm-1"))

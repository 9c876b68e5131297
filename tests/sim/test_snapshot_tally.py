"""The per-snapshot tally panels read equals counting the guests one by one."""

from __future__ import annotations

from dataclasses import replace

from helpers import make_session

from sim.snapshot import count_guests


def _by_hand(guests):  # noqa: ANN001, ANN202
    live = [g for g in guests if g.live]
    by_template: dict[str, int] = {}
    by_kind: dict[str, int] = {}
    for g in live:
        by_template[g.template] = by_template.get(g.template, 0) + 1
        by_kind[g.kind] = by_kind.get(g.kind, 0) + 1
    return (
        tuple(g.id for g in live),
        tuple(g.id for g in live if g.state == "running"),
        by_template,
        list(by_kind.items()),
        {g.kind for g in guests},
        any(g.shown_state in ("starting", "pulling") for g in guests),
    )


def _tally(guests):  # noqa: ANN001, ANN202
    t = count_guests(guests)
    return (
        t.live_ids,
        t.running_ids,
        t.live_by_template,
        list(t.live_by_kind.items()),
        set(t.kinds),
        t.starting,
    )


def test_tally_matches_counting_by_hand_while_guests_start_run_and_stop():
    session = make_session()
    ids = session.add_guests("alpine", 6) + session.add_guests("ubuntu-server", 2)
    session.add_guests("firecracker", 3)
    seen = set()
    for step in range(60):
        session.advance(0.5)
        if step == 20:
            session.remove_guest(ids[0])
        snap = session.snapshot()
        assert _tally(snap.guests) == _by_hand(snap.guests)
        assert snap.tally is snap.tally  # counted once per snapshot
        seen |= {g.state for g in snap.guests}
    assert {"starting", "running"} <= seen


def test_guests_of_a_panicked_host_are_neither_live_nor_starting():
    session = make_session()
    session.add_guests("alpine", 4)
    session.advance(0.2)
    guests = tuple(replace(g, host_down=True) for g in session.snapshot().guests)
    assert _tally(guests) == _by_hand(guests)
    assert count_guests(guests).live_ids == () and not count_guests(guests).starting

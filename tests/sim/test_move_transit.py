"""A moving guest seen from both hosts: leaving the source, arriving on the target, and its work."""

from __future__ import annotations

import pytest
from helpers import watched

from sim import live_migration
from sim.scenario import GuestSpec, HostSpec, LinkSpec, Scenario
from sim.session import Session
from sim.snapshot import GuestView

HOSTS = (HostSpec("classroom-server", {}, "a"), HostSpec("classroom-server", {}, "b"))


def started(template: str, links: tuple[LinkSpec, ...] = ()) -> tuple[Session, str]:
    scenario = Scenario(
        host=HOSTS[0], more_hosts=HOSTS[1:], guests=(GuestSpec(template),), links=links
    )
    session = watched(scenario)
    session.run_until(120)
    return session, f"{template}-1"


def seen(session: Session, host: str, gid: str) -> GuestView | None:
    return session.snapshot(host).guest(gid)


def used(session: Session, host: str) -> float:
    return sum(
        v
        for k, v in session.snapshot(host).memory_mib.items()
        if k != "free" and k not in ("swap_used", "ksm_saved")
    )


def test_a_live_move_leaves_one_host_and_arrives_on_the_other(monkeypatch):
    monkeypatch.setattr(live_migration, "dirty_rate", lambda guest: 30.0)
    session, gid = started("ubuntu-server")
    full = session.guest(gid).resident_mib
    empty_b = used(session, "b")
    record = session.move_guest(gid, "b", mode="live")
    filling = []
    session.run_until(session.now + 0.05)
    while record.step == "precopy":
        left, right = seen(session, "a", gid), seen(session, "b", gid)
        assert left is not None and right is not None
        # The source: running, marked leaving, all its memory still there, pre-copy on its row.
        assert (left.state, left.shown_state) == ("running", "leaving")
        assert left.resident_mib == pytest.approx(full)
        assert left.phases[-1].name == "precopy" and left.phases[-1].end_s is None
        # The target: marked arriving, its pages filling the target's memory.
        assert (right.state, right.shown_state, right.host) == ("moving", "arriving", "b")
        assert used(session, "b") - empty_b == pytest.approx(right.resident_mib, abs=1e-6)
        filling.append(right.resident_mib)
        session.run_until(session.now + 0.05)
    assert filling == sorted(filling) and len(set(filling)) >= 5
    assert filling[0] < full / 2 and filling[-1] == pytest.approx(full, rel=0.02)
    stopped = False
    while record.end_s is None:
        session.run_until(session.now + 0.002)
        left, right = seen(session, "a", gid), seen(session, "b", gid)
        if record.step == "stopcopy" and left is not None and right is not None:
            stopped = True
            # Paused: no longer running on the source, its pages held there until they crossed.
            assert (left.state, left.shown_state) == ("moving", "leaving")
            assert left.resident_mib == pytest.approx(full)
            assert [p.name for p in left.phases] == ["precopy", "stopcopy"]
            assert right.shown_state == "arriving" and right.resident_mib == pytest.approx(full)
    assert stopped
    assert seen(session, "a", gid) is None
    arrived = seen(session, "b", gid)
    assert arrived is not None and (arrived.state, arrived.shown_state) == ("running", "running")
    assert arrived.resident_mib == pytest.approx(full)
    assert used(session, "b") - empty_b == pytest.approx(full)


def test_a_checkpoint_keeps_the_dump_on_the_source_and_fills_the_target_at_restore():
    session, gid = started("redis")
    full = session.guest(gid).resident_mib
    record = session.move_guest(gid, "b", mode="checkpoint")
    steps: dict[str, tuple[float, float]] = {}
    while record.end_s is None:
        session.run_until(session.now + 0.001)
        left, right = seen(session, "a", gid), seen(session, "b", gid)
        if record.end_s is None and left is not None and right is not None:
            assert (left.shown_state, right.shown_state) == ("leaving", "arriving")
            low, high = steps.get(record.step, (full, 0.0))
            steps[record.step] = (min(low, right.resident_mib), max(high, right.resident_mib))
            if record.step == "dump":
                assert left.resident_mib == pytest.approx(full)
    assert steps["dump"] == (0.0, 0.0)  # nothing on the target while the source dumps
    assert steps["restore"][0] < full / 2 < steps["restore"][1]  # filled as CRIU reads
    assert seen(session, "a", gid) is None and seen(session, "b", gid).state == "running"


def test_a_cold_move_stops_the_guest_and_boots_it_on_the_target():
    session, gid = started("nginx")
    record = session.move_guest(gid, "b")
    session.run_until(session.now + 0.01)
    left, right = seen(session, "a", gid), seen(session, "b", gid)
    assert (left.state, left.shown_state, left.resident_mib) == ("moving", "leaving", 0.0)
    assert right.shown_state == "arriving" and right.phases[-1].name == "transfer"
    while record.step != "start" and record.end_s is None:
        session.run_until(session.now + 0.01)
    if record.end_s is None:  # booting on the target: still arriving, gone from the source
        assert seen(session, "a", gid) is None
        assert seen(session, "b", gid).shown_state == "arriving"
    session.run_until(session.now + 60)
    assert seen(session, "b", gid).shown_state == "running"


def test_a_guest_cannot_start_a_second_move_while_it_moves(monkeypatch):
    monkeypatch.setattr(live_migration, "dirty_rate", lambda guest: 30.0)
    session, gid = started("ubuntu-server")
    session.move_guest(gid, "b", mode="live")
    session.run_until(session.now + 0.5)
    with pytest.raises(ValueError, match="already moving"):
        session.move_guest(gid, "b")


def finished(session: Session, gid: str, workload: str = "cpu") -> list[tuple[float, float]]:
    return [
        (r.start_s, r.time_s)
        for r in session.workload_results
        if r.guest_id == gid and r.workload == workload
    ]


@pytest.mark.parametrize(("template", "mode"), [("ubuntu-server", "live"), ("redis", "checkpoint")])
def test_a_workload_goes_on_after_a_live_move_paused_for_the_downtime(template, mode):
    still, gid = started(template)
    still.run_workload("cpu", [gid])
    still.run_until(still.now + 60)
    [(start, end_still)] = finished(still, gid)
    # A 10 Gbit/s link: the move (a VM's RAM and page cache) is over well before the 10 s run.
    session, gid = started(template, (LinkSpec("a", "b", 1190.0),))
    session.run_workload("cpu", [gid])
    session.run_until(session.now + 2)
    record = session.move_guest(gid, "b", mode=mode)
    session.run_until(session.now + 60)
    assert record.view().verdict == "running" and session.host_of(gid).id == "b"
    [(start_moved, end_moved)] = finished(session, gid)
    assert start_moved == pytest.approx(start)
    # The run went on where it stopped: only the downtime was added to it.
    assert end_moved - end_still == pytest.approx(record.downtime_s, rel=1e-6, abs=1e-6)
    assert session.workload_results[-1].ratio < still.workload_results[-1].ratio


def test_a_cold_move_restarts_the_workload_after_the_boot():
    session, gid = started("nginx")
    session.run_workload("cpu", [gid])
    session.run_until(session.now + 2)
    record = session.move_guest(gid, "b")
    session.run_until(session.now + 120)
    ready = session.guest(gid).ready_s
    [(start, end)] = finished(session, gid)
    assert record.view().verdict == "running" and ready is not None
    assert start == pytest.approx(ready) and end > start + 9.9


def test_a_removed_moving_guest_ends_its_workload_and_leaves_nothing_behind(monkeypatch):
    monkeypatch.setattr(live_migration, "dirty_rate", lambda guest: 30.0)
    session, gid = started("ubuntu-server")
    before_b = used(session, "b")
    session.run_workload("cpu", [gid])
    session.move_guest(gid, "b", mode="live")
    session.run_until(session.now + 1)
    session.remove_guest(gid)
    session.run_until(session.now + 60)
    assert finished(session, gid) == []
    assert used(session, "b") == pytest.approx(before_b)
    assert seen(session, "b", gid) is None


def test_the_results_list_a_moving_guest_once(monkeypatch, tmp_path):
    monkeypatch.setattr(live_migration, "dirty_rate", lambda guest: 30.0)
    session, gid = started("ubuntu-server")
    session.move_guest(gid, "b", mode="live")
    session.run_until(session.now + 0.5)
    assert seen(session, "b", gid) is not None  # the target shows it arriving
    assert [g["id"] for g in session.results()["guests"]].count(gid) == 1
    session.export(tmp_path / "out")
    phases = (tmp_path / "out" / "phases.csv").read_text(encoding="utf-8")
    assert all(line.startswith("a,") for line in phases.splitlines() if gid in line)

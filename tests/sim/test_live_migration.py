"""Moving a running guest: pre-copy live migration of a VM, CRIU checkpoint of a container."""

from __future__ import annotations

import pytest
from helpers import watched

from sim import live_migration
from sim.catalog import Catalog
from sim.live_migration import precopy_plan
from sim.scenario import ActionSpec, GuestSpec, HostSpec, Scenario, dumps_scenario, parse_scenario
from sim.session import Session

LINK_MIB_S = 119.0  # the default link between two hosts (sim.session)
HOSTS = (HostSpec("classroom-server", {}, "a"), HostSpec("classroom-server", {}, "b"))


def started(template: str) -> tuple[Session, str]:
    session = watched(Scenario(host=HOSTS[0], more_hosts=HOSTS[1:], guests=(GuestSpec(template),)))
    session.run_until(120)
    gid = f"{template}-1"
    assert session.guest(gid).state == "running"
    return session, gid


def test_the_plan_follows_the_rounds_of_pre_copy():
    plan = precopy_plan(1000, 100, 10, 0.3, 30)
    # 10 s for all of it, then 100 MiB dirtied in those 10 s (1 s), then 10 MiB (0.1 s ≤ 0.3 s).
    assert plan.rounds_mib == pytest.approx((1000, 100))
    assert plan.stop_copy_mib == pytest.approx(10)
    assert plan.downtime_s == pytest.approx(0.1)
    assert plan.total_s == pytest.approx(11.1)
    assert plan.converged


def test_a_guest_dirtying_faster_than_the_link_never_converges():
    plan = precopy_plan(1000, 100, 150, 0.3, 30)
    assert not plan.converged
    assert len(plan.rounds_mib) == 30
    # The dirty set never shrinks: every round copies all of the RAM again.
    assert plan.stop_copy_mib == pytest.approx(1000)
    assert plan.downtime_s == pytest.approx(10)
    assert plan.total_s == pytest.approx(310)


def test_xen_stops_iterating_once_it_sent_three_times_the_memory():
    plan = precopy_plan(1000, 100, 150, 0.3, 30, max_factor=3)
    # After round 4 more than 3 × 1000 MiB have crossed: the guest stops for the rest.
    assert plan.rounds_mib == pytest.approx((1000, 1000, 1000, 1000))
    assert not plan.converged
    assert plan.downtime_s == pytest.approx(10)
    assert plan.total_s == pytest.approx(50)


# 90 MiB/s is slower than the link, but the dirty set shrinks so slowly that more than 3 times
# the memory has crossed before it fits the downtime target: Xen's limit stops the rounds.
@pytest.mark.parametrize(
    ("dirty", "converges"), [(2.0, True), (30.0, True), (90.0, False), (200.0, False)]
)
def test_a_live_move_takes_the_time_and_downtime_of_the_model(monkeypatch, dirty, converges):
    monkeypatch.setattr(live_migration, "dirty_rate", lambda guest: dirty)
    session, gid = started("ubuntu-server")
    memory, resident = session.guest(gid).inside_mib(), session.guest(gid).resident_mib
    model = Catalog.load().model
    plan = precopy_plan(
        memory,
        LINK_MIB_S,
        dirty,
        model["precopy_downtime_s"],
        int(model["precopy_max_rounds"]),
        model["precopy_max_factor"],
    )
    start = session.now
    record = session.move_guest(gid, "b", mode="live")
    session.run_until(start + plan.total_s + 5)
    view = record.view()
    assert view.mode == "live" and view.verdict == "running"
    assert view.rounds == len(plan.rounds_mib)
    assert view.converged == plan.converged == converges
    assert view.downtime_s == pytest.approx(plan.downtime_s, rel=1e-6, abs=1e-6)
    assert view.end_s - view.start_s == pytest.approx(plan.total_s, rel=1e-6)
    assert session.host_of(gid).id == "b"
    assert session.guest(gid).resident_mib == pytest.approx(resident)


def test_during_pre_copy_the_vm_runs_on_the_source_and_moves_only_to_stop(monkeypatch):
    monkeypatch.setattr(live_migration, "dirty_rate", lambda guest: 30.0)
    session, gid = started("ubuntu-server")
    record = session.move_guest(gid, "b", mode="live")
    session.run_until(session.now + 1)
    assert session.guest(gid).state == "running" and session.host_of(gid).id == "a"
    assert record.view().step == "precopy"
    seen = set()
    while record.end_s is None:
        session.run_until(session.now + 0.01)
        seen.add((session.guest(gid).state, record.step))
    assert ("moving", "stopcopy") in seen
    assert all(state == "running" for state, step in seen if step == "precopy")
    assert session.guest(gid).state == "running"


def test_checkpoint_restore_downtime_is_dump_plus_transfer_plus_restore():
    session, gid = started("nginx")
    guest = session.guest(gid)
    dump = guest.resident_mib
    hosts = session.hosts
    record = session.move_guest(gid, "b", mode="checkpoint")
    session.run_until(session.now + 0.001)
    assert guest.state == "moving"  # frozen from the start of the dump
    session.run_until(session.now + 600)
    view = record.view()
    assert [s.name for s in view.steps] == ["dump", "transfer", "restore"]
    layers = view.total_mib - dump
    expected = (
        dump / hosts["a"].preset.disk_write_mib_s
        + (dump + layers) / LINK_MIB_S
        + dump / hosts["b"].preset.disk_read_mib_s
    )
    # The missing image layers are written between transfer and restore.
    assert view.downtime_s >= expected - 1e-6
    assert view.downtime_s == pytest.approx(view.end_s - view.start_s)
    assert "tcp_established" in view.warnings
    assert view.verdict == "running" and session.host_of(gid).id == "b"
    assert session.guest(gid).resident_mib == pytest.approx(dump, rel=0.01)


def test_modes_that_do_not_fit_the_guest_are_refused():
    session, gid = started("nginx")
    with pytest.raises(ValueError, match="checkpoint/restore"):
        session.move_guest(gid, "b", mode="live")
    with pytest.raises(ValueError, match="unknown move mode"):
        session.move_guest(gid, "b", mode="teleport")


def test_a_move_mode_survives_a_scenario_round_trip():
    scenario = Scenario(
        host=HOSTS[0],
        more_hosts=HOSTS[1:],
        guests=(GuestSpec("ubuntu-server"),),
        actions=(ActionSpec(120.0, "move", ("ubuntu-server-1",), to="b", mode="live"),),
    )
    again = parse_scenario(dumps_scenario(scenario), "round-trip.toml")
    assert again.actions[0].mode == "live"
    session = watched(again)
    session.run_until(400)
    assert session.moves[0].mode == "live" and session.moves[0].view().rounds >= 1
    assert session.host_of("ubuntu-server-1").id == "b"


def test_a_mode_on_another_action_is_a_one_line_error():
    text = dumps_scenario(
        Scenario(
            host=HOSTS[0],
            guests=(GuestSpec("nginx"),),
            actions=(ActionSpec(1.0, "remove", ("nginx-1",)),),
        )
    )
    with pytest.raises(Exception, match="mode"):
        parse_scenario(
            text.replace('action = "remove"', 'action = "remove"\nmode = "live"'), "bad.toml"
        )

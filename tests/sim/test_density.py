"""Density: every limit is reported, each can bind, and the numbers follow what the host holds."""

from __future__ import annotations

import math

import pytest
from helpers import guests_by_id, make_session, run_until_settled

from sim.snapshot import LIMITS


def row(session, template: str):
    return next(r for r in session.density() if r.template == template)


def test_every_row_reports_every_limit_and_the_smallest_binds():
    session = make_session()
    rows = session.density()
    assert [r.template for r in rows] == list(session.catalog.templates)
    for r in rows:
        assert set(r.limits) == set(LIMITS)
        finite = [v for v in r.limits.values() if math.isfinite(v)]
        assert finite, f"{r.template}: no limit applies"
        assert r.max == min(finite) == r.limits[r.limit]
        assert all(v >= 0 and (math.isinf(v) or v == int(v)) for v in r.limits.values())


def test_limits_apply_to_the_kinds_they_belong_to():
    rows = {r.template: r for r in make_session().density()}
    assert math.isinf(rows["alpine"].limits["cpu"])  # containers commit no vCPUs
    assert math.isfinite(rows["ubuntu-server"].limits["cpu"])
    assert math.isinf(rows["ubuntu-server"].limits["bridge_ports"])  # VMs use a tap, not docker0
    assert rows["alpine"].limits["bridge_ports"] == 1023


@pytest.mark.parametrize(
    "template, overrides, policy, limit",
    [
        ("alpine", {"pid_max": 2000}, "overcommit", "pids"),
        ("alpine", {"bridge_ports": 10}, "overcommit", "bridge_ports"),
        ("alpine", {"disk_gib": 1}, "overcommit", "disk"),
        (
            "alpine",
            {"ram_gib": 2, "bridge_ports": 1_000_000, "pid_max": 4_194_304},
            "overcommit",
            "memory",
        ),
        ("ubuntu-server", {}, "overcommit", "cpu"),
        ("ubuntu-server", {}, "reserve", "memory"),
        ("ubuntu-server", {"vcpu_per_core": 0.1}, "overcommit", "cpu"),
        ("windows-server", {}, "overcommit", "memory"),
    ],
)
def test_each_limit_can_be_the_binding_one(template, overrides, policy, limit):
    r = row(make_session(overrides=overrides, memory=policy), template)
    assert r.limit == limit, r.limits
    assert r.max == r.limits[limit]


def test_reserve_fits_fewer_vms_than_overcommit():
    # Overcommit counts only what an Ubuntu guest touches; reserve takes all its 2 GiB.
    big = {"vcpu_per_core": 64}
    over = row(make_session(overrides=big), "ubuntu-server")
    reserve = row(make_session(overrides=big, memory="reserve"), "ubuntu-server")
    assert over.limit == reserve.limit == "memory"
    assert reserve.max < over.max


def test_guests_started_use_up_room_and_stopping_gives_it_back():
    session = make_session()
    before = row(session, "alpine").max
    ids = session.add_guests("alpine", 25)
    run_until_settled(session, ids)
    assert row(session, "alpine").max == before - 25  # bridge ports bind: one per container
    session.remove_guest(ids[0])
    assert row(session, "alpine").max == before - 24


def test_guests_still_starting_count_against_memory():
    session = make_session(overrides={"ram_gib": 16})
    before = row(session, "windows-server").max
    session.add_guests("windows-server", 2)
    session.advance(0.01)  # requested, not yet holding their RAM
    assert all(g.state == "starting" for g in guests_by_id(session).values())
    assert row(session, "windows-server").max == before - 2


@pytest.mark.parametrize(
    "template, overrides",
    [
        ("alpine", {"pid_max": 2000}),
        ("windows-server", {"ram_gib": 24}),
        ("ubuntu-server", {"cores": 4}),
    ],
)
def test_the_predicted_number_starts_and_one_more_does_not(template, overrides):
    session = make_session(overrides=overrides)
    predicted = row(session, template)
    assert 0 < predicted.max < 200
    ids = session.add_guests(template, predicted.max, stagger_s=0.5)
    run_until_settled(session, ids)
    guests = guests_by_id(session)
    assert all(guests[i].state == "running" for i in ids), predicted
    assert row(session, template).max == 0
    (extra,) = session.add_guests(template)
    run_until_settled(session, [extra])
    extra_guest = guests_by_id(session)[extra]
    killed = [g for g in guests_by_id(session).values() if g.state == "killed"]
    assert extra_guest.state != "running" or killed, "one more than predicted fitted"


def test_kept_pending_memory_equals_a_fresh_count_frame_after_frame():
    from sim.density import max_additional, pending_mib

    session = make_session(overrides={"ram_gib": 64})
    session.add_guests("alpine", 30)
    session.add_guests("ubuntu-server", 4)
    session.add_guests("firecracker", 6)
    seen_starting = 0
    for _ in range(120):
        session.advance(0.25)
        kept = session.density()  # pending memory kept up to date guest by guest
        fresh = pending_mib(session.host)
        templates = session.catalog.templates.values()
        assert kept == tuple(max_additional(session.host, t, fresh) for t in templates)
        seen_starting += any(g.state == "starting" for g in guests_by_id(session).values())
    assert seen_starting > 3  # the sum was kept while guests were starting

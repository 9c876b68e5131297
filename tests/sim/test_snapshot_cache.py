"""A snapshot kept up to date change by change equals one built afresh, whatever happened.

Random sessions on two linked hosts: guests added (at once and staggered), removed, moved cold,
live and by checkpoint, configured, loaded with workloads and faults, kernels panicked; time
advanced by frames and by steps; rewound by replaying the hand calls (`History.replay`). After
each, every host's snapshot is compared with one built from the session's state with nothing
kept (`snapshot_afresh`: guest views built anew, pending memory counted afresh), and its tally
with one counted guest by guest. Earlier snapshots must still show what they showed.
"""

from __future__ import annotations

import random

import pytest

from sim.catalog import Catalog
from sim.guestconfig import GuestConfig
from sim.history import History, snapshots_equal
from sim.host import Policy
from sim.scenario import GuestSpec, HostSpec, LinkSpec, Scenario
from sim.session import Session
from sim.snapshot import Snapshot, count_guests
from sim.snapshot_cache import snapshot_afresh

CATALOG = Catalog.load()
TEMPLATES = ("alpine", "nginx", "redis", "gvisor", "kata", "firecracker", "alpine-vm", "iis")
FAULTS = ("panic", "leak", "fork_bomb", "cpu_hog", "cve-2019-5736")


def check(session: Session) -> dict[str, Snapshot]:
    """Assert every host's snapshot equals one built afresh; return the snapshots."""
    snaps = {}
    for hid in session.hosts:
        kept, fresh = session.snapshot(hid), snapshot_afresh(session, hid)
        assert snapshots_equal(kept, fresh), f"{hid} at {session.now}"
        assert kept.tally == count_guests(fresh.guests)
        snaps[hid] = kept
    return snaps


def two_hosts(seed: int, lab: str = "classroom-server", **policy: object) -> Scenario:
    """Return a scenario of two linked hosts, a few guests arriving on the first."""
    return Scenario(
        seed=seed,
        host=HostSpec("classroom-server", {"ram_gib": 24}),
        more_hosts=(HostSpec(lab, {}, id="lab"),),
        links=(LinkSpec("main", "lab", 500.0),),
        policy=Policy(**policy),  # type: ignore[arg-type]
        guests=(GuestSpec("alpine", 6, 0.0, 0.3), GuestSpec("alpine-vm", 2, 0.5, 1.0)),
    )


def act(session: Session, history: History, rng: random.Random) -> None:
    """Do one random thing a class could do (refused calls change nothing)."""
    live = sorted(g.id for h in session.hosts.values() for g in h.live_guests())
    gid = rng.choice(live) if live else ""
    roll = rng.random()
    call: tuple[str, tuple[object, ...], dict[str, object]]
    if roll < 0.25 or not gid:
        count = rng.choice((1, 1, 3, 12))
        kwargs = {"stagger_s": rng.choice((0.0, 0.2)), "host": rng.choice(("", "lab"))}
        call = ("add_guests", (rng.choice(TEMPLATES), count), kwargs)
    elif roll < 0.45:
        mode = rng.choice(("cold", "live", "checkpoint"))
        target = "lab" if session.host_of(gid).id == "main" else "main"
        call = ("move_guest", (gid, target, mode), {})
    elif roll < 0.55:
        call = ("remove_guest", (gid,), {})
    elif roll < 0.65:
        call = ("inject", (rng.choice(FAULTS), gid), {})
    elif roll < 0.75:
        call = ("run_workload", (rng.choice(("cpu", "memory", "random_io")), [gid]), {})
    elif roll < 0.82:
        # Another gVisor platform or Kata hypervisor replaces a sandbox by a new guest.
        config = GuestConfig(
            pids_limit=rng.choice((0, 64)),
            network=rng.choice(("nat", "host")),
            gvisor_platform=rng.choice(("systrap", "kvm")),
            kata_hypervisor=rng.choice(("qemu", "firecracker")),
        )
        call = ("set_config", (gid, config), {})
    else:
        call = ("step", (), {})
    method, args, kwargs = call
    try:
        getattr(session, method)(*args, **kwargs)
    except (KeyError, ValueError):
        return
    history.note(session.now, method, *args, **kwargs)


@pytest.mark.parametrize("seed", range(12))
def test_kept_snapshots_equal_fresh_ones_over_random_sessions(seed: int) -> None:
    rng = random.Random(seed)
    policy = {"ksm": True, "memory": "overcommit"} if seed % 2 else {}
    # A laptop (a type-2 hypervisor) as the second host: cold moves convert disk images.
    scenario = two_hosts(seed, "laptop" if seed % 3 == 0 else "classroom-server", **policy)
    session = Session(scenario, CATALOG)
    history = History()
    earlier: list[tuple[Snapshot, Snapshot]] = []
    for frame in range(160):
        if rng.random() < 0.3:
            act(session, history, rng)
        session.advance(rng.choice((0.0, 0.033, 0.1, 0.5, 2.0)))
        if rng.random() < 0.7:  # frames skipped: changes pile up between snapshots
            snaps = check(session)
            history.record(snaps)
            if frame % 20 == 0:
                earlier.append((snaps["main"], snapshot_afresh(session, "main")))
    for kept, fresh in earlier:  # what a view kept still shows what it showed
        assert kept.guests == fresh.guests and kept.tally == count_guests(fresh.guests)
    assert len(history.calls) > 10
    for at_s in (history.start_s, (history.start_s + history.end_s) / 2, history.end_s):
        replayed = history.replay(scenario, at_s, CATALOG)
        check(replayed)
        replayed.advance(1.0)
        check(replayed)


def test_a_panicked_host_shows_every_guest_crashed_and_none_live() -> None:
    session = Session(two_hosts(3), CATALOG)
    session.advance(12.0)
    before = check(session)["main"]
    assert before.tally.live_ids
    (victim,) = [g.id for g in session.host.live_guests() if g.template.id == "alpine"][:1]
    session.inject("panic", victim)
    for _ in range(20):
        session.advance(0.5)
        check(session)
    after = session.snapshot()
    assert session.host.down and all(g.host_down for g in after.guests)
    assert after.tally.live_ids == () and after.tally.kinds == before.tally.kinds
    session.add_guests("nginx", 2)  # refused by the panicked host, but listed
    session.advance(1.0)
    check(session)


def test_moving_guests_are_marked_on_both_hosts_until_they_arrive() -> None:
    session = Session(two_hosts(4), CATALOG)
    session.advance(40.0)
    vm = next(g.id for g in session.host.live_guests() if g.template.id == "alpine-vm")
    ct = next(g.id for g in session.host.live_guests() if g.template.id == "alpine")
    session.move_guest(vm, "lab", "live")
    session.move_guest(ct, "lab", "cold")
    roles = set()
    while any(m.end_s is None for m in session.moves):
        session.advance(0.1)
        snaps = check(session)
        roles |= {(h, g.move) for h, s in snaps.items() for g in s.guests if g.move}
    assert {("main", "leaving"), ("lab", "arriving")} <= roles
    assert session.host_of(vm).id == "lab" and session.host_of(ct).id == "lab"
    check(session)


def test_a_sandbox_replaced_by_a_new_platform_is_listed_as_a_new_guest() -> None:
    session = Session(two_hosts(7), CATALOG)
    (old,) = session.add_guests("gvisor")
    session.advance(5.0)
    check(session)
    new = session.set_config(old, GuestConfig(gvisor_platform="kvm"))
    assert new != old
    for _ in range(10):
        session.advance(0.5)
        snap = check(session)["main"]
    assert new in snap.tally.live_ids and old not in snap.tally.live_ids


def test_a_quiet_frame_hands_out_the_same_tuples() -> None:
    session = Session(two_hosts(5), CATALOG)
    session.advance(60.0)
    first, second = session.snapshot(), session.snapshot()
    assert first.guests is second.guests and first.tally is second.tally
    assert first.moves is second.moves and first.incidents is second.incidents


def test_a_moment_of_the_history_keeps_its_snapshot_tally() -> None:
    session = Session(two_hosts(6), CATALOG)
    history = History()
    session.advance(3.0)
    snaps = check(session)
    history.record(snaps)
    session.advance(30.0)
    history.record(check(session))
    back = history.at(3.0)["main"]
    assert back.guests is snaps["main"].guests and back.tally is snaps["main"].tally
    assert back.tally == count_guests(back.guests)

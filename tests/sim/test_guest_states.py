"""Every guest state change goes through one table, and leaving a live state releases everything.

Each test named after an item of the reliability report (issue 13) replays its reproducer with
the invariant checker watching every recorded sample.
"""

from __future__ import annotations

import pytest

from sim import invariants, states
from sim.catalog import Catalog
from sim.scenario import ScenarioError, parse_scenario
from sim.session import Session
from sim.vocabulary import ENDED_STATES, LIVE_STATES, MAX_GUESTS, STATES

CATALOG = Catalog.load()
TWO_HOSTS = """version = 1
[[hosts]]
id = "a"
[[hosts]]
id = "b"
[[guests]]
template = "alpine"
count = 3
host = "a"
"""


def watched(text: str, until_s: float = 120.0) -> Session:
    """Run a scenario with the invariant checker at every sample, and check it at the end."""
    session = Session(parse_scenario(text), CATALOG)
    invariants.watch(session)
    session.run_until(until_s)
    invariants.check(session)
    return session


def action(at_s: float, name: str, targets: list[str], **fields: object) -> str:
    """Return one [[actions]] table."""
    extra = "".join(f"{k} = {v!r}\n".replace("'", '"') for k, v in fields.items())
    quoted = ", ".join(f'"{t}"' for t in targets)
    return f'[[actions]]\nat_s = {at_s}\naction = "{name}"\ntargets = [{quoted}]\n{extra}'


def test_the_table_names_every_state_and_ended_states_are_final() -> None:
    assert set(states.TRANSITIONS) == set(STATES)
    for state in ENDED_STATES:
        assert not states.TRANSITIONS[state]
    assert set(LIVE_STATES) == states.HOLDING and "moving" not in states.HOLDING
    with pytest.raises(states.IllegalTransition):
        states.check("killed", "running")
    with pytest.raises(states.IllegalTransition):
        states.check("moving", "killed")


@pytest.mark.parametrize("template, ram_gib", [("alpine", 0.625), ("iis", 0.72265625)])
def test_1_a_windows_host_too_small_fails_the_guest_instead_of_crashing(template, ram_gib):
    session = watched(
        f'version = 1\n[host]\nos = "windows"\nram_gib = {ram_gib}\n'
        f'[[guests]]\ntemplate = "{template}"\n'
    )
    guest = session.guest(f"{template}-1")
    assert guest.state in ("failed", "killed") and guest.held.empty()


def test_2_and_8_a_leak_stops_when_its_guest_moves_away() -> None:
    session = watched(
        TWO_HOSTS
        + action(5, "leak", ["alpine-3"], rate_mib_s=1000000.0)
        + action(5, "move", ["alpine-3"], to="b")
    )
    assert session.guest("alpine-3").state == "running"
    assert session.host_of("alpine-3").id == "b"
    assert session.hosts["a"].ledger.layers["app"] == pytest.approx(
        sum(g.memory.get("app", 0.0) for g in session.hosts["a"].guests.values())
    )
    stopped = [e for e in session.recorder.log_view() if e.code == "fault_stopped"]
    assert [(e.guest_id, e.params["fault"], e.params["state"]) for e in stopped] == [
        ("alpine-3", "leak", "moving")
    ]


def test_8_a_fork_bomb_gives_back_the_old_hosts_pids_when_its_guest_moves() -> None:
    session = watched(
        TWO_HOSTS + action(5, "fork_bomb", ["alpine-3"]) + action(6.5, "move", ["alpine-3"], to="b")
    )
    a = session.hosts["a"]
    expected = a.preset.host_pids + sum(g.pids for g in a.guests.values())
    assert a.pids_used == expected < a.preset.host_pids + 100
    assert session.hosts["b"].pids_used < session.hosts["b"].preset.host_pids + 100


def test_3_the_same_guest_moved_twice_in_one_instant_moves_once() -> None:
    session = watched(TWO_HOSTS + action(5, "move", ["alpine-1", "alpine-1"], to="b"))
    assert session.host_of("alpine-1").id == "b" and len(session.moves) == 1
    assert session.guest("alpine-1").state == "running"


def test_3_a_second_click_on_move_while_paused_is_refused() -> None:
    session = watched(TWO_HOSTS, until_s=5)
    session.move_guest("alpine-1", "b")
    with pytest.raises(ValueError, match="moving"):
        session.move_guest("alpine-1", "b")
    session.run_until(60)
    invariants.check(session)
    assert session.guest("alpine-1").state == "running"


def test_5_a_guest_removed_in_the_instant_it_is_requested_stops_and_holds_nothing() -> None:
    session = watched(
        'version = 1\n[[guests]]\ntemplate = "ubuntu-server"\n'
        + action(0, "remove", ["ubuntu-server-1"])
    )
    guest, host = session.guest("ubuntu-server-1"), session.host
    assert guest.state == "stopped" and guest.held.empty()
    assert host.pids_used == host.preset.host_pids
    assert host.vcpus_committed == 0 and host.disk_used_gib == 0


def test_6_a_guest_killed_while_its_page_cache_is_taken_stays_killed() -> None:
    session = watched(
        'version = 1\n[host]\nram_gib = 0.5859375\n[[guests]]\ntemplate = "postgres"\n'
    )
    guest = session.guest("postgres-1")
    assert guest.state in ("killed", "failed") and guest.held.empty()
    assert guest.view().ready_s is None


def test_7_a_guest_on_its_way_holds_nothing_for_the_oom_killer_to_take() -> None:
    session = watched(TWO_HOSTS, until_s=5)
    session.move_guest("alpine-2", "b")
    guest, source = session.guest("alpine-2"), session.hosts["a"]
    assert guest.state == "moving" and guest.held.empty()
    assert not source.end(guest, "killed", "oom", code="oom_kill")
    assert guest not in source.live_guests()
    session.run_until(60)
    invariants.check(session)
    assert guest.state == "running" and session.host_of("alpine-2").id == "b"


def test_7_a_guest_removed_on_its_way_stays_stopped() -> None:
    session = watched(TWO_HOSTS, until_s=5)
    record = session.move_guest("alpine-2", "b")
    session.remove_guest("alpine-2")
    session.run_until(120)
    invariants.check(session)
    guest = session.guest("alpine-2")
    assert guest.state == "stopped" and guest.ready_s is None
    assert record.view().verdict == "removed" and session.host_of("alpine-2").id == "a"
    assert not [
        e
        for e in session.recorder.log_view()
        if e.code == "ready" and e.guest_id == "alpine-2" and e.time_s > 5
    ]


def test_9_startup_is_never_negative_during_a_move() -> None:
    session = watched(
        'version = 1\n[[hosts]]\nid = "a"\n[[hosts]]\nid = "b"\n'
        '[[guests]]\ntemplate = "ubuntu-server"\nhost = "a"\n',
        until_s=60,
    )
    session.move_guest("ubuntu-server-1", "b")
    while session.guest("ubuntu-server-1").state != "running":
        session.step()
        startup = session.guest("ubuntu-server-1").view().startup_s
        assert startup is None or startup >= 0
    assert session.guest("ubuntu-server-1").view().startup_s > 0


def test_11_a_scenario_asking_for_more_guests_than_the_cap_is_refused() -> None:
    text = "version = 1\n" + '[[guests]]\ntemplate = "alpine"\ncount = 100000\n' * 10
    with pytest.raises(ScenarioError, match=f"at most {MAX_GUESTS:,} guests"):
        Session(parse_scenario(text), CATALOG)
    session = Session(
        parse_scenario(f'version = 1\n[[guests]]\ntemplate = "alpine"\ncount = {MAX_GUESTS}\n'),
        CATALOG,
    )
    with pytest.raises(ValueError, match="at most"):
        session.add_guests("alpine")


def test_11_an_oom_storm_kills_only_guests_that_hold_memory() -> None:
    session = watched(
        'version = 1\n[host]\npreset = "big-server"\nram_gib = 1.5\n'
        'vcpu_per_core = 64\n[[guests]]\ntemplate = "firecracker"\ncount = 300\n',
        until_s=600,
    )
    kills = [e for e in session.recorder.log_view() if e.code == "oom_kill"]
    assert kills and all(float(e.params["resident_mib"]) > 0 for e in kills)
    assert not session.host.live_guests() or all(
        g.state == "running" for g in session.host.live_guests()
    )


def test_an_ended_guest_cannot_be_revived_by_its_own_start() -> None:
    session = watched('version = 1\n[[guests]]\ntemplate = "alpine"\n', until_s=1)
    guest, host = session.guest("alpine-1"), session.host
    host.end(guest, "killed", "oom")
    with pytest.raises(states.GuestGone):
        host.advance(guest, "running")
    with pytest.raises(states.GuestGone):
        host.memory.alloc(guest, "app", 1.0)
    assert guest.state == "killed" and guest.held.empty()

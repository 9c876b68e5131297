"""The invariant checker holds at every sample through faults, moves and removals on two hosts,
and it catches a broken invariant when one is planted (so the property is not vacuous)."""

from __future__ import annotations

import pytest
from helpers import watched
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from sim import invariants
from sim.catalog import Catalog
from sim.guestconfig import GuestConfig
from sim.host import Policy
from sim.scenario import ActionSpec, GuestSpec, HostSpec, Scenario
from sim.vocabulary import FAULTS

CATALOG = Catalog.load()
TEMPLATES = sorted(CATALOG.templates)
HOST_IDS = ("a", "b")

hosts = st.tuples(
    *(
        st.builds(
            HostSpec,
            preset=st.sampled_from(sorted(CATALOG.hosts)),
            overrides=st.fixed_dictionaries(
                {
                    "ram_gib": st.sampled_from([2, 4, 16]),
                    "os": st.sampled_from(["linux", "windows"]),
                }
            ),
            id=st.just(hid),
        )
        for hid in HOST_IDS
    )
)
guest_specs = st.builds(
    GuestSpec,
    template=st.sampled_from(TEMPLATES),
    count=st.integers(1, 6),
    at_s=st.sampled_from([0.0, 0.5, 3.0]),
    stagger_s=st.sampled_from([0.0, 0.2]),
    host=st.sampled_from(HOST_IDS),
)


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    """Return two hosts, some guests, and actions aimed at guest ids that may exist."""
    specs = tuple(draw(st.lists(guest_specs, min_size=1, max_size=4)))
    ids = [
        f"{t}-{i}"
        for t in {s.template for s in specs}
        for i in range(1, 1 + sum(s.count for s in specs if s.template == t))
    ]
    actions = tuple(
        draw(
            st.lists(
                st.builds(
                    ActionSpec,
                    at_s=st.sampled_from([0.0, 0.3, 1.0, 5.0, 20.0, 40.0]),
                    action=st.sampled_from([*FAULTS, "remove", "move", "workload", "exploit"]),
                    targets=st.lists(st.sampled_from(ids), min_size=1, max_size=3).map(tuple),
                    workload=st.sampled_from(sorted(CATALOG.workloads)),
                    exploit=st.sampled_from(sorted(CATALOG.exploits)),
                    rate_mib_s=st.sampled_from([10.0, 500.0, 1e6]),
                    duration_s=st.sampled_from([1.0, 30.0]),
                    to=st.sampled_from(HOST_IDS),
                ),
                max_size=6,
            )
        )
    )
    limits = GuestConfig(memory_limit_mib=256.0, pids_limit=500)
    configs = {gid: limits for gid in draw(st.lists(st.sampled_from(ids), max_size=2))}
    a, b = draw(hosts)
    policy = draw(
        st.builds(
            Policy,
            memory=st.sampled_from(["overcommit", "reserve"]),
            ksm=st.booleans(),
            swap=st.booleans(),
        )
    )
    return Scenario(
        seed=draw(st.integers(0, 2**32)),
        host=a,
        more_hosts=(b,),
        policy=policy,
        guests=specs,
        actions=actions,
        configs=configs,
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario=scenarios(), until_s=st.sampled_from([0.4, 6.0, 60.0, 240.0, 600.0]))
def test_invariants_hold_at_every_sample_through_faults_moves_and_removals(
    scenario: Scenario, until_s: float
) -> None:
    for spec in scenario.hosts:
        preset = spec.resolve(CATALOG)
        assume(preset.ram_gib * 1024 > preset.host_kernel_mib + preset.runtime_mib)
    session = watched(scenario)
    session.run_until(until_s)
    invariants.check(session)
    codes = {e.code for e in session.recorder.log_view()}
    for code in ("move_done", "fault_stopped", "oom_kill", "guest_removed", "guest_crashed"):
        event(f"{code}: {code in codes}")  # shown by --hypothesis-show-statistics
    for guest in (g for h in session.hosts.values() for g in h.guests.values()):
        view = guest.view()
        assert view.startup_s is None or view.startup_s >= 0


def test_the_checker_catches_a_guest_that_ended_without_releasing() -> None:
    session = watched(Scenario(guests=(GuestSpec("alpine"),)))
    session.run_until(5)
    invariants.check(session)
    guest = session.guest("alpine-1")
    guest.state = "killed"  # behind the state machine's back: nothing is released
    found = invariants.session_violations(session)
    assert any("killed yet holds" in v for v in found)
    assert any("live list" in v for v in found)
    with pytest.raises(invariants.InvariantError):
        invariants.check(session)


def test_the_checker_catches_an_unbalanced_ledger_and_a_negative_time() -> None:
    session = watched(Scenario(guests=(GuestSpec("alpine"),)))
    session.run_until(5)
    session.host.ledger.free += 1.0
    session.guest("alpine-1").ready_s = -1.0
    found = invariants.host_violations(session.host)
    assert any(v.startswith("ledger:") for v in found)
    assert any("ready -1.0" in v for v in found)

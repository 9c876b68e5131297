"""Two one-host scenarios joined into one scenario of two hosts on one clock."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sim.host import Policy
from sim.pairing import PairingError, pair_scenarios
from sim.scenario import ActionSpec, GuestSpec, HostSpec, Scenario
from sim.session import Session

CONTAINERS = Scenario(seed=3, host=HostSpec("laptop"), guests=(GuestSpec("nginx", 3, 0.0, 0.5),))
VMS = Scenario(seed=9, host=HostSpec("classroom-server"), guests=(GuestSpec("alpine-vm", 2),))


def test_each_scenario_gets_its_host_and_its_guests_one_clock_one_seed() -> None:
    paired = pair_scenarios(CONTAINERS, VMS, "a", "b")
    assert [(h.id, h.preset) for h in paired.hosts] == [("a", "laptop"), ("b", "classroom-server")]
    assert paired.seed == 3 and paired.lesson is None
    session = Session.bundled(paired)
    session.run_until(60.0)
    on_a = {g.template for g in session.snapshot("a").guests}
    on_b = {g.template for g in session.snapshot("b").guests}
    assert on_a == {"nginx"} and on_b == {"alpine-vm"}
    assert len(session.snapshot("a").guests) == 3 and len(session.snapshot("b").guests) == 2


def test_scenarios_that_name_guests_or_differ_in_policy_are_refused() -> None:
    acting = replace(VMS, actions=(ActionSpec(5.0, "panic", ("alpine-vm-1",)),))
    with pytest.raises(PairingError, match="second scenario has timed actions"):
        pair_scenarios(CONTAINERS, acting)
    with pytest.raises(PairingError, match="memory policies"):
        pair_scenarios(CONTAINERS, replace(VMS, policy=Policy(memory="reserve")))
    two_hosts = replace(CONTAINERS, more_hosts=(HostSpec("laptop", id="other"),))
    with pytest.raises(PairingError, match="first scenario has 2 hosts"):
        pair_scenarios(two_hosts, VMS)
    with pytest.raises(PairingError, match="different ids"):
        pair_scenarios(CONTAINERS, VMS, "x", "x")

"""Filling the host one guest at a time reaches the number density predicts."""

from __future__ import annotations

import pytest

from sim.catalog import Catalog
from sim.fill import fill
from sim.host import Policy
from sim.scenario import HostSpec, Scenario
from sim.session import Session


@pytest.mark.parametrize(
    "template, policy, limit",
    [
        ("alpine", "overcommit", "bridge_ports"),
        ("ubuntu-server", "overcommit", "cpu"),
        ("ubuntu-server", "reserve", "memory"),
        ("windows-server", "overcommit", "memory"),
    ],
)
def test_fill_reaches_predicted_max(template, policy, limit):
    scenario = Scenario(host=HostSpec("classroom-server"), policy=Policy(memory=policy))
    predicted = {r.template: r for r in Session.bundled(scenario).density()}[template]
    result = fill(scenario, template, Catalog.load())
    assert predicted.limit == limit
    assert result.count == predicted.max
    assert result.stopped_by in (limit, "oom")


def test_fill_on_small_host_stops_at_pids():
    scenario = Scenario(host=HostSpec("classroom-server", {"pid_max": 2000}))
    predicted = {r.template: r for r in Session.bundled(scenario).density()}["alpine"]
    assert predicted.limit == "pids"
    result = fill(scenario, "alpine", Catalog.load())
    assert result.count == predicted.max and result.stopped_by == "pids"

"""The same scenario and seed replay exactly; another seed gives other start-up times."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from sim.host import Policy
from sim.scenario import DEFAULT_SCENARIO, GuestSpec, HostSpec, Scenario, load_scenario
from sim.session import Session

ROOT = Path(__file__).resolve().parents[2]
BUSY = Scenario(
    seed=42,
    host=HostSpec("classroom-server", {"ram_gib": 24}),
    policy=Policy(ksm=True),
    guests=(
        GuestSpec("nginx", 5, 0.0, 0.2),
        GuestSpec("alpine", 40, 0.5, 0.0),
        GuestSpec("windows-server", 6, 1.0, 3.0),
        GuestSpec("firecracker", 10, 2.0, 0.05),
        GuestSpec("kata", 3, 2.0, 0.0),
        GuestSpec("ubuntu-server", 2, 0.0, 0.0),
    ),
)


def run(scenario: Scenario, until_s: float = 180.0) -> tuple[str, list[tuple], bytes]:
    session = Session.bundled(scenario)
    session.run_until(until_s)
    results = json.dumps(session.results(), sort_keys=True)
    log = [
        (e.time_s, e.code, e.guest_id, json.dumps(dict(e.params), sort_keys=True), e.message)
        for e in session.snapshot().log
    ]
    series = session.recorder.series()
    return (
        results,
        log,
        series.time_s.tobytes()
        + b"".join(series.layers[name].tobytes() for name in sorted(series.layers)),
    )


def startups(results_json: str) -> dict[str, float | None]:
    return {g["id"]: g["startup_s"] for g in json.loads(results_json)["guests"]}


@pytest.mark.parametrize(
    "scenario", [load_scenario(DEFAULT_SCENARIO), BUSY], ids=["default", "busy"]
)
def test_same_scenario_and_seed_replay_byte_for_byte(scenario):
    first, second = run(scenario), run(scenario)
    assert first[0] == second[0]  # results JSON
    assert first[1] == second[1]  # event log
    assert first[2] == second[2]  # memory series


def test_the_busy_scenario_exercises_oom_and_ksm():
    session = Session.bundled(BUSY)
    session.run_until(180.0)
    assert session.snapshot().oom_times_s
    # ksmd merges a page on its second scan, at 19.5 MiB/s: minutes after the VMs boot.
    session.run_until(1500.0)
    assert session.snapshot().memory_mib["ksm_saved"] > 0


@pytest.mark.parametrize(
    "scenario", [load_scenario(DEFAULT_SCENARIO), BUSY], ids=["default", "busy"]
)
def test_another_seed_changes_startup_times(scenario):
    a = startups(run(scenario)[0])
    b = startups(run(replace(scenario, seed=scenario.seed + 1))[0])
    assert a.keys() == b.keys()
    ready_in_both = [gid for gid in a if a[gid] is not None and b[gid] is not None]
    assert ready_in_both
    assert all(a[gid] != b[gid] for gid in ready_in_both)


def test_replay_does_not_depend_on_the_process_hash_seed():
    # Iterating a set of strings follows PYTHONHASHSEED; the simulation must never do so where
    # order matters. Two processes with different hash seeds must print the same JSON.
    code = (
        "import json, sys; sys.path.insert(0, 'tests/sim'); "
        "from test_determinism import BUSY, run; print(run(BUSY)[0])"
    )
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == run(BUSY)[0] + "\n"

"""Differential test: random programs run on SimPy and on `sim.engine` give the same trace.

`make engine-diff N=50000` runs many more (see tests/sim/engine_diff.py).
"""

from __future__ import annotations

from collections import Counter

import pytest
from engine_diff import HostlabAdapter, coverage, first_difference, trace_of
from engine_diff_programs import make_program

PROGRAMS = 4000
CHUNK = 500


@pytest.mark.parametrize("start", range(0, PROGRAMS, CHUNK))
def test_random_programs_trace_identically_on_simpy_and_hostlab(start: int) -> None:
    for seed in range(start, start + CHUNK):
        problem = first_difference(make_program(seed))
        assert problem is None, problem


def test_generated_programs_reach_every_behaviour() -> None:
    seen: Counter = Counter()
    for seed in range(300):
        program = make_program(seed)
        seen += coverage(program, trace_of(HostlabAdapter, program))
    wanted = [
        "caught:Boom",
        "caught:Interrupt",
        "lets-through:Boom",
        "lets-through:Interrupt",
        "escaped:Boom",
        "escaped:Interrupt",
        "escaped:RuntimeError",
        "escaped:EmptySchedule",
        "escaped:ValueError",
        "bad-yield",
        "hook",
        "hook-late",
        "interrupt",
        "fail",
        "succeed",
        "all_of",
        "peek",
        "step",
        "advance",
        "got",
    ]
    assert all(seen[name] > 0 for name in wanted), {name: seen[name] for name in wanted}

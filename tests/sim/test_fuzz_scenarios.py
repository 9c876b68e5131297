"""A few hundred fuzzed scenario files per run: no crash, no hang, no broken invariant.

The fuzzer is tests/sim/fuzz_scenarios.py; `make fuzz` runs 10,000 cases of it. Set
HOSTLAB_FUZZ_SEED to explore other cases (the default keeps the suite reproducible).
"""

from __future__ import annotations

import os

from fuzz_scenarios import fuzz, mutate

SEED = int(os.environ.get("HOSTLAB_FUZZ_SEED", "13"))


def test_fuzzed_scenario_files_never_crash_hang_or_break_an_invariant():
    counts, failures = fuzz(300, SEED)
    assert failures == []
    assert counts["loaded"] >= 60 and counts["rejected"] >= 60  # both paths are exercised


def test_the_fuzzer_is_deterministic():
    import random

    text = "version = 1\ncount = 3\n"
    assert mutate(text, random.Random(5)) == mutate(text, random.Random(5))

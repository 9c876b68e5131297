"""kill -9 during the Qt-free writers (scenario save, --out export): old or new, nothing else.

The child and the harness are in tests/kill_child.py; the pictures and the crash log are in
tests/gui/test_kill9_exports.py.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

from kill_child import ROUNDS, kill_while_writing, leftovers

ROOT = Path(__file__).resolve().parents[2]


def test_scenario_saves_survive_kill_9(tmp_path):
    from dataclasses import replace

    from sim.scenario import DEFAULT_SCENARIO, load_scenario, save_scenario

    rng = random.Random(13)
    target = tmp_path / "lesson.toml"
    for _ in range(ROUNDS):
        kill_while_writing("scenario", target, rng)
        assert load_scenario(target).seed in (1, 2)  # whole: one version or the other
        save_scenario(replace(load_scenario(DEFAULT_SCENARIO), seed=3), target)
        assert leftovers(tmp_path, {"lesson.toml"}) == []


def reference_exports(tmp_path: Path) -> dict[str, dict[str, bytes]]:
    from sim.scenario import DEFAULT_SCENARIO, load_scenario
    from sim.session import Session

    refs = {}
    for version, until in (("a", 5.0), ("b", 9.0)):
        session = Session.bundled(load_scenario(DEFAULT_SCENARIO))
        session.run_until(until)
        files = session.export(tmp_path / f"ref-{version}")
        refs[version] = {f.name: f.read_bytes() for f in files}
    return refs


def test_exports_survive_kill_9_and_never_mix_two_runs(tmp_path):
    refs = reference_exports(tmp_path / "refs")
    rng = random.Random(15)
    work = tmp_path / "work"
    work.mkdir()
    target = work / "out"
    for _ in range(ROUNDS):
        kill_while_writing("export", target, rng)
        found = {p.name: p.read_bytes() for p in target.iterdir()}
        assert found in (refs["a"], refs["b"])  # every file of one run, none of the other
        result = subprocess.run(
            [sys.executable, "-m", "sim", "run", "--until", "1", "--out", str(target)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        assert json.loads((target / "results.json").read_text())["until_s"] == 1
        assert leftovers(work, {"out"}) == []

"""kill -9 during every writer: afterwards the old or the new file, whole, and nothing else.

Each round starts tests/kill_child.py, which writes the target again and again, kills it at a
random moment, checks what is on disk, then lets one more write run and checks that the killed
writer's temporaries are gone. `HOSTLAB_KILL_ROUNDS` sets the rounds (`make fuzz` runs more).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHILD = ROOT / "tests" / "kill_child.py"
ROUNDS = int(os.environ.get("HOSTLAB_KILL_ROUNDS", "4"))


def kill_while_writing(kind: str, target: Path, rng: random.Random,
                       env: dict[str, str] | None = None) -> None:
    """Start a writer, wait until it has written once, kill -9 it at a random moment."""
    proc = subprocess.Popen([sys.executable, str(CHILD), kind, str(target)],
                            stdout=subprocess.PIPE, text=True, env=env or os.environ.copy())
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.4))
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


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
        session = Session(load_scenario(DEFAULT_SCENARIO))
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
        result = subprocess.run([sys.executable, "-m", "sim", "run", "--until", "1", "--out",
                                 str(target)], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert json.loads((target / "results.json").read_text())["until_s"] == 1
        assert leftovers(work, {"out"}) == []


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_picture_exports_survive_kill_9(tmp_path, kind):
    rng = random.Random(17)
    target = tmp_path / f"shot.{kind}"
    for _ in range(ROUNDS):
        kill_while_writing(kind, target, rng)
        data = target.read_bytes()
        if kind == "png":
            assert data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")
        else:
            import xml.etree.ElementTree as ET

            assert ET.fromstring(data).tag.endswith("svg")
        from sim.atomic import write_bytes

        write_bytes(target, data)  # the next write cleans up after the killed one
        assert leftovers(tmp_path, {target.name}) == []


def test_crash_logs_survive_kill_9(tmp_path):
    rng = random.Random(19)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)}
    for _ in range(ROUNDS):
        kill_while_writing("crash", tmp_path / "unused", rng, env)
    logs = list(tmp_path.rglob("crash-*.log"))
    assert logs and all(p.read_text().endswith("\nend\n") for p in logs)
    temporaries = [p for p in tmp_path.rglob("*") if p.name.startswith(".hostlab-tmp-")]
    if temporaries:  # one killed mid-write: the next log written there removes it
        from sim.atomic import write_text

        write_text(temporaries[0].parent / "crash-next.log", "next\n")
        assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".hostlab-tmp-")]

"""kill -9 during a writer: the child that writes, and the parent's `kill_while_writing`.

As a program, `python tests/kill_child.py KIND TARGET` prints "ready" once set up, then writes
TARGET over and over, alternating between two versions ("a" and "b"), through the same code path
the app uses for that kind of file: scenario (save_scenario), export (the CLI's --out folder),
png and svg (gui/export.py), crash (the crash log). The tests (tests/sim/test_kill9.py,
tests/gui/test_kill9_exports.py) kill it at a random moment and check that what they find is
one whole version, and that the next write leaves nothing of the killed one behind.
`HOSTLAB_KILL_ROUNDS` sets the rounds per writer (`make fuzz` runs more).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ROUNDS = int(os.environ.get("HOSTLAB_KILL_ROUNDS", "4"))


def kill_while_writing(
    kind: str, target: Path, rng: random.Random, env: dict[str, str] | None = None
) -> None:
    """Start a writer, wait until it has written once, kill -9 it at a random moment."""
    proc = subprocess.Popen(
        [sys.executable, __file__, kind, str(target)],
        stdout=subprocess.PIPE,
        text=True,
        env=env or os.environ.copy(),
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.4))
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    """Return the names in `folder` other than `keep`."""
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def sim_writer(kind: str, target: Path):
    """Return write(version) for the Qt-free writers."""
    from dataclasses import replace

    from sim.scenario import DEFAULT_SCENARIO, load_scenario, save_scenario
    from sim.session import Session

    base = load_scenario(DEFAULT_SCENARIO)
    if kind == "scenario":
        versions = {v: replace(base, seed=seed) for v, seed in (("a", 1), ("b", 2))}
        return lambda v: save_scenario(versions[v], target)
    sessions = {}
    for v, until in (("a", 5.0), ("b", 9.0)):
        sessions[v] = Session.bundled(base)
        sessions[v].run_until(until)
    return lambda v: sessions[v].export(target)


def gui_writer(kind: str, target: Path):
    """Return write(version) for the writers that need Qt."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    if kind == "crash":
        from gui.crash import write_crash_log

        return lambda v: write_crash_log(f"version {v}\n" + "x" * 200_000 + "\nend\n")
    from gui.export import export_picture

    widgets = {"a": QLabel("version a" * 20), "b": QLabel("version b")}
    widgets["a"].resize(640, 400)
    widgets["b"].resize(320, 200)
    app.processEvents()
    return lambda v: export_picture(widgets[v], target)


def main() -> None:
    """Write forever; the parent kills us."""
    kind, target = sys.argv[1], Path(sys.argv[2])
    write = sim_writer(kind, target) if kind in ("scenario", "export") else gui_writer(kind, target)
    write("a")
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        write("ab"[i % 2])


if __name__ == "__main__":
    main()

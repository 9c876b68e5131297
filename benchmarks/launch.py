"""Launch time of HostLab against a bare PySide6 + pyqtgraph window with one plot.

Usage: ``QT_QPA_PLATFORM=offscreen python benchmarks/launch.py [--runs 5]``. Each run spawns a
fresh interpreter and measures wall time from the spawn to the line the program prints once its
window is first shown (after the first paint was queued): HostLab through
``packaging/hostlab_entry.py`` with HOSTLAB_EXIT_AFTER_SHOW=1 (the `hostlab` command as the
frozen app runs it), the bare window through the small program below. The two alternate, so a
busy machine slows both alike. HostLab shows its window before it builds the views (they need
numpy and pyqtgraph) and fills them in on the event loop's first turn: both moments are timed.
Prints each median, then one final JSON line with the medians and their ratios to the bare
window (HostLab / bare; the figure to hold: ≤ 1.3), and the CPU time of each whole process
(steadier than wall time on a shared machine; HostLab's runs until its views are filled in).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import PySide6.QtWidgets as W
import pyqtgraph as pg
from PySide6.QtCore import QTimer
app = W.QApplication([])
class Window(W.QMainWindow):
    def showEvent(self, event):
        super().showEvent(event)
        QTimer.singleShot(0, lambda: (print("window shown", flush=True), app.quit()))
window = Window()
window.setCentralWidget(pg.PlotWidget())
window.resize(1280, 800)
window.show()
app.exec()
"""


def shown_after(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Return wall seconds from spawning `argv` to its "window shown" line and to its last
    line ("views and scenario loaded" for HostLab: the window filled in), and the CPU seconds
    the process used in all (it quits right after that line)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT
    )
    assert proc.stdout is not None
    shown = last = None
    for line in proc.stdout:
        last = time.perf_counter() - t0
        if "window shown" in line and shown is None:
            shown = last
    _pid, _status, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0  # reaped above
    if shown is None or last is None:
        raise RuntimeError(f"{argv} never showed its window")
    return shown, last, usage.ru_utime + usage.ru_stime


def main() -> None:
    """Alternate the two launches `--runs` times; print the medians and the final JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(
        os.environ,
        PYTHONUNBUFFERED="1",
        HOSTLAB_EXIT_AFTER_SHOW="1",
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        # a teacher's remembered settings (start page, layout) stay out of it
        XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="hostlab-launch-"),
    )
    # An installed HostLab starts from compiled bytecode (pip and PyInstaller write it), as
    # the bare window's libraries do: without it each start would compile our ~100 modules.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT)  # this tree's code, whichever checkout is installed
    bare_cmd = [sys.executable, "-c", BARE]
    hostlab_cmd = [sys.executable, str(ROOT / "packaging" / "hostlab_entry.py")]
    shown_after(bare_cmd, env)  # first runs fill the disk cache for both
    shown_after(hostlab_cmd, env)
    bare, hostlab, loaded, bare_cpu, hostlab_cpu = [], [], [], [], []
    for _ in range(args.runs):
        shown, _, cpu = shown_after(bare_cmd, env)
        bare.append(shown)
        bare_cpu.append(cpu)
        shown, done, cpu = shown_after(hostlab_cmd, env)
        hostlab.append(shown)
        loaded.append(done)
        hostlab_cpu.append(cpu)
    b, h, d, bc, hc = (statistics.median(x) for x in (bare, hostlab, loaded, bare_cpu, hostlab_cpu))
    print(f"bare PySide6 + pyqtgraph window: median {b:.3f} s of {[round(x, 3) for x in bare]}")
    print(f"hostlab window shown: median {h:.3f} s of {[round(x, 3) for x in hostlab]}")
    print(f"hostlab views and scenario in: median {d:.3f} s of {[round(x, 3) for x in loaded]}")
    print(f"CPU seconds of the whole process: bare {bc:.3f}, hostlab (to filled in) {hc:.3f}")
    print(
        json.dumps(
            {
                "bare_s": round(b, 3),
                "hostlab_s": round(h, 3),
                "ratio": round(h / b, 2),
                "loaded_s": round(d, 3),
                "loaded_ratio": round(d / b, 2),
                "cpu_bare_s": round(bc, 3),
                "cpu_hostlab_s": round(hc, 3),
                "cpu_ratio": round(hc / bc, 2),
                "runs": args.runs,
            }
        )
    )


if __name__ == "__main__":
    main()

"""Resident memory of the classroom window: at start, with 1,000 and with 5,000 guests.

Usage: ``QT_QPA_PLATFORM=offscreen python benchmarks/gui_memory.py [--guests 0 1000 5000]``.
Each count runs in a fresh process: the real `MainWindow` (1920×1080, offscreen platform) is
shown with the bundled default scenario (0) or the frame benchmark's scenario of N guests
(benchmarks/gui_frame.py) played to 30 simulated seconds, every guest started, with one frame
painted. Prints the resident set (RSS) and its peak (VmHWM) in MiB per count, then one final
JSON line. A school laptop has 4 GiB in all.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def status_mib(field: str) -> float:
    """Return a memory field of /proc/self/status (VmRSS, VmHWM) in MiB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise KeyError(field)


def one(n: int) -> dict[str, float]:
    """Show the window with `n` guests (0: the default scenario); return RSS and peak."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gui_frame import build_window, flush, scenario

    from sim.session import Session

    app, controller, _window = build_window(False)
    if n:
        controller.set_session(Session.bundled(scenario(n)))
        controller.run_until(30.0)
    else:
        controller.open_default()
    flush(app)
    guests = len(controller.snapshot.guests) if controller.snapshot else 0
    return {
        "guests": guests,
        "rss_mib": round(status_mib("VmRSS"), 1),
        "peak_mib": round(status_mib("VmHWM"), 1),
    }


def main() -> None:
    """Measure each count in its own process; print a table and the final JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guests", type=int, nargs="+", default=[0, 1000, 5000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(one(args.one)))
        return
    out = {}
    for n in args.guests:
        run = subprocess.run(
            [sys.executable, __file__, "--one", str(n)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        out[str(n)] = json.loads(run.stdout.strip().splitlines()[-1])
        r = out[str(n)]
        print(
            f"{n:>6} guests asked ({r['guests']} shown): RSS {r['rss_mib']:.0f} MiB, "
            f"peak {r['peak_mib']:.0f} MiB"
        )
    print(json.dumps({"memory_mib": out}))


if __name__ == "__main__":
    main()

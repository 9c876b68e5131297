"""What one repaint of each view costs, at a moment of a lesson: finds the view that paints slowly.

Usage: ``QT_QPA_PLATFORM=offscreen python benchmarks/view_paint.py [SCENARIO.toml] [--until 120]
[--repeats 10]``. Shows the real `MainWindow` (1920×1080, offscreen platform) with the scenario
(lesson 8 by default) run to ``--until`` simulated seconds, then repaints each visible view, and
each pyqtgraph plot inside it, ``--repeats`` times. Prints the CPU milliseconds per repaint, then
one final JSON line: per view, ``view_ms`` and ``plot_ms``, and ``ratio_to_fastest`` (a view's
repaint over the cheapest view's, so one run compares views whatever the machine's load). A
timeline that filled one path per colour cost ~200 ms here; drawn as rectangles, ~1 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gui_frame import build_window, flush  # noqa: E402  (after sys.path)


def repaint_ms(widget, repeats: int) -> float:  # noqa: ANN001
    """Return the CPU milliseconds of one synchronous repaint of `widget`."""
    t0 = time.process_time()
    for _ in range(repeats):
        widget.repaint()
    return (time.process_time() - t0) * 1000 / repeats


def main() -> None:
    """Run the scenario, repaint each view, print the table and the final JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "scenario", nargs="?", default=str(ROOT / "assets" / "scenarios" / "08-density.toml")
    )
    parser.add_argument("--until", type=float, default=120.0)
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args()
    import pyqtgraph as pg  # type: ignore[import-untyped]  # no stubs

    from sim.session import Session

    app, controller, window = build_window(False)
    controller.set_session(Session.from_file(args.scenario))
    controller.run_until(args.until)
    flush(app)
    out: dict[str, dict[str, float]] = {}
    for name, view in window.views_by_name().items():
        if not view.isVisible():
            continue
        plots = view.findChildren(pg.PlotWidget)
        out[name] = {
            "view_ms": round(repaint_ms(view, args.repeats), 2),
            "plot_ms": round(sum(repaint_ms(p.viewport(), args.repeats) for p in plots), 2),
        }
    fastest = min(max(r["view_ms"], r["plot_ms"]) for r in out.values()) or 1e-3
    for name, r in out.items():
        r["ratio_to_fastest"] = round(max(r["view_ms"], r["plot_ms"]) / fastest, 1)
        print(f"{name:>10}: view {r['view_ms']:.1f} ms, plots {r['plot_ms']:.1f} ms")
    print(json.dumps({"scenario": Path(args.scenario).stem, "until_s": args.until, "views": out}))


if __name__ == "__main__":
    main()

"""Rewind at scale: scrub latency, memory of the history and the cost of a branch's replay.

Usage: ``QT_QPA_PLATFORM=offscreen python benchmarks/rewind.py [--guests 1000] [--run-s 600]
[--speed 2] [--seeks 40]``. Prints a table, then one final line of JSON.

A run of `--run-s` simulated seconds with `--guests` guests (nine containers to one Ubuntu VM,
arriving over the first half of the run on a big server no limit stops) is played frame by
frame as the timer plays it (frame interval × `--speed`) by a `SimController` with the window's
`Rewind` attached, which keeps every published moment (thinned beyond `sim.history.MAX_MOMENTS`).

- recording: the wall time per frame of a controller with the rewind and its time slider
  against the same frames of one without (no window in either), in this process (ratio).
- history: the bytes the kept moments hold beyond what the present holds anyway: every object
  reachable from the history and not from the session's current snapshot, summed by
  `sys.getsizeof` (GuestViews are shared between moments, so most moments cost a few tuples).
- seek without views: `Rewind.seek(t)` alone (find the moment, cut its series, publish).
- scrub: the real `MainWindow` (1920×1080 on Qt's offscreen platform) plays the same run,
  drawing and timing a live frame now and then (`--seeks` of them, spread over the run: the
  window's draw of a published snapshot, then `QApplication.processEvents()` until the render
  is done, as `benchmarks/gui_frame.py` times a frame); then each scrub is `Rewind.seek(t)` to
  a random moment and the same render (ratio of median CPU times: scrub / live draw). Wall and
  CPU time: on a shared machine the CPU time is the steadier figure. After each scrub every view
  is painted whole (`grab`) and timed, to say which view a scrub waits for.
- replay: a branch at t rebuilds the session by replaying the scenario and the hand calls up to
  t (`History.replay`); timed for t at a tenth, half and all of the run.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="hostlab-bench-"))

from sim.host import Policy  # noqa: E402
from sim.scenario import GuestSpec, HostSpec, Scenario  # noqa: E402

HOST = HostSpec(
    "big-server", {"bridge_ports": 1_000_000, "pid_max": 4_194_304, "vcpu_per_core": 16.0}
)


def scenario(guests: int, run_s: float) -> Scenario:
    """Return the benchmark's scenario: guests arriving over the first half of the run."""
    vms = guests // 10
    containers = guests - vms
    half = run_s / 2
    return Scenario(
        seed=1,
        host=HOST,
        policy=Policy(),
        guests=(
            GuestSpec("alpine", containers, 0.0, half / max(containers, 1)),
            GuestSpec("ubuntu-server", vms, 1.0, half / max(vms, 1)),
        ),
    )


def play(controller: object, run_s: float) -> list[float]:
    """Advance `controller` frame by frame to `run_s`; return each frame's wall time."""
    times = []
    while controller.session.now < run_s:  # type: ignore[attr-defined]
        start = time.perf_counter()
        controller.advance_frame()  # type: ignore[attr-defined]
        times.append(time.perf_counter() - start)
    return times


def retained_bytes(roots: list[object], present: object) -> int:
    """Return the bytes reachable from `roots` and not from `present` (shared objects once)."""
    seen: set[int] = set()
    stack = [present]
    while stack:  # everything the present holds anyway
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, type):
            continue
        seen.add(id(obj))
        stack.extend(gc.get_referents(obj))
    total, stack = 0, list(roots)
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, type) or type(obj).__name__ == "module":
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj)
        stack.extend(gc.get_referents(obj))
    return total


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def _timed(action: object) -> tuple[float, float]:
    """Return the wall and CPU seconds `action()` takes."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()  # type: ignore[operator]
    return time.perf_counter() - wall, time.process_time() - cpu


def record(sc: Scenario, args: argparse.Namespace) -> dict[str, object]:
    """Play the run without and with a rewind (no window); return recording cost and memory."""
    from gui.controller import SimController
    from gui.panels.time_slider import TimeSliderPanel
    from gui.rewind import Rewind
    from sim.session import Session

    bare = SimController()
    bare.set_session(Session.bundled(sc))
    bare.set_speed(args.speed)
    without = play(bare, args.run_s)
    del bare
    controller = SimController()
    rewind = Rewind(controller)
    slider = TimeSliderPanel(rewind)
    controller.set_session(Session.bundled(sc))
    controller.set_speed(args.speed)
    with_rewind = play(controller, args.run_s)
    history = rewind.history
    held = retained_bytes([history], controller.session.snapshot())
    rng = np.random.default_rng(3)
    lookups = [
        _timed(lambda t=t: rewind.seek(float(t)))[0] for t in rng.uniform(0.0, history.end_s, 200)
    ]
    replay = {}
    catalog = controller.catalog
    for fraction in (0.1, 0.5, 1.0):
        at_s = history.times()[history.moment_index(args.run_s * fraction)]
        replay[f"{at_s:.0f}"] = round(_timed(lambda a=at_s: history.replay(sc, a, catalog))[0], 3)
    del slider
    return {
        "frames": len(with_rewind),
        "moments_kept": len(history),
        "record_ms_per_frame": round(statistics.median(with_rewind) * 1e3, 3),
        "no_rewind_ms_per_frame": round(statistics.median(without) * 1e3, 3),
        "record_ratio": round(statistics.median(with_rewind) / statistics.median(without), 2),
        "history_mib": round(held / 2**20, 1),
        "seek_without_views_ms": round(statistics.median(lookups) * 1e3, 3),
        "replay_s_by_branch_time": replay,
    }


def scrub(sc: Scenario, args: argparse.Namespace) -> dict[str, object]:
    """Record the run in the real window, then time live frames and scrubs of it."""
    from PySide6.QtWidgets import QApplication

    from gui.controller import SimController
    from gui.window.main_window import MainWindow
    from sim.session import Session

    controller = SimController()
    window = MainWindow(controller)
    window.resize(1920, 1080)
    window.show()
    controller.set_session(Session.bundled(sc))
    controller.set_speed(args.speed)
    # Recording needs no drawing; every `every`-th frame is drawn and timed as a live frame.
    controller.snapshot_ready.disconnect(window._on_controller_snapshot_ready)
    every = max(int(args.run_s / (controller.frame_interval_s * args.speed) / args.seeks), 1)
    live, frames = [], 0

    def draw() -> None:
        window._on_controller_snapshot_ready(controller.snapshot)
        QApplication.processEvents()

    while controller.session.now < args.run_s:
        controller.advance_frame()
        frames += 1
        if frames % every == 0:
            live.append(_timed(draw))
    controller.snapshot_ready.connect(window._on_controller_snapshot_ready)
    QApplication.processEvents()
    rng = np.random.default_rng(7)
    end_s = window.rewind.history.end_s

    def seek(t: float) -> None:
        window.rewind.seek(t)
        QApplication.processEvents()

    scrubs, paints = [], []
    for t in rng.uniform(0.0, end_s, args.seeks):
        scrubs.append(_timed(lambda t=t: seek(float(t))))
        paints.append({name: _timed(view.grab)[1] for name, view in window.views_by_name().items()})
    wall, cpu = [s[0] for s in scrubs], [s[1] for s in scrubs]
    live_wall = statistics.median(s[0] for s in live)
    return {
        "full_paint_cpu_median_ms_by_view": {
            name: round(statistics.median(p[name] for p in paints) * 1e3, 1) for name in paints[0]
        },
        "scrub_median_ms": round(statistics.median(wall) * 1e3, 1),
        "scrub_p95_ms": round(_percentile(wall, 95) * 1e3, 1),
        "scrub_max_ms": round(max(wall) * 1e3, 1),
        "scrub_cpu_median_ms": round(statistics.median(cpu) * 1e3, 1),
        "live_draw_median_ms": round(live_wall * 1e3, 1),
        "live_draw_cpu_median_ms": round(statistics.median(s[1] for s in live) * 1e3, 1),
        "scrub_cpu_vs_live_draw_cpu": round(
            statistics.median(cpu) / statistics.median(s[1] for s in live), 2
        ),
    }


def measure(args: argparse.Namespace) -> dict[str, object]:
    """Record the run, then scrub and replay; return the figures."""
    from gui.app import make_application

    app = make_application()
    sc = scenario(args.guests, args.run_s)
    result: dict[str, object] = {"guests": args.guests, "run_s": args.run_s, "speed": args.speed}
    result |= record(sc, args)
    gc.collect()
    result |= scrub(sc, args)
    app.processEvents()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guests", type=int, default=1000)
    parser.add_argument("--run-s", type=float, default=600.0)
    parser.add_argument("--speed", type=float, default=2.0)
    parser.add_argument("--seeks", type=int, default=40)
    args = parser.parse_args()
    result = measure(args)
    for key, value in result.items():
        print(f"{key:28} {value}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()

"""Frame time of the classroom window with 100, 1,000 and 5,000 guests, and time to first window.

Usage: ``QT_QPA_PLATFORM=offscreen python benchmarks/gui_frame.py [--guests 100 1000 5000]
[--frames 120] [--ungrouped] [--breakdown] [--screenshot DIR]``. Prints a table, then one final
line of JSON: ``{"guests": {"100": {"median_ms": …, "p95_ms": …, "cpu_median_ms": …}, …},
"launch_to_window_s": …}`` (CPU time: process time, steadier than wall time on a busy machine;
with ``--breakdown`` each part's CPU ms per frame too, as ``parts_cpu_ms``).

A frame is what `gui.controller.SimController.advance_frame` does on each timer tick, then what
the event loop does after the slot returns: advance the session by frame interval × speed, take
one snapshot, emit it to the real `MainWindow` (1920×1080, shown on Qt's offscreen platform, so
widgets paint into a real raster backing store), then `QApplication.processEvents()` until the
queued work is done. That last step is a real frame's render: Qt delivers the posted layout
requests, the graphics scenes' queued `changed` signals and the window's UpdateRequest, and
repaints the dirty regions, exactly as on screen. `window.grab()` would repaint the whole window
every frame, which no running app does; `--full-paint` times that worst case instead.

Launch time runs ``packaging/hostlab_entry.py`` (the frozen app's entry, the same as the
``hostlab`` command) in a subprocess with HOSTLAB_EXIT_AFTER_SHOW=1 and measures wall time from
spawning the interpreter to its "window shown" line (printed after the first paint was queued).
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
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# Keep a teacher's settings (language, layout, projector mode) out of the measurement.
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="hostlab-bench-"))

# Share of guests by template: mostly containers, some VMs, microVMs and sandboxes. VMs are
# small ones so 5,000 guests fit the 512 GiB "big-server" without OOM kills.
MIX = (
    ("alpine", 0.30),
    ("nginx", 0.25),
    ("redis", 0.15),
    ("python-web", 0.12),
    ("postgres", 0.08),
    ("firecracker", 0.04),
    ("gvisor", 0.02),
    ("alpine-vm", 0.03),
    ("ubuntu-server", 0.01),
)
ARRIVALS_S = 20.0  # every guest is requested, staggered, within this many simulated seconds
START_S = 19.0  # frames are timed from here: ~95 % of guests exist, VMs still booting
SIZE = (1920, 1080)


def scenario(n: int):  # -> sim.scenario.Scenario
    """Return a big host with `n` guests of MIX, each template's guests spread over ARRIVALS_S."""
    from sim.scenario import GuestSpec, HostSpec, Scenario

    host = HostSpec(
        "big-server", {"bridge_ports": 1_000_000, "pid_max": 4_194_304, "vcpu_per_core": 64}
    )
    counts = [max(1, round(n * share)) for _, share in MIX]
    counts[0] += n - sum(counts)
    guests = tuple(
        GuestSpec(t, c, at_s=0.01 * i, stagger_s=ARRIVALS_S / c)
        for i, ((t, _), c) in enumerate(zip(MIX, counts, strict=True))
    )
    return Scenario(host=host, guests=guests, seed=7)


def percentile(values: list[float], q: float) -> float:
    """Return the `q` quantile (0…1) of `values`, linearly interpolated."""
    s = sorted(values)
    k = (len(s) - 1) * q
    lo = int(k)
    return s[lo] + (s[min(lo + 1, len(s) - 1)] - s[lo]) * (k - lo)


def build_window(ungrouped: bool):  # -> tuple[QApplication, SimController, MainWindow]
    """Create the app and the real window, shown offscreen at SIZE, as `hostlab` does."""
    from gui.app import make_application
    from gui.controller import SimController
    from gui.fonts import load_bundled_fonts
    from gui.i18n import install_language
    from gui.window.main_window import MainWindow

    app = make_application()
    load_bundled_fonts(app)
    install_language("en", remember=False)
    controller = SimController()
    window = MainWindow(controller)
    window.resize(*SIZE)
    window.reset_layout()
    window.show()
    if ungrouped:
        window.view("timeline").set_grouped(False)
    return app, controller, window


def flush(app) -> None:  # noqa: ANN001
    """Run the event loop's pending work: layouts, queued scene signals, then paints."""
    for _ in range(3):  # each pass delivers what the previous one posted
        app.processEvents()


def timed_views(window, totals: dict[str, float], cpu: dict[str, float]) -> None:  # noqa: ANN001
    """Wrap each view's `update_snapshot` so its wall and CPU time add up (by class name)."""

    def wrap(name: str, fn: Callable) -> Callable:
        def call(snap) -> None:  # noqa: ANN001
            t, c = time.perf_counter(), time.process_time()
            fn(snap)
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - t
            cpu[name] = cpu.get(name, 0.0) + time.process_time() - c

        return call

    for view in window.views:
        view.update_snapshot = wrap(type(view).__name__, view.update_snapshot)


def run_frames(n: int, args: argparse.Namespace) -> dict[str, object]:
    """Time `args.frames` frames with `n` guests; return median, p95 and the breakdown."""
    from sim.session import Session

    app, controller, window = build_window(args.ungrouped)
    session = Session.bundled(scenario(n))
    controller.set_session(session)
    controller.set_speed(args.speed)
    controller.run_until(START_S)
    flush(app)
    # What play() announces: views read rather than watched (the log) keep a reading pace.
    controller.playing_changed.emit(True)
    parts: dict[str, float] = {}
    parts_cpu: dict[str, float] = {}  # the same parts in process CPU time
    if args.breakdown:
        timed_views(window, parts, parts_cpu)
    frames: list[float] = []
    cpu: list[float] = []  # process CPU time: steadier than wall time on a shared machine
    dt = controller.frame_interval_s * controller.speed
    for i in range(args.warmup + args.frames):
        if i == args.warmup:
            parts.clear()
            parts_cpu.clear()
        c0, t0 = time.process_time(), time.perf_counter()
        session.advance(dt)  # the body of SimController.advance_frame(), in pieces
        c1, t1 = time.process_time(), time.perf_counter()
        snap = session.snapshot()
        c2, t2 = time.process_time(), time.perf_counter()
        controller.snapshot_ready.emit(snap)
        c3, t3 = time.process_time(), time.perf_counter()
        if args.full_paint:
            window.grab()
        flush(app)
        c4, t4 = time.process_time(), time.perf_counter()
        if i >= args.warmup:
            frames.append(t4 - t0)
            cpu.append(c4 - c0)
            for name, dt_s, dc_s in (
                ("advance", t1 - t0, c1 - c0),
                ("snapshot", t2 - t1, c2 - c1),
                ("views", t3 - t2, c3 - c2),
                ("render", t4 - t3, c4 - c3),
            ):
                parts[name] = parts.get(name, 0.0) + dt_s
                parts_cpu[name] = parts_cpu.get(name, 0.0) + dc_s
    states: dict[str, int] = {}
    for g in snap.guests:
        states[g.state] = states.get(g.state, 0) + 1
    if args.screenshot:
        args.screenshot.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.screenshot / f"window_{n}.png"))
    window.close()
    window.deleteLater()
    flush(app)
    ms = [f * 1000 for f in frames]
    return {
        "median_ms": round(statistics.median(ms), 2),
        "p95_ms": round(percentile(ms, 0.95), 2),
        "cpu_median_ms": round(statistics.median(cpu) * 1000, 2),
        "parts_ms": {k: round(v * 1000 / len(frames), 2) for k, v in parts.items()},
        "parts_cpu_ms": {k: round(v * 1000 / len(frames), 2) for k, v in parts_cpu.items()},
        "states": states,
        "rows": len(window.view("timeline").rows),  # type: ignore[attr-defined]
        "t_s": round(snap.time_s, 2),
    }


def launch_to_window_s() -> float | None:
    """Return wall seconds from spawning `hostlab` to its main window first shown, or None."""
    env = dict(os.environ, HOSTLAB_EXIT_AFTER_SHOW="1", PYTHONUNBUFFERED="1")
    entry = ROOT / "packaging" / "hostlab_entry.py"
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(entry)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    shown = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if "window shown" in line and shown is None:
            shown = time.perf_counter() - t0
    proc.wait(timeout=60)
    return None if shown is None else round(shown, 3)


def main() -> None:
    """Run the benchmark and print the table and the final JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guests", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--frames", type=int, default=120)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--speed", type=float, default=1.0, help="simulated s per wall s")
    parser.add_argument("--ungrouped", action="store_true", help="one timeline row per guest")
    parser.add_argument(
        "--full-paint",
        action="store_true",
        help="also repaint the whole window every frame (window.grab())",
    )
    parser.add_argument("--breakdown", action="store_true", help="time each view's update")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="DIR",
        help="save the window after the last frame as DIR/window_N.png",
    )
    parser.add_argument("--no-launch", action="store_true", help="skip the launch timing")
    args = parser.parse_args()
    results = {str(n): run_frames(n, args) for n in args.guests}
    print(f"{'guests':>7} {'median ms':>10} {'p95 ms':>8} {'cpu ms':>7}  rows  ms per frame")
    for n, r in results.items():
        parts = "  ".join(f"{k} {v:.1f}" for k, v in r["parts_ms"].items())  # type: ignore[union-attr]
        print(
            f"{n:>7} {r['median_ms']:>10.1f} {r['p95_ms']:>8.1f} {r['cpu_median_ms']:>7.1f}  "
            f"{r['rows']:>4}  {parts}"
        )
        if r["parts_cpu_ms"]:
            cpu_parts = "  ".join(f"{k} {v:.1f}" for k, v in r["parts_cpu_ms"].items())  # type: ignore[union-attr]
            print(f"{'':>7} CPU ms per frame: {cpu_parts}")
        print(f"{'':>7} at t = {r['t_s']} s, states {r['states']}")
    launch = None if args.no_launch else launch_to_window_s()
    print(f"launch to first shown window: {launch} s")
    print(
        json.dumps(
            {
                "guests": {
                    n: {
                        "median_ms": r["median_ms"],
                        "p95_ms": r["p95_ms"],
                        "cpu_median_ms": r["cpu_median_ms"],
                        "parts_cpu_ms": r["parts_cpu_ms"],
                    }
                    for n, r in results.items()
                },
                "launch_to_window_s": launch,
            }
        )
    )


if __name__ == "__main__":
    main()

"""Recording speed and size: frames per second for MP4, WebM and GIF, against rendering alone.

    .venv/bin/python benchmarks/record.py [--seconds 60] [--size 1280x720] [--fps 30]
        [--scenario assets/scenarios/02-startup.toml] [--formats mp4,gif,webm]

Each format records the same range of the same scenario (gui/recording.py) into a temporary
folder; the baseline, in the same process, steps and renders the same frames without encoding.
The ratios (format fps / render fps) say what encoding costs on this machine, whatever else it
is doing. The last line is JSON: fps, bytes and bytes per video second for each format.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _window(scenario: Path, size: tuple[int, int]):  # noqa: ANN202 (a MainWindow)
    from gui.recording import offscreen_window
    from sim.session import Session

    return offscreen_window(Session.from_file(scenario), scenario, size, False)


def render_only(scenario: Path, plan) -> float:  # noqa: ANN001 (a RecordingPlan)
    """Return frames per second for stepping and rendering the plan's frames, not encoding."""
    from gui.headless import show_settled
    from gui.recording import grab

    window = _window(scenario, plan.size)
    show_settled(window)
    start = time.perf_counter()
    for i in range(plan.frame_count):
        window.controller.run_until(plan.time_of(i))
        show_settled(window)
        grab(window)
    return plan.frame_count / (time.perf_counter() - start)


def record(scenario: Path, plan, out: Path) -> float:  # noqa: ANN001 (a RecordingPlan)
    """Return frames per second for recording the plan into `out` (ffmpeg's finish included)."""
    from gui.recording import Recording

    window = _window(scenario, plan.size)
    start = time.perf_counter()
    Recording(window, plan, out).run()
    return plan.frame_count / (time.perf_counter() - start)


def main() -> None:
    """Measure and print the figures, then one JSON line."""
    from gui.app import make_application, parse_size
    from gui.fonts import load_bundled_fonts
    from gui.i18n import install_language
    from gui.recording import make_plan

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--size", type=parse_size, default=(1280, 720))
    parser.add_argument("--fps", type=float, default=30.0)
    parser.add_argument("--scenario", type=Path, default=ROOT / "assets/scenarios/02-startup.toml")
    parser.add_argument("--formats", default="mp4,gif,webm")
    args = parser.parse_args()
    app = make_application()
    load_bundled_fonts(app)
    install_language("en", remember=False)
    result: dict[str, object] = {"seconds": args.seconds, "size": list(args.size), "fps": args.fps}
    with tempfile.TemporaryDirectory() as folder:
        plan = make_plan(Path(folder) / "x.mp4", 0.0, args.seconds, args.fps, args.size)
        result["frames"] = plan.frame_count
        base = render_only(args.scenario, plan)
        result["render_fps"] = round(base, 2)
        print(f"render only: {base:.1f} frames/s over {plan.frame_count} frames", flush=True)
        for fmt in args.formats.split(","):
            out = Path(folder) / f"x.{fmt}"
            speed = record(
                args.scenario, make_plan(out, 0.0, args.seconds, args.fps, args.size), out
            )
            size = out.stat().st_size
            result[fmt] = {
                "fps": round(speed, 2),
                "ratio_to_render": round(speed / base, 3),
                "bytes": size,
                "bytes_per_video_s": round(size / plan.duration_s),
            }
            print(
                f"{fmt}: {speed:.1f} frames/s ({speed / base:.2f}× render only), "
                f"{size / 2**20:.2f} MiB",
                flush=True,
            )
    print(json.dumps(result))


if __name__ == "__main__":
    main()

"""How the lesson notes' cost grows with the number of steps a frame passes.

Usage: ``QT_QPA_PLATFORM=offscreen python benchmarks/lesson_steps.py``. Shows a lesson with N
steps (N = 100 and 1,000, the loader's maximum) in the notes panel, then one frame passes every
step. Prints the wall-clock seconds of that frame for each N, then one final line of JSON with
the growth ratio t(1000) / t(100): about 10 when the cost is linear (the notes render once per
frame), about 100 when quadratic (as when they were rendered again for every step passed).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402


def frame_seconds(n: int) -> float:
    """Return the seconds one frame takes to pass all `n` steps of a lesson."""
    from gui.panels import LessonNotesPanel
    from sim.scenario import Lesson, LessonStep

    notes = (ROOT / "assets" / "scenarios" / "03-memory.toml").read_text(encoding="utf-8")
    steps = tuple(LessonStep(i * 0.01, f"step {i}: watch the memory plot", "") for i in range(n))
    panel = LessonNotesPanel()
    panel.resize(800, 600)
    panel.show()
    panel.set_lesson(Lesson(title="Many steps", notes=notes, steps=steps))
    QApplication.processEvents()
    start = time.perf_counter()
    panel.update_snapshot(SimpleNamespace(time_s=1e9))
    QApplication.processEvents()
    return time.perf_counter() - start


def main() -> None:
    """Measure and print."""
    app = QApplication.instance() or QApplication([])
    frame_seconds(10)  # warm up: fonts, layout
    times = {n: min(frame_seconds(n) for _ in range(3)) for n in (100, 1000)}
    for n, t in times.items():
        print(f"{n:>5} steps passed in one frame: {t:.4f} s")
    print(
        json.dumps(
            {
                "frame_s": {str(n): round(t, 5) for n, t in times.items()},
                "growth_1000_over_100": round(times[1000] / times[100], 1),
            }
        )
    )
    app.quit()


if __name__ == "__main__":
    main()

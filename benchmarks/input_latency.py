"""How long Space, →, a palette click and a menu open take to answer with 1,000 guests playing.

Usage: ``QT_QPA_PLATFORM=offscreen python benchmarks/input_latency.py [--guests 1000]
[--speed 100] [--presses 8]``. Opens the real `MainWindow` (1920×1080, offscreen platform), loads
the frame benchmark's scenario of N guests (benchmarks/gui_frame.py) at the moment most of them
are arriving, and plays it. A second thread stands for the keyboard and mouse: at random
moments it posts an input to the window's event queue, the way the window system queues a key
press, so the input waits for whatever frame is running, as a teacher's key press would. When
the event loop reaches it, the input is delivered (QTest) and the benchmark records when the
controller's state changed (playing toggled, a step published, a guest added, the menu shown)
and when the window next painted (the paint pass that shows the change). Prints each action's
median and worst latency, then one final JSON line: per action, median and max of post → state
and post → paint in ms (the figure to hold: ≤ 100 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gui_frame import START_S, build_window, flush, scenario  # noqa: E402
from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

_INPUT = QEvent.Type(QEvent.registerEventType())


class _Input(QEvent):
    """A queued input: which action, and when the "user" did it."""

    def __init__(self, action: str) -> None:
        super().__init__(_INPUT)
        self.action = action
        self.posted = time.perf_counter()


class Probe(QObject):
    """Deliver queued inputs and time the state change and the next paint they cause."""

    def __init__(self, window, actions: dict[str, Callable[[], QObject]]) -> None:  # noqa: ANN001
        super().__init__()
        self.window = window
        self.actions = actions
        self.results: dict[str, list[tuple[float, float]]] = {a: [] for a in actions}
        self._pending: tuple[str, float, float | None, QObject] | None = None

    def event(self, ev: QEvent) -> bool:  # noqa: D102 (Qt override)
        if ev.type() != _INPUT:
            return super().event(ev)
        assert isinstance(ev, _Input)
        self._pending = (ev.action, ev.posted, None, QObject())
        painted = self.actions[ev.action]()  # delivers the input; returns what will repaint
        action, posted, _, _ = self._pending
        self._pending = (action, posted, time.perf_counter(), painted)
        return True

    def eventFilter(self, watched: QObject, ev: QEvent) -> bool:  # noqa: N802, D102
        # The first paint after the change (the widget showing it, or the window around it:
        # Qt paints a window's dirty widgets in one pass).
        if (
            ev.type() == QEvent.Type.Paint
            and self._pending is not None
            and self._pending[2] is not None
        ):
            action, posted, changed, _ = self._pending
            # The paint is under way: it ends when this event returns, timed on the next turn.
            QTimer.singleShot(0, lambda: self._record(action, posted, changed))
            self._pending = None
        return False

    def _record(self, action: str, posted: float, changed: float) -> None:
        self.results[action].append(
            ((changed - posted) * 1000, (time.perf_counter() - posted) * 1000)
        )


def window_actions(window) -> dict[str, Callable[[], QObject]]:  # noqa: ANN001
    """Return each input as a function that delivers it and returns the widget to repaint."""
    transport = window.transport
    play_button = transport.findChildren(type(transport._buttons[0]))[0]  # noqa: SLF001
    status = window.status_panel.time_label
    palette = window.palette_panel
    tile = palette.tile(palette.templates()[0]) if hasattr(palette, "templates") else None
    menu = window.menu_bar.menus["file"]
    bar = window.menuBar()

    def space() -> QObject:
        QTest.keyClick(window, Qt.Key.Key_Space)  # pauses the busy window
        QTimer.singleShot(150, window.controller.play)  # and plays on for the next inputs
        return play_button

    def step() -> QObject:
        QTest.keyClick(window, Qt.Key.Key_Right)
        window.controller.play()  # keep playing for the next inputs
        return status

    def click_tile() -> QObject:
        target = tile or next(iter(palette._tiles.values()))  # noqa: SLF001
        QTest.mouseClick(target, Qt.MouseButton.LeftButton)
        return target

    def open_menu() -> QObject:
        QTest.mouseClick(
            bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center()
        )
        QTimer.singleShot(50, menu.close)
        return menu

    return {"space": space, "step": step, "palette": click_tile, "menu": open_menu}


def keyboard(app, probe: Probe, presses: int, seed: int) -> threading.Thread:  # noqa: ANN001
    """Start a thread that posts each action `presses` times at random moments."""
    order = [a for a in probe.actions for _ in range(presses)]
    rnd = random.Random(seed)
    rnd.shuffle(order)

    def run() -> None:
        for action in order:
            time.sleep(rnd.uniform(0.25, 0.45))
            app.postEvent(probe, _Input(action))
        time.sleep(0.6)
        app.postEvent(probe, QEvent(QEvent.Type.Quit))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def main() -> None:
    """Run the benchmark and print the table and the final JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guests", type=int, default=1000)
    parser.add_argument("--speed", type=float, default=1.0, help="play speed while pressing")
    parser.add_argument("--presses", type=int, default=8, help="times each input is tried")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from PySide6.QtCore import QEventLoop

    from sim.session import Session

    app, controller, window = build_window(False)
    controller.set_session(Session.bundled(scenario(args.guests)))
    controller.run_until(START_S - 4.0)  # most guests arrive and boot while the keys are pressed
    controller.set_speed(args.speed)
    flush(app)
    probe = Probe(window, window_actions(window))
    app.installEventFilter(probe)
    loop = QEventLoop()
    probe.event = _quitting(probe.event, loop)  # type: ignore[method-assign]
    controller.play()
    keyboard(app, probe, args.presses, args.seed)
    loop.exec()
    controller.pause()
    out = {}
    for action, rows in probe.results.items():
        state = [r[0] for r in rows]
        paint = [r[1] for r in rows]
        out[action] = (
            {
                "n": len(rows),
                "state_median_ms": round(statistics.median(state), 1),
                "state_max_ms": round(max(state), 1),
                "paint_median_ms": round(statistics.median(paint), 1),
                "paint_max_ms": round(max(paint), 1),
            }
            if rows
            else {"n": 0}
        )
        print(f"{action:>8}: {out[action]}")
    print(
        json.dumps(
            {
                "guests": args.guests,
                "speed": args.speed,
                "guests_at_end": len(controller.snapshot.guests),
                "actions": out,
            }
        )
    )


def _quitting(handler: Callable[[QEvent], bool], loop) -> Callable[[QEvent], bool]:  # noqa: ANN001
    """Wrap `handler` so the keyboard thread's Quit event ends the measuring loop."""

    def event(ev: QEvent) -> bool:
        if ev.type() == QEvent.Type.Quit:
            loop.quit()
            return True
        return handler(ev)

    return event


if __name__ == "__main__":
    main()

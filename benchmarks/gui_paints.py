"""What the classroom window repaints in a frame: paint events and pixels per widget, per frame.

Usage: ``QT_QPA_PLATFORM=offscreen python benchmarks/gui_paints.py [--guests 1000] [--frames 30]``.
Plays the frames of `gui_frame.py` (same scenario, window and frame) with an event filter on
every widget, and prints, per widget (class, name or parent's class, and the view it belongs
to): paint events per frame, thousands of pixels asked to be painted per frame (the sum of the
paint regions' rectangles), and layout requests per frame. A widget that paints every frame,
or a large area, is where a frame's render time goes; a layout request every frame means a
widget whose size hint changes with its text. Final line: the same table as JSON.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

import gui_frame
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


def _name(obj: QObject) -> str:
    """Return "Class:name @View" for a widget (its parent's class when it has no name)."""
    from gui.views.base import SnapshotView

    owner = obj
    while owner is not None and not isinstance(owner, SnapshotView):
        owner = owner.parent()
    parent = obj.parent()
    label = obj.objectName() or (type(parent).__name__ if parent is not None else "")
    return f"{type(obj).__name__}:{label} @{type(owner).__name__ if owner else '-'}"


class PaintCounter(QObject):
    """Counts paint events, painted pixels and layout requests per widget while `on`."""

    def __init__(self) -> None:
        super().__init__()
        self.on = False
        self.paints: Counter[str] = Counter()
        self.pixels: Counter[str] = Counter()
        self.layouts: Counter[str] = Counter()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Count the event if it is a paint or a layout request."""
        if self.on and event.type() == QEvent.Type.Paint:
            name = _name(obj)
            self.paints[name] += 1
            self.pixels[name] += sum(r.width() * r.height() for r in event.region())  # type: ignore[attr-defined]
        elif self.on and event.type() == QEvent.Type.LayoutRequest:
            self.layouts[_name(obj)] += 1
        return False


def main() -> None:
    """Play the frames with the counter on and print the table and the JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guests", type=int, default=1000)
    parser.add_argument("--frames", type=int, default=30)
    args = parser.parse_args()
    from sim.session import Session

    app, controller, window = gui_frame.build_window(False)
    session = Session.bundled(gui_frame.scenario(args.guests))
    controller.set_session(session)
    controller.run_until(gui_frame.START_S)
    gui_frame.flush(app)
    # What play() announces: views read rather than watched (the log) keep a reading pace.
    controller.playing_changed.emit(True)
    counter = PaintCounter()
    for widget in [window, *window.findChildren(QWidget)]:
        widget.installEventFilter(counter)
    dt = controller.frame_interval_s * controller.speed
    for i in range(5 + args.frames):
        counter.on = i >= 5  # a few frames first: the window settles
        session.advance(dt)
        controller.snapshot_ready.emit(session.snapshot())
        gui_frame.flush(app)
    n = args.frames
    rows = {
        name: {
            "paints": round(counter.paints[name] / n, 2),
            "kpx": round(counter.pixels[name] / n / 1000, 1),
            "layouts": round(counter.layouts[name] / n, 2),
        }
        for name in sorted(
            set(counter.paints) | set(counter.layouts), key=lambda k: -counter.pixels[k]
        )
    }
    print(f"{'paints':>7} {'kpx':>8} {'layouts':>8}  widget (per frame, {args.guests} guests)")
    for name, r in rows.items():
        print(f"{r['paints']:>7.2f} {r['kpx']:>8.1f} {r['layouts']:>8.2f}  {name}")
    print(json.dumps({"guests": args.guests, "frames": n, "widgets": rows}))


if __name__ == "__main__":
    main()

"""Headless runs: render the window to a file (`--screenshot`) and the installer check
(`--selftest`).

Both build the real window, never shown on screen, run the session without the timer to the
requested simulated time, push one snapshot and render. Without a display (a build server,
CI), Qt's offscreen platform is used.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from gui.controller import SimController

DEFAULT_SIZE = (1600, 1000)
DEFAULT_UNTIL_S = 30.0
SELFTEST_UNTIL_S = 20.0
MIN_COLOURS = 12  # a rendered window has many; a blank or failed render has one or two


def ensure_platform() -> None:
    """Render offscreen on Linux unless a platform was asked for.

    A headless run needs no display, and a build server's DISPLAY may point nowhere. Elsewhere
    the native platform is kept (its font database is the one with fonts) and the window is
    simply never shown on screen.
    """
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _quiet_offscreen_warnings() -> None:
    """Drop the offscreen plugin's "does not support propagateSizeHints()" notice.

    It is printed for every window the plugin shows and says nothing about the render; every
    other Qt message still reaches stderr.
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def _fail(message: str, status: int) -> int:
    sys.stderr.write(f"hostlab: {message}\n")
    return status


def run_headless(args: argparse.Namespace) -> int:
    """Render a screenshot or run the self-test, as `args` asks; return the exit status."""
    ensure_platform()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from gui.app import apply_projector, make_application
    from gui.controller import SimController
    from gui.crash import install_excepthook
    from gui.export import export_picture
    from gui.fonts import load_bundled_fonts
    from gui.i18n import install_language
    from gui.window.main_window import MainWindow
    from sim.scenario import ScenarioError
    from sim.session import Session

    app = make_application()
    _quiet_offscreen_warnings()
    install_excepthook(headless=True)
    load_bundled_fonts(app)
    if not install_language(args.lang or "en", remember=False):
        return _fail(f"translation file for {args.lang} not found (run `make translations`)", 1)
    try:
        session = Session.default() if args.scenario is None else Session.from_file(args.scenario)
    except (ScenarioError, OSError) as error:
        return _fail(str(error), 2)
    controller = SimController()
    window = MainWindow(controller)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.resize(*(args.size or DEFAULT_SIZE))
    if args.projector:
        apply_projector(window, True, remember=False, screen=window.size())  # window = screen
    controller.set_session(session, args.scenario)
    default_until = SELFTEST_UNTIL_S if args.selftest else DEFAULT_UNTIL_S
    controller.run_until(args.until if args.until is not None else default_until)
    window.show()
    for _ in range(3):  # layouts, then plots' deferred range updates
        QApplication.processEvents()
    if args.selftest:
        return _selftest(window, controller)
    view = getattr(args, "view", None)
    names = (*window.sections, *window.views_by_name())
    if view is not None and view not in names:
        return _fail(f"--view must be one of {', '.join(sorted(set(names)))}, not {view!r}", 2)
    try:
        out = export_picture(window.part(view), args.screenshot)
    except OSError as error:
        return _fail(str(error), 1)
    print(out)
    return 0


def _selftest(window: QWidget, controller: SimController) -> int:
    """Export a PNG and the data into a temporary folder and check both."""
    from gui.export import color_variety, render_image

    folder = Path(tempfile.mkdtemp(prefix="hostlab-selftest-"))
    png = folder / "window.png"
    try:
        image = render_image(window)
        if not image.save(str(png), "PNG"):
            return _fail(f"selftest failed: could not write {png}", 1)
        files = controller.export_data(folder / "data")
    except Exception as error:  # any failure is a failed self-test, reported in one line
        return _fail(f"selftest failed: {type(error).__name__}: {error}", 1)
    csvs = [f for f in files if f.suffix == ".csv"]
    problems = []
    if not png.is_file() or png.stat().st_size == 0:
        problems.append(f"{png} missing or empty")
    elif color_variety(image) < MIN_COLOURS:
        problems.append(f"{png} looks blank ({color_variety(image)} colours)")
    if not csvs:
        problems.append(f"no CSV written to {folder / 'data'}")
    problems += [f"{f} is empty" for f in csvs if f.stat().st_size == 0]
    if problems:
        return _fail("selftest failed: " + "; ".join(problems), 1)
    csv = next((f for f in csvs if f.name == "memory.csv"), csvs[0])
    print(f"HostLab selftest OK: {png} ({image.width()}x{image.height()}), {csv}")
    return 0

"""Headless runs: render the window to a file (`--screenshot`), record it as a video
(`--record`, gui/recording.py) and the installer check (`--selftest`).

Both build the real window, never shown on screen, run the session without the timer to the
requested simulated time, push one snapshot and render. A screenshot without a display (a
build server, CI) uses Qt's offscreen platform; the self-test (gui/selftest.py) does not.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from gui.window.main_window import MainWindow

DEFAULT_SIZE = (1600, 1000)
DEFAULT_UNTIL_S = 30.0
DEFAULT_FPS = 30.0  # --record: smooth on every projector; GIFs for slides may want fewer
SELFTEST_UNTIL_S = 20.0


def ensure_platform(selftest: bool = False) -> None:
    """Render a screenshot offscreen on Linux unless a platform was asked for.

    A screenshot needs no display, and a build server's DISPLAY may point nowhere. The
    self-test keeps the platform the app would really use, so that it fails where the app
    cannot open a window (QT_QPA_PLATFORM=offscreen tests without a display). Elsewhere the
    native platform is kept (its font database is the one with fonts) and the window is simply
    never shown on screen.
    """
    if sys.platform.startswith("linux") and not selftest and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


# Said when Qt cannot start its platform plugin, before it aborts the process.
_NO_PLATFORM_HINT = (
    "hostlab: no window could be opened. QT_DEBUG_PLUGINS=1 names the library the platform "
    "plugin lacks; QT_QPA_PLATFORM=offscreen runs without a display"
)


def _install_message_handler() -> None:
    """Route Qt's messages to stderr, less the offscreen plugin's propagateSizeHints notice.

    That notice is printed for every window the plugin shows and says nothing about the
    render. A fatal platform message gets a hint on what to do. `_remove_message_handler`
    must run before the interpreter exits: Qt still logs while it unloads its plugins.
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        sys.stderr.write(message + "\n")
        if kind == QtMsgType.QtFatalMsg and "platform plugin" in message:
            sys.stderr.write(_NO_PLATFORM_HINT + "\n")
        sys.stderr.flush()

    qInstallMessageHandler(handler)


def _remove_message_handler() -> None:
    """Give Qt back its own message handler (a Python one would run after shutdown)."""
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(None)


def show_settled(window: QWidget) -> None:
    """Show `window` (never on screen) and let layouts and plots' deferred updates finish.

    Shown before the run, the views draw every snapshot at their final sizes, as in the
    classroom window: a render at time t is then the same whether the run jumped to t or
    played there frame by frame (a recording, gui/recording.py).
    """
    from PySide6.QtWidgets import QApplication

    window.show()
    for _ in range(3):  # layouts, then plots' deferred range updates
        QApplication.processEvents()


def _fail(message: str, status: int) -> int:
    sys.stderr.write(f"hostlab: {message}\n")
    return status


def run_headless(args: argparse.Namespace) -> int:
    """Render a screenshot or run the self-test, as `args` asks; return the exit status."""
    ensure_platform(selftest=args.selftest)
    _install_message_handler()
    try:
        return _run_headless(args)
    finally:
        _remove_message_handler()


def _run_headless(args: argparse.Namespace) -> int:
    from PySide6.QtCore import Qt

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
    window.prediction_card.asking = False  # nobody answers here: see PredictionCard
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.resize(*(args.size or DEFAULT_SIZE))
    if args.projector:
        apply_projector(window, True, remember=False, screen=window.size())  # window = screen
    controller.set_session(session, args.scenario)
    if getattr(args, "record", None) is not None:
        return _record(window, args)
    default_until = SELFTEST_UNTIL_S if args.selftest else DEFAULT_UNTIL_S
    show_settled(window)
    controller.run_until(args.until if args.until is not None else default_until)
    show_settled(window)
    if args.selftest:
        from gui.selftest import run_selftest

        return run_selftest(window, controller)
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


def _record(window: MainWindow, args: argparse.Namespace) -> int:
    """Record --from..--until of the scenario into the video file --record names."""
    from gui.recording import Recording, RecordingError, make_plan

    until = args.until if args.until is not None else DEFAULT_UNTIL_S
    try:
        plan = make_plan(
            args.record,
            0.0 if args.from_s is None else args.from_s,
            until,
            DEFAULT_FPS if args.fps is None else args.fps,
            args.size or DEFAULT_SIZE,
        )
    except RecordingError as error:
        return _fail(str(error), 2)
    try:
        out = Recording(window, plan, args.record).run()
    except RecordingError as error:
        return _fail(str(error), 2)
    except OSError as error:
        return _fail(str(error), 1)
    print(out)
    return 0

"""Entry point of the `hostlab` command: the classroom window, or a headless render or self-test.

    hostlab [SCENARIO] [--until S] [--screenshot OUT.png] [--lang zh_CN|en] [--projector]
            [--selftest] [--size 1600x1000]
    hostlab SCENARIO --record OUT.mp4|.webm|.gif [--from S] [--until S] [--fps N] [--size WxH]

The window is shown before anything slow happens: the scenario is loaded by the event loop's
first turn, so the teacher sees the app at once. Exit status 2 means a bad command line or
scenario file; 1 an unexpected error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QFont, QPalette
    from PySide6.QtWidgets import QApplication

    from gui.window.main_window import MainWindow

_normal_font: QFont | None = None


def parse_size(text: str) -> tuple[int, int]:
    """Parse "WIDTHxHEIGHT" (e.g. 1600x1000) into a pair of positive pixel counts."""
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"--size must look like 1600x1000, not {text!r}") from None
    if not (320 <= width <= 10000 and 240 <= height <= 10000):
        raise argparse.ArgumentTypeError(
            f"--size must be between 320x240 and 10000x10000, not {text!r}"
        )
    return width, height


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Parse the command line (exits with status 2 on a bad one)."""
    parser = argparse.ArgumentParser(
        prog="hostlab", description="Classroom simulator: containers vs virtual machines."
    )
    parser.add_argument(
        "scenario",
        nargs="?",
        type=Path,
        help="scenario file (.toml); the bundled default when omitted",
    )
    parser.add_argument(
        "--until",
        type=float,
        default=None,
        metavar="S",
        help="simulated seconds to run before showing (default 0; 30 headless)",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="OUT.png",
        help="render the window to a PNG (or .svg) without showing it, then exit",
    )
    parser.add_argument("--lang", choices=("en", "zh_CN"), help="language (default: remembered)")
    parser.add_argument("--projector", action="store_true", help="large fonts, high contrast")
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="render and export into a temporary folder, check, exit 0 if fine",
    )
    parser.add_argument(
        "--size",
        type=parse_size,
        default=None,
        metavar="WxH",
        help="window size in pixels (default 1600x1000 headless)",
    )
    parser.add_argument(
        "--view",
        metavar="NAME",
        help="with --screenshot: render one view or panel (e.g. density, "
        "timeline, palette) instead of the whole window",
    )
    _add_record_options(parser)
    args = parser.parse_args(argv)
    if args.until is not None and not 0 <= args.until <= 1e7:
        parser.error(f"--until must be between 0 and 10000000 seconds, not {args.until}")
    return args


def _add_record_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--record",
        type=Path,
        metavar="OUT.mp4",
        help="record --from..--until as a video (.mp4, .webm) or an animated "
        ".gif without showing the window, then exit",
    )
    parser.add_argument(
        "--from",
        dest="from_s",
        type=float,
        default=None,
        metavar="S",
        help="with --record: simulated second of the first frame (default 0)",
    )
    parser.add_argument(
        "--fps",
        type=float,
        default=None,
        metavar="N",
        help="with --record: frames per second, 1 to 60 (default 30)",
    )


def make_application() -> QApplication:
    """Return the QApplication, created once with HostLab's names."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
        app.setOrganizationName("HostLab")
        app.setApplicationName("HostLab")
        app.setApplicationDisplayName("HostLab")
        app.setDesktopFileName("hostlab")
    return app


def apply_projector(
    window: MainWindow, on: bool, remember: bool = True, screen: QSize | None = None
) -> None:
    """Switch projector mode app-wide: ≥ 16 pt text, black on white, views told too.

    Text grows with the height of `screen` (default: the free area of the window's screen).
    """
    global _normal_font
    from PySide6.QtGui import QFont

    from gui import theme
    from gui.i18n import settings

    app = make_application()
    if _normal_font is None:
        _normal_font = QFont(app.font())
    font = QFont(_normal_font)
    if on:  # 16 pt for controls; the views draw their own text at the theme's projector size
        from gui.window.screen_fit import available

        height = (screen or available(window).size()).height()
        font.setPointSize(max(theme.scale_projector(height).small_pt, _normal_font.pointSize()))
    app.setFont(font)
    palette = app.style().standardPalette()
    if on:
        palette = _high_contrast(palette)
    app.setPalette(palette)
    window.set_projector(on)
    if remember:
        settings().setValue("projector", on)


def _high_contrast(palette: QPalette) -> QPalette:
    from PySide6.QtGui import QColor, QPalette

    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, "#FFFFFF"),
        (role.WindowText, "#000000"),
        (role.Base, "#FFFFFF"),
        (role.AlternateBase, "#EEEEEE"),
        (role.Text, "#000000"),
        (role.Button, "#E8E8E8"),
        (role.ButtonText, "#000000"),
        (role.ToolTipBase, "#FFFFE0"),
        (role.ToolTipText, "#000000"),
        (role.Highlight, "#0072B2"),
        (role.HighlightedText, "#FFFFFF"),
        (role.Mid, "#555555"),
        (role.Dark, "#222222"),
        (role.PlaceholderText, "#333333"),
    ):
        palette.setColor(r, QColor(colour))
    return palette


def run_window(args: argparse.Namespace) -> int:
    """Show the classroom window, then load the scenario; run until the window closes."""
    from PySide6.QtCore import QByteArray, QTimer

    from gui.controller import SimController
    from gui.crash import install_excepthook
    from gui.fonts import load_bundled_fonts
    from gui.i18n import install_language, saved_language, settings
    from gui.window.main_window import MainWindow
    from gui.window.screen_fit import clamp_to_screen

    app = make_application()
    install_excepthook(headless=False)
    load_bundled_fonts(app)
    install_language(args.lang or saved_language(), remember=args.lang is not None)
    controller = SimController()
    window = MainWindow(controller, lazy_views=True)
    store = settings()
    geometry = store.value("layout/geometry")
    if args.size:
        window.resize(*args.size)
    elif isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)  # saved on another screen, perhaps a larger one
        clamp_to_screen(window)
    window.restore_layout({name: store.value(f"layout/{name}") for name in window.splitters()})
    projector = args.projector or str(store.value("projector", "false")).lower() == "true"
    if projector:
        apply_projector(window, True, remember=args.projector)
    window.show()

    def load() -> None:
        window.install_views()
        controller.open_default()
        if args.scenario is not None:
            window.files.open_path(args.scenario)
        if args.until:
            controller.run_until(args.until)
        # The start page reads every lesson file and builds a dialog: after the window's first
        # full frame, not before it.
        QTimer.singleShot(0, start_page)

    def start_page() -> None:
        from gui.window.start_page import should_show_at_start

        if args.scenario is None and should_show_at_start():  # the lessons, at first launch
            window.show_start_page()

    QTimer.singleShot(0, load)
    return app.exec()


def main(argv: list[str] | None = None) -> int:
    """Run the `hostlab` command; return its exit status."""
    args = parse_args(argv)
    if args.scenario is not None and not args.scenario.is_file():
        sys.stderr.write(f"hostlab: scenario file not found: {args.scenario}\n")
        return 2
    if (args.from_s is not None or args.fps is not None) and args.record is None:
        sys.stderr.write("hostlab: --from and --fps go with --record\n")
        return 2
    if args.record is not None and (args.screenshot is not None or args.selftest):
        sys.stderr.write("hostlab: --record cannot be combined with --screenshot or --selftest\n")
        return 2
    if args.screenshot is not None or args.selftest or args.record is not None:
        from gui.headless import run_headless

        return run_headless(args)
    return run_window(args)


if __name__ == "__main__":
    sys.exit(main())

"""`hostlab --selftest`: the check every built installer runs, and a user can run too.

It renders the real window on the platform the app would use (X11, Wayland, Windows, macOS,
or offscreen only when QT_QPA_PLATFORM asks for it), exports a PNG and the data into a
temporary folder that is removed afterwards, and checks that the installed copy carries every
compiled translation and the CJK font: a bundle that lost them draws Chinese as empty boxes.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from gui.controller import SimController

MIN_COLOURS = 12  # a rendered window has many; a blank or failed render has one or two
CJK_SAMPLE = "主机容器虚拟机"  # characters the Chinese interface shows


def bundle_problems(assets: Path) -> list[str]:
    """Return what is missing from `assets`: compiled translations or the CJK font's glyphs."""
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QRawFont

    from gui.fonts import CJK_FONT_FILE
    from gui.i18n import DEFAULT_LANGUAGE, LANGUAGES

    problems = []
    for code in sorted(set(LANGUAGES) - {DEFAULT_LANGUAGE}):
        qm = assets / "i18n" / f"hostlab_{code}.qm"
        translator = QTranslator()
        if not qm.is_file() or not translator.load(str(qm)) or translator.isEmpty():
            problems.append(f"translation {qm} is missing or empty")
    font = assets / "fonts" / CJK_FONT_FILE
    raw = QRawFont(str(font), 16) if font.is_file() else QRawFont()
    # Code points, not one-character strings: PySide6 6.11 turns some of those (U+70B8 and
    # above) into a QChar the font lacks, and reports a full font as missing them.
    if not raw.isValid():
        problems.append(f"CJK font {font} is missing or unreadable")
    elif not all(raw.supportsCharacter(ord(ch)) for ch in CJK_SAMPLE):
        problems.append(f"CJK font {font} lacks Chinese characters")
    return problems


def run_selftest(window: QWidget, controller: SimController) -> int:
    """Export a PNG and the data into a temporary folder, check them and the bundle; 0 if fine."""
    from PySide6.QtGui import QGuiApplication

    from sim.assets import assets_dir

    problems = bundle_problems(assets_dir())
    with tempfile.TemporaryDirectory(prefix="hostlab-selftest-") as tmp:
        ok, summary = _render_and_export(window, controller, Path(tmp))
    if not ok:
        problems.append(summary)
    if problems:
        sys.stderr.write("hostlab: selftest failed: " + "; ".join(problems) + "\n")
        return 1
    print(
        f"HostLab selftest OK: {summary} on the {QGuiApplication.platformName()} platform, "
        f"translations and CJK font present (temporary files removed)"
    )
    return 0


def _render_and_export(
    window: QWidget, controller: SimController, folder: Path
) -> tuple[bool, str]:
    """Render and export into `folder`; return whether all went well, and what happened."""
    from PySide6.QtGui import QImageWriter

    from gui.export import color_variety, render_image

    png = folder / "window.png"
    try:
        image = render_image(window)
        # A writer, not QImage.save: the binding's save takes the format only as str, which
        # its type hints refuse.
        if not QImageWriter(str(png), b"PNG").write(image):
            return False, f"could not write {png.name}"
        files = controller.export_data(folder / "data")
    except Exception as error:  # any failure is a failed self-test, reported in one line
        return False, f"{type(error).__name__}: {error}"
    csvs = [f for f in files if f.suffix == ".csv"]
    colours = color_variety(image)
    if png.stat().st_size == 0 or colours < MIN_COLOURS:
        return False, f"{png.name} looks blank ({colours} colours)"
    if not csvs or any(f.stat().st_size == 0 for f in csvs):
        return False, "the data export wrote no CSV or an empty one"
    csv = next((f for f in csvs if f.name == "memory.csv"), csvs[0])
    rows = csv.read_text(encoding="utf-8").count("\n")
    return True, (
        f"rendered {png.name} ({image.width()}x{image.height()}, {colours} colours), "
        f"exported {csv.name} ({rows} lines)"
    )

"""The whole window exported as SVG reads the same in another renderer (librsvg) as the PNG."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from gui.export import export_png, export_svg
from gui.window.main_window import MainWindow


def _dark_share(image: QImage, area: QRect) -> float:
    """Return the share of near-black pixels in `area` (every 2nd pixel sampled)."""
    dark = total = 0
    for x in range(area.left(), area.right(), 2):
        for y in range(area.top(), area.bottom(), 2):
            c = QColor(image.pixel(x, y))
            dark += max(c.red(), c.green(), c.blue()) < 60
            total += 1
    return dark / max(total, 1)


def _rasterise(svg: Path, out: Path) -> QImage:
    tool = shutil.which("rsvg-convert")
    # Never skipped: the check is the point (Debian/Ubuntu: apt-get install librsvg2-bin).
    assert tool is not None, "rsvg-convert is needed to check SVG exports (librsvg2-bin)"
    subprocess.run([tool, str(svg), "-o", str(out)], check=True, timeout=120)
    return QImage(str(out))


def test_svg_of_the_window_matches_the_png_in_librsvg(window: MainWindow, tmp_path: Path) -> None:
    window.resize(1600, 1000)
    window.controller.add_guests("nginx", count=3)
    window.controller.add_guests("ubuntu-server")
    window.controller.run_until(20.0)
    density = window.part("density")
    QApplication.processEvents()
    png = QImage(str(export_png(window, tmp_path / "w.png")))
    svg = _rasterise(export_svg(window, tmp_path / "w.svg"), tmp_path / "w-svg.png")
    assert (svg.width(), svg.height()) == (png.width(), png.height())
    bars = QRect(density.mapTo(window, QPoint()), density.size()).adjusted(2, 2, -2, -2)
    # Before: every bar's 1 px outline was scaled with the plot into a black blob.
    assert _dark_share(svg, bars) <= _dark_share(png, bars) + 0.02
    menu = window.menuBar()
    strip = QRect(menu.mapTo(window, QPoint()), menu.size())
    # Before: the menu bar's empty part was painted over its menus.
    assert _dark_share(svg, strip) > 0.5 * _dark_share(png, strip) > 0

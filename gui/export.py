"""Exports for handouts: a widget as a PNG or SVG picture, the session's data as CSV and JSON.

Pictures are exactly the widget's size in pixels, whatever the screen's device-pixel ratio, so
a handout made on a HiDPI laptop matches one made on the classroom PC.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from sim.session import Session

IMAGE_FORMATS = ("png", "svg")


def render_image(widget: QWidget) -> QImage:
    """Render `widget` into an image of exactly its size (device-pixel ratio 1)."""
    image = QImage(widget.size(), QImage.Format.Format_ARGB32)
    image.fill(widget.palette().window().color())
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    widget.render(painter, QPoint())
    painter.end()
    return image


def export_png(widget: QWidget, path: str | Path) -> Path:
    """Save `widget` as a PNG of its size; raise OSError if it cannot be written."""
    path = Path(path)
    if not render_image(widget).save(str(path), "PNG"):
        raise OSError(f"could not write PNG image {path}")
    return path


def export_svg(widget: QWidget, path: str | Path, title: str = "HostLab") -> Path:
    """Save `widget` as an SVG drawing whose size and view box are the widget's pixels."""
    from PySide6.QtSvg import QSvgGenerator

    path = Path(path)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(widget.size())
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    # At 96 dpi the millimetre size QSvgGenerator writes is exactly the pixel size in CSS.
    generator.setResolution(96)
    generator.setTitle(title)
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"could not write SVG drawing {path}")
    painter.fillRect(QRect(0, 0, widget.width(), widget.height()),
                     widget.palette().window().color())
    widget.render(painter, QPoint())
    painter.end()
    return path


def export_picture(widget: QWidget, path: str | Path) -> Path:
    """Save `widget` as PNG or SVG, chosen by the file's extension (PNG when none)."""
    path = Path(path)
    suffix = path.suffix.lower().lstrip(".")
    if suffix == "svg":
        return export_svg(widget, path)
    if suffix != "png":
        path = path.with_name(path.name + ".png")
    return export_png(widget, path)


def export_data(session: Session, directory: str | Path) -> list[Path]:
    """Write the session's results (JSON) and series (CSV) into `directory`; list the files."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    return [Path(p) for p in session.export(directory)]


def color_variety(image: QImage, samples: int = 64) -> int:
    """Return how many distinct colours a grid of samples finds (1 means a blank picture)."""
    if image.isNull():
        return 0
    colors: set[int] = set()
    for i in range(samples):
        for j in range(samples):
            x = (2 * i + 1) * image.width() // (2 * samples)
            y = (2 * j + 1) * image.height() // (2 * samples)
            colors.add(QColor(image.pixel(x, y)).rgb())
    return len(colors)


"""Exports for handouts: a widget as a PNG or SVG picture, the session's data as CSV and JSON.

Pictures are exactly the widget's size in pixels, whatever the screen's device-pixel ratio, so
a handout made on a HiDPI laptop matches one made on the classroom PC. Every file is written
through sim/atomic.py: a picture is rendered into memory, checked, then written whole, so a
kill or a full disk leaves the old file (or none), never a truncated one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter
from PySide6.QtWidgets import QWidget

from sim.atomic import AtomicWriteError, write_bytes

if TYPE_CHECKING:
    from sim.session import Session

IMAGE_FORMATS = ("png", "svg")
DATA_SUBFOLDER = "hostlab-data"  # used inside a chosen folder that holds other files


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
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # A writer, not QImage.save: the binding's save takes the format only as str, which its
    # type hints refuse.
    if not QImageWriter(buffer, b"PNG").write(render_image(widget)) or data.isEmpty():
        raise AtomicWriteError(f"{path}: could not make the PNG image")
    buffer.close()
    return write_bytes(path, bytes(data.data()))


def export_svg(widget: QWidget, path: str | Path, title: str = "HostLab") -> Path:
    """Save `widget` as an SVG drawing whose size and view box are the widget's pixels."""
    from PySide6.QtSvg import QSvgGenerator

    path = Path(path)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(widget.size())
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    # At 96 dpi the millimetre size QSvgGenerator writes is exactly the pixel size in CSS.
    generator.setResolution(96)
    generator.setTitle(title)
    painter = QPainter()
    if not painter.begin(generator):
        raise AtomicWriteError(f"{path}: could not make the SVG drawing")
    painter.fillRect(
        QRect(0, 0, widget.width(), widget.height()), widget.palette().window().color()
    )
    widget.render(painter, QPoint())
    painter.end()
    buffer.close()
    svg = bytes(data.data())
    if not svg.rstrip().endswith(b"</svg>"):
        raise AtomicWriteError(f"{path}: could not make the SVG drawing")
    svg = _with_menu_bar(widget, scaled_strokes_fixed(svg))
    return write_bytes(path, real_font_families(svg))


def _svg_of(widget: QWidget, version: object) -> bytes:
    """Return `widget` drawn by QSvgGenerator of `version`, with its own size as view box."""
    from PySide6.QtSvg import QSvgGenerator

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator(version)  # type: ignore[call-overload]
    generator.setOutputDevice(buffer)
    generator.setSize(widget.size())
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    generator.setResolution(96)
    painter = QPainter(generator)
    widget.render(painter, QPoint())
    painter.end()
    buffer.close()
    return bytes(data.data())


def _with_menu_bar(widget: QWidget, svg: bytes) -> bytes:
    """Draw a window's menu bar again, on top, clipped as Qt clips it.

    The menu bar paints its empty part after its menus and relies on a clip to spare them;
    SVG Tiny (what other programs read best) has no clips, so the menus were painted over.
    The bar alone is drawn as SVG 1.1, whose clip paths are right for one flat widget.
    """
    import re

    from PySide6.QtSvg import QSvgGenerator
    from PySide6.QtWidgets import QMainWindow

    bar = widget.menuBar() if isinstance(widget, QMainWindow) else None
    if bar is None or not bar.isVisible() or bar.width() < 1:
        return svg
    part = _svg_of(bar, QSvgGenerator.SvgVersion.Svg11)
    part = re.sub(rb'id="([^"]+)"', rb'id="menubar-\1"', part)
    part = re.sub(rb"url\(#([^)]+)\)", rb"url(#menubar-\1)", part)
    part = re.sub(rb"^.*?<svg", b"<svg", part, count=1, flags=re.S)  # no second XML header
    at = bar.mapTo(widget, QPoint())
    part = part.replace(b"<svg", f'<svg x="{at.x()}" y="{at.y()}"'.encode(), 1)
    end = svg.rstrip().rfind(b"</svg>")
    return svg[:end] + part + b"\n</svg>\n"


_MATRIX = re.compile(rb'<g ([^>]*?)transform="matrix\(([^)]*)\)"([^>]*)>(.*?)</g>', re.S)
_NUMBER = rb"(-?[0-9.]+(?:e-?[0-9]+)?)"


def scaled_strokes_fixed(svg: bytes) -> bytes:
    """Keep cosmetic (1 px) outlines 1 px in renderers that ignore `non-scaling-stroke`.

    Qt draws a plot's bars in data units under a scaling transform with a cosmetic pen;
    librsvg and others scale that pen too, so a bar 0.6 units high got an outline 60 px
    wide: a black blob. Such shapes get device coordinates and the inverse transform.
    """

    def group(match: re.Match[bytes]) -> bytes:
        a, b, c, d, e, f = (float(v) for v in match.group(2).split(b","))
        det = a * d - b * c
        if (a, b, c, d) == (1.0, 0.0, 0.0, 1.0) or abs(det) < 1e-12:
            return match.group(0)
        inverse = (
            d / det,
            -b / det,
            -c / det,
            a / det,
            (c * f - d * e) / det,
            (b * e - a * f) / det,
        )
        undo = "matrix(" + ",".join(f"{v:.9g}" for v in inverse) + ")"

        def point(m: re.Match[bytes]) -> bytes:
            x, y = float(m.group(1)), float(m.group(2))
            return f"{a * x + c * y + e:.6g},{b * x + d * y + f:.6g}".encode()

        def shape(m: re.Match[bytes]) -> bytes:
            element = m.group(0)
            rect = re.search(
                rb'x="'
                + _NUMBER
                + rb'" y="'
                + _NUMBER
                + rb'" width="'
                + _NUMBER
                + rb'" height="'
                + _NUMBER
                + rb'"',
                element,
            )
            if element.startswith(b"<rect") and rect is not None:
                x, y, w, h = (float(v) for v in rect.groups())
                corners = f"M{x},{y} L{x + w},{y} L{x + w},{y + h} L{x},{y + h} Z"
                element = (
                    b'<path vector-effect="non-scaling-stroke" d="' + corners.encode() + b'"/>'
                )
            path = re.search(rb' d="([^"]*)"', element)
            if path is None or re.search(rb"[^MLCZ0-9.,\s\-e]", path.group(1)):
                return m.group(0)  # only absolute moves, lines and curves are mapped
            mapped = re.sub(_NUMBER + rb"," + _NUMBER, point, path.group(1))
            element = element.replace(path.group(0), b' d="' + mapped + b'"', 1)
            return element.replace(b"<path ", f'<path transform="{undo}" '.encode(), 1)

        body = re.sub(
            rb'<(?:path|rect) vector-effect="non-scaling-stroke"[^>]*/>', shape, match.group(4)
        )
        return (
            match.group(0).replace(match.group(4), body, 1)
            if body != match.group(4)
            else match.group(0)
        )

    return _MATRIX.sub(group, svg)


def real_font_families(svg: bytes) -> bytes:
    """Name the fonts Qt drew with instead of its aliases, then the generic `sans-serif`.

    Qt writes its alias "Sans Serif", which no other renderer knows: they fall back to a font
    of other widths and the text runs into its neighbours.
    """
    import re

    from PySide6.QtGui import QFont, QFontInfo

    cache: dict[bytes, bytes] = {}

    def resolve(match: re.Match[bytes]) -> bytes:
        names = match.group(1)
        if names not in cache:
            families = [
                QFontInfo(QFont(n.strip())).family()
                for n in names.decode("utf-8", "replace").split(",")
                if n.strip()
            ]
            unique = list(dict.fromkeys(f for f in families if f))
            quoted = ", ".join(f"'{f}'" if " " in f else f for f in unique)
            cache[names] = (quoted + ", sans-serif").encode("utf-8")
        return b'font-family="' + cache[names] + b'"'

    return re.sub(rb'font-family="([^"]*)"', resolve, svg)


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
    """Write every host's results (JSON) and series (CSV) into `directory`; list the files.

    A folder that holds other files (the Desktop, say) gets them in its DATA_SUBFOLDER, which a
    later export replaces whole; the files' folder is the returned paths' parent.
    """
    from sim.atomic import foreign_names
    from sim.report import EXPORT_FILES, export

    directory = Path(directory)
    if directory.is_dir() and foreign_names(directory, EXPORT_FILES):
        directory = directory / DATA_SUBFOLDER
    return export(session, directory)


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

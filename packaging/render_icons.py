"""Render assets/hostlab.svg into the icons each platform's installer needs.

    python packaging/render_icons.py [OUT_DIR]      # default: packaging/icons

Writes hicolor/<N>x<N>/apps/hostlab.png (N = 16 … 512) for the Linux icon theme, hostlab.ico
for Windows (Explorer, Start menu, the installer) and hostlab.icns for macOS. The rendered
files are committed, so Windows and macOS builds need no SVG renderer; run this again after
changing the SVG (tests/packaging/test_icons.py fails while they differ).

The .ico and .icns writers are here rather than Qt's image plugins because those write one
size per file, and an icon file must carry every size for the system to pick from.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "assets" / "hostlab.svg"
OUT = ROOT / "packaging" / "icons"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 256)
# Apple's icon types that hold PNG data, by pixel size (the @2x types reuse a larger image).
ICNS_TYPES = ((b"icp4", 16), (b"ic11", 32), (b"icp5", 32), (b"ic12", 64), (b"ic07", 128),
              (b"ic13", 256), (b"ic08", 256), (b"ic14", 512), (b"ic09", 512), (b"ic10", 1024))


def render(size: int):  # -> QImage; Qt is imported lazily so the module imports without it
    """Render the SVG into a square ARGB image of `size` pixels."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(2835)  # 72 dpi, fixed so the files do not depend on the screen
    image.setDotsPerMeterY(2835)
    return image


def png_bytes(image) -> bytes:
    """Encode a QImage as PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("render_icons: PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def bmp_entry(image) -> bytes:
    """Encode a QImage as an ICO's 32-bit DIB: bottom-up BGRA rows, then an empty AND mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in reversed(range(size)):
        rows.append(b"".join(struct.pack("<I", image.pixel(x, y)) for x in range(size)))
    mask_row = b"\0" * (((size + 31) // 32) * 4)
    return header + b"".join(rows) + mask_row * size


def ico_bytes(images: dict[int, object]) -> bytes:
    """Build a Windows .ico: DIB entries up to 64 px (every Windows reads them), PNG at 256."""
    entries = [(size, png_bytes(images[size]) if size >= 256 else bmp_entry(images[size]))
               for size in ICO_SIZES]
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    for size, data in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _, data in entries)


def icns_bytes(images: dict[int, object]) -> bytes:
    """Build a macOS .icns of PNG entries."""
    body = b""
    for kind, size in ICNS_TYPES:
        data = png_bytes(images[size])
        body += kind + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str]) -> int:
    """Render every icon into OUT_DIR (default packaging/icons)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    out = Path(argv[0]) if argv else OUT
    sizes = sorted({*HICOLOR_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    images = {size: render(size) for size in sizes}
    for size in HICOLOR_SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / "hostlab.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png_bytes(images[size]))
    (out / "hostlab.ico").write_bytes(ico_bytes(images))
    (out / "hostlab.icns").write_bytes(icns_bytes(images))
    print(f"render_icons: wrote {len(HICOLOR_SIZES)} PNGs, hostlab.ico, hostlab.icns to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

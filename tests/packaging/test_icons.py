"""The committed icon renders match assets/hostlab.svg and carry the sizes each system needs."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "packaging" / "icons"


def load_render_icons():  # -> module; packaging/ is scripts, not a package
    spec = importlib.util.spec_from_file_location(
        "render_icons", ROOT / "packaging" / "render_icons.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render_icons = load_render_icons()


@pytest.mark.parametrize("size", render_icons.HICOLOR_SIZES)
def test_hicolor_png_matches_the_svg(qapp, size: int) -> None:
    from PySide6.QtGui import QImage

    committed = QImage(str(ICONS / "hicolor" / f"{size}x{size}" / "apps" / "hostlab.png"))
    assert (committed.width(), committed.height()) == (size, size)
    fresh = render_icons.render(size)
    committed = committed.convertToFormat(fresh.format())
    worst = max(
        abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF))
        for y in range(0, size, max(1, size // 32))
        for x in range(0, size, max(1, size // 32))
        for a, b in [(fresh.pixel(x, y), committed.pixel(x, y))]
        for shift in (0, 8, 16, 24)
    )
    assert worst <= 8, "packaging/icons is stale: run `python packaging/render_icons.py`"


def test_ico_holds_small_and_large_sizes() -> None:
    data = (ICONS / "hostlab.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = {data[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes


def test_icns_holds_every_retina_size() -> None:
    data = (ICONS / "hostlab.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, offset = set(), 8
    while offset < len(data):
        kind, length = (
            data[offset : offset + 4],
            struct.unpack(">I", data[offset + 4 : offset + 8])[0],
        )
        assert data[offset + 8 : offset + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.add(kind)
        offset += length
    assert {b"ic07", b"ic08", b"ic09", b"ic10", b"ic11", b"ic12", b"ic13", b"ic14"} <= kinds

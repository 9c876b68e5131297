"""A palette tile's count changes every frame while guests arrive without laying the palette out."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from gui.app import apply_projector
from gui.window.main_window import MainWindow


def test_a_new_count_repaints_the_tile_alone(window: MainWindow, layout_requests) -> None:  # noqa: ANN001
    palette = window.palette_panel
    tile = palette.tile("alpine")
    QApplication.processEvents()
    requests = [layout_requests(tile), layout_requests(palette)]
    for n in (1, 2, 3, 5, 8, 7, 4):  # one character wide: the room never grows
        tile.set_count(n)
        QApplication.processEvents()
        assert tile.count_text() == f"<b>×{n}</b>"
    assert [r.count for r in requests] == [0, 0]
    assert tile.accessibleDescription() == "×4"  # a screen reader reads the count too
    tile.set_count(0)
    assert tile.count_text() == "×0"


def _count_fits(tile) -> bool:  # noqa: ANN001
    room = tile._count.item.geometry()  # noqa: SLF001 (the painted count's place)
    bold = QFont(tile.font())
    bold.setBold(True)
    title = tile._title.geometry()  # noqa: SLF001
    wide_enough = room.width() >= QFontMetrics(bold).horizontalAdvance(tile.count_text()[3:-4])
    return wide_enough and room.left() >= title.right() and room.right() <= tile.rect().right()


def test_the_count_has_room_for_its_widest_text(window: MainWindow) -> None:
    tile = window.palette_panel.tile("alpine")
    tile.set_count(12_345)
    QApplication.processEvents()
    assert tile.count_text() == "<b>×12\u2009345</b>" and _count_fits(tile)  # a thin space
    small = tile.font().pointSizeF()
    apply_projector(window, True, remember=False, screen=QSize(1920, 1080))
    try:
        for _ in range(3):  # each pass lays out what the previous one resized
            QApplication.processEvents()
        assert tile.font().pointSizeF() > small  # measured afresh in the projector's font
        assert _count_fits(tile)
    finally:
        apply_projector(window, False, remember=False)

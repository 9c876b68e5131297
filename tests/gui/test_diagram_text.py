"""Diagram block texts fit by design: wrapped at word (and hyphen) breaks, shortened, never cut."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetrics

from gui.views.layer_diagram_text import ZWSP, breakable, fit, fit_first, fits


def _font(px: int) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(True)
    return font


def test_a_guest_id_breaks_after_a_hyphen_not_inside_a_word(qapp) -> None:
    fm = QFontMetrics(_font(20))
    width = fm.horizontalAdvance("alpine-") + 2
    area = QRectF(0, 0, width, fm.height() * 3)
    shown = fit(_font(20), area, [breakable("alpine-vm-1")], floor_px=20)
    assert not shown.cut
    assert shown.text.replace(ZWSP, "") == "alpine-vm-1"  # whole, wrapped at its hyphens


def test_a_long_title_gives_way_to_its_shorter_form_before_being_cut(qapp) -> None:
    fm = QFontMetrics(_font(20))
    area = QRectF(0, 0, fm.horizontalAdvance("Host kernel") + 4, fm.height() + 2)
    shown = fit(_font(20), area, ["Host kernel, shared by every container", "Host kernel"], 18)
    assert (shown.text, shown.cut) == ("Host kernel", False)


def test_only_a_text_that_fits_nowhere_is_cut_and_says_so(qapp) -> None:
    area = QRectF(0, 0, 30, 12)
    shown = fit(_font(20), area, ["Hypervisor"], floor_px=16)
    assert shown.cut and shown.text.endswith("…")
    assert not fits(QFontMetrics(_font(16)), 30, 12, "Hypervisor")


def test_a_name_no_floor_fits_takes_normal_mode_size_before_being_cut(qapp) -> None:
    area = QRectF(0, 0, QFontMetrics(_font(13)).horizontalAdvance("alpine-vm-1") + 2, 24)
    index, shown = fit_first(_font(21), [area], ["alpine-vm-1"], floor_px=16, desk_px=13)
    assert (index, shown.text, shown.cut) == (0, "alpine-vm-1", False)
    assert fit_first(_font(21), [area], ["alpine-vm-1"], floor_px=16, desk_px=16)[1].cut

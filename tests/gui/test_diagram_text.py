"""Diagram block texts fit by design: wrapped at word (and hyphen) breaks, shortened, never cut."""

from __future__ import annotations

import random

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetrics

from gui.views.layer_diagram_text import (
    WRAP,
    ZWSP,
    Fits,
    breakable,
    digits_alike,
    fit,
    fit_first,
    fits,
)


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


def test_fits_kept_for_texts_of_other_counts_are_what_fitting_afresh_gives(qapp) -> None:  # noqa: ANN001
    """While guests start, one fit serves every count of the same shape: never another answer."""
    from gui import theme

    rng = random.Random(12)
    kept = Fits()
    shared = 0
    for _ in range(300):
        font = theme.font(rng.random() < 0.5, bold=True, small=True)
        assert digits_alike(font)  # the bundled fonts: counts share fits
        n, a, b = rng.randrange(1, 20000), rng.randrange(0, 999), rng.randrange(0, 99)
        count = f"{n:,}"
        variants = [
            breakable(f"alpine ×{count}\n{a}▷ {b}●"),
            breakable(f"alpine ×{count}"),
            "alpine",
        ]
        areas = [QRectF(0, 0, rng.choice([40, 70, 95, 140]), rng.choice([20, 42, 60]))]
        before = len(kept._kept)
        got = kept.fit(font, areas, variants, 11.0, 13)
        shared += len(kept._kept) == before
        index, want = fit_first(font, areas, variants, 11.0, 13)
        assert got[0] == index
        assert (got[1].text, got[1].font.key(), got[1].cut) == (
            want.text,
            want.font.key(),
            want.cut,
        )
        area = areas[index].toRect()
        assert kept.box(got[1], area) == QFontMetrics(want.font).boundingRect(area, WRAP, want.text)
    assert shared > 100  # most counts were fitted once for their shape

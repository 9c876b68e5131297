"""Fit a diagram block's text into its rectangle without ever cutting a word.

A block offers its text in variants, richest first ("Host kernel, shared by every container",
then "Host kernel"). The first variant that fits wrapped at word boundaries (guest ids also
break after a hyphen) wins, at the block's font or slightly smaller; then any variant down to
a floor size. Only when even the shortest variant cannot fit at the floor is it elided, and the
result says so (`cut`), so the layout checker can fail on it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics, QFontMetricsF

ZWSP = "\u200b"  # a break opportunity that draws nothing
WRAP = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
_WORDS = re.compile(r"[\s\u200b]+")
NEAR_SIZE = 0.85  # a variant may shrink this far before a shorter variant is tried
_ZEROS = str.maketrans("123456789", "000000000")
# Digits beside what they stand beside in block texts: "×1,234", "12● 3▷", "512.0 GiB".
_DIGIT_CONTEXTS = "×{0}{0},{0}.{0} {0}●{0}▷{0}▹{0}↓{0}✕{0}⚠{0}…{0}↗{0}↘{0}→{0}■{0}"
_MAX_FITS = 512  # texts and sizes seen while a splitter was dragged


@dataclass(frozen=True)
class Fitted:
    """The text to paint, its font, and whether it had to be cut (elided)."""

    text: str
    font: QFont
    cut: bool


def breakable(name: str) -> str:
    """Return `name` with a break opportunity after each hyphen ("alpine-vm-1")."""
    return name.replace("-", "-" + ZWSP)


def fits(fm: QFontMetrics, width: float, height: float, text: str) -> bool:
    """Return whether `text` wraps into width × height with no word wider than the width."""
    if any(fm.horizontalAdvance(w) > width for w in _WORDS.split(text) if w):
        return False
    box = fm.boundingRect(QRect(0, 0, max(1, int(width)), 1 << 20), WRAP, text)
    return box.height() <= height


def _sized(font: QFont, px: int) -> QFont:
    f = QFont(font)
    f.setPixelSize(px)
    return f


def fit(font: QFont, area: QRectF, variants: Sequence[str], floor_px: int) -> Fitted:
    """Return the richest of `variants` that fits `area`, shrinking `font` to `floor_px`."""
    base = QFontInfo(font).pixelSize()
    floor_px = min(floor_px, base)
    near = [px for px in range(base, floor_px - 1, -1) if px >= base * NEAR_SIZE]
    rest = [px for px in range(base, floor_px - 1, -1) if px not in near]
    # Near the block's size the richest text wins; below it a shorter text at a larger size
    # reads better from the back of the room than a longer one in small print.
    tries = [(text, px) for text in variants for px in near]
    tries += [(text, px) for px in rest for text in variants]
    for text, px in tries:
        f = _sized(font, px)
        if fits(QFontMetrics(f), area.width(), area.height(), text):
            return Fitted(text, f, False)
    f = _sized(font, floor_px)
    fm = QFontMetrics(f)
    line = variants[-1].split("\n")[0].replace(ZWSP, "")
    return Fitted(fm.elidedText(line, Qt.TextElideMode.ElideRight, int(area.width())), f, True)


def fit_first(
    font: QFont, areas: Sequence[QRectF], variants: Sequence[str], floor_px: float, desk_px: int
) -> tuple[int, Fitted]:
    """Return the first of `areas` where a variant fits whole, and that text (else cut)."""
    tried: list[Fitted] = []
    for area in areas:
        # A squat block (a short pane, a banner above): one whole line of smaller text.
        floor = min(floor_px, area.height() * 0.7)
        tried.append(fit(font, area, variants, max(9, int(floor))))
        if not tried[-1].cut:
            return len(tried) - 1, tried[-1]
    # Before a word is cut: the size of normal mode's text (`desk_px`), still read at a desk
    # (a squat row at 1024×768 in projector mode, a name beside a badge).
    desk = fit(font, areas[0], variants, desk_px)
    return 0, desk if not desk.cut else tried[0]


_ALIKE: dict[str, bool] = {}  # by font key


def digits_alike(font: QFont) -> bool:
    """Return whether every digit takes the same room in `font`, beside what it stands beside."""
    key = font.key()
    alike = _ALIKE.get(key)
    if alike is None:
        fm = QFontMetricsF(font)
        widths = {fm.horizontalAdvance(_DIGIT_CONTEXTS.format(d)) for d in "0123456789"}
        mixed = fm.horizontalAdvance("9876543210") == fm.horizontalAdvance("0000000000")
        alike = _ALIKE[key] = len(widths) == 1 and mixed
    return alike


class Fits:
    """Fitted block texts, kept by what decides them (`fit_first`'s arguments).

    While guests start, counts change every frame. In a font whose digits are all as wide
    (`digits_alike`), a text fits where the same text with other digits fits, the same way:
    such texts share what was fitted, by their shape (every digit a 0).
    """

    def __init__(self) -> None:
        self._kept: dict[tuple[object, ...], tuple[int, int, Fitted]] = {}
        self._boxes: dict[tuple[object, ...], QRect] = {}

    def fit(
        self,
        font: QFont,
        areas: Sequence[QRectF],
        variants: Sequence[str],
        floor_px: float,
        desk_px: int,
    ) -> tuple[int, Fitted]:
        """Return what `fit_first` returns, worked out only for a text or size not seen."""
        sizes = tuple((round(a.width()), round(a.height())) for a in areas)
        exact = (tuple(variants), sizes, font.key(), floor_px, desk_px)
        shape = exact
        if digits_alike(font):
            shape = (tuple(v.translate(_ZEROS) for v in variants), *exact[1:])
        kept = self._kept.get(shape) or self._kept.get(exact)
        if kept is None:
            if len(self._kept) > _MAX_FITS:
                self._kept.clear()
            index, fitted = fit_first(font, areas, variants, floor_px, desk_px)
            # A cut text is elided from its own words: kept for that text alone.
            which = -1 if fitted.cut else list(variants).index(fitted.text)
            kept = self._kept[exact if fitted.cut else shape] = (index, which, fitted)
        index, which, fitted = kept
        if which >= 0 and fitted.text != variants[which]:
            fitted = Fitted(variants[which], fitted.font, False)
        return index, fitted

    def box(self, fitted: Fitted, area: QRect) -> QRect:
        """Return where `fitted` paints in `area`, wrapped and centred (kept by its shape)."""
        text = fitted.text.translate(_ZEROS) if digits_alike(fitted.font) else fitted.text
        key = (text, fitted.font.key(), area.getRect())
        box = self._boxes.get(key)
        if box is None:
            if len(self._boxes) > _MAX_FITS:
                self._boxes.clear()
            box = self._boxes[key] = QFontMetrics(fitted.font).boundingRect(area, WRAP, text)
        return box

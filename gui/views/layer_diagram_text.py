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
from PySide6.QtGui import QFont, QFontInfo, QFontMetrics

ZWSP = "\u200b"  # a break opportunity that draws nothing
WRAP = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
_WORDS = re.compile(r"[\s\u200b]+")
NEAR_SIZE = 0.85  # a variant may shrink this far before a shorter variant is tried


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

"""Where the timeline's words go: the row-label column, the row pitch and the legend's side.

A projector's large text on a 4K screen is taller than the timeline's fixed row pitch, so
twenty rows' labels overlapped; a long legend beside a narrow plot left the bars 80 px.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QBoxLayout

from gui import theme
from gui.text import labels as names
from gui.views.legend import Legend

ROW_PX = {False: 22, True: 34}  # a row's height when the text is smaller than that
MIN_PLOT_LINES = 12  # a plot narrower than this many text heights puts its legend under it


def phase_legend() -> Legend:
    """Return the legend of phase colours, in a column."""
    entries = [
        (p, theme.colour(theme.PHASE_COLOURS, p), Qt.BrushStyle.SolidPattern) for p in theme.PHASES
    ]
    return Legend(entries, names.phase_label, vertical=True)


def rows_in_view(labels: Sequence[str], top: int, visible: int) -> list[tuple[float, str]]:
    """Return ticks for the rows in view and one either side: the axis lays out all it gets."""
    return [
        (float(i), labels[i]) for i in range(max(0, top - 1), min(len(labels), top + visible + 1))
    ]


def row_pitch(projector: bool) -> int:
    """Return a row's height in pixels: the mode's pitch, or the text's height and some air."""
    text = QFontMetrics(theme.font(projector)).height()
    return max(ROW_PX[projector], math.ceil(text * 1.15))


def label_column(labels: Sequence[str], projector: bool) -> int:
    """Return the width of the row-label column: the widest label, at most ~40 letters."""
    font = theme.font(projector)
    metrics = QFontMetrics(font)
    # Thousands of rows (one guest each) are measured again whenever a count changes: the
    # widths of labels seen before are kept, per font.
    known = _WIDTHS.setdefault(font.key(), {})
    if len(known) > 4 * len(labels) + 1000:
        known.clear()
    widest = 40 if not labels else 0
    for t in labels:
        w = known.get(t)
        if w is None:
            w = known[t] = metrics.horizontalAdvance(t)
        widest = max(widest, w)
    return min(widest + 16, max(420, 40 * metrics.averageCharWidth()))


_WIDTHS: dict[str, dict[str, int]] = {}  # label widths in pixels, by font (QFont.key())


def place_legend(
    legend: Legend, beside: QBoxLayout, under: QBoxLayout, width: int, projector: bool
) -> None:
    """Put the legend beside the plot, or under it when beside it the plot would be narrow.

    `width` is what the plot and the legend share; the legend's place does not change it, so
    the choice is stable while the window keeps its size.
    """
    text = QFontMetrics(theme.font(projector)).height()
    is_under = width - legend.column_width() < MIN_PLOT_LINES * text
    target = under if is_under else beside
    if target.indexOf(legend) < 0:
        target.addWidget(legend)  # takes it out of the other layout
    legend.set_vertical(not is_under)

"""Keep a text drawn in a plot inside the plot's area, where no axis label covers it.

A plot's view box clips what it draws: a label anchored at a data point near the left axis,
or wider than a narrow plot (a side-by-side pane on a projector), loses its first letters
under the axis' tick labels. These helpers try the text's places in order — where the view
put it, then against the area's left edge, then on two lines (the word over the number) —
and hide it only when none fits.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pyqtgraph as pg  # type: ignore[import-untyped]  # no stubs
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGraphicsItem

LABEL_Z = 10  # over the plot's other lines and bands
OOM_HEIGHTS = (0.8, 0.65, 0.5, 0.35, 0.2, 0.92)  # where along a vertical line its label may sit
PAPER = (255, 255, 255, 210)  # behind a text in the plot: lines under it stay faint


def two_lines(text: str) -> str:
    """Return `text` with its first space made a line break ("free\\n47.8 GiB")."""
    return text.replace(" ", "\n", 1)


def place_at_point(
    item: pg.TextItem,
    box: pg.ViewBox,
    at: tuple[float, float],
    text: str,
    under: pg.InfiniteLine | None = None,
    floor: float = float("-inf"),
) -> None:
    """Show `text` centred on data point `at`: ending there if it fits, else from the left edge.

    With `under` (a horizontal line whose label hangs below it), the text moves down clear of
    that label, but not below `floor` (data units): there it would cover what it describes.
    """
    area = box.sceneBoundingRect()
    if area.width() <= 0:
        return
    right = box.mapViewToScene(QPointF(*at)).x()
    left = box.mapSceneToView(QPointF(area.left(), 0.0)).x()
    for candidate in (text, two_lines(text)):
        if item.textItem.toPlainText() != candidate:
            item.setText(candidate)  # a new text is laid out again: only when it changes
        width = item.textItem.boundingRect().width()
        y = _clear_of(item, box, at[1], under, floor)
        if y is None:
            continue
        if right - width >= area.left():
            _put(item, (1.0, 0.5), (at[0], y))
            return
        if width <= area.width():
            _put(item, (0.0, 0.5), (left, y))
            return
    item.setVisible(False)  # a plot narrower than its own label: the legend names the layers


def _clear_of(
    item: pg.TextItem, box: pg.ViewBox, y: float, under: pg.InfiniteLine | None, floor: float
) -> float | None:
    """Return a data y near `y` where `item` is below `under`'s label and above `floor`."""
    if under is None or not under.label.isVisible():
        return y
    half = item.textItem.boundingRect().height() / 2
    label_bottom = box.mapViewToScene(QPointF(0.0, under.value())).y()
    label_bottom += under.label.textItem.boundingRect().height()
    centre = box.mapViewToScene(QPointF(0.0, y)).y()
    if centre - half >= label_bottom:
        return y
    centre = label_bottom + half
    if centre + half > box.mapViewToScene(QPointF(0.0, floor)).y():
        return None  # no room between the label and what lies under it
    return float(box.mapSceneToView(QPointF(0.0, centre)).y())


def _put(item: pg.TextItem, anchor: tuple[float, float], pos: tuple[float, float]) -> None:
    item.setVisible(True)
    if tuple(item.anchor) != anchor:
        item.setAnchor(anchor)
    if item.pos() != QPointF(*pos):
        item.setPos(*pos)


def fit_line_label(line: pg.InfiniteLine, box: pg.ViewBox, text: str) -> None:
    """Give a horizontal line's label `text`, on two lines if one is wider than the plot."""
    area = box.sceneBoundingRect()
    label = line.label
    for candidate in (text, two_lines(text)):
        if label.format != candidate:
            label.setFormat(candidate)
        if label.textItem.boundingRect().width() <= area.width() * (1.0 - label.orthoPos):
            return


def label_clusters(
    lines: Sequence[pg.InfiniteLine],
    box: pg.ViewBox,
    one: str,
    many: str,
    avoid: Sequence[QGraphicsItem] = (),
) -> None:
    """Label only the first of each run of vertical lines closer than a label; say how many.

    Thirty OOM kills in ten seconds are thirty labels on top of each other: one "✕ OOM kill
    ×30" reads. A label that would leave the plot on the right hangs left of its line.
    """
    shown = sorted((line for line in lines if line.isVisible()), key=lambda line: line.value())
    if not shown:
        return
    metrics = QFontMetrics(shown[0].label.textItem.font())
    width = max(metrics.horizontalAdvance(t) for t in (one, many.format(n=len(shown)))) + 8
    area = box.sceneBoundingRect()
    heads: list[list[Any]] = []  # [line, count, x]
    for line in shown:
        x = box.mapViewToScene(QPointF(line.value(), 0.0)).x()
        if heads and x - heads[-1][2] <= width:
            heads[-1][1] += 1
        else:
            heads.append([line, 1, x])
    texts = {id(h[0]): (one if h[1] == 1 else many.format(n=h[1]), h[2]) for h in heads}
    for line in shown:
        text, x = texts.get(id(line), ("", 0.0))
        label = line.label
        if text and x + width > area.right() and x - width < area.left():
            # No room for the words either side: the mark and the count ("✕ ×8"); `many` is
            # `one` and a count in both languages.
            text = text.split(" ")[0] + text[len(one) :]
        if label.format != text:
            label.setFormat(text)
        if label.isVisible() != bool(text):
            label.setVisible(bool(text))  # an empty label would still paint its backing
        # Left of the first line when more follow (they would cross the text) or the edge is near.
        own = metrics.horizontalAdvance(text) + 8
        crowded = text != one or x + own > area.right()
        side = 1.0 if text and crowded and x - own >= area.left() else 0.0
        line.setZValue(LABEL_Z if text else 0)  # the labelled line and its text over the others
        if label.anchors[0][0] != side:
            label.anchors = [(side, 0.0), (side, 0.0)]
            label.updatePosition()
        if text:
            _clear_height(label, avoid)


def _clear_height(label: pg.InfLineLabel, avoid: Sequence[QGraphicsItem]) -> None:
    """Slide a vertical line's label up or down its line until it covers none of `avoid`."""
    others = [a.sceneBoundingRect() for a in avoid if a.isVisible()]
    for height in OOM_HEIGHTS:
        if label.orthoPos != height:
            label.setPosition(height)
        ink = label.sceneBoundingRect()
        if not any(ink.intersects(o) for o in others):
            return
    label.setPosition(OOM_HEIGHTS[0])  # nowhere clear: where it reads best


def fit_axis_title(axis: pg.AxisItem, forms: Sequence[str], units: str = "") -> None:
    """Title `axis` with the longest of `forms` that fits along it (the last one otherwise)."""
    room = axis.width() if axis.orientation in ("bottom", "top") else axis.height()
    for text in forms:
        if axis.labelText != text or axis.labelUnits != units:
            axis.setLabel(text, units=units)
        if room <= 0 or axis.label.boundingRect().width() <= room:
            return


def spaced_ticks(axis: pg.AxisItem, lo: float, hi: float, px: float) -> list[tuple[float, str]]:
    """Return ticks on 1-2-5 steps over [lo, hi] whose labels, measured, stand apart along `px`.

    pyqtgraph spaces ticks by a fixed pixel distance whatever the labels' width: "90" and
    "100" in projector text touch. Here the step grows until its widest label and a gap fit.
    """
    if hi <= lo or px <= 0:
        return []
    metrics = QFontMetrics(axis.style.get("tickFont") or axis.font())
    gap = metrics.horizontalAdvance("0") * 1.5
    step = 10.0 ** math.floor(math.log10((hi - lo) / 50))
    while True:
        for mult in (1.0, 2.0, 5.0):
            s = step * mult
            first = math.ceil(lo / s)
            values = [i * s for i in range(first, math.floor(hi / s) + 1)]
            texts = [f"{v:.{max(0, -math.floor(math.log10(s)))}f}" for v in values]
            widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            if len(values) <= 1 or widest + gap <= s * px / (hi - lo):
                # A label sticking out past the axis' end would be dropped by the axis.
                half = (widest / 2 + 2) * (hi - lo) / px
                return [
                    (v, t)
                    for v, t in zip(values, texts, strict=True)
                    if lo + half <= v <= hi - half
                ]
        step *= 10.0

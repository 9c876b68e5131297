"""The timeline's bars: numpy edges in, Qt rectangles made only when painted.

Bars of one colour are a `Bars` layer; one `BarsItem` paints a stack of layers in order, so the
timeline's two dozen layers (finished and running bars of each phase) cost Qt one item to paint,
not one each. The rectangles to paint are made for the part being painted (a frame paints the
span that changed) and kept until the bars change; a path of every bar is made only on request.
A crowd of more bars than pixels is painted as the runs of device pixels it covers
(`timeline_runs`). Bars with an outline (one guest per row: a white hairline separates
touching bars) are few, since only the rows in view are given, and are painted as they are.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from gui.views import timeline_rows as tr_
from gui.views.bar_changes import Extent, changed_extent
from gui.views.timeline_runs import pixel_runs

# Above this many bars per pixel of width, counting the pixels they cover is cheaper than making
# a Qt rectangle of each bar: at ~850 bars on a 1,100-px plot both took ~0.3 ms, and the runs
# are bounded by the width while the rectangles grow with the bars.
CROWD_PER_PX = 2.0
FEW_BARS = 48  # up to this many bars, all are drawn from a kept list rather than picked
_Edges = tuple[float, float, float, float]  # left, right, top, bottom
_Parts = tuple[list[QRectF], np.ndarray, list[_Edges]]
_Bars = tuple[np.ndarray, np.ndarray, np.ndarray]


class Bars:
    """Bars of one colour from `x0` to `x1` on integer rows, with one brush and one pen."""

    def __init__(self) -> None:
        self.x0 = self.x1 = self.row = np.zeros(0)
        self.end: float | None = None  # where every bar ends, when `reach` put them there
        self.set_pen(QPen(Qt.PenStyle.NoPen))
        self.brush = QBrush()
        self.tight: _Edges = (0.0, 0.0, 0.0, 0.0)  # the bars' bounds, with the pen's margin
        # What the last paint drew, reused until the bars (or, for runs, the transform) change.
        self._plain: list[QRectF] | None = None
        self._runs: tuple[tuple[float, ...], list[QRect]] | None = None

    def path(self) -> QPainterPath:
        """Return a path of every bar (built on demand: painting does not need it)."""
        return tr_.rect_path(self.x0, self.x1, self.row)

    def set(self, x0: np.ndarray, x1: np.ndarray, row: np.ndarray) -> _Bars | None:
        """Take new bars; return the old ones, or None when they are the very same."""
        if len(x0) == len(self.x0):
            if not len(x0):
                return None
            # Most calls of a frame give the very bars of the last one: bytes compare at once.
            x0, x1 = np.asarray(x0, float), np.asarray(x1, float)
            row = np.asarray(row, float)
            if (
                x0.tobytes() == self.x0.tobytes()
                and x1.tobytes() == self.x1.tobytes()
                and row.tobytes() == self.row.tobytes()
            ):
                return None
        old = (self.x0, self.x1, self.row)
        self.x0, self.x1, self.row = np.array(x0, float), np.array(x1, float), np.array(row, float)
        self._plain = self._runs = None
        self.end = None  # not known to be the same for all
        if len(self.x0):
            # Half a unit of margin, as a path item gives a pen: the outline stays inside.
            half = tr_.BAR_HEIGHT / 2 + 0.5
            lo, hi = float(np.nanmin(self.x0)) - 0.5, float(np.nanmax(self.x1)) + 0.5
            self.tight = (lo, hi, float(self.row.min()) - half, float(self.row.max()) + half)
        return old

    def ends(self) -> tuple[float, float]:
        """Return the leftmost and the rightmost right end of the bars."""
        return float(self.x1.min()), float(self.x1.max())

    def reach(self, x: float) -> None:
        """Move the right end of every bar to `x` (not left of its left end)."""
        self.x1 = np.maximum(self.x0, x)
        self.end = x if bool(np.all(self.x0 <= x)) else None
        self.tight = (self.tight[0], float(self.x1.max()) + 0.5, self.tight[2], self.tight[3])
        self._runs = None
        if self._plain is not None:  # the same rectangles, each moved to its new right end
            for r, right in zip(self._plain, self.x1.tolist(), strict=True):
                r.setRight(right)

    def meets(self, parts: list[_Edges]) -> bool:
        """Return whether there are bars and their bounds meet any of `parts`."""
        lo, hi, top, bottom = self.tight
        return len(self.x0) > 0 and any(
            right >= lo and left <= hi and down >= top and up <= bottom
            for left, right, up, down in parts
        )

    def set_pen(self, pen: QPen) -> None:
        """Outline the bars with `pen`."""
        self.pen = QPen(pen)
        self._no_pen = pen.style() == Qt.PenStyle.NoPen
        self._dashed = pen.style() not in (Qt.PenStyle.NoPen, Qt.PenStyle.SolidLine)

    def draw(
        self, painter: QPainter, t: QTransform, parts: _Parts | None, whole: bool, width: int
    ) -> None:
        """Paint the bars that meet `parts` (all when `whole`) on a device `width` px wide.

        `t` is the painter's transform.
        """
        painter.setPen(self.pen)
        painter.setBrush(self.brush)
        crowd = len(self.x0) > CROWD_PER_PX * width
        if not (crowd and self._no_pen and _axis_aligned(t)):
            rects = self._picked(None if whole or parts is None else parts[1])
            if self._dashed:
                self._draw_dashed(painter, rects)
            else:
                painter.drawRects(rects)
            return
        key = (t.m11(), t.m22(), t.dx(), t.dy(), float(width))
        if self._runs is None or self._runs[0] != key:
            self._runs = (key, pixel_runs(self.x0, self.x1, self.row, t, width))
        runs = self._runs[1]
        if not whole and parts is not None:
            areas = [t.mapRect(p).toAlignedRect().adjusted(-1, -1, 1, 1) for p in parts[0]]
            runs = [r for r in runs if any(r.intersects(a) for a in areas)]
        painter.resetTransform()  # the runs are in device pixels already
        painter.drawRects(runs)
        painter.setTransform(t)

    def _picked(self, parts: np.ndarray | None) -> list[QRectF]:
        """Return the rectangles of the bars that meet `parts` (None: of every bar).

        The painter is clipped to what is being painted, so a few more bars than needed cost a
        little C++ and change no pixel: a few bars are drawn all, from the list kept for them.
        """
        if parts is None or len(self.x0) <= FEW_BARS:
            if self._plain is None:
                self._plain = self._rects(None)
            return self._plain
        half = tr_.BAR_HEIGHT / 2 + 0.5
        left, right, up, down = (p[None, :] for p in parts)
        pick = (
            (self.x1[:, None] >= left)
            & (self.x0[:, None] <= right)
            & (self.row[:, None] + half >= up)
            & (self.row[:, None] - half <= down)
        ).any(axis=1)
        if self._plain is not None:
            plain = self._plain
            return [plain[i] for i in np.flatnonzero(pick).tolist()]
        return self._rects(pick)

    def _draw_dashed(self, painter: QPainter, rects: list[QRectF]) -> None:
        """Paint bars with a dashed outline drawn edge by edge, each from its left or top end.

        A running bar grows to the right: its dashes then stay where they were and only the
        new end is painted again. (A rectangle's outline runs round it, so the dashes of its
        bottom edge would shift whenever it grew.)
        """
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRects(rects)
        painter.setPen(self.pen)
        for r in rects:
            painter.drawLine(r.topLeft(), r.topRight())
            painter.drawLine(r.bottomLeft(), r.bottomRight())
            painter.drawLine(r.topLeft(), r.bottomLeft())
            painter.drawLine(r.topRight(), r.bottomRight())

    def _rects(self, pick: np.ndarray | None) -> list[QRectF]:
        half = tr_.BAR_HEIGHT / 2
        x0, x1, row = (self.x0, self.x1, self.row)
        if pick is not None:
            x0, x1, row = x0[pick], x1[pick], row[pick]
        return [
            QRectF(a, r - half, b - a, 2 * half)
            for a, b, r in zip(x0.tolist(), x1.tolist(), row.tolist(), strict=True)
        ]


class BarsItem(QGraphicsItem):
    """A stack of `Bars` layers painted in order, later layers over earlier ones."""

    def __init__(self, layers: int = 1) -> None:
        super().__init__()
        # Qt then tells paint() what part needs painting: a frame paints the span that changed.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)  # no bars yet
        self._layers = [Bars() for _ in range(layers)]
        self._bounds = QRectF()

    @property
    def layers(self) -> tuple[Bars, ...]:
        """Return the layers, bottom first (read-only use; set bars with `set_bars`)."""
        return tuple(self._layers)

    # --- QGraphicsPathItem's interface, as the view and its tests use it -------------------
    def pen(self) -> QPen:  # noqa: D102
        return QPen(self._layers[0].pen)

    def setPen(self, pen: QPen) -> None:  # noqa: N802 (Qt naming)
        """Outline the bars of every layer with `pen`."""
        for layer in self._layers:
            layer.set_pen(pen)
        self.update()

    def brush(self, layer: int = 0) -> QBrush:  # noqa: D102
        return QBrush(self._layers[layer].brush)

    def setBrush(self, brush: QBrush | Qt.BrushStyle, layer: int = 0) -> None:  # noqa: N802
        """Fill the bars of `layer` with `brush`."""
        self._layers[layer].brush = QBrush(brush)
        self.update()

    def path(self) -> QPainterPath:
        """Return a path of every bar of the first layer (built on demand)."""
        return self._layers[0].path()

    # --- data -------------------------------------------------------------------------------
    def set_bars(
        self,
        x0: np.ndarray,
        x1: np.ndarray,
        row: np.ndarray,
        layer: int = 0,
        within: Extent | None = None,
    ) -> None:
        """Show a bar from `x0` to `x1` on each `row`; repaint only the span that changed.

        `within` (left, right, first row, last row), when the caller knows it, holds every
        change: the bars are then not compared to find it.
        """
        bars = self._layers[layer]
        old = bars.set(x0, x1, row)
        if old is None:
            return
        if self._grow_bounds():
            self.update()  # the geometry changed: Qt repaints the old and new bounds anyway
            return
        px = self._pixel_width()
        if px is None:
            self.update()
            return
        outlined = bars.pen.style() != Qt.PenStyle.NoPen
        extent = within or changed_extent(old, (bars.x0, bars.x1, bars.row), edges=outlined)
        if extent is None:
            return  # the same area covered: the same pixels
        self._update_extent(extent, px)

    def reach(self, x: float, layers: Iterable[int]) -> None:
        """Move the right end of every bar of `layers` to `x`: bars that run to the clock.

        What a frame without new guests or phases changes, done without comparing bars: one
        strip between the old and the new ends is painted again.
        """
        lo, hi, top, bottom = math.inf, -math.inf, math.inf, -math.inf
        for i in layers:
            bars = self._layers[i]
            if not len(bars.x1) or bars.end == x:
                continue
            ends = (bars.end, bars.end) if bars.end is not None else bars.ends()
            lo, hi = min(lo, ends[0], x), max(hi, ends[1], x)
            top, bottom = min(top, bars.tight[2]), max(bottom, bars.tight[3])
            bars.reach(x)
        if lo > hi:
            return
        if self._grow_bounds():
            self.update()
            return
        px = self._pixel_width()
        if px is None:
            self.update()
            return
        half = tr_.BAR_HEIGHT / 2 + 0.5  # the tight bounds hold it already: no harm
        self._update_extent((lo, hi, top + half, bottom - half), px)

    def _update_extent(self, extent: Extent, px: float) -> None:
        """Paint again the bars between (left, right, first row, last row)."""
        lo, hi, top, bottom = extent
        half = tr_.BAR_HEIGHT / 2 + 0.5
        # Two pixels either side: the raster rounds bar edges to pixels and the pen is 1 px.
        self.update(QRectF(lo - 2 * px, top - half, hi - lo + 4 * px, bottom - top + 2 * half))

    def _grow_bounds(self) -> bool:
        """Make the bounds hold every bar; return whether they changed.

        The bounds only grow while there are bars (with room to the right, where running bars
        grow): a changed bounding rectangle makes Qt repaint the whole of it, every frame.
        """
        full = [b.tight for b in self._layers if len(b.x0)]
        if not full:
            bounds = QRectF()
        else:
            lo, hi = min(e[0] for e in full), max(e[1] for e in full)
            top, bottom = min(e[2] for e in full), max(e[3] for e in full)
            need = QRectF(lo, top, hi - lo, bottom - top)
            if not self._bounds.isEmpty() and self._bounds.contains(need):
                return False
            bounds = need.united(self._bounds) if not self._bounds.isEmpty() else need
            bounds.setRight(bounds.right() + 0.25 * bounds.width())
        if bounds == self._bounds:
            return False
        self.prepareGeometryChange()
        self._bounds = bounds
        # Qt still paints an item of empty bounds where its point is exposed: none to paint.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, bounds.isEmpty())
        return True

    def _pixel_width(self) -> float | None:
        """Return the width of a screen pixel in axis units, or None when not in a view."""
        scene = self.scene()
        views = scene.views() if scene is not None else []
        if not views:
            return None
        scale = abs(self.deviceTransform(views[0].viewportTransform()).m11())
        return 1.0 / scale if scale > 0 else None

    def boundingRect(self) -> QRectF:  # noqa: D102, N802 (Qt naming)
        return QRectF(self._bounds)

    # --- painting ---------------------------------------------------------------------------
    def paint(  # noqa: D102
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        _widget: QWidget | None = None,
    ) -> None:
        t = painter.transform()
        # What Qt asks to be painted (the span that changed, mostly): only bars there are made.
        parts = _exposed_parts(option.exposedRect, t, _widget)
        whole = parts is None or any(p.contains(self._bounds) for p in parts[0])
        width = painter.device().width()
        for layer in self._layers:
            if len(layer.x0) and (whole or parts is None or layer.meets(parts[2])):
                layer.draw(painter, t, parts, whole, width)


def _exposed_parts(exposed: QRectF, t: QTransform, widget: QWidget | None) -> _Parts | None:
    """Return the parts of the item to paint in axis units, also as edges; None: all of it.

    The parts come as rectangles, as an array (rows left, right, top, bottom; a column per
    part) and as a list of (left, right, top, bottom). Qt hands an item the bounding rectangle
    of everything the view repaints: a row label on the left and the clock's strip on the right
    make it the whole plot. The plot widget keeps the region itself (`painting_region`, device
    pixels), whose few rectangles are far smaller; its parts are mapped once per paint for all
    the bar items (`painting_parts`).
    """
    view = widget.parent() if widget is not None else None
    region = getattr(view, "painting_region", None)
    if region is not None and _axis_aligned(t):
        known: dict[tuple[float, ...], object] = view.painting_parts  # type: ignore[union-attr]
        key = (t.m11(), t.m22(), t.dx(), t.dy())
        if key not in known:
            inverse, invertible = t.inverted()
            known[key] = (
                _as_parts([inverse.mapRect(QRectF(r)) for r in region]) if invertible else None
            )
        if known[key] is not None:
            return known[key]  # type: ignore[return-value]
    return None if exposed.isNull() else _as_parts([exposed])


def _as_parts(rects: list[QRectF]) -> _Parts:
    """Return `rects` with their edges, as `_exposed_parts` gives them."""
    edges = [(r.left(), r.right(), r.top(), r.bottom()) for r in rects]
    return rects, np.array(edges, float).reshape(-1, 4).T, edges


def _axis_aligned(t: QTransform) -> bool:
    """Return whether `t` only scales and moves (no rotation or shear): pixels map to runs."""
    return t.m12() == 0.0 and t.m21() == 0.0 and not t.isRotating()

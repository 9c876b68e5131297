"""The timeline's bars of one colour: numpy edges in, Qt rectangles made only when painted.

The bars are kept as arrays; the rectangles to paint are made on the first paint after they
change (a path of every bar, which the view used to rebuild each frame, is made only on
request). A crowd of more bars than pixels (thousands of guests on a grouped row, bars thinner
than a pixel with gaps between them) is painted as the runs of device pixels it covers, counted
with numpy, so it costs what the screen can show. Bars with an outline (one guest per row: a
white hairline separates touching bars) are few, since only the rows in view are given, and are
painted as they are.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from gui.views import timeline_rows as tr_
from gui.views.bar_changes import changed_extent

_GRID_CELLS = 1_000_000  # rows × pixel columns counted at once (8 MB); more rows are sorted
# Above this many bars per pixel of width, counting the pixels they cover is cheaper than making
# a Qt rectangle of each bar: at ~850 bars on a 1,100-px plot both took ~0.3 ms, and the runs
# are bounded by the width while the rectangles grow with the bars.
CROWD_PER_PX = 2.0


class BarsItem(QGraphicsItem):
    """Bars from `x0` to `x1` on integer rows, filled with one brush and outlined with one pen."""

    def __init__(self) -> None:
        super().__init__()
        # Qt then tells paint() what part needs painting: a frame paints the span that changed.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self._x0 = self._x1 = self._row = np.zeros(0)
        self._bounds = QRectF()
        self._pen = QPen(Qt.PenStyle.NoPen)
        self._brush = QBrush()
        # What the last paint drew, reused until the bars (or, for runs, the transform) change.
        self._plain: list[QRectF] | None = None
        self._runs: tuple[tuple[float, ...], list[QRect]] | None = None

    # --- QGraphicsPathItem's interface, as the view and its tests use it -------------------
    def pen(self) -> QPen:  # noqa: D102
        return QPen(self._pen)

    def setPen(self, pen: QPen) -> None:  # noqa: D102, N802 (Qt naming)
        self._pen = QPen(pen)
        self.update()

    def brush(self) -> QBrush:  # noqa: D102
        return QBrush(self._brush)

    def setBrush(self, brush: QBrush | Qt.BrushStyle) -> None:  # noqa: D102, N802 (Qt naming)
        self._brush = QBrush(brush)
        self.update()

    def path(self) -> QPainterPath:
        """Return a path of every bar (built on demand: painting does not need it)."""
        return tr_.rect_path(self._x0, self._x1, self._row)

    # --- data -------------------------------------------------------------------------------
    def set_bars(self, x0: np.ndarray, x1: np.ndarray, row: np.ndarray) -> None:
        """Show a bar from `x0` to `x1` on each `row`; repaint only the span that changed."""
        same = (
            len(x0) == len(self._x0)
            and np.array_equal(x0, self._x0)
            and np.array_equal(x1, self._x1)
            and np.array_equal(row, self._row)
        )
        if same:
            return
        old = (self._x0, self._x1, self._row)
        self._x0, self._x1 = np.asarray(x0, float).copy(), np.asarray(x1, float).copy()
        self._row = np.asarray(row, float).copy()
        self._plain = self._runs = None
        if self._grow_bounds():
            self.update()  # the geometry changed: Qt repaints the old and new bounds anyway
            return
        px = self._pixel_width()
        if px is None:
            self.update()
            return
        outlined = self._pen.style() != Qt.PenStyle.NoPen
        extent = changed_extent(old, (self._x0, self._x1, self._row), edges=outlined)
        if extent is None:
            return  # the same area covered: the same pixels
        lo, hi, top, bottom = extent
        half = tr_.BAR_HEIGHT / 2 + 0.5
        # Two pixels either side: the raster rounds bar edges to pixels and the pen is 1 px.
        self.update(QRectF(lo - 2 * px, top - half, hi - lo + 4 * px, bottom - top + 2 * half))

    def _grow_bounds(self) -> bool:
        """Make the bounds hold every bar; return whether they changed.

        The bounds only grow while there are bars (with room to the right, where running bars
        grow): a changed bounding rectangle makes Qt repaint the whole of it, every frame.
        """
        if not len(self._x0):
            bounds = QRectF()
        else:
            # Half a unit of margin, as a path item gives a pen: the outline stays inside.
            half = tr_.BAR_HEIGHT / 2 + 0.5
            lo, hi = float(np.nanmin(self._x0)) - 0.5, float(np.nanmax(self._x1)) + 0.5
            top, bottom = float(self._row.min()) - half, float(self._row.max()) + half
            need = QRectF(lo, top, hi - lo, bottom - top)
            if not self._bounds.isEmpty() and self._bounds.contains(need):
                return False
            bounds = need.united(self._bounds) if not self._bounds.isEmpty() else need
            bounds.setRight(bounds.right() + 0.25 * bounds.width())
        if bounds == self._bounds:
            return False
        self.prepareGeometryChange()
        self._bounds = bounds
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
        if not len(self._x0):
            return
        painter.setPen(self._pen)
        painter.setBrush(self._brush)
        t = painter.transform()
        width = painter.device().width()
        crowd = len(self._x0) > CROWD_PER_PX * width
        # What Qt asks to be painted (the span that changed, mostly): only bars there are made.
        parts = _exposed_parts(option.exposedRect, t, _widget)
        whole = parts is None or any(p.contains(self._bounds) for p in parts)
        if not (crowd and self._pen.style() == Qt.PenStyle.NoPen and _axis_aligned(t)):
            pick = np.ones(len(self._x0), bool) if whole else self._inside(parts or [])
            if self._pen.style() not in (Qt.PenStyle.NoPen, Qt.PenStyle.SolidLine):
                self._paint_dashed(painter, pick)
            elif whole:
                if self._plain is None:
                    self._plain = self._rects(pick)
                painter.drawRects(self._plain)
            else:
                painter.drawRects(self._rects(pick))
            return
        key = (t.m11(), t.m22(), t.dx(), t.dy(), float(width))
        if self._runs is None or self._runs[0] != key:
            self._runs = (key, self._pixel_runs(t, width))
        runs = self._runs[1]
        if not whole:
            areas = [t.mapRect(p).toAlignedRect().adjusted(-1, -1, 1, 1) for p in parts or []]
            runs = [r for r in runs if any(r.intersects(a) for a in areas)]
        painter.resetTransform()  # the runs are in device pixels already
        painter.drawRects(runs)
        painter.setTransform(t)

    def _inside(self, parts: list[QRectF]) -> np.ndarray:
        """Return a mask of the bars that meet any of `parts` (in axis units)."""
        half = tr_.BAR_HEIGHT / 2 + 0.5
        pick = np.zeros(len(self._x0), bool)
        for p in parts:
            pick |= (
                (self._x1 >= p.left())
                & (self._x0 <= p.right())
                & (self._row + half >= p.top())
                & (self._row - half <= p.bottom())
            )
        return pick

    def _paint_dashed(self, painter: QPainter, pick: np.ndarray) -> None:
        """Paint bars with a dashed outline drawn edge by edge, each from its left or top end.

        A running bar grows to the right: its dashes then stay where they were and only the
        new end is painted again. (A rectangle's outline runs round it, so the dashes of its
        bottom edge would shift whenever it grew.)
        """
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRects(self._rects(pick))
        painter.setPen(self._pen)
        for r in self._rects(pick):
            painter.drawLine(r.topLeft(), r.topRight())
            painter.drawLine(r.bottomLeft(), r.bottomRight())
            painter.drawLine(r.topLeft(), r.bottomLeft())
            painter.drawLine(r.topRight(), r.bottomRight())

    def _rects(self, pick: np.ndarray) -> list[QRectF]:
        half = tr_.BAR_HEIGHT / 2
        return [
            QRectF(a, r - half, b - a, 2 * half)
            for a, b, r in zip(
                self._x0[pick].tolist(),
                self._x1[pick].tolist(),
                self._row[pick].tolist(),
                strict=True,
            )
        ]

    def _pixel_runs(self, t: QTransform, width_px: int) -> list[QRect]:
        """Return the runs of device pixels the bars fill, one rectangle per run and row."""
        half = tr_.BAR_HEIGHT / 2
        sx, dx, sy, dy = t.m11(), t.dx(), t.m22(), t.dy()
        # A pixel is filled when its centre lies inside a bar (the raster engine's rule for
        # shapes drawn without antialiasing): columns ceil(x - 0.5) up to ceil(right - 0.5).
        a = np.ceil(np.clip(np.minimum(self._x0, self._x1) * sx + dx, -2, width_px + 2) - 0.5)
        b = np.ceil(np.clip(np.maximum(self._x0, self._x1) * sx + dx, -2, width_px + 2) - 0.5)
        keep = b > a
        a, b, row = a[keep], b[keep], self._row[keep]
        if not len(a):
            return []
        x0, x1, rows = _union(a.astype(int) + 3, b.astype(int) + 3, row, width_px + 7)
        x0, x1 = x0 - 3, x1 - 3
        y0 = np.ceil((rows - half) * sy + dy - 0.5)
        y1 = np.ceil((rows + half) * sy + dy - 0.5)
        top, bottom = np.minimum(y0, y1), np.maximum(y0, y1)
        return [
            QRect(int(p), int(q), int(w), int(h))
            for p, q, w, h in zip(
                x0.tolist(), top.tolist(), (x1 - x0).tolist(), (bottom - top).tolist(), strict=True
            )
            if h > 0
        ]


def _union(
    a: np.ndarray, b: np.ndarray, row: np.ndarray, cols: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the runs covered by columns `a`..`b` (exclusive) on each row, as (start, end, row).

    Counted on a grid of rows × `cols` (bars starting minus bars ending, summed along the row),
    so the cost grows with the bars and the pixels, never with bars × pixels. Columns are
    1 … cols - 2, so every run starts and ends inside the grid.
    """
    r0 = float(row.min())
    index = (row - r0).astype(int)
    n_rows = int(index.max()) + 1
    if n_rows * cols > _GRID_CELLS:  # too many rows for one grid: sort and sweep instead
        return _union_sorted(a, b, row, cols)
    size = n_rows * cols
    edges = np.bincount(index * cols + a, minlength=size) - np.bincount(
        index * cols + b, minlength=size
    )
    covered = np.cumsum(edges.reshape(n_rows, cols), axis=1) > 0
    step = np.diff(covered.astype(np.int8), axis=1)
    r_in, c_in = np.nonzero(step == 1)  # row-major: the n-th start pairs with the n-th end
    _, c_out = np.nonzero(step == -1)
    return c_in + 1, c_out + 1, r_in + r0


def _union_sorted(
    a: np.ndarray, b: np.ndarray, row: np.ndarray, cols: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return what `_union` returns, by sorting the bars (for many rows at once)."""
    order = np.lexsort((a, row))
    a, b, row = a[order], b[order], row[order]
    # One running maximum over all rows: each row is shifted past the one before it.
    shift = np.cumsum(np.r_[0, row[1:] != row[:-1]]) * (cols + 1)
    reach = np.maximum.accumulate(b + shift)
    starts = np.flatnonzero(np.r_[True, a[1:] + shift[1:] > reach[:-1]])
    ends = np.r_[starts[1:], len(a)] - 1
    return a[starts], reach[ends] - shift[starts], row[starts]


def _exposed_parts(exposed: QRectF, t: QTransform, widget: QWidget | None) -> list[QRectF] | None:
    """Return the parts of the item to paint, in axis units; None for all of it.

    Qt hands an item the bounding rectangle of everything the view repaints: a row label on
    the left and the clock's strip on the right make it the whole plot. The plot widget keeps
    the region itself (`painting_region`, device pixels), whose few rectangles are far smaller.
    """
    view = widget.parent() if widget is not None else None
    region = getattr(view, "painting_region", None)
    inverse, invertible = t.inverted()
    if region is not None and invertible and _axis_aligned(t):
        return [inverse.mapRect(QRectF(r)) for r in region]
    return None if exposed.isNull() else [exposed]


def _axis_aligned(t: QTransform) -> bool:
    """Return whether `t` only scales and moves (no rotation or shear): pixels map to runs."""
    return t.m12() == 0.0 and t.m21() == 0.0 and not t.isRotating()

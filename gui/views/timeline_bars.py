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

_GRID_CELLS = 1_000_000  # rows × pixel columns counted at once (8 MB); more rows are sorted
# Above this many bars per pixel of width, counting the pixels they cover is cheaper than making
# a Qt rectangle of each bar: at ~850 bars on a 1,100-px plot both took ~0.3 ms, and the runs
# are bounded by the width while the rectangles grow with the bars.
CROWD_PER_PX = 2.0


class BarsItem(QGraphicsItem):
    """Bars from `x0` to `x1` on integer rows, filled with one brush and outlined with one pen."""

    def __init__(self) -> None:
        super().__init__()
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
        """Show a bar from `x0` to `x1` on each `row`."""
        same = (
            len(x0) == len(self._x0)
            and np.array_equal(x0, self._x0)
            and np.array_equal(x1, self._x1)
            and np.array_equal(row, self._row)
        )
        if same:
            return
        self._x0, self._x1 = np.asarray(x0, float).copy(), np.asarray(x1, float).copy()
        self._row = np.asarray(row, float).copy()
        self._plain = self._runs = None
        bounds = QRectF()
        if len(self._x0):
            # Half a unit of margin, as a path item gives a pen: the outline stays inside.
            half = tr_.BAR_HEIGHT / 2 + 0.5
            lo, hi = float(np.nanmin(self._x0)) - 0.5, float(np.nanmax(self._x1)) + 0.5
            top, bottom = float(self._row.min()) - half, float(self._row.max()) + half
            bounds = QRectF(lo, top, hi - lo, bottom - top)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: D102, N802 (Qt naming)
        return QRectF(self._bounds)

    # --- painting ---------------------------------------------------------------------------
    def paint(  # noqa: D102
        self,
        painter: QPainter,
        _option: QStyleOptionGraphicsItem,
        _widget: QWidget | None = None,
    ) -> None:
        if not len(self._x0):
            return
        painter.setPen(self._pen)
        painter.setBrush(self._brush)
        t = painter.transform()
        width = painter.device().width()
        crowd = len(self._x0) > CROWD_PER_PX * width
        if not (crowd and self._pen.style() == Qt.PenStyle.NoPen and _axis_aligned(t)):
            if self._plain is None:
                self._plain = self._rects()
            painter.drawRects(self._plain)
            return
        key = (t.m11(), t.m22(), t.dx(), t.dy(), float(width))
        if self._runs is None or self._runs[0] != key:
            self._runs = (key, self._pixel_runs(t, width))
        painter.resetTransform()  # the runs are in device pixels already
        painter.drawRects(self._runs[1])
        painter.setTransform(t)

    def _rects(self) -> list[QRectF]:
        half = tr_.BAR_HEIGHT / 2
        return [
            QRectF(a, r - half, b - a, 2 * half)
            for a, b, r in zip(
                self._x0.tolist(), self._x1.tolist(), self._row.tolist(), strict=True
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


def _axis_aligned(t: QTransform) -> bool:
    """Return whether `t` only scales and moves (no rotation or shear): pixels map to runs."""
    return t.m12() == 0.0 and t.m21() == 0.0 and not t.isRotating()

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
_Parts = tuple[list[QRectF], np.ndarray, list[tuple[float, float, float, float]]]
FEW_BARS = 48  # up to this many bars, all are drawn from a kept list rather than picked


class BarsItem(QGraphicsItem):
    """Bars from `x0` to `x1` on integer rows, filled with one brush and outlined with one pen."""

    def __init__(self) -> None:
        super().__init__()
        # Qt then tells paint() what part needs painting: a frame paints the span that changed.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)  # no bars yet
        self._x0 = self._x1 = self._row = np.zeros(0)
        self._bounds = QRectF()
        self._tight = (0.0, 0.0, 0.0, 0.0)  # left, right, top, bottom of the bars, with margins
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
        if len(x0) != len(self._x0):
            pass
        elif not len(x0):
            return
        else:
            # Most calls of a frame give the very bars of the last one: bytes compare at once.
            x0, x1 = np.asarray(x0, float), np.asarray(x1, float)
            row = np.asarray(row, float)
            if (
                x0.tobytes() == self._x0.tobytes()
                and x1.tobytes() == self._x1.tobytes()
                and row.tobytes() == self._row.tobytes()
            ):
                return
        old = (self._x0, self._x1, self._row)
        self._x0, self._x1 = np.array(x0, float), np.array(x1, float)
        self._row = np.array(row, float)
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
            self._tight = (lo, hi, top, bottom)
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
        if not len(self._x0):
            return
        t = painter.transform()
        # What Qt asks to be painted (the span that changed, mostly): only bars there are made.
        parts = _exposed_parts(option.exposedRect, t, _widget)
        if parts is not None and not self._meets(parts[2]):
            return  # the strip being painted holds none of these bars
        painter.setPen(self._pen)
        painter.setBrush(self._brush)
        width = painter.device().width()
        crowd = len(self._x0) > CROWD_PER_PX * width
        whole = parts is None or any(p.contains(self._bounds) for p in parts[0])
        if not (crowd and self._pen.style() == Qt.PenStyle.NoPen and _axis_aligned(t)):
            rects = self._picked(None if whole or parts is None else parts[1])
            if self._pen.style() not in (Qt.PenStyle.NoPen, Qt.PenStyle.SolidLine):
                self._paint_dashed(painter, rects)
            else:
                painter.drawRects(rects)
            return
        key = (t.m11(), t.m22(), t.dx(), t.dy(), float(width))
        if self._runs is None or self._runs[0] != key:
            self._runs = (key, self._pixel_runs(t, width))
        runs = self._runs[1]
        if not whole:
            areas = [t.mapRect(p).toAlignedRect().adjusted(-1, -1, 1, 1) for p in parts[0]]
            runs = [r for r in runs if any(r.intersects(a) for a in areas)]
        painter.resetTransform()  # the runs are in device pixels already
        painter.drawRects(runs)
        painter.setTransform(t)

    def _meets(self, parts: list[tuple[float, float, float, float]]) -> bool:
        """Return whether the bars' bounds meet any of `parts` (left, right, top, bottom)."""
        lo, hi, top, bottom = self._tight
        return any(
            right >= lo and left <= hi and down >= top and up <= bottom
            for left, right, up, down in parts
        )

    def _picked(self, parts: np.ndarray | None) -> list[QRectF]:
        """Return the rectangles of the bars that meet `parts` (None: of every bar).

        The painter is clipped to what is being painted, so a few more bars than needed cost a
        little C++ and change no pixel: a few bars are drawn all, from the list kept for them.
        """
        if parts is None or len(self._x0) <= FEW_BARS:
            if self._plain is None:
                self._plain = self._rects(None)
            return self._plain
        half = tr_.BAR_HEIGHT / 2 + 0.5
        left, right, up, down = (p[None, :] for p in parts)
        pick = (
            (self._x1[:, None] >= left)
            & (self._x0[:, None] <= right)
            & (self._row[:, None] + half >= up)
            & (self._row[:, None] - half <= down)
        ).any(axis=1)
        if self._plain is not None:
            plain = self._plain
            return [plain[i] for i in np.flatnonzero(pick).tolist()]
        return self._rects(pick)

    def _paint_dashed(self, painter: QPainter, rects: list[QRectF]) -> None:
        """Paint bars with a dashed outline drawn edge by edge, each from its left or top end.

        A running bar grows to the right: its dashes then stay where they were and only the
        new end is painted again. (A rectangle's outline runs round it, so the dashes of its
        bottom edge would shift whenever it grew.)
        """
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRects(rects)
        painter.setPen(self._pen)
        for r in rects:
            painter.drawLine(r.topLeft(), r.topRight())
            painter.drawLine(r.bottomLeft(), r.bottomRight())
            painter.drawLine(r.topLeft(), r.bottomLeft())
            painter.drawLine(r.topRight(), r.bottomRight())

    def _rects(self, pick: np.ndarray | None) -> list[QRectF]:
        half = tr_.BAR_HEIGHT / 2
        x0, x1, row = (
            (self._x0, self._x1, self._row)
            if pick is None
            else (self._x0[pick], self._x1[pick], self._row[pick])
        )
        return [
            QRectF(a, r - half, b - a, 2 * half)
            for a, b, r in zip(x0.tolist(), x1.tolist(), row.tolist(), strict=True)
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


def _exposed_parts(exposed: QRectF, t: QTransform, widget: QWidget | None) -> _Parts | None:
    """Return the parts of the item to paint in axis units, also as edges; None: all of it.

    The parts come as rectangles, as an array (rows left, right, top, bottom; a column per
    part) and as a list of (left, right, top, bottom). Qt hands an item the
    bounding rectangle of everything the view repaints: a row label on the left and the
    clock's strip on the right make it the whole plot. The plot widget keeps the region itself
    (`painting_region`, device pixels), whose few rectangles are far smaller; its parts are
    mapped once per paint for all the bar items (`painting_parts`).
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

"""Bars drawn as the runs of device pixels they fill, counted with numpy.

A crowd of more bars than pixels (thousands of guests on a grouped row, bars thinner than a
pixel with gaps between them) costs what the screen can show this way, not what it holds.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect
from PySide6.QtGui import QTransform

from gui.views.timeline_rows import BAR_HEIGHT

_GRID_CELLS = 1_000_000  # rows × pixel columns counted at once (8 MB); more rows are sorted


def pixel_runs(
    x0: np.ndarray, x1: np.ndarray, row: np.ndarray, t: QTransform, width_px: int
) -> list[QRect]:
    """Return the runs of device pixels the bars fill, one rectangle per run and row."""
    half = BAR_HEIGHT / 2
    sx, dx, sy, dy = t.m11(), t.dx(), t.m22(), t.dy()
    # A pixel is filled when its centre lies inside a bar (the raster engine's rule for
    # shapes drawn without antialiasing): columns ceil(x - 0.5) up to ceil(right - 0.5).
    a = np.ceil(np.clip(np.minimum(x0, x1) * sx + dx, -2, width_px + 2) - 0.5)
    b = np.ceil(np.clip(np.maximum(x0, x1) * sx + dx, -2, width_px + 2) - 0.5)
    keep = b > a
    a, b, row = a[keep], b[keep], row[keep]
    if not len(a):
        return []
    left, right, rows = _union(a.astype(int) + 3, b.astype(int) + 3, row, width_px + 7)
    left, right = left - 3, right - 3
    y0 = np.ceil((rows - half) * sy + dy - 0.5)
    y1 = np.ceil((rows + half) * sy + dy - 0.5)
    top, bottom = np.minimum(y0, y1), np.maximum(y0, y1)
    return [
        QRect(int(p), int(q), int(w), int(h))
        for p, q, w, h in zip(
            left.tolist(),
            top.tolist(),
            (right - left).tolist(),
            (bottom - top).tolist(),
            strict=True,
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

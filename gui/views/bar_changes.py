"""Where two sets of timeline bars differ: the part of the plot a frame has to paint again.

While a crowd starts, every frame moves the right end of the running bars to "now" and adds or
ends a few phases; the thousands of bars behind stay as they were. Painting again only the
span whose pixels changed keeps a frame's paint about as wide as the clock moved, whatever the
crowd.
"""

from __future__ import annotations

import numpy as np

Bars = tuple[np.ndarray, np.ndarray, np.ndarray]  # (x0, x1, row) of each bar
Extent = tuple[float, float, float, float]  # left, right, first row, last row


def changed_extent(old: Bars, new: Bars, edges: bool = False) -> Extent | None:
    """Return (left, right, first row, last row) of where the bars differ, or None.

    Compares what the bars cover on each row, not the bars themselves: a merged bar that grew
    at its right end changed only there, and a bar that split in two changed only in the gap.
    With `edges` (outlined bars), an edge found in one set only counts too: two touching bars
    and one long bar cover the same area but not the same outlines. None: nothing differs.
    """
    n_old, n_new = len(old[0]), len(new[0])
    if n_old == n_new and np.array_equal(old[0], new[0]) and np.array_equal(old[2], new[2]):
        # The usual frame: the same bars, some of them longer. No sort needed.
        grew = np.abs(old[1] - new[1]) > _tolerance(new[1])
        if not grew.any():
            return None
        a, b, rows = old[1][grew], new[1][grew], old[2][grew]
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        return float(lo.min()), float(hi.max()), float(rows.min()), float(rows.max())
    x = np.concatenate([old[0], old[1], new[0], new[1]])
    row = np.concatenate([old[2], old[2], new[2], new[2]])
    ones_old, ones_new = np.ones(n_old, int), np.ones(n_new, int)
    # Coverage steps: +1 where a bar starts and -1 where it ends, kept apart for old and new.
    step_old = np.concatenate([ones_old, -ones_old, 0 * ones_new, 0 * ones_new])
    step_new = np.concatenate([0 * ones_old, 0 * ones_old, ones_new, -ones_new])
    order = np.lexsort((x, row))
    x, row = x[order], row[order]
    # Every bar starts and ends on its own row, so the running sums are back to 0 between rows.
    covered_old = np.cumsum(step_old[order]) > 0
    covered_new = np.cumsum(step_new[order]) > 0
    # Segment i runs from point i to point i + 1 on the same row. Merged edges are computed
    # with a shift that differs between frames: an edge may move by a rounding error, no more.
    tolerance = _tolerance(x)
    differs = (
        (covered_old != covered_new)[:-1] & (row[1:] == row[:-1]) & (x[1:] - x[:-1] > tolerance)
    )
    lo, hi = x[:-1][differs], x[1:][differs]
    rows = row[:-1][differs]
    if edges:
        moved = _moved_edges(old, new, tolerance)
        lo, hi, rows = np.r_[lo, moved[0]], np.r_[hi, moved[0]], np.r_[rows, moved[1]]
    if not len(lo):
        return None
    return float(lo.min()), float(hi.max()), float(rows.min()), float(rows.max())


def _tolerance(x: np.ndarray) -> float:
    """Return how far apart two edges must be to count as different (not a rounding error)."""
    return 1e-9 * max(1.0, float(np.abs(x).max()) if len(x) else 1.0)


def _moved_edges(old: Bars, new: Bars, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    """Return (x, row) of every bar edge that is in one set and not in the other."""

    def keys(bars: Bars) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        x = np.concatenate([bars[0], bars[1]])
        row = np.concatenate([bars[2], bars[2]])
        # Rounded to the tolerance: an edge that moved by a rounding error has not moved.
        table = np.stack([np.round(x / tolerance), row], axis=1)
        return x, row, table.view(np.dtype((np.void, table.itemsize * 2))).ravel()

    x_old, row_old, k_old = keys(old)
    x_new, row_new, k_new = keys(new)
    gone, came = ~np.isin(k_old, k_new), ~np.isin(k_new, k_old)
    return np.r_[x_old[gone], x_new[came]], np.r_[row_old[gone], row_new[came]]

"""Grouped timeline bars merged frame after frame, the finished ones merged once.

A finished phase never changes, so the union of finished bars per (row, phase) is kept between
frames; a frame merges only that union, the bars finished since and the running ones.
"""

from __future__ import annotations

import numpy as np

from gui.views.timeline_rows import merge_overlaps

Bars = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # x0, x1, row, phase


def _fingerprint(x0: np.ndarray, x1: np.ndarray, row: np.ndarray, rows: int) -> np.ndarray:
    """Return per row: how many bars, and the sums of their edges (sums add up across sets)."""
    return np.stack(
        [
            np.bincount(row, minlength=rows).astype(float),
            np.bincount(row, x0, minlength=rows),
            np.bincount(row, x1, minlength=rows),
        ]
    )


def merge_running(x0: np.ndarray, x1: np.ndarray, row: np.ndarray, phase: np.ndarray) -> Bars:
    """Return the union per (row, phase) of bars that mostly end at the same x ("now").

    Bars sharing their right end overlap there, so their union is one bar from the earliest
    left end: found without sorting thousands of running bars (a time axis, not a log one).
    """
    if len(x0) < 2 or not np.all(x1 == x1[0]):
        return merge_overlaps(x0, x1, row, phase)
    kinds = int(phase.max()) + 1
    key = row.astype(np.int64) * kinds + phase
    left = np.full(int(key.max()) + 1, np.inf)  # rows in view × phases: a small table
    np.minimum.at(left, key, x0)
    used = np.flatnonzero(np.isfinite(left))
    return left[used], np.full(len(used), x1[0]), used // kinds, used % kinds


class MergedBars:
    """The union of finished bars, reused while they are the very bars of the last frame."""

    def __init__(self) -> None:
        empty = np.zeros(0)
        self._done: Bars = (empty, empty, np.zeros(0, int), np.zeros(0, int))
        self._done_s = -np.inf  # simulated time of the frame the union was made for
        self._fingerprint = np.zeros((3, 0))
        self._key: object = None
        self.reused = 0  # frames that merged onto the kept union (for tests)
        self.version = 0  # counts the changes of the finished union: its users skip the rest
        # The bars added to the union by the last change, or None when it was made afresh:
        # the union differs from the one before only where these lie.
        self.added: Bars | None = None

    def merge(self, bars: Bars, end: np.ndarray, now_s: float, key: object) -> Bars:
        """Return the union of `bars` per (row, phase); `end` is NaN for running bars."""
        done, now = self.split(bars, end, now_s, key)
        return merge_overlaps(*(np.concatenate([k, p]) for k, p in zip(done, now, strict=True)))

    def split(self, bars: Bars, end: np.ndarray, now_s: float, key: object) -> tuple[Bars, Bars]:
        """Return the union per (row, phase) of the finished bars, and that of the running ones.

        `end` is NaN for running bars. `key` names what places the bars (scroll position, rows
        in view, time axis); bars that ended by the last frame must be exactly that frame's
        finished bars (same count and edge sums per row), or the union is made afresh.
        """
        x0, x1, row, phase = bars
        rows = int(row.max()) + 1 if len(row) else 0
        done = ~np.isnan(end)
        old = done & (end <= self._done_s)
        new = done & ~old
        old_print = _fingerprint(x0[old], x1[old], row[old], rows)
        # Sums made in another order differ by rounding errors, no more (np.allclose's test,
        # rtol 1e-12 and atol 1e-9, written out: it costs a dozen numpy calls).
        same = (
            key == self._key
            and old_print.shape == self._fingerprint.shape
            and bool(
                np.all(
                    np.abs(old_print - self._fingerprint)
                    <= 1e-9 + 1e-12 * np.abs(self._fingerprint)
                )
            )
        )
        if same:
            self.reused += 1
            if new.any():
                kept = self._done
                self.added = (x0[new], x1[new], row[new], phase[new])
                self._done = merge_overlaps(
                    *(np.concatenate([k, p]) for k, p in zip(kept, self.added, strict=True))
                )
                self.version += 1
        else:
            self._done = merge_overlaps(x0[done], x1[done], row[done], phase[done])
            self.added = None
            self.version += 1
        self._done_s, self._key = now_s, key
        self._fingerprint = old_print + _fingerprint(x0[new], x1[new], row[new], rows)
        running = ~done
        return self._done, merge_running(*(part[running] for part in bars))

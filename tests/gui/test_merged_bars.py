"""Finished timeline bars merged once and kept: each frame equals a merge of every bar."""

from __future__ import annotations

import numpy as np

from gui.views.bar_changes import changed_extent
from gui.views.merged_bars import MergedBars, merge_running
from gui.views.timeline_rows import merge_overlaps


def _frame(
    start: np.ndarray, length: np.ndarray, row: np.ndarray, phase: np.ndarray, now: float
) -> tuple[tuple[np.ndarray, ...], np.ndarray]:
    """Return the bars as drawn at `now` (running ones reach "now") and their ends."""
    seen = start <= now
    end = np.where(start + length <= now, start + length, np.nan)[seen]
    x1 = np.where(np.isnan(end), now, end)
    return (start[seen], x1, row[seen], phase[seen]), end


def _same(a: tuple[np.ndarray, ...], b: tuple[np.ndarray, ...]) -> bool:
    order_a, order_b = np.lexsort(a[::-1]), np.lexsort(b[::-1])
    return all(np.allclose(x[order_a], y[order_b]) for x, y in zip(a, b, strict=True)) and len(
        a[0]
    ) == len(b[0])


def test_each_frame_equals_a_fresh_merge_and_reuses_the_finished_bars() -> None:
    rng = np.random.default_rng(3)
    n = 600
    start = np.sort(rng.uniform(0, 20, n))
    length = rng.exponential(2.0, n)
    row, phase = rng.integers(0, 12, n), rng.integers(0, 5, n)
    merged = MergedBars()
    for now in np.arange(0.5, 30.0, 0.5):
        bars, end = _frame(start, length, row, phase, float(now))
        got = merged.merge(bars, end, float(now), "place")
        assert _same(got, merge_overlaps(*bars))
    assert merged.reused >= 55  # every frame but the first merged onto the kept union


def test_bars_that_move_row_or_a_new_place_merge_afresh() -> None:
    rng = np.random.default_rng(5)
    n = 300
    start, length = rng.uniform(0, 10, n), rng.exponential(1.0, n)
    row, phase = rng.integers(0, 8, n), rng.integers(0, 4, n)
    merged = MergedBars()
    bars, end = _frame(start, length, row, phase, 15.0)
    merged.merge(bars, end, 15.0, "place")
    moved = row.copy()
    moved[:40] = (moved[:40] + 1) % 8  # guests regrouped: finished bars on other rows
    bars, end = _frame(start, length, moved, phase, 15.5)
    assert _same(merged.merge(bars, end, 15.5, "place"), merge_overlaps(*bars))
    assert merged.reused == 0
    bars, end = _frame(start, length, moved, phase, 16.0)
    assert _same(merged.merge(bars, end, 16.0, "scrolled"), merge_overlaps(*bars))
    assert merged.reused == 0


def test_running_bars_merge_to_what_a_sorted_merge_gives() -> None:
    rng = np.random.default_rng(7)
    n = 500
    x0, row, phase = rng.uniform(0, 9, n), rng.integers(0, 20, n), rng.integers(0, 5, n)
    now = np.full(n, 10.0)  # a time axis: every running bar reaches "now"
    assert _same(merge_running(x0, now, row, phase), merge_overlaps(x0, now, row, phase))
    assert len(merge_running(x0, now, row, phase)[0]) == len(set(zip(row, phase, strict=True)))
    ends = x0 + rng.exponential(0.5, n)  # a log axis: each bar ends elsewhere
    assert _same(merge_running(x0, ends, row, phase), merge_overlaps(x0, ends, row, phase))


def test_the_finished_union_changes_only_where_the_added_bars_lie() -> None:
    rng = np.random.default_rng(11)
    n = 500
    start = np.sort(rng.uniform(0, 20, n))
    length = rng.exponential(1.5, n)
    row, phase = rng.integers(0, 10, n), rng.integers(0, 4, n)
    merged = MergedBars()
    done, _ = merged.split(*_frame(start, length, row, phase, 0.5), 0.5, "place")
    checked = 0
    for now in np.arange(1.0, 30.0, 0.5):
        version = merged.version
        before = done
        done, _ = merged.split(*_frame(start, length, row, phase, float(now)), float(now), "place")
        if merged.version == version or merged.added is None:
            continue
        a0, a1, ar, ap = merged.added
        for p in range(4):
            old = tuple(part[before[3] == p] for part in before[:3])
            new = tuple(part[done[3] == p] for part in done[:3])
            extent = changed_extent(old, new)
            if extent is None:
                continue
            mine = ap == p
            assert mine.any()  # a phase changed only where bars were added to it
            assert a0[mine].min() - 1e-9 <= extent[0] and extent[1] <= a1[mine].max() + 1e-9
            assert ar[mine].min() <= extent[2] and extent[3] <= ar[mine].max()
            checked += 1
    assert checked > 20

"""Rows and bar geometry of the phase timeline, computed with numpy (no Qt widgets)."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from operator import is_

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]  # no stubs
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainterPath

from gui import theme
from sim.snapshot import GuestView

LOG_FLOOR_S = 1e-3  # log axis starts at 1 ms: every phase of interest is longer
BAR_HEIGHT = 0.7


@dataclass
class Rows:
    """Which guests are on which row, and every phase span as flat arrays.

    Span `i` is phase `k[i]` of guest `flat[owner[i]]`, drawn on row `row[i]`.
    """

    guests: list[list[GuestView]]  # members of each row (one unless grouped)
    row: np.ndarray = field(default_factory=lambda: np.zeros(0, int))
    phase: np.ndarray = field(default_factory=lambda: np.zeros(0, int))
    start: np.ndarray = field(default_factory=lambda: np.zeros(0))
    end: np.ndarray = field(default_factory=lambda: np.zeros(0))  # NaN while still running
    created: np.ndarray = field(default_factory=lambda: np.zeros(0))
    owner: np.ndarray = field(default_factory=lambda: np.zeros(0, int))
    k: np.ndarray = field(default_factory=lambda: np.zeros(0, int))
    flat: list[GuestView] = field(default_factory=list)

    @property
    def open(self) -> np.ndarray:
        """Return a mask of spans still running."""
        mask: np.ndarray = np.isnan(self.end)
        return mask

    def member(self, i: int) -> tuple[GuestView, int]:
        """Return the guest of span `i` and the index of the span in its phases."""
        return self.flat[int(self.owner[i])], int(self.k[i])


class SpanCache:
    """Each guest's group key and phase spans, reused while its `GuestView` is the same object.

    The simulation rebuilds a guest's view only when the guest changes, so `is` is a cheap and
    exact test: a frame re-reads only the guests that moved on.
    """

    def __init__(self) -> None:
        self._by_id: dict[str, _Entry] = {}

    def entries(self, guests: tuple[GuestView, ...]) -> list[_Entry]:
        """Return the entry of every guest, in order."""
        by_id = self._by_id
        out = []
        for g in guests:
            e = by_id.get(g.id)
            if e is None or e[0] is not g:
                e = by_id[g.id] = _entry(g)
            out.append(e)
        if len(by_id) > 2 * len(guests) + 64:  # a reset or a new scenario: forget the gone
            self._by_id = {e[0].id: e for e in out}
        return out


# (guest, group key, phase ids, starts, ends with NaN while running)
_Entry = tuple[GuestView, tuple[str, bool], list[int], list[float], list[float]]
_PHASE_IDS = {name: i for i, name in enumerate(theme.PHASES)}


def _entry(g: GuestView) -> _Entry:
    return (
        g,
        group_key(g),
        [_PHASE_IDS.get(s.name, -1) for s in g.phases],
        [s.start_s for s in g.phases],
        [math.nan if s.end_s is None else s.end_s for s in g.phases],
    )


def group_key(g: GuestView) -> tuple[str, bool]:
    """Return what makes guests "identical" for grouping: template, and whether it pulled.

    The image pull is the only optional phase, so this is the phase sequence too, and a guest
    keeps its group while its phases are still being added.
    """
    return g.template, any(p.name == "pull" for p in g.phases)


def build_rows(
    guests: tuple[GuestView, ...], grouped: bool, cache: SpanCache | None = None
) -> Rows:
    """Lay guests out on rows (in arrival order) and flatten their phase spans."""
    entries = (cache or SpanCache()).entries(guests)
    groups: list[list[_Entry]] = []
    if grouped:
        index: dict[tuple[str, bool], list[_Entry]] = {}
        for e in entries:
            group = index.get(e[1])
            if group is None:
                group = index[e[1]] = []
                groups.append(group)
            group.append(e)
    else:
        groups = [[e] for e in entries]
    flat = [e for group in groups for e in group]
    n = np.fromiter((len(e[2]) for e in flat), int, len(flat))
    guest_row = np.repeat(np.arange(len(groups)), [len(group) for group in groups])
    owner = np.repeat(np.arange(len(flat)), n)
    first = np.cumsum(n) - n  # each guest's first span
    chain = itertools.chain.from_iterable
    return Rows(
        [[e[0] for e in group] for group in groups],
        np.repeat(guest_row, n),
        np.fromiter(chain(e[2] for e in flat), int, len(owner)),
        np.fromiter(chain(e[3] for e in flat), float, len(owner)),
        np.fromiter(chain(e[4] for e in flat), float, len(owner)),
        np.repeat(np.fromiter((e[0].created_s for e in flat), float, len(flat)), n),
        owner,
        np.arange(len(owner)) - np.repeat(first, n),
        [e[0] for e in flat],
    )


def extents(rows: Rows, now_s: float, log: bool) -> tuple[np.ndarray, np.ndarray]:
    """Return bar left and right edges in axis units (log10 of seconds since request if `log`)."""
    end = np.where(rows.open, now_s, rows.end)
    if not log:
        return rows.start, np.maximum(end, rows.start)
    x0 = np.log10(np.maximum(rows.start - rows.created, LOG_FLOOR_S))
    x1 = np.log10(np.maximum(end - rows.created, LOG_FLOOR_S))
    return x0, np.maximum(x1, x0)


def merge_overlaps(
    x0: np.ndarray, x1: np.ndarray, row: np.ndarray, phase: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return the union of bars per (row, phase) as (x0, x1, row, phase): same pixels, far
    fewer rectangles.

    Grouped rows stack hundreds of overlapping bars; painting each costs seconds per frame.
    """
    if len(x0) < 2:
        return x0, x1, row, phase
    order = np.lexsort((x0, phase, row))
    x0, x1, row, phase = x0[order], x1[order], row[order], phase[order]
    # Shift each (row, phase) group far apart so one running maximum serves all groups.
    group = np.cumsum(np.r_[True, (row[1:] != row[:-1]) | (phase[1:] != phase[:-1])])
    span = float(np.nanmax(x1) - np.nanmin(x0)) + 1.0
    shift = group * span * 2
    reach = np.maximum.accumulate(x1 + shift)
    starts = np.r_[True, (x0[1:] + shift[1:]) > reach[:-1]]
    idx = np.flatnonzero(starts)
    ends = np.r_[idx[1:], len(x0)] - 1
    return x0[idx], reach[ends] - shift[idx], row[idx], phase[idx]


def rect_path(
    x0: np.ndarray, x1: np.ndarray, row: np.ndarray, height: float = BAR_HEIGHT
) -> QPainterPath:
    """Return one path holding a rectangle per bar (a single item draws them all)."""
    n = len(x0)
    if n == 0:
        return QPainterPath()
    y0, y1 = row - height / 2, row + height / 2
    xs = np.stack([x0, x1, x1, x0, x0], axis=1).ravel()
    ys = np.stack([y0, y0, y1, y1, y0], axis=1).ravel()
    connect = np.ones(5 * n, dtype=bool)
    connect[4::5] = False  # break after each closed rectangle
    path: QPainterPath = pg.arrayToQPath(xs, ys, connect=connect, finiteCheck=False)
    # Grouped rows overlap many bars: odd-even filling would cancel pairs of them out.
    path.setFillRule(Qt.FillRule.WindingFill)
    return path


def row_label(group: list[GuestView]) -> str:
    """Return a row's label: the guest with its state mark, or a group with a count by state."""
    if len(group) == 1:
        g = group[0]
        return f"{theme.STATE_MARK.get(g.shown_state, '?')} {g.id}"
    counts: dict[str, int] = {}
    for g in group:
        counts[g.shown_state] = counts.get(g.shown_state, 0) + 1
    order = list(theme.STATE_MARK)  # a fixed order: a label does not reshuffle as states come
    parts = " ".join(
        f"{counts[s]}{theme.STATE_MARK.get(s, '?')}"
        for s in sorted(counts, key=lambda s: order.index(s) if s in order else 99)
    )
    return f"{group[0].template} ×{len(group)}  {parts}"


def same_guests(a: tuple[GuestView, ...], b: tuple[GuestView, ...]) -> bool:
    """Return whether two snapshots hold the very same guest views (nothing changed)."""
    return len(a) == len(b) and all(map(is_, a, b))

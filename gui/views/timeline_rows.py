"""Rows and bar geometry of the phase timeline, computed with numpy (no Qt widgets)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainterPath

from gui import theme
from sim.snapshot import GuestView

LOG_FLOOR_S = 1e-3  # log axis starts at 1 ms: every phase of interest is longer
BAR_HEIGHT = 0.7


@dataclass
class Rows:
    """Which guests are on which row, and every phase span as flat arrays."""

    guests: list[list[GuestView]]          # members of each row (one unless grouped)
    row: np.ndarray = field(default_factory=lambda: np.zeros(0, int))
    phase: np.ndarray = field(default_factory=lambda: np.zeros(0, int))
    start: np.ndarray = field(default_factory=lambda: np.zeros(0))
    end: np.ndarray = field(default_factory=lambda: np.zeros(0))   # NaN while still running
    created: np.ndarray = field(default_factory=lambda: np.zeros(0))
    member: list[tuple[GuestView, int]] = field(default_factory=list)  # (guest, phase idx)

    @property
    def open(self) -> np.ndarray:
        """Return a mask of spans still running."""
        return np.isnan(self.end)


def group_key(g: GuestView) -> tuple[str, bool]:
    """Return what makes guests "identical" for grouping: template, and whether it pulled.

    The image pull is the only optional phase, so this is the phase sequence too, and a guest
    keeps its group while its phases are still being added.
    """
    return g.template, any(p.name == "pull" for p in g.phases)


def build_rows(guests: tuple[GuestView, ...], grouped: bool) -> Rows:
    """Lay guests out on rows (in arrival order) and flatten their phase spans."""
    members: list[list[GuestView]] = []
    if grouped:
        index: dict[tuple[str, bool], int] = {}
        for g in guests:
            key = group_key(g)
            if key not in index:
                index[key] = len(members)
                members.append([])
            members[index[key]].append(g)
    else:
        members = [[g] for g in guests]
    phase_ids = {name: i for i, name in enumerate(theme.PHASES)}
    rows, phases, starts, ends, created, member = [], [], [], [], [], []
    for r, group in enumerate(members):
        for g in group:
            for k, span in enumerate(g.phases):
                rows.append(r)
                phases.append(phase_ids.get(span.name, -1))
                starts.append(span.start_s)
                ends.append(np.nan if span.end_s is None else span.end_s)
                created.append(g.created_s)
                member.append((g, k))
    return Rows(members, np.array(rows, int), np.array(phases, int), np.array(starts, float),
                np.array(ends, float), np.array(created, float), member)


def extents(rows: Rows, now_s: float, log: bool) -> tuple[np.ndarray, np.ndarray]:
    """Return bar left and right edges in axis units (log10 of seconds since request if `log`)."""
    end = np.where(rows.open, now_s, rows.end)
    if not log:
        return rows.start, np.maximum(end, rows.start)
    x0 = np.log10(np.maximum(rows.start - rows.created, LOG_FLOOR_S))
    x1 = np.log10(np.maximum(end - rows.created, LOG_FLOOR_S))
    return x0, np.maximum(x1, x0)


def merge_overlaps(x0: np.ndarray, x1: np.ndarray, row: np.ndarray,
                   phase: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the union of bars per (row, phase): same pixels, far fewer rectangles.

    Grouped rows stack hundreds of overlapping bars; painting each costs seconds per frame.
    """
    if len(x0) < 2:
        return x0, x1, row
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
    return x0[idx], reach[ends] - shift[idx], row[idx]


def rect_path(x0: np.ndarray, x1: np.ndarray, row: np.ndarray,
              height: float = BAR_HEIGHT) -> QPainterPath:
    """Return one path holding a rectangle per bar (a single item draws them all)."""
    n = len(x0)
    if n == 0:
        return QPainterPath()
    y0, y1 = row - height / 2, row + height / 2
    xs = np.stack([x0, x1, x1, x0, x0], axis=1).ravel()
    ys = np.stack([y0, y0, y1, y1, y0], axis=1).ravel()
    connect = np.ones(5 * n, dtype=bool)
    connect[4::5] = False  # break after each closed rectangle
    path = pg.arrayToQPath(xs, ys, connect=connect, finiteCheck=False)
    # Grouped rows overlap many bars: odd-even filling would cancel pairs of them out.
    path.setFillRule(Qt.FillRule.WindingFill)
    return path


def row_label(group: list[GuestView]) -> str:
    """Return a row's label: the guest with its state mark, or a group with a count by state."""
    if len(group) == 1:
        g = group[0]
        return f"{theme.STATE_MARK.get(g.state, '?')} {g.id}"
    counts: dict[str, int] = {}
    for g in group:
        counts[g.state] = counts.get(g.state, 0) + 1
    parts = " ".join(f"{n}{theme.STATE_MARK.get(s, '?')}" for s, n in counts.items())
    return f"{group[0].template} ×{len(group)}  {parts}"

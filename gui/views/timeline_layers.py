"""The timeline's bars of the rows in view, brought up to date by what changed in a frame.

Per phase, the finished and the running bars are two layers of one `BarsItem`, finished first,
so each phase covers the ones before it as one item per phase did. On a time axis every running
bar reaches the clock: a frame without new guests or phases only moves their right end there.
Finished bars change only when a phase ends; grouped rows keep them merged (`MergedBars`) and
set again only the phases that got new ones, repainted only where those lie.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPen

from gui import theme
from gui.views import timeline_rows as tr_
from gui.views.merged_bars import MergedBars, merge_running
from gui.views.timeline_bars import Bars, BarsItem
from gui.views.timeline_plot import hairline

_Arrays = tuple[np.ndarray, ...]  # x0, x1, row, phase of each bar


@dataclass(frozen=True)
class Frame:
    """What places the bars of a frame: the rows' spans and edges, the rows in view, the axes."""

    rows: tr_.Rows
    x: tuple[np.ndarray, np.ndarray]  # left and right edge of each span, in axis units
    now_s: float
    in_view: np.ndarray  # mask of the spans on rows in view
    place: tuple[int, int, bool]  # first row in view, rows in view, log time
    grouped: bool


class PhaseLayers:
    """The bar items of a timeline: every phase's two layers, and the dashed running outline."""

    def __init__(self) -> None:
        self.bars = BarsItem(2 * len(theme.PHASES))
        for p, phase in enumerate(theme.PHASES):
            for layer in (2 * p, 2 * p + 1):
                self.bars.setBrush(QBrush(theme.colour(theme.PHASE_COLOURS, phase)), layer)
        self.bars.setPen(hairline("#FFFFFF"))  # separates touching bars of the same colour
        self.open = BarsItem()  # dashed outline: these phases are still running
        self.open.setBrush(Qt.BrushStyle.NoBrush)
        self._merged = MergedBars()
        self._version = -1  # the version of the merged finished bars now shown

    def by_phase(self) -> dict[str, tuple[Bars, Bars]]:
        """Return the finished and the running bars of each phase."""
        layers = self.bars.layers
        return {p: (layers[2 * i], layers[2 * i + 1]) for i, p in enumerate(theme.PHASES)}

    def set_grouped(self, grouped: bool) -> None:
        """Outline single bars in white; grouped rows would lose their colour."""
        self.bars.setPen(QPen(Qt.PenStyle.NoPen) if grouped else hairline("#FFFFFF"))

    def update(self, frame: Frame, phases: set[int] | None) -> None:
        """Set the bars of the rows in view: running ones of `phases`, or all (None).

        Only a change of guests, the scroll or the layout (None) can change finished bars.
        """
        x0, x1 = frame.x
        rows, vis = frame.rows, frame.in_view
        if not frame.place[2]:  # every running bar reaches the clock: moved there at once
            self.bars.reach(frame.now_s, range(1, 2 * len(theme.PHASES), 2))
            self.open.reach(frame.now_s, (0,))
            if phases is not None:
                return  # the same guests: nothing else moved
        todo = range(len(theme.PHASES)) if phases is None else sorted(phases)
        running = vis & rows.open
        now = (x0[running], x1[running], rows.row[running], rows.phase[running])
        if frame.grouped:  # the union per (row, phase): finished bars kept merged
            if phases is None:
                bars = (x0[vis], x1[vis], rows.row[vis], rows.phase[vis])
                done, now = self._merged.split(bars, rows.end[vis], frame.now_s, frame.place)
                if self._merged.version != self._version:
                    self._version = self._merged.version
                    added = self._merged.added  # None: all made afresh
                    todo_done = range(len(theme.PHASES)) if added is None else phases_in(added[3])
                    self._set(done, todo_done, 0, added)
            else:
                now = merge_running(*now)
        elif phases is None:
            done_ = vis & ~rows.open
            self._set((x0[done_], x1[done_], rows.row[done_], rows.phase[done_]), todo, 0)
            self._version = -1  # grouped again: set the merged ones whatever
        # Only phases running now or until now: the other running layers stay empty.
        layers, present = self.bars.layers, set(phases_in(now[3]))
        self._set(now, [p for p in todo if p in present or len(layers[2 * p + 1].x0)], 1)
        a, b, r = now[0], now[1], now[2]
        if frame.grouped:
            a, b, r, _ = merge_running(a, b, r, np.zeros(len(a), int))
        self.open.set_bars(a, b, r)

    def _set(
        self, bars: _Arrays, phases: Iterable[int], running: int, added: _Arrays | None = None
    ) -> None:
        """Give each of `phases` its finished (`running` 0) or running (1) bars from `bars`.

        `added` holds the bars that are all the change since the last call, when known.
        """
        slices = _by_phase(bars)
        hints = _by_phase(added) if added is not None else None
        for p in phases:
            a, b, r = slices[p]
            within = None
            if hints is not None and len(hints[p][0]):
                h0, h1, hr = hints[p]
                within = (float(h0.min()), float(h1.max()), float(hr.min()), float(hr.max()))
            self.bars.set_bars(a, b, r, 2 * p + running, within)


def _by_phase(bars: _Arrays) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Return the (x0, x1, row) of each phase's bars, from bars holding x0, x1, row, phase."""
    # Sorted by phase once: each phase's bars are then a slice, not a mask and 3 copies.
    order = np.argsort(bars[3], kind="stable")
    a, b, r, ph = (part[order] for part in bars)
    bounds = np.searchsorted(ph, np.arange(len(theme.PHASES) + 1)).tolist()
    return [(a[i:j], b[i:j], r[i:j]) for i, j in itertools.pairwise(bounds)]


def phases_in(phase: np.ndarray) -> list[int]:
    """Return the known phases (as indexes into `theme.PHASES`) found in `phase`."""
    return [p for p in np.unique(phase).tolist() if p >= 0]

"""The timeline's rows kept up to date guest by guest, so a frame costs what changed in it.

`timeline_rows.build_rows` lays out every guest again whenever one of them changes, which with
5,000 guests starting is every frame and most of the frame. `RowTable` keeps each guest in a
slot (its arrival order) of fixed-width numpy arrays, one column per phase it has begun, and
re-reads only the guests whose `GuestView` is a new object (the simulation makes a new view only
when the guest changed). Rows are assigned when a guest arrives; going back to an earlier moment
drops the guests that had not arrived yet. Anything else (a guest gone from the middle, a guest
whose group changes, grouping switched) lays everything out again, which is rare.
"""

from __future__ import annotations

import math
from itertools import compress
from operator import is_not

import numpy as np

from gui import theme
from gui.views.timeline_rows import _PHASE_IDS, Rows, group_key
from sim.snapshot import GuestView

_STATE_ORDER = {s: i for i, s in enumerate(theme.STATE_MARK)}
_START_SLOTS = 256
_START_PHASES = 8


class RowTable:
    """Slots of guests with their phase spans; `update(guests)` returns the `Rows` to draw."""

    def __init__(self) -> None:
        self._grouped: bool | None = None
        self._clear(_START_SLOTS, _START_PHASES)

    def _clear(self, slots: int, phases: int) -> None:
        self._views: list[GuestView] = []
        self._keys: list[tuple[str, bool]] = []
        self._row_by_key: dict[tuple[str, bool], int] = {}
        self._members: list[list[int]] = []  # slots on each row, in arrival order
        self._row_views: list[list[GuestView]] = []  # the views of `_members`, kept alike
        self._place: list[int] = []  # each slot's index in its row's lists
        self._label_of: list[str] = []  # each row's label, made again when `_stale`
        self._stale: set[int] = set()  # rows whose guests or states changed since `labels`
        self._states: list[dict[str, int]] = []  # guests on each row by shown state
        self._row = np.zeros(slots, int)
        self._created = np.zeros(slots)
        self._spans = np.zeros(slots, int)  # how many phases each guest has begun
        self._phase = np.full((slots, phases), -1, int)
        self._start = np.full((slots, phases), math.nan)
        self._end = np.full((slots, phases), math.nan)

    def update(self, guests: tuple[GuestView, ...], grouped: bool) -> Rows:
        """Bring the slots up to date with `guests` and return the rows and spans to draw."""
        if grouped != self._grouped or not self._read(guests, grouped):
            self._grouped = grouped
            self._clear(max(_START_SLOTS, len(guests)), self._phase.shape[1])
            self._read(guests, grouped)
        return self._rows()

    def _read(self, guests: tuple[GuestView, ...], grouped: bool) -> bool:
        """Read changed and new guests; return False when a full lay-out is needed."""
        views = self._views
        known = len(views)
        if len(guests) < known:
            # An earlier moment (the time slider went back), or the last guests are gone: drop
            # the slots past the end. A guest gone from the middle fails the id check below.
            if not self._truncate(len(guests)):
                return False
            known = len(guests)
        # Only the guests whose view is a new object are visited: the test runs in C.
        for i in compress(range(known), map(is_not, guests, views)):
            g = guests[i]
            if g.id != views[i].id or group_key(g) != self._keys[i]:
                return False  # reordered, or moved to another group
            self._count(i, views[i].shown_state, -1)
            views[i] = g
            self._row_views[int(self._row[i])][self._place[i]] = g
            self._count(i, g.shown_state, 1)
            self._write(i, g)
        for i in range(known, len(guests)):
            self._arrive(guests[i], grouped)
            self._write(i, guests[i])
        return True

    def _truncate(self, n: int) -> bool:
        """Forget the guests in slots `n` and after; return False if the rows do not allow it.

        Slots join their rows in arrival order and rows are made in arrival order, so the last
        slot is the last member of its row, and a row left empty is the last row.
        """
        views = self._views
        for slot in range(len(views) - 1, n - 1, -1):
            row = int(self._row[slot])
            members = self._members[row]
            if members[-1] != slot:
                return False
            self._count(slot, views[slot].shown_state, -1)
            members.pop()
            self._row_views[row].pop()
            self._place.pop()
            if not members:
                if row != len(self._members) - 1:
                    return False
                self._members.pop()
                self._row_views.pop()
                self._label_of.pop()
                self._states.pop()
                if self._row_by_key.get(self._keys[slot]) == row:
                    del self._row_by_key[self._keys[slot]]
            views.pop()
            self._keys.pop()
        return True

    def _arrive(self, g: GuestView, grouped: bool) -> None:
        slot = len(self._views)
        if slot == len(self._row):
            self._grow(2 * slot, self._phase.shape[1])
        key = group_key(g)
        row = self._row_by_key.get(key) if grouped else None
        if row is None:
            row = len(self._members)
            self._members.append([])
            self._row_views.append([])
            self._label_of.append("")
            self._states.append({})
            if grouped:
                self._row_by_key[key] = row
        self._place.append(len(self._members[row]))
        self._members[row].append(slot)
        self._row_views[row].append(g)
        self._views.append(g)
        self._keys.append(key)
        self._row[slot] = row
        self._created[slot] = g.created_s
        self._count(slot, g.shown_state, 1)

    def _count(self, slot: int, state: str, delta: int) -> None:
        row = int(self._row[slot])
        counts = self._states[row]
        counts[state] = counts.get(state, 0) + delta
        if not counts[state]:
            del counts[state]
        self._stale.add(row)

    def labels(self) -> tuple[str, ...]:
        """Return each row's label, as `timeline_rows.row_label` words it, top first.

        Only the rows whose guests changed are worded again: one guest per row makes
        thousands of labels, and a frame changes a few.
        """
        rows = len(self._members)
        for row in self._stale:
            if row < rows:  # (a row gone since is not worded)
                self._label_of[row] = self._label(row)
        self._stale.clear()
        return tuple(self._label_of)

    def _label(self, row: int) -> str:
        members, counts = self._members[row], self._states[row]
        if len(members) == 1:
            g = self._views[members[0]]
            return f"{theme.STATE_MARK.get(g.shown_state, '?')} {g.id}"
        parts = " ".join(
            f"{counts[s]}{theme.STATE_MARK.get(s, '?')}"
            for s in sorted(counts, key=lambda s: _STATE_ORDER.get(s, 99))
        )
        return f"{self._views[members[0]].template} ×{len(members)}  {parts}"

    def _write(self, slot: int, g: GuestView) -> None:
        phases = g.phases
        if len(phases) > self._phase.shape[1]:
            self._grow(len(self._row), 2 * len(phases))
        self._spans[slot] = len(phases)
        for k, span in enumerate(phases):
            self._phase[slot, k] = _PHASE_IDS.get(span.name, -1)
            self._start[slot, k] = span.start_s
            self._end[slot, k] = math.nan if span.end_s is None else span.end_s

    def _grow(self, slots: int, phases: int) -> None:
        def grown(a: np.ndarray, fill: float) -> np.ndarray:
            out = np.full((slots, phases) if a.ndim == 2 else slots, fill, a.dtype)
            out[tuple(slice(0, s) for s in a.shape)] = a
            return out

        self._row, self._created = grown(self._row, 0), grown(self._created, 0.0)
        self._spans = grown(self._spans, 0)
        self._phase = grown(self._phase, -1)
        self._start, self._end = grown(self._start, math.nan), grown(self._end, math.nan)

    def _rows(self) -> Rows:
        n, width = len(self._views), self._phase.shape[1]
        valid = np.arange(width)[None, :] < self._spans[:n, None]
        # One list of flat positions for every array: a boolean mask per array searched the
        # whole (guests × phases) table again each time (4 times slower at 5,000 guests).
        at = np.flatnonzero(valid)
        owner, k = np.divmod(at, width)
        views = self._views
        return Rows(
            # The rows' own lists, not copies (thousands of rows one guest each): the next
            # update changes them, and the view keeps only the newest rows.
            list(self._row_views),
            self._row[:n][owner],
            self._phase[:n].reshape(-1)[at],
            self._start[:n].reshape(-1)[at],
            self._end[:n].reshape(-1)[at],
            self._created[:n][owner],
            owner,
            k,
            list(views),
        )

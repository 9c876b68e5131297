"""The guests of one host's snapshots, kept position by position, and their tally kept with them.

`GuestRows` holds the views a snapshot lists, in order. Its owner (sim.snapshot_cache) puts a
view where one changed and appends new ones; the rows keep the counts panels read (`Tally`) by
taking out the old view's share and adding the new one's, so a frame costs what changed, not
the number of guests. The tuples and the tally it hands out are new objects whenever anything
changed and are never mutated afterwards: a reader may keep the previous ones.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from itertools import compress

from sim.snapshot import GuestView, Tally
from sim.vocabulary import LIVE_STATES

_LIVE = frozenset(LIVE_STATES)
_SHOWN_STARTING = frozenset(("starting", "pulling"))


class GuestRows:
    """The views of one host's guests in snapshot order, with their live counts."""

    def __init__(self) -> None:
        self.views: list[GuestView] = []
        self._ids: list[str] = []
        self._live: list[bool] = []
        self._running: list[bool] = []
        self._by_template: Counter[str] = Counter()
        self._by_kind: Counter[str] = Counter()
        self._kinds: Counter[str] = Counter()
        self._starting = 0
        self._touched: set[int] = set()  # positions changed since the last `guests()`
        self._down: list[GuestView] | None = None  # the views as a panicked host shows them
        self._guests: tuple[GuestView, ...] | None = None
        self._guests_down = False
        self._ids_stale = False  # live or running ids changed since they were last listed
        self._live_ids: tuple[str, ...] = ()
        self._running_ids: tuple[str, ...] = ()
        self._tally: Tally | None = None
        self._tally_down = False

    def __len__(self) -> int:
        return len(self.views)

    def put(self, i: int, view: GuestView) -> None:
        """Show `view` at position `i` (one past the end appends it)."""
        if i == len(self.views):
            self.views.append(view)
            self._ids.append(view.id)
            self._live.append(False)
            self._running.append(False)
        else:
            old = self.views[i]
            if old is view:
                return
            self._count(old, -1)
            self.views[i] = view
            self._ids[i] = view.id
        live = view.state in _LIVE
        running = live and view.state == "running"
        if live or self._live[i]:  # the ids listed as live (or running) may change
            self._ids_stale = True
        self._live[i], self._running[i] = live, running
        self._count(view, +1)
        self._touched.add(i)
        self._guests = self._tally = None

    def truncate(self, n: int) -> None:
        """Drop every view from position `n` on."""
        if n >= len(self.views):
            return
        for view in self.views[n:]:
            self._count(view, -1)
        if any(self._live[n:]):
            self._ids_stale = True
        del self.views[n:], self._ids[n:], self._live[n:], self._running[n:]
        self._touched = {i for i in self._touched if i < n}
        if self._down is not None:
            del self._down[n:]
        self._guests = self._tally = None

    def guests(self, down: bool) -> tuple[GuestView, ...]:
        """Return the views as a tuple: marked host_down on a panicked host (`down`)."""
        if self._guests is not None and self._guests_down == down:
            self._touched.clear()
            return self._guests
        if not down:
            self._down = None
        elif self._down is None:
            self._down = [replace(v, host_down=True) for v in self.views]
        else:  # only what changed since the last call is marked again
            marked = self._down
            for i in sorted(self._touched):
                view = replace(self.views[i], host_down=True)
                if i < len(marked):
                    marked[i] = view
                else:
                    marked.append(view)
        self._touched.clear()
        self._guests = tuple(self.views if self._down is None else self._down)
        self._guests_down = down
        return self._guests

    def tally(self, down: bool) -> Tally:
        """Return what `count_guests` would count over `guests(down)`, from the kept counts."""
        if self._tally is not None and self._tally_down == down:
            return self._tally
        kinds = frozenset(self._kinds)
        if down:  # nothing is live on a panicked host
            tally = Tally((), (), {}, {}, kinds, False)
        else:
            if self._ids_stale:
                self._live_ids = tuple(compress(self._ids, self._live))
                self._running_ids = tuple(compress(self._ids, self._running))
                self._ids_stale = False
            tally = Tally(
                live_ids=self._live_ids,
                running_ids=self._running_ids,
                live_by_template=dict(self._by_template),
                live_by_kind=dict(self._by_kind),
                kinds=kinds,
                starting=self._starting > 0,
            )
        self._tally, self._tally_down = tally, down
        return tally

    def _count(self, view: GuestView, sign: int) -> None:
        """Add (`sign` +1) or take out (-1) one view's share of the counts."""
        _add(self._kinds, view.kind, sign)
        if view.state in _LIVE:
            _add(self._by_template, view.template, sign)
            _add(self._by_kind, view.kind, sign)
            if view.state in _SHOWN_STARTING:
                self._starting += sign


def _add(counts: Counter[str], key: str, sign: int) -> None:
    """Change one count by `sign`, leaving no key whose count is zero."""
    n = counts[key] + sign
    if n:
        counts[key] = n
    else:
        del counts[key]

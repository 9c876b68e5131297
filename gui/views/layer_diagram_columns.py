"""The guests of one host sorted into the layer diagram's columns, kept from frame to frame.

Containers stand on the shared kernel (the left side), guests with a kernel of their own on
the right, and on a Windows host the Linux containers in its utility VM. A side of a few guests
draws a column per guest; a crowd draws a column per template, in the order of its first guest.
A frame changes few guests: `Columns.update` finds them (the session keeps each guest's view
until it changes) and moves their counts, so a frame costs what changed, not what exists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from itertools import compress
from operator import attrgetter, is_not
from typing import NamedTuple

from sim.snapshot import STATES, GuestView, HostView, TemplateView
from sim.vocabulary import MOVE_ROLES

AGGREGATE_ABOVE = 8  # more guests than this on a side: one column per template instead
SHARED, OWN, UVM = 0, 1, 2  # the sides: shared kernel, own kernel, Windows' utility VM
# Counts are named in one order, the order the state bands are painted in (left to right).
ORDER = (*STATES[:6], *MOVE_ROLES, *STATES[6:])
_RANK = {s: i for i, s in enumerate(ORDER)}
_ID, _STATE, _SHOWN = attrgetter("id"), attrgetter("state"), attrgetter("shown_state")
_MOVE, _DOWN = attrgetter("move"), attrgetter("host_down")
_REBUILD_SHARE = 8  # more than 1/8 of the guests changed (a seek): count them all again
_SLICE = 128  # guests compared at once to find those that changed


class Column(NamedTuple):
    """One column of guests: their template and kind, their ids, how many show each state."""

    template: str
    kind: str
    ids: tuple[str, ...]
    states: dict[str, int]
    user_kernel: bool  # they stand on a user-space kernel (gVisor's Sentry)


def own_kernel(g: GuestView, templates: Mapping[str, TemplateView]) -> bool:
    """Return whether a guest boots its own kernel (VMs, microVMs, Kata; not gVisor)."""
    t = templates.get(g.template)
    return t.own_kernel if t is not None else g.kind in ("vm", "microvm", "container-in-vm")


def user_space_kernel(g: GuestView, templates: Mapping[str, TemplateView]) -> bool:
    """Return whether a guest stands on a user-space kernel (gVisor's Sentry)."""
    t = templates.get(g.template)
    return t.user_space_kernel if t is not None else g.kind == "sandbox"


def side(g: GuestView, host: HostView, templates: Mapping[str, TemplateView]) -> int:
    """Return the side a guest stands on: SHARED, OWN or UVM."""
    if own_kernel(g, templates):
        return OWN
    if host.os == "windows" and g.kind == "container":
        t = templates.get(g.template)
        if t is None or not t.os or t.os == "linux":  # Linux images, the default when unknown
            return UVM
    return SHARED


def ordered(counts: Mapping[str, int]) -> dict[str, int]:
    """Return the non-zero counts in the order the state bands are painted in."""
    return {s: counts[s] for s in sorted(counts, key=_rank) if counts[s]}


def _rank(state: str) -> int:
    return _RANK.get(state, len(_RANK))


def shown_states(guests: tuple[GuestView, ...]) -> list[str]:
    """Return the state each guest is drawn in (`shown_state`), read in C for a calm crowd."""
    if any(map(_MOVE, guests)) or any(map(_DOWN, guests)):
        return list(map(_SHOWN, guests))
    return list(map(_STATE, guests))


def _changed(guests: tuple[GuestView, ...], before: tuple[GuestView, ...]) -> list[int]:
    """Return the places of `before` where `guests` holds another view."""
    # Slices of unchanged views compare equal in C, each view by identity: only slices where
    # something changed are looked at view by view.
    out: list[int] = []
    for lo in range(0, len(before), _SLICE):
        now, then = guests[lo : lo + _SLICE], before[lo : lo + _SLICE]
        if now != then:
            out += compress(range(lo, lo + len(then)), map(is_not, now, then))
    return out


class Columns:
    """The columns of one host's guests, updated from each snapshot with what changed."""

    def __init__(self) -> None:
        self._host: HostView | None = None
        self._templates: tuple[TemplateView, ...] | None = None
        self._facts: dict[str, TemplateView] = {}
        self._clear(())

    def _clear(self, guests: tuple[GuestView, ...]) -> None:
        self._views = guests
        self._ids: list[str] = []
        self._shown: list[str] = []
        self._side: list[int] = []
        self._members: tuple[list[int], ...] = ([], [], [])  # guest indices per side
        self._groups: tuple[dict[str, list[int]], ...] = ({}, {}, {})  # by template per side
        self._counts: dict[tuple[int, str], Counter[str]] = {}  # (side, template) -> states
        self._group_ids: dict[tuple[int, str], list[str]] = {}  # (side, template) -> ids
        self._ids_of: dict[tuple[int, str], tuple[str, ...]] = {}  # as a tuple, until one is added
        self.kinds: Counter[str] = Counter()  # kinds of every guest, live or not
        self.shown: Counter[str] = Counter()  # every guest's drawn state
        self.compromised: set[str] = set()

    def update(
        self, host: HostView, guests: tuple[GuestView, ...], templates: tuple[TemplateView, ...]
    ) -> bool:
        """Take a snapshot's guests; return whether any column changed (what it shows)."""
        if host != self._host or templates != self._templates:
            self._host, self._templates = host, templates
            self._facts = {t.id: t for t in templates}
            return self._rebuild(guests)
        before = self._views
        if guests is before:
            return False
        n = len(before)
        if len(guests) < n:
            return self._rebuild(guests)  # guests left, or the clock went back
        changed = _changed(guests, before)
        if len(changed) > max(AGGREGATE_ABOVE, n // _REBUILD_SHARE):
            return self._rebuild(guests)
        if any(guests[i].id != self._ids[i] for i in changed):
            return self._rebuild(guests)  # another guest at this place
        self._views = guests
        moved = [self._restate(i, guests[i]) for i in changed]
        for i in range(n, len(guests)):
            self._add(i, guests[i], guests[i].shown_state)
        return any(moved) or len(guests) > n

    def _rebuild(self, guests: tuple[GuestView, ...]) -> bool:
        self._clear(guests)
        for i, (g, shown) in enumerate(zip(guests, shown_states(guests), strict=True)):
            self._add(i, g, shown)
        return True

    def _add(self, i: int, g: GuestView, shown: str) -> None:
        assert self._host is not None
        s = side(g, self._host, self._facts)
        self._ids.append(g.id)
        self._shown.append(shown)
        self._side.append(s)
        self._members[s].append(i)
        self._groups[s].setdefault(g.template, []).append(i)
        self._counts.setdefault((s, g.template), Counter())[shown] += 1
        self._group_ids.setdefault((s, g.template), []).append(g.id)
        self._ids_of.pop((s, g.template), None)
        self.kinds[g.kind] += 1
        self.shown[shown] += 1
        if g.compromised:
            self.compromised.add(g.id)

    def _restate(self, i: int, g: GuestView) -> bool:
        """Count guest `i` in its new drawn state; return whether anything drawn changed."""
        old, new = self._shown[i], g.shown_state
        flagged = g.id in self.compromised
        if g.compromised != flagged:
            (self.compromised.add if g.compromised else self.compromised.discard)(g.id)
        if old == new:
            return g.compromised != flagged
        self._shown[i] = new
        counts = self._counts[self._side[i], g.template]
        for c in (counts, self.shown):
            c[old] -= 1
            c[new] += 1
            if not c[old]:
                del c[old]
        return True

    def sides(self) -> tuple[list[Column], list[Column], list[Column]]:
        """Return the columns of the shared side, the own-kernel side and the utility VM."""
        left, right, uvm = (self._side_columns(s) for s in (SHARED, OWN, UVM))
        return left, right, uvm

    def _side_columns(self, s: int) -> list[Column]:
        members = self._members[s]
        if len(members) <= AGGREGATE_ABOVE:
            return [self._column([i], {self._shown[i]: 1}) for i in members]
        cols = []
        for template, indices in self._groups[s].items():
            ids = self._ids_of.get((s, template))
            if ids is None:
                ids = self._ids_of[s, template] = tuple(self._group_ids[s, template])
            cols.append(self._column(indices, ordered(self._counts[s, template]), ids))
        return cols

    def _column(
        self, indices: list[int], states: dict[str, int], ids: tuple[str, ...] | None = None
    ) -> Column:
        g = self._views[indices[0]]
        if ids is None:
            ids = tuple(map(self._ids.__getitem__, indices))
        return Column(g.template, g.kind, ids, states, user_space_kernel(g, self._facts))

"""What a session keeps between snapshots so that one costs what changed, not what there is.

Per host, `HostRows` holds its guests' views in snapshot order (sim.guest_rows) and the memory
its starting guests have yet to touch (density's pending memory). Both are brought up to date
from the host's `changed_ids` (a guest adds its id when its view changes: `Guest.changed`),
the guests attached since the last snapshot (appended), and, when a guest left the host, by
building them again. Guests moving from or to the host are marked over those views each time.
`SnapshotCache` holds the hosts' rows and the session-wide tuples (incidents, workload results,
moves), rebuilt only when they changed. `tests/sim/test_snapshot_cache.py` proves a snapshot
built this way equals one built afresh (`snapshot_afresh`, the reference).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from sim import move_transit
from sim.density import exact, inexact, max_additional, pending_mib, pending_share
from sim.guest import Guest
from sim.guest_rows import GuestRows
from sim.snapshot import GuestView, MoveView, Snapshot, Tally, TemplateView, template_views
from sim.states import HOLDING

if TYPE_CHECKING:
    from sim.host import Host
    from sim.migration import Move
    from sim.session import Session

T = TypeVar("T")


class HostRows:
    """One host's guests as its snapshots list them, and its starting guests' pending memory."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.rows = GuestRows()
        self._guests: list[Guest] = []  # the host's own guests, in its order
        self._index: dict[str, int] = {}
        self._departures = -1  # never synced: the first sync builds everything
        self._marked: list[int] = []  # positions showing a guest moving (redone each sync)
        self._shares: dict[str, int] = {}  # each starting guest's pending memory, exactly
        self._pending = 0

    def pending_mib(self) -> float:
        """Return the memory the host's starting guests have yet to touch (`pending_mib`)."""
        self.sync()
        return inexact(self._pending)

    def sync(self) -> None:
        """Bring the host's own guests' views and pending memory up to date."""
        host, rows = self.host, self.rows
        if host.departures != self._departures:  # a guest left: positions shift, start over
            self._reset()
        rows.truncate(len(self._guests))  # guests arriving from elsewhere come last: redone
        for m in self._marked:
            rows.put(m, self._guests[m].view())
        self._marked = []
        changed = host.changed_ids
        if changed:
            index, guests = self._index, self._guests
            for gid in changed:
                at = index.get(gid)
                if at is not None:  # else new here (appended below) or gone elsewhere
                    rows.put(at, guests[at].view())
                    self._share(guests[at])
            changed.clear()
        if len(host.guests) > len(self._guests):
            for guest in islice(host.guests.values(), len(self._guests), None):
                self._add(guest)

    def guests(
        self, moves: Sequence[Move], everyone: dict[str, Guest]
    ) -> tuple[tuple[GuestView, ...], Tally]:
        """Return the views a snapshot of the host lists now, moving guests marked, and their
        tally (`count_guests` of them)."""
        self.sync()
        host, rows = self.host, self.rows
        under_way = [m for m in moves if m.end_s is None and host.id in (m.source, m.target)]
        if under_way:
            marked, arriving = move_transit.moving_overlay(
                host, self._index, self._view_at, under_way, everyone
            )
            for i, view in marked.items():
                rows.put(i, view)
            self._marked = list(marked)
            for view in arriving:
                rows.put(len(rows), view)
        return rows.guests(host.down), rows.tally(host.down)

    def _view_at(self, i: int) -> GuestView:
        """Return the view of the host's own guest at position `i`."""
        return self._guests[i].view()

    def _reset(self) -> None:
        """Forget every view and share: list the host's guests again from the start."""
        self.rows = GuestRows()
        self._guests, self._index, self._marked = [], {}, []
        self._shares, self._pending = {}, 0
        self.host.changed_ids.clear()
        self._departures = self.host.departures
        for guest in self.host.guests.values():
            self._add(guest)

    def _add(self, guest: Guest) -> None:
        """List a guest new to the host at the end."""
        self._index[guest.id] = len(self._guests)
        self.rows.put(len(self._guests), guest.view())
        self._guests.append(guest)
        self._share(guest)

    def _share(self, guest: Guest) -> None:
        """Count the guest's pending memory as it is now (none unless live and not running)."""
        starting = guest.state in HOLDING and guest.state != "running"
        share = exact(pending_share(self.host, guest)) if starting else 0
        old = self._shares.pop(guest.id, 0)
        if share:
            self._shares[guest.id] = share
        self._pending += share - old


class SnapshotCache:
    """Everything a session's snapshots keep between frames, for every host."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._hosts: dict[str, HostRows] = {}
        self._templates: dict[str, tuple[TemplateView, ...]] = {}
        self._tuples: dict[str, tuple[object, ...]] = {}
        self._ended: list[MoveView] = []  # views of the moves that ended first (they never change)
        self._all_ended: tuple[MoveView, ...] = ()

    def host(self, host: Host) -> HostRows:
        """Return the rows kept for `host`."""
        rows = self._hosts.get(host.id)
        if rows is None or rows.host is not host:
            rows = self._hosts[host.id] = HostRows(host)
        return rows

    def templates(self, host: Host) -> tuple[TemplateView, ...]:
        """Return every template's facts on `host` (they depend only on catalog and preset)."""
        views = self._templates.get(host.id)
        if views is None:
            views = self._templates[host.id] = template_views(self._session.catalog, host.preset)
        return views

    def frozen(self, name: str, items: list[T]) -> tuple[T, ...]:
        """Return `items` (a list only ever appended to) as a tuple, a new one once it grew."""
        kept = self._tuples.get(name, ())
        if len(kept) != len(items) or (items and kept[-1] is not items[-1]):
            kept = self._tuples[name] = tuple(items)
        return kept  # type: ignore[return-value]

    def moves(self, moves: list[Move]) -> tuple[MoveView, ...]:
        """Return the views of every move; an ended move's view is built once."""
        ended = self._ended
        while len(ended) < len(moves) and moves[len(ended)].end_s is not None:
            ended.append(moves[len(ended)].view())
        if len(ended) < len(moves):
            return (*ended, *(m.view() for m in moves[len(ended) :]))
        if len(self._all_ended) != len(ended):
            self._all_ended = tuple(ended)
        return self._all_ended


def snapshot_afresh(
    session: Session, host_id: str, view: Callable[[Guest], GuestView] = Guest.build_view
) -> Snapshot:
    """Return the snapshot of `host_id` built from the session's state with nothing kept.

    The reference a kept snapshot must equal: every guest view built anew (by `view`; pass
    `Guest.view` to reuse each guest's cached one), pending memory counted afresh, moving guests
    marked over the whole list.
    """
    host = session.hosts[host_id]
    guests = tuple(map(view, host.guests.values()))
    guests = move_transit.moving_views(host, guests, session.moves, session._guests)
    if host.down:  # nothing runs on a panicked host, whatever its guests' last state was
        guests = tuple(replace(g, host_down=True) for g in guests)
    pending = pending_mib(host)
    return Snapshot(
        time_s=session.now,
        seed=session.seed,
        host=host.view(),
        guests=guests,
        memory_mib=host.ledger.row(),
        series=host.recorder.series(),
        log=session.recorder.log_view(),
        oom_times_s=tuple(host.recorder.oom_times_s),
        density=tuple(max_additional(host, t, pending) for t in session.catalog.templates.values()),
        events_processed=session.engine.events_processed,
        incidents=tuple(session.incidents),
        workloads=tuple(session.workload_results),
        host_ids=tuple(session.hosts),
        moves=tuple(m.view() for m in session.moves),
        templates=template_views(session.catalog, host.preset),
        hosts=tuple(h.view() for h in session.hosts.values()),
    )

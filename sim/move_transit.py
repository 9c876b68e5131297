"""A guest between two hosts: its pages still on the source, arriving on the target, its work.

While a guest moves, each host's snapshot shows it: the source as *leaving* (a live VM still
runs there during pre-copy; once stopped, its pages stay until the target has them all), the
target as *arriving* (its pages fill the target's memory as they come in). The pages in transit
are charged to `HostMemory.transit` under the guest's id, so the ledger and the memory plot of
both hosts show them. Workloads running in the guest follow it (`carry_workloads`).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from sim.resources import Holdings
from sim.snapshot import GuestView, PhaseSpan
from sim.vocabulary import FAULTS
from sim.workload import Relocation

if TYPE_CHECKING:
    from sim.engine import Engine, Event
    from sim.fairshare import Job
    from sim.guest import Guest
    from sim.host import Host
    from sim.migration import Move

# How often (at most) the pages arriving on the target are counted while a copy runs: a drawing
# resolution for the memory plot (one sample per tick), not a fact about the world.
FILL_TICK_S = 0.1


def carry_workloads(engine: Engine, guest: Guest, record: Move, restart: bool) -> None:
    """Pause the workloads running in `guest` until it arrives (to start over if `restart`)."""
    if record.arrival is None:
        record.arrival = engine.event()
    keep = []
    for name, process in guest.activities:
        if process.is_alive and name not in FAULTS:
            process.interrupt(Relocation(record.arrival, restart))
        else:
            keep.append((name, process))
    guest.activities = tuple(keep)


def arrived(record: Move, host: Host | None) -> None:
    """Tell the workloads waiting for the guest where it runs now (None: it does not)."""
    if record.arrival is not None and not record.arrival.triggered:
        record.arrival.succeed(host)


def hold(host: Host, guest_id: str, memory: Mapping[str, float], fraction: float) -> None:
    """Have `fraction` of `memory` resident on `host` for a guest in transit (what fits)."""
    held = host.memory.transit.setdefault(guest_id, Holdings())
    for layer, mib in memory.items():
        more = mib * fraction - held.memory.get(layer, 0.0)
        # Arriving pages take free RAM only: the OOM killer acts when the guest resumes.
        more = min(more, host.ledger.free)
        if more > 0:
            host.ledger.charge(held, layer, more, swap=False)
    host.sample()


def drop(host: Host, guest_id: str) -> None:
    """Give back the pages a guest in transit held on `host`."""
    held = host.memory.transit.pop(guest_id, None)
    if held is not None:
        host.ledger.release(held)
        host.sample()


def fill(
    host: Host, guest_id: str, memory: Mapping[str, float], job: Job, record: Move
) -> Generator[Event, object, None]:
    """Fill `host` with the guest's pages as `job` copies them, until it is done."""
    # About ten steps at least however short the copy, so a fast restore is seen filling too.
    alone_s = job.remaining / job.rate if job.rate > 0 else FILL_TICK_S
    tick_s = min(FILL_TICK_S, max(alone_s / 10, 1e-4))
    while record.end_s is None:
        done = 1.0 if job.processed or job.work <= 0 else 1.0 - job.remaining / job.work
        hold(host, guest_id, memory, done)
        if done >= 1.0:
            return
        yield host.engine.timeout(tick_s)


def held_view(host: Host, guest_id: str) -> dict[str, float]:
    """Return the pages of a guest in transit resident on `host`, by layer."""
    held = host.memory.transit.get(guest_id)
    return {} if held is None else {k: v for k, v in held.memory.items() if v > 0}


def move_phases(record: Move) -> tuple[PhaseSpan, ...]:
    """Return the steps of a move so far, the one under way open."""
    steps = tuple(record.steps)
    step = record.step
    if not step or step == "start" or (steps and steps[-1].name == step):
        return steps
    start = steps[-1].end_s if steps and steps[-1].end_s is not None else record.start_s
    return (*steps, PhaseSpan(step, start, None, ""))


def moving_views(
    host: Host, views: tuple[GuestView, ...], moves: list[Move], guests: Mapping[str, Guest]
) -> tuple[GuestView, ...]:
    """Return `views` of `host` with guests leaving it marked and guests arriving added."""
    under_way = [m for m in moves if m.end_s is None and host.id in (m.source, m.target)]
    if not under_way:
        return views
    index = {v.id: i for i, v in enumerate(views)}
    marked, arriving = moving_overlay(host, index, views.__getitem__, under_way, guests)
    out = list(views)
    for i, view in marked.items():
        out[i] = view
    return (*out, *arriving)


def moving_overlay(
    host: Host,
    index: Mapping[str, int],
    view_at: Callable[[int], GuestView],
    under_way: list[Move],
    guests: Mapping[str, Guest],
) -> tuple[dict[int, GuestView], list[GuestView]]:
    """Return the views of guests moving from or to `host`: by position (`index` maps the ids
    of its guests to positions, `view_at` gives the view there), then the arriving ones it does
    not list yet, in move order. `under_way` holds the unfinished moves leaving or reaching it.
    """
    marked: dict[int, GuestView] = {}
    arriving: list[GuestView] = []
    for record in under_way:
        guest = guests[record.guest_id]
        i = index.get(guest.id)
        if i is not None and host.id == record.source:
            marked[i] = _leaving(view_at(i), host, record)
        elif i is not None:
            marked[i] = replace(view_at(i), move="arriving")
        elif host.id == record.target and guest.host_id == record.source:
            arriving.append(_arriving(guest.view(), host, record))
    return marked, arriving


def _leaving(view: GuestView, host: Host, record: Move) -> GuestView:
    """Mark a guest leaving `host`: running in pre-copy, else stopped with its pages held."""
    if view.state == "running":
        precopy = PhaseSpan("precopy", record.start_s, None, "")
        return replace(view, move="leaving", phases=(*view.phases, precopy))
    return replace(
        view, move="leaving", phases=move_phases(record), memory_mib=held_view(host, view.id)
    )


def _arriving(view: GuestView, host: Host, record: Move) -> GuestView:
    """Return the view of a guest coming to `host`: its pages so far, the move's steps."""
    return replace(
        view,
        state="moving",
        move="arriving",
        host=host.id,
        created_s=record.start_s,
        ready_s=None,
        phases=move_phases(record),
        memory_mib=held_view(host, view.id),
        pids=0,
        reason=None,
    )

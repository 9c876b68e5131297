"""Moving a running guest: pre-copy live migration of a VM, checkpoint/restore of a container.

Pre-copy (Clark et al. 2005; QEMU's migration): while the VM keeps running on the source, round 1
copies all the RAM it touched; round i copies what the guest dirtied during round i−1. When what
is left could be copied within the downtime target, or after the last allowed round, the VM
stops, the rest crosses (stop-and-copy: the downtime) and it resumes on the target. A guest that
dirties pages as fast as the link copies them never converges: the dirty set does not shrink,
so the move ends with a long stop-and-copy after the last round (Xen's limits: 30 rounds, or
more than 3 times the guest's memory sent), reported as not converged.

Checkpoint/restore (CRIU): the container is frozen, its resident memory is dumped to image
files, the files (and the image layers the target lacks) cross the link, and the target
restores them from disk: downtime = dump + transfer + restore.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

from sim import lifecycle, move_transit
from sim.catalog import Catalog, HostPreset
from sim.engine import Event, Interrupt
from sim.fairshare import FairShare
from sim.guest import Guest
from sim.host import Host, NoRoom
from sim.migration import LINK_SOURCE, Move, _step, finish_move
from sim.snapshot import PhaseSpan
from sim.states import GuestGone
from sim.vocabulary import MOVE_MODES

MODES = MOVE_MODES
CRIU_SOURCE = (
    "[criu:dump] criu dump writes the memory pages to image files on disk; criu"
    " restore reads them back on the target"
)


@dataclass(frozen=True, slots=True)
class PreCopyPlan:
    """The rounds of a pre-copy on an uncontended link, as the model computes them."""

    rounds_mib: tuple[float, ...]  # what each live round copied
    precopy_s: float  # the guest still runs on the source meanwhile
    stop_copy_mib: float  # left dirty when the guest stops
    downtime_s: float
    total_s: float
    converged: bool


def next_round(dirty_mib_s: float, last_round_s: float, memory_mib: float) -> float:
    """Return what the next round copies: the pages dirtied during the last one (at most all)."""
    return min(memory_mib, dirty_mib_s * last_round_s)


def precopy_plan(
    memory_mib: float,
    link_mib_s: float,
    dirty_mib_s: float,
    downtime_target_s: float,
    max_rounds: int,
    max_factor: float = math.inf,
) -> PreCopyPlan:
    """Return the rounds, downtime and total time of a pre-copy on a link of `link_mib_s`.

    Rounds go on while the rest would not fit the downtime target, up to `max_rounds` and
    until more than `max_factor` times the memory has been sent (Xen's two limits).
    """
    rounds = [memory_mib]
    left = next_round(dirty_mib_s, memory_mib / link_mib_s, memory_mib)
    while (
        left / link_mib_s > downtime_target_s
        and len(rounds) < max_rounds
        and sum(rounds) <= max_factor * memory_mib
    ):
        rounds.append(left)
        left = next_round(dirty_mib_s, left / link_mib_s, memory_mib)
    converged = left / link_mib_s <= downtime_target_s
    precopy_s = sum(rounds) / link_mib_s
    downtime = left / link_mib_s
    return PreCopyPlan(tuple(rounds), precopy_s, left, downtime, precopy_s + downtime, converged)


def dirty_rate(guest: Guest) -> float:
    """Return how fast the guest dirties its memory: busier while a workload or fault runs."""
    model = Catalog.load().model
    busy = any(process.is_alive for _, process in guest.activities)
    return model["dirty_mib_s_busy" if busy else "dirty_mib_s_idle"]


def refusal(mode: str, guest: Guest, source: HostPreset, target: HostPreset) -> str | None:
    """Return why `guest` cannot move between these hosts in `mode`, or None."""
    vm_like = guest.traits.vm_like
    if mode == "live" and not vm_like:
        return "live migration moves a VM; a container moves by checkpoint/restore"
    if mode == "live" and (source.hypervisor, source.arch) != (target.hypervisor, target.arch):
        return "live migration needs the same hypervisor and CPU architecture on both hosts"
    if mode == "checkpoint" and vm_like:
        return "CRIU checkpoints Linux processes; a VM moves live or cold"
    if (
        mode == "checkpoint"
        and (source.os, source.arch) != ("linux", target.arch)
        or mode == "checkpoint"
        and target.os != "linux"
    ):
        return "CRIU needs Linux hosts of the same CPU architecture"
    return None


def precopy(
    link: FairShare, guest: Guest, record: Move, memory_mib: float, target: Host | None = None
) -> Generator[Event, object, None]:
    """Copy the guest's memory in rounds while it runs; leave the stop-and-copy on `record`.

    Round 1 fills `target` with the guest's pages as they arrive; later rounds resend pages.
    """
    model = Catalog.load().model
    target_s, max_rounds = model["precopy_downtime_s"], int(model["precopy_max_rounds"])
    max_sent_mib = model["precopy_max_factor"] * memory_mib
    volume = memory_mib
    while True:
        start = link.engine.now
        job = link.submit(volume)
        record.transfer = job
        if target is not None and record.rounds == 0:
            pages = dict(guest.memory)
            link.engine.process(move_transit.fill(target, guest.id, pages, job, record))
        try:
            yield job
        finally:
            if not job.processed:
                job.cancel()
        record.rounds += 1
        record.copied_mib += volume
        elapsed = link.engine.now - start
        # Like QEMU, estimate the bandwidth from the round just done.
        rate = volume / elapsed if elapsed > 0 else link.capacity
        volume = next_round(dirty_rate(guest), elapsed, memory_mib)
        if (
            volume / rate <= target_s
            or record.rounds >= max_rounds
            or record.copied_mib > max_sent_mib
        ):
            record.converged = volume / rate <= target_s
            record.stop_copy_mib = volume
            return


def checkpoint_warnings(guest: Guest) -> list[str]:
    """Return what CRIU cannot carry as is: open TCP connections, host devices."""
    # [criu:tcp] connections need --tcp-established on dump and restore; devices and
    # other external resources must be declared with --external or the dump fails.
    warnings = []
    if not guest.traits.vm_like and guest.config.network != "none":
        warnings.append("tcp_established")
    if guest.config.privileged:
        warnings.append("external_devices")
    return warnings


def restore_memory(host: Host, guest: Guest, memory: dict[str, float]) -> None:
    """Make the memory the guest had on the source resident on `host` again."""
    for layer, mib in memory.items():
        if guest.traits.vm_like and layer != "vmm":
            host.memory.alloc_inside(guest, layer, mib)
        else:
            host.memory.alloc(guest, layer, mib)


def live(
    source: Host, target: Host, link: FairShare, guest: Guest, record: Move
) -> Generator[Event, object, None]:
    """Pre-copy the running VM's memory, stop it, copy the rest and resume it on `target`."""
    mib = guest.inside_mib()
    record.total_mib = mib
    start = source.engine.now
    record.step = "precopy"
    try:
        yield from precopy(link, guest, record, mib, target)
    except Interrupt:
        _stopped(source, target, guest, record)
        return
    record.steps.append(PhaseSpan("precopy", start, source.engine.now, LINK_SOURCE))
    record.total_mib = record.copied_mib + record.stop_copy_mib
    memory = dict(guest.memory)
    source.log(
        "move_stop_copy" if record.converged else "move_not_converged",
        guest,
        guest=guest.id,
        rounds=record.rounds,
        mib=round(record.stop_copy_mib, 3),
    )
    move_transit.carry_workloads(source.engine, guest, record, restart=False)
    source.depart(guest)  # stop-and-copy: the guest is down from here
    # The paused VM's pages stay on the source until the target has them all.
    move_transit.hold(source, guest.id, memory, 1.0)
    down = source.engine.now
    job = record.transfer = link.submit(record.stop_copy_mib)
    try:
        yield from _step(guest, record, "stopcopy", job, LINK_SOURCE)
    except Interrupt:
        _stopped(source, target, guest, record)
        return
    record.copied_mib += record.stop_copy_mib
    _resume(source, target, guest, record, memory, down)


def checkpoint(
    source: Host, target: Host, link: FairShare, guest: Guest, record: Move
) -> Generator[Event, object, None]:
    """Freeze the container, dump its memory, ship dump and missing layers, restore it."""
    memory = dict(guest.memory)
    dump = guest.resident_mib
    tpl = guest.template
    layers = target.images.missing(tpl.image) if tpl.image is not None else []
    record.total_mib = dump + sum(la.compressed_mib for la in layers)
    record.warnings.extend(checkpoint_warnings(guest))
    source.log("move_frozen", guest, guest=guest.id, mib=round(dump, 3))
    move_transit.carry_workloads(source.engine, guest, record, restart=False)
    source.depart(guest)
    move_transit.hold(source, guest.id, memory, 1.0)  # frozen: its pages stay while dumped
    down = source.engine.now
    try:
        yield from _step(guest, record, "dump", source.disk_write.submit(dump), CRIU_SOURCE)
        move_transit.drop(source, guest.id)  # criu dump ends the frozen tree once written
        yield from _step(guest, record, "transfer", link.submit(record.total_mib), LINK_SOURCE)
        for layer in layers:
            yield target.disk_write.submit(layer.extracted_mib)
            target.images.arrive(layer)
        job = target.disk_read.submit(dump)
        target.engine.process(move_transit.fill(target, guest.id, memory, job, record))
        yield from _step(guest, record, "restore", job, CRIU_SOURCE)
    except Interrupt:
        _stopped(source, target, guest, record)
        return
    _resume(source, target, guest, record, memory, down)


def _resume(
    source: Host, target: Host, guest: Guest, record: Move, memory: dict[str, float], down: float
) -> None:
    """Put the guest back to running on `target` with the memory it had, without a boot."""
    move_transit.drop(source, guest.id)
    move_transit.drop(target, guest.id)  # the pages become the guest's own just below
    source.detach(guest)
    target.attach(guest)
    why = target.admit(guest)
    if why is None and guest.traits.vm_like and target.policy.memory == "reserve":
        why = None if target.memory.reserve(guest) else "memory"
    try:
        if why is not None:
            raise GuestGone(why)
        target.advance(guest, "starting")
        restore_memory(target, guest, memory)
        target.advance(guest, "running")
        guest.ready_s = target.engine.now
    except GuestGone:
        if why is not None:
            lifecycle._fail(target, guest, why)  # otherwise the OOM killer already ended it
    except NoRoom:
        lifecycle._fail(target, guest, "memory")
    record.downtime_s = target.engine.now - down
    finish_move(record, source, target, guest)


def _stopped(source: Host, target: Host, guest: Guest, record: Move) -> None:
    """Close the record of a move whose guest was removed or ended on the way."""
    if record.transfer is not None and not record.transfer.processed:
        record.transfer.cancel()
    move_transit.drop(source, guest.id)
    move_transit.drop(target, guest.id)
    move_transit.arrived(record, None)
    if guest.spans and guest.spans[-1].end_s is None:
        guest.end_phase(source.engine.now)
    record.step = ""
    record.end_s = source.engine.now
    record.verdict = guest.reason or guest.state

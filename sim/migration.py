"""Moving a guest to another host: what crosses the link, what is converted, whether it runs.

A move is cold: the guest stops, its bytes cross the link between the hosts (shared fairly with
other moves), and it starts again on the target. A container ships only the image layers the
target lacks; a VM ships its whole disk image and is converted when the hypervisors read
different formats (qcow2, VMDK, VHDX). Whether the guest then runs follows `sim.platform`.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field

from sim import lifecycle, move_transit, platform
from sim.engine import Event, Interrupt
from sim.fairshare import FairShare, Job
from sim.guest import Guest
from sim.host import Host
from sim.snapshot import MoveView, PhaseSpan

FORMAT_SOURCE = (
    "[qemu-img:formats] qcow2 is native to QEMU/KVM, VMDK to VMware, VHDX to"
    " Hyper-V, VDI to VirtualBox; qemu-img converts between them"
)
LINK_SOURCE = "the scenario's link between the hosts (default: 1 Gbit/s, an assumption)"
STREAM_SOURCE = (
    f"{LINK_SOURCE}; no faster than the source's disk reads and the target's disk writes"
    " (the hosts' disk_read_mib_s and disk_write_mib_s)"
)


def disk_format(host: Host) -> str:
    """Return the disk image format the host's hypervisor reads natively."""
    hv = host.preset.hypervisor
    if hv == "type1":
        return "vhdx" if host.preset.os == "windows" else "vmdk"
    if hv == "type2":
        return "vhdx" if host.preset.os == "windows" else "vdi"
    return "qcow2"


@dataclass(eq=False)
class Move:
    """One move as it happens."""

    guest_id: str
    source: str
    target: str
    start_s: float
    total_mib: float = 0.0
    end_s: float | None = None
    steps: list[PhaseSpan] = field(default_factory=list)
    verdict: str = ""
    warnings: list[str] = field(default_factory=list)
    transfer: Job | None = None  # the bytes crossing the link, for progress
    # The same bytes read from the source's disk and written to the target's, alongside.
    disk_jobs: tuple[Job, ...] = ()
    step: str = "transfer"
    mode: str = "cold"
    rounds: int = 0  # live: pre-copy rounds done
    copied_mib: float = 0.0  # live: copied while the guest still ran
    stop_copy_mib: float = 0.0  # live: left dirty when the guest stopped
    converged: bool = True  # live: whether the dirty set shrank below the downtime target
    downtime_s: float | None = None  # from the guest's stop to running again
    arrival: Event | None = None  # succeeds with the host it runs on after (workloads wait)

    def view(self) -> MoveView:
        """Return an immutable view, with the bytes moved so far."""
        done = 0.0
        if self.transfer is not None:
            # A streamed disk image is as far along as the slowest of link, read and write.
            left = max(
                (0.0 if j.processed else j.remaining for j in (self.transfer, *self.disk_jobs)),
            )
            running = 0.0 if self.transfer.processed else self.transfer.work - left
            done = self.copied_mib + running if self.mode == "live" else self.total_mib - left
        return MoveView(
            self.guest_id,
            self.source,
            self.target,
            self.start_s,
            self.end_s,
            self.total_mib,
            done,
            tuple(self.steps),
            self.verdict,
            tuple(self.warnings),
            self.step,
            self.mode,
            self.rounds,
            self.downtime_s,
            self.converged,
        )


def move(
    source: Host, target: Host, link: FairShare, guest: Guest, record: Move
) -> Generator[Event, object, None]:
    """Ship what `guest` needs over `link` and start it on `target`.

    The guest has already left `source` (`Host.depart`: it is moving and holds nothing). If it is
    removed on the way, the move stops where it is and says so.
    """
    try:
        yield from _ship(source, target, link, guest, record)
    except Interrupt:
        for job in (record.transfer, *record.disk_jobs):
            if job is not None and not job.processed:
                job.cancel()
        if guest.spans and guest.spans[-1].end_s is None:
            guest.end_phase(source.engine.now)
        record.step = ""
        record.end_s = source.engine.now
        record.verdict = guest.reason or guest.state
        move_transit.arrived(record, None)
        return
    source.detach(guest)
    target.attach(guest)
    record.step = "start"
    guest.process = target.engine.process(lifecycle.start(target, guest))
    yield guest.process
    finish_move(record, source, target, guest)
    record.downtime_s = target.engine.now - record.start_s  # a cold move is down all the way


def _ship(
    source: Host, target: Host, link: FairShare, guest: Guest, record: Move
) -> Generator[Event, object, None]:
    """Carry the guest's disk image or missing image layers across, converting a disk image."""
    tpl = guest.template
    if guest.traits.vm_like:
        record.total_mib = mib = tpl.disk_gib * 1024
        # The image streams from the source's disk over the link onto the target's disk: the
        # slowest of the three sets the pace, each shared fairly with whatever else uses it.
        record.disk_jobs = (source.disk_read.submit(mib), target.disk_write.submit(mib))
        yield from _step(guest, record, "transfer", link.submit(mib), STREAM_SOURCE)
        src_fmt, dst_fmt = disk_format(source), disk_format(target)
        if src_fmt != dst_fmt:
            # qemu-img reads the old image and writes the new one on the target's disk.
            read = target.disk_read.submit(record.total_mib)
            job = target.disk_write.submit(record.total_mib)
            try:
                yield from _step(
                    guest, record, "convert", job, FORMAT_SOURCE, note=f"{src_fmt} → {dst_fmt}"
                )
                if not read.processed:
                    yield read
            finally:
                for pending in (read, job):
                    if not pending.processed:
                        pending.cancel()
        if (
            tpl.ksm_group == "windows"
            and target.preset.hypervisor == "kvm"
            and source.preset.hypervisor != "kvm"
        ):
            record.warnings.append("virtio_drivers")
        if platform.slowdown(tpl, target.preset) > 1:
            record.warnings.append("emulated")
    elif tpl.image is not None:
        missing = target.images.missing(tpl.image)
        record.total_mib = sum(la.compressed_mib for la in missing)
        yield from _step(guest, record, "transfer", link.submit(record.total_mib), LINK_SOURCE)
        for layer in missing:
            write = target.disk_write.submit(layer.extracted_mib)
            try:
                yield write
            finally:
                if not write.processed:
                    write.cancel()
            target.images.arrive(layer)
        if platform.needs_utility_vm(tpl, target.preset):
            record.warnings.append("utility_vm")


def _step(
    guest: Guest, record: Move, name: str, job: Job, source: str, note: str = ""
) -> Generator[Event, object, None]:
    """Run one step of a move, as a phase of the guest and a step of the record."""
    start = job.engine.now
    guest.begin_phase(name, start, f"{note}; {source}" if note else source)
    record.step = name
    if name == "transfer":
        record.transfer = job
    yield job
    for also in record.disk_jobs if name == "transfer" else ():
        if not also.processed:
            yield also
    guest.end_phase(job.engine.now)
    record.steps.append(PhaseSpan(name, start, job.engine.now, note or source))


def finish_move(record: Move, source: Host, target: Host, guest: Guest) -> None:
    """Close `record` now with the guest's verdict on `target` and log that the move is done."""
    record.step = ""
    record.end_s = target.engine.now
    record.verdict = "running" if guest.state == "running" else (guest.reason or guest.state)
    move_transit.arrived(record, target if guest.state == "running" else None)
    target.log(
        "move_done",
        guest,
        guest=guest.id,
        source=source.id,
        target=target.id,
        mib=round(record.total_mib, 3),
        verdict=record.verdict,
        warnings=",".join(record.warnings),
        elapsed_s=round(record.end_s - record.start_s, 6),
    )

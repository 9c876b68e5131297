"""Workloads in guests: throughput or latency against the bare host, with real contention.

Every instance demands its `per_instance` share of one host resource (cores, memory bandwidth,
disk IOPS) for the workload's duration, through the fair-share resources, so ten VMs doing
random I/O each get a tenth of the disk. The runtime's overhead is then a factor from the catalog
(Felter et al. and the Firecracker data), chosen by the guest's runtime profile and settings.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

from sim.catalog import Catalog, Workload
from sim.engine import Event, Interrupt, Timeout
from sim.fairshare import FairShare, Job
from sim.guest import Guest
from sim.host import Host
from sim.snapshot import WorkloadResult


def profile_of(guest: Guest) -> str:
    """Return the runtime profile whose overhead factors apply to `guest`."""
    t = guest.traits
    fact, variant = t.kind.profile_if
    holds = {
        "host_network": guest.config.network == "host",
        "vcpu_pinning": guest.config.vcpu_pinning,
        "in_own_vm": t.in_own_vm,
    }.get(fact, False)
    return variant if holds else t.kind.profile


def resource_for(host: Host, workload: Workload) -> FairShare | None:
    """Return the shared resource the workload competes for (None: latency only)."""
    return {"cpu": host.cpu, "membw": host.membw, "iops": host.iops}.get(workload.resource)


@dataclass(frozen=True, slots=True)
class Relocation:
    """Why a workload was interrupted: its guest moves; `arrival` gives the new host or None.

    A live or checkpoint move carries the workload's progress (it goes on where it stopped, the
    downtime a pause in its run); a cold move boots the guest afresh, so the run starts over.
    """

    arrival: Event
    restart: bool


def run_workload(
    host: Host, catalog: Catalog, workload: Workload, guest: Guest, results: list[WorkloadResult]
) -> Generator[Event, object, None]:
    """Run one instance of `workload` in `guest` (following it when it moves) and log the result."""
    factor, source = catalog.profiles[profile_of(guest)][workload.id]
    start = host.engine.now
    left = 1.0  # the fraction of the run still to do
    while True:
        job, end = _submit(host, workload, guest, left)
        try:
            yield job
            break
        except Interrupt as stop:  # the guest stopped or moves
            if isinstance(job, Job):
                left *= job.remaining / job.work if job.work > 0 else 0.0
            else:
                left *= max(0.0, end - host.engine.now) / max(workload.duration_s, 1e-12)
            job.cancel()
            moved = stop.cause if isinstance(stop.cause, Relocation) else None
            if moved is None:
                return  # the run ends with its guest, without a result
            arrived = yield moved.arrival
            if not isinstance(arrived, Host) or guest.state != "running":
                return
            host = arrived
            me = host.engine.active_process
            if me is not None:  # always: this generator runs as a process
                host.track(guest, workload.id, me)
            if moved.restart:
                start, left = host.engine.now, 1.0
    share = 1.0
    if resource_for(host, workload) is not None:
        # The fraction of one undisturbed instance's rate that this one actually got.
        share = workload.duration_s / max(host.engine.now - start, 1e-12)
    if not guest.live:
        return
    if workload.higher_is_better:
        value = workload.native * share * factor
    else:
        value = workload.native * factor / share
    result = WorkloadResult(
        host.engine.now,
        workload.id,
        guest.id,
        profile_of(guest),
        value,
        workload.unit,
        value / workload.native,
        workload.native,
        workload.higher_is_better,
        source,
        start,
    )
    results.append(result)
    host.log(
        "workload_done",
        guest,
        guest=guest.id,
        workload=workload.id,
        name=workload.name,
        value=round(value, 3),
        unit=workload.unit,
        ratio=round(result.ratio, 4),
    )


def _submit(
    host: Host, workload: Workload, guest: Guest, fraction: float
) -> tuple[Job | Timeout, float]:
    """Ask `host` for `fraction` of one run's work; return the job and when it would end alone."""
    resource = resource_for(host, workload)
    end = host.engine.now + workload.duration_s * fraction
    if resource is None:
        return host.engine.timeout(workload.duration_s * fraction), end
    cap: float | None = workload.per_instance
    if workload.resource == "cpu" and guest.config.cpu_quota > 0:
        cap = min(workload.per_instance, guest.config.cpu_quota)
    work = workload.per_instance * workload.duration_s * fraction
    if workload.resource == "cpu":
        work = host.cpu_work(guest, work)
    if workload.saturates:
        cap = None  # it takes what the host gives: the host's capacity is its result
    return resource.submit(work, cap), end

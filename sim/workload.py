"""Workloads in guests: throughput or latency against the bare host, with real contention.

Every instance demands its `per_instance` share of one host resource (cores, memory bandwidth,
disk IOPS) for the workload's duration, through the fair-share resources, so ten VMs doing
random I/O each get a tenth of the disk. For "factor" workloads the runtime's overhead is then a
factor from the catalog (Felter et al. and the Firecracker data), chosen by the guest's runtime
profile and settings. Network streams, web requests and idle guests follow `sim.netpaths`
instead: their cost comes from the stages a packet crosses or the timer wake-ups of an idle guest.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

from sim.catalog import Catalog, Workload
from sim.engine import Event, Interrupt, Timeout
from sim.fairshare import FairShare, Job
from sim.guest import Guest
from sim.host import Host
from sim.netpaths import NATIVE, WINDOWS_GROUP, NetPaths, idle_timer
from sim.sandbox_profiles import factor as sandbox_factor
from sim.sandbox_profiles import result_profile
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
    if workload.model == "idle":
        yield from run_idle(host, catalog, workload, guest, results)
        return
    if workload.model != "factor":
        yield from run_path(host, catalog, workload, guest, results)
        return
    factor, source = (
        sandbox_factor(catalog, guest.template, guest.config, workload.id)
        or catalog.profiles[profile_of(guest)][workload.id]
    )
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
    report(host, workload, guest, results, (value, workload.native, source, start))


def report(
    host: Host,
    workload: Workload,
    guest: Guest,
    results: list[WorkloadResult],
    figures: tuple[float, float, str, float],
    ratio: float | None = None,
) -> None:
    """Append a result (value, the bare host's figure, source, start) and log it."""
    value, native, source, start = figures
    result = WorkloadResult(
        host.engine.now,
        workload.id,
        guest.id,
        result_profile(profile_of(guest), guest.template, guest.config),
        value,
        workload.unit,
        value / native if ratio is None else ratio,
        native,
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


def path_figures(paths: NetPaths, workload: Workload, profile: str) -> tuple[float, float]:
    """Return a path workload's rate on one reference core and the cores it keeps busy."""
    if workload.model == "stream":
        return paths.stream(profile)
    return 1e6 / paths.request_us(profile), 1.0  # one server worker on one core


def run_path(
    host: Host, catalog: Catalog, workload: Workload, guest: Guest, results: list[WorkloadResult]
) -> Generator[Event, object, None]:
    """Run a network stream or a request load: its path's rate, slowed by contention."""
    paths = catalog.netpaths
    assert paths is not None  # the loader always reads them
    base = profile_of(guest)
    profile = paths.path_of(base, result_profile(base, guest.template, guest.config))
    rate, cores = path_figures(paths, workload, profile)
    cap = min(cores, guest.config.cpu_quota) if guest.config.cpu_quota > 0 else cores
    start = host.engine.now
    job = host.cpu.submit(host.cpu_work(guest, cores * workload.duration_s), cap)
    try:
        yield job
    except Interrupt:  # the guest stopped: the run ends with it, without a result
        job.cancel()
        return
    if not guest.live:
        return
    # On this host the bare process runs at the reference rate × its core speed.
    native = path_figures(paths, workload, NATIVE)[0] * host.preset.cpu_speed
    value = rate * workload.duration_s / max(host.engine.now - start, 1e-12)
    stages = " → ".join(paths.paths[profile])
    report(host, workload, guest, results, (value, native, f"{workload.source} ({stages})", start))


def run_idle(
    host: Host, catalog: Catalog, workload: Workload, guest: Guest, results: list[WorkloadResult]
) -> Generator[Event, object, None]:
    """Sample once a second the host CPU an idle guest's timer wake-ups take (% of a core)."""
    paths = catalog.netpaths
    assert paths is not None
    t = guest.traits
    timer = idle_timer(
        t.in_own_vm,
        guest.template.ksm_group == WINDOWS_GROUP,
        guest.config.hyperv_enlightenments,
    )
    cores = host.cpu_work(guest, paths.idle_cores(timer, guest.template.vcpus))
    source = f"{workload.source} ({timer})"
    start = host.engine.now
    for _ in range(max(1, round(workload.duration_s))):
        began = host.engine.now
        job: Job | Timeout = (
            host.cpu.submit(cores, cores) if cores > 0 else host.engine.timeout(1.0)
        )
        try:
            yield job
        except Interrupt:
            job.cancel()
            return
        if not guest.live:
            return
        percent = 100.0 * (cores / max(host.engine.now - began, 1e-12) if cores > 0 else 0.0)
        # The bare host idles at 0 % of a core: the ratio field holds the share of one core.
        report(host, workload, guest, results, (percent, 0.0, source, start), percent / 100)


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

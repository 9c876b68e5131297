"""Workloads in guests: throughput or latency against the bare host, with real contention.

Every instance demands its `per_instance` share of one host resource (cores, memory bandwidth,
disk IOPS) for the workload's duration, through the fair-share resources, so ten VMs doing
random I/O each get a tenth of the disk. The runtime's overhead is then a factor from the catalog
(Felter et al. and the Firecracker data), chosen by the guest's runtime profile and settings.
"""

from __future__ import annotations

from collections.abc import Generator

from sim.catalog import Catalog, Workload
from sim.engine import Event, Interrupt, Timeout
from sim.fairshare import FairShare, Job
from sim.guest import Guest
from sim.host import Host
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


def run_workload(
    host: Host, catalog: Catalog, workload: Workload, guest: Guest, results: list[WorkloadResult]
) -> Generator[Event, object, None]:
    """Run one instance of `workload` in `guest` and append its result."""
    factor, source = (
        sandbox_factor(catalog, guest.template, guest.config, workload.id)
        or catalog.profiles[profile_of(guest)][workload.id]
    )
    resource = resource_for(host, workload)
    start = host.engine.now
    share = 1.0
    if resource is not None:
        cap: float | None = workload.per_instance
        if workload.resource == "cpu" and guest.config.cpu_quota > 0:
            cap = min(workload.per_instance, guest.config.cpu_quota)
        work = workload.per_instance * workload.duration_s
        if workload.resource == "cpu":
            work = host.cpu_work(guest, work)
        if workload.saturates:
            cap = None  # it takes what the host gives: the host's capacity is its result
        job: Job | Timeout = resource.submit(work, cap)
    else:
        job = host.engine.timeout(workload.duration_s)
    try:
        yield job
    except Interrupt:  # the guest stopped: the run ends with it, without a result
        job.cancel()
        return
    if resource is not None:
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
        result_profile(profile_of(guest), guest.template, guest.config),
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

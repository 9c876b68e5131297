"""Faults and attacks injected into a guest, and how far each spreads.

Outcomes follow rules (assets/catalog/security.toml), not dice: a container shares the host's
kernel, so its kernel panic is the host's; a VM's stays in the VM. Effects spread step by step,
a fraction of a second apart in simulated time, so the class can watch them travel.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass

from sim.catalog import Catalog, Exploit
from sim.engine import Event, Interrupt
from sim.guest import Guest
from sim.host import GuestGone, Host, NoRoom
from sim.snapshot import Incident, IncidentStep

SPREAD_S = 0.4  # between steps of a spreading fault, so the diagram can show it travel
FaultProcess = Generator[Event, object, None]


def _steps(now: float, *targets: tuple[str, str]) -> tuple[IncidentStep, ...]:
    return tuple(IncidentStep(now + i * SPREAD_S, t, e) for i, (t, e) in enumerate(targets))


def panic(host: Host, guest: Guest) -> Incident:
    """Panic the kernel a guest runs on: the host's for a container, its own otherwise."""
    now = host.engine.now
    if guest.traits.kind.shares_host_kernel:
        others = [(g.id, "crashed") for g in host.live_guests() if g is not guest]
        steps = _steps(now, (guest.id, "crashed"), ("host_kernel", "crashed"), *others)
        explanation = (
            f"{guest.id} shares the host's kernel: its panic is the host's, "
            f"and all {len(others) + 1} guests go down"
        )
        return Incident(now, "panic", guest.id, "host_down", explanation, steps)
    own = (
        "the gVisor Sentry (its user-space kernel)"
        if guest.traits.user_space_kernel
        else "its own kernel"
    )
    steps = _steps(now, (f"guest_kernel:{guest.id}", "crashed"), (guest.id, "crashed"))
    return Incident(
        now,
        "panic",
        guest.id,
        "guest_only",
        f"{guest.id} panics {own}; the host and the other guests carry on",
        steps,
    )


def exploit(host: Host, catalog: Catalog, guest: Guest, ex: Exploit) -> Incident:
    """Decide an escape attempt from `guest` by the catalog's rules."""
    now = host.engine.now
    kind = guest.template.kind
    reached = kind in catalog.reach[ex.target]
    if ex.target == "qemu-fdc":
        reached = reached and host.preset.hypervisor in ("kvm", "type2")
    if not reached:
        # Kata and Docker-in-a-VM run runc and a kernel inside their own VM: the escape ends
        # there. A plain VM or microVM runs no container at all: nothing to reach.
        inside = guest.traits
        if inside.in_own_vm and inside.kind.runs_containers_inside and ex.target != "qemu-fdc":
            steps = _steps(
                now, (guest.id, "compromised"), (f"guest_kernel:{guest.id}", "contained")
            )
            return Incident(
                now,
                ex.id,
                guest.id,
                "contained",
                f"{ex.name}: the escape lands in "
                f"{guest.id}'s own VM, which holds it; the host is untouched",
                steps,
            )
        return Incident(
            now,
            ex.id,
            guest.id,
            "not_reachable",
            f"{ex.name}: {guest.id} does not reach {_component(ex.target)}",
            _steps(now, (guest.id, "blocked")),
        )
    facts = guest.config.facts()
    blockers = (
        []
        if (ex.privileged_bypasses and "privileged" in facts)
        else [b for b in ex.blocked_by if b in facts]
    )
    if blockers:
        return Incident(
            now,
            ex.id,
            guest.id,
            "blocked",
            f"{ex.name}: blocked by {', '.join(blockers)}",
            _steps(now, (guest.id, "blocked")),
            tuple(blockers),
            ex.disclosed,
        )
    layer = (
        "hypervisor"
        if ex.target == "qemu-fdc"
        else ("runtime" if ex.target == "runc" else "host_kernel")
    )
    others = [(g.id, "compromised") for g in host.live_guests() if g is not guest]
    steps = _steps(
        now, (guest.id, "compromised"), (layer, "compromised"), ("host", "compromised"), *others
    )
    return Incident(
        now,
        ex.id,
        guest.id,
        "host_compromised",
        f"{ex.name} (disclosed {ex.disclosed}) escapes through "
        f"{_component(ex.target)}: the host and all {len(others)} other guests are "
        "in the attacker's hands",
        steps,
        disclosed=ex.disclosed,
    )


def _component(target: str) -> str:
    return {
        "runc": "the host's runc",
        "host-kernel": "the shared host kernel",
        "qemu-fdc": "QEMU's emulated floppy controller",
    }[target]


def apply(host: Host, incident: Incident) -> Generator[Event, object, None]:
    """Carry out an incident's steps at their times (a process)."""
    for step in incident.steps:
        if step.time_s > host.engine.now:
            yield host.engine.timeout(step.time_s - host.engine.now)
        target = host.guests.get(step.target)
        if step.target == "host_kernel" and step.effect == "crashed":
            host.down = True
        elif step.target == "host" and step.effect == "compromised":
            host.compromised = True
        elif target is not None and step.effect == "crashed":
            host.end(target, "crashed", incident.fault, code="guest_crashed")
        elif target is not None and step.effect == "compromised":
            target.compromised = True
            target.changed()


def leak(host: Host, guest: Guest, rate_mib_s: float) -> FaultProcess:
    """Grow a guest's app memory every second until a limit stops it (or the guest stops)."""
    limit = guest.config.memory_limit_mib
    try:
        while guest.live:
            yield host.engine.timeout(1.0)
            if guest.traits.vm_like:
                room = guest.template.memory_mib - guest.inside_mib()
                host.memory.alloc_inside(guest, "app", rate_mib_s)
                if room < rate_mib_s:
                    # The guest's own OOM killer ends the app; its pages stay resident on the host.
                    host.memory.app_oom_inside(guest)
                    host.log("guest_oom", guest, guest=guest.id)
                    return
            elif limit > 0 and guest.memory.get("app", 0.0) + rate_mib_s > limit:
                host.end(guest, "killed", "cgroup_oom", code="cgroup_oom")
                return
            else:
                host.memory.alloc(guest, "app", rate_mib_s)
    except (Interrupt, GuestGone, NoRoom):
        return


def fork_bomb(host: Host, guest: Guest, rate_per_s: float = 2000) -> FaultProcess:
    """Fork processes until the guest's PIDs limit, or the host's pid_max, stops them."""
    if guest.traits.vm_like:
        host.log("fork_bomb_contained", guest, guest=guest.id)
        return
    limit = guest.config.pids_limit
    wanted = int(rate_per_s)
    try:
        while guest.live:
            yield host.engine.timeout(1.0)
            if host.fork(guest, wanted, limit) < wanted:
                capped = limit > 0 and guest.pids >= limit
                host.log(
                    "pids_exhausted", guest, guest=guest.id, pids=guest.pids, host_wide=not capped
                )
                return
    except (Interrupt, GuestGone):
        return


def cpu_hog(host: Host, guest: Guest, duration_s: float) -> FaultProcess:
    """Burn CPU for `duration_s` with many threads, as far as the guest's limits let it.

    Without a quota a container's threads compete one for one with every other thread on the
    host (4 per core here); a CPU quota or a VM's vCPUs cap the whole group instead.
    """
    vm_like = guest.traits.vm_like
    if vm_like or guest.config.cpu_quota > 0:
        cap = guest.template.vcpus if vm_like else guest.config.cpu_quota
        jobs = [host.cpu.submit(cap * duration_s, cap)]
    else:
        jobs = [host.cpu.submit(duration_s, 1.0) for _ in range(4 * host.preset.cores)]
    try:
        yield host.engine.all_of(jobs)
    except Interrupt:
        for job in jobs:
            job.cancel()


@dataclass(frozen=True, slots=True)
class Fault:
    """One fault a class can inject: either a process the simulation plays out, or an incident
    decided by rules and then applied step by step."""

    id: str
    process: Callable[[Host, Guest, float], FaultProcess] | None = None
    param: str = ""  # the action field that feeds the process ("rate_mib_s", "duration_s")
    default: float = 0.0  # its value when the scenario or the click gives none
    incident: Callable[[Host, Catalog, Guest, str], Incident] | None = None


def _panic(host: Host, catalog: Catalog, guest: Guest, fault_id: str) -> Incident:
    return panic(host, guest)


def _exploit(host: Host, catalog: Catalog, guest: Guest, fault_id: str) -> Incident:
    return exploit(host, catalog, guest, catalog.exploits[fault_id])


# One row per fault (ids in sim.vocabulary.FAULTS); every exploit in the catalog uses EXPLOIT.
REGISTRY: dict[str, Fault] = {
    f.id: f
    for f in (
        Fault("panic", incident=_panic),
        Fault("leak", process=leak, param="rate_mib_s", default=100.0),
        Fault("fork_bomb", process=fork_bomb, param="rate_per_s", default=2000.0),
        Fault("cpu_hog", process=cpu_hog, param="duration_s", default=30.0),
    )
}
EXPLOIT = Fault("exploit", incident=_exploit)


def lookup(fault_id: str, catalog: Catalog) -> Fault:
    """Return the registry row for a fault id or an exploit id (KeyError when neither)."""
    if fault_id in REGISTRY:
        return REGISTRY[fault_id]
    if fault_id in catalog.exploits:
        return EXPLOIT
    raise KeyError(fault_id)

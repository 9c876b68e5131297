"""Network paths and idle timers: what each kind of guest costs per byte, per request and at rest.

A guest's network traffic crosses a chain of stages (the host's TCP stack, Docker's bridge and
NAT, vhost-net, Firecracker's user-space virtio device, gVisor's netstack). One bulk stream runs
at the rate of its slowest stage, each stage on a core of its own, so the cores it keeps busy are
the sum of (rate / stage rate). A small request costs the server's own work plus, per packet and
per system call, what each stage adds. An idle guest costs the host its timer wake-ups: vCPUs ×
wake-ups per second × host CPU per wake-up. All figures are for one core of the reference host
(assets/catalog/workloads.toml cites each); `sim.workload` divides by the host's speed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sim.fields import Table

WORKLOAD_MODELS = ("factor", "stream", "requests", "idle")
NATIVE = "native"  # the path of a process on the bare host
WINDOWS_GROUP = "windows"  # a template's ksm_group: its guest runs Windows (as sim.migration reads)


@dataclass(frozen=True, slots=True)
class Stage:
    """One hop of a network path, alone on one reference core."""

    id: str
    gbit: float  # one bulk stream through this stage alone (Gbit/s)
    packet_us: float  # host CPU it adds per small packet (µs)
    syscall_us: float  # host CPU it adds per system call of the guest (µs)


@dataclass(frozen=True, slots=True)
class IdleTimer:
    """How an idle guest's clock reaches the host: wake-ups per idle vCPU and their cost."""

    id: str
    wakeups_hz: float
    wakeup_us: float


@dataclass(frozen=True, slots=True)
class NetPaths:
    """The stages, each runtime profile's path through them, the request shape and idle timers."""

    stages: Mapping[str, Stage]
    paths: Mapping[str, tuple[str, ...]]  # runtime profile (or "native") -> stage ids
    request: Mapping[str, float]  # app_us, packets and syscalls of one small HTTP request
    idle: Mapping[str, IdleTimer]

    def path_of(self, profile: str, variant: str) -> str:
        """Return the path a guest takes: its sandbox variant's own, else its profile's."""
        return variant if variant in self.paths else profile

    def stream(self, profile: str) -> tuple[float, float]:
        """Return one bulk stream's Gbit/s and the reference cores it keeps busy."""
        stages = [self.stages[s] for s in self.paths[profile]]
        rate = min(s.gbit for s in stages)
        return rate, sum(rate / s.gbit for s in stages)

    def request_us(self, profile: str) -> float:
        """Return the reference-core µs one small request costs through `profile`'s path."""
        stages = [self.stages[s] for s in self.paths[profile]]
        r = self.request
        return (
            r["app_us"]
            + r["packets"] * sum(s.packet_us for s in stages)
            + r["syscalls"] * sum(s.syscall_us for s in stages)
        )

    def idle_cores(self, timer: str, vcpus: float) -> float:
        """Return the reference cores an idle guest with `timer` and `vcpus` keeps busy."""
        t = self.idle[timer]
        return vcpus * t.wakeups_hz * t.wakeup_us / 1e6


def idle_timer(in_own_vm: bool, windows: bool, enlightened: bool) -> str:
    """Return which idle timer applies: none for processes, else by guest OS and settings."""
    if not in_own_vm:
        return "none"  # a sleeping process has no virtual clock to tick
    if windows:
        return "windows-stimer" if enlightened else "windows-emulated"
    return "linux-tickless"


STAGE_KEYS = ("gbit", "packet_us", "syscall_us")
REQUEST_KEYS = ("app_us", "packets", "syscalls")
TIMER_KEYS = ("wakeups_hz", "wakeup_us")
TIMERS = ("none", "linux-tickless", "windows-emulated", "windows-stimer")


def parse_netpaths(
    t: Table, profiles: tuple[str, ...], sandbox_variants: tuple[str, ...] = ()
) -> NetPaths:
    """Read `[stages]`, `[paths]`, `[requests]` and `[idle]` of workloads.toml."""
    stages_t = t.table("stages")
    stages = {}
    for sid in stages_t.data:
        s = stages_t.table(sid)
        s.only((*STAGE_KEYS, "sources"))
        _need_sources(s, STAGE_KEYS)
        stages[sid] = Stage(
            sid,
            s.number("gbit", lo=1e-3),
            s.number("packet_us", hi=1e6),
            s.number("syscall_us", hi=1e6),
        )
    paths_t = t.table("paths")
    # A sandbox's non-default platform or hypervisor may take a path of its own
    # ("gvisor-ptrace", "kata-firecracker"); without one it takes its runtime's path.
    variants = tuple(k for k in paths_t.data if k in sandbox_variants)
    paths_t.only((NATIVE, *profiles, *variants, "sources"))
    paths = {}
    for pid in (NATIVE, *profiles, *variants):
        ids = paths_t.ids(pid)
        for sid in ids:
            if sid not in stages:
                raise paths_t.error(pid, "stage ids of [stages]", sid)
        paths[pid] = ids
    req_t = t.table("requests")
    req_t.only((*REQUEST_KEYS, "sources"))
    _need_sources(req_t, REQUEST_KEYS)
    request = {k: req_t.number(k, lo=1e-6 if k == "app_us" else 0.0, hi=1e6) for k in REQUEST_KEYS}
    idle_t = t.table("idle")
    idle_t.only(TIMERS)
    idle = {}
    for tid in TIMERS:
        it = idle_t.table(tid)
        it.only((*TIMER_KEYS, "sources"))
        _need_sources(it, TIMER_KEYS)
        idle[tid] = IdleTimer(tid, it.number("wakeups_hz", hi=1e7), it.number("wakeup_us", hi=1e6))
    return NetPaths(stages, paths, request, idle)


def _need_sources(t: Table, keys: tuple[str, ...]) -> None:
    sources = t.table("sources")
    for key in keys:
        if not sources.string(key, "").strip():
            raise sources.error(key, "a source ('[reference:figure] …' or 'assumption: …')")

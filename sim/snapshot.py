"""Read-only views of a session at one instant: what the GUI, the CLI and tests read.

A `Snapshot` is built by `Session.snapshot()`. Everything in it is immutable or a view that
must not be mutated (numpy arrays of the memory series are views into the recorder's buffers).
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

# The ids live in sim.vocabulary; re-exported here for the modules that import them from here.
from sim.vocabulary import EXTRA_SERIES as EXTRA_SERIES
from sim.vocabulary import FAULTS as FAULTS
from sim.vocabulary import KINDS as KINDS
from sim.vocabulary import LAYERS as LAYERS
from sim.vocabulary import LIMITS as LIMITS
from sim.vocabulary import LIVE_STATES as LIVE_STATES
from sim.vocabulary import PALETTE_GROUPS as PALETTE_GROUPS
from sim.vocabulary import STATES as STATES

if TYPE_CHECKING:
    from sim.catalog import Catalog, HostPreset


@dataclass(frozen=True, slots=True)
class PhaseSpan:
    """One phase of a guest's start: `end_s` is None while it is still running."""

    name: str
    start_s: float
    end_s: float | None
    source: str


@dataclass(frozen=True, slots=True)
class GuestView:
    """One guest as it is now."""

    id: str
    template: str
    kind: str
    state: str
    created_s: float
    ready_s: float | None
    phases: tuple[PhaseSpan, ...]
    memory_mib: Mapping[str, float]  # resident memory by layer (only this guest's share)
    configured_mib: float  # RAM a VM was given; for containers their limit or 0
    pids: int
    vcpus: float
    reason: str | None = None  # why it was killed, crashed or failed
    compromised: bool = False  # an attacker controls it (an escape reached its host)
    host: str = "main"  # the id of the host it runs on
    config: Mapping[str, object] = field(default_factory=dict)  # settings changed from defaults
    host_down: bool = False  # its host's kernel panicked: nothing on it runs any more
    move: str = ""  # "leaving" this host or "arriving" on it while it moves (MOVE_ROLES)

    @property
    def live(self) -> bool:
        """Return whether it holds resources and can be acted on (the one definition of live)."""
        return self.state in LIVE_STATES and not self.host_down

    @property
    def shown_state(self) -> str:
        """Return the state to draw: "crashed" on a panicked host, else the move role or state."""
        if self.host_down and self.state in LIVE_STATES:
            return "crashed"
        return self.move or self.state

    @property
    def resident_mib(self) -> float:
        """Return the guest's resident memory over all layers."""
        return float(sum(self.memory_mib.values()))

    @property
    def startup_s(self) -> float | None:
        """Return the time from request to app ready, or None if it never became ready."""
        return None if self.ready_s is None else self.ready_s - self.created_s


@dataclass(frozen=True, slots=True)
class HostView:
    """The simulated host's fixed properties."""

    preset: str
    name: str
    cores: int
    ram_mib: float
    swap_mib: float
    disk_gib: float
    arch: str
    hypervisor: str  # "none", "kvm", "type1", "type2"
    runtime: bool
    pid_max: int
    bridge_ports: int
    down: bool = False  # the host kernel panicked: nothing runs until reset
    compromised: bool = False  # an escape gave an attacker the host
    os: str = "linux"  # or "windows"
    utility_vm: bool = False  # a Linux VM runs Linux containers on this Windows host
    id: str = "main"
    vcpu_per_core: float = math.inf  # the vCPU policy: vCPUs admitted per core (inf: no cap)


@dataclass(frozen=True, slots=True)
class DensityRow:
    """How many more of one template fit, and which limit binds first.

    `limits` maps every limit in LIMITS to how many more fit under it alone (math.inf when that
    limit does not apply); `max` is the smallest of them and `limit` its name, now.
    """

    template: str
    max: int
    limit: str
    limits: Mapping[str, float]
    kind: str = ""  # the template's guest kind (bars are drawn in its colour)
    # With KSM on: how many fit once ksmd has merged each new guest in turn (None without KSM),
    # and how long its last catch-up takes.
    after_ksm: int | None = None
    ksm_catch_up_s: float = 0.0


@dataclass(frozen=True, slots=True)
class TemplateView:
    """What a view needs to know about one catalog template, on the host shown.

    `resident_mib` is one guest's own resident memory once running alone (what Guest details
    shows for it); `page_cache_mib` is its image's page cache, shared by every guest of that
    image and counted once on the host, so it is not part of any one guest.
    """

    id: str
    name: str
    kind: str
    os: str  # the OS its image's binaries need ("linux", "windows"); "" for a VM
    own_kernel: bool  # it boots a kernel of its own (VM, microVM, Kata, Docker in a VM)
    vm_like: bool  # it has RAM of its own, bounded by its configured memory
    user_space_kernel: bool  # a user-space kernel (gVisor's Sentry) answers its system calls
    group: str  # its palette group (PALETTE_GROUPS)
    startup_s: float  # start-up alone on this host, image cached
    resident_mib: float
    page_cache_mib: float


@dataclass(frozen=True, slots=True)
class IncidentStep:
    """One component reached by a fault at `time_s`: a guest id, or "guest_kernel:<id>",
    "host_kernel", "runtime", "hypervisor" or "host"."""

    time_s: float
    target: str
    effect: str  # "crashed", "compromised", "killed", "blocked", "contained", "slowed"


@dataclass(frozen=True, slots=True)
class Incident:
    """A fault or attack injected into a guest, and how far it spread, step by step."""

    time_s: float
    fault: str  # "panic", an exploit id, "leak", "fork_bomb", "cpu_hog"
    guest_id: str
    outcome: str  # e.g. "host_compromised", "blocked", "contained", "host_down", "guest_only"
    explanation: str
    steps: tuple[IncidentStep, ...]
    blocked_by: tuple[str, ...] = ()  # the guest settings that stopped an exploit
    disclosed: str = ""  # an exploit's disclosure date (ISO)


@dataclass(frozen=True, slots=True)
class WorkloadResult:
    """One workload run in one guest: its figure and its ratio to the bare host."""

    time_s: float
    workload: str
    guest_id: str
    profile: str  # runtime profile, e.g. "container-nat", "vm-tuned", "gvisor"
    value: float
    unit: str
    ratio: float  # value / native (latencies: above 1 is slower)
    native: float
    higher_is_better: bool
    source: str
    start_s: float = 0.0  # when the run began: results with the same start ran together


@dataclass(frozen=True, slots=True)
class MoveView:
    """A guest moving between hosts: bytes over the link, steps, and the verdict.

    `warnings` holds codes: "virtio_drivers" (a Windows guest reaching KVM needs them),
    "emulated" (foreign CPU architecture), "utility_vm" (a Linux container on Windows).
    Steps of a live move: "precopy", "stopcopy"; of a checkpoint: "dump", "transfer", "restore".
    `verdict` is "" while moving, "running" on success, else the reason the start failed.
    """

    guest_id: str
    source: str
    target: str
    start_s: float
    end_s: float | None
    total_mib: float
    done_mib: float  # crossed the link so far
    steps: tuple[PhaseSpan, ...]
    verdict: str
    warnings: tuple[str, ...]
    step: str = ""  # the step under way: "transfer", "convert", "start", or "" once done
    mode: str = "cold"  # "cold", "live" (pre-copy, VMs) or "checkpoint" (CRIU, containers)
    rounds: int = 0  # live: pre-copy rounds while the guest still ran
    downtime_s: float | None = None  # guest not running, from its stop to running again
    converged: bool = True  # live: False when it dirtied pages as fast as the link copied


class LogEntry(NamedTuple):
    """One line of the event log.

    `code` names the kind of fact (e.g. "guest_added", "phase_done", "pull_skipped", "ready",
    "oom_kill"); `params` holds its values so the GUI can format it in any language; `message`
    is the English text the CLI prints. A named tuple, not a dataclass: a run makes several per
    guest, and a tuple is made in C.
    """

    time_s: float
    code: str
    guest_id: str | None
    params: Mapping[str, object]
    message: str


@dataclass(frozen=True, slots=True)
class MemorySeries:
    """Memory by layer over time, in MiB: one sample per recorded instant.

    `layers` holds an array for every name in LAYERS and EXTRA_SERIES, each as long as `time_s`.
    The arrays are views into the recorder: never mutate them.
    """

    time_s: np.ndarray
    layers: Mapping[str, np.ndarray]


class Tally(NamedTuple):
    """What panels count over a snapshot's guests (live: `GuestView.live`)."""

    live_ids: tuple[str, ...]
    running_ids: tuple[str, ...]  # live and running
    live_by_template: dict[str, int]
    live_by_kind: dict[str, int]
    kinds: frozenset[str]  # the kinds of every guest, live or not
    starting: bool  # a guest is shown starting or pulling


def count_guests(guests: Sequence[GuestView]) -> Tally:
    """Return the tally of `guests`, each column read and counted in C (maps, not a loop)."""
    states = list(map(_STATE, guests))
    live = list(map(_LIVE.__contains__, states))
    if any(map(_DOWN, guests)):  # guests of a panicked host are shown crashed: not live
        live = [is_live and not g.host_down for is_live, g in zip(live, guests, strict=True)]
    live_states = set(compress(states, live))
    running = list(map(_RUNNING.__eq__, states))
    ids = list(map(_ID, guests))
    return Tally(
        live_ids=tuple(compress(ids, live)),
        running_ids=tuple(compress(ids, map(operator.and_, live, running))),
        live_by_template=dict(Counter(compress(map(_TEMPLATE, guests), live))),
        live_by_kind=dict(Counter(compress(map(_KIND, guests), live))),
        kinds=frozenset(map(_KIND, guests)),
        starting=not live_states.isdisjoint(("starting", "pulling")),
    )


_STATE, _DOWN, _ID = attrgetter("state"), attrgetter("host_down"), attrgetter("id")
_TEMPLATE, _KIND = attrgetter("template"), attrgetter("kind")
_LIVE, _RUNNING = frozenset(LIVE_STATES), "running"


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything a view needs to draw the session at `time_s`."""

    time_s: float
    seed: int
    host: HostView
    guests: tuple[GuestView, ...]
    memory_mib: Mapping[str, float]  # now, by layer, plus free, swap_used, ksm_saved
    series: MemorySeries
    log: Sequence[LogEntry]
    oom_times_s: tuple[float, ...]
    density: tuple[DensityRow, ...]
    events_processed: int
    incidents: tuple[Incident, ...] = ()
    workloads: tuple[WorkloadResult, ...] = ()
    host_ids: tuple[str, ...] = ("main",)  # every host of the session; `host` is one of them
    moves: tuple[MoveView, ...] = ()
    templates: tuple[TemplateView, ...] = ()  # every catalog template, in catalog order
    hosts: tuple[HostView, ...] = ()  # every host of the session, in `host_ids` order

    # Counts several panels need, computed on first use once per snapshot (not a field).
    _tally: dict[str, Tally] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def tally(self) -> Tally:
        """Return the live and running guests and the live counts, counted once per snapshot."""
        done = self._tally.get("")
        if done is None:
            done = self._tally[""] = count_guests(self.guests)
        return done

    def with_series(self, series: MemorySeries) -> Snapshot:
        """Return this snapshot with other memory series; its tally (if counted) comes along."""
        other = replace(self, series=series)
        other._tally.update(self._tally)
        return other

    def keep_tally(self, tally: Tally) -> None:
        """Give the snapshot its tally, counted already (it must equal `count_guests`)."""
        self._tally[""] = tally

    def template(self, template_id: str) -> TemplateView | None:
        """Return the facts of one template (None when the catalog has no such id)."""
        return next((t for t in self.templates if t.id == template_id), None)

    def guest(self, guest_id: str) -> GuestView | None:
        """Return one guest of the host shown (None when it is not there)."""
        return next((g for g in self.guests if g.id == guest_id), None)

    @property
    def live_guests(self) -> tuple[GuestView, ...]:
        """Return the guests that are live on the host shown."""
        return tuple(g for g in self.guests if g.live)


def palette_group(kind: str) -> str:
    """Return the palette group of a guest kind ("others" for kinds no group names)."""
    return next((name for name, kinds in PALETTE_GROUPS if kind in kinds), "others")


def template_views(catalog: Catalog, preset: HostPreset) -> tuple[TemplateView, ...]:
    """Return the view of every catalog template, with start-up times on `preset`."""
    fraction = float(catalog.model["page_cache_fraction"])
    views = []
    for t in catalog.templates.values():
        cache_mib = t.image.extracted_mib * fraction if t.image else 0.0
        views.append(
            TemplateView(
                id=t.id,
                name=t.name,
                kind=t.kind,
                os=t.image.os if t.image else "",
                own_kernel=t.in_own_vm,
                vm_like=t.is_vm_like,
                user_space_kernel=t.on_user_space_kernel,
                group=palette_group(t.kind),
                startup_s=t.expected_startup_s(preset),
                resident_mib=t.expected_resident_mib - cache_mib,
                page_cache_mib=cache_mib,
            )
        )
    return tuple(views)

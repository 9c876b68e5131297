"""Read-only views of a session at one instant: what the GUI, the CLI and tests read.

A `Snapshot` is built by `Session.snapshot()`. Everything in it is immutable or a view that
must not be mutated (numpy arrays of the memory series are views into the recorder's buffers).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

# The ids live in sim.vocabulary; re-exported here for the modules that import them from here.
from sim.vocabulary import EXTRA_SERIES as EXTRA_SERIES
from sim.vocabulary import FAULTS as FAULTS
from sim.vocabulary import KINDS as KINDS
from sim.vocabulary import LAYERS as LAYERS
from sim.vocabulary import LIMITS as LIMITS
from sim.vocabulary import STATES as STATES


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
    configured_mib: float             # RAM a VM was given; for containers their limit or 0
    pids: int
    vcpus: float
    reason: str | None = None         # why it was killed, crashed or failed
    compromised: bool = False         # an attacker controls it (an escape reached its host)
    host: str = "main"                # the id of the host it runs on
    config: Mapping[str, object] = field(default_factory=dict)  # settings changed from defaults

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
    down: bool = False         # the host kernel panicked: nothing runs until reset
    compromised: bool = False  # an escape gave an attacker the host
    os: str = "linux"          # or "windows"
    utility_vm: bool = False   # a Linux VM runs Linux containers on this Windows host
    id: str = "main"


@dataclass(frozen=True, slots=True)
class DensityRow:
    """How many more of one template fit, and which limit binds first.

    `limits` maps every limit in LIMITS to how many more fit under it alone (math.inf when that
    limit does not apply); `max` is the smallest of them and `limit` its name.
    """

    template: str
    max: int
    limit: str
    limits: Mapping[str, float]


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
    fault: str      # "panic", an exploit id, "leak", "fork_bomb", "cpu_hog"
    guest_id: str
    outcome: str    # e.g. "host_compromised", "blocked", "contained", "host_down", "guest_only"
    explanation: str
    steps: tuple[IncidentStep, ...]
    blocked_by: tuple[str, ...] = ()  # the guest settings that stopped an exploit
    disclosed: str = ""               # an exploit's disclosure date (ISO)


@dataclass(frozen=True, slots=True)
class WorkloadResult:
    """One workload run in one guest: its figure and its ratio to the bare host."""

    time_s: float
    workload: str
    guest_id: str
    profile: str      # runtime profile, e.g. "container-nat", "vm-tuned", "gvisor"
    value: float
    unit: str
    ratio: float      # value / native (latencies: above 1 is slower)
    native: float
    higher_is_better: bool
    source: str
    start_s: float = 0.0  # when the run began: results with the same start ran together


@dataclass(frozen=True, slots=True)
class MoveView:
    """A guest moving between hosts: bytes over the link, steps, and the verdict.

    `warnings` holds codes: "virtio_drivers" (a Windows guest reaching KVM needs them),
    "emulated" (foreign CPU architecture), "utility_vm" (a Linux container on Windows).
    `verdict` is "" while moving, "running" on success, else the reason the start failed.
    """

    guest_id: str
    source: str
    target: str
    start_s: float
    end_s: float | None
    total_mib: float
    done_mib: float   # crossed the link so far
    steps: tuple[PhaseSpan, ...]
    verdict: str
    warnings: tuple[str, ...]
    step: str = ""    # the step under way: "transfer", "convert", "start", or "" once done


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

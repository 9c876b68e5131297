"""A guest on the host: its template, identity, state, phase spans and resident memory."""

from __future__ import annotations

from dataclasses import dataclass, field

from sim.catalog import Template
from sim.engine import Process
from sim.guestconfig import GuestConfig
from sim.snapshot import LIVE_STATES, GuestView, PhaseSpan


@dataclass(slots=True)
class Span:
    """A phase as it happens; frozen into a PhaseSpan for views."""

    name: str
    start_s: float
    end_s: float | None
    source: str


@dataclass(eq=False, slots=True)
class Guest:
    """One container, VM, microVM or sandbox, mutated only by the host and its lifecycle."""

    id: str
    template: Template
    created_s: float
    state: str = "pending"
    ready_s: float | None = None
    reason: str | None = None
    spans: list[Span] = field(default_factory=list)
    # Resident MiB by layer (this guest's share; shared page cache belongs to the host).
    memory: dict[str, float] = field(default_factory=dict)
    # MiB of each layer that KSM has merged away (no longer resident).
    merged: dict[str, float] = field(default_factory=dict)
    pids: int = 0
    bridge_port: bool = False
    disk_gib: float = 0.0
    vcpus: float = 0.0
    process: Process | None = None
    config: GuestConfig = field(default_factory=GuestConfig)
    compromised: bool = False
    host_id: str = "main"
    _view: GuestView | None = None

    @property
    def live(self) -> bool:
        """Return whether it is starting or running (it holds host resources)."""
        return self.state in LIVE_STATES

    @property
    def resident_mib(self) -> float:
        """Return its resident memory over all layers."""
        return sum(self.memory.values())

    def inside_mib(self) -> float:
        """Return the RAM the guest itself has touched (resident or merged), without its VMM."""
        touched = sum(self.memory.values()) + sum(self.merged.values())
        return touched - self.memory.get("vmm", 0.0) - self.merged.get("vmm", 0.0)

    def changed(self) -> None:
        """Forget the cached view: something about the guest changed."""
        self._view = None

    def begin_phase(self, name: str, now: float, source: str) -> None:
        """Record that phase `name` starts now."""
        self.spans.append(Span(name, now, None, source))
        self._view = None

    def end_phase(self, now: float) -> float:
        """Record that the current phase ends now; return its duration."""
        span = self.spans[-1]
        span.end_s = now
        self._view = None
        return now - span.start_s

    def view(self) -> GuestView:
        """Return an immutable view, rebuilt only after a change."""
        if self._view is None:
            self._view = GuestView(
                id=self.id, template=self.template.id, kind=self.template.kind,
                state=self.state, created_s=self.created_s, ready_s=self.ready_s,
                phases=tuple(PhaseSpan(s.name, s.start_s, s.end_s, s.source) for s in self.spans),
                memory_mib={k: v for k, v in self.memory.items() if v > 0},
                configured_mib=self.template.memory_mib, pids=self.pids,
                vcpus=self.template.vcpus, reason=self.reason, compromised=self.compromised,
                config=self.config.changed_fields(), host=self.host_id,
            )
        return self._view

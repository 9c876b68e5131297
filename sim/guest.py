"""A guest on the host: its template, identity, state, phase spans and what it holds.

Its state changes only through `Host.change_state` (the table is in sim.states) and what it
holds only through the host's books (sim.memory, sim.resources); this class only reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sim.catalog import Template
from sim.engine import Process
from sim.guestconfig import GuestConfig
from sim.kinds import Traits, traits
from sim.resources import Holdings
from sim.snapshot import GuestView, PhaseSpan
from sim.vocabulary import LIVE_STATES


@dataclass(slots=True)
class Span:
    """A phase as it happens; frozen into a PhaseSpan for views."""

    name: str
    start_s: float
    end_s: float | None
    source: str
    guest_id: str  # whose phase: the event log derives its "phase_done" entry from the span
    _frozen: PhaseSpan | None = field(default=None, repr=False)

    def view(self) -> PhaseSpan:
        """Return it as a PhaseSpan: made once after it ended (a guest's views share it)."""
        frozen = self._frozen
        if frozen is None or frozen.end_s != self.end_s:
            frozen = PhaseSpan(self.name, self.start_s, self.end_s, self.source)
            if self.end_s is not None:
                self._frozen = frozen
        return frozen


@dataclass(eq=False, slots=True)
class Guest(Holdings):
    """One container, VM, microVM or sandbox, mutated only by the host and its lifecycle."""

    id: str
    template: Template
    created_s: float
    state: str = "pending"
    ready_s: float | None = None
    reason: str | None = None
    spans: list[Span] = field(default_factory=list)
    process: Process | None = None  # what drives its state now: its start, or its move
    # Faults and workloads running in it, by name: they stop when it stops.
    activities: tuple[tuple[str, Process], ...] = ()
    config: GuestConfig = field(default_factory=GuestConfig)
    compromised: bool = False
    host_id: str = "main"
    _view: GuestView | None = None
    # Where to say "my view changed": its host's set of changed guest ids (`Host.attach`), so a
    # snapshot rebuilds only the guests that changed since the last one.
    _sink: set[str] | None = field(default=None, repr=False)
    traits: Traits = field(init=False)  # what its kind and template make it (sim.kinds)

    def __post_init__(self) -> None:
        self.traits = traits(self.template)

    @property
    def live(self) -> bool:
        """Return whether it is starting or running (it holds host resources)."""
        return self.state in LIVE_STATES

    @property
    def held(self) -> Holdings:
        """Return what it holds (itself: a guest is its own holdings; the books change them)."""
        return self

    @property
    def resident_mib(self) -> float:
        """Return its resident memory over all layers."""
        return sum(self.memory.values())

    def inside_mib(self) -> float:
        """Return the RAM the guest itself has touched (resident or merged), without its VMM."""
        memory, merged = self.memory, self.merged
        touched = sum(memory.values()) + sum(merged.values())
        return touched - memory.get("vmm", 0.0) - merged.get("vmm", 0.0)

    def changed(self) -> None:
        """Forget the cached view and tell the host's snapshots: something about it changed."""
        if self._view is not None:
            # A view nobody has built since the last change is already on the sink (or the
            # guest is new to its host, which the host's snapshot sees on its own).
            self._view = None
            if self._sink is not None:
                self._sink.add(self.id)

    def report_to(self, sink: set[str]) -> None:
        """Send the ids of later changes to `sink` (its host's; the guest is new there)."""
        self._sink = sink

    def begin_phase(self, name: str, now: float, source: str) -> None:
        """Record that phase `name` starts now."""
        self.spans.append(Span(name, now, None, source, self.id))
        self.changed()

    def end_phase(self, now: float) -> Span:
        """Record that the current phase ends now; return its record."""
        span = self.spans[-1]
        span.end_s = now
        self.changed()
        return span

    def view(self) -> GuestView:
        """Return an immutable view, rebuilt only after a change."""
        if self._view is None:
            self._view = self.build_view()
        return self._view

    def build_view(self) -> GuestView:
        """Return a new view of the guest as it is now (`view` keeps one until a change)."""
        return GuestView(
            id=self.id,
            template=self.template.id,
            kind=self.template.kind,
            state=self.state,
            created_s=self.created_s,
            ready_s=self.ready_s,
            phases=tuple(map(Span.view, self.spans)),
            memory_mib={k: v for k, v in self.memory.items() if v > 0},
            configured_mib=self.template.memory_mib,
            pids=self.pids,
            vcpus=self.template.vcpus,
            reason=self.reason,
            compromised=self.compromised,
            config=self.config.changed_fields(),
            host=self.host_id,
        )

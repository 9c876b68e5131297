"""The one facade over a simulation: build it from a scenario, add guests, advance, look.

The GUI, the CLI and the tests all drive a `Session`; none of them reaches into the engine.
Emits (to `subscribe`rs) every `LogEntry` as it is recorded.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypedDict, Unpack

import numpy as np

from sim import faults, lifecycle, move_transit
from sim.catalog import Catalog
from sim.density import max_additional
from sim.engine import Engine, Event
from sim.fairshare import FairShare
from sim.garbage import fewer_collections
from sim.guest import Guest
from sim.guestconfig import GuestConfig
from sim.host import Host, Jitter, Slots
from sim.ksm import run_ksm
from sim.live_migration import MODES, checkpoint, live, refusal
from sim.migration import Move, move
from sim.recorder import Recorder
from sim.sandbox_profiles import profile_of, profiled
from sim.scenario import (
    DEFAULT_SCENARIO,
    ActionSpec,
    GuestSpec,
    Scenario,
    ScenarioError,
    load_scenario,
)
from sim.scenario_templates import template_configs, with_templates
from sim.snapshot import DensityRow, Incident, LogEntry, Snapshot, WorkloadResult
from sim.snapshot_cache import SnapshotCache
from sim.vocabulary import MAX_GUESTS
from sim.workload import run_workload

_NO_CONFIG = GuestConfig()  # the settings of a guest nobody configured (frozen: shared)


class _ActionFields(TypedDict, total=False):
    """The optional fields of an `ActionSpec` a class action records."""

    workload: str
    exploit: str
    rate_mib_s: float
    duration_s: float
    to: str
    mode: str


class Session:
    """A running simulation of one host, or of several with links between them.

    `host` is the first host; `hosts` holds them all by id. `recorder` keeps the session's one
    event log and the first host's memory series; every other host has a recorder of its own.
    """

    def __init__(self, scenario: Scenario, catalog: Catalog) -> None:
        total = sum(spec.count for spec in scenario.guests)
        if total > MAX_GUESTS:
            raise ScenarioError(f"guests: at most {MAX_GUESTS:,} guests in all, got {total:,}")
        self.catalog = with_templates(catalog, scenario.templates)
        self.scenario = scenario
        # The settings each guest of a scenario template starts with (its [[templates]] table).
        self._template_configs = template_configs(scenario.templates)
        self.engine = Engine()
        limit = scenario.client.max_in_flight  # the client's starts in flight, on every host
        self._client = Slots(self.engine, limit) if limit else None
        self.recorder = Recorder()
        self._rng = np.random.default_rng(scenario.seed)
        self.hosts: dict[str, Host] = {}
        jitter = Jitter(self._rng, self.catalog.model["jitter_sigma"])
        for spec in scenario.hosts:
            recorder = self.recorder if not self.hosts else Recorder()
            host = Host(
                self.engine,
                spec.resolve(self.catalog),
                scenario.policy,
                self.catalog.model,
                self._rng,
                recorder,
                log_sink=self.recorder,
                host_id=spec.id,
                jitter=jitter,
            )
            host.utility_vm_spec = self.catalog.utility_vm
            self.hosts[spec.id] = host
            if scenario.policy.ksm and scenario.policy.memory == "overcommit":
                self.engine.process(run_ksm(host))
        self.host = next(iter(self.hosts.values()))
        self._links = {
            frozenset((k.a, k.b)): FairShare(self.engine, k.mib_s, f"{k.a}-{k.b}")
            for k in scenario.links
        }
        self._guests: dict[str, Guest] = {}  # every guest of every host, by id
        self._counters: dict[str, int] = {}
        self._requested = total  # guests asked for so far, against MAX_GUESTS
        self._added: list[GuestSpec] = []
        self._configs: dict[str, GuestConfig] = dict(scenario.configs)
        # What snapshots and density keep between frames, so that one costs what changed.
        self._snapshots = SnapshotCache(self)
        self.incidents: list[Incident] = []
        self.workload_results: list[WorkloadResult] = []
        self.moves: list[Move] = []
        # What the class did by hand, kept as scenario actions so "Save" can replay it.
        self._actions: list[ActionSpec] = []
        self._replaying = False  # true while the scenario's own actions run
        for guest in scenario.guests:
            self.engine.process(self._add_later(guest))
        for action in scenario.actions:
            self.engine.process(self._act_later(action))

    @classmethod
    def bundled(cls, scenario: Scenario) -> Session:
        """Start a session of `scenario` on the catalog bundled with HostLab."""
        return cls(scenario, Catalog.load())

    @classmethod
    def from_file(cls, path: str | Path) -> Session:
        """Load the scenario at `path` (raises ScenarioError); start it on the bundled catalog."""
        catalog = Catalog.load()
        return cls(load_scenario(path, catalog), catalog)

    @classmethod
    def default(cls) -> Session:
        """Start a session of the bundled default scenario."""
        return cls.from_file(DEFAULT_SCENARIO)

    # ------------------------------------------------------------------ driving
    @property
    def now(self) -> float:
        """Return the simulated time in seconds."""
        return self.engine.now

    @property
    def seed(self) -> int:
        """Return the seed of the session's random generator."""
        return self.scenario.seed

    def add_guests(
        self, template_id: str, count: int = 1, stagger_s: float = 0.0, host: str = ""
    ) -> list[str]:
        """Ask for `count` guests of `template_id` now, one every `stagger_s`; return their ids.

        `host` is a host id; the first host when empty.
        """
        template = self.catalog.templates[template_id]  # KeyError names an unknown id
        if count < 1:
            raise ValueError(f"count must be at least 1, got {count}")
        if self._requested + count > MAX_GUESTS:
            raise ValueError(
                f"a session holds at most {MAX_GUESTS:,} guests; "
                f"{self._requested:,} are already asked for"
            )
        self._requested += count
        if host and host not in self.hosts:
            raise KeyError(host)
        spec = GuestSpec(template_id, count, self.now, stagger_s, host)
        self._added.append(spec)
        ids = [self._next_id(template.id, offset=i) for i in range(count)]
        self._counters[template.id] = self._counters.get(template.id, 0) + count
        if stagger_s <= 0:
            for gid in ids:
                self._create(template.id, gid, host)
        else:
            self.engine.process(self._add_later(spec, ids))
        return ids

    def guest(self, guest_id: str) -> Guest:
        """Return the guest `guest_id`, on whichever host it is."""
        return self._guests[guest_id]

    def host_of(self, guest_id: str) -> Host:
        """Return the host the guest is on now."""
        return self.hosts[self._guests[guest_id].host_id]

    def remove_guest(self, guest_id: str) -> None:
        """Stop a guest (also one on its way to another host) and give back what it holds."""
        self._remember("remove", (guest_id,))
        self.host_of(guest_id).remove(self._guests[guest_id])

    def move_guest(self, guest_id: str, to_host: str, mode: str = "cold") -> Move:
        """Move a guest to another host cold, live (a VM) or by checkpoint (a container)."""
        guest = self._guests[guest_id]
        source, target = self.hosts[guest.host_id], self.hosts[to_host]
        if source is target:
            raise ValueError(f"{guest_id} is already on {to_host}")
        if not guest.live:
            raise ValueError(f"{guest_id} is {guest.state}: only a live guest can move")
        if mode not in MODES:
            raise ValueError(f"unknown move mode {mode!r}: one of {', '.join(MODES)}")
        if mode != "cold" and guest.state != "running":
            raise ValueError(f"{guest_id} is {guest.state}: only a running guest moves {mode}")
        if any(m.guest_id == guest_id and m.end_s is None for m in self.moves):
            raise ValueError(f"{guest_id} is already moving")
        why = refusal(mode, guest, source.preset, target.preset)
        if why is not None:
            raise ValueError(f"{guest_id}: {why}")
        self._remember("move", (guest_id,), to=to_host, mode="" if mode == "cold" else mode)
        record = Move(guest_id, source.id, target.id, self.now, mode=mode)
        self.moves.append(record)
        link = self._links.get(frozenset((source.id, target.id)))
        if link is None:  # assumption: hosts without a declared link share a 1 Gbit/s network
            link = self._links[frozenset((source.id, target.id))] = FairShare(self.engine, 119.0)
        source.log(
            "move_started", guest, guest=guest_id, source=source.id, target=target.id, mode=mode
        )
        if mode != "cold":  # the guest leaves its host only when it stops, later
            process = live if mode == "live" else checkpoint
            guest.process = self.engine.process(process(source, target, link, guest, record))
            return record
        # Leaving the source now, not when the move process first runs: a second move, a kill
        # or a fault in the same instant then sees a guest that is already moving.
        move_transit.carry_workloads(self.engine, guest, record, restart=True)
        source.depart(guest)
        guest.process = self.engine.process(move(source, target, link, guest, record))
        return record

    def set_config(self, guest_id: str, config: GuestConfig) -> str:
        """Change a guest's settings (networking, pinning, limits, hardening) from now on.

        A sandbox's gVisor platform or Kata hypervisor is chosen when it is created, so changing
        it replaces the guest: it stops and a new guest of its template starts with `config`.
        Return the id of the guest that has `config` now.
        """
        guest = self._guests[guest_id]
        if guest.live and self._sandbox_changes(guest, config):
            gid = self._next_id(guest.template.id)
            self._configs[gid] = config
            self.remove_guest(guest_id)
            return self.add_guests(guest.template.id, host=guest.host_id)[0]
        guest.config = config
        guest.changed()
        self._configs[guest_id] = config
        return guest_id

    def _sandbox_changes(self, guest: Guest, config: GuestConfig) -> bool:
        catalog = self.catalog
        return profile_of(catalog, guest.template, config) != profile_of(
            catalog, guest.template, guest.config
        )

    def run_workload(self, workload_id: str, guest_ids: list[str]) -> None:
        """Start `workload_id` in each live guest of `guest_ids` at once (they contend)."""
        workload = self.catalog.workloads[workload_id]
        self._remember("workload", tuple(guest_ids), workload=workload_id)
        for gid in guest_ids:
            guest = self._guests[gid]
            if guest.state == "running":
                host = self.host_of(gid)
                host.track(
                    guest,
                    workload_id,
                    self.engine.process(
                        run_workload(host, self.catalog, workload, guest, self.workload_results)
                    ),
                )

    def inject(
        self, fault: str, guest_id: str, *, rate_mib_s: float = 100.0, duration_s: float = 30.0
    ) -> Incident | None:
        """Inject a fault (a row of `faults.REGISTRY`) or an exploit id into a guest.

        Returns the incident for panics and exploits (their spread is then played out in
        simulated time), None for the faults whose course the simulation itself decides.
        """
        guest = self._guests[guest_id]
        if not guest.live:
            raise ValueError(f"{guest_id} is {guest.state}: only a live guest can be hit")
        spec = faults.lookup(fault, self.catalog)
        host = self.host_of(guest_id)
        if spec is faults.EXPLOIT:
            self._remember("exploit", (guest_id,), exploit=fault)
        else:
            self._remember(
                fault,
                (guest_id,),
                rate_mib_s=rate_mib_s if fault == "leak" else 0.0,
                duration_s=duration_s if fault == "cpu_hog" else 0.0,
            )
        if spec.process is not None:
            amount = {"rate_mib_s": rate_mib_s, "duration_s": duration_s}.get(
                spec.param, spec.default
            )
            host.track(guest, fault, self.engine.process(spec.process(host, guest, amount)))
            host.log("fault_injected", guest, guest=guest_id, fault=fault)
            return None
        assert spec.incident is not None
        incident = spec.incident(host, self.catalog, guest, fault)
        self.incidents.append(incident)
        host.log(
            "incident",
            guest,
            guest=guest_id,
            fault=fault,
            outcome=incident.outcome,
            explanation=incident.explanation,
        )
        self.engine.process(faults.apply(host, incident))
        return incident

    def advance(self, dt_s: float) -> None:
        """Advance simulated time by `dt_s` seconds."""
        self.run_until(self.now + dt_s)

    def run_until(self, t_s: float) -> None:
        """Process every event before `t_s` (half-open), then set the clock to `t_s`."""
        with fewer_collections():  # sim/garbage.py says why, and why only during the run
            self.engine.run_until(t_s)

    def next_event_s(self) -> float:
        """Return when the next event happens (math.inf when nothing is scheduled)."""
        return self.engine.peek()

    def step(self) -> float:
        """Process every event at the next instant that has events; return the new time."""
        t = self.engine.peek()
        if math.isinf(t):
            return self.now
        with fewer_collections():
            self.engine.run_through(t)
        return self.now

    def subscribe(self, callback: Callable[[LogEntry], None]) -> None:
        """Call `callback(entry)` for every log entry from now on."""
        self.recorder.subscribe(callback)

    # ------------------------------------------------------------------ looking
    def density(self, host_id: str = "") -> tuple[DensityRow, ...]:
        """Return, per catalog template, how many more fit on a host and why not more."""
        host = self.hosts[host_id] if host_id else self.host
        pending = self._snapshots.host(host).pending_mib()
        return tuple(max_additional(host, t, pending) for t in self.catalog.templates.values())

    def snapshot(self, host_id: str = "") -> Snapshot:
        """Return everything a view of one host (the first by default) needs, as of now."""
        host = self.hosts[host_id] if host_id else self.host
        kept = self._snapshots
        guests, tally = kept.host(host).guests(self.moves, self._guests)
        snap = Snapshot(
            time_s=self.now,
            seed=self.seed,
            host=host.view(),
            guests=guests,
            memory_mib=host.ledger.row(),
            series=host.recorder.series(),
            log=self.recorder.log_view(),
            oom_times_s=kept.frozen(f"oom:{host.id}", host.recorder.oom_times_s),
            density=self.density(host.id),
            events_processed=self.engine.events_processed,
            incidents=kept.frozen("incidents", self.incidents),
            workloads=kept.frozen("workloads", self.workload_results),
            host_ids=tuple(self.hosts),
            moves=kept.moves(self.moves),
            templates=kept.templates(host),
            hosts=tuple(h.view() for h in self.hosts.values()),
        )
        snap.keep_tally(tally)
        return snap

    def current_scenario(self) -> Scenario:
        """Return the scenario plus the guests added interactively, to save and replay."""
        return replace(
            self.scenario,
            guests=self.scenario.guests + tuple(self._added),
            configs=dict(self._configs),
            actions=self.scenario.actions + tuple(self._actions),
        )

    def results(self) -> dict[str, Any]:
        """Return the run as the JSON object `python -m sim run --json` prints (sim/report.py)."""
        from sim import report

        return report.results(self)

    def export(self, directory: str | Path) -> list[Path]:
        """Write every host's JSON and CSV files as the folder `directory` (sim/report.py)."""
        from sim import report

        return report.export(self, directory)

    # ------------------------------------------------------------------ internals
    def _next_id(self, template_id: str, offset: int = 0) -> str:
        return f"{template_id}-{self._counters.get(template_id, 0) + 1 + offset}"

    def _create(self, template_id: str, gid: str | None = None, host_id: str = "") -> Guest:
        if gid is None:
            gid = self._next_id(template_id)
            self._counters[template_id] = self._counters.get(template_id, 0) + 1
        host = self.hosts[host_id] if host_id else self.host
        config = self._configs.get(gid, self._template_configs.get(template_id, _NO_CONFIG))
        # A sandbox starts on the gVisor platform or Kata hypervisor its settings choose.
        template = profiled(self.catalog, self.catalog.templates[template_id], config)
        guest = Guest(gid, template, self.now, config=config, host_id=host.id)
        host.attach(guest)
        self._guests[guest.id] = guest
        host.log(
            "guest_added",
            guest,
            guest=guest.id,
            template=template_id,
            host=host.id,
            name=guest.template.name,
        )
        guest.process = self.engine.process(lifecycle.start(host, guest, self._client))
        return guest

    def _add_later(
        self, spec: GuestSpec, ids: list[str] | None = None
    ) -> Generator[Event, object, None]:
        if spec.at_s > self.now:
            yield self.engine.timeout(spec.at_s - self.now)
        for i in range(spec.count):
            if i and spec.stagger_s > 0:
                yield self.engine.timeout(spec.stagger_s)
            self._create(spec.template, ids[i] if ids else None, spec.host)

    def _remember(
        self, action: str, targets: tuple[str, ...], **fields: Unpack[_ActionFields]
    ) -> None:
        if not self._replaying:
            self._actions.append(ActionSpec(self.now, action, targets, **fields))

    def _act_later(self, action: ActionSpec) -> Generator[Event, object, None]:
        if action.at_s > self.now:
            yield self.engine.timeout(action.at_s - self.now)
        self._replaying = True
        try:
            self._act(action)
        finally:
            self._replaying = False

    def _act(self, action: ActionSpec) -> None:
        # Each target once, in order; one may end because of another (a panic), so each is
        # checked when its turn comes.
        unique = list(dict.fromkeys(action.targets))
        targets = [g for g in unique if g in self._guests and self._guests[g].live]
        for gid in sorted(set(unique) - set(targets)):
            self._skip(action, gid)
        if action.action == "workload":
            self.run_workload(action.workload, targets)
            return
        fault = action.exploit if action.action == "exploit" else action.action
        for gid in targets:
            if not self._guests[gid].live:
                self._skip(action, gid)
            elif action.action == "remove":
                self.remove_guest(gid)
            elif action.action == "move":
                self._move(action, gid)
            else:
                self.inject(
                    fault,
                    gid,
                    rate_mib_s=action.rate_mib_s or 100.0,
                    duration_s=action.duration_s or 30.0,
                )

    def _move(self, action: ActionSpec, gid: str) -> None:
        """Move a guest as a scenario says, or log why it cannot go that way now."""
        if self.host_of(gid).id == action.to:
            return
        try:
            self.move_guest(gid, action.to, action.mode or "cold")
        except ValueError:  # e.g. a live move of a VM still booting: the log says skipped
            self._skip(action, gid)

    def _skip(self, action: ActionSpec, gid: str) -> None:
        self.host.log("action_skipped", None, guest=gid, action=action.action)

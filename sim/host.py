"""The simulated host: shared resources, its books, its guests' states and the OOM killer.

Resources are fluid fair-share (CPU cores, disk read and write bandwidth, registry bandwidth) so
concurrent starts slow each other down; the container daemon's network set-up is a FIFO lock.
Guests are started by `sim.lifecycle`. What they hold is charged and released through this
host's books only: memory (`memory`, sim.hostmemory, over the `ledger`), countable resources
(`counters`, sim.resources) and images (`images`, sim.images). Every state change of a guest
goes through `change_state`, which releases what a guest holds when it stops being live.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping

import numpy as np

from sim import states
from sim.catalog import HostPreset
from sim.engine import Engine, Event, Process
from sim.eventlog import WordedEntry, new_entry
from sim.fairshare import FairShare
from sim.guest import Guest
from sim.hostmemory import HostMemory, NoRoom
from sim.images import ImageStore
from sim.jitter import Jitter, Policy
from sim.lock import FifoLock, SerialQueue
from sim.memory import MemoryLedger
from sim.recorder import Recorder
from sim.resources import Counters
from sim.snapshot import HostView
from sim.states import GuestGone, GuestKilled
from sim.vocabulary import EVENT_TEXT, FAULTS

__all__ = ["GuestGone", "GuestKilled", "Host", "Jitter", "NoRoom", "Policy", "WordedEntry"]


class Slots:
    """A counting semaphore: at most `count` holders, the others granted in arrival order."""

    def __init__(self, engine: Engine, count: int) -> None:
        self.engine = engine
        self.free = count
        self._waiting: deque[Event] = deque()

    def acquire(self) -> Event:
        """Return an event that succeeds when a slot is the caller's."""
        granted = self.engine.event()
        if self.free > 0:
            self.free -= 1
            granted.succeed()
        else:
            self._waiting.append(granted)
        return granted

    def release(self) -> None:
        """Give the slot to the next waiter, or back to the pool."""
        if self._waiting:
            self._waiting.popleft().succeed()
        else:
            self.free += 1

    def leave(self, granted: Event) -> None:
        """Give back the slot `granted` holds, or stop waiting for one."""
        if granted.triggered:
            self.release()
        else:
            self._waiting.remove(granted)


class Host:
    """One machine: what it has, what its guests hold, and who gets killed when RAM runs out."""

    def __init__(
        self,
        engine: Engine,
        preset: HostPreset,
        policy: Policy,
        model: Mapping[str, float],
        rng: np.random.Generator,
        recorder: Recorder,
        log_sink: Recorder | None = None,
        host_id: str = "main",
        jitter: Jitter | None = None,
    ) -> None:
        self.id = host_id
        self.engine = engine
        self.preset = preset
        self.policy = policy
        self.model = model
        self.jitter = jitter or Jitter(rng, model["jitter_sigma"])
        self.recorder = recorder  # this host's memory series and OOM times
        self.log_sink = log_sink or recorder  # the session's one event log
        self.utility_vm = False  # a Linux VM that runs Linux containers on a Windows host
        self.utility_vm_boot: Event | None = None
        self.utility_vm_spec: Mapping[str, float] = {}
        self.cpu = FairShare(engine, preset.cores, "cpu")
        self.disk_read = FairShare(engine, preset.disk_read_mib_s, "disk-read")
        self.disk_write = FairShare(engine, preset.disk_write_mib_s, "disk-write")
        self.registry = FairShare(engine, preset.registry_mib_s, "registry")
        self.membw = FairShare(engine, preset.membw_gib_s, "memory-bandwidth")
        self.iops = FairShare(engine, preset.disk_iops, "disk-iops")
        self.network_lock = FifoLock(engine, "daemon-network")  # the default bridge network's
        # The daemons' metadata stores: one commit at a time, each as long as a durable write.
        self.store = SerialQueue(engine)
        self.sync_s = preset.disk_sync_ms / 1000
        # dockerd's max-concurrent-downloads: layers beyond it wait for a free download slot.
        self.download_slots = Slots(engine, int(model["concurrent_downloads"]))
        self.down = False  # the host kernel panicked
        self.compromised = False  # an escape reached the host
        swap_mib = preset.swap_gib * 1024 if policy.swap else 0.0
        self.ledger = MemoryLedger(preset.ram_gib * 1024, swap_mib)
        self.counters = Counters(preset)
        self.images = ImageStore(self.ledger, self.counters, model["page_cache_fraction"])
        self.guests: dict[str, Guest] = {}  # every guest on this host, live or ended
        self._live: dict[str, Guest] = {}  # the live ones, in arrival order
        # For snapshots kept up to date change by change (sim.snapshot_cache): the ids of guests
        # whose view changed, and a count of guests taken off `guests` (which then reorders).
        self.changed_ids: set[str] = set()
        self.departures = 0
        self.footprints: dict[tuple[str, str], float] = {}  # density's per-template memory
        self.fixed_facts: dict[str, tuple[bool, bool]] = {}  # density's (vm_like, no platform)
        self.on_sample: Callable[[Host], None] | None = None  # tests check invariants here
        self.memory = HostMemory(
            host_id, self.ledger, self.images, policy, self.end, self.log, self.sample
        )
        # A host too small for its own kernel would otherwise start with a silently empty layer.
        if not self.ledger.take("host_kernel", preset.host_kernel_mib, swap=False) or (
            preset.runtime and not self.ledger.take("runtime", preset.runtime_mib, swap=False)
        ):
            raise ValueError(
                f"{preset.ram_gib:g} GiB of RAM cannot hold the host's own kernel "
                "and container runtime"
            )
        self.sample()

    # ------------------------------------------------------------------ facts and log

    def cpu_work(self, guest: Guest | None, seconds: float) -> float:
        """Return the core-seconds this host needs for `seconds` of reference-host CPU work.

        A slower core needs longer; a guest in its own VM on a hosted (type-2) hypervisor also
        pays that hypervisor's overhead.
        """
        work = seconds / self.preset.cpu_speed
        if guest is not None and guest.traits.in_own_vm and self.preset.hypervisor == "type2":
            work *= self.model["type2_vm_cpu_overhead"]
        return work

    def view(self) -> HostView:
        """Return the host's fixed properties."""
        p = self.preset
        return HostView(
            p.id,
            p.name,
            p.cores,
            p.ram_gib * 1024,
            self.ledger.swap_mib,
            p.disk_gib,
            p.arch,
            p.hypervisor,
            p.runtime,
            p.pid_max,
            p.bridge_ports,
            self.down,
            self.compromised,
            p.os,
            self.utility_vm,
            self.id,
            p.vcpu_per_core,
        )

    def log(self, code: str, who: Guest | None, **params: object) -> None:
        """Record one discrete fact in the event log, worded by sim.vocabulary."""
        if code not in EVENT_TEXT:
            raise KeyError(f"event code {code!r} has no sentence in sim.vocabulary")
        self.log_sink.emit(new_entry(self.engine.now, code, who.id if who else None, params))

    def sample(self) -> None:
        """Record the ledger now."""
        self.recorder.append_row(self.ledger.sample(self.engine.now))
        if self.on_sample is not None:
            self.on_sample(self)

    def live_guests(self) -> list[Guest]:
        """Return guests that are starting or running, in the order they arrived."""
        return list(self._live.values())

    # Read-only figures of the books, under the names density and the tests use.
    pids_used = property(lambda self: self.counters.pids_used)
    ports_used = property(lambda self: self.counters.ports_used)
    vcpus_committed = property(lambda self: self.counters.vcpus_committed)
    disk_used_gib = property(lambda self: self.counters.disk_used_gib)
    layers_present = property(lambda self: self.images.layers_present)
    page_cache = property(lambda self: self.images.page_cache)

    # ------------------------------------------------------------------ guests come and go
    def attach(self, guest: Guest) -> None:
        """Put a new guest (pending) or an arriving one (moving) on this host, pending."""
        if guest.state == "moving":
            guest.host_id = self.id
            guest.report_to(self.changed_ids)
            self.guests[guest.id] = guest
            self.change_state(guest, "pending")
            return
        if guest.state != "pending":
            raise states.IllegalTransition(f"{guest.id} is {guest.state}, not new")
        guest.host_id = self.id
        guest.report_to(self.changed_ids)
        self.guests[guest.id] = guest
        self._arrive(guest)

    def detach(self, guest: Guest) -> None:
        """Take a guest that is moving away off this host's list."""
        if guest.state != "moving":
            raise states.IllegalTransition(
                f"{guest.id} is {guest.state}: only a moving guest leaves its host"
            )
        del self.guests[guest.id]
        self.departures += 1

    def change_state(self, guest: Guest, new: str, reason: str | None = None) -> None:
        """Change `guest`'s state by the table in sim.states, releasing what it holds on leaving.

        Raises IllegalTransition for a change the table does not allow.
        """
        old = guest.state
        if new not in states.TRANSITIONS[old]:
            states.check(old, new)  # raises, naming both states
        guest.state = new
        if reason is not None:
            guest.reason = reason
        guest.changed()
        if new == "moving":
            # On the target the guest starts afresh: its timeline shows the move, then the start.
            guest.spans.clear()
            guest.created_s = self.engine.now
            guest.ready_s = None
        if old in states.HOLDING and new not in states.HOLDING:
            self._leave(guest)
            self._stop(guest)
        elif new in states.HOLDING and old not in states.HOLDING:
            guest.reason = None
            self._arrive(guest)
        elif old not in states.HOLDING:
            self._stop(guest)  # removed on its way to another host: the move stops too

    def advance(self, guest: Guest, new: str) -> None:
        """Move a live guest on in its start; raise GuestGone when it ended meanwhile."""
        if guest.state not in states.HOLDING:
            raise GuestGone(guest.id)
        self.change_state(guest, new)

    def end(self, guest: Guest, state: str, reason: str, code: str | None = None) -> bool:
        """End `guest` (killed, crashed, failed, stopped or moving) and log it; False if moot."""
        if not states.allowed(guest.state, state):
            return False
        resident = guest.resident_mib
        self.change_state(guest, state, reason)
        if code == "oom_kill":
            self.recorder.mark_oom(self.engine.now)
            self.log(
                "oom_kill", guest, guest=guest.id, resident_mib=round(resident, 1), reason=reason
            )
        elif code:
            self.log(code, guest, guest=guest.id, reason=reason)
        self.sample()
        return True

    def depart(self, guest: Guest) -> bool:
        """Stop `guest` here to move it (it holds nothing until it arrives); False if not live."""
        return guest.state in states.HOLDING and self.end(guest, "moving", "moved")

    def remove(self, guest: Guest) -> None:
        """Stop `guest` at the teacher's request (also on its way to another host)."""
        self.end(guest, "stopped", "removed", code="guest_removed")

    def track(self, guest: Guest, name: str, process: Process) -> None:
        """Remember a fault or workload running in `guest`: it stops when the guest stops."""
        alive = tuple(a for a in guest.activities if a[1].is_alive)
        guest.activities = (*alive, (name, process))

    def _arrive(self, guest: Guest) -> None:
        self._live[guest.id] = guest
        self.images.use(guest.template.image, +1)

    def _leave(self, guest: Guest) -> None:
        """Release all a guest holds (it just stopped being live)."""
        del self._live[guest.id]
        self.images.use(guest.template.image, -1)
        self.memory.release(guest)
        self.counters.release(guest)

    def _stop(self, guest: Guest) -> None:
        """Interrupt what drives the guest and what runs in it (not the caller itself)."""
        running = self.engine.active_process
        for name, process in guest.activities:
            if process.is_alive and process is not running:
                process.interrupt(guest.state)
                if name in FAULTS:
                    self.log("fault_stopped", guest, guest=guest.id, fault=name, state=guest.state)
        guest.activities = ()
        driver = guest.process
        if driver is not None and driver.is_alive and driver is not running:
            driver.interrupt(guest.state)

    # ------------------------------------------------------------------ counted resources
    def admit(self, guest: Guest) -> str | None:
        """Take the guest's PIDs, vCPUs and disk; return why it cannot start, or None."""
        if self.down:
            return "host_down"
        return self.counters.admit(guest, guest.template, guest.traits.vm_like)

    def take_bridge_port(self, guest: Guest) -> bool:
        """Attach the guest to the bridge; False when every port is taken ("exchange full")."""
        if guest.state not in states.HOLDING:
            raise GuestGone(guest.id)
        return self.counters.take_bridge_port(guest)

    def fork(self, guest: Guest, wanted: int, limit: int) -> int:
        """Fork up to `wanted` processes in `guest`, within its limits; return how many."""
        if guest.state not in states.HOLDING:
            raise GuestGone(guest.id)
        granted = self.counters.fork(guest, wanted, limit)
        guest.changed()
        return granted

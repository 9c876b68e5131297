"""The simulated host: shared resources, the memory ledger, guests and the OOM killer.

Resources are fluid fair-share (CPU cores, disk read and write bandwidth, registry bandwidth) so
concurrent starts slow each other down; the container daemon's network set-up is a FIFO lock.
Guests are started by `sim.lifecycle`; this class owns what they hold and takes it back.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from sim.catalog import HostPreset, Image, Template
from sim.engine import Engine, Event
from sim.fairshare import FairShare
from sim.guest import Guest
from sim.lock import FifoLock
from sim.memory import MemoryLedger
from sim.recorder import Recorder
from sim.snapshot import HostView, LogEntry

# Layers KSM may merge and a guest may fill from its idle RAM; guest RAM is bounded by its size.
INSIDE_LAYERS = ("guest_kernel", "guest_os", "guest_idle", "app", "container", "runtime")


@dataclass(frozen=True, slots=True)
class Policy:
    """How the host manages memory."""

    memory: str = "overcommit"  # or "reserve": a VM's configured RAM is taken when it starts
    ksm: bool = False
    swap: bool = False


class Jitter:
    """Log-normal factors for phase durations, from the session's one seeded generator.

    Normals are drawn a block at a time (the same values, in the same order, as one call each:
    numpy draws a block sequentially), because a scalar numpy call costs more than the rest of
    a phase's bookkeeping. Every host of a session shares one Jitter, so the order of draws is
    the order in which phases start, whatever host they run on.
    """

    BLOCK = 1024

    def __init__(self, rng: np.random.Generator, sigma: float) -> None:
        self._rng = rng
        self._sigma = sigma
        self._normals: list[float] = []

    def factor(self) -> float:
        """Return the next factor, exp(N(0, sigma))."""
        if not self._normals:
            self._normals = self._rng.normal(0.0, self._sigma, self.BLOCK).tolist()[::-1]
        return math.exp(self._normals.pop())


class GuestKilled(Exception):
    """Raised inside a guest's own start when the OOM killer picked that guest."""


class Host:
    """One machine: what it has, what its guests hold, and who gets killed when RAM runs out."""

    def __init__(self, engine: Engine, preset: HostPreset, policy: Policy,
                 model: Mapping[str, float], rng: np.random.Generator, recorder: Recorder,
                 capacity: Mapping[str, float], log_sink: Recorder | None = None,
                 host_id: str = "main", jitter: Jitter | None = None) -> None:
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
        self.membw = FairShare(engine, capacity["membw_gib_s"], "memory-bandwidth")
        self.iops = FairShare(engine, capacity["iops"], "disk-iops")
        self.network_lock = FifoLock(engine, "daemon-network")
        self.down = False         # the host kernel panicked
        self.compromised = False  # an escape reached the host
        swap_mib = preset.swap_gib * 1024 if policy.swap else 0.0
        self.ledger = MemoryLedger(preset.ram_gib * 1024, swap_mib)
        self.guests: dict[str, Guest] = {}
        self.pids_used = preset.host_pids
        self.ports_used = 0
        self.vcpus_committed = 0.0
        self.disk_used_gib = 0.0
        self.layers_present: set[str] = set()
        self.layer_pulls: dict[str, Event] = {}  # layers being pulled now, to wait on
        self.page_cache: dict[str, float] = {}   # image id -> MiB cached
        self.footprints: dict[tuple[str, str], float] = {}  # density's per-template memory
        self._swapping = False
        # A host too small for its own kernel would otherwise start with a silently empty layer.
        if not self.ledger.take("host_kernel", preset.host_kernel_mib, swap=False) or (
            preset.runtime and not self.ledger.take("runtime", preset.runtime_mib, swap=False)
        ):
            raise ValueError(f"{preset.ram_gib:g} GiB of RAM cannot hold the host's own kernel "
                             "and container runtime")
        self.sample()

    # ------------------------------------------------------------------ facts and log
    def view(self) -> HostView:
        """Return the host's fixed properties."""
        p = self.preset
        return HostView(p.id, p.name, p.cores, p.ram_gib * 1024, self.ledger.swap_mib,
                        p.disk_gib, p.arch, p.hypervisor, p.runtime, p.pid_max, p.bridge_ports,
                        self.down, self.compromised, p.os, self.utility_vm, self.id)

    def log(self, code: str, who: Guest | None, message: str, **params: object) -> None:
        """Record one discrete fact in the event log."""
        gid = who.id if who else None
        self.log_sink.emit(LogEntry(self.engine.now, code, gid, params, message))

    def sample(self) -> None:
        """Record the ledger now."""
        self.recorder.sample(self.engine.now, self.ledger.values())

    def live_guests(self) -> list[Guest]:
        """Return guests that are starting or running."""
        return [g for g in self.guests.values() if g.live]

    # ------------------------------------------------------------------ memory
    def alloc(self, guest: Guest | None, layer: str, mib: float) -> None:
        """Make `mib` resident in `layer` for `guest` (None: the host), killing guests if short.

        Raises GuestKilled when the OOM killer chose `guest` itself.
        """
        if mib <= 0:
            return
        while not self.ledger.take(layer, mib, self.policy.swap):
            if self._reclaim_page_cache():
                continue
            victim = max(self.live_guests(), key=lambda g: (g.resident_mib, g.id), default=None)
            if victim is None:
                raise MemoryError("the host cannot hold its own kernel")
            self.kill(victim, "killed", "oom", code="oom_kill")
            if victim is guest:
                raise GuestKilled(guest.id)
        if self.ledger.swap_used > 0 and not self._swapping:
            self._swapping = True
            self.log("swap_started", guest, "RAM is full: the host starts swapping", mib=mib)
        if guest is not None:
            guest.memory[layer] = guest.memory.get(layer, 0.0) + mib
            guest.changed()
        self.sample()

    def alloc_inside(self, guest: Guest, layer: str, mib: float) -> None:
        """Let a VM-like guest use `mib` more in `layer`, first from RAM it already touched."""
        idle = guest.memory.get("guest_idle", 0.0)
        reuse = min(mib, idle)
        if reuse > 0:
            guest.memory["guest_idle"] = idle - reuse
            guest.memory[layer] = guest.memory.get(layer, 0.0) + reuse
            self.ledger.move("guest_idle", layer, reuse)
            guest.changed()
        # Pages KSM merged must be copied back before the guest writes them.
        merged_idle = guest.merged.get("guest_idle", 0.0)
        unmerge = min(mib - reuse, merged_idle)
        if unmerge > 0:
            guest.merged["guest_idle"] = merged_idle - unmerge
            self.ledger.ksm_saved -= unmerge
        room = guest.template.memory_mib - guest.inside_mib()
        self.alloc(guest, layer, min(mib - reuse, room + unmerge))

    def reserve(self, guest: Guest) -> bool:
        """Take all of a VM's RAM up front (reserve policy); False if it does not fit."""
        mib = guest.template.memory_mib - guest.inside_mib()
        if not self.ledger.take("guest_idle", mib, swap=False):
            return False
        guest.memory["guest_idle"] = guest.memory.get("guest_idle", 0.0) + mib
        guest.changed()
        self.sample()
        return True

    def cache_image(self, image: Image) -> None:
        """Bring the part of `image` read at start into the shared page cache, once per host."""
        if image.id not in self.page_cache:
            mib = image.extracted_mib * self.model["page_cache_fraction"]
            self.alloc(None, "page_cache", mib)
            self.page_cache[image.id] = mib

    def _reclaim_page_cache(self) -> bool:
        """Drop the page cache of one image no live container uses; False if there is none."""
        in_use = {g.template.image.id for g in self.live_guests() if g.template.image}
        for image_id, mib in self.page_cache.items():
            if image_id not in in_use:
                del self.page_cache[image_id]
                self.ledger.give("page_cache", mib)
                return True
        return False

    # ------------------------------------------------------------------ ending guests
    def kill(self, guest: Guest, state: str, reason: str, code: str | None = None) -> None:
        """End `guest` (killed, crashed, failed or stopped), free what it held and log it."""
        if not guest.live:
            return
        resident = guest.resident_mib
        self.release(guest)
        guest.state = state
        guest.reason = reason
        guest.changed()
        process = guest.process
        if process is not None and process.is_alive and self.engine.active_process is not process:
            process.interrupt(reason)
        if code == "oom_kill":
            self.recorder.mark_oom(self.engine.now)
            self.log("oom_kill", guest, f"Out of memory: killed {guest.id} "
                     f"({resident:.0f} MiB resident, the largest guest)",
                     guest=guest.id, resident_mib=round(resident, 1), reason=reason)
        elif code:
            self.log(code, guest, f"{guest.id}: {code} ({reason})", guest=guest.id, reason=reason)
        self.sample()

    def release(self, guest: Guest) -> None:
        """Give back everything `guest` holds."""
        for layer, mib in guest.memory.items():
            self.ledger.give(layer, mib)
        self.ledger.ksm_saved -= sum(guest.merged.values())
        guest.memory.clear()
        guest.merged.clear()
        self.pids_used -= guest.pids
        guest.pids = 0
        if guest.bridge_port:
            self.ports_used -= 1
            guest.bridge_port = False
        self.vcpus_committed -= guest.vcpus
        guest.vcpus = 0.0
        self.disk_used_gib -= guest.disk_gib
        guest.disk_gib = 0.0

    def remove(self, guest: Guest) -> None:
        """Stop `guest` at the teacher's request."""
        self.kill(guest, "stopped", "removed", code="guest_removed")

    def admit(self, guest: Guest, template: Template) -> str | None:
        """Take the guest's PIDs, vCPUs and disk; return why it cannot start, or None."""
        p = self.preset
        if self.down:
            return "host_down"
        if self.pids_used + template.pids > p.pid_max:
            return "pids"
        if template.is_vm_like and (
            self.vcpus_committed + template.vcpus > p.cores * p.vcpu_per_core + 1e-9
        ):
            return "cpu"
        if self.disk_used_gib + template.disk_gib > p.disk_gib:
            return "disk"
        self.pids_used += template.pids
        guest.pids = template.pids
        if template.is_vm_like:
            self.vcpus_committed += template.vcpus
            guest.vcpus = template.vcpus
        self.disk_used_gib += template.disk_gib
        guest.disk_gib = template.disk_gib
        return None

    def take_bridge_port(self, guest: Guest) -> bool:
        """Attach the guest to the bridge; False when every port is taken ("exchange full")."""
        if self.ports_used >= self.preset.bridge_ports:
            return False
        self.ports_used += 1
        guest.bridge_port = True
        return True

"""What a guest holds and the host's countable resources: PIDs, bridge ports, vCPUs, disk.

`Holdings` is one guest's share of its host; `Counters` is the host's side of the same books.
Only `Counters` (and `sim.memory.MemoryLedger` for memory) changes either, so a charge and its
release are written once: taking a PID adds it to both sides, releasing a guest removes all it
holds from both, and nothing else writes these numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sim import vcpu_policy
from sim.catalog import HostPreset, Template

# vCPU commitment is compared with a float product; this much is treated as equal.
EPSILON_VCPU = 1e-9


@dataclass(slots=True, kw_only=True)
class Holdings:
    """What one guest (a `Guest` is one) or the host's own Linux VM holds right now."""

    # Resident MiB by layer (this guest's share; shared page cache belongs to the host).
    memory: dict[str, float] = field(default_factory=dict)
    # MiB of each layer that KSM has merged away (no longer resident).
    merged: dict[str, float] = field(default_factory=dict)
    pids: int = 0
    bridge_port: bool = False
    vcpus: float = 0.0
    disk_gib: float = 0.0

    @property
    def resident_mib(self) -> float:
        """Return resident memory over all layers."""
        return sum(self.memory.values())

    def empty(self) -> bool:
        """Return whether the guest holds nothing at all."""
        return (
            not any(self.memory.values())
            and not any(self.merged.values())
            and self.pids == 0
            and not self.bridge_port
            and self.vcpus == 0
            and self.disk_gib == 0
        )


class Counters:
    """A host's PIDs, bridge ports, committed vCPUs and used disk, and who holds them."""

    def __init__(self, preset: HostPreset) -> None:
        self.preset = preset
        self.pids_used = preset.host_pids
        self.ports_used = 0
        self.vcpus_committed = 0.0
        self.disk_used_gib = 0.0  # guests' disks plus image layers stored on the host

    def admit(self, held: Holdings, template: Template, vm_like: bool) -> str | None:
        """Take a starting guest's PIDs, vCPUs and disk; return the limit that refuses it."""
        p = self.preset
        if self.pids_used + template.pids > p.pid_max:
            return "pids"
        if vm_like and (
            template.vcpus
            > vcpu_policy.room(p.cores, p.vcpu_per_core, self.vcpus_committed) + EPSILON_VCPU
        ):
            return "cpu"
        if self.disk_used_gib + template.disk_gib > p.disk_gib:
            return "disk"
        self.pids_used += template.pids
        held.pids += template.pids
        if vm_like:
            self.vcpus_committed += template.vcpus
            held.vcpus += template.vcpus
        self.disk_used_gib += template.disk_gib
        held.disk_gib += template.disk_gib
        return None

    def take_bridge_port(self, held: Holdings) -> bool:
        """Attach the guest to the bridge; False when every port is taken ("exchange full")."""
        if held.bridge_port:
            return True
        if self.ports_used >= self.preset.bridge_ports:
            return False
        self.ports_used += 1
        held.bridge_port = True
        return True

    def fork(self, held: Holdings, wanted: int, limit: int) -> int:
        """Give the guest up to `wanted` more PIDs, within `limit` (0: none) and pid_max."""
        room = self.preset.pid_max - self.pids_used
        if limit > 0:
            room = min(room, limit - held.pids)
        granted = max(0, min(wanted, room))
        self.pids_used += granted
        held.pids += granted
        return granted

    def store(self, gib: float) -> None:
        """Count `gib` of image layers written to the host's disk (the host's, not a guest's)."""
        self.disk_used_gib += gib

    def release(self, held: Holdings) -> None:
        """Give back every PID, port, vCPU and GiB of disk the guest holds."""
        self.pids_used -= held.pids
        held.pids = 0
        if held.bridge_port:
            self.ports_used -= 1
            held.bridge_port = False
        self.vcpus_committed -= held.vcpus
        held.vcpus = 0.0
        self.disk_used_gib -= held.disk_gib
        held.disk_gib = 0.0

"""Per-guest settings a class can change: networking, vCPU pinning, limits and hardening.

Defaults are what Docker and libvirt do out of the box (assets/catalog/security.toml cites them);
each setting changes the outcome of a workload or a fault, which is the point of the lesson.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from sim.vocabulary import HARDENING as HARDENING
from sim.vocabulary import NETWORKS as NETWORKS


@dataclass(frozen=True, slots=True)
class GuestConfig:
    """Settings of one guest. Limits of 0 mean "no limit"."""

    network: str = "nat"  # containers: Docker's bridge with NAT, or host networking
    vcpu_pinning: bool = False  # VMs: vCPUs pinned to cores ("tuned" KVM)
    # VMs: Hyper-V synthetic timers for Windows guests (hv-synic, hv-stimer); off as
    # virt-manager creates a Windows VM (sim.netpaths, workloads.toml [idle])
    hyperv_enlightenments: bool = False
    memory_limit_mib: float = 0.0  # containers: cgroup memory.max
    pids_limit: int = 0  # containers: cgroup pids.max
    cpu_quota: float = 0.0  # containers: cgroup cpu.max, in cores
    seccomp: bool = True
    apparmor: bool = True
    selinux: bool = False
    userns: bool = False
    privileged: bool = False

    def facts(self) -> set[str]:
        """Return the hardening settings that are on (privileged counts as a fact too)."""
        return {name for name in HARDENING if getattr(self, name)}

    def changed_fields(self) -> dict[str, object]:
        """Return the settings that differ from the defaults, for saving a scenario."""
        default = GuestConfig()
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if getattr(self, f.name) != getattr(default, f.name)
        }

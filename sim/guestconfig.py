"""Per-guest settings a class can change: networking, vCPU pinning, limits, hardening, sandbox.

Defaults are what Docker and libvirt do out of the box (assets/catalog/security.toml cites them),
and what a current gVisor or Kata install uses (assets/catalog/templates.toml, sandbox_profiles);
each setting changes the outcome of a start, a workload or a fault, which is the point of the
lesson.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from sim.fields import Table
from sim.vocabulary import HARDENING as HARDENING
from sim.vocabulary import NETWORKS as NETWORKS

# The sandbox profiles (sim.sandbox_profiles), the default first: the one a current install uses.
GVISOR_PLATFORMS: tuple[str, ...] = ("systrap", "kvm", "ptrace")
KATA_HYPERVISORS: tuple[str, ...] = ("qemu", "clh", "firecracker")
SANDBOX_SETTINGS: dict[str, tuple[str, ...]] = {
    "gvisor_platform": GVISOR_PLATFORMS,
    "kata_hypervisor": KATA_HYPERVISORS,
}
# What a file may set: choices for texts, upper bounds for numbers (beyond them, a typo).
CHOICES: dict[str, tuple[str, ...]] = {"network": NETWORKS, **SANDBOX_SETTINGS}
HIGHEST = {"memory_limit_mib": 16_777_216, "pids_limit": 4_194_304, "cpu_quota": 4096}


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
    gvisor_platform: str = GVISOR_PLATFORMS[0]  # gVisor: how the Sentry intercepts system calls
    kata_hypervisor: str = KATA_HYPERVISORS[0]  # Kata: the VMM its pod's VM runs in

    def facts(self) -> set[str]:
        """Return the hardening settings that are on (privileged counts as a fact too)."""
        return {name for name in HARDENING if getattr(self, name)}

    def changed_fields(self) -> dict[str, object]:
        """Return the settings that differ from the defaults, for saving a scenario."""
        # Every guest view asks (sim.guest): the names and defaults are looked up once.
        return {
            name: value for name, default in _DEFAULTS if (value := getattr(self, name)) != default
        }


_DEFAULTS: tuple[tuple[str, object], ...] = tuple(
    (f.name, getattr(GuestConfig(), f.name)) for f in fields(GuestConfig)
)


def read_setting(t: Table, key: str) -> object:
    """Return the setting `key` of table `t`, checked (the default when it is missing)."""
    default = getattr(GuestConfig(), key)
    if isinstance(default, bool):
        return t.boolean(key, default)
    if isinstance(default, int):
        return t.integer(key, default, hi=HIGHEST[key])
    if isinstance(default, float):
        return t.number(key, default, hi=HIGHEST[key])
    return t.string(key, default, choices=CHOICES[key])


def read_config(t: Table) -> GuestConfig:
    """Return the settings of table `t`; keys it lacks keep their defaults."""
    t.only(GuestConfig.__slots__)
    return GuestConfig(**{k: read_setting(t, k) for k in GuestConfig.__slots__})  # type: ignore[arg-type]

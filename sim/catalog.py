"""The catalog: host presets, images and guest templates, loaded from assets/catalog/*.toml.

Numbers about the world live in those files, each with its source; this module only reads and
checks them. A catalog that lacks a source for a number is rejected, so every figure the window
shows can say where it came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from sim import footprint, kinds, vocabulary
from sim.assets import assets_dir
from sim.vocabulary import KINDS, LAYERS

if TYPE_CHECKING:
    from sim.netpaths import NetPaths
    from sim.references import Reference
    from sim.sandbox_profiles import SandboxProfile

ASSETS = assets_dir()
CATALOG_DIR = ASSETS / "catalog"
HYPERVISORS = vocabulary.HYPERVISORS
PHASE_NAMES = vocabulary.PHASES
REFERENCE_HOST = "classroom-server"
# Start-up reads are 4 KiB random reads (a boot touches scattered blocks of its image), so a
# boot storm queues on the disk's IOPS: with 50–100 concurrent boots the CPU adds only 10–30 %
# ([agache2020:boot]), so a full VM's storm penalty comes mostly from shared storage I/O.
# 1 MiB / 4 KiB = 256 I/Os.
IOS_PER_MIB = 256


class CatalogError(ValueError):
    """A catalog file is missing, malformed, or a number lacks its source."""


@dataclass(frozen=True, slots=True)
class HostPreset:
    """A host the class can simulate."""

    id: str
    name: str
    cores: int
    ram_gib: float
    swap_gib: float
    disk_gib: float
    disk_read_mib_s: float
    disk_write_mib_s: float
    registry_mib_s: float
    arch: str
    hypervisor: str
    runtime: bool
    host_kernel_mib: float
    runtime_mib: float
    host_pids: int
    pid_max: int
    bridge_ports: int
    vcpu_per_core: float
    ksm_scan_mib_s: float
    disk_kind: str  # "sata-ssd" or "nvme": what the disk numbers below are typical of
    disk_iops: float  # 4 KiB random reads per second at a deep queue
    membw_gib_s: float  # STREAM Triad of the whole host
    cpu_speed: float  # one core's Linpack rate, relative to the reference host's cores
    disk_sync_ms: float  # one small write made durable (write + fdatasync), in milliseconds
    sources: Mapping[str, str] = field(default_factory=dict)
    os: str = "linux"  # or "windows"


@dataclass(frozen=True, slots=True)
class Layer:
    """One image layer: downloaded compressed, stored extracted."""

    id: str
    compressed_mib: float
    extracted_mib: float
    source: str


@dataclass(frozen=True, slots=True)
class Image:
    """A container image: its layers, bottom first, and the platforms it was built for."""

    id: str
    layers: tuple[Layer, ...]
    platforms: tuple[str, ...]
    os: str = "linux"  # the kernel the image's binaries need

    @property
    def extracted_mib(self) -> float:
        """Return the image's size on disk."""
        return sum(layer.extracted_mib for layer in self.layers)


@dataclass(frozen=True, slots=True)
class PhaseSpec:
    """One start-up phase: its demands on an idle host and the memory it touches."""

    name: str
    cpu_s: float = 0.0
    io_mib: float = 0.0
    wait_s: float = 0.0
    lock: bool = False
    syncs: int = 0  # small store commits made durable (fdatasync) one writer at a time
    touch_all: bool = False
    alloc: Mapping[str, float] = field(default_factory=dict)
    source: str = ""

    def idle_duration_s(self, host: HostPreset, cap: float, iops: float) -> float:
        """Return how long the phase takes alone on `host` with a CPU cap of `cap` cores.

        Start-up reads are small random reads: `io_mib` costs `io_mib × IOS_PER_MIB` I/Os on a
        disk that serves `iops` of them per second.
        """
        cpu = self.cpu_s / host.cpu_speed / min(cap, host.cores)
        commits = self.syncs * host.disk_sync_ms / 1000
        return self.wait_s + cpu + self.io_mib * IOS_PER_MIB / iops + commits


@dataclass(frozen=True, slots=True)
class Template:
    """A kind of guest the class can add."""

    id: str
    kind: str
    name: str
    image: Image | None
    vcpus: float
    memory_mib: float
    pids: int
    disk_gib: float
    bridge: bool
    ksm_group: str | None
    phases: tuple[PhaseSpec, ...]
    sources: Mapping[str, str]
    vmm: str = ""  # the VMM process of a guest with its own kernel (a `Vmm` id), else ""
    ksm_mergeable: bool = False  # whether that VMM marks guest RAM for KSM (Vmm.mergeable)

    @property
    def is_vm_like(self) -> bool:
        """Return whether the guest has RAM of its own, bounded by `memory_mib` (sim.kinds)."""
        return kinds.traits(self).vm_like

    @property
    def in_own_vm(self) -> bool:
        """Return whether the guest runs inside a VM of its own, whatever its kind (sim.kinds)."""
        return kinds.traits(self).in_own_vm

    @property
    def on_user_space_kernel(self) -> bool:
        """Return whether a user-space kernel (gVisor's Sentry) answers its system calls."""
        return kinds.traits(self).user_space_kernel

    @property
    def platforms(self) -> tuple[str, ...]:
        """Return the CPU architectures the guest can run on natively."""
        return self.image.platforms if self.image else ("amd64",)

    @property
    def cpu_cap(self) -> float:
        """Return the most cores one of its start-up jobs may use."""
        return self.vcpus if self.vcpus > 0 else 1.0

    @property
    def expected_resident_mib(self) -> float:
        """Return its resident memory once running, alone, without KSM (overcommit policy)."""
        cache = footprint.page_cache_mib(self, Catalog.load().model["page_cache_fraction"])
        return footprint.resident_mib(self, reserve=False) + cache

    def expected_startup_s(self, host: HostPreset | None = None) -> float:
        """Return its start-up time alone on an idle host with its image cached."""
        catalog = Catalog.load()
        host = host or catalog.hosts[REFERENCE_HOST]
        return sum(p.idle_duration_s(host, self.cpu_cap, host.disk_iops) for p in self.phases)


@dataclass(frozen=True, slots=True)
class Vmm:
    """A virtual machine monitor: whether KSM may merge its guest RAM, and its own memory.

    A guest's VMM overhead is `fixed_mib + per_vcpu_mib × vCPUs + page_table_fraction × RAM`
    (`footprint.vmm_overhead_mib`).
    """

    id: str
    name: str
    mergeable: bool
    fixed_mib: float
    per_vcpu_mib: float
    page_table_fraction: float
    sources: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Workload:
    """A benchmark a class can run in guests (assets/catalog/workloads.toml)."""

    id: str
    name: str
    unit: str
    higher_is_better: bool
    resource: str  # "cpu", "membw", "iops" or "none"
    per_instance: float
    native: float
    duration_s: float
    source: str
    saturates: bool = False  # it takes all of its resource it can get (a deep-queue fio run)
    # "factor": native × the profile's factor; "stream", "requests", "idle": sim.netpaths
    model: str = "factor"


@dataclass(frozen=True, slots=True)
class Exploit:
    """An escape exploit and the rules that decide it (assets/catalog/security.toml)."""

    id: str
    name: str
    target: str  # "runc", "host-kernel" or "qemu-fdc"
    disclosed: str
    blocked_by: tuple[str, ...]
    privileged_bypasses: bool
    source: str


@dataclass(frozen=True, slots=True)
class Catalog:
    """Everything loaded from one catalog folder."""

    hosts: Mapping[str, HostPreset]
    images: Mapping[str, Image]
    templates: Mapping[str, Template]
    model: Mapping[str, float]
    model_sources: Mapping[str, str]
    workloads: Mapping[str, Workload] = field(default_factory=dict)
    # profile id -> workload id -> (factor, source)
    profiles: Mapping[str, Mapping[str, tuple[float, str]]] = field(default_factory=dict)
    exploits: Mapping[str, Exploit] = field(default_factory=dict)
    reach: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    hardening: Mapping[str, bool] = field(default_factory=dict)
    # Docker Desktop's Linux VM on a Windows host: boot time and memory by layer.
    utility_vm: Mapping[str, float] = field(default_factory=dict)
    # The publications the sources above cite (assets/catalog/references.toml), by id.
    references: Mapping[str, Reference] = field(default_factory=dict)
    # gVisor platforms and Kata hypervisors, by guest setting then choice (sim.sandbox_profiles).
    sandbox_profiles: Mapping[str, Mapping[str, SandboxProfile]] = field(default_factory=dict)
    # Network paths and idle timers by runtime profile (sim.netpaths), from workloads.toml.
    netpaths: NetPaths | None = None
    # The VMMs templates run in (model.toml [vmms]), by id.
    vmms: Mapping[str, Vmm] = field(default_factory=dict)

    @staticmethod
    @cache
    def load(directory: Path = CATALOG_DIR) -> Catalog:
        """Load and check the catalog in `directory` (cached: it never changes at run time)."""
        from sim.catalog_loader import load_catalog

        return load_catalog(directory)


def frozen(mapping: dict[str, Any]) -> Mapping[str, Any]:
    """Return a read-only view of `mapping`."""
    return MappingProxyType(mapping)


__all__ = [
    "Catalog",
    "CatalogError",
    "Exploit",
    "HostPreset",
    "Image",
    "Layer",
    "PhaseSpec",
    "Template",
    "Workload",
    "HYPERVISORS",
    "KINDS",
    "LAYERS",
    "PHASE_NAMES",
    "REFERENCE_HOST",
]

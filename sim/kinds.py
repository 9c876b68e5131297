"""Guest kinds as one table: what each kind is, so no code tests a kind or a template id.

One row per kind in `KIND_TRAITS`. Facts that depend on a template's data rather than its kind
(a sandbox is Kata, in a VM of its own, or gVisor, on a user-space kernel) are derived once per
template by `traits`. Adding a kind is one row here, its id in `sim.vocabulary.KINDS`, and its
translations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the catalog asks this module what its templates are
    from sim.catalog import Template

CONTAINER_SETTINGS = (
    "network",
    "memory_limit_mib",
    "pids_limit",
    "cpu_quota",
    "seccomp",
    "apparmor",
    "selinux",
    "userns",
    "privileged",
)
CGROUP_SETTINGS = ("memory_limit_mib", "pids_limit", "cpu_quota")
VM_SETTINGS = ("vcpu_pinning", "hyperv_enlightenments")
GVISOR_SETTINGS = (*CGROUP_SETTINGS, "gvisor_platform")  # cgroup limits around the Sentry
KATA_SETTINGS = ("kata_hypervisor",)


@dataclass(frozen=True, slots=True)
class KindTraits:
    """What every guest of one kind is, whatever its template."""

    kind: str
    palette_group: str  # "containers", "vms" or "others"
    shares_host_kernel: bool  # its system calls reach the host's kernel: a panic is the host's
    needs_runtime: bool  # started by the host's container runtime (dockerd, containerd)
    runs_containers_inside: bool  # runc and a kernel inside its own VM hold an escape there
    profile: str  # workload overhead profile (sim.workload) by default ...
    profile_if: tuple[str, str] = ("", "")  # ... and (fact, profile) when that fact holds
    settings: tuple[str, ...] = ()  # guest settings that change an experiment
    settings_in_vm: tuple[str, ...] = ()  # the same when the template runs in its own VM


KIND_TRAITS: dict[str, KindTraits] = {
    row.kind: row
    for row in (
        KindTraits(
            "container",
            "containers",
            shares_host_kernel=True,
            needs_runtime=True,
            runs_containers_inside=False,
            profile="container-nat",
            profile_if=("host_network", "container-host"),
            settings=CONTAINER_SETTINGS,
            settings_in_vm=CONTAINER_SETTINGS,
        ),
        KindTraits(
            "vm",
            "vms",
            shares_host_kernel=False,
            needs_runtime=False,
            runs_containers_inside=False,
            profile="vm-untuned",
            profile_if=("vcpu_pinning", "vm-tuned"),
            settings=VM_SETTINGS,
            settings_in_vm=VM_SETTINGS,
        ),
        KindTraits(
            "microvm",
            "others",
            shares_host_kernel=False,
            needs_runtime=False,
            runs_containers_inside=False,
            profile="microvm",
        ),
        KindTraits(
            "sandbox",
            "others",
            shares_host_kernel=False,
            needs_runtime=True,
            runs_containers_inside=True,
            profile="gvisor",
            profile_if=("in_own_vm", "kata"),
            settings=GVISOR_SETTINGS,
            settings_in_vm=KATA_SETTINGS,
        ),
        KindTraits(
            "container-in-vm",
            "others",
            shares_host_kernel=False,
            needs_runtime=False,
            runs_containers_inside=True,
            profile="container-in-vm",
        ),
    )
}


@dataclass(frozen=True, slots=True)
class Traits:
    """One template's kind row plus the facts its data decides."""

    kind: KindTraits
    vm_like: bool  # has RAM of its own, bounded by its memory_mib
    in_own_vm: bool  # runs inside a VM of its own (VMs, microVMs, Kata, Docker-in-VM)
    user_space_kernel: bool  # a user-space kernel (gVisor's Sentry) answers its system calls

    @property
    def own_kernel(self) -> bool:
        """Return whether it boots a kernel of its own (not the host's, not a user-space one)."""
        return self.in_own_vm

    @property
    def settings(self) -> tuple[str, ...]:
        """Return the guest settings that change an experiment for this template."""
        return self.kind.settings_in_vm if self.in_own_vm else self.kind.settings


# Templates hold mappings and are not hashable: cache by identity, keeping the template alive.
_CACHE: dict[int, tuple[Template, Traits]] = {}


def traits(template: Template) -> Traits:
    """Return the traits of `template` (computed once per template)."""
    hit = _CACHE.get(id(template))
    if hit is not None and hit[0] is template:
        return hit[1]
    row = KIND_TRAITS[template.kind]
    vm_like = template.memory_mib > 0
    in_own_vm = vm_like or any("vmm" in p.alloc for p in template.phases)
    user_space = not row.shares_host_kernel and not in_own_vm
    found = Traits(row, vm_like, in_own_vm, user_space)
    _CACHE[id(template)] = (template, found)
    return found

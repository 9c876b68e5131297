"""A template's resident memory once running, written once for density, fill and the palette.

The guest's own share only: the page cache of its image is shared by every container of that
image and belongs to the host, so it is a separate figure (`page_cache_mib`). A VM's VMM costs
what its `Vmm` formula gives for the VM's RAM and vCPUs (`vmm_overhead_mib`).
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sim.catalog import PhaseSpec, Template, Vmm


def vmm_overhead_mib(vmm: Vmm, memory_mib: float, vcpus: float) -> float:
    """Return the memory a VMM holds beside its guest's RAM: fixed, per vCPU, page tables."""
    return vmm.fixed_mib + vmm.per_vcpu_mib * vcpus + vmm.page_table_fraction * memory_mib


def with_vmm(template: Template, vmm: Vmm) -> Template:
    """Return `template` run by `vmm`: its `vmm` phase holds the VMM's overhead for its size.

    Call it again after changing a template's RAM or vCPUs, so the overhead follows them.
    """
    mib = vmm_overhead_mib(vmm, template.memory_mib, template.vcpus)
    phases = tuple(
        replace(p, alloc=MappingProxyType({**p.alloc, "vmm": mib})) if p.name == "vmm" else p
        for p in template.phases
    )
    return replace(template, phases=phases, vmm=vmm.id, ksm_mergeable=vmm.mergeable)


# What firmware and the boot loader read (the kernel and initrd) is loaded into RAM, not kept in
# the guest's page cache; what the guest kernel and its services read later is.
UNCACHED_PHASES = ("firmware", "bootloader")


def cached_read_mib(template: Template, phase: PhaseSpec) -> float:
    """Return what `phase` of a VM-like guest reads into the guest's own page cache."""
    if template.memory_mib <= 0 or phase.name in UNCACHED_PHASES:
        return 0.0
    return phase.io_mib


def resident_layers(template: Template, reserve: bool) -> dict[str, float]:
    """Return, by layer, the memory one guest of `template` holds once running, without KSM.

    A container holds what its phases touch. A VM-like guest holds its VMM plus what it touched
    inside its own RAM, the files it read kept in its page cache, at most its RAM in all; or all
    of its RAM when the host reserves it up front or the guest zeroes it at boot (Windows): the
    rest of its RAM is then `guest_idle`.
    """
    layers: dict[str, float] = {}
    for phase in template.phases:
        for layer, mib in phase.alloc.items():
            layers[layer] = layers.get(layer, 0.0) + mib
        if cached := cached_read_mib(template, phase):
            layers["guest_cache"] = layers.get("guest_cache", 0.0) + cached
    if template.memory_mib <= 0:
        return layers
    inside = {k: v for k, v in layers.items() if k != "vmm"}
    touched = sum(inside.values())
    if touched > template.memory_mib:  # the guest's RAM bounds what it can touch
        inside = {k: v * template.memory_mib / touched for k, v in inside.items()}
        touched = template.memory_mib
    if reserve or any(p.touch_all for p in template.phases):
        inside["guest_idle"] = inside.get("guest_idle", 0.0) + template.memory_mib - touched
    return {"vmm": layers.get("vmm", 0.0), **inside}


def resident_mib(template: Template, reserve: bool) -> float:
    """Return the memory one guest of `template` holds once running, alone, without KSM."""
    return sum(resident_layers(template, reserve).values())


def page_cache_mib(template: Template, cache_fraction: float) -> float:
    """Return the page cache the first guest of `template`'s image brings onto a host."""
    return template.image.extracted_mib * cache_fraction if template.image else 0.0

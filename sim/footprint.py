"""A template's resident memory once running, written once for density, fill and the palette.

The guest's own share only: the page cache of its image is shared by every container of that
image and belongs to the host, so it is a separate figure (`page_cache_mib`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sim.catalog import Template


def resident_mib(template: Template, reserve: bool) -> float:
    """Return the memory one guest of `template` holds once running, alone, without KSM.

    A container holds what its phases touch. A VM-like guest holds its VMM plus what it touched
    inside its own RAM (at most its size), or all of its RAM when the host reserves it up front
    or the guest zeroes it at boot (Windows).
    """
    touched = sum(sum(p.alloc.values()) for p in template.phases)
    if template.memory_mib <= 0:
        return touched
    vmm = sum(p.alloc.get("vmm", 0.0) for p in template.phases)
    full = reserve or any(p.touch_all for p in template.phases)
    return vmm + (template.memory_mib if full else min(touched - vmm, template.memory_mib))


def page_cache_mib(template: Template, cache_fraction: float) -> float:
    """Return the page cache the first guest of `template`'s image brings onto a host."""
    return template.image.extracted_mib * cache_fraction if template.image else 0.0

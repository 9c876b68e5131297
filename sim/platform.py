"""Whether a guest can run on a host: operating system, CPU architecture, hypervisor.

A container needs a kernel of its image's OS and a build of the image for the host's
architecture; a VM brings its own kernel but needs a hypervisor, and on another architecture it
runs only under emulation.
"""

from __future__ import annotations

from sim.catalog import HostPreset, Template
from sim.kinds import traits
from sim.vocabulary import LIMIT_TEXT, PLATFORM_PROBLEMS

ARCH_NAMES = {"x86_64": "amd64", "arm64": "arm64"}
GUEST_ARCH = "amd64"  # every VM image in the catalog is built for x86-64
# assumption: QEMU's TCG emulates a foreign-architecture guest about 8× slower than KVM runs a
# native one (reports range from 5× to 10×; HostLab's references hold no measurement of it).
EMULATION_SLOWDOWN = 8.0

PROBLEMS = {code: LIMIT_TEXT[code] for code in PLATFORM_PROBLEMS}


def problem(template: Template, host: HostPreset) -> str | None:
    """Return why `template` cannot run on `host` (a key of PROBLEMS), or None."""
    image = template.image
    if traits(template).in_own_vm:
        return "no_hypervisor" if host.hypervisor == "none" else None
    if image is None:
        return None
    if image.os == "windows" and host.os != "windows":
        return "image_os"
    if ARCH_NAMES[host.arch] not in image.platforms:
        # A single-platform image pulls (with a warning) and fails when its binary runs; a
        # multi-platform one without this architecture fails at pull.
        return "exec_format" if len(image.platforms) == 1 else "no_manifest"
    return None


def needs_utility_vm(template: Template, host: HostPreset) -> bool:
    """Return whether a Linux container needs a Linux VM underneath (a Windows host)."""
    return host.os == "windows" and template.image is not None and template.image.os == "linux"


def slowdown(template: Template, host: HostPreset) -> float:
    """Return how many times slower the guest runs (emulation of a foreign architecture)."""
    foreign = ARCH_NAMES[host.arch] != GUEST_ARCH
    return EMULATION_SLOWDOWN if traits(template).in_own_vm and foreign else 1.0

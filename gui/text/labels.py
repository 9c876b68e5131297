"""Translatable names for the ids in snapshots, and the event log's sentences.

Every string is a literal inside QT_TRANSLATE_NOOP("labels", ...) or
QCoreApplication.translate("labels", ...) so pyside6-lupdate extracts it; the lookup happens at
call time, so a language switch takes effect on the next call.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from gui import units
from gui.text import QT_TRANSLATE_NOOP
from sim.platform import EMULATION_SLOWDOWN

translate = QCoreApplication.translate

_LAYERS: dict[str, str] = {
    "host_kernel": QT_TRANSLATE_NOOP("labels", "Host kernel"),
    "runtime": QT_TRANSLATE_NOOP("labels", "Runtime daemons"),
    "container": QT_TRANSLATE_NOOP("labels", "Container overhead"),
    "page_cache": QT_TRANSLATE_NOOP("labels", "Shared image cache"),
    "vmm": QT_TRANSLATE_NOOP("labels", "Hypervisor (VMM)"),
    "guest_kernel": QT_TRANSLATE_NOOP("labels", "Guest kernels"),
    "guest_os": QT_TRANSLATE_NOOP("labels", "Guest OS"),
    "guest_cache": QT_TRANSLATE_NOOP("labels", "Guest page cache"),
    "guest_idle": QT_TRANSLATE_NOOP("labels", "Guest idle RAM"),
    "app": QT_TRANSLATE_NOOP("labels", "Applications"),
    "free": QT_TRANSLATE_NOOP("labels", "Free"),
    "swap_used": QT_TRANSLATE_NOOP("labels", "Swap used"),
    "ksm_saved": QT_TRANSLATE_NOOP("labels", "Saved by KSM"),
}
_PHASES: dict[str, str] = {
    "pull": QT_TRANSLATE_NOOP("labels", "Image pull"),
    "daemon": QT_TRANSLATE_NOOP("labels", "Daemon"),
    "network": QT_TRANSLATE_NOOP("labels", "Network setup"),
    "runc_create": QT_TRANSLATE_NOOP("labels", "runc create"),
    "exec": QT_TRANSLATE_NOOP("labels", "Exec"),
    "sandbox": QT_TRANSLATE_NOOP("labels", "Sandbox"),
    "vmm": QT_TRANSLATE_NOOP("labels", "VMM start"),
    "firmware": QT_TRANSLATE_NOOP("labels", "Firmware"),
    "bootloader": QT_TRANSLATE_NOOP("labels", "Bootloader"),
    "kernel": QT_TRANSLATE_NOOP("labels", "Kernel boot"),
    "userspace": QT_TRANSLATE_NOOP("labels", "Init / userspace"),
    "cloud_init": QT_TRANSLATE_NOOP("labels", "cloud-init"),
    "app": QT_TRANSLATE_NOOP("labels", "App start"),
    "utility_vm": QT_TRANSLATE_NOOP("labels", "Linux VM boot (WSL 2)"),
    "transfer": QT_TRANSLATE_NOOP("labels", "Transfer to new host"),
    "convert": QT_TRANSLATE_NOOP("labels", "Disk format conversion"),
    "precopy": QT_TRANSLATE_NOOP("labels", "Live copy of memory (pre-copy rounds)"),
    "stopcopy": QT_TRANSLATE_NOOP("labels", "Stop and copy the rest"),
    "dump": QT_TRANSLATE_NOOP("labels", "Checkpoint: dump memory (CRIU)"),
    "restore": QT_TRANSLATE_NOOP("labels", "Restore from the checkpoint"),
}
_KINDS: dict[str, str] = {
    "container": QT_TRANSLATE_NOOP("labels", "Container"),
    "vm": QT_TRANSLATE_NOOP("labels", "VM"),
    "microvm": QT_TRANSLATE_NOOP("labels", "MicroVM"),
    "sandbox": QT_TRANSLATE_NOOP("labels", "Sandboxed container"),
    "container-in-vm": QT_TRANSLATE_NOOP("labels", "Container in VM"),
}
_STATES: dict[str, str] = {
    "pending": QT_TRANSLATE_NOOP("labels", "pending"),
    "pulling": QT_TRANSLATE_NOOP("labels", "pulling"),
    "starting": QT_TRANSLATE_NOOP("labels", "starting"),
    "running": QT_TRANSLATE_NOOP("labels", "running"),
    "stopped": QT_TRANSLATE_NOOP("labels", "stopped"),
    "moving": QT_TRANSLATE_NOOP("labels", "moving to another host"),
    "leaving": QT_TRANSLATE_NOOP("labels", "leaving"),
    "arriving": QT_TRANSLATE_NOOP("labels", "arriving"),
    "killed": QT_TRANSLATE_NOOP("labels", "killed"),
    "crashed": QT_TRANSLATE_NOOP("labels", "crashed"),
    "failed": QT_TRANSLATE_NOOP("labels", "failed"),
}
_LIMITS: dict[str, str] = {
    "memory": QT_TRANSLATE_NOOP("labels", "memory"),
    "cpu": QT_TRANSLATE_NOOP("labels", "CPU"),
    "pids": QT_TRANSLATE_NOOP("labels", "PIDs"),
    "bridge_ports": QT_TRANSLATE_NOOP("labels", "bridge ports"),
    "disk": QT_TRANSLATE_NOOP("labels", "disk"),
    "platform": QT_TRANSLATE_NOOP("labels", "platform (CPU architecture or OS)"),
    "host_down": QT_TRANSLATE_NOOP("labels", "host down (kernel panic)"),
}
_BLOCKS: dict[str, str] = {
    "hardware": QT_TRANSLATE_NOOP("labels", "Hardware"),
    "host_kernel": QT_TRANSLATE_NOOP("labels", "Host kernel"),
    "host_kernel_shared": QT_TRANSLATE_NOOP("labels", "Host kernel, shared by every container"),
    "host_os": QT_TRANSLATE_NOOP("labels", "Host OS kernel (runs on the hypervisor)"),
    "guest_kernels": QT_TRANSLATE_NOOP("labels", "×{n} guest kernels, one per VM"),
    "runtime": QT_TRANSLATE_NOOP("labels", "Container runtime"),
    "runtime_detail": QT_TRANSLATE_NOOP("labels", "namespaces · cgroups"),
    "kvm": QT_TRANSLATE_NOOP("labels", "KVM hypervisor (in the host kernel)"),
    "type1": QT_TRANSLATE_NOOP("labels", "Type-1 hypervisor (bare metal)"),
    "type2": QT_TRANSLATE_NOOP("labels", "Type-2 hypervisor (an app on the host OS)"),
    "guest_kernel": QT_TRANSLATE_NOOP("labels", "Guest kernel"),
    "kernel": QT_TRANSLATE_NOOP("labels", "Kernel"),
    "user_kernel": QT_TRANSLATE_NOOP("labels", "gVisor Sentry: user-space kernel"),
    "no_runtime": QT_TRANSLATE_NOOP("labels", "No container runtime"),
    "no_hypervisor": QT_TRANSLATE_NOOP("labels", "No hypervisor"),
}


# Why a start failed or a move's verdict (sim.lifecycle.FAIL_REASONS keys, and "running").
_REASONS: dict[str, str] = {
    "running": QT_TRANSLATE_NOOP("labels", "running"),
    # The English is sim's own sentence (sim.lifecycle.FAIL_REASONS), word for word: the CLI
    # and the window say the same thing (tests/gui/test_vocabulary_labels.py checks it).
    "exec_format": QT_TRANSLATE_NOOP(
        "labels", "exec format error: the image was built for another CPU architecture"
    ),
    "image_os": QT_TRANSLATE_NOOP(
        "labels", 'image operating system "windows" cannot be used on this platform'
    ),
    "no_manifest": QT_TRANSLATE_NOOP(
        "labels", "no matching manifest for this host's architecture in the image"
    ),
    "no_hypervisor": QT_TRANSLATE_NOOP("labels", "the host has no hypervisor to run a VM"),
    "pids": QT_TRANSLATE_NOOP("labels", "no PIDs left (pid_max reached)"),
    "cpu": QT_TRANSLATE_NOOP("labels", "vCPU commitment limit reached"),
    "disk": QT_TRANSLATE_NOOP("labels", "disk full"),
    "platform": QT_TRANSLATE_NOOP("labels", "the host's platform cannot run it"),
    "memory": QT_TRANSLATE_NOOP("labels", "not enough free RAM to reserve the VM's memory"),
    "bridge_ports": QT_TRANSLATE_NOOP(
        "labels", "bridge full: every port of the network bridge is taken"
    ),
    "host_down": QT_TRANSLATE_NOOP("labels", "the host kernel has panicked; reset the simulation"),
}
# What a moved guest needs or suffers on its new host (MoveView.warnings).
_WARNINGS: dict[str, str] = {
    "virtio_drivers": QT_TRANSLATE_NOOP(
        "labels", "needs virtio drivers: a Windows guest moving to KVM"
    ),
    "emulated": QT_TRANSLATE_NOOP(
        "labels", "runs under emulation, about {factor}× slower (an assumption)"
    ),
    "utility_vm": QT_TRANSLATE_NOOP(
        "labels", "needs a Linux VM on Windows to run a Linux container"
    ),
    "tcp_established": QT_TRANSLATE_NOOP(
        "labels", "open TCP connections survive only with CRIU's --tcp-established"
    ),
    "external_devices": QT_TRANSLATE_NOOP(
        "labels", "host devices cannot be checkpointed: CRIU needs them declared as external"
    ),
}
_MODES: dict[str, str] = {
    "cold": QT_TRANSLATE_NOOP("labels", "Cold: stop, copy, start again"),
    "live": QT_TRANSLATE_NOOP("labels", "Live migration (keeps running)"),
    "checkpoint": QT_TRANSLATE_NOOP("labels", "Checkpoint/restore (CRIU)"),
}


# Host facts: CPU architectures, operating systems, hypervisor types, VM memory policies.
_ARCHS: dict[str, str] = {
    "x86_64": QT_TRANSLATE_NOOP("labels", "x86-64"),
    "arm64": QT_TRANSLATE_NOOP("labels", "ARM64"),
}
_OSES: dict[str, str] = {
    "linux": QT_TRANSLATE_NOOP("labels", "Linux"),
    "windows": QT_TRANSLATE_NOOP("labels", "Windows"),
}
_HYPERVISORS: dict[str, str] = {
    "kvm": QT_TRANSLATE_NOOP("labels", "KVM"),
    "type1": QT_TRANSLATE_NOOP("labels", "type-1 hypervisor (e.g. Hyper-V)"),
    "type2": QT_TRANSLATE_NOOP("labels", "type-2 hypervisor (an app)"),
    "none": QT_TRANSLATE_NOOP("labels", "no hypervisor"),
}
_POLICIES: dict[str, str] = {
    "reserve": QT_TRANSLATE_NOOP("labels", "Reserve all at start"),
    "overcommit": QT_TRANSLATE_NOOP("labels", "Allocate on use (overcommit)"),
}

# Every table above by the kind of id it names: tests/gui/test_vocabulary_labels.py checks that each
# id the model speaks has a row here and a Chinese translation.
TABLES: dict[str, Mapping[str, str]] = {
    "layer": _LAYERS,
    "phase": _PHASES,
    "kind": _KINDS,
    "state": _STATES,
    "limit": _LIMITS,
    "block": _BLOCKS,
    "reason": _REASONS,
    "warning": _WARNINGS,
    "arch": _ARCHS,
    "os": _OSES,
    "hypervisor": _HYPERVISORS,
    "policy": _POLICIES,
    "mode": _MODES,
}


# The bottom tabs' short titles, for a tab bar too narrow for the full ones (1024 px, projector).
_TAB_SHORT: dict[str, str] = {
    "log": QT_TRANSLATE_NOOP("labels", "Log"),
    "details": QT_TRANSLATE_NOOP("labels", "Details"),
    "lesson": QT_TRANSLATE_NOOP("labels", "Notes"),
    "settings": QT_TRANSLATE_NOOP("labels", "Settings"),
    "benchmark": QT_TRANSLATE_NOOP("labels", "Speed"),
    "contrast": QT_TRANSLATE_NOOP("labels", "Compare"),
}


def tab_short_label(name: str) -> str:
    """Return the short title of the bottom tab called `name` ("" when it has none)."""
    text = _TAB_SHORT.get(name)
    return "" if text is None else QCoreApplication.translate("labels", text)


def _lookup(table: Mapping[str, str], key: str) -> str:
    text = table.get(key)
    return key if text is None else QCoreApplication.translate("labels", text)


def layer_label(layer_id: str) -> str:
    """Return the translated name of a memory layer (or extra series)."""
    return _lookup(_LAYERS, layer_id)


def phase_label(phase_id: str) -> str:
    """Return the translated name of a start phase."""
    return _lookup(_PHASES, phase_id)


def kind_label(kind_id: str) -> str:
    """Return the translated name of a guest kind."""
    return _lookup(_KINDS, kind_id)


def state_label(state_id: str) -> str:
    """Return the translated name of a guest state."""
    return _lookup(_STATES, state_id)


def limit_label(limit_id: str) -> str:
    """Return the translated name of a density limit."""
    return _lookup(_LIMITS, limit_id)


def block_label(block_id: str) -> str:
    """Return the translated name of an architecture block of the layer diagram."""
    return _lookup(_BLOCKS, block_id)


def reason_label(code: str) -> str:
    """Return why a guest failed to start, or a move's verdict, in the current language."""
    return _lookup(_REASONS, code)


def warning_label(code: str) -> str:
    """Return a move's warning (e.g. "emulated") as a sentence in the current language."""
    return _lookup(_WARNINGS, code).format(factor=f"{EMULATION_SLOWDOWN:g}")


def mode_label(mode: str) -> str:
    """Return how a move goes ("cold", "live", "checkpoint") in the current language."""
    return _lookup(_MODES, mode)


def arch_label(arch: str) -> str:
    """Return the name of a CPU architecture ("x86_64" → "x86-64")."""
    return _lookup(_ARCHS, arch)


def os_label(os_id: str) -> str:
    """Return the name of an operating system."""
    return _lookup(_OSES, os_id)


def hypervisor_label(hypervisor: str) -> str:
    """Return a short name of a host's hypervisor type."""
    return _lookup(_HYPERVISORS, hypervisor)


def policy_label(policy: str) -> str:
    """Return the name of a VM memory policy ("reserve", "overcommit")."""
    return _lookup(_POLICIES, policy)


def limit_count(value: float) -> str:
    """Return how many more fit under one limit, or "no limit" for infinity."""
    if math.isinf(value):
        return QCoreApplication.translate("labels", "no limit")
    return units.count(value)

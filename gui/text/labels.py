"""Translatable names for the ids in snapshots, and the event log's sentences.

Every string is a literal inside QT_TRANSLATE_NOOP("labels", ...) or
QCoreApplication.translate("labels", ...) so pyside6-lupdate extracts it; the lookup happens at
call time, so a language switch takes effect on the next call.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from gui import units
from gui.text import experiment_labels as xl
from sim.platform import EMULATION_SLOWDOWN
from sim.snapshot import LogEntry

translate = QCoreApplication.translate

_LAYERS: dict[str, str] = {
    "host_kernel": QT_TRANSLATE_NOOP("labels", "Host kernel"),
    "runtime": QT_TRANSLATE_NOOP("labels", "Runtime daemons"),
    "container": QT_TRANSLATE_NOOP("labels", "Container overhead"),
    "page_cache": QT_TRANSLATE_NOOP("labels", "Shared image cache"),
    "vmm": QT_TRANSLATE_NOOP("labels", "Hypervisor (VMM)"),
    "guest_kernel": QT_TRANSLATE_NOOP("labels", "Guest kernels"),
    "guest_os": QT_TRANSLATE_NOOP("labels", "Guest OS"),
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
    "app": QT_TRANSLATE_NOOP("labels", "App start"),
    "transfer": QT_TRANSLATE_NOOP("labels", "Transfer to new host"),
    "convert": QT_TRANSLATE_NOOP("labels", "Disk format conversion"),
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
    "user_kernel": QT_TRANSLATE_NOOP("labels", "gVisor Sentry: user-space kernel"),
    "no_runtime": QT_TRANSLATE_NOOP("labels", "No container runtime"),
    "no_hypervisor": QT_TRANSLATE_NOOP("labels", "No hypervisor"),
}


# Why a start failed or a move's verdict (sim.lifecycle.FAIL_REASONS keys, and "running").
_REASONS: dict[str, str] = {
    "running": QT_TRANSLATE_NOOP("labels", "running"),
    # The English is sim's own sentence (sim.lifecycle.FAIL_REASONS), word for word: the CLI
    # and the window say the same thing (tests/gui/test_vocabulary.py checks it).
    "exec_format": QT_TRANSLATE_NOOP(
        "labels", "exec format error: the image was built for another CPU architecture"),
    "image_os": QT_TRANSLATE_NOOP(
        "labels", 'image operating system "windows" cannot be used on this platform'),
    "no_manifest": QT_TRANSLATE_NOOP(
        "labels", "no matching manifest for this host's architecture in the image"),
    "no_hypervisor": QT_TRANSLATE_NOOP("labels", "the host has no hypervisor to run a VM"),
    "pids": QT_TRANSLATE_NOOP("labels", "no PIDs left (pid_max reached)"),
    "cpu": QT_TRANSLATE_NOOP("labels", "vCPU commitment limit reached"),
    "disk": QT_TRANSLATE_NOOP("labels", "disk full"),
    "memory": QT_TRANSLATE_NOOP("labels", "not enough free RAM to reserve the VM's memory"),
    "bridge_ports": QT_TRANSLATE_NOOP(
        "labels", "bridge full: every port of the network bridge is taken"),
    "host_down": QT_TRANSLATE_NOOP(
        "labels", "the host kernel has panicked; reset the simulation"),
}
# What a moved guest needs or suffers on its new host (MoveView.warnings).
_WARNINGS: dict[str, str] = {
    "virtio_drivers": QT_TRANSLATE_NOOP(
        "labels", "needs virtio drivers: a Windows guest moving to KVM"),
    "emulated": QT_TRANSLATE_NOOP(
        "labels", "runs under emulation, about {factor}× slower (an assumption)"),
    "utility_vm": QT_TRANSLATE_NOOP(
        "labels", "needs a Linux VM on Windows to run a Linux container"),
}


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


def _warnings(p: Mapping[str, object]) -> str:
    codes = [c for c in str(p.get("warnings", "")).split(",") if c]
    return "".join("; " + warning_label(c) for c in codes)


def limit_count(value: float) -> str:
    """Return how many more fit under one limit, or "no limit" for infinity."""
    if math.isinf(value):
        return QCoreApplication.translate("labels", "no limit")
    return units.count(value)


def _num(p: Mapping[str, object], key: str) -> float:
    value = p[key]
    return float(value) if isinstance(value, int | float) else float(str(value))


# Each formatter reads entry.params; a missing or malformed param falls back to entry.message.
_LOG: dict[str, Callable[[Mapping[str, object]], str]] = {
    "guest_added": lambda p: translate("labels", "{guest} added (template {template})").format(
        guest=p["guest"], template=p["template"]),
    "pull_skipped": lambda p: translate(
        "labels", "{guest}: image {image} already cached, no pull").format(
        guest=p["guest"], image=p["image"]),
    "phase_done": lambda p: translate("labels", "{guest}: {phase} done in {duration}").format(
        guest=p["guest"], phase=phase_label(str(p["phase"])),
        duration=units.duration(_num(p, "duration_s"))),
    "ready": lambda p: translate("labels", "{guest} is ready after {startup}").format(
        guest=p["guest"], startup=units.duration(_num(p, "startup_s"))),
    "oom_kill": lambda p: translate(
        "labels", "Out of memory: {guest} killed ({resident} resident, {reason})").format(
        guest=p["guest"], resident=units.mib(_num(p, "resident_mib")), reason=p["reason"]),
    "start_failed": lambda p: translate("labels", "{guest} failed to start: {reason}").format(
        guest=p["guest"], reason=reason_label(str(p["reason"]))),
    "guest_removed": lambda p: translate("labels", "{guest} removed").format(guest=p["guest"]),
    "swap_started": lambda p: translate(
        "labels", "Host started swapping ({amount} in swap)").format(
        amount=units.mib(_num(p, "mib"))),
    "move_started": lambda p: translate("labels", "{guest} moves from {source} to {target}")
    .format(guest=p["guest"], source=p["source"], target=p["target"]),
    "move_done": lambda p: translate(
        "labels", "{guest} moved from {source} to {target}: {amount} sent, {verdict}{warnings}")
    .format(guest=p["guest"], source=p["source"], target=p["target"],
            amount=units.mib(_num(p, "mib")), verdict=reason_label(str(p["verdict"])),
            warnings=_warnings(p)),
    "utility_vm": lambda p: translate(
        "labels", "{host}: a Linux VM boots to run Linux containers on Windows").format(
        host=p["host"]),
    # Experiments (issue 4): workloads, faults and attacks.
    "workload_done": lambda p: translate(
        "labels", "{guest}: {workload} {value} {unit} ({ratio}× the bare host)").format(
        guest=p["guest"], workload=xl.workload_label(str(p["workload"])),
        value=units.figure(_num(p, "value")), unit=p["unit"], ratio=f"{_num(p, 'ratio'):.2f}"),
    "incident": lambda p: translate("labels", "{guest}: {fault}: {outcome}").format(
        guest=p["guest"], fault=xl.fault_label(str(p["fault"])),
        outcome=xl.outcome_label(str(p["outcome"]))),
    "fault_injected": lambda p: translate("labels", "{guest}: {fault} injected").format(
        guest=p["guest"], fault=xl.fault_label(str(p["fault"]))),
    "guest_crashed": lambda p: translate("labels", "{guest} crashed ({reason})").format(
        guest=p["guest"], reason=xl.fault_label(str(p["reason"]))),
    "cgroup_oom": lambda p: translate(
        "labels", "{guest} reached its cgroup memory limit: only it is killed").format(
        guest=p["guest"]),
    "guest_oom": lambda p: translate(
        "labels", "{guest}: its own kernel's OOM killer ended the leaking app; the VM and the "
        "host carry on").format(guest=p["guest"]),
    "pids_exhausted": lambda p: (
        translate("labels", "{guest}: fork fails at the host's pid_max ({pids} PIDs): no new "
                  "process can start on the host") if p["host_wide"] else
        translate("labels", "{guest}: fork fails at its PIDs limit ({pids} PIDs); the host is "
                  "untouched")
    ).format(guest=p["guest"], pids=units.count(_num(p, "pids"))),
    "fork_bomb_contained": lambda p: translate(
        "labels", "{guest}: the fork bomb fills the VM's own PID space; the host's PIDs are "
        "untouched").format(guest=p["guest"]),
    "action_skipped": lambda p: translate(
        "labels", "{action} skipped: {guest} is not running").format(
        action=xl.action_label(str(p["action"])), guest=p["guest"]),
}
LOG_CODES: tuple[str, ...] = tuple(_LOG)


def log_message(entry: LogEntry) -> str:
    """Format a log entry in the current language (entry.message for unknown codes)."""
    fmt = _LOG.get(entry.code)
    if fmt is None:
        return entry.message
    try:
        return fmt(entry.params)
    except (KeyError, ValueError, TypeError, IndexError):
        return entry.message


def log_code_label(code: str) -> str:
    """Return a short translated name for a log code (for the event log's filter)."""
    names = {
        "guest_added": QT_TRANSLATE_NOOP("labels", "Guest added"),
        "pull_skipped": QT_TRANSLATE_NOOP("labels", "Pull skipped"),
        "phase_done": QT_TRANSLATE_NOOP("labels", "Phase done"),
        "ready": QT_TRANSLATE_NOOP("labels", "Ready"),
        "oom_kill": QT_TRANSLATE_NOOP("labels", "OOM kill"),
        "start_failed": QT_TRANSLATE_NOOP("labels", "Start failed"),
        "guest_removed": QT_TRANSLATE_NOOP("labels", "Guest removed"),
        "swap_started": QT_TRANSLATE_NOOP("labels", "Swap started"),
        "move_started": QT_TRANSLATE_NOOP("labels", "Move started"),
        "move_done": QT_TRANSLATE_NOOP("labels", "Move done"),
        "utility_vm": QT_TRANSLATE_NOOP("labels", "Linux VM on Windows"),
        "workload_done": QT_TRANSLATE_NOOP("labels", "Workload done"),
        "incident": QT_TRANSLATE_NOOP("labels", "Incident"),
        "fault_injected": QT_TRANSLATE_NOOP("labels", "Fault injected"),
        "guest_crashed": QT_TRANSLATE_NOOP("labels", "Guest crashed"),
        "cgroup_oom": QT_TRANSLATE_NOOP("labels", "cgroup OOM"),
        "guest_oom": QT_TRANSLATE_NOOP("labels", "Guest OOM"),
        "pids_exhausted": QT_TRANSLATE_NOOP("labels", "PIDs exhausted"),
        "fork_bomb_contained": QT_TRANSLATE_NOOP("labels", "Fork bomb contained"),
        "action_skipped": QT_TRANSLATE_NOOP("labels", "Action skipped"),
    }
    return _lookup(names, code)

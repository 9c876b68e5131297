"""Translatable names for the experiments: workloads, runtime profiles, faults, exploits, outcomes.

The catalog's own names are English; these tables, keyed by the stable catalog ids, let
pyside6-lupdate extract them (context "labels"). An id missing here shows the catalog's English.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from gui.text import QT_TRANSLATE_NOOP

# Workloads, in the catalog's order: (full name, short name under a bar group).
WORKLOADS: dict[str, tuple[str, str]] = {
    "cpu": (QT_TRANSLATE_NOOP("labels", "CPU (Linpack)"), QT_TRANSLATE_NOOP("labels", "CPU")),
    "memory": (
        QT_TRANSLATE_NOOP("labels", "Memory bandwidth (STREAM)"),
        QT_TRANSLATE_NOOP("labels", "Memory bandwidth"),
    ),
    "random_io": (
        QT_TRANSLATE_NOOP("labels", "Random I/O (4 KiB reads)"),
        QT_TRANSLATE_NOOP("labels", "Random I/O"),
    ),
    "net_latency": (
        QT_TRANSLATE_NOOP("labels", "Network round trip (TCP_RR)"),
        QT_TRANSLATE_NOOP("labels", "Network round trip"),
    ),
    "kv": (
        QT_TRANSLATE_NOOP("labels", "Key-value store (Redis GET, 1 connection)"),
        QT_TRANSLATE_NOOP("labels", "Redis GET"),
    ),
    "oltp": (
        QT_TRANSLATE_NOOP("labels", "Database (sysbench OLTP)"),
        QT_TRANSLATE_NOOP("labels", "Database (OLTP)"),
    ),
    "net_stream": (
        QT_TRANSLATE_NOOP("labels", "Network throughput (iperf3, 1 stream)"),
        QT_TRANSLATE_NOOP("labels", "Network throughput"),
    ),
    "http": (
        QT_TRANSLATE_NOOP("labels", "Web requests (small static file, keep-alive)"),
        QT_TRANSLATE_NOOP("labels", "Web requests"),
    ),
    "idle": (
        QT_TRANSLATE_NOOP("labels", "Idle guest: host CPU"),
        QT_TRANSLATE_NOOP("labels", "Idle host CPU"),
    ),
}
# Runtime profiles (sim.workload.profile_of), in the order the benchmark view groups them.
PROFILES: dict[str, str] = {
    "container-nat": QT_TRANSLATE_NOOP("labels", "Container (NAT)"),
    "container-host": QT_TRANSLATE_NOOP("labels", "Container (host network)"),
    "vm-untuned": QT_TRANSLATE_NOOP("labels", "VM"),
    "vm-tuned": QT_TRANSLATE_NOOP("labels", "VM (vCPUs pinned)"),
    "microvm": QT_TRANSLATE_NOOP("labels", "MicroVM (Firecracker)"),
    "gvisor": QT_TRANSLATE_NOOP("labels", "gVisor"),
    "kata": QT_TRANSLATE_NOOP("labels", "Kata"),
    "gvisor-kvm": QT_TRANSLATE_NOOP("labels", "gVisor (KVM platform)"),
    "gvisor-ptrace": QT_TRANSLATE_NOOP("labels", "gVisor (ptrace platform)"),
    "kata-clh": QT_TRANSLATE_NOOP("labels", "Kata (Cloud Hypervisor)"),
    "kata-firecracker": QT_TRANSLATE_NOOP("labels", "Kata (Firecracker)"),
    "container-in-vm": QT_TRANSLATE_NOOP("labels", "Container in a VM"),
}
FAULTS: dict[str, str] = {
    "panic": QT_TRANSLATE_NOOP("labels", "Kernel panic"),
    "leak": QT_TRANSLATE_NOOP("labels", "Memory leak"),
    "fork_bomb": QT_TRANSLATE_NOOP("labels", "Fork bomb"),
    "cpu_hog": QT_TRANSLATE_NOOP("labels", "CPU hog"),
}
EXPLOITS: dict[str, str] = {
    "cve-2019-5736": QT_TRANSLATE_NOOP(
        "labels", "CVE-2019-5736: runc overwritten via /proc/self/exe"
    ),
    "cve-2024-21626": QT_TRANSLATE_NOOP("labels", "CVE-2024-21626: runc leaked fd (Leaky Vessels)"),
    "cve-2022-0492": QT_TRANSLATE_NOOP("labels", "CVE-2022-0492: cgroups v1 release_agent"),
    "venom": QT_TRANSLATE_NOOP("labels", "VENOM (CVE-2015-3456): QEMU floppy controller"),
}
OUTCOMES: dict[str, str] = {
    "host_compromised": QT_TRANSLATE_NOOP(
        "labels", "escaped: the host and every guest on it are compromised"
    ),
    "blocked": QT_TRANSLATE_NOOP("labels", "blocked by the guest's hardening"),
    "contained": QT_TRANSLATE_NOOP("labels", "contained in the guest's own VM"),
    "not_reachable": QT_TRANSLATE_NOOP("labels", "the guest cannot reach the vulnerable part"),
    "host_down": QT_TRANSLATE_NOOP(
        "labels", "the shared host kernel panics: every guest goes down"
    ),
    "guest_only": QT_TRANSLATE_NOOP("labels", "only this guest's own kernel panics"),
}
ACTIONS: dict[str, str] = {
    "workload": QT_TRANSLATE_NOOP("labels", "Workload"),
    "exploit": QT_TRANSLATE_NOOP("labels", "Attack"),
    "remove": QT_TRANSLATE_NOOP("labels", "Remove"),
    "move": QT_TRANSLATE_NOOP("labels", "Move"),
}


def _lookup(table: Mapping[str, str], key: str, fallback: str = "") -> str:
    text = table.get(key)
    return (fallback or key) if text is None else QCoreApplication.translate("labels", text)


def workload_label(workload_id: str, short: bool = False, fallback: str = "") -> str:
    """Return the translated name of a catalog workload (short: for an axis)."""
    names = WORKLOADS.get(workload_id)
    if names is None:
        return fallback or workload_id
    return QCoreApplication.translate("labels", names[1 if short else 0])


def profile_label(profile_id: str) -> str:
    """Return the translated name of a runtime profile ("container-nat", "vm-tuned", ...)."""
    return _lookup(PROFILES, profile_id)


def exploit_label(exploit_id: str, fallback: str = "") -> str:
    """Return the translated name of a catalog exploit, with its CVE id."""
    return _lookup(EXPLOITS, exploit_id, fallback)


def fault_label(fault: str) -> str:
    """Return the translated name of a fault or, for an exploit id, of the exploit."""
    if fault in FAULTS:
        return _lookup(FAULTS, fault)
    return exploit_label(fault)


def outcome_label(outcome: str) -> str:
    """Return a translated sentence for how far an incident spread."""
    return _lookup(OUTCOMES, outcome)


def action_label(action: str) -> str:
    """Return the translated name of a scenario action (a fault, a workload, a move...)."""
    return _lookup(ACTIONS, action) if action in ACTIONS else fault_label(action)

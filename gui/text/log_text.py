"""The event log's sentences: one formatter per log code, in the current language.

Each formatter reads a `LogEntry`'s params and falls back to the entry's English message when
a param is missing or malformed (a newer sim, an older recording). Texts are translated in the
"labels" context, where the .ts file has always kept them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from gui import units
from gui.text import QT_TRANSLATE_NOOP
from gui.text import experiment_labels as xl
from gui.text.labels import phase_label, reason_label, state_label, warning_label
from sim.snapshot import LogEntry

translate = QCoreApplication.translate


def _lookup(table: Mapping[str, str], key: str) -> str:
    text = table.get(key)
    return key if text is None else translate("labels", text)


def _warnings(p: Mapping[str, object]) -> str:
    codes = [c for c in str(p.get("warnings", "")).split(",") if c]
    return "".join("; " + warning_label(c) for c in codes)


def _num(p: Mapping[str, object], key: str) -> float:
    value = p[key]
    return float(value) if isinstance(value, int | float) else float(str(value))


# Each formatter reads entry.params; a missing or malformed param falls back to entry.message.
_LOG: dict[str, Callable[[Mapping[str, object]], str]] = {
    "guest_added": lambda p: translate("labels", "{guest} added (template {template})").format(
        guest=p["guest"], template=p["template"]
    ),
    "pull_skipped": lambda p: translate(
        "labels", "{guest}: image {image} already cached, no pull"
    ).format(guest=p["guest"], image=p["image"]),
    "phase_done": lambda p: translate("labels", "{guest}: {phase} done in {duration}").format(
        guest=p["guest"],
        phase=phase_label(str(p["phase"])),
        duration=units.duration(_num(p, "duration_s")),
    ),
    "ready": lambda p: translate("labels", "{guest} is ready after {startup}").format(
        guest=p["guest"], startup=units.duration(_num(p, "startup_s"))
    ),
    "oom_kill": lambda p: translate(
        "labels", "Out of memory: {guest} killed ({resident} resident, {reason})"
    ).format(guest=p["guest"], resident=units.mib(_num(p, "resident_mib")), reason=p["reason"]),
    "start_failed": lambda p: translate("labels", "{guest} failed to start: {reason}").format(
        guest=p["guest"], reason=reason_label(str(p["reason"]))
    ),
    "guest_removed": lambda p: translate("labels", "{guest} removed").format(guest=p["guest"]),
    "swap_started": lambda p: translate(
        "labels", "Host started swapping ({amount} in swap)"
    ).format(amount=units.mib(_num(p, "mib"))),
    "move_started": lambda p: translate("labels", "{guest} moves from {source} to {target}").format(
        guest=p["guest"], source=p["source"], target=p["target"]
    ),
    "move_done": lambda p: translate(
        "labels", "{guest} moved from {source} to {target}: {amount} sent, {verdict}{warnings}"
    ).format(
        guest=p["guest"],
        source=p["source"],
        target=p["target"],
        amount=units.mib(_num(p, "mib")),
        verdict=reason_label(str(p["verdict"])),
        warnings=_warnings(p),
    ),
    "move_stop_copy": lambda p: translate(
        "labels",
        "{guest} stops for the last copy after pre-copy round {rounds}: {amount} still dirty",
    ).format(guest=p["guest"], rounds=p["rounds"], amount=units.mib(_num(p, "mib"))),
    "move_not_converged": lambda p: translate(
        "labels",
        "{guest} dirties memory as fast as the link copies it: after {rounds} rounds "
        "it stops with {amount} still dirty",
    ).format(guest=p["guest"], rounds=p["rounds"], amount=units.mib(_num(p, "mib"))),
    "move_frozen": lambda p: translate(
        "labels", "{guest} is frozen: CRIU dumps {amount} of memory"
    ).format(guest=p["guest"], amount=units.mib(_num(p, "mib"))),
    "utility_vm": lambda p: translate(
        "labels", "{host}: a Linux VM boots to run Linux containers on Windows"
    ).format(host=p["host"]),
    # Experiments (issue 4): workloads, faults and attacks.
    "workload_done": lambda p: translate(
        "labels", "{guest}: {workload} {value} {unit} ({ratio}× the bare host)"
    ).format(
        guest=p["guest"],
        workload=xl.workload_label(str(p["workload"])),
        value=units.figure(_num(p, "value")),
        unit=p["unit"],
        ratio=f"{_num(p, 'ratio'):.2f}",
    ),
    "incident": lambda p: translate("labels", "{guest}: {fault}: {outcome}").format(
        guest=p["guest"],
        fault=xl.fault_label(str(p["fault"])),
        outcome=xl.outcome_label(str(p["outcome"])),
    ),
    "fault_stopped": lambda p: translate(
        "labels", "{guest}: {fault} stops with the guest ({state})"
    ).format(
        guest=p["guest"], fault=xl.fault_label(str(p["fault"])), state=state_label(str(p["state"]))
    ),
    "fault_injected": lambda p: translate("labels", "{guest}: {fault} injected").format(
        guest=p["guest"], fault=xl.fault_label(str(p["fault"]))
    ),
    "guest_crashed": lambda p: translate("labels", "{guest} crashed ({reason})").format(
        guest=p["guest"], reason=xl.fault_label(str(p["reason"]))
    ),
    "cgroup_oom": lambda p: translate(
        "labels", "{guest} reached its cgroup memory limit: only it is killed"
    ).format(guest=p["guest"]),
    "guest_oom": lambda p: translate(
        "labels",
        "{guest}: its own kernel's OOM killer ended the leaking app; the VM and the host carry on",
    ).format(guest=p["guest"]),
    "pids_exhausted": lambda p: (
        translate(
            "labels",
            "{guest}: fork fails at the host's pid_max ({pids} PIDs): no new "
            "process can start on the host",
        )
        if p["host_wide"]
        else translate(
            "labels", "{guest}: fork fails at its PIDs limit ({pids} PIDs); the host is untouched"
        )
    ).format(guest=p["guest"], pids=units.count(_num(p, "pids"))),
    "fork_bomb_contained": lambda p: translate(
        "labels",
        "{guest}: the fork bomb fills the VM's own PID space; the host's PIDs are untouched",
    ).format(guest=p["guest"]),
    "action_skipped": lambda p: translate(
        "labels", "{action} skipped: {guest} is not running"
    ).format(action=xl.action_label(str(p["action"])), guest=p["guest"]),
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


# A short name for each log code (the event log's filter).
CODE_NAMES: dict[str, str] = {
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
    "move_stop_copy": QT_TRANSLATE_NOOP("labels", "Stop and copy"),
    "move_not_converged": QT_TRANSLATE_NOOP("labels", "Live move not converging"),
    "move_frozen": QT_TRANSLATE_NOOP("labels", "Checkpoint"),
    "utility_vm": QT_TRANSLATE_NOOP("labels", "Linux VM on Windows"),
    "workload_done": QT_TRANSLATE_NOOP("labels", "Workload done"),
    "incident": QT_TRANSLATE_NOOP("labels", "Incident"),
    "fault_injected": QT_TRANSLATE_NOOP("labels", "Fault injected"),
    "fault_stopped": QT_TRANSLATE_NOOP("labels", "Fault stopped"),
    "guest_crashed": QT_TRANSLATE_NOOP("labels", "Guest crashed"),
    "cgroup_oom": QT_TRANSLATE_NOOP("labels", "cgroup OOM"),
    "guest_oom": QT_TRANSLATE_NOOP("labels", "Guest OOM"),
    "pids_exhausted": QT_TRANSLATE_NOOP("labels", "PIDs exhausted"),
    "fork_bomb_contained": QT_TRANSLATE_NOOP("labels", "Fork bomb contained"),
    "action_skipped": QT_TRANSLATE_NOOP("labels", "Action skipped"),
}


def log_code_label(code: str) -> str:
    """Return a short translated name for a log code (for the event log's filter)."""
    return _lookup(CODE_NAMES, code)

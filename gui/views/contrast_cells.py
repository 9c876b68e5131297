"""The contrast table's words: row titles, each cell's figures as a sentence, its source.

sim/contrast.py computes the figures; this module says them in the current language (context
"ContrastView"), so the view and the handout read the same text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from gui import units
from gui.text import QT_TRANSLATE_NOOP, labels
from gui.text.experiment_labels import fault_label, outcome_label, workload_label
from sim.contrast import Cell

CONTEXT = "ContrastView"
ROW_TITLES: Mapping[str, str] = {
    "architecture": QT_TRANSLATE_NOOP("ContrastView", "1 Architecture"),
    "startup": QT_TRANSLATE_NOOP("ContrastView", "2 Start-up time"),
    "memory": QT_TRANSLATE_NOOP("ContrastView", "3 Memory and resources"),
    "performance": QT_TRANSLATE_NOOP("ContrastView", "4 Performance"),
    "isolation": QT_TRANSLATE_NOOP("ContrastView", "5 Isolation"),
    "portability": QT_TRANSLATE_NOOP("ContrastView", "6 Portability"),
    "use": QT_TRANSLATE_NOOP("ContrastView", "7 Typical use"),
    "density": QT_TRANSLATE_NOOP("ContrastView", "8 How many fit"),
}
EXPERIMENTS: Mapping[str, str] = {
    "startup": QT_TRANSLATE_NOOP("ContrastView", "Not yet: press play and let one become ready"),
    "running": QT_TRANSLATE_NOOP("ContrastView", "Not now: none of them is running; add one"),
    "workload": QT_TRANSLATE_NOOP("ContrastView", "Not yet: run a workload (Experiments tab)"),
    "fault": QT_TRANSLATE_NOOP("ContrastView",
                               "Not yet: inject a fault or an exploit (Experiments tab)"),
    "move": QT_TRANSLATE_NOOP("ContrastView", "Not yet: drag a guest onto another host's tab"),
    "hosts": QT_TRANSLATE_NOOP("ContrastView",
                               "Not yet: needs a second host (lesson 6, portability)"),
}
SOURCES: Mapping[str, str] = {
    "layers": QT_TRANSLATE_NOOP("ContrastView", "the architecture diagram"),
    "timeline": QT_TRANSLATE_NOOP("ContrastView", "the start-up timeline"),
    "memory": QT_TRANSLATE_NOOP("ContrastView", "the memory plot"),
    "benchmark": QT_TRANSLATE_NOOP("ContrastView", "the benchmarks"),
    "log": QT_TRANSLATE_NOOP("ContrastView", "the event log"),
    "moves": QT_TRANSLATE_NOOP("ContrastView", "the moves between hosts"),
    "density": QT_TRANSLATE_NOOP("ContrastView", "how many more fit"),
}
REACH: Mapping[str, str] = {
    "host": QT_TRANSLATE_NOOP("ContrastView", "the whole host"),
    "host_kernel": QT_TRANSLATE_NOOP("ContrastView", "the host kernel"),
    "runtime": QT_TRANSLATE_NOOP("ContrastView", "the container runtime"),
    "hypervisor": QT_TRANSLATE_NOOP("ContrastView", "the hypervisor"),
    "guest_kernel": QT_TRANSLATE_NOOP("ContrastView", "its own kernel only"),
}


def tr(text: str) -> str:
    """Return `text` in the current language."""
    return QCoreApplication.translate(CONTEXT, text)


def row_title(row: str) -> str:
    """Return a row's title ("2 Start-up time")."""
    return tr(ROW_TITLES[row])


def source_text(cell: Cell) -> str:
    """Return where a cell's figure comes from, or which experiment fills it."""
    if cell.source is None:
        return tr("Fills live when the experiment runs.")
    return tr("From {view} at t = {time}. Click to show it.").format(
        view=tr(SOURCES.get(cell.source.view, cell.source.view)),
        time=units.sim_time(cell.source.time_s))


def cell_text(cell: Cell) -> str:
    """Return a cell's figures as a short sentence (two lines at most, or one per workload)."""
    if not cell.measured:
        return tr(EXPERIMENTS.get(cell.experiment, cell.experiment))
    return _FORMATS[cell.row](cell.figures)


def _architecture(f: Mapping) -> str:
    text = {"own": tr("{n} running, each on a kernel of its own"),
            "user_space": tr("{n} running; a user-space kernel answers their system calls"),
            "host": tr("{n} running, all on the one shared host kernel")}[str(f["kernel"])]
    return text.format(n=f["live"])


def _startup(f: Mapping) -> str:
    return tr("median {median} ({lo} to {hi}, n = {n})\nmostly {phase} ({share}%)").format(
        median=units.duration(float(f["median_s"])), lo=units.duration(float(f["min_s"])),
        hi=units.duration(float(f["max_s"])), n=f["n"], phase=labels.phase_label(str(f["phase"])),
        share=round(100 * float(f["phase_share"])))


def _memory(f: Mapping) -> str:
    mib = units.mib(float(f["shared_mib"]))
    shared = {"page_cache": tr("image page cache shared: {mib}"),
              "ksm": tr("KSM merged so far: {mib}"), "": tr("nothing shared")}[str(f["shared"])]
    return tr("{per} resident each (n = {n})").format(
        per=units.mib(float(f["per_instance_mib"])), n=f["n"]) + "\n" + shared.format(mib=mib)


def _performance(f: Mapping) -> str:
    ratios: Mapping[str, float] = f["ratios"]  # type: ignore[assignment]
    return "\n".join(tr("{workload}: {ratio}× the bare host").format(
        workload=workload_label(w, short=True, fallback=w), ratio=f"{r:.2f}")
        for w, r in sorted(ratios.items()))


def _reach(target: str, guest: str) -> str:
    if target == guest:
        return tr("itself only")
    return tr(REACH.get(target.partition(":")[0], target))


def _isolation(f: Mapping) -> str:
    return tr("{fault} in {guest}: {outcome}\nreached {reach}; guests hit: {n}").format(
        fault=fault_label(str(f["fault"])), guest=f["guest"],
        outcome=outcome_label(str(f["outcome"])),
        reach=_reach(str(f["reached"]), str(f["guest"])), n=f["guests_hit"])


def _portability(f: Mapping) -> str:
    runs = tr("runs there") if f["runs"] else tr("does not run: {why}").format(
        why=labels.reason_label(str(f["verdict"])))
    return tr("{guest} to {target}: {mib} shipped").format(
        guest=f["guest"], target=f["target"], mib=units.mib(float(f["shipped_mib"]))) + "\n" + runs


def _use(f: Mapping) -> str:
    templates: Mapping[str, int] = f["templates"]  # type: ignore[assignment]
    return tr("in this run: {list}").format(
        list=", ".join(f"{n}× {t}" for t, n in templates.items()))


def _density(f: Mapping) -> str:
    return tr("{n} more {template} fit\n{limit} binds first").format(
        n=units.count(float(f["max"])), template=f["template"],
        limit=labels.limit_label(str(f["limit"])))


_FORMATS: Mapping[str, Callable[[Mapping], str]] = {
    "architecture": _architecture, "startup": _startup, "memory": _memory,
    "performance": _performance, "isolation": _isolation, "portability": _portability,
    "use": _use, "density": _density}

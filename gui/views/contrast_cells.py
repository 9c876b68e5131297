"""The contrast table's words: row titles, each cell's figures as a sentence, its source.

sim/contrast.py computes the figures; this module says them in the current language (context
"ContrastView"), so the view and the handout read the same text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import cast

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
    "fault": QT_TRANSLATE_NOOP(
        "ContrastView", "Not yet: inject a fault or an exploit (Experiments tab)"
    ),
    "move": QT_TRANSLATE_NOOP("ContrastView", "Not yet: drag a guest onto another host's tab"),
    "hosts": QT_TRANSLATE_NOOP(
        "ContrastView", "Not yet: needs a second host (lesson 6, portability)"
    ),
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


translate = QCoreApplication.translate


def tr(text: str) -> str:
    """Return `text` (marked with QT_TRANSLATE_NOOP in a table) in the current language."""
    return translate(CONTEXT, text)


def row_title(row: str) -> str:
    """Return a row's title ("2 Start-up time")."""
    return tr(ROW_TITLES[row])


def source_text(cell: Cell) -> str:
    """Return where a cell's figure comes from, or which experiment fills it."""
    if cell.source is None:
        return translate("ContrastView", "Fills live when the experiment runs.")
    return translate("ContrastView", "From {view} at t = {time}. Click to show it.").format(
        view=tr(SOURCES.get(cell.source.view, cell.source.view)),
        time=units.sim_time(cell.source.time_s),
    )


def cell_text(cell: Cell) -> str:
    """Return a cell's figures as a short sentence (two lines at most, or one per workload)."""
    if not cell.measured:
        return tr(EXPERIMENTS.get(cell.experiment, cell.experiment))
    return _FORMATS[cell.row](cell.figures)


def _num(f: Mapping[str, object], key: str) -> float:
    """Return figure `key` as a number (the figures are numbers or their text)."""
    value = f[key]
    return float(value) if isinstance(value, int | float) else float(str(value))


def _architecture(f: Mapping[str, object]) -> str:
    text = {
        "own": translate("ContrastView", "{n} running, each on a kernel of its own"),
        "user_space": translate(
            "ContrastView", "{n} running; a user-space kernel answers their system calls"
        ),
        "host": translate("ContrastView", "{n} running, all on the one shared host kernel"),
    }[str(f["kernel"])]
    return text.format(n=f["live"])


def _startup(f: Mapping[str, object]) -> str:
    text = translate(
        "ContrastView", "median {median} ({lo} to {hi}, n = {n})\nmostly {phase} ({share}%)"
    )
    return text.format(
        median=units.duration(_num(f, "median_s")),
        lo=units.duration(_num(f, "min_s")),
        hi=units.duration(_num(f, "max_s")),
        n=f["n"],
        phase=labels.phase_label(str(f["phase"])),
        share=round(100 * _num(f, "phase_share")),
    )


def _memory(f: Mapping[str, object]) -> str:
    shared = {
        "page_cache": translate("ContrastView", "image page cache shared: {mib}"),
        "ksm": translate("ContrastView", "KSM merged so far: {mib}"),
        "": translate("ContrastView", "nothing shared"),
    }[str(f["shared"])]
    per = translate("ContrastView", "{per} resident each (n = {n})").format(
        per=units.mib(_num(f, "per_instance_mib")), n=f["n"]
    )
    return per + "\n" + shared.format(mib=units.mib(_num(f, "shared_mib")))


def _performance(f: Mapping[str, object]) -> str:
    ratios = cast("Mapping[str, float]", f["ratios"])  # sim.contrast builds it so
    text = translate("ContrastView", "{workload}: {ratio}× the bare host")
    return "\n".join(
        text.format(workload=workload_label(w, short=True, fallback=w), ratio=f"{r:.2f}")
        for w, r in sorted(ratios.items())
    )


def _reach(target: str, guest: str) -> str:
    if target == guest:
        return translate("ContrastView", "itself only")
    return tr(REACH.get(target.partition(":")[0], target))


def _isolation(f: Mapping[str, object]) -> str:
    text = translate(
        "ContrastView", "{fault} in {guest}: {outcome}\nreached {reach}; guests hit: {n}"
    )
    return text.format(
        fault=fault_label(str(f["fault"])),
        guest=f["guest"],
        outcome=outcome_label(str(f["outcome"])),
        reach=_reach(str(f["reached"]), str(f["guest"])),
        n=f["guests_hit"],
    )


def _portability(f: Mapping[str, object]) -> str:
    if f["runs"]:
        runs = translate("ContrastView", "runs there")
    else:
        runs = translate("ContrastView", "does not run: {why}").format(
            why=labels.reason_label(str(f["verdict"]))
        )
    moved = translate("ContrastView", "{guest} to {target}: {mib} shipped").format(
        guest=f["guest"], target=f["target"], mib=units.mib(_num(f, "shipped_mib"))
    )
    return moved + "\n" + runs


def _use(f: Mapping[str, object]) -> str:
    templates = cast("Mapping[str, int]", f["templates"])  # sim.contrast builds it so
    return translate("ContrastView", "in this run: {list}").format(
        list=", ".join(f"{n}× {t}" for t, n in templates.items())
    )


def _density(f: Mapping[str, object]) -> str:
    return translate("ContrastView", "{n} more {template} fit\n{limit} binds first").format(
        n=units.count(_num(f, "max")),
        template=f["template"],
        limit=labels.limit_label(str(f["limit"])),
    )


_FORMATS: Mapping[str, Callable[[Mapping[str, object]], str]] = {
    "architecture": _architecture,
    "startup": _startup,
    "memory": _memory,
    "performance": _performance,
    "isolation": _isolation,
    "portability": _portability,
    "use": _use,
    "density": _density,
}

"""The contrast table: the eight contrasts as rows, a column per kind of guest, measured live.

Every cell is computed from one `Snapshot` with the same arithmetic the views and the CLI use
(a guest's `startup_s` and `resident_mib`, the density rows, the benchmark's latest batch, the
incidents and moves), so a cell can never disagree with the view it cites. A cell the run has
not measured yet names the experiment that fills it; once the class runs it, the next snapshot
fills the cell. `Cell.source` names the view and the simulated moment that produced the figure.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import cast

import numpy as np

from sim.snapshot import KINDS, GuestView, Snapshot, WorkloadResult

ROWS: tuple[str, ...] = (
    "architecture",
    "startup",
    "memory",
    "performance",
    "isolation",
    "portability",
    "use",
    "density",
)
# Results of one workload in one profile finishing this close together ran at once (as the
# benchmark view groups them).
BATCH_S = 1.0
CSV_FIELDS = ("row", "kind", "measured", "text", "source_view", "source_time_s", "experiment")


@dataclass(frozen=True, slots=True)
class Source:
    """The view whose figure a cell repeats, and the simulated moment it was produced."""

    view: str
    time_s: float


@dataclass(frozen=True, slots=True)
class Cell:
    """One contrast for one kind: its figures, an English sentence, its source or experiment.

    `figures` holds the numbers (and the ids they are about) a translated sentence is made of;
    `experiment` is "" once measured, else what fills it: "startup" (let one become ready),
    "running" (every one has stopped: start another), "workload", "fault", "move" or
    "hosts" (a move needs a second host).
    """

    row: str
    kind: str
    text: str
    figures: Mapping[str, object] = field(default_factory=dict)
    source: Source | None = None
    experiment: str = ""

    @property
    def measured(self) -> bool:
        """Return whether the run has produced this cell's figure."""
        return not self.experiment


@dataclass(frozen=True, slots=True)
class ContrastTable:
    """The table at `time_s`: `kinds` present in the run, one cell per (row, kind)."""

    time_s: float
    kinds: tuple[str, ...]
    cells: Mapping[tuple[str, str], Cell]

    def cell(self, row: str, kind: str) -> Cell:
        """Return the cell of `row` (one of ROWS) for `kind`."""
        return self.cells[(row, kind)]

    def as_json(self) -> dict[str, object]:
        """Return the table as the object `python -m sim table --json` prints."""
        return {
            "time_s": self.time_s,
            "kinds": list(self.kinds),
            "rows": {
                row: {kind: _cell_json(self.cell(row, kind)) for kind in self.kinds} for row in ROWS
            },
        }

    def as_csv(self) -> str:
        """Return the table as CSV text, one line per cell (CSV_FIELDS)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_FIELDS)
        for row in ROWS:
            for kind in self.kinds:
                c = self.cell(row, kind)
                writer.writerow(
                    (
                        row,
                        kind,
                        int(c.measured),
                        c.text,
                        c.source.view if c.source else "",
                        f"{c.source.time_s:.3f}" if c.source else "",
                        c.experiment,
                    )
                )
        return out.getvalue()


def _cell_json(c: Cell) -> dict[str, object]:
    return {
        "measured": c.measured,
        "text": c.text,
        "figures": dict(c.figures),
        "source": None if c.source is None else {"view": c.source.view, "time_s": c.source.time_s},
        "experiment": c.experiment,
    }


def contrast_table(snap: Snapshot) -> ContrastTable:
    """Return the contrast table of the run whose latest moment is `snap`."""
    # Moves are the session's, not one host's: a kind that moved away keeps its column.
    present = {g.kind for g in snap.guests} | {_kind_of(snap, m.guest_id) for m in snap.moves}
    kinds = tuple(k for k in KINDS if k in present)
    cells = {}
    for kind in kinds:
        guests = [g for g in snap.guests if g.kind == kind]
        for row in ROWS:
            cells[(row, kind)] = _ROW_CELLS[row](snap, kind, guests)
    return ContrastTable(snap.time_s, kinds, cells)


def _architecture(snap: Snapshot, kind: str, guests: list[GuestView]) -> Cell:
    live = sum(1 for g in guests if g.live)
    templates = _templates(snap, kind, guests)
    own = any(_own_kernel(snap, t) for t in templates)
    user = any(_user_space(snap, t) for t in templates)
    kernel = "own" if own else "user_space" if user else "host"
    text = {
        "own": f"{live} live, each on a kernel of its own ({live} kernels)",
        "user_space": f"{live} live, system calls answered by a user-space kernel",
        "host": f"{live} live, all on the one shared host kernel",
    }[kernel]
    return Cell(
        "architecture", kind, text, {"live": live, "kernel": kernel}, Source("layers", snap.time_s)
    )


def _own_kernel(snap: Snapshot, template_id: str) -> bool:
    t = snap.template(template_id)
    return t is not None and t.own_kernel


def _user_space(snap: Snapshot, template_id: str) -> bool:
    t = snap.template(template_id)
    return t is not None and t.user_space_kernel


def startup_figures(guests: Iterable[GuestView]) -> dict[str, object] | None:
    """Return median, range and dominating phase of the start-ups of the ready `guests`."""
    # A guest moving away has left its host: its start-up belongs to the move.
    ready = [g for g in guests if g.startup_s is not None and g.state != "moving"]
    if not ready:
        return None
    starts = [float(g.startup_s) for g in ready if g.startup_s is not None]
    per_phase: dict[str, float] = {}
    for g in ready:
        for p in g.phases:
            if p.end_s is not None:
                per_phase[p.name] = per_phase.get(p.name, 0.0) + p.end_s - p.start_s
    phase = max(per_phase, key=per_phase.__getitem__, default="")
    spent = per_phase.get(phase, 0.0)
    return {
        "n": len(starts),
        "median_s": float(np.median(starts)),
        "min_s": min(starts),
        "max_s": max(starts),
        "phase": phase,
        "phase_share": spent / max(sum(starts), 1e-12),
        "last_ready_s": max(float(g.ready_s or 0.0) for g in ready),
    }


def _startup(snap: Snapshot, kind: str, guests: list[GuestView]) -> Cell:
    f = startup_figures(guests)
    if f is None:
        return Cell(
            "startup", kind, "none ready yet: press play and wait for one", experiment="startup"
        )
    text = (
        f"median {f['median_s']:.3g} s ({f['min_s']:.3g}–{f['max_s']:.3g} s, n={f['n']}); "
        f"mostly {f['phase']} ({f['phase_share']:.0%})"
    )
    return Cell("startup", kind, text, f, Source("timeline", cast(float, f["last_ready_s"])))


def _memory(snap: Snapshot, kind: str, guests: list[GuestView]) -> Cell:
    running = [g for g in guests if g.live and g.state == "running"]
    if not running:
        if any(g.ready_s is not None for g in guests):
            return Cell("memory", kind, "none running now", experiment="running")
        return Cell("memory", kind, "none running yet: press play", experiment="startup")
    per = float(np.median([g.resident_mib for g in running]))
    if kind in ("container", "sandbox") and snap.memory_mib.get("page_cache", 0.0) > 0:
        shared, shared_mib = "page_cache", float(snap.memory_mib["page_cache"])
    elif snap.memory_mib.get("ksm_saved", 0.0) > 0 and any(
        _own_kernel(snap, g.template) for g in running
    ):
        shared, shared_mib = "ksm", float(snap.memory_mib["ksm_saved"])
    else:
        shared, shared_mib = "", 0.0
    shared_text = {
        "page_cache": f"image page cache {shared_mib:.0f} MiB shared",
        "ksm": f"KSM merged {shared_mib:.0f} MiB",
        "": "nothing shared",
    }[shared]
    return Cell(
        "memory",
        kind,
        f"{per:.1f} MiB resident each (n={len(running)}); {shared_text}",
        {"per_instance_mib": per, "n": len(running), "shared": shared, "shared_mib": shared_mib},
        Source("memory", snap.time_s),
    )


def latest_ratios(results: Iterable[WorkloadResult]) -> dict[str, float]:
    """Return per workload the mean ratio to the bare host of its most recent run."""
    by_workload: dict[str, list[WorkloadResult]] = {}
    for r in results:
        by_workload.setdefault(r.workload, []).append(r)
    ratios = {}
    for workload, rs in by_workload.items():
        last = max(r.time_s for r in rs)
        batch = {
            r.guest_id: r for r in sorted(rs, key=lambda r: r.time_s) if r.time_s >= last - BATCH_S
        }
        ratios[workload] = float(np.mean([r.ratio for r in batch.values()]))
    return ratios


def _performance(snap: Snapshot, kind: str, guests: list[GuestView]) -> Cell:
    # An idle guest's host CPU (its bare host figure is 0) is no ratio to the bare host.
    mine = [w for w in snap.workloads if w.native != 0 and _kind_of(snap, w.guest_id) == kind]
    if not mine:
        return Cell(
            "performance", kind, "no workload run yet: run one (Experiments)", experiment="workload"
        )
    ratios = latest_ratios(mine)
    text = ", ".join(f"{w} {r:.2f}×" for w, r in sorted(ratios.items()))
    return Cell(
        "performance",
        kind,
        text + " the bare host",
        {"ratios": ratios},
        Source("benchmark", max(w.time_s for w in mine)),
    )


def _kind_of(snap: Snapshot, guest_id: str) -> str:
    g = snap.guest(guest_id)
    if g is not None:
        return g.kind
    # A guest that moved away is on another host's snapshot; the session names every guest
    # "<template>-<n>", so its template, and with it its kind, is in its id.
    t = snap.template(guest_id.rpartition("-")[0])
    return t.kind if t is not None else ""


def _isolation(snap: Snapshot, kind: str, guests: list[GuestView]) -> Cell:
    mine = [i for i in snap.incidents if _kind_of(snap, i.guest_id) == kind]
    if not mine:
        return Cell("isolation", kind, "no fault yet: inject one (Experiments)", experiment="fault")
    last = max(mine, key=lambda i: i.time_s)
    reached = max(
        (st.target for st in last.steps if st.effect not in ("blocked", "contained")),
        key=_reach_rank,
        default=last.guest_id,
    )
    hit = {
        st.target
        for st in last.steps
        if snap.guest(st.target) is not None and st.effect in ("crashed", "compromised", "killed")
    }
    return Cell(
        "isolation",
        kind,
        f"{last.fault} in {last.guest_id}: {last.outcome}, reached "
        f"{reached}, guests hit: {len(hit)}",
        {
            "fault": last.fault,
            "guest": last.guest_id,
            "outcome": last.outcome,
            "reached": reached,
            "guests_hit": len(hit),
        },
        Source("log", last.time_s),
    )


def _reach_rank(target: str) -> int:
    """Return how far from the guest a target is: the host beyond its kernel beyond a guest."""
    if target.startswith("guest_kernel:"):
        return 1
    return {"runtime": 2, "hypervisor": 2, "host_kernel": 3, "host": 4}.get(target, 0)


def _portability(snap: Snapshot, kind: str, guests: list[GuestView]) -> Cell:
    mine = [m for m in snap.moves if m.end_s is not None and _kind_of(snap, m.guest_id) == kind]
    if not mine:
        need = "move" if len(snap.host_ids) > 1 else "hosts"
        text = (
            "no move yet: drag one to another host"
            if need == "move"
            else "no move yet: open a lesson with two hosts and move one"
        )
        return Cell("portability", kind, text, experiment=need)
    last = max(mine, key=lambda m: float(m.end_s or 0.0))
    runs = last.verdict == "running"
    return Cell(
        "portability",
        kind,
        f"{last.guest_id} → {last.target}: {last.total_mib:.0f} MiB "
        f"shipped, {'runs there' if runs else 'did not run: ' + last.verdict}",
        {
            "guest": last.guest_id,
            "target": last.target,
            "shipped_mib": last.total_mib,
            "runs": runs,
            "verdict": last.verdict,
        },
        Source("moves", float(last.end_s or 0)),
    )


def _templates(snap: Snapshot, kind: str, guests: list[GuestView]) -> Counter[str]:
    """Return how many guests of each template of `kind` the host shows, or else moved."""
    counts = Counter(g.template for g in guests)
    return counts or Counter(
        m.guest_id.rpartition("-")[0] for m in snap.moves if _kind_of(snap, m.guest_id) == kind
    )


def _use(snap: Snapshot, kind: str, guests: list[GuestView]) -> Cell:
    counts = _templates(snap, kind, guests)
    if not guests:
        return Cell(
            "use",
            kind,
            "moved away: " + ", ".join(counts),
            {"templates": dict(counts.most_common())},
            Source("moves", min(m.start_s for m in snap.moves)),
        )
    text = "in this run: " + ", ".join(f"{n}× {t}" for t, n in counts.most_common())
    return Cell(
        "use",
        kind,
        text,
        {"templates": dict(counts.most_common())},
        Source("layers", min(g.created_s for g in guests)),
    )


def _density(snap: Snapshot, kind: str, guests: list[GuestView]) -> Cell:
    counts = _templates(snap, kind, guests)
    rows = {r.template: r for r in snap.density}
    tid = next((t for t, _ in counts.most_common() if t in rows), None)
    if tid is None:
        return Cell(
            "density", kind, "no density row for this kind on this host", experiment="hosts"
        )
    row = rows[tid]
    return Cell(
        "density",
        kind,
        f"{row.max:,} more {tid} fit; {row.limit} binds first",
        {"template": tid, "max": row.max, "limit": row.limit},
        Source("density", snap.time_s),
    )


_ROW_CELLS = {
    "architecture": _architecture,
    "startup": _startup,
    "memory": _memory,
    "performance": _performance,
    "isolation": _isolation,
    "portability": _portability,
    "use": _use,
    "density": _density,
}

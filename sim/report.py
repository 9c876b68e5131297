"""What a run produced, as the JSON object and CSV files the CLI and the GUI export.

Every export covers every host of the session: results.json lists all guests (each with its
`host`), phases.csv and memory.csv carry a `host` column, events.csv the session's one log.
`export` writes the four files as one folder that replaces the target whole (sim/atomic.py),
so a reader never sees files of two runs mixed. This module reads the session; the session
only forwards `results()` and `export()` here.
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.atomic import staged_folder
from sim.recorder import SERIES

if TYPE_CHECKING:
    from sim.session import Session

EXPORT_FILES = ("results.json", "memory.csv", "phases.csv", "events.csv")


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def results(session: Session) -> dict[str, Any]:
    """Return the run's summary: seed, time, guests with phases, final memory, event count."""
    snap = session.snapshot()
    guests = []
    # A guest arriving on a host is still on its source: listed there, once.
    views = (g for hid in snap.host_ids for g in session.snapshot(hid).guests)
    for g in (g for g in views if g.move != "arriving"):
        guests.append(
            {
                "id": g.id,
                "template": g.template,
                "kind": g.kind,
                "state": g.state,
                "created_s": _r(g.created_s),
                "ready_s": _r(g.ready_s),
                "startup_s": _r(g.startup_s),
                "phases": [
                    {"name": p.name, "start_s": _r(p.start_s), "end_s": _r(p.end_s)}
                    for p in g.phases
                ],
                "resident_mib": _r(g.resident_mib),
                "reason": g.reason,
                "host": g.host,
            }
        )
    density = {
        row.template: {
            "max": row.max,
            "limit": row.limit,
            "limits": {k: (None if math.isinf(v) else int(v)) for k, v in row.limits.items()},
        }
        for row in snap.density
    }
    return {
        "seed": snap.seed,
        "until_s": _r(snap.time_s),
        "host": snap.host.preset,
        "policy": {
            "memory": session.scenario.policy.memory,
            "ksm": session.scenario.policy.ksm,
            "swap": session.scenario.policy.swap,
        },
        "guests": guests,
        "memory_mib": {k: _r(v) for k, v in snap.memory_mib.items()},
        "oom_kills": len(snap.oom_times_s),
        "density": density,
        "workloads": [
            {
                "workload": w.workload,
                "guest": w.guest_id,
                "profile": w.profile,
                "value": _r(w.value),
                "unit": w.unit,
                "ratio": _r(w.ratio),
                "native": w.native,
                "time_s": _r(w.time_s),
                "source": w.source,
            }
            for w in snap.workloads
        ],
        "incidents": [
            {
                "fault": i.fault,
                "guest": i.guest_id,
                "time_s": _r(i.time_s),
                "outcome": i.outcome,
                "explanation": i.explanation,
                "steps": [
                    {"time_s": _r(st.time_s), "target": st.target, "effect": st.effect}
                    for st in i.steps
                ],
            }
            for i in snap.incidents
        ],
        "moves": [
            {
                "guest": m.guest_id,
                "source": m.source,
                "target": m.target,
                "start_s": _r(m.start_s),
                "end_s": _r(m.end_s),
                "mib": _r(m.total_mib),
                "steps": [
                    {"name": p.name, "start_s": _r(p.start_s), "end_s": _r(p.end_s)}
                    for p in m.steps
                ],
                "verdict": m.verdict,
                "warnings": list(m.warnings),
            }
            for m in snap.moves
        ],
        "host_down": snap.host.down,
        "host_compromised": snap.host.compromised,
        "events": snap.events_processed,
        "log_dropped": session.recorder.log_dropped,  # oldest log entries let go (sim/recorder.py)
    }


def export(session: Session, directory: str | Path) -> list[Path]:
    """Write EXPORT_FILES as the folder `directory`, replacing an earlier export whole.

    Raises `sim.atomic.AtomicWriteError` (an OSError) naming the folder when it cannot, or when
    it holds files other than an earlier export's; the folder is then as it was.
    """
    target = Path(directory)
    with staged_folder(target, EXPORT_FILES) as staging:
        write_files(session, staging)
    return [target / name for name in EXPORT_FILES]


def write_files(session: Session, folder: Path) -> list[Path]:
    """Write EXPORT_FILES into the existing `folder` (not atomic: use `export`)."""
    paths = [folder / name for name in EXPORT_FILES]
    paths[0].write_text(json.dumps(results(session), indent=2) + "\n", encoding="utf-8")
    write_memory_csv(session, paths[1])
    write_phases_csv(session, paths[2])
    write_events_csv(session, paths[3])
    return paths


def write_memory_csv(session: Session, path: Path) -> None:
    """Write every host's memory series: host, time_s, then one MiB column per series."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["host", "time_s", *(f"{n}_mib" for n in SERIES)])
        for hid, host in session.hosts.items():
            for row in host.recorder.memory_rows().round(6).tolist():
                writer.writerow([hid, *row])


def write_phases_csv(session: Session, path: Path) -> None:
    """Write one row per phase span of every guest on every host (the host it is on now)."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            ["host", "guest", "template", "kind", "phase", "start_s", "end_s", "source"]
        )
        for hid in session.hosts:
            for g in session.snapshot(hid).guests:
                if g.move == "arriving":
                    continue  # still on its source, written there
                for p in g.phases:
                    end = "" if p.end_s is None else f"{p.end_s:.6f}"
                    writer.writerow(
                        [hid, g.id, g.template, g.kind, p.name, f"{p.start_s:.6f}", end, p.source]
                    )


def write_events_csv(session: Session, path: Path) -> None:
    """Write the event log: time_s, code, host (when the entry names one), guest, message."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["time_s", "code", "host", "guest", "message"])
        for e in session.recorder.log_view():
            host = e.params.get("host", "")
            writer.writerow(
                [
                    f"{e.time_s:.6f}",
                    e.code,
                    host if isinstance(host, str) else "",
                    e.guest_id or "",
                    e.message,
                ]
            )

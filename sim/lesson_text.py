"""Numbers in lesson text that the simulation produces, marked up so a test can check each one.

A lesson's prompts and notes write such a number as `{{84,044 IOPS = result random_io alpine-1}}`:
what the class reads, then the quantity of a run of the lesson that it states. `display` shows
only "84,044 IOPS"; `check` runs the lesson and fails on any number that the run no longer gives
at the precision written (`~` instead of `=` allows 10 %: "about 20 s"). A model change therefore
fails a test instead of leaving a lesson that contradicts the screen. Citations of the catalog's
references (`[felter2014:fio-random]`) are shown as the publication's short name.

Quantities (the run ends when the lesson's script is over, plus a margin):
  startup G · median_startup TEMPLATE · ready G · created G · resident G · mem G LAYER
  configured G · total_resident KIND|TEMPLATE · fastest|slowest TEMPLATE FROM TO (created then)
  all_ready KIND|TEMPLATE FROM TO (when the last of those created then was ready)
  phase G NAME · phase_end G NAME
  result W G [N] · ratio W G [N] · started W G [N]  (the N-th run of workload W in guest G)
  free [T] · layer LAYER [T] · layers L1,L2,… [T] · used [T] · peak_used
    (host memory, at simulated time T or at the end)
  count STATE [KIND|TEMPLATE] · density TEMPLATE · headroom TEMPLATE LIMIT · host FIELD
  incident G FAULT (when it struck) · event CODE G (when the log first said CODE about G)
  param CODE G KEY · config G KEY (a number of that event, of G's settings)
  reached G FAULT TARGET · delay G FAULT TARGET (when, and how long after, it reached TARGET)
  move G (MiB sent) · move_time G · move_step G NAME (transfer, convert, precopy, stopcopy,
  dump, restore) · move_downtime G (not running) · move_rounds G (live pre-copy rounds)
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from sim.references import CITATION, Reference, bundled_references
from sim.scenario import Scenario
from sim.session import Session
from sim.snapshot import (
    LAYERS,
    GuestView,
    Incident,
    LogEntry,
    MoveView,
    PhaseSpan,
    Snapshot,
    WorkloadResult,
)

MARGIN_S = 60.0  # after the script's last moment: enough for workloads and boots to finish
APPROX = 0.10  # what "~" allows
ANNOTATION = re.compile(r"\{\{\s*(?P<shown>[^{}=~]+?)\s*(?P<op>[=~])\s*(?P<query>[^{}]+?)\s*\}\}")
_SHOWN = re.compile(r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<dec>\d+))?\s*(?P<unit>\S*)")
# The unit as written -> (the unit a quantity has, how many of those one written unit is)
UNITS: Mapping[str, tuple[str, float]] = {
    "": ("", 1.0),
    "s": ("s", 1.0),
    "秒": ("s", 1.0),
    "ms": ("s", 1e-3),
    "毫秒": ("s", 1e-3),
    "MiB": ("MiB", 1.0),
    "GiB": ("MiB", 1024.0),
    "×": ("×", 1.0),
    "%": ("%", 1.0),
    "µs": ("µs", 1.0),
    "微秒": ("µs", 1.0),
    "IOPS": ("IOPS", 1.0),
    "req/s": ("req/s", 1.0),
    "GFLOPS": ("GFLOPS", 1.0),
    "GB/s": ("GB/s", 1.0),
    "Gbit/s": ("Gbit/s", 1.0),
    "tps": ("tps", 1.0),
}


class LessonTextError(ValueError):
    """An annotation is malformed, or asks for a quantity the run does not have."""


@dataclass(frozen=True, slots=True)
class Annotation:
    """One marked-up number: what is shown, the quantity it states, and how exactly."""

    shown: str
    query: str
    approximate: bool


def find_annotations(text: str) -> list[Annotation]:
    """Return the annotations in `text`, in order."""
    return [Annotation(m["shown"], m["query"], m["op"] == "~") for m in ANNOTATION.finditer(text)]


def display(
    text: str, markdown: bool = False, references: Mapping[str, Reference] | None = None
) -> str:
    """Return `text` as the class reads it: numbers without their queries, citations by name."""
    refs = bundled_references() if references is None else references

    def cite(m: re.Match[str]) -> str:
        ref = refs.get(m.group(1))
        if ref is None:
            return m.group(0)
        return f"[{ref.short}]({ref.url})" if markdown else f"({ref.short})"

    return CITATION.sub(cite, ANNOTATION.sub(lambda m: m["shown"], text))


def run_lesson(scenario: Scenario) -> Session:
    """Return a session of `scenario` run past its last step, action and arrival."""
    moments = [a.at_s for a in scenario.actions]
    moments += [g.at_s + g.stagger_s * (g.count - 1) for g in scenario.guests]
    if scenario.lesson is not None:
        moments += [st.at_s for st in scenario.lesson.steps]
    session = Session.bundled(scenario)
    session.run_until(max(moments, default=0.0) + MARGIN_S)
    # A move ships gigabytes and boots again: let moves under way finish.
    for _ in range(100):
        if all(m.end_s is not None for m in session.snapshot().moves):
            break
        session.advance(MARGIN_S)
    return session


def parse_shown(shown: str) -> tuple[float, int, str]:
    """Return the number, its decimals and its unit as written ("84,044 IOPS")."""
    m = _SHOWN.fullmatch(shown.strip())
    if m is None or m["unit"] not in UNITS:
        raise LessonTextError(
            f"{shown!r}: expected a number and one of the units " + ", ".join(u for u in UNITS if u)
        )
    digits = m["int"].replace(",", "") + (f".{m['dec']}" if m["dec"] else "")
    return float(digits), len(m["dec"] or ""), m["unit"]


def check(annotation: Annotation, snap: Snapshot) -> str | None:
    """Return why `annotation` is wrong for the run whose end is `snap`, or None if it holds."""
    number, decimals, unit = parse_shown(annotation.shown)
    value, quantity_unit = evaluate(annotation.query, snap)
    want_unit, per = UNITS[unit]
    if want_unit != quantity_unit:
        return f"{annotation.shown!r}: the quantity {annotation.query!r} is in {quantity_unit!r}"
    actual = value / per
    if annotation.approximate:
        ok = abs(actual - number) <= APPROX * max(abs(actual), 1e-12)
    else:
        ok = math.isclose(round(actual, decimals), number, rel_tol=0, abs_tol=1e-9)
    if ok:
        return None
    return (
        f"{annotation.shown!r} but the run gives {actual:,.{max(decimals, 2)}f} {unit} "
        f"for {annotation.query!r}"
    )


def _between(start_s: float | None, end_s: float | None) -> float | None:
    return None if start_s is None or end_s is None else end_s - start_s


def _series_at(snap: Snapshot, layer: str, args: list[str]) -> float:
    series = snap.series.layers[layer]
    if not args:
        return float(series[-1])
    i = int(np.searchsorted(snap.series.time_s, float(args[0]), side="right")) - 1
    return float(series[max(i, 0)])


def _guest(snap: Snapshot, gid: str) -> GuestView:
    for g in snap.guests:
        if g.id == gid:
            return g
    raise LessonTextError(f"no guest {gid!r} in the run")


def _phase(snap: Snapshot, gid: str, name: str) -> PhaseSpan:
    for p in _guest(snap, gid).phases:
        if p.name == name and p.end_s is not None:
            return p
    raise LessonTextError(f"{gid} has no finished phase {name!r}")


def _workload(snap: Snapshot, wid: str, gid: str, nth: str = "1") -> WorkloadResult:
    runs = sorted(
        (w for w in snap.workloads if w.workload == wid and w.guest_id == gid),
        key=lambda w: w.time_s,
    )
    if len(runs) < int(nth):
        raise LessonTextError(f"{gid} ran {wid} {len(runs)} times, not {nth}")
    return runs[int(nth) - 1]


def _readies(snap: Snapshot, which: str, from_s: str, to_s: str) -> list[float]:
    ready = [
        g.ready_s
        for g in snap.guests
        if which in (g.kind, g.template)
        and g.ready_s is not None
        and float(from_s) <= g.created_s < float(to_s)
    ]
    if not ready:
        raise LessonTextError(f"no {which} guest created from {from_s} to {to_s} s became ready")
    return ready


def _startups(snap: Snapshot, tid: str, from_s: str, to_s: str) -> list[float]:
    starts = [
        g.ready_s - g.created_s
        for g in snap.guests
        if g.template == tid
        and g.ready_s is not None
        and float(from_s) <= g.created_s < float(to_s)
    ]
    if not starts:
        raise LessonTextError(f"no {tid} guest created from {from_s} to {to_s} s became ready")
    return starts


def _median_startup(snap: Snapshot, tid: str) -> float:
    starts = [
        g.ready_s - g.created_s for g in snap.guests if g.template == tid and g.ready_s is not None
    ]
    if not starts:
        raise LessonTextError(f"no {tid} guest became ready")
    return float(np.median(starts))


def _count(snap: Snapshot, state: str, which: str = "*") -> float:
    return float(
        sum(1 for g in snap.guests if g.state == state and which in ("*", g.kind, g.template))
    )


def _density(snap: Snapshot, tid: str, limit: str | None = None) -> float:
    for row in snap.density:
        if row.template == tid:
            return float(row.max if limit is None else row.limits[limit])
    raise LessonTextError(f"no density row for {tid!r}")


def _incident(snap: Snapshot, gid: str, fault: str) -> Incident:
    for i in snap.incidents:
        if i.guest_id == gid and i.fault == fault:
            return i
    raise LessonTextError(f"no {fault} incident in {gid}")


def _event(snap: Snapshot, code: str, gid: str) -> LogEntry:
    for entry in snap.log:
        if entry.code == code and entry.guest_id == gid:
            return entry
    raise LessonTextError(f"no {code!r} event for {gid}")


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise LessonTextError(f"{value!r} is not a number")
    return float(value)


def _unit_of(key: str) -> str:
    """Return the unit a field's name declares: `_mib` MiB, `_s` seconds, else a count."""
    return "MiB" if key.endswith("_mib") else "s" if key.endswith("_s") else ""


def _reached(incident: Incident, target: str) -> float:
    for step in incident.steps:
        if step.target == target:
            return step.time_s
    raise LessonTextError(f"the {incident.fault} in {incident.guest_id} never reached {target}")


def _move_step(move: MoveView, name: str) -> tuple[float, float | None]:
    for step in move.steps:
        if step.name == name:
            return step.start_s, step.end_s
    raise LessonTextError(f"the move of {move.guest_id} has no step {name!r}")


def _move(snap: Snapshot, gid: str) -> MoveView:
    for m in snap.moves:
        if m.guest_id == gid:
            return m
    raise LessonTextError(f"{gid} never moved")


_QUERIES: Mapping[str, Callable[..., tuple[float | None, str]]] = {
    "startup": lambda s, g: (_between(_guest(s, g).created_s, _guest(s, g).ready_s), "s"),
    "median_startup": lambda s, tid: (_median_startup(s, tid), "s"),
    "fastest": lambda s, tid, t0, t1: (min(_startups(s, tid, t0, t1)), "s"),
    "all_ready": lambda s, which, t0, t1: (max(_readies(s, which, t0, t1)), "s"),
    "slowest": lambda s, tid, t0, t1: (max(_startups(s, tid, t0, t1)), "s"),
    "ready": lambda s, g: (_guest(s, g).ready_s, "s"),
    "created": lambda s, g: (_guest(s, g).created_s, "s"),
    "resident": lambda s, g: (sum(_guest(s, g).memory_mib.values()), "MiB"),
    "mem": lambda s, g, layer: (_guest(s, g).memory_mib.get(layer, 0.0), "MiB"),
    "configured": lambda s, g: (_guest(s, g).configured_mib, "MiB"),
    "total_resident": lambda s, which: (
        sum(sum(g.memory_mib.values()) for g in s.guests if which in (g.kind, g.template)),
        "MiB",
    ),
    "phase": lambda s, g, n: (_between(_phase(s, g, n).start_s, _phase(s, g, n).end_s), "s"),
    "phase_end": lambda s, g, n: (_phase(s, g, n).end_s, "s"),
    "result": lambda s, *a: (_workload(s, *a).value, _workload(s, *a).unit),
    "ratio": lambda s, *a: (_workload(s, *a).ratio, "×"),
    "started": lambda s, *a: (_workload(s, *a).start_s, "s"),
    "incident": lambda s, g, fault: (_incident(s, g, fault).time_s, "s"),
    "event": lambda s, code, g: (_event(s, code, g).time_s, "s"),
    "param": lambda s, code, g, key: (_number(_event(s, code, g).params[key]), _unit_of(key)),
    "config": lambda s, g, key: (_number(_guest(s, g).config[key]), _unit_of(key)),
    "delay": lambda s, g, fault, target: (
        _reached(_incident(s, g, fault), target) - _incident(s, g, fault).time_s,
        "s",
    ),
    "reached": lambda s, g, fault, target: (_reached(_incident(s, g, fault), target), "s"),
    "free": lambda s, *t: (_series_at(s, "free", list(t)), "MiB"),
    "layer": lambda s, layer, *t: (_series_at(s, layer, list(t)), "MiB"),
    "layers": lambda s, names, *t: (
        sum(_series_at(s, la, list(t)) for la in names.split(",")),
        "MiB",
    ),
    "used": lambda s, *t: (sum(_series_at(s, layer, list(t)) for layer in LAYERS), "MiB"),
    "peak_used": lambda s: (float(max(sum(s.series.layers[la] for la in LAYERS))), "MiB"),
    "count": lambda s, *a: (_count(s, *a), ""),
    "density": lambda s, tid: (_density(s, tid), ""),
    "headroom": lambda s, tid, limit: (_density(s, tid, limit), ""),
    "host": lambda s, name: (float(getattr(s.host, name)), ""),
    "move": lambda s, g: (_move(s, g).total_mib, "MiB"),
    "move_time": lambda s, g: (_between(_move(s, g).start_s, _move(s, g).end_s), "s"),
    "move_step": lambda s, g, name: (_between(*_move_step(_move(s, g), name)), "s"),
    "move_downtime": lambda s, g: (_move(s, g).downtime_s, "s"),
    "move_rounds": lambda s, g: (float(_move(s, g).rounds), ""),
}


def quantity_names() -> tuple[str, ...]:
    """Return the names of the quantities a query may ask for."""
    return tuple(_QUERIES)


def evaluate(query: str, snap: Snapshot) -> tuple[float, str]:
    """Return the value of `query` in the run ending with `snap`, and its unit."""
    name, *args = query.split()
    fn = _QUERIES.get(name)
    if fn is None:
        raise LessonTextError(f"{query!r}: expected one of the quantities " + ", ".join(_QUERIES))
    try:
        value, unit = fn(snap, *args)
    except (TypeError, KeyError, AttributeError, ValueError) as exc:
        if isinstance(exc, LessonTextError):
            raise
        raise LessonTextError(f"{query!r}: {exc}") from None
    if value is None or not math.isfinite(value):
        raise LessonTextError(f"{query!r}: the run has no value for it")
    return float(value), unit

"""Command line: `python -m sim run|table|density|fill|lessons|catalog`.

Human-readable by default, one JSON object with `--json`. Errors go to stderr with exit status
2, and nothing is half-written: `--out` files appear together or not at all.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from sim import vcpu_policy
from sim.catalog import Catalog, CatalogError
from sim.fill import fill
from sim.host import Policy
from sim.lessons import bundled_lessons
from sim.references import as_json as references_json
from sim.scenario import DEFAULT_SCENARIO, HostSpec, Scenario, ScenarioError, load_scenario
from sim.scenario_templates import with_templates
from sim.session import Session

DEFAULT_UNTIL_S = 60.0


class UsageError(Exception):
    """A command-line argument that argparse accepted but the catalog does not know."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m sim", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run a scenario and report what happened")
    run.add_argument("scenario", nargs="?", type=Path, default=DEFAULT_SCENARIO)
    run.add_argument(
        "--until",
        type=float,
        default=DEFAULT_UNTIL_S,
        metavar="S",
        help=f"simulated seconds to run (default {DEFAULT_UNTIL_S:g})",
    )
    run.add_argument("--seed", type=int, help="override the scenario's seed")
    run.add_argument("--json", action="store_true", help="print one JSON object")
    run.add_argument(
        "--out",
        type=_folder,
        metavar="DIR",
        help="write JSON and CSV files as this folder (new, empty or an earlier "
        "export, which is replaced whole)",
    )
    tab = sub.add_parser("table", help="the eight contrasts by kind of guest, measured in a run")
    tab.add_argument("scenario", nargs="?", type=Path, default=DEFAULT_SCENARIO)
    tab.add_argument(
        "--until",
        type=float,
        default=DEFAULT_UNTIL_S,
        metavar="S",
        help=f"simulated seconds to run (default {DEFAULT_UNTIL_S:g})",
    )
    tab.add_argument(
        "--host",
        default="",
        metavar="ID",
        help="the host whose guests make the columns (default: the first)",
    )
    fmt = tab.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print one JSON object")
    fmt.add_argument("--csv", action="store_true", help="print CSV, one line per cell")
    for name, helptext in (
        ("density", "how many more of each template fit, and why"),
        ("fill", "add guests one by one until one no longer fits"),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--host", default="classroom-server", help="host preset id")
        p.add_argument("--template", action="append", metavar="ID", help="template id (repeat)")
        p.add_argument(
            "--templates-from",
            type=Path,
            metavar="SCENARIO",
            help="also offer the templates a scenario file defines ([[templates]])",
        )
        p.add_argument("--policy", choices=("overcommit", "reserve"), default="overcommit")
        p.add_argument("--ksm", action="store_true", help="kernel same-page merging on")
        p.add_argument("--swap", action="store_true", help="let the host swap")
        p.add_argument(
            "--vcpu-policy",
            metavar="N:1|none",
            help="vCPUs a VM may commit per core, or none for no cap (default: the preset's)",
        )
        p.add_argument("--json", action="store_true", help="print one JSON object")
    les = sub.add_parser("lessons", help="the bundled lessons, one line each")
    les.add_argument("--json", action="store_true", help="print one JSON object")
    cat = sub.add_parser("catalog", help="templates and hosts with their numbers and sources")
    cat.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def _folder(text: str) -> Path:
    if not text.strip():
        raise argparse.ArgumentTypeError("expected a folder name, got an empty one")
    return Path(text)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return {
            "run": _run,
            "density": _density,
            "fill": _fill,
            "catalog": _catalog,
            "lessons": _lessons,
            "table": _table,
        }[args.command](args)
    except (ScenarioError, CatalogError, UsageError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    if not math.isfinite(args.until) or not 0 <= args.until <= 1e6:
        raise UsageError(f"--until: expected seconds from 0 to 1e6, got {args.until}")
    scenario = load_scenario(args.scenario)
    if args.seed is not None:
        if not 0 <= args.seed < 2**63:
            raise UsageError(f"--seed: expected a whole number from 0 to 2**63-1, got {args.seed}")
        scenario = replace(scenario, seed=args.seed)
    session = Session.bundled(scenario)
    session.run_until(args.until)
    if args.out is not None:
        session.export(args.out)
    results = session.results()
    if args.json:
        print(json.dumps(results, sort_keys=True))
    else:
        _print_run(results)
    return 0


def _table(args: argparse.Namespace) -> int:
    from sim.contrast import ROWS, contrast_table

    if not math.isfinite(args.until) or not 0 <= args.until <= 1e6:
        raise UsageError(f"--until: expected seconds from 0 to 1e6, got {args.until}")
    session = Session.bundled(load_scenario(args.scenario))
    session.run_until(args.until)
    if args.host and args.host not in session.snapshot().host_ids:
        raise UsageError(
            f"--host: expected one of {', '.join(session.snapshot().host_ids)}, got {args.host!r}"
        )
    table = contrast_table(session.snapshot(args.host))
    if args.json:
        print(json.dumps(table.as_json(), sort_keys=True, ensure_ascii=False))
    elif args.csv:
        sys.stdout.write(table.as_csv())
    else:
        print(f"Contrasts at {table.time_s:g} s (kinds: {', '.join(table.kinds) or 'none'})")
        for row in ROWS:
            for kind in table.kinds:
                cell = table.cell(row, kind)
                mark = "" if cell.measured else "  [to measure]"
                print(f"  {row:<13} {kind:<16} {cell.text}{mark}")
    return 0


def _print_run(r: dict[str, Any]) -> None:
    print(
        f"HostLab run: host {r['host']}, seed {r['seed']}, until {r['until_s']:g} s, "
        f"{r['events']} events"
    )
    print(f"{'guest':<20} {'kind':<16} {'state':<9} {'startup':>10} {'resident':>12}")
    for g in r["guests"]:
        startup = "—" if g["startup_s"] is None else f"{g['startup_s']:.3f} s"
        print(
            f"{g['id']:<20} {g['kind']:<16} {g['state']:<9} {startup:>10} "
            f"{g['resident_mib']:>8.1f} MiB"
        )
    mem = r["memory_mib"]
    used = sum(v for k, v in mem.items() if k not in ("free", "swap_used", "ksm_saved"))
    print(
        f"memory: {used:.0f} MiB used, {mem['free']:.0f} MiB free, "
        f"{mem['swap_used']:.0f} MiB swap, {mem['ksm_saved']:.0f} MiB saved by KSM; "
        f"{r['oom_kills']} OOM kills"
    )


def _scenario_for(args: argparse.Namespace) -> tuple[Scenario, list[str]]:
    catalog = Catalog.load()
    defined = load_scenario(args.templates_from).templates if args.templates_from else ()
    catalog = with_templates(catalog, defined)
    if args.host not in catalog.hosts:
        raise UsageError(f"--host: expected one of {', '.join(catalog.hosts)}, got {args.host!r}")
    templates = args.template or list(catalog.templates)
    for tid in templates:
        if tid not in catalog.templates:
            raise UsageError(
                f"--template: expected one of {', '.join(catalog.templates)}, got {tid!r}"
            )
    overrides: dict[str, object] = {}
    if args.vcpu_policy is not None:
        try:
            overrides["vcpu_per_core"] = vcpu_policy.parse_text(args.vcpu_policy)
        except ValueError as exc:
            raise UsageError(f"--vcpu-policy: {exc}") from None
    scenario = Scenario(
        host=HostSpec(args.host, overrides),
        policy=Policy(args.policy, args.ksm, args.swap),
        templates=defined,
    )
    return scenario, templates


def _vcpu_ratio(scenario: Scenario) -> float:
    """Return the vCPU policy of the scenario's first host."""
    return scenario.host.resolve(Catalog.load()).vcpu_per_core


def _limits_json(limits: Mapping[str, float]) -> dict[str, int | None]:
    return {k: (None if math.isinf(v) else int(v)) for k, v in limits.items()}


def _density(args: argparse.Namespace) -> int:
    scenario, templates = _scenario_for(args)
    rows = {row.template: row for row in Session.bundled(scenario).density()}
    if args.json:
        print(
            json.dumps(
                {
                    "host": args.host,
                    "policy": args.policy,
                    "vcpu_policy": vcpu_policy.ratio_text(_vcpu_ratio(scenario)),
                    "templates": {
                        t: {
                            "max": rows[t].max,
                            "limit": rows[t].limit,
                            "limits": _limits_json(rows[t].limits),
                            "after_ksm": rows[t].after_ksm,
                            "ksm_catch_up_s": round(rows[t].ksm_catch_up_s, 1),
                        }
                        for t in templates
                    },
                },
                sort_keys=True,
            )
        )
        return 0
    ratio = vcpu_policy.describe(_vcpu_ratio(scenario))
    print(f"How many more fit on {args.host} ({args.policy}, {ratio}):")
    for t in templates:
        row = rows[t]
        others = ", ".join(
            f"{k} {'∞' if math.isinf(v) else int(v)}"
            for k, v in row.limits.items()
            if k != row.limit
        )
        print(f"  {t:<16} {row.max:>7}  limited by {row.limit:<13} ({others})")
        if row.after_ksm is not None:
            print(
                f"  {'':<16} {row.after_ksm:>7}  once KSM has merged each new guest's identical "
                f"pages (its last catch-up takes about {row.ksm_catch_up_s / 60:.0f} min)"
            )
    return 0


def _fill(args: argparse.Namespace) -> int:
    scenario, templates = _scenario_for(args)
    results = [fill(scenario, t, Catalog.load()) for t in templates]
    if args.json:
        print(
            json.dumps(
                {
                    "host": args.host,
                    "policy": args.policy,
                    "templates": {
                        r.template: {
                            "count": r.count,
                            "stopped_by": r.stopped_by,
                            "time_s": round(r.time_s, 6),
                        }
                        for r in results
                    },
                },
                sort_keys=True,
            )
        )
        return 0
    for r in results:
        print(
            f"  {r.template:<16} {r.count:>7} started, then {r.stopped_by} "
            f"(at {r.time_s:.1f} s simulated)"
        )
    return 0


def _catalog(args: argparse.Namespace) -> int:
    catalog = Catalog.load()
    templates = {
        t.id: {
            "kind": t.kind,
            "name": t.name,
            "image": t.image.id if t.image else None,
            "vcpus": t.vcpus,
            "memory_mib": t.memory_mib,
            "pids": t.pids,
            "disk_gib": t.disk_gib,
            "expected_startup_s": round(t.expected_startup_s(), 6),
            "expected_resident_mib": round(t.expected_resident_mib, 3),
            "sources": dict(t.sources),
            "phases": [
                {
                    "name": p.name,
                    "cpu_s": p.cpu_s,
                    "io_mib": p.io_mib,
                    "wait_s": p.wait_s,
                    "alloc_mib": dict(p.alloc),
                    "source": p.source,
                }
                for p in t.phases
            ],
        }
        for t in catalog.templates.values()
    }
    hosts = {
        h.id: {
            "name": h.name,
            "cores": h.cores,
            "ram_gib": h.ram_gib,
            "hypervisor": h.hypervisor,
            "sources": dict(h.sources),
        }
        for h in catalog.hosts.values()
    }
    if args.json:
        print(
            json.dumps(
                {
                    "templates": templates,
                    "hosts": hosts,
                    "references": references_json(catalog.references),
                },
                sort_keys=True,
            )
        )
        return 0
    print("Templates (start-up alone on classroom-server, resident memory once running):")
    for tid, t in templates.items():
        print(
            f"  {tid:<16} {t['kind']:<16} {t['expected_startup_s']:>8.3f} s "
            f"{t['expected_resident_mib']:>9.1f} MiB  {t['name']}"
        )
    print("Hosts:")
    for hid, h in hosts.items():
        print(
            f"  {hid:<16} {h['cores']:>3} cores {h['ram_gib']:>5g} GiB  {h['hypervisor']:<6} "
            f"{h['name']}"
        )
    print("Every number's source: python -m sim catalog --json")
    return 0


def _lessons(args: argparse.Namespace) -> int:
    lessons = bundled_lessons()
    if args.json:
        print(
            json.dumps(
                {
                    "lessons": [
                        {
                            "id": le.id,
                            "file": str(le.path),
                            "contrast": le.lesson.contrast,
                            "title": le.lesson.title,
                            "title_zh": le.lesson.title_zh,
                            "summary": le.lesson.summary,
                            "summary_zh": le.lesson.summary_zh,
                            "steps": len(le.lesson.steps),
                        }
                        for le in lessons
                    ]
                },
                sort_keys=True,
                ensure_ascii=False,
            )
        )
        return 0
    for le in lessons:
        lesson = le.lesson
        print(f"  {lesson.contrast:<24} {le.id:<24} {lesson.title}: {lesson.summary}")
    return 0

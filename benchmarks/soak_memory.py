"""Memory over a long churn run: do the recorder and the event log stay bounded?

Usage: ``python benchmarks/soak_memory.py [--hours 72] [--every 60]``. Every ``--every``
simulated seconds five alpine containers are added and the five added before are removed, for
``--hours`` simulated hours. The run is made twice, each in a fresh process: with the
recorder's bounds (the default) and with them lifted (every sample and log entry kept, as
before the bound). Prints the process's resident memory (RSS) every 24 simulated hours, then
one final line of JSON with both runs and the ratio of their RSS growth.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def rss_mib() -> float:
    """Return the process's resident memory now, in MiB (Linux /proc)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def churn(hours: float, every_s: float, bounded: bool) -> dict:
    """Run the churn scenario in this process; return RSS every 24 h and the recorder's size."""
    from sim import recorder as rec
    from sim.scenario import HostSpec, Scenario
    from sim.session import Session

    if not bounded:
        rec.Recorder.__init__.__defaults__ = (1024, 10**12, 10**12)
    session = Session.bundled(Scenario(host=HostSpec("classroom-server"), seed=1))
    rss = {"0": round(rss_mib(), 1)}
    previous: list[str] = []
    t = 0.0
    while t < hours * 3600:
        ids = session.add_guests("alpine", 5)
        for gid in previous:
            if session.guest(gid).live:
                session.remove_guest(gid)
        previous = ids
        t += every_s
        session.run_until(t)
        if t % 86400 < every_s:
            rss[str(round(t / 3600))] = round(rss_mib(), 1)
    rss[str(round(t / 3600))] = round(rss_mib(), 1)
    return {
        "rss_mib_by_hour": rss,
        "samples": len(session.recorder.memory_rows()),
        "log_entries": len(session.recorder.log),
        "log_dropped": session.recorder.log_dropped,
        "events": session.engine.events_processed,
    }


def main() -> None:
    """Run both soaks in child processes and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=72.0)
    parser.add_argument("--every", type=float, default=60.0)
    parser.add_argument("--mode", choices=("bounded", "unbounded"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(churn(args.hours, args.every, args.mode == "bounded")))
        return
    runs = {}
    for mode in ("bounded", "unbounded"):
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--hours",
                str(args.hours),
                "--every",
                str(args.every),
                "--mode",
                mode,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        runs[mode] = json.loads(out.splitlines()[-1])
        print(f"{mode:>9}: {runs[mode]}")

    def growth(run: dict) -> float:
        values = list(run["rss_mib_by_hour"].values())
        return values[-1] - values[0]

    print(
        json.dumps(
            {
                "hours": args.hours,
                **runs,
                "rss_growth_ratio": round(
                    growth(runs["bounded"]) / max(growth(runs["unbounded"]), 1e-9), 3
                ),
            }
        )
    )


if __name__ == "__main__":
    main()

"""What an OOM storm costs: many microVMs started at once on a host far too small for them.

Usage: ``python benchmarks/oom_storm.py [--repeat 3]``. Starts N Firecracker microVMs at t = 0
on ``big-server`` cut down to 1.5 GiB of RAM (almost every one is OOM-killed) and, as the
baseline in the same process, the same N on a big-server with room for all of them. Prints a
table, then one final line of JSON with the storm's cost per guest over the baseline's. Before
the OOM killer kept its candidates apart, every kill scanned every guest: 10,000 microVMs took
about 90 s, quadratic growth. Target: the ratio stays flat as N grows.
"""

from __future__ import annotations

import argparse
import gc
import json
import time

from sim.catalog import Catalog
from sim.host import Policy
from sim.scenario import GuestSpec, HostSpec, Scenario
from sim.session import Session

STORM_HOST = HostSpec("big-server", {"ram_gib": 1.5, "vcpu_per_core": 64.0})
ROOMY_HOST = HostSpec("big-server", {"vcpu_per_core": 64.0})
COUNTS = (1_000, 4_000)  # big-server's 64 cores × 64 vCPUs each: 4,096 one-vCPU microVMs
END_S = 1e6


def simulate(host: HostSpec, count: int, catalog: Catalog) -> tuple[float, int]:
    """Start `count` microVMs at once, run until nothing is left to do; return wall s, kills."""
    scenario = Scenario(
        seed=1, host=host, policy=Policy(), guests=(GuestSpec("firecracker", count, 0.0, 0.0),)
    )
    gc.collect()
    start = time.perf_counter()
    session = Session(scenario, catalog)
    session.run_until(END_S)
    return time.perf_counter() - start, len(session.recorder.oom_times_s)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    catalog = Catalog.load()
    rows = []
    print(f"{'guests':>7} {'storm s':>8} {'kills':>6} {'roomy s':>8} {'ratio':>6}")
    for count in COUNTS:
        storm = min(simulate(STORM_HOST, count, catalog) for _ in range(args.repeat))
        roomy = min(simulate(ROOMY_HOST, count, catalog) for _ in range(args.repeat))
        ratio = storm[0] / roomy[0]
        rows.append(
            {
                "guests": count,
                "storm_s": round(storm[0], 4),
                "kills": storm[1],
                "roomy_s": round(roomy[0], 4),
                "ratio": round(ratio, 3),
            }
        )
        print(f"{count:>7} {storm[0]:>8.3f} {storm[1]:>6} {roomy[0]:>8.3f} {ratio:>6.2f}")
    growth = rows[-1]["ratio"] / rows[0]["ratio"]
    print(json.dumps({"benchmark": "oom_storm", "runs": rows, "ratio_growth": round(growth, 3)}))


if __name__ == "__main__":
    main()

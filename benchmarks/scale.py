"""How the cost of a simulation grows with the number of guests started at once.

Usage: ``python benchmarks/scale.py [--repeat 3] [--profile N]``. Starts 100, 1,000 and 10,000
alpine containers, then 10, 100 and 500 Ubuntu Server VMs, all at t = 0 on ``big-server`` with
host overrides so that no density limit stops them, and runs each until every guest is ready.
Prints a table, then one final line of JSON. Times are wall-clock seconds (time.perf_counter),
the best of ``--repeat`` runs. Target: near-linear growth; 10,000 containers in under 2 s.
``--profile N`` instead prints a cProfile of the container run with N guests.

The machine's speed is factored out by a yardstick run in the same process: SimPy with 10,000
processes of 100 timeouts each (1,000,000 timeouts). Each repeat runs the yardstick and the
10,000-container start back to back; ``containers_10000_per_simpy`` is the median of their CPU
time ratios (target: at most 0.4).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import pstats
import statistics
import time

import simpy

from sim.host import Policy
from sim.scenario import GuestSpec, HostSpec, Scenario
from sim.session import Session

# No limit may bind: the point is the cost of the simulation, not the host's capacity.
CONTAINER_HOST = HostSpec("big-server", {"bridge_ports": 1_000_000, "pid_max": 4_194_304})
VM_HOST = HostSpec("big-server", {"vcpu_per_core": 16.0})
CASES = [("alpine", CONTAINER_HOST, n) for n in (100, 1_000, 10_000)] + [
    ("ubuntu-server", VM_HOST, n) for n in (10, 100, 500)
]
END_S = 1e6  # far beyond any start; the engine stops when nothing is left to do


def simulate(template: str, host: HostSpec, count: int) -> tuple[float, float, int, float]:
    """Start `count` guests at once and run until all are ready.

    Returns the wall time, the CPU time of this process (the fairer figure on a busy machine),
    the engine events processed and the simulated time of the last ready.
    """
    scenario = Scenario(
        seed=1, host=host, policy=Policy(), guests=(GuestSpec(template, count, 0.0, 0.0),)
    )
    gc.collect()
    start, start_cpu = time.perf_counter(), time.process_time()
    session = Session.bundled(scenario)
    session.run_until(END_S)
    wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    guests = session.host.guests.values()
    not_ready = [g.id for g in guests if g.state != "running"]
    if len(guests) != count or not_ready:
        raise SystemExit(
            f"{template} × {count}: {len(not_ready)} guests not ready "
            f"(e.g. {not_ready[:3]}, {[g.reason for g in guests][:3]})"
        )
    last_ready = max(g.ready_s for g in guests)
    return wall, cpu, session.engine.events_processed, last_ready


def simpy_yardstick(processes: int = 10_000, steps: int = 100) -> float:
    """Return the CPU seconds SimPy takes for `processes` × `steps` timeouts of 1 s each."""
    gc.collect()
    start = time.process_time()
    env = simpy.Environment()

    def sleeper():  # type: ignore[no-untyped-def]
        for _ in range(steps):
            yield env.timeout(1.0)

    for _ in range(processes):
        env.process(sleeper())
    env.run()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=int, metavar="N", default=0)
    args = parser.parse_args()
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(simulate, "alpine", CONTAINER_HOST, args.profile)
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)
        return

    rows = []
    print(
        f"{'template':<14} {'guests':>7} {'wall s':>8} {'cpu s':>7} {'events':>8} "
        f"{'events/s':>9} {'µs/guest':>9} {'last ready s':>13}"
    )
    ratios: list[float] = []
    yardsticks: list[float] = []
    for template, host, count in CASES:
        runs = []
        for _ in range(args.repeat):
            if count == 10_000:
                yardsticks.append(simpy_yardstick())
            runs.append(simulate(template, host, count))
            if count == 10_000:
                ratios.append(runs[-1][1] / yardsticks[-1])
        wall, _, events, last_ready = min(runs)
        cpu = min(run[1] for run in runs)
        rows.append(
            {
                "template": template,
                "guests": count,
                "wall_s": round(wall, 4),
                "cpu_s": round(cpu, 4),
                "events": events,
                "events_per_s": round(events / wall),
                "last_ready_s": round(last_ready, 3),
            }
        )
        print(
            f"{template:<14} {count:>7} {wall:>8.3f} {cpu:>7.3f} {events:>8} "
            f"{events / wall:>9.0f} {wall / count * 1e6:>9.1f} {last_ready:>13.2f}"
        )
    growth = {}
    for template in ("alpine", "ubuntu-server"):
        mine = [r for r in rows if r["template"] == template]
        first, last = mine[0], mine[-1]
        # 1.0 means linear: wall time per guest stays the same from the smallest to largest run.
        growth[template] = round(
            (last["wall_s"] / last["guests"]) / (first["wall_s"] / first["guests"]), 2
        )
    print("per-guest cost, largest run / smallest run (1.0 = linear):", growth)
    print(
        json.dumps(
            {
                "benchmark": "scale",
                "runs": rows,
                "per_guest_growth": growth,
                "containers_10000_s": next(r["wall_s"] for r in rows if r["guests"] == 10_000),
                "simpy_1m_timeouts_cpu_s": round(min(yardsticks), 4),
                "containers_10000_per_simpy": round(statistics.median(ratios), 3),
                "containers_10000_per_simpy_runs": [round(r, 3) for r in ratios],
            }
        )
    )


if __name__ == "__main__":
    main()

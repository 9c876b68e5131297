"""CPU cost of one `Session.snapshot()` in a boot storm, and of its pending walk, cached or not.

Usage: ``python benchmarks/snapshot_cost.py [--guests 1000 5000] [--frames 40]``. Builds
gui_frame's guest mix, runs to t = 19 s (most guests still starting), then per frame advances
33 ms and takes a snapshot, timing with process time. In the same process it times the pending
memory walk without its per-guest cache (what every frame paid before). Final line is JSON:
``{"guests": {"5000": {"snapshot_ms": …, "pending_cached_ms": …, "pending_fresh_ms": …,
"cached_over_fresh": …}}}``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def measure(n: int, frames: int) -> dict[str, float]:
    """Return median CPU ms of a snapshot and of the pending walk, cached and fresh."""
    from gui_frame import START_S, scenario

    from sim.density import pending_mib
    from sim.session import Session

    session = Session.bundled(scenario(n))
    session.advance(START_S)
    snap_ms: list[float] = []
    cached_ms: list[float] = []
    fresh_ms: list[float] = []
    for _ in range(frames):
        session.advance(0.033)
        c = time.process_time()
        session.snapshot()
        snap_ms.append(time.process_time() - c)
        cache = session.__dict__["_pending_shares"][session.host.id]
        c = time.process_time()
        cached = pending_mib(session.host, cache)
        cached_ms.append(time.process_time() - c)
        c = time.process_time()
        fresh = pending_mib(session.host)
        fresh_ms.append(time.process_time() - c)
        assert cached == fresh, (cached, fresh)
    med = {
        k: statistics.median(v) * 1000
        for k, v in (
            ("snapshot_ms", snap_ms),
            ("pending_cached_ms", cached_ms),
            ("pending_fresh_ms", fresh_ms),
        )
    }
    med["cached_over_fresh"] = med["pending_cached_ms"] / med["pending_fresh_ms"]
    return {k: round(v, 3) for k, v in med.items()}


def main() -> None:
    """Run the measurement and print a table and the final JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guests", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--frames", type=int, default=40)
    args = parser.parse_args()
    results = {str(n): measure(n, args.frames) for n in args.guests}
    for n, r in results.items():
        print(
            f"{n:>6} guests: snapshot {r['snapshot_ms']:.2f} ms CPU; pending walk "
            f"{r['pending_cached_ms']:.2f} ms cached vs {r['pending_fresh_ms']:.2f} ms fresh"
        )
    print(json.dumps({"guests": results}))


if __name__ == "__main__":
    main()

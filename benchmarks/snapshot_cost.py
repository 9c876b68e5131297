"""CPU cost of one `Session.snapshot()` and its tally in a boot storm, kept vs built afresh.

Usage: ``python benchmarks/snapshot_cost.py [--guests 1000 5000] [--frames 40]``. Builds
gui_frame's guest mix, runs to t = 19 s (most guests still starting, a few changing each
frame), then per frame advances 33 ms and times, with process time, the session's snapshot plus
its tally (what the window takes each frame: kept up to date change by change), then in the same
process the same snapshot rebuilt over every guest as each frame did before: from each guest's
cached view, pending memory summed over every starting guest, the tally counted guest by guest
(`sim.snapshot_cache.snapshot_afresh` with `Guest.view`), and checks both are equal. Final line
is JSON: ``{"guests": {"5000": {"snapshot_ms": …, "rebuilt_ms": …, "kept_over_rebuilt": …,
"changed_per_frame": …}}}`` (`changed_per_frame`: guests whose view changed, median).
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
    """Return median CPU ms of a kept and of a rebuilt snapshot with tally, and their ratio."""
    from gui_frame import START_S, scenario

    from sim.guest import Guest
    from sim.history import snapshots_equal
    from sim.session import Session
    from sim.snapshot import count_guests
    from sim.snapshot_cache import snapshot_afresh

    session = Session.bundled(scenario(n))
    session.advance(START_S)
    before = session.snapshot()
    kept_ms: list[float] = []
    fresh_ms: list[float] = []
    changed: list[int] = []
    for _ in range(frames):
        session.advance(0.033)
        c = time.process_time()
        snap = session.snapshot()
        tally = snap.tally
        kept_ms.append(time.process_time() - c)
        c = time.process_time()
        fresh = snapshot_afresh(session, session.host.id, Guest.view)
        fresh_tally = count_guests(fresh.guests)
        fresh_ms.append(time.process_time() - c)
        assert snapshots_equal(snap, fresh) and tally == fresh_tally
        changed.append(sum(a is not b for a, b in zip(before.guests, snap.guests, strict=False)))
        changed[-1] += len(snap.guests) - len(before.guests)
        before = snap
    med = {
        "snapshot_ms": statistics.median(kept_ms) * 1000,
        "rebuilt_ms": statistics.median(fresh_ms) * 1000,
        "changed_per_frame": statistics.median(changed),
    }
    med["kept_over_rebuilt"] = med["snapshot_ms"] / med["rebuilt_ms"]
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
            f"{n:>6} guests: snapshot + tally {r['snapshot_ms']:.2f} ms CPU kept vs "
            f"{r['rebuilt_ms']:.2f} ms rebuilt ({r['changed_per_frame']:g} guests changed a frame)"
        )
    print(json.dumps({"guests": results}))


if __name__ == "__main__":
    main()

"""The history of a run, for rewinding and branching: published moments and the hand calls.

A live session cannot be copied (its processes are generators), so the past is kept in two
forms. For looking, every published moment: the immutable snapshots of each host, which share
their `GuestView`s with one another, so a moment costs a few pointers per guest. A moment's
memory series is not kept with it: it is cut from the newest series by time when asked for
(the recorder is append-only, so the newest series holds every earlier one). For going on from
the past, the hand calls (guests added, faults injected, steps...) with the simulated time at
which each was made: a new session of the same scenario replays them, in order, up to the
moment when play resumes there and a branch starts.

Memory stays bounded: once `max_moments` moments are kept, every other one of the older half is
let go, so a long run keeps its recent moments frame by frame and older ones at coarser steps.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.snapshot import MemorySeries, Snapshot

if TYPE_CHECKING:
    from sim.catalog import Catalog
    from sim.scenario import Scenario
    from sim.session import Session

MAX_MOMENTS = 4000  # moments kept: 2 minutes of frames at 30 per second, older ones thinned
# The calls a replay may make on a Session: the ones that change what happens.
HAND_METHODS: frozenset[str] = frozenset(
    {"add_guests", "remove_guest", "move_guest", "set_config", "run_workload", "inject", "step"}
)
_NO_SERIES = MemorySeries(time_s=np.zeros(0), layers={})


@dataclass(frozen=True, slots=True)
class HandCall:
    """One call on the session made by hand, at simulated time `time_s`."""

    time_s: float
    method: str
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Moment:
    """The snapshots of every host at one published instant (memory series left out)."""

    time_s: float
    snapshots: Mapping[str, Snapshot]
    samples: Mapping[str, int]  # each host's series length at that instant


class History:
    """Moments of one run and the hand calls that shaped it; knows which branch it is on."""

    def __init__(self, max_moments: int = MAX_MOMENTS) -> None:
        self.max_moments = max(max_moments, 8)
        self._times: list[float] = []
        self._moments: list[Moment] = []
        self._latest: dict[str, MemorySeries] = {}
        self.calls: list[HandCall] = []
        self.branch = 0  # 0 for the run as first played, then 1, 2, ... for each new branch
        self.branch_from_s: float | None = None  # where the current branch left the old one

    def __len__(self) -> int:
        return len(self._moments)

    @property
    def start_s(self) -> float:
        """Return the earliest kept moment's time (0 when nothing is kept)."""
        return self._times[0] if self._times else 0.0

    @property
    def end_s(self) -> float:
        """Return the latest kept moment's time (0 when nothing is kept)."""
        return self._times[-1] if self._times else 0.0

    def times(self) -> tuple[float, ...]:
        """Return the times of the kept moments, oldest first."""
        return tuple(self._times)

    def record(self, snapshots: Mapping[str, Snapshot]) -> None:
        """Keep the moment `snapshots` show (one per host, all at the same time).

        A second moment at the same time replaces the first: a moment is what the window
        showed last at that instant. A moment earlier than the last one cuts the history there
        (the run went on from an earlier time: what came after is no longer its past).
        """
        time_s = next(iter(snapshots.values())).time_s
        if self._times and time_s < self._times[-1]:
            self.truncate(time_s)
        for host, snap in snapshots.items():
            self._latest[host] = snap.series
        moment = Moment(
            time_s,
            {h: s.with_series(_NO_SERIES) for h, s in snapshots.items()},
            {h: len(s.series.time_s) for h, s in snapshots.items()},
        )
        if self._times and self._times[-1] == time_s:
            self._moments[-1] = moment
            return
        self._times.append(time_s)
        self._moments.append(moment)
        if len(self._moments) > self.max_moments:
            self._thin()

    def note(self, time_s: float, method: str, *args: Any, **kwargs: Any) -> None:
        """Remember a hand call on the session (`method` of HAND_METHODS) made at `time_s`."""
        if method not in HAND_METHODS:
            raise ValueError(f"{method!r} is not a call a replay can make")
        self.calls.append(HandCall(time_s, method, args, dict(kwargs)))

    def moment_index(self, time_s: float) -> int:
        """Return the index of the last moment at or before `time_s` (the first if none)."""
        return max(bisect.bisect_right(self._times, time_s) - 1, 0)

    def at(self, time_s: float) -> dict[str, Snapshot]:
        """Return each host's snapshot of the last moment at or before `time_s`."""
        if not self._moments:
            raise LookupError("the history is empty")
        moment = self._moments[self.moment_index(time_s)]
        return {
            host: snap.with_series(self._series(host, moment))
            for host, snap in moment.snapshots.items()
        }

    def truncate(self, time_s: float) -> None:
        """Forget every moment and hand call after `time_s` (a branch starts there)."""
        keep = bisect.bisect_right(self._times, time_s)
        del self._times[keep:], self._moments[keep:]
        self.calls = [c for c in self.calls if c.time_s <= time_s]

    def start_branch(self, time_s: float) -> None:
        """Cut the history at `time_s` and count a new branch leaving from there."""
        self.truncate(time_s)
        self.branch += 1
        self.branch_from_s = time_s

    def replay(self, scenario: Scenario, until_s: float, catalog: Catalog) -> Session:
        """Return a new session of `scenario` with the hand calls made again, run to `until_s`.

        Calls at `until_s` itself are made: the moment at `until_s` is the one after them.
        """
        from sim.session import Session

        session = Session(scenario, catalog)
        for call in self.calls:
            if call.time_s > until_s:
                break
            session.run_until(call.time_s)
            try:
                getattr(session, call.method)(*call.args, **call.kwargs)
            except (KeyError, ValueError):
                continue  # refused when made too (e.g. a guest no longer live), before any change
        session.run_until(until_s)
        return session

    def _series(self, host: str, moment: Moment) -> MemorySeries:
        latest = self._latest.get(host)
        if latest is None:
            return _NO_SERIES
        t = latest.time_s
        n = moment.samples[host]
        # Samples only ever come later in time: unless the recorder has compacted its older
        # samples since, the first n are the very ones the moment had; if it has, cut by time.
        if n and not (n <= len(t) and t[n - 1] <= moment.time_s):
            n = int(np.searchsorted(t, moment.time_s, side="right"))
        return MemorySeries(time_s=t[:n], layers={k: v[:n] for k, v in latest.layers.items()})

    def _thin(self) -> None:
        half = len(self._moments) // 2
        keep = list(range(0, half, 2)) + list(range(half, len(self._moments)))
        self._moments = [self._moments[i] for i in keep]
        self._times = [self._times[i] for i in keep]


def snapshots_equal(a: Snapshot, b: Snapshot) -> bool:
    """Return whether two snapshots show the same moment: every field, series by value."""
    for name in (f.name for f in fields(Snapshot) if f.compare):  # not the tally cache
        x, y = getattr(a, name), getattr(b, name)
        if name == "series":
            if not np.array_equal(x.time_s, y.time_s) or x.layers.keys() != y.layers.keys():
                return False
            if any(not np.array_equal(x.layers[k], y.layers[k]) for k in x.layers):
                return False
        elif name == "log":
            if list(x) != list(y):
                return False
        elif x != y:
            return False
    return True

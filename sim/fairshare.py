"""Fluid max-min fair-share resource: CPU cores, disk bandwidth, network bandwidth.

Active jobs share ``capacity`` by water-filling: jobs whose cap is below the fair level run at
their cap, the rest split what is left equally. Jobs with the same cap always run at the same
rate, so each *cap group* keeps a virtual clock (work done per job since the group was formed)
and a heap of its jobs' finish points on that clock. An arrival, departure or completion then
costs O(G log G + log N) for G distinct caps and N jobs, instead of touching every job.

The resource keeps exactly one pending "next completion" timeout in the engine; it is lazily
cancelled and replaced whenever the sharing changes.
"""

from __future__ import annotations

from heapq import heappop, heappush
from itertools import count

from sim.engine import Engine, Event, Timeout
from sim.engine_events import _PENDING

# A job with at most this fraction of its work left (or this much, for work < 1) is done:
# finish points are differences of accumulated floats and may miss zero by a rounding error.
_DONE_TOLERANCE = 1e-9


def _by_cap(group: _Group) -> float:
    return group.cap


class Job(Event):
    """Work submitted to a `FairShare`; succeeds (value None) when all of it is done."""

    __slots__ = ("_resource", "_group", "_finish", "_left", "work", "cap")

    def __init__(self, resource: FairShare, work: float, cap: float | None) -> None:
        # Event.__init__ written out: a job is made for every CPU, disk and network demand.
        self.engine = resource.engine
        self.callbacks = []
        self._value = _PENDING
        self._ok = True
        self._resource = resource
        self._group: _Group | None = None  # set while the job shares the resource
        self._finish = 0.0  # point on the group's virtual clock where the job is done
        self._left = float(work)  # work left when the job stopped sharing
        self.work = float(work)
        self.cap = cap

    @property
    def remaining(self) -> float:
        """Return the work left as of ``engine.now``."""
        group = self._group
        if group is None:
            return self._left
        return max(0.0, self._finish - self._resource._clock_now(group))

    @property
    def rate(self) -> float:
        """Return the job's current rate (0 once it has finished or been cancelled)."""
        return 0.0 if self._group is None else self._group.rate

    def cancel(self) -> None:
        """Withdraw the job from the resource; its callbacks never run, the others re-share."""
        if self._group is not None:
            self._resource._withdraw(self)
        super().cancel()


class _Group:
    """Jobs with the same cap: one virtual clock, one heap of finish points."""

    __slots__ = ("cap", "clock", "rate", "count", "heap")

    def __init__(self, cap: float) -> None:
        self.cap = cap
        self.clock = 0.0  # work done by each member since the group was formed
        self.rate = 0.0  # rate of each member
        self.count = 0  # live members; the heap may also hold withdrawn ones (lazy deletion)
        self.heap: list[tuple[float, int, Job]] = []

    def head(self) -> Job | None:
        """Return the live job that finishes first, dropping withdrawn ones."""
        heap = self.heap
        while heap and heap[0][2]._group is not self:
            heappop(heap)
        return heap[0][2] if heap else None


class FairShare:
    """A capacity shared max-min fairly by the jobs submitted to it."""

    def __init__(self, engine: Engine, capacity: float, name: str = "") -> None:
        if not capacity > 0:
            raise ValueError(f"capacity must be > 0, got {capacity}")
        self.engine = engine
        self.name = name
        self._capacity = float(capacity)
        self._groups: dict[float, _Group] = {}
        self._active = 0
        self._load = 0.0
        self._updated = engine.now  # time up to which the group clocks are advanced
        self._pending: Timeout | None = None
        self._next_group: _Group | None = None
        self._seq = count()  # FIFO among jobs with equal finish points

    @property
    def capacity(self) -> float:
        """Return the total rate shared by the jobs."""
        return self._capacity

    @property
    def active_count(self) -> int:
        """Return the number of jobs sharing the resource."""
        return self._active

    @property
    def load(self) -> float:
        """Return the sum of the current rates."""
        return self._load

    @property
    def utilisation(self) -> float:
        """Return load / capacity."""
        return self._load / self._capacity

    def submit(self, work: float, cap: float | None = None) -> Job:
        """Start ``work`` units at up to ``cap`` per unit time (None: the whole capacity)."""
        if work < 0:
            raise ValueError(f"work must be >= 0, got {work}")
        if cap is not None and not cap > 0:
            raise ValueError(f"cap must be > 0 or None, got {cap}")
        job = Job(self, work, cap)
        if work == 0:
            return job.succeed()  # type: ignore[return-value]
        if self.engine.now != self._updated:
            self._advance()
        # Caps at or above the capacity behave alike: keep them in one group.
        key = self._capacity
        if cap is not None and cap < key:
            key = float(cap)
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = _Group(key)
        job._group = group
        job._finish = group.clock + job.work
        heappush(group.heap, (job._finish, next(self._seq), job))
        group.count += 1
        self._active += 1
        self._reshare()
        return job

    def _clock_now(self, group: _Group) -> float:
        return group.clock + group.rate * (self.engine.now - self._updated)

    def _advance(self) -> None:
        elapsed = self.engine.now - self._updated
        if elapsed > 0:
            for group in self._groups.values():
                group.clock += group.rate * elapsed
        self._updated = self.engine.now

    def _leave(self, job: Job, left: float) -> None:
        group = job._group
        assert group is not None
        job._group = None
        job._left = left
        group.count -= 1
        self._active -= 1
        if group.count == 0:
            # A fresh group restarts its clock at 0, which keeps finish points precise.
            del self._groups[group.cap]

    def _withdraw(self, job: Job) -> None:
        self._advance()
        group = job._group
        assert group is not None
        self._leave(job, max(0.0, job._finish - group.clock))
        self._reshare()

    def _reshare(self) -> None:
        """Water-fill the capacity over the groups, then reschedule the next completion."""
        left = self._capacity
        jobs_left = self._active
        groups = self._groups.values()
        if len(groups) <= 1:  # the common cases (idle, or one cap for every job), in fewer steps
            self._load = 0.0
            for group in groups:
                fair = left / jobs_left
                group.rate = rate = group.cap if group.cap <= fair else fair
                self._load = rate * group.count
            self._reschedule()
            return
        load = 0.0
        for group in sorted(groups, key=_by_cap):
            fair = left / jobs_left
            # Caps ascend, and removing a capped group only raises the fair level, so the
            # first group above the fair level and all after it share `left` equally.
            rate = group.cap if group.cap <= fair else fair
            if group.cap <= fair:
                left -= group.cap * group.count
                jobs_left -= group.count
            group.rate = rate
            load += rate * group.count
        self._load = load
        self._reschedule()

    def _reschedule(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        best_delay = 0.0
        best_group: _Group | None = None
        for group in self._groups.values():
            heap = group.heap  # group.head() inlined: this runs on every arrival and completion
            while heap[0][2]._group is not group:
                heappop(heap)
            job = heap[0][2]
            # Clamp at zero: a rounding error must never move a finish time into the past.
            delay = (job._finish - group.clock) / group.rate
            if not delay > 0.0:  # max(0.0, delay) without the call; NaN also becomes 0
                delay = 0.0
            if best_group is None or delay < best_delay:
                best_delay, best_group = delay, group
        self._next_group = best_group
        if best_group is not None:
            self._pending = self.engine.timeout(best_delay)
            self._pending.callbacks.append(self._on_completion)  # type: ignore[union-attr]

    def _on_completion(self, event: Event) -> None:
        self._pending = None
        self._advance()
        finished: list[Job] = []
        # The predicted job is done even if rounding left a sliver: this guarantees progress.
        predicted = self._next_group.head() if self._next_group is not None else None
        if predicted is not None:
            finished.append(predicted)
            self._leave(predicted, 0.0)
        for group in list(self._groups.values()):
            while (job := group.head()) is not None and (
                job._finish - group.clock
                <= _DONE_TOLERANCE * (job.work if job.work > 1.0 else 1.0)  # max(1.0, work)
            ):
                finished.append(job)
                self._leave(job, 0.0)
        self._reshare()
        for job in finished:
            job.succeed()

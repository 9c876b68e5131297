"""Discrete-event engine: one heap of events, generator processes, SimPy's semantics.

The heap holds ``(time, key, event)`` where ``key = (priority - NORMAL) * _PRIORITY_STRIDE +
sequence``: one int comparison orders equal times by priority, then FIFO by insertion, and the
event itself is never compared; a NORMAL key is just the sequence number (a small int, cheap to
make and compare). Same program ⇒ same heap order ⇒ identical trace (no wall clock, no hashing
order). The event classes live in `sim.engine_events` and are re-exported here.

Behaviour is SimPy 4's wherever both have the feature, and a differential test
(``tests/sim/test_engine_vs_simpy.py``) runs thousands of random programs on both to keep it so:
ordering at equal times (urgent before normal, then FIFO), processes starting urgently at the
current time, interrupts, a failure thrown into each waiting process as its own copy chained
(``__cause__``) to the original, a failed event nobody defused raising (as such a copy) out of
``step()``/``run()``, ``all_of`` failing with its first failed member and then letting go of the
others, and a process yielding something that is not an event raising ``RuntimeError`` out of
the engine.

HostLab adds what SimPy lacks: lazy cancellation (`Event.cancel`: a cancelled event is skipped
when popped, never counted, never shown by `peek`), `run_until` / `run_through` for half-open
and closed intervals, `events_processed`; ``tests/sim/test_engine_cancel.py`` checks them
against a plain reference model. Deliberate differences from SimPy, each checked by a test:

- ``all_of`` succeeds with a **list** of its members' values in member order, where SimPy gives
  a mapping by event (same values, same order; SimPy flattens nested conditions into one
  mapping, HostLab nests lists). No model code needs look-up by event.
- A nested ``all_of`` that is still pending when its enclosing one fails keeps listening to its
  members (SimPy detaches it too, so it never triggers and anyone waiting on it hangs).
- ``run_until(now)`` is an empty interval and does nothing (SimPy's ``run(until=now)`` raises):
  a paused GUI advances by zero every frame. A time in the past raises ``ValueError`` in both.
- ``run_until(t)`` leaves nothing behind, where SimPy's ``run(until=t)`` leaves its stop event
  queued at ``t`` (a later ``step()`` processes it and ``peek()`` reports it), and, if a
  failure escapes first, still armed to stop a later ``run()`` early.
- ``process()`` of something that is not a generator raises ``TypeError`` (SimPy:
  ``ValueError``), as Python does for an argument of the wrong type.
- A failure thrown into a waiter is copied with its instance attributes too; an exception
  whose constructor rejects its own ``args`` is thrown as the original (SimPy would crash).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from heapq import heappop, heappush
from itertools import count
from typing import Any

from sim.engine_events import (
    _PRIORITY_STRIDE,
    NORMAL,
    URGENT,
    AllOf,
    Callback,
    Event,
    Interrupt,
    Process,
    ProcessGenerator,
    Timeout,
    chained_copy,
)

__all__ = [
    "NORMAL",
    "URGENT",
    "AllOf",
    "Callback",
    "EmptySchedule",
    "Engine",
    "Event",
    "Interrupt",
    "Process",
    "ProcessGenerator",
    "Timeout",
]

_new_object = object.__new__


class EmptySchedule(Exception):
    """Raised by `Engine.step` when no live event is left."""


class Engine:
    """Event heap and simulated clock; ``now`` only moves forward."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = float(start)
        # Popped and handled (cancelled events are not counted); the run loops keep it in a
        # local and bring it up to date when they return.
        self.events_processed = 0
        self.active_process: Process | None = None
        self._heap: list[tuple[float, int, Event]] = []
        self._seq = count()

    def schedule(self, event: Event, priority: int = NORMAL, delay: float = 0.0) -> None:
        """Put ``event`` on the heap at ``now + delay``; lower priority runs first at equal time."""
        heappush(
            self._heap,
            (self.now + delay, (priority - NORMAL) * _PRIORITY_STRIDE + next(self._seq), event),
        )

    def event(self) -> Event:
        """Return a new pending event, to be triggered by `Event.succeed` or `Event.fail`."""
        return Event(self)

    def timeout(self, delay: float, value: Any = None) -> Timeout:
        """Return an event that succeeds with ``value`` after ``delay``."""
        # Timeout.__init__ inlined: this is the call every process makes in its inner loop.
        if delay < 0:
            raise ValueError(f"delay must be >= 0, got {delay}")
        event = _new_object(Timeout)
        event.engine = self
        event.callbacks = []
        event._value = value
        event._ok = True
        heappush(self._heap, (self.now + delay, next(self._seq), event))
        return event

    def process(self, generator: ProcessGenerator) -> Process:
        """Start ``generator`` as a process at the current time."""
        return Process(self, generator)

    def all_of(self, events: Iterable[Event]) -> AllOf:
        """Return an event that succeeds when all ``events`` have succeeded."""
        return AllOf(self, events)

    def peek(self) -> float:
        """Return the time of the next live event, or ``math.inf`` if there is none."""
        heap = self._heap
        while heap and heap[0][2]._ok is None:
            heappop(heap)
        return heap[0][0] if heap else math.inf

    def step(self) -> None:
        """Process exactly one live event.

        Raises
        ------
        EmptySchedule
            If no live event is left.
        BaseException
            A copy (chained to it) of the exception of a failed event that no callback defused.
        """
        heap = self._heap
        while True:
            if not heap:
                raise EmptySchedule()
            when, _, event = heappop(heap)
            ok = event._ok
            if ok is not None:
                break
        self.now = when
        callbacks = event.callbacks
        event.callbacks = None
        self.events_processed += 1
        for callback in callbacks:  # type: ignore[union-attr]
            callback(event)
        if not ok and not getattr(event, "_defused", False):
            raise chained_copy(event._value)

    def run_until(self, t: float) -> None:
        """Process every event with time < ``t`` (half-open), then set ``now = t``.

        Events at exactly ``t`` stay queued: they belong to the next interval, so advancing in
        frames ``[0, dt), [dt, 2dt), ...`` handles each event exactly once. ``t == now`` is an
        empty interval. If an event's failure escapes, ``now`` stays at that event's time.

        Raises
        ------
        ValueError
            If ``t < now``.
        """
        if t < self.now:
            raise ValueError(f"run_until({t}) is in the past (now = {self.now})")
        self._run_before(t)
        self.now = float(t)

    def run_through(self, t: float) -> None:
        """Process every event with time <= ``t`` (closed), then set ``now = t``."""
        if t < self.now:
            raise ValueError(f"run_through({t}) is in the past (now = {self.now})")
        if t == math.inf:  # no float lies above infinity to stop before
            self.run()
        else:
            self._run_before(math.nextafter(t, math.inf))
        self.now = float(t)

    def run(self) -> None:
        """Process events until none is left (including those scheduled at infinity)."""
        # The hot loop: step() inlined, with the processed-counter kept in a local.
        heap = self._heap
        pop = heappop
        handled = 0
        try:
            while heap:
                when, _, event = pop(heap)
                ok = event._ok
                if ok is None:  # cancelled
                    continue
                self.now = when
                callbacks = event.callbacks
                event.callbacks = None
                handled += 1
                for callback in callbacks:  # type: ignore[union-attr]
                    callback(event)
                if not ok and not getattr(event, "_defused", False):
                    raise chained_copy(event._value)
        finally:
            self.events_processed += handled

    def _run_before(self, limit: float) -> None:
        """Process every event with time < ``limit``: run()'s loop, stopping at ``limit``."""
        heap = self._heap
        pop = heappop
        handled = 0
        try:
            while heap:
                entry = pop(heap)
                when, _, event = entry
                if when >= limit:
                    heappush(heap, entry)  # the same entry: its place in the order is kept
                    break
                ok = event._ok
                if ok is None:  # cancelled
                    continue
                self.now = when
                callbacks = event.callbacks
                event.callbacks = None
                handled += 1
                for callback in callbacks:  # type: ignore[union-attr]
                    callback(event)
                if not ok and not getattr(event, "_defused", False):
                    raise chained_copy(event._value)
        finally:
            self.events_processed += handled

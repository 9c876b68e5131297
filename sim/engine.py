"""Discrete-event engine: one heap of events, generator processes, SimPy-style semantics.

The heap holds ``(time, key, event)`` where ``key = (priority - NORMAL) * _PRIORITY_STRIDE +
sequence``: one int comparison orders equal times by priority, then FIFO by insertion, and the
event itself is never compared; a NORMAL key is just the sequence number (a small int, cheap to
make and compare). Cancellation is lazy: a cancelled event stays in the heap and is skipped when
popped. Same program ⇒ same heap order ⇒ identical trace (no wall clock, no hashing order).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator, Iterable
from contextlib import suppress
from heapq import heappop, heappush
from itertools import count
from typing import Any

URGENT = 0
NORMAL = 1
# Far above any sequence number a run can reach, so priority always dominates the sequence.
_PRIORITY_STRIDE = 1 << 62
_PENDING: Any = object()  # value of an event that has not been triggered yet
_new_object = object.__new__

Callback = Callable[["Event"], None]
ProcessGenerator = Generator["Event", Any, Any]


class EmptySchedule(Exception):
    """Raised by `Engine.step` when no live event is left."""


class Interrupt(Exception):
    """Thrown into a process by `Process.interrupt`; ``cause`` says why."""

    @property
    def cause(self) -> Any:
        """Return the cause given to `Process.interrupt`."""
        return self.args[0]


class Event:
    """Something that happens at one instant; callbacks run when the engine processes it."""

    # `_ok` is True (succeeded, or not triggered yet), False (failed) or None (cancelled): one
    # slot read tells the hot loop both whether to skip and whether to check for a failure.
    # `_defused` is left unset until someone handles a failure: it is only read for failures.
    __slots__ = ("engine", "callbacks", "_value", "_ok", "_defused")

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.callbacks: list[Callback] | None = []
        self._value: Any = _PENDING
        self._ok: bool | None = True

    @property
    def triggered(self) -> bool:
        """Return whether the event has a value and is (or was) scheduled."""
        return self._value is not _PENDING

    @property
    def processed(self) -> bool:
        """Return whether the engine has run the event's callbacks."""
        return self.callbacks is None

    @property
    def ok(self) -> bool:
        """Return whether the event succeeded (meaningful once triggered; False if cancelled)."""
        return self._ok is True

    @property
    def cancelled(self) -> bool:
        """Return whether `cancel` withdrew the event before it was processed."""
        return self._ok is None

    @property
    def defused(self) -> bool:
        """Return whether a failure of this event has been handled (so step() won't raise it)."""
        return getattr(self, "_defused", False)

    @defused.setter
    def defused(self, value: bool) -> None:
        self._defused = value

    @property
    def value(self) -> Any:
        """Return the event's value, or its exception if it failed."""
        if self._value is _PENDING:
            raise AttributeError(f"value of {self!r} is not yet available")
        return self._value

    def succeed(self, value: Any = None) -> Event:
        """Schedule the event now with ``value``."""
        if self._value is not _PENDING:
            raise RuntimeError(f"{self!r} has already been triggered")
        self._value = value
        if self._ok is not None:  # a cancelled event keeps its value but is never scheduled
            self.engine.schedule(self)
        return self

    def fail(self, exc: BaseException) -> Event:
        """Schedule the event now as failed with ``exc``."""
        if self._value is not _PENDING:
            raise RuntimeError(f"{self!r} has already been triggered")
        if not isinstance(exc, BaseException):
            raise TypeError(f"fail() needs an exception, got {exc!r}")
        self._value = exc
        if self._ok is not None:
            self._ok = False
            self.engine.schedule(self)
        return self

    def cancel(self) -> None:
        """Withdraw the event: if scheduled, it is skipped when popped; callbacks never run."""
        if self.callbacks is not None:
            self._ok = None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} at {id(self):#x}>"


class Timeout(Event):
    """Event that succeeds ``delay`` after its creation."""

    __slots__ = ()

    def __init__(self, engine: Engine, delay: float, value: Any = None) -> None:
        if delay < 0:
            raise ValueError(f"delay must be >= 0, got {delay}")
        self.engine = engine
        self.callbacks = []
        self._value = value
        self._ok = True
        # Inlined schedule(): timeouts are the hottest path of every model.
        heappush(engine._heap, (engine.now + delay, next(engine._seq), self))


class Process(Event):
    """Run a generator that yields events; succeed with its return value or fail with its error."""

    __slots__ = ("_generator", "target", "_resume_cb")

    def __init__(self, engine: Engine, generator: ProcessGenerator) -> None:
        if not (hasattr(generator, "send") and hasattr(generator, "throw")):
            raise TypeError(f"process() needs a generator, got {generator!r}")
        super().__init__(engine)
        self._generator = generator
        self._resume_cb: Callback = self._resume  # one bound method, so remove() can find it
        # Start at the current time, before any normal event scheduled for now (as SimPy does).
        start = Event(engine)
        start._value = None
        start.callbacks = [self._resume_cb]
        engine.schedule(start, URGENT)
        self.target: Event | None = start

    @property
    def is_alive(self) -> bool:
        """Return whether the generator has not finished yet."""
        return self._value is _PENDING

    def interrupt(self, cause: Any = None) -> None:
        """Stop waiting on the target and throw `Interrupt(cause)` into the process now (urgent)."""
        if self._value is not _PENDING:
            raise RuntimeError(f"{self!r} has finished and cannot be interrupted")
        if self.engine.active_process is self:
            raise RuntimeError("a process cannot interrupt itself")
        event = Event(self.engine)
        event._ok = False
        event._value = Interrupt(cause)
        event.defused = True
        event.callbacks = [self._on_interrupt]
        self.engine.schedule(event, URGENT)

    def _on_interrupt(self, event: Event) -> None:
        # Detach here rather than in interrupt(): the process may not have started yet, or may
        # have moved on to another target between interrupt() and now.
        if self._value is not _PENDING:
            return
        target = self.target
        if target is not None and target.callbacks is not None:
            with suppress(ValueError):
                target.callbacks.remove(self._resume_cb)
        self._resume(event)

    def _resume(self, event: Event) -> None:
        engine = self.engine
        engine.active_process = self
        generator = self._generator
        while True:
            try:
                if event._ok:
                    event = generator.send(event._value)
                else:
                    event.defused = True  # the process handles it, or fails with it
                    event = generator.throw(event._value)
            except StopIteration as stop:
                self._value = stop.value
                self.target = None
                engine.schedule(self)
                break
            except BaseException as error:
                self._ok = False
                self._value = error
                self.target = None
                engine.schedule(self)
                break
            try:
                callbacks = event.callbacks
            except AttributeError:
                # Throw a clear error into the generator instead of failing somewhere obscure.
                bad = Event(engine)
                bad._ok = False
                bad._value = TypeError(f"process yielded {event!r}, which is not an Event")
                event = bad
                continue
            if callbacks is not None:
                callbacks.append(self._resume_cb)
                self.target = event
                break
            # Already processed: resume at once with its outcome.
        engine.active_process = None


class AllOf(Event):
    """Succeed with the list of values once every event succeeded; fail as soon as one fails."""

    __slots__ = ("_events", "_remaining")

    def __init__(self, engine: Engine, events: Iterable[Event]) -> None:
        super().__init__(engine)
        self._events = list(events)
        self._remaining = len(self._events)
        if not self._events:
            self.succeed([])
            return
        for event in self._events:
            if event.engine is not engine:
                raise ValueError("all_of() cannot mix events of different engines")
            if event.callbacks is None:
                self._check(event)
            else:
                event.callbacks.append(self._check)

    def _check(self, event: Event) -> None:
        if not event._ok:
            event.defused = True
        if self._value is not _PENDING:
            return
        if not event._ok:
            self.fail(event._value)
            return
        self._remaining -= 1
        if self._remaining == 0:
            self.succeed([e._value for e in self._events])


class Engine:
    """Event heap and simulated clock; ``now`` only moves forward."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = float(start)
        self.events_processed = 0  # popped and handled; cancelled events are not counted
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
            The exception of a failed event that nobody handled (no callbacks, not defused).
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
        if not ok and not event.defused and not callbacks:
            raise event._value

    def run_until(self, t: float) -> None:
        """Process every event with time < ``t`` (half-open), then set ``now = t``.

        Events at exactly ``t`` stay queued: they belong to the next interval, so advancing in
        frames ``[0, dt), [dt, 2dt), ...`` handles each event exactly once.

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
        self._run_before(math.nextafter(t, math.inf))
        self.now = float(t)

    def run(self) -> None:
        """Process events until none is left."""
        self._run_before(math.inf)
        # What is left sits at infinity (a "never" timeout); peek() drops cancelled entries.
        while self.peek() == math.inf and self._heap:
            self.step()

    def _run_before(self, limit: float) -> None:
        # The hot loop: step() inlined, with the processed-counter kept in a local.
        heap = self._heap
        pop = heappop
        handled = 0
        try:
            while heap and heap[0][0] < limit:
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
                if not ok and not event.defused and not callbacks:
                    raise event._value
        finally:
            self.events_processed += handled

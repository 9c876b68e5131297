"""The engine's events: plain events, timeouts, generator processes, interrupts and `AllOf`.

Semantics follow SimPy 4 (see `sim.engine` for the few deliberate differences). The hot paths
(`Timeout` creation, `Process._resume`) are written out by hand; the rare ones (failures,
interrupts) favour clarity.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable
from heapq import heappush
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from sim.engine import Engine

URGENT = 0
NORMAL = 1
# Far above any sequence number a run can reach, so priority always dominates the sequence.
_PRIORITY_STRIDE = 1 << 62
_URGENT_KEY = (URGENT - NORMAL) * _PRIORITY_STRIDE  # an urgent event's key, less its sequence
_new_object = object.__new__
_PENDING: Any = object()  # value of an event that has not been triggered yet

Callback = Callable[["Event"], None]
ProcessGenerator = Generator["Event", Any, Any]


class Interrupt(Exception):
    """Thrown into a process by `Process.interrupt`; ``cause`` says why."""

    @property
    def cause(self) -> Any:
        """Return the cause given to `Process.interrupt`."""
        return self.args[0]


def chained_copy(error: BaseException) -> BaseException:
    """Return a fresh copy of ``error`` whose ``__cause__`` is ``error`` (as SimPy does).

    Each process that waits on a failed event gets its own copy, so one waiter's traceback never
    collects another's frames, and the cause chain leads back to where the failure began.
    """
    try:
        copy = type(error)(*error.args)
    except Exception:
        # An exception class whose constructor does not take its own args cannot be copied
        # this way; throwing the original still reports the right error.
        return error
    if getattr(error, "__dict__", None):
        copy.__dict__.update(error.__dict__)
    copy.__cause__ = error
    return copy


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
            engine = self.engine
            # Inlined engine.schedule(self) at NORMAL priority: jobs, locks and slots succeed so.
            heappush(engine._heap, (engine.now, next(engine._seq), self))
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
        # Event.__init__ and engine.schedule written out: a model makes a process per guest.
        self.engine = engine
        self.callbacks = []
        self._value = _PENDING
        self._ok = True
        self._generator = generator
        self._resume_cb: Callback = self._resume  # one bound method, so remove() can find it
        # Start at the current time, before any normal event scheduled for now, and before an
        # interrupt issued right after creation (which is urgent too, but scheduled later).
        start = _new_object(Event)
        start.engine = engine
        start.callbacks = [self._resume_cb]
        start._value = None
        start._ok = True
        heappush(engine._heap, (engine.now, _URGENT_KEY + next(engine._seq), start))
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
        event._defused = True
        event.callbacks = [self._on_interrupt]
        self.engine.schedule(event, URGENT)

    def _on_interrupt(self, event: Event) -> None:
        # Detach here rather than in interrupt(): the process may not have started yet, or may
        # have moved on to another target between interrupt() and now. A second interrupt at
        # the same instant finds the process dead (ignored) or waiting on a new target.
        if self._value is not _PENDING:
            return
        target = self.target
        if target is not None and target.callbacks is not None:
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
                    # The process handles the failure or fails with it: either way it is seen.
                    event._defused = True
                    event = generator.throw(chained_copy(event._value))
            except StopIteration as stop:
                self._value = stop.value
                self.target = None
                heappush(engine._heap, (engine.now, next(engine._seq), self))  # schedule(self)
                break
            except BaseException as error:
                if error.__traceback__ is not None:  # this frame adds nothing to the story
                    error.__traceback__ = error.__traceback__.tb_next
                self._ok = False
                self._value = error
                self.target = None
                engine.schedule(self)
                break
            try:
                callbacks = event.callbacks
            except AttributeError:
                self._yielded_non_event(event)
            if callbacks is not None:
                callbacks.append(self._resume_cb)
                self.target = event
                break
            # Already processed: resume at once with its outcome.
        engine.active_process = None

    def _yielded_non_event(self, thing: object) -> NoReturn:
        # As SimPy: a programming error, so it escapes the engine (out of step()/run()) rather
        # than being thrown into the process, which could catch it and carry on.
        self.engine.active_process = None
        self.target = None
        raise RuntimeError(
            f"process {getattr(self._generator, '__qualname__', self._generator)!s} yielded "
            f"{thing!r}, which is not an Event"
        ) from None


class AllOf(Event):
    """Succeed with the list of values once every event succeeded; fail as soon as one fails.

    Once processed it stops listening to its members (as SimPy): a member that fails later is
    not defused by it and escapes ``step()`` unless something else handles it.
    """

    __slots__ = ("_events", "_remaining")

    def __init__(self, engine: Engine, events: Iterable[Event]) -> None:
        super().__init__(engine)
        self._events = tuple(events)
        self._remaining = len(self._events)
        if not self._events:
            self.succeed([])
            return
        for event in self._events:
            if event.engine is not engine:
                raise ValueError("all_of() cannot mix events of different engines")
        check = self._check
        for event in self._events:
            if event.callbacks is None:
                check(event)
            else:
                event.callbacks.append(check)
        self.callbacks.append(self._detach)  # type: ignore[union-attr]

    def _check(self, event: Event) -> None:
        if self._value is not _PENDING:
            return  # already decided; a later failure is someone else's to handle
        if not event._ok:
            event._defused = True
            self.fail(event._value)
            return
        self._remaining -= 1
        if self._remaining == 0:
            self.succeed([e._value for e in self._events])

    def _detach(self, _event: Event) -> None:
        check = self._check
        for event in self._events:
            callbacks = event.callbacks
            if callbacks and check in callbacks:
                callbacks.remove(check)

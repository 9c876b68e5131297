"""Tests of the discrete-event engine: ordering, run_until, cancellation, processes, failures."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sim.engine import NORMAL, URGENT, EmptySchedule, Engine, Event, Interrupt, Timeout


def _recorder(log: list, tag: object):
    return lambda event: log.append((event.engine.now, tag))


@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.sampled_from([URGENT, NORMAL])), min_size=1, max_size=40
    )
)
def test_events_run_by_time_then_priority_then_fifo(entries: list[tuple[int, int]]) -> None:
    engine = Engine()
    log: list = []
    for index, (when, priority) in enumerate(entries):
        event = Event(engine)
        event._ok, event._value = True, index  # trigger by hand to choose priority and delay
        event.callbacks.append(_recorder(log, index))
        engine.schedule(event, priority, float(when))
    engine.run()
    expected = sorted(range(len(entries)), key=lambda i: (entries[i][0], entries[i][1], i))
    assert [tag for _, tag in log] == expected
    assert [t for t, _ in log] == sorted(t for t, _ in log)
    assert engine.events_processed == len(entries)


def test_timeouts_at_equal_time_keep_creation_order() -> None:
    engine = Engine()
    log: list = []
    for index in range(10):
        engine.timeout(1.0).callbacks.append(_recorder(log, index))
    engine.run()
    assert log == [(1.0, i) for i in range(10)]


def test_run_until_is_half_open() -> None:
    engine = Engine()
    log: list = []
    for when in (1.0, 2.0, 3.0):
        engine.timeout(when).callbacks.append(_recorder(log, when))
    engine.run_until(2.0)
    assert log == [(1.0, 1.0)]
    assert engine.now == 2.0
    assert engine.peek() == 2.0
    engine.run_until(2.0)  # an empty interval processes nothing
    assert log == [(1.0, 1.0)]
    engine.run_until(2.5)
    assert log == [(1.0, 1.0), (2.0, 2.0)]
    assert engine.now == 2.5
    with pytest.raises(ValueError, match="past"):
        engine.run_until(2.4)


def test_run_until_advances_clock_on_empty_schedule() -> None:
    engine = Engine()
    engine.run_until(7.5)
    assert engine.now == 7.5
    assert engine.peek() == math.inf
    with pytest.raises(EmptySchedule):
        engine.step()


def test_cancelled_events_never_run_and_are_not_counted() -> None:
    engine = Engine()
    log: list = []
    keep = engine.timeout(1.0)
    drop = engine.timeout(0.5)
    keep.callbacks.append(_recorder(log, "keep"))
    drop.callbacks.append(_recorder(log, "drop"))
    drop.cancel()
    assert engine.peek() == 1.0  # the cancelled head is dropped
    engine.run()
    assert log == [(1.0, "keep")]
    assert engine.events_processed == 1
    assert not drop.processed and keep.processed


@given(st.lists(st.booleans(), min_size=1, max_size=20), st.booleans())
def test_scheduled_then_cancelled_events_are_skipped(cancel: list[bool], by_step: bool) -> None:
    engine = Engine()
    log: list = []
    events = [engine.timeout(float(i % 3)) for i in range(len(cancel))]
    for index, event in enumerate(events):
        event.callbacks.append(_recorder(log, index))
    for event, drop in zip(events, cancel, strict=True):
        if drop:
            event.cancel()
    if by_step:
        with pytest.raises(EmptySchedule):
            while True:
                engine.step()
    else:
        engine.run()
    kept = [i for i, drop in enumerate(cancel) if not drop]
    assert sorted(tag for _, tag in log) == kept
    assert engine.events_processed == len(kept)
    dropped = [event for event, drop in zip(events, cancel, strict=True) if drop]
    assert all(event.cancelled and not event.processed for event in dropped)


def test_cancelled_event_triggered_later_is_skipped() -> None:
    engine = Engine()
    event = engine.event()
    event.callbacks.append(lambda e: pytest.fail("cancelled callback ran"))
    event.cancel()
    event.succeed(1)
    engine.run()
    assert engine.events_processed == 0


def test_process_yields_values_and_returns() -> None:
    engine = Engine()

    def child():
        value = yield engine.timeout(2.0, "v")
        return value * 2

    def parent():
        result = yield engine.process(child())
        return (engine.now, result)

    proc = engine.process(parent())
    engine.run()
    assert proc.processed and proc.ok and proc.value == (2.0, "vv")
    assert not proc.is_alive and proc.target is None


def test_process_starts_at_current_time_before_normal_events() -> None:
    engine = Engine()
    log: list = []
    engine.event().succeed().callbacks.append(_recorder(log, "normal"))

    def proc():
        log.append((engine.now, "process"))
        yield engine.timeout(0)

    engine.process(proc())
    engine.run()
    assert log == [(0.0, "process"), (0.0, "normal")]


def test_interrupt_throws_into_process_and_detaches_target() -> None:
    engine = Engine()
    log: list = []
    long_wait = engine.timeout(10.0)

    def sleeper():
        try:
            yield long_wait
        except Interrupt as interrupt:
            log.append((engine.now, interrupt.cause))
        yield engine.timeout(1.0)
        log.append((engine.now, "done"))

    proc = engine.process(sleeper())

    def waker():
        yield engine.timeout(3.0)
        proc.interrupt("wake")

    engine.process(waker())
    engine.run()
    assert log == [(3.0, "wake"), (4.0, "done")]
    assert long_wait.processed and long_wait.callbacks is None


def test_uncaught_interrupt_fails_the_process() -> None:
    engine = Engine()

    def sleeper():
        yield engine.timeout(5.0)

    proc = engine.process(sleeper())
    proc.interrupt("stop")  # before the process even started
    with pytest.raises(Interrupt):
        engine.run()
    assert not proc.is_alive and not proc.ok


def test_interrupting_a_finished_process_raises() -> None:
    engine = Engine()

    def quick():
        yield engine.timeout(1.0)

    proc = engine.process(quick())
    engine.run()
    with pytest.raises(RuntimeError):
        proc.interrupt()


def test_unhandled_failure_raises_out_of_step() -> None:
    engine = Engine()
    engine.event().fail(KeyError("boom"))
    with pytest.raises(KeyError, match="boom"):
        engine.step()


def test_defused_failure_does_not_raise() -> None:
    engine = Engine()
    event = engine.event().fail(KeyError("boom"))
    event.defused = True
    engine.run()
    assert event.processed and not event.ok


def test_failed_event_is_thrown_into_waiting_process() -> None:
    engine = Engine()
    failing = engine.event()

    def waiter():
        try:
            yield failing
        except KeyError as error:
            return f"caught {error.args[0]}"

    proc = engine.process(waiter())
    engine.timeout(1.0).callbacks.append(lambda e: failing.fail(KeyError("x")))
    engine.run()
    assert proc.value == "caught x"


def test_process_exception_propagates_when_nobody_waits() -> None:
    engine = Engine()

    def broken():
        yield engine.timeout(1.0)
        raise ZeroDivisionError

    engine.process(broken())
    with pytest.raises(ZeroDivisionError):
        engine.run()
    assert engine.now == 1.0


def test_yielding_a_non_event_escapes_run_and_cannot_be_caught_by_the_process() -> None:
    engine = Engine()
    caught: list = []

    def wrong():
        try:
            yield 5
        except Exception as error:  # SimPy does not throw it in; neither may we
            caught.append(error)
        yield engine.timeout(1.0)

    proc = engine.process(wrong())
    with pytest.raises(RuntimeError, match="wrong yielded 5, which is not an Event"):
        engine.run()
    assert caught == [] and proc.is_alive and engine.active_process is None
    engine.run()  # nothing left: the stuck process waits on nothing
    assert engine.now == 0.0


def test_timeout_rejects_negative_delay() -> None:
    engine = Engine()
    with pytest.raises(ValueError):
        engine.timeout(-1.0)
    assert isinstance(engine.timeout(0.0), Timeout)


def test_all_of_collects_values_in_order() -> None:
    engine = Engine()
    events = [engine.timeout(3.0, "a"), engine.timeout(1.0, "b"), engine.timeout(2.0, "c")]
    both = engine.all_of(events)
    engine.run()
    assert both.value == ["a", "b", "c"]
    empty = engine.all_of([])
    engine.run()
    assert empty.value == []


def test_all_of_fails_as_soon_as_one_fails() -> None:
    engine = Engine()
    bad = engine.event()
    slow = engine.timeout(5.0)
    combined = engine.all_of([slow, bad])
    engine.timeout(1.0).callbacks.append(lambda e: bad.fail(ValueError("x")))

    def waiter():
        try:
            yield combined
        except ValueError:
            return engine.now

    proc = engine.process(waiter())
    engine.run()
    assert proc.value == 1.0


def _program(engine: Engine, log: list) -> None:
    def worker(name: int):
        for step in range(4):
            yield engine.timeout((name * 7 + step * 3) % 5 * 0.5)
            log.append((engine.now, name, step))

    for name in range(6):
        engine.process(worker(name))


def test_same_program_twice_gives_identical_trace() -> None:
    traces = []
    for _ in range(2):
        engine = Engine()
        log: list = []
        _program(engine, log)
        engine.run()
        traces.append((repr(log), engine.events_processed))
    assert traces[0] == traces[1]
    assert traces[0][1] > 0


def test_run_through_processes_events_at_exactly_t():
    from sim.engine import Engine

    engine = Engine()
    seen = []
    for t in (1.0, 2.0):
        engine.timeout(t).callbacks.append(lambda e, t=t: seen.append(t))
    engine.run_through(1.0)
    assert seen == [1.0] and engine.now == 1.0
    with pytest.raises(ValueError):
        engine.run_through(0.5)

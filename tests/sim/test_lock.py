"""Tests of the exclusive FIFO lock."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sim.engine import Engine
from sim.lock import FifoLock


@given(st.lists(st.tuples(st.integers(0, 4), st.integers(1, 4)), min_size=1, max_size=15))
def test_waiters_are_granted_in_arrival_order_one_at_a_time(
    specs: list[tuple[int, int]],
) -> None:
    engine = Engine()
    lock = FifoLock(engine, name="netsetup")
    log: list[tuple[str, int, float]] = []

    def run(index: int, arrive: float, hold: float):
        yield engine.timeout(arrive)
        request = lock.acquire()
        yield request
        log.append(("got", index, engine.now))
        yield engine.timeout(hold)
        log.append(("rel", index, engine.now))
        lock.release()

    for index, (arrive, hold) in enumerate(specs):
        engine.process(run(index, float(arrive), float(hold)))
    engine.run()
    grants = [index for kind, index, _ in log if kind == "got"]
    assert grants == sorted(range(len(specs)), key=lambda i: (specs[i][0], i))
    # Strictly alternating got/rel of the same index: never two holders.
    kinds = [(kind, index) for kind, index, _ in log]
    assert kinds == [pair for i in grants for pair in (("got", i), ("rel", i))]
    assert not lock.held and lock.queue_length == 0


def test_next_waiter_is_granted_at_release_time() -> None:
    engine = Engine()
    lock = FifoLock(engine)
    first, second = lock.acquire(), lock.acquire()
    assert lock.held and lock.queue_length == 1
    engine.run()
    assert first.processed and not second.triggered
    engine.run_until(3.0)
    lock.release()
    engine.run()
    assert second.processed and engine.now == 3.0
    assert lock.held and lock.queue_length == 0


def test_cancelled_pending_request_leaves_the_queue() -> None:
    engine = Engine()
    lock = FifoLock(engine)
    lock.acquire()
    dropped, kept = lock.acquire(), lock.acquire()
    dropped.cancel()
    assert lock.queue_length == 1
    lock.release()
    engine.run()
    assert kept.processed and not dropped.triggered and not dropped.processed


def test_cancelled_unseen_grant_passes_the_lock_on() -> None:
    engine = Engine()
    lock = FifoLock(engine)
    first, second = lock.acquire(), lock.acquire()
    first.cancel()  # granted, but its callbacks will never run: nobody could release it
    engine.run()
    assert not first.processed and second.processed and lock.held


def test_release_without_holder_raises() -> None:
    engine = Engine()
    lock = FifoLock(engine)
    with pytest.raises(RuntimeError):
        lock.release()
    lock.acquire()
    lock.release()
    with pytest.raises(RuntimeError):
        lock.release()

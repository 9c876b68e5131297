"""Tests of the exclusive FIFO lock."""

from __future__ import annotations

import random

import pytest
import simpy
from hypothesis import given
from hypothesis import strategies as st

from sim.engine import Engine, Interrupt
from sim.lock import FifoLock, SerialQueue


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


def _lock_program(seed: int) -> list[tuple[float, float | None, float, int]]:
    """Return (arrive, give up at, hold, times) per user.

    Arrivals and holds are on a 0.5 s grid, give-ups off it and each at its own instant, so a
    give-up never ties with a grant: the two engines reach the order of a grant and an
    interrupt at one instant by different event paths (SimPy grants one event later).
    """
    rng = random.Random(seed)
    users = []
    for index in range(rng.randint(1, 7)):
        arrive = rng.choice((0.0, 0.0, 0.5, 1.0, 2.0))
        give_up = (
            arrive + rng.choice((0.25, 0.75, 1.25, 2.75)) + index / 64
            if rng.random() < 0.35
            else None
        )
        users.append((arrive, give_up, rng.choice((0.0, 0.5, 1.0, 2.0)), rng.randint(1, 2)))
    return users


def _run_lock_program(
    users, engine, interrupt_type, acquire, release, withdraw
) -> tuple[dict, list]:
    """Run users that take the lock ``times`` times each; return per-user logs and grant order."""
    logs: dict[int, list] = {index: [] for index in range(len(users))}
    grants: list[int] = []

    def user(index: int, arrive: float, hold: float, times: int):
        yield engine.timeout(arrive)
        for _ in range(times):
            request = acquire()
            try:
                yield request
            except interrupt_type:
                withdraw(request)
                logs[index].append(("gave up", engine.now))
                return
            grants.append(index)
            logs[index].append(("got", engine.now))
            try:
                yield engine.timeout(hold)
            except interrupt_type:
                logs[index].append(("interrupted holding", engine.now))
            release(request)
            logs[index].append(("released", engine.now))

    def give_up(proc, at: float):
        yield engine.timeout(at)
        if proc.is_alive:
            proc.interrupt("tired")

    for index, (arrive, give_up_at, hold, times) in enumerate(users):
        proc = engine.process(user(index, arrive, hold, times))
        if give_up_at is not None:
            engine.process(give_up(proc, give_up_at))
    engine.run()
    return logs, grants


def _simpy_withdraw(resource: simpy.Resource):
    """Return SimPy's way to give up a request: leave the queue, or hand back a grant."""

    def withdraw(request: simpy.Resource) -> None:
        request.cancel()
        resource.release(request)

    return withdraw


@pytest.mark.parametrize("start", range(0, 2000, 500))
def test_lock_grants_as_a_simpy_resource_of_capacity_one(start: int) -> None:
    for seed in range(start, start + 500):
        users = _lock_program(seed)
        engine = Engine()
        lock = FifoLock(engine)
        ours = _run_lock_program(
            users,
            engine,
            Interrupt,
            lock.acquire,
            lambda request, lock=lock: lock.release(),
            lambda request: request.cancel(),
        )
        env = simpy.Environment()
        resource = simpy.Resource(env, capacity=1)
        theirs = _run_lock_program(
            users,
            env,
            simpy.Interrupt,
            resource.request,
            resource.release,
            _simpy_withdraw(resource),
        )
        assert ours == theirs, (seed, users)
        assert not lock.held and lock.queue_length == 0


def test_serial_queue_serves_one_commit_at_a_time_in_arrival_order() -> None:
    engine = Engine()
    store = SerialQueue(engine)
    ends: list[tuple[str, float]] = []

    def commit(name: str, arrive_s: float, work_s: float):  # type: ignore[no-untyped-def]
        yield engine.timeout(arrive_s)
        yield store.occupy(work_s)
        ends.append((name, engine.now))

    engine.process(commit("a", 0.0, 1.0))
    engine.process(commit("b", 0.5, 1.0))  # queues behind a
    engine.process(commit("c", 5.0, 0.25))  # the store is idle again
    engine.run()
    assert ends == [("a", 1.0), ("b", 2.0), ("c", 5.25)]

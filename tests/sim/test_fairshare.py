"""Tests of the fluid max-min fair-share resource, against an O(N) reference simulation."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.engine import Engine
from sim.fairshare import FairShare, Job


def _finish_times(engine: Engine, jobs: list[Job]) -> list[float]:
    times = [math.nan] * len(jobs)
    for index, job in enumerate(jobs):
        job.callbacks.append(lambda event, i=index: times.__setitem__(i, engine.now))
    engine.run()
    return times


def _water_fill(capacity: float, caps: list[float]) -> list[float]:
    """Return max-min fair rates, one job at a time (the textbook algorithm)."""
    rates = [0.0] * len(caps)
    left, unfixed = capacity, sorted(range(len(caps)), key=lambda i: caps[i])
    while unfixed:
        fair = left / len(unfixed)
        index = unfixed[0]
        if caps[index] <= fair:
            rates[index] = caps[index]
            left -= caps[index]
            unfixed.pop(0)
        else:
            for i in unfixed:
                rates[i] = fair
            break
    return rates


def _reference(capacity: float, jobs: list[tuple[float, float, float | None]]) -> list[float]:
    """Simulate (arrival, work, cap) jobs step by step, recomputing every rate each event."""
    remaining = {i: work for i, (_, work, _) in enumerate(jobs)}
    arrivals = sorted(range(len(jobs)), key=lambda i: jobs[i][0])
    finish = [math.nan] * len(jobs)
    active: list[int] = []
    now = 0.0
    while arrivals or active:
        caps = [capacity if jobs[i][2] is None else min(jobs[i][2], capacity) for i in active]
        rates = _water_fill(capacity, caps)
        next_done = min(
            (remaining[i] / r for i, r in zip(active, rates, strict=True)), default=math.inf
        )
        next_arrival = jobs[arrivals[0]][0] - now if arrivals else math.inf
        step = min(next_done, next_arrival)
        now += step
        for i, r in zip(active, rates, strict=True):
            remaining[i] -= r * step
        for i in [i for i in active if remaining[i] <= 1e-9 * max(1.0, jobs[i][1])]:
            finish[i] = now
            active.remove(i)
        while arrivals and jobs[arrivals[0]][0] <= now:
            i = arrivals.pop(0)
            if jobs[i][1] == 0:
                finish[i] = now
            else:
                active.append(i)
    return finish


def test_two_equal_jobs_take_twice_as_long() -> None:
    engine = Engine()
    resource = FairShare(engine, 1.0)
    alone = _finish_times(engine, [resource.submit(3.0)])
    engine = Engine()
    resource = FairShare(engine, 1.0)
    shared = _finish_times(engine, [resource.submit(3.0), resource.submit(3.0)])
    assert alone == [3.0]
    assert shared == pytest.approx([6.0, 6.0])


def test_capped_job_never_exceeds_its_cap() -> None:
    engine = Engine()
    resource = FairShare(engine, 16.0, name="cpu")
    job = resource.submit(8.0, cap=1.0)
    assert job.rate == 1.0 and resource.load == 1.0
    assert resource.utilisation == pytest.approx(1 / 16)
    assert _finish_times(engine, [job]) == [8.0]


def test_max_min_with_mixed_caps() -> None:
    engine = Engine()
    resource = FairShare(engine, 4.0)
    jobs = [resource.submit(10.0, cap) for cap in (0.5, 1.0, None, None)]
    assert [job.rate for job in jobs] == pytest.approx([0.5, 1.0, 1.25, 1.25])
    assert resource.load == pytest.approx(4.0)
    assert resource.active_count == 4


def test_finished_job_speeds_up_the_others() -> None:
    engine = Engine()
    resource = FairShare(engine, 1.0)
    short, long = resource.submit(1.0), resource.submit(3.0)
    # Both at 0.5 until t=2 (short done), then long alone: 2 left at rate 1.
    assert _finish_times(engine, [short, long]) == pytest.approx([2.0, 4.0])


def test_cancelled_job_speeds_up_the_others_and_never_completes() -> None:
    engine = Engine()
    resource = FairShare(engine, 1.0)
    keep, drop = resource.submit(2.0), resource.submit(2.0)
    drop.callbacks.append(lambda event: pytest.fail("cancelled job completed"))
    engine.run_until(1.0)
    assert keep.remaining == pytest.approx(1.5)
    drop.cancel()
    assert drop.remaining == pytest.approx(1.5) and drop.rate == 0.0
    assert keep.rate == 1.0 and resource.active_count == 1
    assert _finish_times(engine, [keep]) == pytest.approx([2.5])
    assert not drop.processed


def test_zero_work_succeeds_at_once_and_negative_is_rejected() -> None:
    engine = Engine()
    resource = FairShare(engine, 2.0)
    engine.run_until(5.0)
    assert _finish_times(engine, [resource.submit(0.0)]) == [5.0]
    with pytest.raises(ValueError):
        resource.submit(-1.0)
    with pytest.raises(ValueError):
        resource.submit(1.0, cap=0.0)
    with pytest.raises(ValueError):
        FairShare(engine, 0.0)


def test_processes_can_wait_on_jobs() -> None:
    engine = Engine()
    resource = FairShare(engine, 2.0)

    def boot(work: float):
        yield resource.submit(work, cap=1.0)
        return engine.now

    procs = [engine.process(boot(4.0)) for _ in range(4)]
    engine.run()
    assert [p.value for p in procs] == pytest.approx([8.0] * 4)  # 4 guests on 2 cores


_JOB = st.tuples(
    st.integers(0, 20).map(lambda t: t * 0.25),  # arrival (coarse, to get simultaneous events)
    st.floats(0.0, 10.0, allow_nan=False),  # work
    st.sampled_from([None, 0.5, 1.0, 2.0, 3.0]),  # cap
)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([1.0, 2.0, 4.0]), st.lists(_JOB, min_size=1, max_size=25))
def test_matches_reference_and_conserves_work(
    capacity: float, specs: list[tuple[float, float, float | None]]
) -> None:
    engine = Engine()
    resource = FairShare(engine, capacity)
    jobs: list[Job] = []
    finish = [math.nan] * len(specs)

    def arrive(index: int, work: float, cap: float | None) -> None:
        job = resource.submit(work, cap)
        job.callbacks.append(lambda event: finish.__setitem__(index, engine.now))
        jobs.append(job)

    for index, (when, work, cap) in enumerate(specs):
        timer = engine.timeout(when)
        timer.callbacks.append(lambda event, i=index, w=work, c=cap: arrive(i, w, c))
    # Load only changes inside events, so integrate it piecewise between them; at every event
    # the work done by the jobs must equal that integral (nothing created or lost), up to the
    # sliver of 1e-9 * max(1, work) a job may leave undone by the completion tolerance.
    slack = 1e-9 * sum(max(1.0, work) for _, work, _ in specs)
    done_work = 0.0
    while (when := engine.peek()) < math.inf:
        done_work += resource.load * (when - engine.now)
        engine.step()
        done_by_jobs = sum(job.work - job.remaining for job in jobs)
        assert done_by_jobs == pytest.approx(done_work, rel=1e-6, abs=slack)
    expected = _reference(capacity, specs)
    assert finish == pytest.approx(expected, rel=1e-6, abs=1e-9)
    assert done_work == pytest.approx(sum(w for _, w, _ in specs), rel=1e-6, abs=slack)
    assert resource.active_count == 0 and resource.load == 0.0
    assert all(job.remaining == 0.0 for job in jobs)

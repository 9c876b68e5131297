"""A run raises the collector's first threshold only while it runs (sim/garbage.py)."""

from __future__ import annotations

import gc
from collections.abc import Generator

import pytest

from sim.engine import Engine, Event
from sim.garbage import RUN_THRESHOLD, fewer_collections
from sim.session import Session


def test_a_run_collects_less_often_and_puts_the_threshold_back():
    before = gc.get_threshold()
    session = Session.default()
    seen: list[tuple[int, ...]] = []

    def watch(engine: Engine) -> Generator[Event, object, None]:
        seen.append(gc.get_threshold())
        yield engine.timeout(1.0)

    session.engine.process(watch(session.engine))
    session.run_until(2.0)
    assert seen == [(RUN_THRESHOLD, *before[1:])]
    assert gc.get_threshold() == before


def test_the_threshold_comes_back_when_the_run_raises():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a failure escaped the engine")
    assert gc.get_threshold() == before


def test_a_caller_that_turned_collection_off_keeps_it_off():
    before = gc.get_threshold()
    try:
        gc.set_threshold(0)
        with fewer_collections():
            assert gc.get_threshold()[0] == 0
        assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*before)

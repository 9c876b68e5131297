"""Failures as SimPy handles them: copies per waiter, undefused failures, all_of, odd inputs."""

from __future__ import annotations

import pytest

from sim.engine import Engine, Interrupt


class Boom(Exception):
    """A model error with a payload attribute."""


def test_each_waiter_gets_its_own_copy_chained_to_the_original() -> None:
    engine = Engine()
    shared = engine.event()
    original = Boom("layer lost")
    original.layer = "sha256:1"
    caught: list[BaseException] = []

    def waiter():
        try:
            yield shared
        except Boom as error:
            caught.append(error)

    for _ in range(3):
        engine.process(waiter())
    engine.timeout(1.0).callbacks.append(lambda e: shared.fail(original))
    engine.run()
    assert len(caught) == 3 and len({id(error) for error in caught}) == 3
    assert all(error is not original and error.__cause__ is original for error in caught)
    assert all(error.args == ("layer lost",) and error.layer == "sha256:1" for error in caught)


def test_failure_escaping_run_is_a_copy_chained_to_the_process_error() -> None:
    engine = Engine()

    def broken():
        yield engine.timeout(1.0)
        raise Boom("disk")

    proc = engine.process(broken())
    with pytest.raises(Boom, match="disk") as info:
        engine.run()
    assert info.value is not proc.value and info.value.__cause__ is proc.value


def test_exception_whose_constructor_rejects_its_args_is_thrown_as_is() -> None:
    class Picky(Exception):
        def __init__(self, code: int, *, why: str) -> None:
            super().__init__(code)
            self.why = why

    engine = Engine()
    shared = engine.event()
    original = Picky(7, why="quota")

    def waiter():
        try:
            yield shared
        except Picky as error:
            return error

    proc = engine.process(waiter())
    shared.fail(original)
    engine.run()
    assert proc.value is original


def test_failure_with_a_callback_that_does_not_defuse_raises_from_step() -> None:
    engine = Engine()
    event = engine.event()
    seen: list = []
    event.callbacks.append(seen.append)
    event.fail(RuntimeError("lost"))
    with pytest.raises(RuntimeError, match="lost"):
        engine.run()
    assert seen == [event]


def test_failure_defused_by_a_callback_does_not_raise() -> None:
    engine = Engine()
    event = engine.event()
    event.callbacks.append(lambda e: setattr(e, "defused", True))
    event.fail(RuntimeError("handled"))
    engine.run()
    assert event.processed and event.defused


def _failing(engine: Engine, at: float, name: str):
    yield engine.timeout(at)
    raise Boom(name)


def test_all_of_lets_go_after_failing_so_a_later_failure_escapes() -> None:
    engine = Engine()
    first = engine.process(_failing(engine, 1.0, "first"))
    second = engine.process(_failing(engine, 2.0, "second"))
    combined = engine.all_of([first, second])

    def waiter():
        try:
            yield combined
        except Boom as error:
            return (engine.now, error.args[0])

    proc = engine.process(waiter())
    with pytest.raises(Boom, match="second"):
        engine.run()
    assert engine.now == 2.0 and proc.value == (1.0, "first")
    assert combined.value is first.value and second.callbacks is None


def test_all_of_does_not_defuse_a_second_failure_at_the_same_instant() -> None:
    engine = Engine()
    a, b = engine.event(), engine.event()
    combined = engine.all_of([a, b])
    combined.callbacks.append(lambda e: setattr(e, "defused", True))
    a.fail(Boom("a"))
    b.fail(Boom("b"))
    with pytest.raises(Boom, match="b"):
        engine.run()
    assert combined.value.args == ("a",)


def test_all_of_detaches_from_pending_members_once_processed() -> None:
    engine = Engine()
    bad, slow = engine.event(), engine.timeout(5.0)
    combined = engine.all_of([bad, slow])
    combined.callbacks.append(lambda e: setattr(e, "defused", True))
    bad.fail(Boom("x"))
    engine.run_until(1.0)
    assert combined.processed and slow.callbacks == []


def test_nested_all_of_keeps_listening_when_the_outer_one_fails() -> None:
    engine = Engine()
    inner = engine.all_of([engine.timeout(2.0, "i")])
    bad = engine.event()
    outer = engine.all_of([inner, bad])
    outer.callbacks.append(lambda e: setattr(e, "defused", True))
    bad.fail(Boom("x"))
    engine.run()
    assert not outer.ok and inner.processed and inner.value == ["i"]


def test_all_of_value_is_a_list_in_member_order_nested_for_nested() -> None:
    engine = Engine()
    a, b, c = engine.timeout(3.0, "a"), engine.timeout(1.0, "b"), engine.timeout(2.0, "c")
    combined = engine.all_of([a, engine.all_of([b, c])])
    engine.run()
    assert combined.value == ["a", ["b", "c"]]


def test_interrupt_thrown_is_a_copy_with_the_cause() -> None:
    engine = Engine()

    def sleeper():
        try:
            yield engine.timeout(5.0)
        except Interrupt as interrupt:
            return interrupt

    proc = engine.process(sleeper())
    proc.interrupt("move")
    engine.run()
    assert proc.value.cause == "move" and isinstance(proc.value.__cause__, Interrupt)


def test_run_until_now_is_an_empty_interval_and_the_past_is_refused() -> None:
    engine = Engine()
    fired: list = []
    engine.timeout(0.0).callbacks.append(fired.append)
    engine.run_until(0.0)
    assert fired == [] and engine.now == 0.0
    engine.run_until(1.0)
    assert len(fired) == 1
    with pytest.raises(ValueError):
        engine.run_until(0.5)


def test_process_of_a_non_generator_is_a_type_error() -> None:
    engine = Engine()
    with pytest.raises(TypeError, match="generator"):
        engine.process(lambda: None)  # type: ignore[arg-type]

"""HostLab's additions to SimPy's engine against a reference model: lazy cancellation,
run_until (half-open), run_through (closed), peek and step skipping cancelled events.

The model is the definition written as plainly as possible: a list of (time, priority, order,
id) entries, a set of cancelled ids, and "the next event is the smallest live entry". Random
programs schedule timeouts (some at infinity) and urgent events, trigger and cancel events from
outside and from callbacks, and advance time every way the engine offers; both must give the
same trace: which event ran when, the clock, the processed count and peek() after every call.
"""

from __future__ import annotations

import math
import random

import pytest

from sim.engine import NORMAL, URGENT, EmptySchedule, Engine, Event

DELAYS = (0.0, 0.5, 1.0, 1.0, 2.0, math.inf)
ADVANCES = (-0.5, 0.0, 0.5, 1.0, 2.0)


class Model:
    """The reference: a plain list searched for its smallest live entry at every step."""

    def __init__(self, reactions: dict[int, list[tuple]]) -> None:
        self.now = 0.0
        self.count = 0
        self.entries: list[tuple[float, int, int, int]] = []
        self.order = 0
        self.cancelled: set[int] = set()
        self.processed: set[int] = set()
        self.triggered: set[int] = set()
        self.reactions = reactions
        self.trace: list[tuple] = []

    def trigger(self, ident: int, delay: float, priority: int) -> bool:
        if ident in self.triggered:
            return False
        self.triggered.add(ident)
        self.entries.append((self.now + delay, priority, self.order, ident))
        self.order += 1
        return True

    def cancel(self, ident: int) -> None:
        if ident not in self.processed:
            self.cancelled.add(ident)

    def head(self) -> tuple[float, int, int, int] | None:
        live = [entry for entry in self.entries if entry[3] not in self.cancelled]
        return min(live) if live else None

    def peek(self) -> float:
        head = self.head()
        return math.inf if head is None else head[0]

    def step(self) -> None:
        head = self.head()
        if head is None:
            raise EmptySchedule()
        self.entries.remove(head)
        self.now, ident = head[0], head[3]
        self.count += 1
        self.processed.add(ident)
        self.trace.append(("ran", ident, self.now))
        for action in self.reactions.get(ident, ()):
            react(self, action, inside=True)

    def run_until(self, t: float) -> None:
        if t < self.now:
            raise ValueError
        while (head := self.head()) is not None and head[0] < t:
            self.step()
        self.now = t

    def run_through(self, t: float) -> None:
        if t < self.now:
            raise ValueError
        while (head := self.head()) is not None and head[0] <= t:
            self.step()
        self.now = t

    def run(self) -> None:
        while self.head() is not None:
            self.step()


class Real:
    """`sim.engine` driven through the same verbs as the model."""

    def __init__(self, reactions: dict[int, list[tuple]], ids: int) -> None:
        self.engine = Engine()
        self.events: dict[int, Event] = {ident: self.engine.event() for ident in range(ids)}
        for ident, event in self.events.items():
            event.callbacks.append(lambda e, ident=ident: self._ran(ident))  # type: ignore[union-attr]
        self.reactions = reactions
        self.trace: list[tuple] = []
        self.peek, self.step = self.engine.peek, self.engine.step
        self.run, self.run_until = self.engine.run, self.engine.run_until
        self.run_through = self.engine.run_through

    @property
    def now(self) -> float:
        return self.engine.now

    @property
    def count(self) -> int:
        return self.engine.events_processed

    def trigger(self, ident: int, delay: float, priority: int) -> bool:
        event = self.events[ident]
        if event.triggered:
            return False
        if delay == 0 and priority == NORMAL:
            event.succeed()
            return True
        event._value = None  # triggered by hand, to choose the delay and priority
        if not event.cancelled:  # as succeed() does: a cancelled event is never queued
            self.engine.schedule(event, priority, delay)
        return True

    def _ran(self, ident: int) -> None:
        self.trace.append(("ran", ident, self.engine.now))
        for action in self.reactions.get(ident, ()):
            react(self, action, inside=True)

    def cancel(self, ident: int) -> None:
        self.events[ident].cancel()


def react(world: Model | Real, action: tuple, inside: bool = False) -> None:
    """Do one action of a program in the model or in the engine, and record it.

    The processed count is recorded only between calls (``inside`` a callback the engine's
    count is not brought up to date until the run call returns).
    """
    kind = action[0]
    if kind == "trigger":
        world.trace.append(("trigger", action[1], world.trigger(*action[1:])))
    elif kind == "cancel":
        world.cancel(action[1])
    elif kind == "peek":
        world.trace.append(("peek", world.peek()))
    else:
        try:
            if kind == "step":
                world.step()
            elif kind == "run":
                world.run()
            else:
                getattr(world, kind)(world.now + action[1])
        except (EmptySchedule, ValueError) as error:
            world.trace.append(("raised", type(error).__name__))
    world.trace.append(
        ("after", kind, world.now) if inside else ("after", kind, world.now, world.count)
    )


def make_program(seed: int) -> tuple[list[tuple], dict[int, list[tuple]], int]:
    """Return the driver's actions, each event's reactions (done when it runs), the event count."""
    rng = random.Random(seed)
    ids = rng.randint(2, 12)

    def action(inside: bool) -> tuple:
        roll = rng.random()
        if roll < 0.45:
            return ("trigger", rng.randrange(ids), rng.choice(DELAYS), NORMAL)
        if roll < 0.55:
            return ("trigger", rng.randrange(ids), rng.choice(DELAYS[:3]), URGENT)
        if roll < 0.8:
            return ("cancel", rng.randrange(ids))
        if inside:
            return ("peek",)
        return rng.choice(
            (
                ("step",),
                ("run",),
                ("peek",),
                ("run_until", rng.choice(ADVANCES)),
                ("run_through", rng.choice(ADVANCES)),
            )
        )

    reactions = {
        ident: [action(True) for _ in range(rng.randint(0, 2))]
        for ident in range(ids)
        if rng.random() < 0.5
    }
    driver = [action(False) for _ in range(rng.randint(3, 15))] + [("run",)]
    return driver, reactions, ids


@pytest.mark.parametrize("start", range(0, 3000, 1000))
def test_cancellation_and_intervals_match_the_reference_model(start: int) -> None:
    for seed in range(start, start + 1000):
        driver, reactions, ids = make_program(seed)
        model, real = Model(reactions), Real(reactions, ids)
        for action in driver:
            react(model, action)
            react(real, action)
        assert real.trace == model.trace, seed

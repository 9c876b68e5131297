"""Random programs over what SimPy and `sim.engine` share, as plain data both can interpret.

A program is a set of process scripts, a number of shared events, and a driver: the calls made
from outside any process (start a process, trigger an event, interrupt, run, run_until, step,
peek). Times are multiples of 0.5 so both engines add them exactly, and few distinct values so
that many things happen at the same instant, where ordering rules matter most.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

DELAYS = (0.0, 0.5, 1.0, 1.0, 2.0, 3.0)
ADVANCES = (-1.0, 0.0, 0.5, 1.0, 1.0, 2.0, 4.0)
# Instructions that make a process wait; the rest act at once.
WAITS = ("sleep", "wait", "join", "all")


@dataclass(frozen=True)
class Program:
    """A random program: scripts (one per process), shared events, and the driver's calls."""

    seed: int
    scripts: tuple[tuple[tuple, ...], ...]
    n_events: int
    driver: tuple[tuple, ...]

    def bad_yielders(self) -> set[int]:
        """Return the processes that yield something that is not an event."""
        return {pid for pid, script in enumerate(self.scripts) if ("bad",) in script}


def _member(rng: random.Random, n_procs: int, n_events: int, pid: int, nest: bool) -> tuple:
    """Return one member of an all_of: a timeout, a shared event, a process or a nested all_of."""
    kind = rng.choice(("t", "t", "e", "p", "all") if nest else ("t", "t", "e", "p"))
    if kind == "t":
        return ("t", rng.choice(DELAYS))
    if kind == "e":
        return ("e", rng.randrange(n_events))
    if kind == "p":
        return ("p", rng.choice([p for p in range(n_procs) if p != pid] or [pid]))
    # Nested conditions only of timeouts: SimPy detaches a pending nested condition when the
    # outer one fails (HostLab deliberately does not; tested separately), so keep the outer
    # unable to fail too.
    return ("all", tuple(("t", rng.choice(DELAYS)) for _ in range(rng.randint(1, 3))))


def _all_of(rng: random.Random, n_procs: int, n_events: int, pid: int) -> tuple:
    """Return an all_of instruction's member list."""
    if rng.random() < 0.15:
        inner = _member(rng, n_procs, n_events, pid, nest=True)
        if inner[0] == "all":
            return (inner, ("t", rng.choice(DELAYS)))
    return tuple(_member(rng, n_procs, n_events, pid, nest=False) for _ in range(rng.randint(0, 4)))


def _action(
    rng: random.Random, n_procs: int, n_events: int, pid: int | None, bad: set[int]
) -> tuple:
    """Return an instruction that acts at once (from a process, or from the driver if pid None)."""
    kind = rng.choice(("succeed", "fail", "fail", "interrupt", "interrupt", "spawn", "hook"))
    if kind == "succeed":
        return ("succeed", rng.randrange(n_events), rng.randrange(100))
    if kind == "fail":
        return ("fail", rng.randrange(n_events), rng.randrange(100))
    if kind == "interrupt":
        # A process stuck after a bad yield is left alone: SimPy leaves its state inconsistent.
        targets = [p for p in range(n_procs) if p not in bad]
        if targets:
            return ("interrupt", rng.choice(targets), f"c{rng.randrange(100)}")
        return ("spawn", rng.randrange(n_procs))
    if kind == "spawn":
        return ("spawn", rng.randrange(n_procs))
    target = ("e", rng.randrange(n_events)) if rng.random() < 0.6 else ("p", rng.randrange(n_procs))
    return ("hook", target, rng.random() < 0.5)


def _script(rng: random.Random, pid: int, n_procs: int, n_events: int, bad: set[int]) -> tuple:
    """Return one process's instructions."""
    out: list[tuple] = []
    if pid in bad and rng.random() < 0.3:
        out.append(("bad",))  # at once: the start event has no other callbacks
    for _ in range(rng.randint(1, 6)):
        catch = rng.random() < 0.75
        roll = rng.random()
        if roll < 0.3:
            out.append(("sleep", rng.choice(DELAYS), catch))
            if pid in bad and ("bad",) not in out:
                # Only right after its own timeout, whose sole callback is this process: a bad
                # yield after a shared wait would strand the other waiters, which SimPy then
                # trips over on an interrupt.
                out.append(("bad",))
        elif roll < 0.45:
            out.append(("wait", rng.randrange(n_events), catch))
        elif roll < 0.55 and n_procs > 1:
            out.append(("join", rng.choice([p for p in range(n_procs) if p != pid]), catch))
        elif roll < 0.65:
            out.append(("all", _all_of(rng, n_procs, n_events, pid), catch))
        elif roll < 0.7:
            out.append(("raise", rng.randrange(100)))
            break
        else:
            out.append(_action(rng, n_procs, n_events, pid, bad))
    return tuple(out)


def _driver(rng: random.Random, n_procs: int, n_events: int, bad: set[int]) -> tuple:
    """Return the calls made from outside any process."""
    ops: list[tuple] = [("spawn", pid) for pid in range(n_procs) if rng.random() < 0.6] or [
        ("spawn", 0)
    ]
    for _ in range(rng.randint(2, 10)):
        roll = rng.random()
        if roll < 0.2:
            ops.append(("run",))
        elif roll < 0.5:
            ops.append(("advance", rng.choice(ADVANCES)))
        elif roll < 0.7:
            ops.append(("step",))
        elif roll < 0.75:
            ops.append(("peek",))
        else:
            ops.append(_action(rng, n_procs, n_events, None, bad))
    return tuple(ops)


def make_program(seed: int) -> Program:
    """Return the random program of ``seed`` (the same on every machine and run)."""
    rng = random.Random(seed)
    n_procs, n_events = rng.randint(1, 6), rng.randint(1, 4)
    bad = {pid for pid in range(n_procs) if rng.random() < 0.04}
    scripts = tuple(_script(rng, pid, n_procs, n_events, bad) for pid in range(n_procs))
    return Program(seed, scripts, n_events, _driver(rng, n_procs, n_events, bad))

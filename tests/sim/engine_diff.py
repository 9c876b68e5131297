"""Run random programs on SimPy and on `sim.engine` and compare their full traces.

Each engine sits behind a small adapter with the same verbs; one interpreter turns a program
(`engine_diff_programs`) into processes and driver calls and records a trace: for every step,
the time, who (a process or the driver), what happened, the value received or the exception
caught or escaped (type, args, and identity: which exception object it is and what it is
chained to), then the final state of every event and process. Both traces must be equal.

Usage: ``python tests/sim/engine_diff.py [--n 50000] [--seed 0]`` prints counts and exits 1 on
the first difference, showing the program.
"""

from __future__ import annotations

import argparse
import heapq
import json
import sys
from collections import Counter
from typing import Any

import simpy
from engine_diff_programs import WAITS, Program, make_program
from simpy.core import EmptySchedule as SimpyEmpty
from simpy.events import URGENT as SIMPY_URGENT

from sim import engine as hl

BAD_YIELD = 42  # what a "bad" instruction yields instead of an event


class Boom(Exception):
    """The program's own failure, ``Boom(k)``."""


class SimpyAdapter:
    """SimPy behind the shared verbs; ``run_until`` is ``run(until=...)`` made resumable."""

    name = "simpy"
    interrupt_type: type[BaseException] = simpy.Interrupt
    empty_type: type[BaseException] = SimpyEmpty

    def __init__(self) -> None:
        self.env = simpy.Environment()
        self.timeout, self.event, self.process = self.env.timeout, self.env.event, self.env.process
        self.all_of, self.step, self.peek = self.env.all_of, self.env.step, self.env.peek

    def now(self) -> float:
        return self.env.now

    def run(self) -> None:
        self.env.run()

    def run_until(self, t: float) -> None:
        env = self.env
        if t == env.now:
            return  # HostLab: an empty interval (documented difference; SimPy raises)
        if t < env.now:
            raise ValueError("in the past")
        # What run(until=t) does inside, with a handle on the stop event. SimPy leaves that
        # event queued: re-queued without callbacks after stopping (a later step() processes
        # a no-op and peek() reports it), or still armed when a failure escapes first (it
        # would stop a later run early). HostLab has no stop event, so take it out.
        until = env.event()
        until._ok, until._value = True, None
        env.schedule(until, SIMPY_URGENT, t - env.now)
        try:
            env.run(until=until)
        finally:
            env._queue = [entry for entry in env._queue if entry[3] is not until]
            heapq.heapify(env._queue)

    def all_of_value(self, value: Any, members: list) -> list:
        """Return SimPy's flat mapping by event as HostLab's (nested) list of values."""
        return [
            self.all_of_value(value, sub) if isinstance(sub, list) else value[sub]
            for sub in members
        ]


class HostlabAdapter:
    """`sim.engine` behind the shared verbs."""

    name = "hostlab"
    interrupt_type: type[BaseException] = hl.Interrupt
    empty_type: type[BaseException] = hl.EmptySchedule

    def __init__(self) -> None:
        self.env = hl.Engine()
        self.timeout, self.event, self.process = self.env.timeout, self.env.event, self.env.process
        self.all_of, self.step, self.peek = self.env.all_of, self.env.step, self.env.peek
        self.run, self.run_until = self.env.run, self.env.run_until

    def now(self) -> float:
        return self.env.now

    def all_of_value(self, value: Any, members: list) -> list:
        """Return the value as it is: already a list of values, nested like the members."""
        return value


class Interpreter:
    """Run one program on one adapter and record its trace."""

    def __init__(self, adapter: SimpyAdapter | HostlabAdapter, program: Program) -> None:
        self.a = adapter
        self.program = program
        self.trace: list[tuple] = []
        self.events = [adapter.event() for _ in range(program.n_events)]
        self.procs: dict[int, Any] = {}
        self.labels: dict[int, int] = {}
        self.keep: list[object] = []  # labelled objects stay alive, so their ids stay unique

    def log(self, who: object, *what: object) -> None:
        self.trace.append((self.a.now(), who, *what))

    def label(self, obj: object) -> int:
        """Return a number for ``obj``, given in order of first sighting."""
        key = id(obj)
        if key not in self.labels:
            self.labels[key] = len(self.labels)
            self.keep.append(obj)
        return self.labels[key]

    def describe(self, exc: BaseException | None, depth: int = 0) -> tuple | None:
        """Return an exception as (kind, args, identity, cause) comparable across engines."""
        if exc is None or depth > 4:
            return None
        if isinstance(exc, self.a.interrupt_type):
            kind, args = "Interrupt", exc.args
        elif isinstance(exc, self.a.empty_type):
            kind, args = "EmptySchedule", ()
        elif isinstance(exc, Boom):
            kind, args = "Boom", exc.args
        else:  # engine-made errors: the type must agree, the wording may not
            kind, args = type(exc).__name__, ()
        return (kind, args, self.label(exc), self.describe(exc.__cause__, depth + 1))

    def boom(self, k: int) -> Boom:
        error = Boom(k)
        self.label(error)
        return error

    def proc(self, pid: int) -> Any:
        """Return process ``pid``, starting it now if it has not started yet."""
        if pid not in self.procs:
            self.procs[pid] = self.a.process(self.body(pid))
        return self.procs[pid]

    def target(self, spec: tuple) -> Any:
        """Return the event a member spec names (a new timeout, a shared event, a process)."""
        if spec[0] == "t":
            return self.a.timeout(spec[1], f"v{spec[1]}")
        if spec[0] == "e":
            return self.events[spec[1]]
        return self.proc(spec[1])

    def all_of(self, specs: tuple) -> tuple[Any, list]:
        """Return a new all_of over ``specs`` and its members (nested lists for nested ones)."""
        members: list = []
        shape: list = []
        for spec in specs:
            if spec[0] == "all":
                inner, inner_shape = self.all_of(spec[1])
                members.append(inner)
                shape.append(inner_shape)
            else:
                event = self.target(spec)
                members.append(event)
                shape.append(event)
        return self.a.all_of(members), shape

    def wait_target(self, pid: int, ins: tuple) -> tuple[Any, list | None]:
        """Return what a waiting instruction yields, and the shape of an all_of's value."""
        op = ins[0]
        if op == "sleep":
            return self.a.timeout(ins[1], f"s{pid}"), None
        if op == "wait":
            return self.events[ins[1]], None
        if op == "join":
            return self.proc(ins[1]), None
        return self.all_of(ins[1])

    def body(self, pid: int):
        """Interpret process ``pid``'s script as a generator."""
        for index, ins in enumerate(self.program.scripts[pid]):
            op = ins[0]
            if op in WAITS:
                event, shape = self.wait_target(pid, ins)
                try:
                    value = yield event
                except (self.a.interrupt_type, Boom) as exc:
                    if not ins[-1]:
                        self.log(pid, "lets-through", index, self.describe(exc))
                        raise
                    self.log(pid, "caught", index, self.describe(exc))
                    continue
                if shape is not None:
                    value = self.a.all_of_value(value, shape)
                self.log(pid, "got", index, value)
            elif op == "bad":
                self.log(pid, "bad-yield", index)
                yield BAD_YIELD
                self.log(pid, "after-bad-yield", index)
            elif op == "raise":
                self.log(pid, "raise", index)
                raise self.boom(ins[1])
            else:
                self.act(pid, ins)
        self.log(pid, "return")
        return f"r{pid}"

    def act(self, who: object, ins: tuple) -> None:
        """Do an instruction that acts at once, from process ``who`` or the driver."""
        op = ins[0]
        try:
            if op == "succeed":
                self.events[ins[1]].succeed(ins[2])
            elif op == "fail":
                self.events[ins[1]].fail(self.boom(ins[2]))
            elif op == "interrupt":
                self.proc(ins[1]).interrupt(ins[2])
            elif op == "spawn":
                if ins[1] in self.procs:
                    self.log(who, "spawn-again", ins[1])
                    return
                self.proc(ins[1])
            elif op == "hook":
                self.hook(who, ins)
                return
            self.log(who, op, *ins[1:])
        except RuntimeError as exc:  # triggered twice, interrupting a dead process or oneself
            self.log(who, op, *ins[1:], "refused", self.describe(exc))

    def hook(self, who: object, ins: tuple) -> None:
        """Add a callback that logs the event and, if asked, defuses its failure."""
        (kind, index), defuse = ins[1], ins[2]
        event = self.events[index] if kind == "e" else self.proc(index)
        if event.callbacks is None:
            self.log(who, "hook-late", kind, index)
            return

        def callback(ev: Any) -> None:
            self.log("hook", kind, index, ev.ok, self.value(ev))
            if defuse and not ev.ok:
                ev.defused = True

        event.callbacks.append(callback)
        self.log(who, "hook", kind, index, defuse)

    def value(self, event: Any) -> object:
        """Return an event's value, exceptions described."""
        value = event.value
        return self.describe(value) if isinstance(value, BaseException) else value

    def drive(self) -> list[tuple]:
        """Run the driver's calls, then run to the end, then record the final state."""
        for ins in self.program.driver:
            self.call(ins)
        for _ in range(len(self.program.scripts) + self.program.n_events + 2):
            if self.call(("run",)):
                break
        self.final_state()
        return self.trace

    def call(self, ins: tuple) -> bool:
        """Make one driver call; return whether nothing escaped it."""
        op = ins[0]
        try:
            if op == "run":
                self.a.run()
            elif op == "advance":
                self.a.run_until(self.a.now() + ins[1])
            elif op == "step":
                self.a.step()
            elif op == "peek":
                self.log("driver", "peek", self.a.peek())
            else:
                self.act("driver", ins)
        except Exception as exc:
            self.log("driver", op, "escaped", self.describe(exc))
            return False
        self.log("driver", op, "done", self.a.peek())
        return True

    def final_state(self) -> None:
        """Record every shared event's and process's final state."""
        things = [("e", i, ev) for i, ev in enumerate(self.events)]
        things += [("p", pid, proc) for pid, proc in sorted(self.procs.items())]
        for kind, index, event in things:
            state: tuple = (event.triggered, event.processed)
            if event.triggered:
                state += (event.ok, self.value(event))
                if not event.ok:
                    state += (event.defused,)
            else:  # who still listens: waiters, hooks, all_of checks (detached when due)
                state += (len(event.callbacks),)
            if kind == "p":
                state += (event.is_alive,)
            self.log("final", kind, index, state)


def trace_of(adapter_type: type, program: Program) -> list[tuple]:
    """Return the trace of ``program`` run on a fresh engine of ``adapter_type``."""
    return Interpreter(adapter_type(), program).drive()


def first_difference(program: Program) -> str | None:
    """Return a description of where the two traces part, or None if they agree."""
    ours, theirs = trace_of(HostlabAdapter, program), trace_of(SimpyAdapter, program)
    if ours == theirs:
        return None
    index = next(
        (i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b),
        min(len(ours), len(theirs)),
    )
    return (
        f"program seed {program.seed} differs at trace entry {index}:\n"
        f"  hostlab: {ours[index] if index < len(ours) else '<end>'}\n"
        f"  simpy:   {theirs[index] if index < len(theirs) else '<end>'}\n"
        f"  common prefix: {ours[max(0, index - 5) : index]}\n"
        f"  program: {program}"
    )


def coverage(program: Program, trace: list[tuple]) -> Counter:
    """Count what a trace exercised, so the summary shows the generator reaches every case."""
    seen: Counter = Counter()
    for entry in trace:
        what = entry[2] if len(entry) > 2 else None
        if entry[1] == "driver" and len(entry) > 3 and entry[3] == "escaped":
            seen[f"escaped:{entry[4][0]}"] += 1
        elif what in ("caught", "lets-through"):
            seen[f"{what}:{entry[4][0]}"] += 1
        elif isinstance(what, str):
            seen[what] += 1
    seen["all_of"] += sum(1 for script in program.scripts for ins in script if ins[0] == "all")
    return seen


def main() -> None:
    """Compare ``--n`` programs from ``--seed`` on; print counts; exit 1 on a difference."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    totals: Counter = Counter()
    for seed in range(args.seed, args.seed + args.n):
        program = make_program(seed)
        problem = first_difference(program)
        if problem:
            print(problem, flush=True)
            sys.exit(1)
        totals += coverage(program, trace_of(HostlabAdapter, program))
    print(f"{args.n} programs agree (seeds {args.seed}..{args.seed + args.n - 1})")
    print(json.dumps({"programs": args.n, **dict(sorted(totals.items()))}))


if __name__ == "__main__":
    main()

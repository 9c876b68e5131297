"""Pacing of play: simulated time follows the wall clock, within a per-frame work budget.

A frame advances the simulation by the wall-clock time since the previous frame × speed, not by
a fixed interval: when painting 5,000 guests takes 80 ms, frames come less often and each moves
further, so 100× stays 100×. The simulation's own work in a frame is bounded by a budget, so
the paint and the keyboard always get their turn; what the model could not do within it is owed
to the next frames (up to `MAX_LAG_S` of wall time) and then dropped. While the model is behind,
frames only simulate and let the event loop turn (keys, clicks), and draw every `PAINT_EVERY_S`
or less often when drawing is dear (at most 40 % of the time): drawing 1,000 guests costs as much
as simulating them, so drawing less lets the model catch up.
`FrameClock.achieved` measures the speed really reached, which the window shows when it falls
short.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable

MAX_LAG_S = 0.5  # wall time of simulation owed at most; beyond it the machine is too slow
BUDGET_SHARE = 0.6  # of the wall time between frames, what the simulation may use
MIN_BUDGET_S = 0.015  # a frame may always simulate this long (frames come every 33 ms or so)
MAX_BUDGET_S = 0.06  # and never longer: a key press waits for at most one budget plus a paint
WINDOW_S = 1.0  # the achieved speed is measured over this much wall time
PAINT_EVERY_S = 0.2  # while the model is behind, frames draw at least this often (5 a second)
SHORT = 0.9  # below this share of the asked speed, the window shows the real one


class FrameClock:
    """Say how much simulated time each frame owes, and measure the speed really reached."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._last = 0.0
        self._owed_s = 0.0  # simulated seconds owed from earlier frames (model behind)
        self._samples: deque[tuple[float, float]] = deque()  # (wall, simulated time)
        self._drawn = -math.inf  # wall time of the last frame drawn
        self._drew = False  # whether the last frame drew
        self._draw_cost = 0.0  # wall seconds the last drawing took (views, paint, events)
        self.rate: float | None = None  # simulated s per wall s the model managed lately

    def now(self) -> float:
        """Return the wall clock."""
        return self._clock()

    def start(self, sim_s: float) -> None:
        """Start pacing from now (play pressed): nothing is owed yet."""
        self._last = self._clock()
        self._owed_s = 0.0
        self._samples = deque([(self._last, sim_s)])
        self._drawn = -math.inf

    def begin_frame(self, speed: float) -> tuple[float, float]:
        """Return (simulated seconds this frame owes, wall deadline for simulating them)."""
        now = self._clock()
        if self._drew and self._samples:  # from the end of that frame's simulation to now
            self._draw_cost = now - self._samples[-1][0]
        elapsed = now - self._last
        self._last = now
        owed = min(self._owed_s + elapsed * speed, MAX_LAG_S * speed)
        budget = min(MAX_BUDGET_S, max(MIN_BUDGET_S, BUDGET_SHARE * elapsed))
        return owed, now + budget

    def end_frame(self, owed_s: float, done_s: float, sim_s: float) -> None:
        """Record that `done_s` of the `owed_s` simulated seconds were done; now at `sim_s`."""
        left = owed_s - done_s
        # Rounding leaves a femtosecond unowed when the model kept up: that is not "behind".
        self._owed_s = left if left > 1e-9 * max(owed_s, 1.0) else 0.0
        now = self._clock()
        if now > self._last and done_s > 0:
            self.rate = done_s / (now - self._last)
        self._samples.append((now, sim_s))
        while len(self._samples) > 2 and now - self._samples[1][0] >= WINDOW_S:
            self._samples.popleft()

    def should_draw(self) -> bool:
        """Return whether this frame draws: always while the model keeps up, else now and then.

        Call after `end_frame`; a True answer counts as drawn.
        """
        now = self._samples[-1][0] if self._samples else self._clock()
        # Behind, drawing takes at most 40 % of the time: the model gets the rest.
        wait = max(PAINT_EVERY_S, 1.5 * self._draw_cost)
        self._drew = not (self._owed_s > 0.0 and now - self._drawn < wait)
        if self._drew:
            self._drawn = now
        return self._drew

    def draw_next(self) -> None:
        """Make the next frame draw, behind or not (something the class did must show)."""
        self._drawn = -math.inf

    def achieved(self) -> float | None:
        """Return simulated seconds per wall second over the last second, None if too early."""
        if len(self._samples) < 2:
            return None
        (w0, s0), (w1, s1) = self._samples[0], self._samples[-1]
        if w1 - w0 < WINDOW_S / 2:
            return None
        return (s1 - s0) / (w1 - w0)


def advance_within(
    run_until: Callable[[float], None],
    now_s: Callable[[], float],
    owed_s: float,
    deadline: float,
    clock: Callable[[], float],
    rate: float | None = None,
) -> float:
    """Advance by up to `owed_s` simulated seconds, stopping near the wall-clock `deadline`.

    Steps are sized from `rate` (simulated seconds per wall second the model managed lately)
    and then from the steps just made, to fill what is left of the budget. The engine cannot be
    interrupted inside a step, so a step that runs slower than expected overruns the budget.
    Returns the simulated seconds advanced.
    """
    start = now_s()
    target = start + owed_s
    t0 = clock()
    # The cost of a simulated second varies a thousandfold (idle vs a boot storm): start small,
    # at most double from step to step, and aim at what is left of the budget.
    step = owed_s / 8 if rate is None else min(owed_s / 8, rate * (deadline - t0) * 0.5)
    step = max(step, owed_s / 64)
    while True:
        run_until(min(target, now_s() + step))
        now = clock()
        if now_s() >= target or now >= deadline:
            break
        done = now_s() - start
        aim = done / max(now - t0, 1e-6) * (deadline - now) * 0.8
        step = max(owed_s / 64, min(2 * step, aim))
    return now_s() - start

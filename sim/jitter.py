"""Log-normal jitter on phase durations and the host's memory policy: small shared values."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Policy:
    """How the host manages memory."""

    memory: str = "overcommit"  # or "reserve": a VM's configured RAM is taken when it starts
    ksm: bool = False
    swap: bool = False


class Jitter:
    """Log-normal factors for phase durations, from the session's one seeded generator.

    Normals are drawn a block at a time (the same values, in the same order, as one call each:
    numpy draws a block sequentially), because a scalar numpy call costs more than the rest of
    a phase's bookkeeping. Every host of a session shares one Jitter, so the order of draws is
    the order in which phases start, whatever host they run on.
    """

    BLOCK = 1024

    def __init__(self, rng: np.random.Generator, sigma: float) -> None:
        self._rng = rng
        self._sigma = sigma
        self._factors: list[float] = []  # the block's factors, next one last

    def factor(self) -> float:
        """Return the next factor, exp(N(0, sigma))."""
        factors = self._factors
        if not factors:
            normals = self._rng.normal(0.0, self._sigma, self.BLOCK).tolist()
            factors = self._factors = [math.exp(x) for x in reversed(normals)]
        return factors.pop()

"""Two scenarios on one clock: join two one-host scenarios into one scenario of two hosts.

The side-by-side view compares two hosts of one session; two scenarios are compared by joining
them: the first scenario's host and guests on host `left`, the second's on host `right`, one
clock and one seed (the first's: both hosts draw their jitter from one generator, so the right
side's start-up times are those of the same scenario run next to the left one, not alone).
"""

from __future__ import annotations

from dataclasses import replace

from sim.scenario import Scenario


class PairingError(ValueError):
    """Two scenarios cannot be joined; the message says why."""


def pair_scenarios(
    left: Scenario, right: Scenario, left_id: str = "left", right_id: str = "right"
) -> Scenario:
    """Return one scenario running `left` on host `left_id` beside `right` on `right_id`.

    Raises PairingError when either has several hosts, timed actions or per-guest settings
    (their guest ids would name other guests once joined), or when their policies differ (a
    session has one).
    """
    for name, sc in (("first", left), ("second", right)):
        if sc.more_hosts:
            raise PairingError(f"the {name} scenario has {len(sc.hosts)} hosts; expected one")
        if sc.actions or sc.configs:
            raise PairingError(
                f"the {name} scenario has timed actions or guest settings, "
                "which name guests by id; expected none"
            )
    if left.policy != right.policy:
        raise PairingError("the two scenarios have different memory policies; expected the same")
    if left_id == right_id:
        raise PairingError(f"the two hosts need different ids, both are {left_id!r}")
    return replace(
        left,
        host=replace(left.host, id=left_id),
        more_hosts=(replace(right.host, id=right_id),),
        guests=tuple(replace(g, host=left_id) for g in left.guests)
        + tuple(replace(g, host=right_id) for g in right.guests),
        lesson=None,
        links=(),
        named_hosts=True,
        comment="",
    )

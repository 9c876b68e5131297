"""A guest's life as one table of allowed state changes.

Every change of `Guest.state` goes through `Host.change_state` (sim.host), which checks it here
and, when a guest leaves the live states, releases everything it holds and stops what runs in
it (its start, its faults, its workloads) in the same step. A guest can therefore never be both
gone and holding resources, and a guest that has ended can never start running again.

`moving` is not live: during a move the guest holds nothing on either host, and it comes back
to `pending` on the target. An ended state (stopped, killed, crashed, failed) is final.
"""

from __future__ import annotations

from collections.abc import Mapping

from sim.vocabulary import ENDED_STATES, LIVE_STATES, STATES

_ENDINGS = frozenset(ENDED_STATES)
TRANSITIONS: Mapping[str, frozenset[str]] = {
    "pending": frozenset({"pulling", "starting", "moving", *_ENDINGS}),
    "pulling": frozenset({"starting", "moving", *_ENDINGS}),
    "starting": frozenset({"running", "moving", *_ENDINGS}),
    "running": frozenset({"moving", "stopped", "killed", "crashed"}),
    # A moving guest holds nothing: it can arrive, or be removed by the teacher on the way.
    "moving": frozenset({"pending", "stopped"}),
    "stopped": frozenset(),
    "killed": frozenset(),
    "crashed": frozenset(),
    "failed": frozenset(),
}
# States in which a guest may hold host resources (memory, PIDs, ports, vCPUs, disk).
HOLDING = frozenset(LIVE_STATES)


class IllegalTransition(RuntimeError):
    """A state change the table does not allow: a bug in the model, never a user's doing."""


class GuestGone(Exception):
    """Raised into a guest's own activity when the guest left the live states under it."""


class GuestKilled(GuestGone):
    """Raised inside a guest's own start when the OOM killer picked that guest."""


def allowed(old: str, new: str) -> bool:
    """Return whether a guest in state `old` may change to `new`."""
    return new in TRANSITIONS[old]


def check(old: str, new: str) -> None:
    """Raise IllegalTransition unless `old` → `new` is in the table."""
    if new not in TRANSITIONS.get(old, ()):
        raise IllegalTransition(f"a guest cannot go from {old!r} to {new!r}")


def is_live(state: str) -> bool:
    """Return whether a guest in `state` is live (may hold host resources)."""
    return state in HOLDING


__all__ = [
    "HOLDING",
    "STATES",
    "TRANSITIONS",
    "GuestGone",
    "GuestKilled",
    "IllegalTransition",
    "allowed",
    "check",
    "is_live",
]

"""Fill the host: add guests of one template one at a time until one no longer fits.

The count it reaches checks `density.max_additional`, which predicts it without running.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sim.catalog import Catalog
from sim.scenario import Scenario
from sim.session import Session

SAFETY_CAP = 1_000_000


@dataclass(frozen=True, slots=True)
class FillResult:
    """How many guests started before one failed or was killed, and why the filling stopped."""

    template: str
    count: int
    stopped_by: str  # the failed guest's reason ("bridge_ports", "memory", "oom", ...)
    time_s: float


def fill(
    scenario: Scenario, template_id: str, catalog: Catalog, limit: int = SAFETY_CAP
) -> FillResult:
    """Start guests of `template_id` one after another on an empty host of `scenario`."""
    session = Session(replace(scenario, guests=()), catalog)
    started = 0
    while started < limit:
        kills = len(session.recorder.oom_times_s)
        (gid,) = session.add_guests(template_id)
        guest = session.host.guests[gid]
        while guest.state in ("pending", "pulling", "starting"):
            session.step()
        if guest.state != "running" or len(session.recorder.oom_times_s) > kills:
            return FillResult(template_id, started, guest.reason or "oom", session.now)
        started += 1
    return FillResult(template_id, started, "limit", session.now)

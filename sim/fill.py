"""Fill the host: add guests of one template one at a time until one no longer fits.

The count it reaches checks `density.max_additional`, which predicts it without running. With
KSM on, each next guest starts once ksmd has merged what it can (`ksm.outstanding_mib` is
zero), so the count is the one `DensityRow.after_ksm` predicts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sim import ksm
from sim.catalog import Catalog
from sim.scenario import Scenario
from sim.session import Session

SAFETY_CAP = 1_000_000
CATCH_UP_STEP_S = 60.0
CATCH_UP_LEFT_MIB = 1.0  # what ksmd may still have to merge when the next guest starts


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
        _wait_for_ksm(session)
    return FillResult(template_id, started, "limit", session.now)


def _wait_for_ksm(session: Session) -> None:
    """Run until ksmd has merged what it can of the guests now running (no-op without KSM)."""
    host = session.host
    if not ksm.running(host):
        return
    # Two passes over all scanned RAM always suffice; the bound keeps a bug from hanging fill.
    ram = sum(ksm.guest_ram_mib(ksm.guest_layers(g)) for g in host.live_guests())
    deadline = session.now + 4 * host.model["ksm_passes"] * ram / host.preset.ksm_scan_mib_s
    while ksm.outstanding_mib(host) > CATCH_UP_LEFT_MIB and session.now < deadline:
        session.advance(CATCH_UP_STEP_S)

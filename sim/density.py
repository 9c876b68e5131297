"""How many more guests of a template fit, which limit binds first, and a run that checks it.

`max_additional` reasons from the host's current state with the same rules the lifecycle
enforces (memory as the ledger takes it, vCPU commitment, PIDs, bridge ports, disk), so adding
guests one by one until a start fails (`fill`) reaches the same number.
"""

from __future__ import annotations

import math
from dataclasses import replace

from sim import ksm, platform, vcpu_policy
from sim.catalog import Template
from sim.footprint import resident_layers, resident_mib
from sim.guest import Guest
from sim.host import Host
from sim.kinds import traits
from sim.snapshot import LIMITS, DensityRow


def footprint_mib(host: Host, template: Template) -> float:
    """Return the resident memory one more guest of `template` will take, once running."""
    key = (template.id, host.policy.memory)
    cached = host.footprints.get(key)
    if cached is None:
        cached = host.footprints[key] = resident_mib(template, host.policy.memory == "reserve")
    return cached


# Pending memory is a sum kept up to date guest by guest (sim.snapshot_cache): summed exactly,
# as integers in units of the smallest float, it does not drift however often a share is taken
# out and put back, and equals a sum made afresh to the last bit.
_EXACT_BITS = 1074  # 2**-1074 is the smallest positive float: every float is a whole multiple


def exact(mib: float) -> int:
    """Return `mib` (finite, not negative) as a whole number of units of 2**-1074 MiB."""
    num, den = mib.as_integer_ratio()
    return num << (_EXACT_BITS - den.bit_length() + 1)


def inexact(total: int) -> float:
    """Return the float nearest a sum of `exact` values (correctly rounded)."""
    return total / (1 << _EXACT_BITS)


def pending_share(host: Host, guest: Guest) -> float:
    """Return the memory a starting guest has yet to touch to reach its running footprint."""
    expected = footprint_mib(host, guest.template)
    return max(0.0, expected - guest.resident_mib - sum(guest.merged.values()))


def pending_mib(host: Host) -> float:
    """Return memory that guests still starting have yet to touch (summed exactly).

    A session keeps this sum up to date as guests change (`SnapshotCache`); this counts afresh.
    """
    starting = (g for g in host.live_guests() if g.state != "running")
    return inexact(sum(exact(pending_share(host, g)) for g in starting))


def max_additional(host: Host, template: Template, pending: float | None = None) -> DensityRow:
    """Return how many more of `template` fit now, the binding limit and every limit's number.

    `pending` is `pending_mib(host)`, when the caller asks about many templates at once.
    """
    p = host.preset
    image_mib = 0.0
    image_gib = 0.0
    if template.image is not None:
        image_mib = host.images.cache_mib(template.image)
        missing = host.images.missing(template.image)
        image_gib = sum(la.extracted_mib for la in missing) / 1024
    if pending is None:
        pending = pending_mib(host)
    available = host.ledger.available(host.policy.swap) - pending
    vm_like, no_platform = _fixed(host, template)
    limits = {
        "memory": _fits(available - image_mib, footprint_mib(host, template)),
        "cpu": (
            _fits(vcpu_policy.room(p.cores, p.vcpu_per_core, host.vcpus_committed), template.vcpus)
            if vm_like
            else math.inf
        ),
        "pids": _fits(p.pid_max - host.pids_used, template.pids),
        "bridge_ports": _fits(p.bridge_ports - host.ports_used, 1) if template.bridge else math.inf,
        "disk": _fits(p.disk_gib - host.disk_used_gib - image_gib, template.disk_gib),
        "platform": 0.0 if no_platform else math.inf,
        "host_down": 0.0 if host.down else math.inf,
    }
    row = _row(template, limits, host.down)
    if not (ksm.running(host) and ksm.mergeable(template)):
        return row  # ksm.fits_once_merged would say None: no KSM figure
    each = resident_layers(template, host.policy.memory == "reserve")
    merged = ksm.fits_once_merged(host, template, available - image_mib, each)
    if merged is None:
        return row
    # KSM on: how many fit once ksmd has merged each new guest's identical pages in turn.
    later = _row(template, {**limits, "memory": float(merged.count)}, host.down)
    return replace(row, after_ksm=later.max, ksm_catch_up_s=merged.seconds)


def _fixed(host: Host, template: Template) -> tuple[bool, bool]:
    """Return whether `template` is VM-like and whether it cannot run on `host` at all."""
    # Both depend only on the template and the host's preset: worked out once per host.
    cached = host.fixed_facts.get(template.id)
    if cached is None:
        problem = platform.problem(template, host.preset) is not None
        cached = host.fixed_facts[template.id] = (traits(template).vm_like, problem)
    return cached


def _row(template: Template, limits: dict[str, float], down: bool) -> DensityRow:
    """Return the row whose binding limit is the tightest (a panicked host's before any)."""
    binding = "host_down" if down else min(LIMITS, key=limits.__getitem__)
    count = limits[binding]
    return DensityRow(
        template.id,
        int(count) if math.isfinite(count) else 0,
        binding,
        limits,
        kind=template.kind,
    )


def _fits(room: float, each: float) -> float:
    """Return how many of `each` fit in `room` (inf when each is 0 or room unbounded)."""
    if each <= 0 or math.isinf(room):
        return math.inf
    return float(max(0, math.floor(room / each + 1e-9)))

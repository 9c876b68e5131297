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


def pending_mib(host: Host, cache: dict[str, tuple[object, float]] | None = None) -> float:
    """Return memory that guests still starting have yet to touch.

    `cache` (guest id → (view, share)) keeps each guest's share while its view is the same
    object: every change to a guest's memory or state drops its view (`Guest.changed`), so a
    frame recomputes only the guests that changed; shares add up in the same order as without.
    """
    total = 0.0
    count = 0
    get = (cache if cache is not None else {}).get
    for guest in host.live_guests():
        if guest.state == "running":
            continue
        count += 1
        view = guest.view() if cache is not None else None
        hit = get(guest.id)
        if hit is not None and hit[0] is view:
            total += hit[1]
            continue
        expected = footprint_mib(host, guest.template)
        share = max(0.0, expected - guest.resident_mib - sum(guest.merged.values()))
        total += share
        if cache is not None:
            cache[guest.id] = (view, share)
    if cache is not None and len(cache) > 2 * count + 64:  # forget guests no longer starting
        starting = {g.id for g in host.live_guests() if g.state != "running"}
        for gid in [gid for gid in cache if gid not in starting]:
            del cache[gid]
    return total


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
    limits = {
        "memory": _fits(available - image_mib, footprint_mib(host, template)),
        "cpu": (
            _fits(vcpu_policy.room(p.cores, p.vcpu_per_core, host.vcpus_committed), template.vcpus)
            if traits(template).vm_like
            else math.inf
        ),
        "pids": _fits(p.pid_max - host.pids_used, template.pids),
        "bridge_ports": _fits(p.bridge_ports - host.ports_used, 1) if template.bridge else math.inf,
        "disk": _fits(p.disk_gib - host.disk_used_gib - image_gib, template.disk_gib),
        "platform": 0.0 if platform.problem(template, p) else math.inf,
        "host_down": 0.0 if host.down else math.inf,
    }
    row = _row(template, limits, host.down)
    each = resident_layers(template, host.policy.memory == "reserve")
    merged = ksm.fits_once_merged(host, template, available - image_mib, each)
    if merged is None:
        return row
    # KSM on: how many fit once ksmd has merged each new guest's identical pages in turn.
    later = _row(template, {**limits, "memory": float(merged.count)}, host.down)
    return replace(row, after_ksm=later.max, ksm_catch_up_s=merged.seconds)


def _row(template: Template, limits: dict[str, float], down: bool) -> DensityRow:
    """Return the row whose binding limit is the tightest (a panicked host's before any)."""
    binding = "host_down" if down else min(LIMITS, key=lambda name: limits[name])
    count = limits[binding]
    return DensityRow(template.id, int(count) if math.isfinite(count) else 0, binding, limits)


def _fits(room: float, each: float) -> float:
    """Return how many of `each` fit in `room` (inf when each is 0 or room unbounded)."""
    if each <= 0 or math.isinf(room):
        return math.inf
    return float(max(0, math.floor(room / each + 1e-9)))

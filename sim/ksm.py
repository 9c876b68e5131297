"""Kernel same-page merging: identical VM pages merged gradually, at the host's scan rate.

Zeroed or unused guest pages are all identical, so they merge even within one VM; kernel and
userspace pages merge only between guests of the same OS (the template's `ksm_group`). Reserved
VM RAM is locked and never merged (assumption: reserve means preallocated, pinned memory).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator

from sim.engine import Event
from sim.guest import Guest
from sim.host import Host

TICK_S = 1.0
MERGEABLE = ("guest_idle", "guest_kernel", "guest_os")


def run_ksm(host: Host) -> Generator[Event, object, None]:
    """Merge pages every tick for as long as the session runs."""
    fractions = {layer: host.model[f"ksm_mergeable_{layer}"] for layer in MERGEABLE}
    budget_per_tick = host.preset.ksm_scan_mib_s * TICK_S
    while True:
        tick: Event = host.engine.timeout(TICK_S)
        yield tick
        candidates = [g for g in host.live_guests() if g.template.ksm_group]
        if not candidates:
            continue
        group_sizes = Counter(g.template.ksm_group for g in candidates)
        share = budget_per_tick / len(candidates)
        merged_any = False
        for guest in candidates:
            alone = group_sizes[guest.template.ksm_group] < 2
            merged_any |= _merge(host, guest, share, fractions, alone) > 0
        if merged_any:
            host.sample()


def _merge(
    host: Host, guest: Guest, budget: float, fractions: dict[str, float], alone: bool
) -> float:
    """Merge up to `budget` MiB of `guest`'s identical pages; return how much."""
    done = 0.0
    for layer in MERGEABLE:
        if alone and layer != "guest_idle":
            break
        resident = guest.memory.get(layer, 0.0)
        merged = guest.merged.get(layer, 0.0)
        room = fractions[layer] * (resident + merged) - merged
        m = min(budget - done, room, resident)
        if m <= 1e-9:
            continue
        host.ledger.merge(guest, layer, m)
        done += m
        if done >= budget:
            break
    if done:
        guest.changed()
    return done

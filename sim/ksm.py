"""Kernel same-page merging: ksmd scans the guest RAM its VMM marked mergeable, at its scan rate,
and merges the pages that really are identical once it has seen each one twice unchanged.

Only a guest whose VMM marks its RAM MADV_MERGEABLE is scanned (`Template.ksm_mergeable`:
QEMU by default; Firecracker and Cloud Hypervisor not), and of its memory only the share
that is identical merges: zeroed pages always (they are all alike, even within one VM),
kernel and system pages only between guests of the same OS (the template's `ksm_group`),
and then one copy stays resident: n guests of a group save (n - 1) / n of their identical
pages. ksmd divides its scan rate over all mergeable RAM, and a page merges on its second
scan (its checksum must hold between two scans), so merging catches up after two passes.
Reserved VM RAM is locked and never merged (assumption: reserve means preallocated, pinned
memory), so the session runs ksmd only under overcommit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator, Mapping
from contextlib import suppress
from dataclasses import dataclass

from sim.catalog import Template
from sim.engine import Event
from sim.guest import Guest
from sim.host import Host
from sim.hostmemory import NoRoom
from sim.memory import EPSILON_MIB
from sim.states import GuestGone, GuestKilled

TICK_S = 1.0  # the shortest step of ksmd's work
TICKS_PER_PASS = 256  # a pass over all mergeable RAM takes at least this many steps
IDENTICAL = ("guest_idle", "guest_kernel", "guest_os", "guest_cache")
ZERO_PAGES = "guest_idle"  # identical to every other zero page, whatever the guest's OS
MAX_COUNT = 100_000  # a bound on the count search; far above any host's VMs


def shares(model: Mapping[str, float]) -> dict[str, float]:
    """Return, by layer, the share of a guest's pages identical to another guest's."""
    return {layer: model[f"ksm_identical_{layer}"] for layer in IDENTICAL}


def running(host: Host) -> bool:
    """Return whether ksmd runs on `host` (KSM on, VM RAM not reserved)."""
    return host.policy.ksm and host.policy.memory == "overcommit"


def mergeable(template: Template) -> bool:
    """Return whether ksmd scans guests of `template` (its VMM marks its RAM mergeable)."""
    return template.ksm_mergeable and template.ksm_group is not None


def saving(layers: Mapping[str, float], share: Mapping[str, float], n: int) -> dict[str, float]:
    """Return, by layer, what KSM saves of one guest once caught up, with `n` of its OS."""
    keep = (n - 1) / n if n > 0 else 0.0
    return {
        layer: s * layers.get(layer, 0.0) * (1.0 if layer == ZERO_PAGES else keep)
        for layer, s in share.items()
    }


def guest_layers(guest: Guest) -> dict[str, float]:
    """Return a guest's memory by layer as if nothing were merged."""
    layers = dict(guest.memory)
    for layer, mib in guest.merged.items():
        layers[layer] = layers.get(layer, 0.0) + mib
    return layers


def guest_ram_mib(layers: Mapping[str, float]) -> float:
    """Return the part of a guest's memory inside its own RAM (what ksmd scans)."""
    return sum(mib for layer, mib in layers.items() if layer != "vmm")


def _scanned_guests(host: Host) -> list[Guest]:
    return [g for g in host.live_guests() if mergeable(g.template)]


def outstanding_mib(host: Host) -> float:
    """Return what KSM will still save with the guests now on `host`, once it has caught up."""
    if not running(host):
        return 0.0
    share = shares(host.model)
    guests = _scanned_guests(host)
    groups = Counter(g.template.ksm_group for g in guests)
    total = 0.0
    for g in guests:
        for layer, mib in saving(guest_layers(g), share, groups[g.template.ksm_group]).items():
            total += max(0.0, mib - g.merged.get(layer, 0.0))
    return total


@dataclass(frozen=True, slots=True)
class CatchUp:
    """How many more of a template fit once KSM has caught up after each, and how long the
    last catch-up takes (two passes of ksmd over all mergeable RAM)."""

    count: int
    seconds: float


def fits_once_merged(
    host: Host, template: Template, room_mib: float, each: Mapping[str, float]
) -> CatchUp | None:
    """Return how many guests of `template` (each holding `each` by layer) fit in `room_mib`
    when every one starts only after KSM has merged what it can; None without KSM."""
    if not running(host) or not mergeable(template):
        return None
    share = shares(host.model)
    guests = _scanned_guests(host)
    groups = Counter(g.template.ksm_group for g in guests)
    other = same_zero = same_identical = same_merged = ram = 0.0
    for g in guests:
        layers = guest_layers(g)
        ram += guest_ram_mib(layers)
        if g.template.ksm_group != template.ksm_group:
            own = saving(layers, share, groups[g.template.ksm_group])
            other += sum(max(0.0, v - g.merged.get(k, 0.0)) for k, v in own.items())
            continue
        identical = saving(layers, share, 2)  # n = 2 keeps half: twice that is the whole share
        same_zero += identical[ZERO_PAGES] - g.merged.get(ZERO_PAGES, 0.0)
        same_identical += 2 * sum(v for k, v in identical.items() if k != ZERO_PAGES)
        same_merged += sum(v for k, v in g.merged.items() if k in share and k != ZERO_PAGES)
    n0 = groups[template.ksm_group]
    one = saving(each, share, 2)
    new_zero = one[ZERO_PAGES]
    new_identical = 2 * sum(v for k, v in one.items() if k != ZERO_PAGES)
    cost = sum(each.values())

    def saved(k: int) -> float:
        n = n0 + k
        keep = (n - 1) / n if n > 0 else 0.0
        shared = keep * (same_identical + k * new_identical) - same_merged
        return other + same_zero + k * new_zero + shared

    k = 0
    while k < MAX_COUNT and room_mib + saved(k) - k * cost + EPSILON_MIB >= cost:
        k += 1
    ram += k * guest_ram_mib(each)
    seconds = host.model["ksm_passes"] * ram / host.preset.ksm_scan_mib_s if k else 0.0
    return CatchUp(k, seconds)


def run_ksm(host: Host) -> Generator[Event, object, None]:
    """Scan and merge every tick for as long as the session runs."""
    share = shares(host.model)
    passes = host.model["ksm_passes"]
    scanned: dict[str, float] = {}  # guest id -> MiB of its RAM ksmd has scanned so far
    step = TICK_S
    while True:
        tick: Event = host.engine.timeout(step)
        yield tick
        guests = _scanned_guests(host)
        layers = {g.id: guest_layers(g) for g in guests}
        ram = {g.id: guest_ram_mib(layers[g.id]) for g in guests}
        total = sum(ram.values())
        for gid in [gid for gid in scanned if gid not in ram]:
            del scanned[gid]
        budget = host.preset.ksm_scan_mib_s * step
        # Steps of 1/256 of a pass (at least 1 s): smooth in a lesson, few over hours of merging.
        step = max(TICK_S, total / host.preset.ksm_scan_mib_s / TICKS_PER_PASS)
        if total <= EPSILON_MIB:
            continue
        groups = Counter(g.template.ksm_group for g in guests)
        changed = False
        for guest in guests:
            size = ram[guest.id]
            if size <= EPSILON_MIB:
                continue
            done = scanned[guest.id] = scanned.get(guest.id, 0.0) + budget * size / total
            # Each page merges on its second scan: the last pass is the one that merges.
            progress = min(1.0, max(0.0, done / size - (passes - 1)))
            target = saving(layers[guest.id], share, groups[guest.template.ksm_group])
            changed |= _settle(host, guest, target, progress)
        if changed:
            host.sample()


def _settle(host: Host, guest: Guest, target: Mapping[str, float], progress: float) -> bool:
    """Merge `guest`'s pages up to `progress` of `target`; unmerge what exceeds `target`."""
    changed = False
    for layer, full in target.items():
        merged = guest.merged.get(layer, 0.0)
        if merged > full + EPSILON_MIB:
            # Another guest of its OS left: one copy of what they shared is now this guest's.
            _unmerge(host, guest, layer, merged - full)
            changed = True
            continue
        m = min(full * progress - merged, guest.memory.get(layer, 0.0))
        if m > EPSILON_MIB:
            host.ledger.merge(guest, layer, m)
            changed = True
    if changed:
        guest.changed()
    return changed


def _unmerge(host: Host, guest: Guest, layer: str, mib: float) -> None:
    """Give `guest` back its own copy of `mib` merged pages (they become resident again)."""
    host.ledger.unmerge(guest, layer, mib)
    # If the OOM killer ends it, or it was already ending, there is nothing more to give back.
    with suppress(GuestGone, GuestKilled, NoRoom):
        host.memory.alloc(guest, layer, mib)

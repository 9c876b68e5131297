"""Checks that the host's books and its guests' states agree, for tests to run at every sample.

`host_violations` lists what is wrong on one host now (an empty list when all holds):
- the ledger balances: layers + free == RAM + swap in use, nothing negative, swap within size;
- every resident MiB has one owner: each layer is what guests hold plus what the host holds
  (its kernel, runtime, page cache and Linux VM), and KSM's savings are what guests had merged;
- the counters are what guests hold: PIDs, bridge ports, vCPUs, disk (plus image layers);
- no guest is both gone and holding: a guest that is not live holds nothing;
- live states agree with the host's list of live guests, and each guest names its host;
- no negative times: spans end after they start, a guest is ready after it was created, and a
  guest still starting (or moving) has no ready time.
`watch(session)` runs the check at every sample the session records and raises on the first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.vocabulary import LAYERS

if TYPE_CHECKING:
    from sim.guest import Guest
    from sim.host import Host
    from sim.session import Session

TOLERANCE_MIB = 1e-6  # relative: float sums of many small charges drift this much
HOST_LAYERS = ("host_kernel", "runtime", "page_cache")


class InvariantError(AssertionError):
    """The model broke one of its own invariants (a bug, never the user's doing)."""


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE_MIB * max(1.0, abs(a), abs(b))


def _ledger(host: Host) -> list[str]:
    led = host.ledger
    out = []
    if not _near(led.used + led.free, led.ram_mib + led.swap_used):
        out.append(
            f"ledger: layers {led.used} + free {led.free} != RAM {led.ram_mib} "
            f"+ swap {led.swap_used}"
        )
    if led.free < -TOLERANCE_MIB or led.swap_used > led.swap_mib + TOLERANCE_MIB:
        out.append(f"ledger: free {led.free}, swap {led.swap_used} of {led.swap_mib}")
    out += [f"ledger: {k} is {v}" for k, v in led.layers.items() if v < -TOLERANCE_MIB]
    return out


def _owners(host: Host) -> list[str]:
    held = dict.fromkeys(LAYERS, 0.0)
    held["host_kernel"] = host.preset.host_kernel_mib
    held["runtime"] = host.preset.runtime_mib if host.preset.runtime else 0.0
    held["page_cache"] = sum(host.images.page_cache.values())
    merged = 0.0
    owners = (host.memory.utility_vm_held, *host.memory.transit.values())
    for owner in (*owners, *(g.held for g in host.guests.values())):
        for layer, mib in owner.memory.items():
            held[layer] += mib
        merged += sum(owner.merged.values())
    out = [
        f"owners: {layer} is {host.ledger.layers[layer]} in the ledger, {held[layer]} held"
        for layer in LAYERS
        if not _near(host.ledger.layers[layer], held[layer])
    ]
    if not _near(host.ledger.ksm_saved, merged):
        out.append(f"owners: ksm_saved {host.ledger.ksm_saved} != merged {merged}")
    return out


def _counters(host: Host) -> list[str]:
    c, guests = host.counters, [g.held for g in host.guests.values()]
    expected = {
        "pids": (c.pids_used, host.preset.host_pids + sum(h.pids for h in guests)),
        "ports": (c.ports_used, sum(1 for h in guests if h.bridge_port)),
        "vcpus": (c.vcpus_committed, sum(h.vcpus for h in guests)),
        "disk": (c.disk_used_gib, host.images.stored_gib + sum(h.disk_gib for h in guests)),
    }
    out = [
        f"counters: {name} {have} != held {want}"
        for name, (have, want) in expected.items()
        if not _near(have, want)
    ]
    if c.pids_used > host.preset.pid_max or c.ports_used > host.preset.bridge_ports:
        out.append(f"counters: {c.pids_used} PIDs, {c.ports_used} ports beyond the host's")
    return out


def _guest(host: Host, guest: Guest, live_ids: set[str]) -> list[str]:
    out = []
    if guest.live != (guest.id in live_ids):
        out.append(
            f"{guest.id}: {guest.state} but {'' if guest.id in live_ids else 'not '}"
            "on the host's live list"
        )
    if not guest.live and not guest.held.empty():
        out.append(f"{guest.id}: {guest.state} yet holds {guest.held}")
    if guest.host_id != host.id:
        out.append(f"{guest.id}: on {host.id} but names {guest.host_id}")
    if guest.created_s < 0 or (guest.ready_s is not None and guest.ready_s < guest.created_s):
        out.append(f"{guest.id}: created {guest.created_s}, ready {guest.ready_s}")
    if guest.state in ("pending", "pulling", "starting", "moving") and guest.ready_s is not None:
        out.append(f"{guest.id}: {guest.state} but ready at {guest.ready_s}")
    for span in guest.spans:
        if span.start_s < 0 or (span.end_s is not None and span.end_s < span.start_s):
            out.append(f"{guest.id}: phase {span.name} from {span.start_s} to {span.end_s}")
    if any(v < -TOLERANCE_MIB for v in (*guest.held.memory.values(), *guest.held.merged.values())):
        out.append(f"{guest.id}: negative memory {guest.held}")
    return out


def host_violations(host: Host) -> list[str]:
    """Return every invariant that does not hold on `host` now."""
    live_ids = {g.id for g in host.live_guests()}
    out = _ledger(host) + _owners(host) + _counters(host)
    if not live_ids <= set(host.guests):
        out.append(f"live list names guests not on the host: {live_ids - set(host.guests)}")
    for guest in host.guests.values():
        out += _guest(host, guest, live_ids)
    return out


def session_violations(session: Session) -> list[str]:
    """Return every invariant that does not hold on any host of `session`, or across hosts."""
    out = [v for host in session.hosts.values() for v in host_violations(host)]
    placed = [gid for host in session.hosts.values() for gid in host.guests]
    if len(placed) != len(set(placed)):
        out.append("a guest is on two hosts at once")
    return out


def check(session: Session) -> None:
    """Raise InvariantError naming the first broken invariant of `session`."""
    found = session_violations(session)
    if found:
        raise InvariantError(f"at {session.now:.6f} s: {found[0]}")


def watch(session: Session) -> None:
    """Check every host's invariants at every sample it records from now on."""

    def on_sample(host: Host) -> None:
        found = host_violations(host)
        if found:
            raise InvariantError(f"{host.id} at {host.engine.now:.6f} s: {found[0]}")

    for host in session.hosts.values():
        host.on_sample = on_sample

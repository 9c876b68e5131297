"""How a guest starts: process generators run by the engine, one per guest.

Each phase holds the memory it touches, then spends its wait, its CPU work (shared fairly with
every other guest, capped at the guest's vCPUs), its disk reads (shared bandwidth) and its
store commits (one durable write at a time per host). A bridged container's network phase holds
the daemon's lock of the bridge network. Durations are jittered by one log-normal factor per
phase, drawn from the session's seeded generator.
"""

from __future__ import annotations

from collections.abc import Generator
from functools import partial

from sim import footprint, platform
from sim.catalog import IOS_PER_MIB, Image, Layer, PhaseSpec
from sim.engine import Event, Interrupt
from sim.guest import Guest
from sim.host import GuestGone, Host, NoRoom, Slots
from sim.vocabulary import LIMIT_TEXT

StartProcess = Generator[Event, object, None]

# Kept for the modules that look failure texts up here; the sentences live in sim.vocabulary.
FAIL_REASONS = LIMIT_TEXT


def start(host: Host, guest: Guest, client: Slots | None = None) -> StartProcess:
    """Return the process that starts `guest`, once `client` (if any) has a start to spare.

    A client such as `parallel -j N` or Compose keeps at most N `docker run`s in flight: the
    next one is sent when one of them has its container up (or failed).
    """
    return _start(host, guest) if client is None else _sent_by(client, host, guest)


def _sent_by(client: Slots, host: Host, guest: Guest) -> StartProcess:
    """Wait for `client` to send the start of `guest`, run it, then give the client its turn."""
    turn = client.acquire()
    try:
        yield turn
        yield from _start(host, guest)
    except Interrupt:
        pass  # removed while the client had not sent its start yet: it holds nothing
    finally:
        client.leave(turn)


def _start(host: Host, guest: Guest) -> StartProcess:
    """Start `guest`: pull its image if needed, then run its phases until its app is ready."""
    if guest.state != "pending":
        return  # ended (or moved) before its start began: nothing to undo
    try:
        tpl = guest.template
        mismatch = platform.problem(tpl, host.preset)
        why = mismatch if mismatch in ("image_os", "no_manifest", "no_hypervisor") else None
        why = why or host.admit(guest)
        if why is None and guest.traits.vm_like and host.policy.memory == "reserve":
            why = None if host.memory.reserve(guest) else "memory"
        if why is not None:
            _fail(host, guest, why)
            return
        if tpl.image is not None:
            yield from _pull(host, guest, tpl.image)
        host.advance(guest, "starting")
        if platform.needs_utility_vm(tpl, host.preset) and not host.utility_vm:
            # Shared by every container of this host: never cancelled on one guest's behalf.
            booted = yield _utility_vm(host)
            if not booted:
                _fail(host, guest, "memory")
                return
        if not (yield from _phases(host, guest, mismatch)):
            return
        host.advance(guest, "running")
        guest.ready_s = host.engine.now
        startup = guest.ready_s - guest.created_s
        host.log("ready", guest, guest=guest.id, startup_s=round(startup, 6))
    except (Interrupt, GuestGone, NoRoom) as stop:
        # The host already freed what the guest held (and _phases what it waited for).
        if guest.spans and guest.spans[-1].end_s is None:
            guest.end_phase(host.engine.now)
        if isinstance(stop, NoRoom):
            _fail(host, guest, "memory")


def _phases(host: Host, guest: Guest, mismatch: str | None) -> Generator[Event, object, bool]:
    """Run the template's phases in order; return False when one fails the start.

    Each phase yields its wait, CPU job, disk job and store commits in turn, each made when
    reached. Commits made under the network lock are part of its hold; the others queue at the
    host's store, one durable write at a time ([containerd-10745:bolt-lock]).
    """
    tpl, engine = guest.template, host.engine
    cap, slowdown = tpl.cpu_cap, platform.slowdown(tpl, host.preset)
    host_net = guest.config.network == "host"
    vm_like = guest.traits.vm_like
    held_lock = False
    waiting: Event | None = None
    try:
        for spec in tpl.phases:
            name = spec.name
            guest.begin_phase(name, engine.now, spec.source)
            if name == "exec" and mismatch == "exec_format":
                _fail(host, guest, mismatch)
                return False
            # On the host's network namespace there is no veth pair and so no bridge port.
            bridged = tpl.bridge and not host_net
            if name == "network" and bridged and not host.take_bridge_port(guest):
                _fail(host, guest, "bridge_ports")
                return False
            if vm_like or spec.alloc or spec.touch_all:
                _touch(host, guest, spec)
            if name == "app" and tpl.image is not None:
                host.memory.cache_image(tpl.image, guest)
            # The endpoint (veth pair, address, bridge port) is made under the daemon's lock of
            # the bridge network (libnetwork CreateEndpoint, [moby-44887:endpoint-lock]); on the
            # host's network there is no veth to make, only the endpoint's record to commit.
            work = not spec.lock or not host_net
            if spec.lock and work:
                waiting = host.network_lock.acquire()
                yield waiting
                held_lock = True
            factor = slowdown * host.jitter.factor()
            commit_s = spec.syncs * host.sync_s * factor
            if work:
                wait_s = spec.wait_s * factor
                if spec.lock:
                    wait_s, commit_s = wait_s + commit_s, 0.0
                if wait_s > 0:
                    yield (waiting := engine.timeout(wait_s))
                if spec.cpu_s > 0:
                    cpu = host.cpu_work(guest, spec.cpu_s * factor)
                    yield (waiting := host.cpu.submit(cpu, cap))
                if spec.io_mib > 0:
                    yield (waiting := host.iops.submit(spec.io_mib * IOS_PER_MIB * factor))
            if commit_s > 0:
                yield (waiting := host.store.occupy(commit_s))
            waiting = None
            if held_lock:
                host.network_lock.release()
                held_lock = False
            # The log keeps the phase record; its "phase_done" entry is made when read.
            host.log_sink.emit_phase_done(guest.end_phase(engine.now))
    except (Interrupt, GuestGone, NoRoom):
        # Let go of what the phase was waiting for or holding; _start does the rest.
        if waiting is not None and not waiting.processed:
            waiting.cancel()
        if held_lock:
            host.network_lock.release()
        raise
    return True


def _touch(host: Host, guest: Guest, spec: PhaseSpec) -> None:
    """Make the memory the phase touches resident (a VM's inside its own RAM)."""
    vm_like = guest.traits.vm_like
    for layer, mib in spec.alloc.items():
        if vm_like and layer != "vmm":
            host.memory.alloc_inside(guest, layer, mib)
        else:
            host.memory.alloc(guest, layer, mib)
    if vm_like and (cached := footprint.cached_read_mib(guest.template, spec)):
        host.memory.read_inside(guest, cached)
    if spec.touch_all:
        # Windows zeroes all of its RAM at boot: every page becomes resident.
        rest = guest.template.memory_mib - guest.inside_mib()
        host.memory.alloc(guest, "guest_idle", rest)


def _pull(host: Host, guest: Guest, image: Image) -> StartProcess:
    """Wait until every layer of `image` is on the host, fetching the missing ones."""
    missing = host.images.missing(image)
    if not missing:
        host.log("pull_skipped", guest, guest=guest.id, image=image.id)
        return
    host.advance(guest, "pulling")
    # The host fetches a layer, not the guest: a second container of the same image waits for
    # the same download, and it completes even if the first is killed. Containers missing the
    # same layers share one wait (a burst of a thousand makes it once, not a thousand times).
    key = tuple(layer.id for layer in missing)
    wait = host.images.waits.get(key)
    if wait is None or wait[0].processed:
        downloads: list[Event] = []
        parent: Event | None = None
        for layer in missing:  # bottom first: each layer is extracted onto the one below it
            parent = host.images.pull(layer, partial(_download, host, layer, parent))
            downloads.append(parent)
        sources = "; ".join(layer.source for layer in missing)
        wait = host.images.waits[key] = (host.engine.all_of(downloads), sources)
    guest.begin_phase("pull", host.engine.now, wait[1])
    yield wait[0]
    guest.end_phase(host.engine.now)


def _fetch(host: Host, layer: Layer, parent: Event | None) -> StartProcess:
    """Download one layer (compressed), then decompress and write it (extracted) after `parent`.

    Downloads run a few at a time (a daemon-wide slot each); extraction is serial, each layer
    once the one below it is on disk ([docker-dockerd:concurrent-downloads]).
    """
    yield host.download_slots.acquire()
    yield host.registry.submit(layer.compressed_mib)
    host.download_slots.release()
    if parent is not None and not parent.processed:
        yield parent
    decompress_s = layer.compressed_mib / host.model["decompress_mib_s"]
    yield host.cpu.submit(host.cpu_work(None, decompress_s), 1.0)
    yield host.disk_write.submit(layer.extracted_mib)
    host.images.arrive(layer)


def _download(host: Host, layer: Layer, parent: Event | None) -> Event:
    return host.engine.process(_fetch(host, layer, parent))


def _utility_vm(host: Host) -> Event:
    """Return an event for the Linux VM under a Windows host's containers, booting it once."""
    if host.utility_vm_boot is None:
        host.utility_vm_boot = host.engine.process(_boot_utility_vm(host))
    return host.utility_vm_boot


def _boot_utility_vm(host: Host) -> Generator[Event, object, bool]:
    """Boot the Linux VM once; return False (and hold nothing) when the host cannot hold it."""
    uvm = host.utility_vm_spec
    host.log("utility_vm", None, host=host.id)
    if not host.memory.hold_utility_vm(
        {layer: uvm[f"{layer}_mib"] for layer in ("vmm", "guest_kernel", "runtime")}
    ):
        host.utility_vm_boot = None  # a later container tries again
        return False
    yield host.engine.timeout(uvm["boot_s"])
    host.utility_vm = True
    return True


def _fail(host: Host, guest: Guest, why: str) -> None:
    """End a start that cannot go on, saying which limit stopped it."""
    if guest.spans and guest.spans[-1].end_s is None:
        guest.end_phase(host.engine.now)
    if host.end(guest, "failed", why):
        host.log("start_failed", guest, guest=guest.id, reason=why)

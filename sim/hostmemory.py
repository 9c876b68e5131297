"""A host's resident memory as one owner: what each guest holds, the page cache, the Linux VM
under Windows containers, and the OOM killer that frees room by ending the largest guest.

Every charge of a guest's memory goes through here (and from here through the ledger), so a
guest that is no longer live cannot be charged: `alloc` raises GuestGone. Guests that hold
memory are kept apart, so an OOM storm costs one scan of those, not of every guest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sim import states
from sim.catalog import Image
from sim.guest import Guest
from sim.images import ImageStore
from sim.jitter import Policy
from sim.memory import EPSILON_MIB, MemoryLedger
from sim.resources import Holdings
from sim.states import GuestGone, GuestKilled


class NoRoom(MemoryError):
    """Memory ran out and no guest holds any to kill: what asked for it cannot have it."""


class HostMemory:
    """Charges memory to guests and to the host, and kills the largest guest when it runs out.

    `end(guest, state, reason, code)` ends a guest (the host's state machine), `log(code, who,
    **params)` and `sample()` record what happened.
    """

    def __init__(
        self,
        host_id: str,
        ledger: MemoryLedger,
        images: ImageStore,
        policy: Policy,
        end: Callable[..., bool],
        log: Callable[..., None],
        sample: Callable[[], None],
    ) -> None:
        self._host_id = host_id
        self.ledger = ledger
        self._images = images
        self._swap = policy.swap
        self._end, self._log, self._sample = end, log, sample
        self.utility_vm_held = Holdings()  # the Linux VM under a Windows host's containers
        self._holders: dict[str, Guest] = {}  # live guests that hold memory: OOM candidates
        self.transit: dict[str, Holdings] = {}  # pages of moving guests, by id (sim.move_transit)
        self._swapping = False

    def alloc(self, guest: Guest, layer: str, mib: float) -> None:
        """Make `mib` resident in `layer` for `guest`, killing the largest guests if short.

        Raises GuestKilled when the OOM killer chose `guest` itself, GuestGone when `guest` is
        not live, and NoRoom when no guest holds memory to kill.
        """
        if mib <= 0:
            return
        if guest.state not in states.HOLDING:
            raise GuestGone(guest.id)
        if not self.ledger.charge(guest, layer, mib, self._swap):
            self._make_room(mib, guest)
            self.ledger.charge(guest, layer, mib, self._swap)
        self._holders[guest.id] = guest
        guest.changed()
        if self._swapping or self.ledger.swap_used <= 0:
            self._sample()  # the common case, without a call to _charged
        else:
            self._charged(guest, mib)

    def alloc_inside(self, guest: Guest, layer: str, mib: float) -> None:
        """Let a VM-like guest use `mib` more in `layer`, first from RAM it already touched."""
        if guest.state not in states.HOLDING:
            raise GuestGone(guest.id)
        reuse = min(mib, guest.memory.get("guest_idle", 0.0))
        self.ledger.relabel(guest, "guest_idle", layer, reuse)
        # Pages KSM merged must be copied back before the guest writes them.
        unmerge = min(mib - reuse, guest.merged.get("guest_idle", 0.0))
        self.ledger.unmerge(guest, "guest_idle", unmerge)
        guest.changed()
        room = guest.template.memory_mib - guest.inside_mib()
        self.alloc(guest, layer, min(mib - reuse, room + unmerge))

    def read_inside(self, guest: Guest, mib: float) -> None:
        """Keep what a VM-like guest read from its disk in its own page cache (in its RAM).

        The guest kernel caches file reads in free guest RAM; on the host that RAM is the VMM's
        anonymous memory, so it stays resident, and KSM (not the host's own cache reclaim) is
        what can take identical cached pages back.
        """
        self.alloc_inside(guest, "guest_cache", mib)

    def reserve(self, guest: Guest) -> bool:
        """Take all of a VM's RAM up front (reserve policy); False if it does not fit."""
        mib = guest.template.memory_mib - guest.inside_mib()
        if not self.ledger.charge(guest, "guest_idle", mib, swap=False):
            return False
        self._holders[guest.id] = guest
        guest.changed()
        self._sample()
        return True

    def app_oom_inside(self, guest: Guest) -> None:
        """End a VM's app by its own kernel's OOM killer: its pages stay resident, now idle."""
        self.ledger.relabel(guest, "app", "guest_idle", guest.memory.get("app", 0.0))
        guest.changed()
        self._sample()

    def cache_image(self, image: Image, starting: Guest) -> None:
        """Bring the part of `image` read at start into the shared page cache, once per host."""
        mib = self._images.cache_mib(image)
        if mib > 0:
            self._make_room(mib, starting)
            self.ledger.take("page_cache", mib, self._swap)
            self._images.cache(image, mib)
            self._charged(starting, mib)

    def hold_utility_vm(self, layers: Mapping[str, float]) -> bool:
        """Make the Linux VM under Windows containers resident; False, holding nothing, if the
        host cannot hold it even after killing every guest that holds memory."""
        try:
            for layer, mib in layers.items():
                self._make_room(mib, None)
                self.ledger.charge(self.utility_vm_held, layer, mib, self._swap)
                self._charged(None, mib)
        except NoRoom:
            self.ledger.release(self.utility_vm_held)
            self._sample()
            return False
        return True

    def release(self, guest: Guest) -> None:
        """Give back all the guest's memory (it stopped being live)."""
        self._holders.pop(guest.id, None)
        self.ledger.release(guest)

    def _charged(self, who: Guest | None, mib: float) -> None:
        """Say when swapping begins, and record the ledger after a charge."""
        if self.ledger.swap_used > 0 and not self._swapping:
            self._swapping = True
            self._log("swap_started", who, mib=mib)
        self._sample()

    def _make_room(self, mib: float, asking: Guest | None) -> None:
        """Free RAM until `mib` fits: drop unused page cache, then kill the largest guest."""
        while self.ledger.available(self._swap) + EPSILON_MIB < mib:
            if self._images.reclaim():
                continue
            victim = max(
                (g for g in self._holders.values() if g.resident_mib > 0),
                key=lambda g: (g.resident_mib, g.id),
                default=None,
            )
            if victim is None:
                raise NoRoom(f"{mib:.1f} MiB do not fit on {self._host_id}")
            self._end(victim, "killed", "oom", code="oom_kill")
            if victim is asking:
                raise GuestKilled(victim.id)

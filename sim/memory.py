"""The host's memory ledger: every resident MiB belongs to exactly one layer.

Invariant, at every instant: sum(layers) + free == RAM + swap_used. Memory is taken from free RAM
first, then (when swap is on) from swap; memory given back pays off swap first. Shared pages are
counted once: image page cache belongs to the host, not to each container, and pages KSM merged
are removed from their layer and reported as `ksm_saved` instead.

What each guest holds is charged and released here too (`charge`, `relabel`, `merge`,
`unmerge`, `release`), so a guest's books and the host's change in the same statement.
"""

from __future__ import annotations

from sim.resources import Holdings
from sim.vocabulary import LAYERS

# Float sums drift; this much (MiB) is treated as zero.
EPSILON_MIB = 1e-6


class MemoryLedger:
    """Resident memory by layer, free RAM, swap in use and KSM savings, in MiB."""

    def __init__(self, ram_mib: float, swap_mib: float) -> None:
        self.ram_mib = ram_mib
        self.swap_mib = swap_mib
        self.layers: dict[str, float] = dict.fromkeys(LAYERS, 0.0)
        self.free = ram_mib
        self.swap_used = 0.0
        self.ksm_saved = 0.0

    @property
    def used(self) -> float:
        """Return resident memory over all layers."""
        return sum(self.layers.values())

    def available(self, swap: bool) -> float:
        """Return how much more can be taken, counting swap only when `swap` is on."""
        return self.free + (self.swap_mib - self.swap_used if swap else 0.0)

    def take(self, layer: str, mib: float, swap: bool) -> bool:
        """Move `mib` from free (then swap) into `layer`; False, changing nothing, if short."""
        if mib <= 0:
            return True
        free = self.free
        if mib > free + (self.swap_mib - self.swap_used if swap else 0.0) + EPSILON_MIB:
            return False  # more than available(swap), worked out here: a charge per phase
        from_ram = mib if mib < free else free
        self.free -= from_ram
        self.swap_used += mib - from_ram
        self.layers[layer] += mib
        return True

    def give(self, layer: str, mib: float) -> None:
        """Return `mib` of `layer` to the host, paying off swap first."""
        if mib <= 0:
            return
        self.layers[layer] = max(0.0, self.layers[layer] - mib)
        to_swap = min(mib, self.swap_used)
        self.swap_used -= to_swap
        self.free += mib - to_swap

    def move(self, source: str, target: str, mib: float) -> None:
        """Re-label `mib` resident from `source` to `target` (a guest using RAM it already had)."""
        self.layers[source] -= mib
        self.layers[target] += mib

    # ------------------------------------------------------------------ one guest's share
    def charge(self, held: Holdings, layer: str, mib: float, swap: bool) -> bool:
        """Take `mib` into `layer` for a guest; False, changing nothing, if short."""
        if not self.take(layer, mib, swap):
            return False
        if mib > 0:
            held.memory[layer] = held.memory.get(layer, 0.0) + mib
        return True

    def relabel(self, held: Holdings, source: str, target: str, mib: float) -> None:
        """Re-label `mib` a guest already holds from `source` to `target`."""
        if mib <= 0:
            return
        held.memory[source] = held.memory.get(source, 0.0) - mib
        held.memory[target] = held.memory.get(target, 0.0) + mib
        self.move(source, target, mib)

    def merge(self, held: Holdings, layer: str, mib: float) -> None:
        """Let KSM merge `mib` of a guest's `layer`: no longer resident, counted as saved."""
        held.memory[layer] = held.memory.get(layer, 0.0) - mib
        held.merged[layer] = held.merged.get(layer, 0.0) + mib
        self.give(layer, mib)
        self.ksm_saved += mib

    def unmerge(self, held: Holdings, layer: str, mib: float) -> None:
        """Forget `mib` of a guest's merged `layer` (it will be charged again when written)."""
        if mib <= 0:
            return
        held.merged[layer] = held.merged.get(layer, 0.0) - mib
        self.ksm_saved -= mib

    def release(self, held: Holdings) -> float:
        """Give back every MiB the guest holds or had merged; return what was resident."""
        resident = held.resident_mib
        for layer, mib in held.memory.items():
            self.give(layer, mib)
        self.ksm_saved -= sum(held.merged.values())
        held.memory.clear()
        held.merged.clear()
        return resident

    def imbalance(self) -> float:
        """Return how far the ledger is from its invariant (0 when it holds)."""
        return self.used + self.free - (self.ram_mib + self.swap_used)

    def values(self) -> tuple[float, ...]:
        """Return every layer, then free, swap_used and ksm_saved (the recorder's order)."""
        return (*self.layers.values(), self.free, self.swap_used, self.ksm_saved)

    def sample(self, time_s: float) -> tuple[float, ...]:
        """Return `time_s`, then `values()`: one row of the recorder, made as one tuple."""
        return (time_s, *self.layers.values(), self.free, self.swap_used, self.ksm_saved)

    def row(self) -> dict[str, float]:
        """Return every layer plus free, swap_used and ksm_saved."""
        return {
            **self.layers,
            "free": self.free,
            "swap_used": self.swap_used,
            "ksm_saved": self.ksm_saved,
        }

"""A host's vCPU policy: how many vCPUs its VMs may commit per physical core, or no cap.

The ratio is a scheduler's admission rule (OpenStack Nova's `cpu_allocation_ratio`, an
operator's sizing rule), not a property of the hardware: KVM itself runs any number of vCPUs
and shares the cores among the ones that are busy. HostLab holds the ratio as
`HostPreset.vcpu_per_core`, with `NO_CAP` (infinity) for a host that admits every VM; files
spell that "none". The catalog and scenario loaders read it here, the writer writes it here.
"""

from __future__ import annotations

import math

from sim.fields import Table

NO_CAP = math.inf
NO_CAP_WORD = "none"
# Below one vCPU per ten cores or above 64 per core a ratio is a typo, not a policy.
LOWEST, HIGHEST = 0.1, 64.0
# The ratios the host panel offers, besides "no cap" and a file's own value (see the
# vcpu_per_core sources in assets/catalog/hosts.toml for where each is used).
OFFERED = (1.0, 2.0, 4.0, 5.0, 10.0, 16.0)
EXPECTED = f'vCPUs per core, a number from {LOWEST:g} to {HIGHEST:g}, or "{NO_CAP_WORD}" (no cap)'


def read(t: Table, key: str = "vcpu_per_core") -> float:
    """Return the policy in `t[key]`: a ratio, or NO_CAP for "none"."""
    value: object = t.data.get(key)
    if value == NO_CAP_WORD:
        return NO_CAP
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not (math.isfinite(value) and LOWEST <= value <= HIGHEST)
    ):
        raise t.error(key, EXPECTED, value)
    return float(value)


def capped(ratio: float) -> bool:
    """Return whether the policy refuses VMs beyond some commitment."""
    return math.isfinite(ratio)


def to_toml(ratio: float) -> float | str:
    """Return the value a file holds for `ratio` ("none" for no cap)."""
    return ratio if capped(ratio) else NO_CAP_WORD


def ratio_text(ratio: float) -> str:
    """Return the ratio as people write it: "10:1", "2.5:1", or "none" (language-neutral)."""
    return f"{ratio:g}:1" if capped(ratio) else NO_CAP_WORD


def describe(ratio: float) -> str:
    """Return the policy in English for the command line: "vCPU policy 10:1"."""
    return f"vCPU policy {ratio:g}:1" if capped(ratio) else "vCPU policy: no cap"


def parse_text(text: str) -> float:
    """Return the policy written as "10", "10:1" or "none" (command line); ValueError if not."""
    word = text.strip().lower()
    if word in (NO_CAP_WORD, "no-cap", "nocap"):
        return NO_CAP
    number = word.removesuffix(":1")
    try:
        ratio = float(number)
    except ValueError:
        raise ValueError(f"expected {EXPECTED}, or N:1, got {text!r}") from None
    if not (math.isfinite(ratio) and LOWEST <= ratio <= HIGHEST):
        raise ValueError(f"expected {EXPECTED}, got {text!r}")
    return ratio


def room(cores: int, ratio: float, committed: float) -> float:
    """Return how many more vCPUs the policy admits (inf under no cap)."""
    return cores * ratio - committed if capped(ratio) else math.inf

"""The one place that formats quantities for people: memory, durations, counts.

Locale-neutral on purpose (a dot for decimals, thin grouping by spaces) so English and Chinese
show the same digits; unit symbols are SI/IEC and need no translation.
"""

from __future__ import annotations

import math

THIN_SPACE = "\u2009"


def mib(value_mib: float, *, digits: int = 1) -> str:
    """Format a memory amount given in MiB, switching to GiB from 1 GiB and TiB from 1 TiB."""
    if not math.isfinite(value_mib):
        return "∞"
    sign = "-" if value_mib < 0 else ""
    v = abs(value_mib)
    if v >= 1024 * 1024:
        return f"{sign}{v / (1024 * 1024):.{digits}f} TiB"
    if v >= 1024:
        return f"{sign}{v / 1024:.{digits}f} GiB"
    if v >= 100 or v == int(v):
        return f"{sign}{v:.0f} MiB"
    return f"{sign}{v:.{digits}f} MiB"


def duration(seconds: float | None) -> str:
    """Format a duration: ms below 1 s, s below 2 min, then min and s."""
    if seconds is None or not math.isfinite(seconds):
        return "–"
    sign = "-" if seconds < 0 else ""
    s = abs(seconds)
    if s < 1.0:
        ms = s * 1000.0
        return f"{sign}{ms:.1f} ms" if ms < 10 else f"{sign}{ms:.0f} ms"
    if s < 120.0:
        return f"{sign}{s:.2f} s" if s < 10 else f"{sign}{s:.1f} s"
    minutes, rest = divmod(s, 60.0)
    return f"{sign}{minutes:.0f} min {rest:02.0f} s"


def tick_duration(seconds: float) -> str:
    """Format a round duration for an axis tick ("10 ms", "1 s", "100 s")."""
    if seconds < 1.0:
        return f"{seconds * 1000:g} ms"
    return f"{seconds:g} s"


def sim_time(seconds: float) -> str:
    """Format a simulated clock reading (always in seconds, so columns line up)."""
    return f"{seconds:.3f} s"  # one format for every reading: the log never mixes two


def count(n: float) -> str:
    """Format a count with thin-space thousands grouping; infinity as ∞."""
    if not math.isfinite(n):
        return "∞"
    return f"{int(n):,}".replace(",", THIN_SPACE)


def figure(value: float) -> str:
    """Format a measured figure (GFLOPS, IOPS, µs): 3 significant digits, thin-space grouping."""
    if not math.isfinite(value):
        return "∞"
    if abs(value) >= 100:
        return count(round(value))
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"


def cpus(n: float) -> str:
    """Format a vCPU count (fractions for containers with CPU quotas)."""
    return f"{n:g}"


def axis_mib_scale(max_mib: float) -> tuple[float, str]:
    """Return (divisor, unit) for a memory axis whose top is `max_mib`."""
    if max_mib >= 4 * 1024 * 1024:
        return 1024.0 * 1024.0, "TiB"
    if max_mib >= 2048:
        return 1024.0, "GiB"
    return 1.0, "MiB"

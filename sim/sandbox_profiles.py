"""One profile per sandbox: gVisor's platform and Kata's hypervisor, as guest settings.

gVisor intercepts system calls with systrap (the default since mid-2023), KVM or ptrace; Kata
runs its pod's VM in QEMU (the default), Cloud Hypervisor or Firecracker. Each profile, read from
assets/catalog/templates.toml (`[sandbox_profiles.<setting>.<id>]`), replaces one start-up phase's
latency and memory and the workload factors it lists; the template's own numbers are those of the
default profile, so a guest on the default is the catalog template unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sim.fields import Table
from sim.guestconfig import SANDBOX_SETTINGS, GuestConfig
from sim.vocabulary import LAYERS

if TYPE_CHECKING:
    from sim.catalog import Catalog, Template

KEYS = ("name", "phase", "wait_s", "alloc", "factors", "sources")


@dataclass(frozen=True, slots=True)
class SandboxProfile:
    """What one gVisor platform or Kata hypervisor changes, with the source of each number."""

    id: str
    name: str
    phase: str  # the start-up phase it replaces the latency and memory of
    wait_s: float
    alloc: Mapping[str, float]
    factors: Mapping[str, tuple[float, str]]  # workload id -> (factor, source)
    sources: Mapping[str, str]


def parse_profiles(t: Table, workloads: tuple[str, ...]) -> dict[str, dict[str, SandboxProfile]]:
    """Read `[sandbox_profiles]`: one table per setting, one profile per choice of it."""
    t.only(tuple(SANDBOX_SETTINGS))
    found: dict[str, dict[str, SandboxProfile]] = {}
    for setting, choices in SANDBOX_SETTINGS.items():
        st = t.table(setting)
        st.only(choices)
        found[setting] = {pid: _profile(pid, st.table(pid), workloads) for pid in choices}
    return found


def _profile(pid: str, t: Table, workloads: tuple[str, ...]) -> SandboxProfile:
    t.only(KEYS)
    sources = t.table("sources")
    alloc_t = t.table("alloc")
    alloc_t.only(LAYERS)
    factors_t = t.table("factors", required=False)
    factors_t.only(workloads)
    numbers = ("wait_s", "alloc", *factors_t.data)
    for key in numbers:
        if not sources.string(key, "").strip():
            raise sources.error(key, "a source ('[reference:figure] …' or 'assumption: …')")
    return SandboxProfile(
        pid,
        t.string("name"),
        t.string("phase"),
        t.number("wait_s"),
        {k: alloc_t.number(k) for k in alloc_t.data},
        {w: (factors_t.number(w, lo=1e-6), sources.string(w)) for w in factors_t.data},
        {k: sources.string(k) for k in numbers},
    )


# Asked once per guest created: cached by identity, keeping the template alive (as sim.kinds).
_SETTINGS: dict[int, tuple[Template, str]] = {}


def setting_of(template: Template) -> str:
    """Return the sandbox setting `template` has ("" when it has none)."""
    hit = _SETTINGS.get(id(template))
    if hit is not None and hit[0] is template:
        return hit[1]
    from sim.kinds import traits

    found = next((s for s in traits(template).settings if s in SANDBOX_SETTINGS), "")
    _SETTINGS[id(template)] = (template, found)
    return found


def profile_of(catalog: Catalog, template: Template, config: GuestConfig) -> SandboxProfile | None:
    """Return the sandbox profile a guest of `template` with `config` runs on (None: no sandbox)."""
    setting = setting_of(template)
    if not setting or setting not in catalog.sandbox_profiles:
        return None
    return catalog.sandbox_profiles[setting][str(getattr(config, setting))]


def profiled(catalog: Catalog, template: Template, config: GuestConfig) -> Template:
    """Return `template` as it starts on the sandbox profile `config` chooses."""
    profile = profile_of(catalog, template, config)
    if profile is None or profile.id == SANDBOX_SETTINGS[setting_of(template)][0]:
        return template  # the template's numbers are its default profile's (check_defaults)
    phases = tuple(
        replace(p, wait_s=profile.wait_s, alloc=profile.alloc, source=_phase_source(profile))
        if p.name == profile.phase
        else p
        for p in template.phases
    )
    return replace(template, phases=phases)


def factor(
    catalog: Catalog, template: Template, config: GuestConfig, workload: str
) -> tuple[float, str] | None:
    """Return the profile's factor for `workload` and its source (None: the template's own)."""
    profile = profile_of(catalog, template, config)
    return profile.factors.get(workload) if profile is not None else None


def _phase_source(profile: SandboxProfile) -> str:
    return f"{profile.name}: {profile.sources['wait_s']}; memory: {profile.sources['alloc']}"


def check_defaults(
    profiles: Mapping[str, Mapping[str, SandboxProfile]],
    templates: Mapping[str, Template],
    t: Table,
) -> None:
    """Check that each sandbox template's own phase is its default profile's, and exists."""
    for template in templates.values():
        setting = setting_of(template)
        if not setting:
            continue
        default = profiles[setting][SANDBOX_SETTINGS[setting][0]]
        phase = next((p for p in template.phases if p.name == default.phase), None)
        if phase is None or (phase.wait_s, dict(phase.alloc)) != (default.wait_s, default.alloc):
            raise t.error(
                f"{setting}.{default.id}",
                f"the wait_s and alloc of template {template.id!r}'s {default.phase!r} phase "
                "(the template's numbers are its default profile's)",
            )


def result_profile(base: str, template: Template, config: GuestConfig) -> str:
    """Return the name results carry: `base` on the default profile, else "base-<profile>"."""
    setting = setting_of(template)
    if not setting:
        return base
    chosen = str(getattr(config, setting))
    return base if chosen == SANDBOX_SETTINGS[setting][0] else f"{base}-{chosen}"

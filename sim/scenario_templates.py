"""Templates a scenario file defines: a catalog template with a few numbers and settings changed.

A teacher writes `[[templates]] id = "ubuntu-1g" base = "ubuntu-server" memory_mib = 1024` to get
"the same Ubuntu VM with 1 GiB" without editing the catalog. A template's `base` is a catalog
template or another template of the same file; chains are followed, loops rejected. Numbers a
template may change: a VM's `memory_mib` and `vcpus`, any template's `disk_gib`; settings: the
guest settings its kind has (sim.kinds), which every guest of it starts with (e.g. nginx with
`memory_limit_mib = 64`). Everything is checked like the rest of the file (sim.fields).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from sim.catalog import Catalog, Template, Vmm, frozen
from sim.fields import Table
from sim.footprint import with_vmm
from sim.guestconfig import GuestConfig, read_setting
from sim.kinds import traits

MAX_TEMPLATES = 100
MAX_NAME_CHARS = 80
# (lo, hi, whole): beyond these a value is a typo, not a guest.
NUMBERS: dict[str, tuple[float, float, bool]] = {
    "memory_mib": (16, 16_777_216, False),
    "vcpus": (1, 256, True),
    "disk_gib": (0.001, 65_536, False),
}
VM_ONLY = ("memory_mib", "vcpus")  # a container has no RAM or vCPUs of its own: use its limits
TEXTS = ("id", "base", "name", "name_zh")


@dataclass(frozen=True, slots=True)
class TemplateSpec:
    """A template defined in a scenario file: `base` with some numbers and settings changed."""

    id: str
    base: str
    name: str = ""  # "" keeps the base's name
    name_zh: str = ""
    numbers: Mapping[str, float] = field(default_factory=dict)
    settings: Mapping[str, object] = field(default_factory=dict)  # GuestConfig fields


def parse_templates(t: Table, catalog: Catalog) -> tuple[TemplateSpec, ...]:
    """Read the file's [[templates]] tables, checking ids, bases, numbers and settings."""
    tables = t.tables("templates", MAX_TEMPLATES)
    known: dict[str, Table] = {}
    for tt in tables:
        tt.only(TEXTS + tuple(NUMBERS) + tuple(GuestConfig.__slots__))
        tid = tt.ident("id")
        if tid in catalog.templates:
            raise tt.error("id", "an id the catalog does not use already", tid)
        if tid in known:
            raise tt.error("id", "an id no other [[templates]] table uses", tid)
        known[tid] = tt
    specs: dict[str, TemplateSpec] = {}
    built: dict[str, Template] = dict(catalog.templates)
    for tid in known:
        _resolve(tid, known, catalog, built, specs, ())
    return tuple(specs.values())  # bases before the templates built on them


def _resolve(
    tid: str,
    known: Mapping[str, Table],
    catalog: Catalog,
    built: dict[str, Template],
    specs: dict[str, TemplateSpec],
    chain: tuple[str, ...],
) -> Template:
    """Return the template `tid`, reading its base first (`chain` holds the ids on the way)."""
    if tid in specs:
        return built[tid]
    tt = known[tid]
    choices = tuple(catalog.templates) + tuple(known)
    base_id = tt.string("base", choices=choices)
    if base_id == tid or base_id in chain:
        loop = " → ".join((*chain, tid, base_id))
        raise tt.error("base", f"a base that does not lead back to {tid!r} ({loop})", base_id)
    base = (
        built[base_id]
        if base_id in built
        else _resolve(base_id, known, catalog, built, specs, (*chain, tid))
    )
    spec = _spec(tt, tid, base)
    specs[tid] = spec
    built[tid] = derive(base, spec, catalog.vmms)
    return built[tid]


def _spec(tt: Table, tid: str, base: Template) -> TemplateSpec:
    numbers: dict[str, float] = {}
    for key, (lo, hi, whole) in NUMBERS.items():
        if not tt.has(key):
            continue
        if key in VM_ONLY and not base.is_vm_like:
            raise tt.error(
                key, f"no {key}: {base.id} has no RAM or vCPUs of its own (limit it instead)"
            )
        numbers[key] = tt.integer(key, lo=int(lo), hi=hi) if whole else tt.number(key, lo=lo, hi=hi)
    allowed = traits(base).settings
    settings: dict[str, object] = {}
    for key in GuestConfig.__slots__:
        if not tt.has(key):
            continue
        if key not in allowed:
            named = ", ".join(allowed) or "none"
            raise tt.error(key, f"a setting {base.id} has (its settings: {named})")
        settings[key] = read_setting(tt, key)
    return TemplateSpec(
        tid,
        base.id,
        tt.string("name", "", max_len=MAX_NAME_CHARS),
        tt.string("name_zh", "", max_len=MAX_NAME_CHARS),
        frozen(numbers),
        frozen(settings),
    )


def derive(base: Template, spec: TemplateSpec, vmms: Mapping[str, Vmm]) -> Template:
    """Return `base` with the numbers of `spec` changed, under the spec's id and name.

    A VM's VMM overhead grows with its RAM and vCPUs, so it is worked out again for the new size.
    """
    sources = dict(base.sources)
    for key in spec.numbers:
        sources[key] = f"set in the scenario file (template {spec.id!r})"
    n = spec.numbers
    derived = replace(
        base,
        id=spec.id,
        name=spec.name or base.name,
        sources=frozen(sources),
        memory_mib=n.get("memory_mib", base.memory_mib),
        vcpus=n.get("vcpus", base.vcpus),
        disk_gib=n.get("disk_gib", base.disk_gib),
    )
    return with_vmm(derived, vmms[base.vmm]) if base.vmm else derived


def with_templates(catalog: Catalog, specs: tuple[TemplateSpec, ...]) -> Catalog:
    """Return `catalog` with the scenario's templates added after its own."""
    if not specs:
        return catalog
    templates = dict(catalog.templates)
    for spec in specs:  # bases come first: parse_templates checked every chain
        templates[spec.id] = derive(templates[spec.base], spec, catalog.vmms)
    return replace(catalog, templates=frozen(templates))


def template_configs(specs: tuple[TemplateSpec, ...]) -> dict[str, GuestConfig]:
    """Return the settings every guest of each scenario template starts with, by template id."""
    configs: dict[str, GuestConfig] = {}
    for spec in specs:
        start = configs.get(spec.base, GuestConfig())
        configs[spec.id] = replace(start, **dict(spec.settings))  # type: ignore[arg-type]
    return configs

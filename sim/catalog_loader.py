"""Read assets/catalog/*.toml into a checked `Catalog`."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from sim import vcpu_policy
from sim.catalog import (
    HYPERVISORS,
    KINDS,
    LAYERS,
    PHASE_NAMES,
    Catalog,
    CatalogError,
    Exploit,
    HostPreset,
    Image,
    Layer,
    PhaseSpec,
    Template,
    Vmm,
    Workload,
    frozen,
)
from sim.fields import FieldError, Table
from sim.footprint import with_vmm
from sim.guestconfig import SANDBOX_SETTINGS
from sim.netpaths import WORKLOAD_MODELS, NetPaths, parse_netpaths
from sim.references import CitationError, check_sources, load_references
from sim.sandbox_profiles import check_defaults, parse_profiles
from sim.textfile import TextFileError, read_text

HOST_NUMBERS = (
    "cores",
    "ram_gib",
    "swap_gib",
    "disk_gib",
    "disk_read_mib_s",
    "disk_write_mib_s",
    "registry_mib_s",
    "host_kernel_mib",
    "runtime_mib",
    "host_pids",
    "pid_max",
    "bridge_ports",
    "vcpu_per_core",
    "ksm_scan_mib_s",
    "disk_iops",
    "membw_gib_s",
    "cpu_speed",
    "disk_sync_ms",
)
DISK_KINDS = ("sata-ssd", "nvme", "hdd")
TEMPLATE_NUMBERS = ("vcpus", "memory_mib", "pids", "disk_gib")
VMM_NUMBERS = ("fixed_mib", "per_vcpu_mib", "page_table_fraction")
MAX_FILE_BYTES = 4_194_304  # the largest catalog file is 18 KB
PHASE_KEYS = ("name", "cpu_s", "io_mib", "wait_s", "lock", "syncs", "touch_all", "alloc", "source")


def _read(directory: Path, name: str) -> Table:
    path = directory / name
    try:
        return Table(tomllib.loads(read_text(path, MAX_FILE_BYTES)), str(path))
    except TextFileError as exc:
        raise CatalogError(str(exc)) from None
    except (ValueError, RecursionError) as exc:  # TOML errors, 4,300-digit integers, nesting
        raise CatalogError(f"{path}: not valid TOML ({exc})") from None


def _sources(table: Table, keys: tuple[str, ...]) -> dict[str, str]:
    sources = table.table("sources")
    for key in keys:
        if key in table.data and not sources.string(key, "").strip():
            raise sources.error(
                key, "a source for this number ('[reference:figure] …' or 'assumption: …')"
            )
    return {k: sources.string(k) for k in sources.data}


def _host(hid: str, t: Table) -> HostPreset:
    t.only(("name", "arch", "hypervisor", "runtime", "os", "disk_kind", "sources") + HOST_NUMBERS)
    return HostPreset(
        id=hid,
        name=t.string("name"),
        cores=t.integer("cores", lo=1, hi=4096),
        ram_gib=t.number("ram_gib", lo=0.25),
        swap_gib=t.number("swap_gib"),
        disk_gib=t.number("disk_gib", lo=1),
        disk_read_mib_s=t.number("disk_read_mib_s", lo=1),
        disk_write_mib_s=t.number("disk_write_mib_s", lo=1),
        registry_mib_s=t.number("registry_mib_s", lo=0.01),
        arch=t.string("arch", choices=("x86_64", "arm64")),
        hypervisor=t.string("hypervisor", choices=HYPERVISORS),
        runtime=t.boolean("runtime"),
        host_kernel_mib=t.number("host_kernel_mib"),
        runtime_mib=t.number("runtime_mib"),
        host_pids=t.integer("host_pids"),
        pid_max=t.integer("pid_max", lo=301),
        bridge_ports=t.integer("bridge_ports"),
        vcpu_per_core=vcpu_policy.read(t),
        ksm_scan_mib_s=t.number("ksm_scan_mib_s"),
        disk_kind=t.string("disk_kind", choices=DISK_KINDS),
        disk_iops=t.number("disk_iops", lo=1),
        membw_gib_s=t.number("membw_gib_s", lo=0.1),
        cpu_speed=t.number("cpu_speed", lo=0.01),
        disk_sync_ms=t.number("disk_sync_ms", lo=0.001),
        sources=frozen(_sources(t, HOST_NUMBERS)),
        os=t.string("os", "linux", choices=("linux", "windows")),
    )


def _phase(t: Table) -> PhaseSpec:
    t.only(PHASE_KEYS)
    alloc = t.table("alloc", required=False)
    alloc.only(LAYERS)
    if not t.string("source").strip():
        raise t.error("source", "a source for this phase's numbers")
    return PhaseSpec(
        name=t.string("name", choices=PHASE_NAMES),
        cpu_s=t.number("cpu_s", 0.0),
        io_mib=t.number("io_mib", 0.0),
        wait_s=t.number("wait_s", 0.0),
        lock=t.boolean("lock", False),
        syncs=t.integer("syncs", 0, lo=0, hi=1000),
        touch_all=t.boolean("touch_all", False),
        alloc=frozen({k: alloc.number(k) for k in alloc.data}),
        source=t.string("source"),
    )


def _vmm(vid: str, t: Table) -> Vmm:
    t.only(("name", "sources") + VMM_NUMBERS + ("mergeable",))
    return Vmm(
        id=vid,
        name=t.string("name"),
        mergeable=t.boolean("mergeable"),
        fixed_mib=t.number("fixed_mib"),
        per_vcpu_mib=t.number("per_vcpu_mib"),
        page_table_fraction=t.number("page_table_fraction", hi=1.0),
        sources=frozen(_sources(t, VMM_NUMBERS + ("mergeable",))),
    )


def _template(
    tid: str,
    t: Table,
    images: dict[str, Image],
    sets: dict[str, tuple[PhaseSpec, ...]],
    vmms: dict[str, Vmm],
) -> Template:
    t.only(
        ("kind", "name", "image", "phase_set", "bridge", "ksm_group", "vmm", "sources", "phases")
        + TEMPLATE_NUMBERS
    )
    image = None
    if t.has("image"):
        image = images.get(t.string("image"))
        if image is None:
            raise t.error("image", "one of the images: " + ", ".join(images), t.data["image"])
    phases: tuple[PhaseSpec, ...] = ()
    if t.has("phase_set"):
        name = t.string("phase_set", choices=tuple(sets))
        phases = sets[name]
    phases += tuple(_phase(p) for p in t.tables("phases"))
    if not phases:
        raise t.error("phases", "at least one phase")
    vmm = vmms[t.string("vmm", choices=tuple(vmms))] if t.has("vmm") else None
    template = Template(
        id=tid,
        kind=t.string("kind", choices=KINDS),
        name=t.string("name"),
        image=image,
        vcpus=t.number("vcpus", 0.0, hi=256),
        memory_mib=t.number("memory_mib", 0.0),
        pids=t.integer("pids", lo=1),
        disk_gib=t.number("disk_gib"),
        bridge=t.boolean("bridge", False),
        ksm_group=t.string("ksm_group", "") or None,
        phases=phases,
        sources=frozen(_sources(t, TEMPLATE_NUMBERS)),
    )
    return with_vmm(template, vmm) if vmm is not None else template


def load_catalog(directory: Path) -> Catalog:
    """Load every catalog file in `directory`; raise CatalogError naming what is wrong."""
    try:
        hosts_t = _read(directory, "hosts.toml").table("hosts")
        hosts = {hid: _host(hid, hosts_t.table(hid)) for hid in hosts_t.data}

        images_t = _read(directory, "images.toml")
        layers_t = images_t.table("layers")
        layers = {}
        for lid in layers_t.data:
            lt = layers_t.table(lid)
            lt.only(("compressed_mib", "extracted_mib", "source"))
            layers[lid] = Layer(
                lid, lt.number("compressed_mib"), lt.number("extracted_mib"), lt.string("source")
            )
        images = {}
        for iid, it in (
            (i, images_t.table("images").table(i)) for i in images_t.table("images").data
        ):
            it.only(("layers", "platforms", "platforms_source", "os"))
            names = it.strings("layers")
            if missing := [n for n in names if n not in layers]:
                raise it.error("layers", "known layer ids", missing)
            it.string("platforms_source")
            images[iid] = Image(
                iid,
                tuple(layers[n] for n in names),
                it.strings("platforms"),
                it.string("os", "linux", choices=("linux", "windows")),
            )

        model_file = _read(directory, "model.toml")
        model_file.only(("model", "vmms"))
        model_t = model_file.table("model")
        vmms_t = model_file.table("vmms")
        vmms = {vid: _vmm(vid, vmms_t.table(vid)) for vid in vmms_t.data}
        model = {k: model_t.number(k) for k in model_t.data if k != "sources"}
        model_sources = _sources(model_t, tuple(model))

        templates_t = _read(directory, "templates.toml")
        sets_t = templates_t.table("phase_sets")
        sets = {name: tuple(_phase(p) for p in sets_t.tables(name)) for name in sets_t.data}
        templates_t.only(("phase_sets", "templates", "utility_vm", "sandbox_profiles"))
        uvm_t = templates_t.table("utility_vm")
        utility_vm = {k: uvm_t.number(k) for k in uvm_t.data if k != "sources"}
        _sources(uvm_t, tuple(utility_vm))
        tmpl_t = templates_t.table("templates")
        templates = {
            tid: _template(tid, tmpl_t.table(tid), images, sets, vmms) for tid in tmpl_t.data
        }
        workloads, profiles, netpaths = _workloads(_read(directory, "workloads.toml"))
        sandbox_t = templates_t.table("sandbox_profiles")
        sandboxes = parse_profiles(sandbox_t, tuple(workloads))
        check_defaults(sandboxes, templates, sandbox_t)
        exploits, reach, hardening = _security(_read(directory, "security.toml"))
        references = load_references(directory)
        check_sources(directory, references)
    except (FieldError, CitationError) as exc:
        raise CatalogError(str(exc)) from exc
    return Catalog(
        frozen(hosts),
        frozen(images),
        frozen(templates),
        frozen(model),
        frozen(model_sources),
        frozen(workloads),
        frozen(profiles),
        frozen(exploits),
        frozen(reach),
        frozen(hardening),
        frozen(utility_vm),
        references,
        frozen(sandboxes),
        netpaths,
        frozen(vmms),
    )


def _workloads(t: Table) -> tuple[dict[str, Any], dict[str, Any], NetPaths]:
    t.only(("workloads", "profiles", "stages", "paths", "requests", "idle"))
    wl_t = t.table("workloads")
    workloads = {}
    for wid in wl_t.data:
        w = wl_t.table(wid)
        w.only(
            (
                "name",
                "unit",
                "higher_is_better",
                "resource",
                "per_instance",
                "native",
                "duration_s",
                "source",
                "saturates",
                "model",
            )
        )
        model = w.string("model", "factor", choices=WORKLOAD_MODELS)
        workloads[wid] = Workload(
            wid,
            w.string("name"),
            w.string("unit"),
            w.boolean("higher_is_better"),
            w.string("resource", choices=("cpu", "membw", "iops", "none")),
            w.number("per_instance", lo=1e-9),
            w.number("native", lo=0.0 if model == "idle" else 1e-9),  # an idle host costs 0
            w.number("duration_s", lo=0.001),
            w.string("source"),
            w.boolean("saturates", False),
            model,
        )
    # Only "factor" workloads take a factor per profile; the others follow sim.netpaths.
    factored = tuple(wid for wid, w in workloads.items() if w.model == "factor")
    prof_t = t.table("profiles")
    profiles = {}
    for pid in prof_t.data:
        p = prof_t.table(pid)
        p.only(factored + ("sources",))
        sources = _sources(p, factored)
        profiles[pid] = frozen({wid: (p.number(wid, lo=1e-6), sources[wid]) for wid in factored})
    # The runtime profile of a sandbox's template, then its non-default choices.
    variants = tuple(
        f"{base}-{choice}"
        for base, setting in (("gvisor", "gvisor_platform"), ("kata", "kata_hypervisor"))
        for choice in SANDBOX_SETTINGS[setting][1:]
    )
    return workloads, profiles, parse_netpaths(t, tuple(profiles), variants)


def _security(t: Table) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    t.only(("exploits", "reach", "hardening"))
    ex_t = t.table("exploits")
    exploits = {}
    for eid in ex_t.data:
        e = ex_t.table(eid)
        e.only(("name", "target", "disclosed", "blocked_by", "privileged_bypasses", "source"))
        blocked = e.data.get("blocked_by", [])
        if not isinstance(blocked, list) or not all(isinstance(b, str) for b in blocked):
            raise e.error("blocked_by", "an array of setting names", blocked)
        exploits[eid] = Exploit(
            eid,
            e.string("name"),
            e.string("target", choices=("runc", "host-kernel", "qemu-fdc")),
            e.string("disclosed"),
            tuple(blocked),
            e.boolean("privileged_bypasses"),
            e.string("source"),
        )
    reach_t = t.table("reach")
    reach = {k: reach_t.strings(k) for k in reach_t.data if k != "sources"}
    _sources(reach_t, tuple(reach))
    hard_t = t.table("hardening")
    hardening = {k: hard_t.boolean(k) for k in hard_t.data if k != "sources"}
    _sources(hard_t, tuple(hardening))
    return exploits, reach, hardening

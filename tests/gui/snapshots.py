"""Build realistic `Snapshot` objects for GUI tests without running the simulation.

Numbers are plausible (a container starts in ~0.3 s, an Ubuntu VM in ~27 s), not calibrated:
the views only need shapes that look like what `sim` produces.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from sim.snapshot import (
    EXTRA_SERIES,
    LAYERS,
    LIMITS,
    DensityRow,
    GuestView,
    HostView,
    LogEntry,
    MemorySeries,
    PhaseSpan,
    Snapshot,
    TemplateView,
    palette_group,
)


@dataclass(frozen=True)
class Tpl:
    """A guest template as the factory needs it."""

    kind: str
    image: str
    phases: tuple[tuple[str, float, str], ...]  # name, duration_s, source
    memory: dict[str, float]
    configured_mib: float
    pids: int
    vcpus: float


_SRC = "[idlab-bench:start-runc]"
TEMPLATES: dict[str, Tpl] = {
    "nginx": Tpl(
        "container",
        "nginx:1.27",
        (
            ("daemon", 0.04, f"{_SRC} docker-run"),
            ("network", 0.09, f"{_SRC} bridge"),
            ("runc_create", 0.08, f"{_SRC} runc"),
            ("exec", 0.01, f"{_SRC} runc"),
            ("app", 0.05, "assumption: nginx worker start"),
        ),
        {"container": 4.0, "page_cache": 1.5, "app": 9.0},
        0.0,
        5,
        0.5,
    ),
    "redis": Tpl(
        "container",
        "redis:7",
        (
            ("pull", 1.8, f"{_SRC} registry"),
            ("daemon", 0.04, f"{_SRC} docker-run"),
            ("network", 0.09, f"{_SRC} bridge"),
            ("runc_create", 0.08, f"{_SRC} runc"),
            ("exec", 0.01, f"{_SRC} runc"),
            ("app", 0.03, "assumption"),
        ),
        {"container": 4.0, "page_cache": 2.0, "app": 12.0},
        0.0,
        6,
        1.0,
    ),
    "ubuntu-server": Tpl(
        "vm",
        "ubuntu-24.04.qcow2",
        (
            ("vmm", 0.25, f"{_SRC} qemu"),
            ("firmware", 1.6, f"{_SRC} seabios"),
            ("bootloader", 2.1, f"{_SRC} grub"),
            ("kernel", 4.8, f"{_SRC} kernel-boot"),
            ("userspace", 15.5, f"{_SRC} systemd"),
            ("app", 2.5, "assumption"),
        ),
        {"vmm": 28.0, "guest_kernel": 70.0, "guest_os": 260.0, "guest_idle": 600.0, "app": 40.0},
        2048.0,
        120,
        2.0,
    ),
    "firecracker": Tpl(
        "microvm",
        "vmlinux+rootfs.ext4",
        (
            ("vmm", 0.012, f"{_SRC} firecracker"),
            ("kernel", 0.125, f"{_SRC} firecracker"),
            ("userspace", 0.35, "assumption: minimal init"),
            ("app", 0.05, "assumption"),
        ),
        {"vmm": 5.0, "guest_kernel": 22.0, "guest_os": 20.0, "guest_idle": 60.0, "app": 10.0},
        128.0,
        12,
        1.0,
    ),
    "gvisor": Tpl(
        "sandbox",
        "nginx:1.27",
        (
            ("daemon", 0.04, f"{_SRC} docker-run"),
            ("network", 0.09, f"{_SRC} bridge"),
            ("sandbox", 0.35, f"{_SRC} gvisor"),
            ("exec", 0.02, f"{_SRC} gvisor"),
            ("app", 0.05, "assumption"),
        ),
        {"container": 30.0, "page_cache": 1.5, "app": 9.0},
        0.0,
        8,
        1.0,
    ),
}

CLASSROOM = HostView(
    "classroom-server",
    "Classroom server",
    16,
    64 * 1024.0,
    8 * 1024.0,
    1000.0,
    "x86_64",
    "kvm",
    True,
    4_194_304,
    1023,
)
HOST_KERNEL_MIB = 450.0
RUNTIME_MIB = 90.0


def host(**changes: object) -> HostView:
    """Return the classroom host, with fields changed (e.g. hypervisor="type1")."""
    fields = {f: getattr(CLASSROOM, f) for f in CLASSROOM.__slots__}
    fields.update(changes)
    return HostView(**fields)  # type: ignore[arg-type]


def _guest(
    gid: str, tpl_id: str, created_s: float, now_s: float, killed_s: float | None
) -> tuple[GuestView, list[LogEntry]]:
    tpl = TEMPLATES[tpl_id]
    stop_s = now_s if killed_s is None else min(now_s, killed_s)
    spans: list[PhaseSpan] = []
    log = [
        LogEntry(
            created_s,
            "guest_added",
            gid,
            {"guest": gid, "template": tpl_id},
            f"{gid} added ({tpl_id})",
        )
    ]
    t = created_s
    for name, dur, src in tpl.phases:
        if t > stop_s:
            break
        end: float | None = t + dur
        if end is not None and end > stop_s:
            end = None
        spans.append(PhaseSpan(name, t, end, src))
        if end is None:
            break
        log.append(
            LogEntry(
                end,
                "phase_done",
                gid,
                {"guest": gid, "phase": name, "duration_s": dur},
                f"{gid}: {name} done in {dur:.3f} s",
            )
        )
        t = end
    ready = spans[-1].end_s if len(spans) == len(tpl.phases) and spans[-1].end_s else None
    if ready is not None:
        log.append(
            LogEntry(
                ready, "ready", gid, {"guest": gid, "startup_s": ready - created_s}, f"{gid} ready"
            )
        )
    frac = _fraction(tpl, created_s, np.array([stop_s]))[0]
    memory = {k: v * frac for k, v in tpl.memory.items()}
    state = "running" if ready is not None else ("starting" if spans else "pending")
    reason = None
    if killed_s is not None and killed_s <= now_s:
        state, reason, memory = "killed", "out of memory", {}
        res = sum(v * frac for v in tpl.memory.values())
        log.append(
            LogEntry(
                killed_s,
                "oom_kill",
                gid,
                {"guest": gid, "resident_mib": res, "reason": "largest resident"},
                f"OOM: {gid} killed",
            )
        )
    return GuestView(
        gid,
        tpl_id,
        tpl.kind,
        state,
        created_s,
        ready,
        tuple(spans),
        memory,
        tpl.configured_mib,
        tpl.pids if state != "killed" else 0,
        tpl.vcpus,
        reason,
    ), log


def _fraction(tpl: Tpl, created_s: float, t: np.ndarray) -> np.ndarray:
    """Return how much of its final memory a guest holds at times `t` (ramps during boot)."""
    total = sum(d for _, d, _ in tpl.phases)
    return np.clip((t - created_s) / total, 0.0, 1.0) * (t >= created_s)


def template_views(template_os: dict[str, str] | None = None) -> tuple[TemplateView, ...]:
    """Return the factory templates' facts; `template_os` sets image OSes (default Linux)."""
    os_of = template_os or {}
    views = []
    for tpl_id, tpl in TEMPLATES.items():
        own = tpl.kind in ("vm", "microvm")
        views.append(
            TemplateView(
                tpl_id,
                tpl_id,
                tpl.kind,
                "" if own else os_of.get(tpl_id, "linux"),
                own,
                own,
                tpl.kind == "sandbox",
                palette_group(tpl.kind),
                sum(d for _, d, _ in tpl.phases),
                sum(v for k, v in tpl.memory.items() if k != "page_cache"),
                tpl.memory.get("page_cache", 0.0),
            )
        )
    return tuple(views)


def make_snapshot(
    now_s: float,
    spec: list[tuple[str, int, float, float]],
    *,
    host_view: HostView = CLASSROOM,
    kills: dict[str, float] | None = None,
    samples: int = 200,
    seed: int = 7,
    template_os: dict[str, str] | None = None,
) -> Snapshot:
    """Build a snapshot at `now_s` of guests from `spec` rows (template, count, at_s, stagger_s).

    Guest ids are "<template>-<n>" counting from 1; `kills` maps ids to OOM-kill times;
    `template_os` gives image OSes by template (Linux when not named).
    """
    kills = kills or {}
    guests: list[GuestView] = []
    log: list[LogEntry] = []
    times = np.linspace(0.0, now_s, samples) if now_s > 0 else np.zeros(1)
    series = {name: np.zeros_like(times) for name in LAYERS + EXTRA_SERIES}
    series["host_kernel"][:] = HOST_KERNEL_MIB
    if host_view.runtime:
        series["runtime"][:] = RUNTIME_MIB
    for tpl_id, n, at_s, stagger_s in spec:
        tpl = TEMPLATES[tpl_id]
        for i in range(n):
            gid = f"{tpl_id}-{sum(g.template == tpl_id for g in guests) + 1}"
            created = at_s + i * stagger_s
            if created > now_s:
                continue
            g, entries = _guest(gid, tpl_id, created, now_s, kills.get(gid))
            guests.append(g)
            log.extend(entries)
            alive = times < kills.get(gid, math.inf)
            frac = _fraction(tpl, created, times) * alive
            for layer, mib in tpl.memory.items():
                series[layer] += frac * mib
    used = sum(series[name] for name in LAYERS)
    series["ksm_saved"] = 0.05 * (series["guest_os"] + series["guest_idle"])
    series["swap_used"] = np.maximum(used - host_view.ram_mib, 0.0)
    series["free"] = np.maximum(host_view.ram_mib - used, 0.0)
    log.sort(key=lambda e: e.time_s)
    memory_now = {name: float(arr[-1]) for name, arr in series.items()}
    return Snapshot(
        now_s,
        seed,
        host_view,
        tuple(guests),
        memory_now,
        MemorySeries(times, series),
        tuple(log),
        tuple(sorted(t for t in kills.values() if t <= now_s)),
        density(host_view, memory_now["free"]),
        len(log) * 3,
        host_ids=(host_view.id,),
        templates=template_views(template_os),
        hosts=(host_view,),
    )


def density(host_view: HostView, free_mib: float) -> tuple[DensityRow, ...]:
    """Return density rows for every factory template."""
    rows = []
    for tpl_id, tpl in TEMPLATES.items():
        need = max(tpl.configured_mib, sum(tpl.memory.values()))
        limits = {
            "memory": float(int(free_mib // need)),
            "cpu": float(int(host_view.cores * 8 // tpl.vcpus))
            if tpl.kind != "container"
            else math.inf,
            "pids": float(int(host_view.pid_max // tpl.pids)),
            "bridge_ports": float(host_view.bridge_ports)
            if tpl.kind in ("container", "sandbox")
            else math.inf,
            "disk": math.inf,
            "platform": math.inf,
            "host_down": math.inf,
        }
        limit = min(LIMITS, key=lambda k: limits[k])
        rows.append(DensityRow(tpl_id, int(limits[limit]), limit, limits, tpl.kind))
    return tuple(rows)


def mid_boot() -> Snapshot:
    """One nginx container and one Ubuntu VM added at 0 s, seen 0.15 s in (both starting)."""
    return make_snapshot(0.15, [("nginx", 1, 0.0, 0.0), ("ubuntu-server", 1, 0.0, 0.0)])


def both_running() -> Snapshot:
    """The same two guests 40 s later: both running."""
    return make_snapshot(40.0, [("nginx", 1, 0.0, 0.0), ("ubuntu-server", 1, 0.0, 0.0)])


def classroom(now_s: float = 45.0) -> Snapshot:
    """Six nginx, two Ubuntu VMs, a Firecracker, a gVisor sandbox; one nginx OOM-killed."""
    return make_snapshot(
        now_s,
        [
            ("nginx", 6, 0.0, 0.4),
            ("ubuntu-server", 2, 1.0, 3.0),
            ("firecracker", 1, 2.0, 0.0),
            ("gvisor", 1, 2.5, 0.0),
        ],
        kills={"nginx-3": 30.0},
    )


def crowd(n: int = 1000, now_s: float = 60.0) -> Snapshot:
    """`n` guests, mostly containers, a few VMs, two OOM kills."""
    vms = max(1, n // 50)
    return make_snapshot(
        now_s,
        [
            ("nginx", n - 2 * vms, 0.0, 0.04),
            ("redis", vms, 1.0, 0.2),
            ("ubuntu-server", vms, 2.0, 0.5),
        ],
        kills={"nginx-10": 40.0, "nginx-20": 50.0},
    )

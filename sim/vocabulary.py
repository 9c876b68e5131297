"""Every id the model speaks, in one place, and one English sentence per event and limit code.

Layers, kinds, states, phases, limits, faults, actions, policies, architectures, operating
systems, hypervisors, incident outcomes, move warnings and event-log codes are named here and
nowhere else; the CLI prints `sentence(code, params)` and the window translates the same codes,
so both word one failure the same way. Adding an id is a row here plus its translations.
"""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter

# Resident memory layers, bottom of the stack first. Every resident byte on the host belongs to
# exactly one of them; with `free` they add up to RAM plus swap in use.
LAYERS: tuple[str, ...] = (
    "host_kernel",  # the host's own kernel and base system
    "runtime",  # container runtime daemons (dockerd, containerd)
    "container",  # per-container overhead: shim, cgroup and kernel structures
    "page_cache",  # image-layer page cache, shared by every container of the same image
    "vmm",  # per-VM hypervisor process (QEMU, Firecracker, Cloud Hypervisor)
    "guest_kernel",  # a VM's own kernel
    "guest_os",  # a VM's userspace: init, system services
    "guest_cache",  # a VM's own page cache: what it read from its disk, kept in its RAM
    "guest_idle",  # VM RAM that is resident but unused by the guest (reserved or zeroed)
    "app",  # the application itself, in a container or a VM
)
# Figures reported beside the ledger: not resident layers.
EXTRA_SERIES: tuple[str, ...] = ("free", "swap_used", "ksm_saved")

KINDS: tuple[str, ...] = ("container", "vm", "microvm", "sandbox", "container-in-vm")
# The palette's groups of templates, in order, and the kinds each one holds.
PALETTE_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("containers", ("container",)),
    ("vms", ("vm",)),
    ("others", ("microvm", "sandbox", "container-in-vm")),
)

# Guest states. A guest is live (holds host resources) in LIVE_STATES only; `moving` holds
# nothing on any host while its bytes cross the link. The allowed changes are in sim.states.
STATES: tuple[str, ...] = (
    "pending",
    "pulling",
    "starting",
    "running",
    "stopped",
    "moving",
    "killed",
    "crashed",
    "failed",
)
# A moving guest is drawn on both hosts: leaving the source, arriving on the target.
MOVE_ROLES: tuple[str, ...] = ("leaving", "arriving")
LIVE_STATES: tuple[str, ...] = ("pending", "pulling", "starting", "running")
ENDED_STATES: tuple[str, ...] = ("stopped", "killed", "crashed", "failed")

# Start-up phases and move steps, as they appear on the timeline.
PHASES: tuple[str, ...] = (
    "pull",
    "daemon",
    "network",
    "runc_create",
    "exec",
    "sandbox",
    "vmm",
    "firmware",
    "bootloader",
    "kernel",
    "userspace",
    "cloud_init",
    "app",
    "utility_vm",
    "transfer",
    "convert",
    "precopy",
    "stopcopy",
    "dump",
    "restore",
)
MOVE_STEPS: tuple[str, ...] = (
    "transfer",
    "convert",
    "start",
    "precopy",
    "stopcopy",
    "dump",
    "restore",
)
# How a guest moves: stopped and started again, live (pre-copy, VMs), or checkpoint/restore
# (CRIU, containers).
MOVE_MODES: tuple[str, ...] = ("cold", "live", "checkpoint")

# Faults a class can inject (exploit ids come from assets/catalog/security.toml).
FAULTS: tuple[str, ...] = ("panic", "leak", "fork_bomb", "cpu_hog")
# Timed actions of a scenario.
ACTIONS: tuple[str, ...] = (
    "workload",
    "panic",
    "exploit",
    "leak",
    "fork_bomb",
    "cpu_hog",
    "remove",
    "move",
)
INCIDENT_OUTCOMES: tuple[str, ...] = (
    "host_down",
    "guest_only",
    "host_compromised",
    "blocked",
    "contained",
    "not_reachable",
)
INCIDENT_EFFECTS: tuple[str, ...] = (
    "crashed",
    "compromised",
    "killed",
    "blocked",
    "contained",
    "slowed",
)
MOVE_WARNINGS: tuple[str, ...] = (
    "virtio_drivers",
    "emulated",
    "utility_vm",
    "tcp_established",
    "external_devices",
)

# Density limits, in the order they are reported.
LIMITS: tuple[str, ...] = (
    "memory",
    "cpu",
    "pids",
    "bridge_ports",
    "disk",
    "platform",
    "host_down",
)
# Why a start can fail: a limit, or a platform mismatch (sim.platform decides which).
PLATFORM_PROBLEMS: tuple[str, ...] = ("image_os", "no_manifest", "exec_format", "no_hypervisor")
FAIL_REASONS: tuple[str, ...] = (
    "pids",
    "cpu",
    "disk",
    "memory",
    "bridge_ports",
    "host_down",
    *PLATFORM_PROBLEMS,
)
# Why a guest ended (its `reason`), besides a failed start's FAIL_REASONS or a fault or exploit.
END_REASONS: tuple[str, ...] = ("oom", "cgroup_oom", "removed", "moved", "panic")

# The most guests one session simulates, over all hosts and all time: well above what any catalog
# host holds (its bridge has 1,023 ports) with room for stress runs (benchmarks/scale.py starts
# 10,000 on a widened bridge), so a short scenario file cannot ask for millions of guests
# (minutes of CPU and gigabytes of RAM).
MAX_GUESTS = 20_000

MEMORY_POLICIES: tuple[str, ...] = ("overcommit", "reserve")
POLICY_SWITCHES: tuple[str, ...] = ("ksm", "swap")
ARCHITECTURES: tuple[str, ...] = ("x86_64", "arm64")
OSES: tuple[str, ...] = ("linux", "windows")
HYPERVISORS: tuple[str, ...] = ("none", "kvm", "type1", "type2")
NETWORKS: tuple[str, ...] = ("nat", "host")
HARDENING: tuple[str, ...] = ("seccomp", "apparmor", "selinux", "userns", "privileged")

# One English sentence per limit or failure code, shared by the CLI and the window's English.
LIMIT_TEXT: Mapping[str, str] = {
    "memory": "not enough free RAM to reserve the VM's memory",
    "cpu": "vCPU commitment limit reached",
    "pids": "no PIDs left (pid_max reached)",
    "bridge_ports": "bridge full: every port of the network bridge is taken",
    "disk": "disk full",
    "platform": "the host's platform cannot run it",
    "host_down": "the host kernel has panicked; reset the simulation",
    "image_os": 'image operating system "windows" cannot be used on this platform',
    "no_manifest": "no matching manifest for this host's architecture in the image",
    "exec_format": "exec format error: the image was built for another CPU architecture",
    "no_hypervisor": "the host has no hypervisor to run a VM",
}

# One English sentence template per event-log code; fields are the entry's params.
EVENT_TEXT: Mapping[str, str] = {
    "guest_added": "{guest} requested ({name})",
    "pull_skipped": "{guest}: image {image} is cached, no pull",
    "phase_done": "{guest}: {phase} done in {duration_s:.3f} s",
    "ready": "{guest} is ready after {startup_s:.3f} s",
    "start_failed": "{guest} could not start: {reason_text}",
    "utility_vm": "Booting the Linux VM that runs Linux containers on Windows",
    "swap_started": "RAM is full: the host starts swapping",
    "oom_kill": "Out of memory: killed {guest} ({resident_mib:.0f} MiB resident, "
    "the largest guest)",
    "cgroup_oom": "{guest} reached its cgroup memory limit: only it is killed",
    "guest_crashed": "{guest} crashed ({reason})",
    "guest_removed": "{guest} removed",
    "guest_oom": "{guest}: its own kernel's OOM killer ended the leaking app; "
    "the VM and the host carry on",
    "fork_bomb_contained": "{guest}: the fork bomb fills the VM's own PID space; "
    "the host's PIDs are untouched",
    "pids_exhausted": "{guest}: fork fails at {pid_limit} ({pids} PIDs)",
    "fault_injected": "{guest}: {fault} injected",
    "fault_stopped": "{guest}: {fault} stops with the guest ({state})",
    "incident": "{explanation}",
    "workload_done": "{guest}: {name} {value:,.1f} {unit} ({ratio:.2f}× the bare host)",
    "move_started": "{guest} moves {source} → {target}",
    "move_done": "{guest} moved {source} → {target}: {mib:,.0f} MiB in {elapsed_s:.1f} s, "
    "{verdict}",
    "action_skipped": "{action}: no live guest {guest}",
    "move_stop_copy": "{guest} stops for the last copy after pre-copy round {rounds}: "
    "{mib:,.0f} MiB still dirty",
    "move_not_converged": "{guest} dirties memory as fast as the link copies it: after "
    "{rounds} rounds it stops with {mib:,.0f} MiB still dirty",
    "move_frozen": "{guest} is frozen: CRIU dumps {mib:,.0f} MiB of memory",
}
EVENTS: tuple[str, ...] = tuple(EVENT_TEXT)

_FORMATTER = Formatter()


# Words `sentence` derives from a param rather than reading one.
_DERIVED = {"reason_text": "reason", "pid_limit": "host_wide"}


def fields_of(code: str) -> tuple[str, ...]:
    """Return the params the sentence of event `code` needs."""
    names = (f for _, f, _, _ in _FORMATTER.parse(EVENT_TEXT[code]) if f)
    return tuple(_DERIVED.get(name, name) for name in names)


def sentence(code: str, params: Mapping[str, object]) -> str:
    """Return the English sentence for event `code` with `params` filled in."""
    if "reason" not in params and "host_wide" not in params:
        return EVENT_TEXT[code].format_map(params)  # the common case, without a copy
    words = dict(params)
    if "reason" in words:
        words["reason_text"] = LIMIT_TEXT.get(str(words["reason"]), str(words["reason"]))
    if "host_wide" in words:
        words["pid_limit"] = "the host's pid_max" if words["host_wide"] else "its PIDs limit"
    return EVENT_TEXT[code].format_map(words)


def limit_text(code: str) -> str:
    """Return the English sentence for a limit or failure code."""
    return LIMIT_TEXT[code]

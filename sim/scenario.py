"""Scenario files (TOML, versioned): host, policies, seed, guests to add, and lesson notes.

Loading never executes code. Any problem raises `ScenarioError` naming the file, the field path
and what was expected; nothing is half-loaded. A file is untrusted: only a regular file of at
most `MAX_FILE_BYTES` is read, and the counts of hosts, guest entries, actions and lesson steps
and the length of every text are bounded, so no file can make the loader or the model hang or
run out of memory. Writing lives in sim/scenario_writer.py (atomic, like every HostLab write).
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sim import vcpu_policy
from sim.assets import asset_path
from sim.catalog import HYPERVISORS, Catalog, HostPreset
from sim.catalog_loader import DISK_KINDS
from sim.fields import ID, FieldError, Said, Table
from sim.guestconfig import GuestConfig, read_config
from sim.host import Policy
from sim.scenario_client import ClientSpec, parse_client
from sim.scenario_lesson import Lesson, LessonStep, parse_lesson
from sim.scenario_templates import TemplateSpec, parse_templates, with_templates
from sim.textfile import TextFileError, read_text
from sim.vocabulary import MOVE_MODES

VERSION = 1
SCENARIO_KEYS: tuple[str, ...] = ("version", "seed", "host", "hosts", "links", "policy", "guests")
SCENARIO_KEYS += ("lesson", "configs", "actions", "client", "templates")
DEFAULT_SCENARIO = asset_path("scenarios", "default.toml")
# Upper bounds that no classroom host reaches; beyond them a value is a typo, not a host.
HOST_OVERRIDES = {
    "cores": (1, 4096, True),
    "ram_gib": (0.5, 65536, False),
    "swap_gib": (0, 65536, False),
    "disk_gib": (1, 1_048_576, False),
    "pid_max": (1024, 4_194_304, True),
    "bridge_ports": (0, 1_000_000, True),
    "disk_read_mib_s": (1, 1_000_000, False),
    "disk_write_mib_s": (1, 1_000_000, False),
    "disk_iops": (1, 100_000_000, False),
    "membw_gib_s": (0.1, 100_000, False),
    "cpu_speed": (0.01, 100, False),
    "disk_sync_ms": (0.001, 10_000, False),
}
MAX_GUESTS_PER_ENTRY = 100_000
MAX_TIME_S = 1e6
# Far beyond any lesson (the bundled ones: 25 KB, 3 hosts, 8 steps, 12 actions), small enough
# that reading, checking and showing the largest file allowed takes well under a second.
MAX_FILE_BYTES = 1_048_576
MAX_HOSTS = 16
MAX_LINKS = 120
MAX_GUEST_ENTRIES = 1_000
MAX_ACTIONS = 10_000
MAX_TARGETS = 1_000
MAX_CONFIGS = 10_000
ACTIONS = ("workload", "panic", "exploit", "leak", "fork_bomb", "cpu_hog", "remove", "move")


class ScenarioError(ValueError):
    """A scenario file could not be read; the message says where and what was expected."""


@dataclass(frozen=True, slots=True)
class HostSpec:
    """A host preset from the catalog plus overrides of some of its numbers."""

    preset: str = "classroom-server"
    overrides: Mapping[str, object] = field(default_factory=dict)
    id: str = "main"

    def resolve(self, catalog: Catalog) -> HostPreset:
        """Return the preset with the overrides applied."""
        base = catalog.hosts[self.preset]
        changes: dict[str, Any] = dict(self.overrides)  # keys checked on load (_host)
        return replace(base, **changes) if changes else base


@dataclass(frozen=True, slots=True)
class GuestSpec:
    """Add `count` guests of `template`, the first at `at_s`, then one every `stagger_s`."""

    template: str
    count: int = 1
    at_s: float = 0.0
    stagger_s: float = 0.0
    host: str = ""  # a host id; "" is the first host


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """At `at_s`, do `action` to the guests named in `targets` (ids such as "nginx-1")."""

    at_s: float
    action: str
    targets: tuple[str, ...]
    workload: str = ""
    exploit: str = ""
    rate_mib_s: float = 0.0
    duration_s: float = 0.0
    to: str = ""  # the host a "move" sends its targets to
    mode: str = ""  # how a "move" goes: "" or "cold", "live" (VMs), "checkpoint" (containers)


@dataclass(frozen=True, slots=True)
class LinkSpec:
    """A network link between two hosts, used when guests move."""

    a: str
    b: str
    mib_s: float = 119.0  # 1 Gbit/s


@dataclass(frozen=True, slots=True)
class Scenario:
    """Everything needed to run the same simulation again."""

    version: int = VERSION
    seed: int = 7
    host: HostSpec = HostSpec()
    policy: Policy = Policy()
    guests: tuple[GuestSpec, ...] = ()
    lesson: Lesson | None = None
    configs: Mapping[str, GuestConfig] = field(default_factory=dict)  # by guest id
    actions: tuple[ActionSpec, ...] = ()
    more_hosts: tuple[HostSpec, ...] = ()  # hosts beyond the first, for moving guests
    links: tuple[LinkSpec, ...] = ()
    templates: tuple[TemplateSpec, ...] = ()  # defined in the file ([[templates]]), bases first
    client: ClientSpec = ClientSpec()  # how many starts the client keeps in flight
    # How the file named its hosts: [[hosts]] tables with ids (else one [host] table), kept so a
    # save reads back as it was written.
    named_hosts: bool = field(default=False, compare=False)
    # The file's opening comment lines, written back on save (comments elsewhere are not kept:
    # a save writes the scenario as the model holds it, guests added in the window included).
    comment: str = field(default="", compare=False)

    @property
    def hosts(self) -> tuple[HostSpec, ...]:
        """Return every host, the first one first."""
        return (self.host, *self.more_hosts)


def load_scenario(path: str | Path, catalog: Catalog | None = None) -> Scenario:
    """Read and check the scenario at `path`."""
    try:
        text = read_text(path, MAX_FILE_BYTES)
    except TextFileError as exc:
        raise ScenarioError(str(exc)) from None
    return parse_scenario(text, str(path), catalog)


def parse_scenario(text: str, name: str = "<scenario>", catalog: Catalog | None = None) -> Scenario:
    """Parse scenario TOML `text`; `name` is used in error messages."""
    catalog = catalog or Catalog.load()
    text = text.removeprefix("\ufeff")
    if len(text) > MAX_FILE_BYTES:
        raise ScenarioError(f"{name}: too large (more than {MAX_FILE_BYTES:,} characters)")
    try:
        data = tomllib.loads(text)
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise ScenarioError(f"{name}: not valid TOML (nested too deeply)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{name}: not valid TOML ({exc})") from None
    except ValueError:  # Python refuses to convert an integer of more than 4,300 digits
        raise ScenarioError(
            f"{name}: not valid TOML (a number with more than "
            f"{sys.get_int_max_str_digits():,} digits)"
        ) from None
    try:
        scenario = _scenario(Table(data, name), catalog)
    except FieldError as exc:
        raise ScenarioError(str(exc)) from None
    return replace(scenario, comment=_leading_comment(text))


def _leading_comment(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return "\n".join(lines)


def _scenario(t: Table, catalog: Catalog) -> Scenario:
    t.only(SCENARIO_KEYS)
    version = t.integer("version", lo=1)
    if version != VERSION:
        raise t.error("version", f"{VERSION} (the only version this HostLab reads)", version)
    if t.has("host") and t.has("hosts"):
        raise t.error("hosts", "either one [host] table or [[hosts]] tables, not both")
    if t.has("hosts"):
        hosts = [_host(h, catalog, named=True) for h in t.tables("hosts", MAX_HOSTS)]
        if not hosts:
            raise t.error("hosts", "at least one [[hosts]] table")
    else:
        hosts = [_host(t.table("host", required=False), catalog, named=False)]
    ids = [h.id for h in hosts]
    if len(set(ids)) != len(ids):
        raise t.error("hosts", "hosts with different ids", ids)
    links = []
    for lt in t.tables("links", MAX_LINKS):
        lt.only(("a", "b", "mib_s"))
        known = tuple(ids)
        links.append(
            LinkSpec(
                lt.string("a", choices=known),
                lt.string("b", choices=known),
                lt.number("mib_s", 119.0, lo=0.001, hi=1e6),
            )
        )
    host = hosts[0]
    templates = parse_templates(t, catalog)
    catalog = with_templates(catalog, templates)
    p = t.table("policy", required=False)
    p.only(("memory", "ksm", "swap"))
    policy = Policy(
        p.string("memory", "overcommit", choices=("overcommit", "reserve")),
        p.boolean("ksm", False),
        p.boolean("swap", False),
    )
    guests = []
    for g in t.tables("guests", MAX_GUEST_ENTRIES):
        g.only(("template", "count", "at_s", "stagger_s", "host"))
        guests.append(
            GuestSpec(
                g.string("template", choices=tuple(catalog.templates)),
                g.integer("count", 1, lo=1, hi=MAX_GUESTS_PER_ENTRY),
                g.number("at_s", 0.0, hi=MAX_TIME_S),
                g.number("stagger_s", 0.0, hi=3600.0),
                g.string("host", "", choices=(*ids, "")),
            )
        )
    lesson = parse_lesson(t.table("lesson"), MAX_TIME_S) if t.has("lesson") else None
    configs_t = t.table("configs", required=False)
    if len(configs_t.data) > MAX_CONFIGS:
        raise t.error(
            "configs", f"at most {MAX_CONFIGS:,} guests' settings", Said(f"{len(configs_t.data):,}")
        )
    configs = {}
    for gid in configs_t.data:
        if not ID.fullmatch(gid):
            raise configs_t.error(gid, 'a guest id such as "nginx-1"', gid)
        configs[gid] = read_config(configs_t.table(gid))
    actions = tuple(_action(a, catalog, ids) for a in t.tables("actions", MAX_ACTIONS))
    return Scenario(
        version,
        t.integer("seed", 7, lo=0, hi=2**63 - 1),
        host,
        policy,
        tuple(guests),
        lesson,
        configs,
        actions,
        tuple(hosts[1:]),
        tuple(links),
        templates,
        named_hosts=t.has("hosts"),
        client=parse_client(t.table("client", required=False)),
    )


def _host(h: Table, catalog: Catalog, named: bool) -> HostSpec:
    h.only(
        ("preset",)
        + tuple(HOST_OVERRIDES)
        + ("hypervisor", "runtime", "arch", "os", "disk_kind", "vcpu_per_core")
        + (("id",) if named else ())
    )
    overrides: dict[str, object] = {}
    for key, (lo, hi, whole) in HOST_OVERRIDES.items():
        if h.has(key):
            overrides[key] = (
                h.integer(key, lo=int(lo), hi=hi) if whole else h.number(key, lo=lo, hi=hi)
            )
    for key, choices in (
        ("hypervisor", HYPERVISORS),
        ("arch", ("x86_64", "arm64")),
        ("os", ("linux", "windows")),
        ("disk_kind", DISK_KINDS),
    ):
        if h.has(key):
            overrides[key] = h.string(key, choices=choices)
    if h.has("runtime"):
        overrides["runtime"] = h.boolean("runtime")
    if h.has("vcpu_per_core"):
        overrides["vcpu_per_core"] = vcpu_policy.read(h)
    preset = h.string("preset", "classroom-server", choices=tuple(catalog.hosts))
    spec = HostSpec(preset, overrides, h.ident("id") if named else "main")
    resolved = spec.resolve(catalog)
    base_mib = resolved.host_kernel_mib + (resolved.runtime_mib if resolved.runtime else 0.0)
    if resolved.ram_gib * 1024 <= base_mib:
        raise h.error(
            "ram_gib",
            f"more than {base_mib / 1024:.2f} GiB (the host's own kernel "
            f"and runtime take {base_mib:g} MiB)",
            resolved.ram_gib,
        )
    return spec


def _action(t: Table, catalog: Catalog, host_ids: list[str]) -> ActionSpec:
    t.only(
        (
            "at_s",
            "action",
            "targets",
            "workload",
            "exploit",
            "rate_mib_s",
            "duration_s",
            "to",
            "mode",
        )
    )
    action = t.string("action", choices=ACTIONS)
    spec = ActionSpec(
        t.number("at_s", 0.0, hi=MAX_TIME_S),
        action,
        t.ids("targets", MAX_TARGETS),
        t.string("workload", "", choices=tuple(catalog.workloads) + ("",)),
        t.string("exploit", "", choices=tuple(catalog.exploits) + ("",)),
        t.number("rate_mib_s", 0.0, hi=1e6),
        t.number("duration_s", 0.0, hi=MAX_TIME_S),
        t.string("to", "", choices=(*host_ids, "")),
        t.string("mode", "", choices=(*MOVE_MODES, "")),
    )
    if spec.mode and action != "move":
        raise t.error("mode", "no mode (only a 'move' action has one)", spec.mode)
    needs = {
        "workload": "workload",
        "exploit": "exploit",
        "leak": "rate_mib_s",
        "cpu_hog": "duration_s",
        "move": "to",
    }.get(action)
    if needs and not getattr(spec, needs):
        raise t.error(needs, f"a value for the {action!r} action")
    return spec


# Writing is in its own module; these names stay importable from here.
from sim.scenario_writer import dumps_scenario, save_scenario  # noqa: E402

__all__ = [
    "ActionSpec",
    "GuestSpec",
    "HostSpec",
    "Lesson",
    "LessonStep",
    "LinkSpec",
    "Scenario",
    "ScenarioError",
    "TemplateSpec",
    "dumps_scenario",
    "load_scenario",
    "parse_scenario",
    "save_scenario",
]

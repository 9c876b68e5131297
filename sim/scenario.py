"""Scenario files (TOML, versioned): host, policies, seed, guests to add, and lesson notes.

Loading never executes code. Any problem raises `ScenarioError` naming the file, the field path
and what was expected; nothing is half-loaded. Saving is atomic: a temporary file, then a rename.
"""

from __future__ import annotations

import json
import os
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from sim.assets import asset_path
from sim.catalog import HYPERVISORS, Catalog, HostPreset
from sim.fields import FieldError, Table
from sim.guestconfig import NETWORKS, GuestConfig
from sim.host import Policy

VERSION = 1
DEFAULT_SCENARIO = asset_path("scenarios", "default.toml")
# Upper bounds that no classroom host reaches; beyond them a value is a typo, not a host.
HOST_OVERRIDES = {
    "cores": (1, 4096, True), "ram_gib": (0.5, 65536, False), "swap_gib": (0, 65536, False),
    "disk_gib": (1, 1_048_576, False), "pid_max": (1024, 4_194_304, True),
    "bridge_ports": (0, 1_000_000, True), "vcpu_per_core": (0.1, 64, False),
}
MAX_GUESTS_PER_ENTRY = 100_000
MAX_TIME_S = 1e6
LESSON_TEXTS = ("contrast", "title", "title_zh", "summary", "summary_zh", "notes", "notes_zh")
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
        return replace(base, **dict(self.overrides)) if self.overrides else base


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


@dataclass(frozen=True, slots=True)
class LinkSpec:
    """A network link between two hosts, used when guests move."""

    a: str
    b: str
    mib_s: float = 119.0  # 1 Gbit/s


@dataclass(frozen=True, slots=True)
class LessonStep:
    """A prompt shown once the lesson's simulated clock reaches `at_s`."""

    at_s: float
    text: str
    text_zh: str


@dataclass(frozen=True, slots=True)
class Lesson:
    """Notes a teacher reads with the scenario, in English and Chinese."""

    contrast: str = ""   # "1".."8" (DESIGN.md §1) or a use case, e.g. "use-case: microservices"
    title: str = ""
    title_zh: str = ""
    summary: str = ""    # one line for the start page
    summary_zh: str = ""
    notes: str = ""      # what to do, what to watch, questions for the class, sources
    notes_zh: str = ""
    steps: tuple[LessonStep, ...] = ()

    def text(self, field_name: str, lang: str) -> str:
        """Return `field_name` in `lang` ("zh_CN" or "en"), falling back to English."""
        if lang.startswith("zh"):
            return getattr(self, f"{field_name}_zh") or getattr(self, field_name)
        return getattr(self, field_name)


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

    @property
    def hosts(self) -> tuple[HostSpec, ...]:
        """Return every host, the first one first."""
        return (self.host, *self.more_hosts)


def load_scenario(path: str | Path, catalog: Catalog | None = None) -> Scenario:
    """Read and check the scenario at `path`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"{path}: cannot read the file ({exc})") from exc
    return parse_scenario(text, str(path), catalog)


def parse_scenario(text: str, name: str = "<scenario>", catalog: Catalog | None = None) -> Scenario:
    """Parse scenario TOML `text`; `name` is used in error messages."""
    catalog = catalog or Catalog.load()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{name}: not valid TOML ({exc})") from exc
    except RecursionError as exc:  # tomllib recurses once per nested array or inline table
        raise ScenarioError(f"{name}: not valid TOML (nested too deeply)") from exc
    try:
        return _scenario(Table(data, name), catalog)
    except FieldError as exc:
        raise ScenarioError(str(exc)) from exc


def _scenario(t: Table, catalog: Catalog) -> Scenario:
    t.only(("version", "seed", "host", "hosts", "links", "policy", "guests", "lesson", "configs",
            "actions"))
    version = t.integer("version", lo=1)
    if version != VERSION:
        raise t.error("version", f"{VERSION} (the only version this HostLab reads)", version)
    if t.has("host") and t.has("hosts"):
        raise t.error("hosts", "either one [host] table or [[hosts]] tables, not both")
    if t.has("hosts"):
        hosts = [_host(h, catalog, named=True) for h in t.tables("hosts")]
        if not hosts:
            raise t.error("hosts", "at least one [[hosts]] table")
    else:
        hosts = [_host(t.table("host", required=False), catalog, named=False)]
    ids = [h.id for h in hosts]
    if len(set(ids)) != len(ids):
        raise t.error("hosts", "hosts with different ids", ids)
    links = []
    for lt in t.tables("links"):
        lt.only(("a", "b", "mib_s"))
        known = tuple(ids)
        links.append(LinkSpec(lt.string("a", choices=known), lt.string("b", choices=known),
                              lt.number("mib_s", 119.0, lo=0.001, hi=1e6)))
    host = hosts[0]
    p = t.table("policy", required=False)
    p.only(("memory", "ksm", "swap"))
    policy = Policy(p.string("memory", "overcommit", choices=("overcommit", "reserve")),
                    p.boolean("ksm", False), p.boolean("swap", False))
    guests = []
    for g in t.tables("guests"):
        g.only(("template", "count", "at_s", "stagger_s", "host"))
        guests.append(GuestSpec(
            g.string("template", choices=tuple(catalog.templates)),
            g.integer("count", 1, lo=1, hi=MAX_GUESTS_PER_ENTRY),
            g.number("at_s", 0.0, hi=MAX_TIME_S), g.number("stagger_s", 0.0, hi=3600.0),
            g.string("host", "", choices=(*ids, "")),
        ))
    lesson = None
    if t.has("lesson"):
        lt = t.table("lesson")
        keys = LESSON_TEXTS
        lt.only(keys + ("steps",))
        steps = tuple(LessonStep(st.number("at_s", hi=MAX_TIME_S), st.string("text"),
                                 st.string("text_zh", "")) for st in lt.tables("steps")
                      if not st.only(("at_s", "text", "text_zh")))
        lesson = Lesson(*(lt.string(k, "") for k in keys), steps=steps)
    configs_t = t.table("configs", required=False)
    configs = {gid: _config(configs_t.table(gid)) for gid in configs_t.data}
    actions = tuple(_action(a, catalog, ids) for a in t.tables("actions"))
    return Scenario(version, t.integer("seed", 7, lo=0, hi=2**63 - 1), host, policy,
                    tuple(guests), lesson, configs, actions, tuple(hosts[1:]), tuple(links))


def _host(h: Table, catalog: Catalog, named: bool) -> HostSpec:
    h.only(("preset",) + tuple(HOST_OVERRIDES) + ("hypervisor", "runtime", "arch", "os")
           + (("id",) if named else ()))
    overrides: dict[str, object] = {}
    for key, (lo, hi, whole) in HOST_OVERRIDES.items():
        if h.has(key):
            overrides[key] = h.integer(key, lo=lo, hi=hi) if whole else h.number(key, lo=lo, hi=hi)
    for key, choices in (("hypervisor", HYPERVISORS), ("arch", ("x86_64", "arm64")),
                         ("os", ("linux", "windows"))):
        if h.has(key):
            overrides[key] = h.string(key, choices=choices)
    if h.has("runtime"):
        overrides["runtime"] = h.boolean("runtime")
    preset = h.string("preset", "classroom-server", choices=tuple(catalog.hosts))
    spec = HostSpec(preset, overrides, h.string("id") if named else "main")
    resolved = spec.resolve(catalog)
    base_mib = resolved.host_kernel_mib + (resolved.runtime_mib if resolved.runtime else 0.0)
    if resolved.ram_gib * 1024 <= base_mib:
        raise h.error("ram_gib", f"more than {base_mib / 1024:.2f} GiB (the host's own kernel "
                      f"and runtime take {base_mib:g} MiB)", resolved.ram_gib)
    return spec


def _config(t: Table) -> GuestConfig:
    d = GuestConfig()
    t.only(GuestConfig.__slots__)
    return GuestConfig(
        network=t.string("network", d.network, choices=NETWORKS),
        vcpu_pinning=t.boolean("vcpu_pinning", d.vcpu_pinning),
        memory_limit_mib=t.number("memory_limit_mib", d.memory_limit_mib, hi=16_777_216),
        pids_limit=t.integer("pids_limit", d.pids_limit, hi=4_194_304),
        cpu_quota=t.number("cpu_quota", d.cpu_quota, hi=4096),
        **{k: t.boolean(k, getattr(d, k)) for k in ("seccomp", "apparmor", "selinux", "userns",
                                                     "privileged")},
    )


def _action(t: Table, catalog: Catalog, host_ids: list[str]) -> ActionSpec:
    t.only(("at_s", "action", "targets", "workload", "exploit", "rate_mib_s", "duration_s",
            "to"))
    action = t.string("action", choices=ACTIONS)
    spec = ActionSpec(
        t.number("at_s", 0.0, hi=MAX_TIME_S), action, t.strings("targets"),
        t.string("workload", "", choices=tuple(catalog.workloads) + ("",)),
        t.string("exploit", "", choices=tuple(catalog.exploits) + ("",)),
        t.number("rate_mib_s", 0.0, hi=1e6), t.number("duration_s", 0.0, hi=MAX_TIME_S),
        t.string("to", "", choices=(*host_ids, "")))
    needs = {"workload": "workload", "exploit": "exploit", "leak": "rate_mib_s",
             "cpu_hog": "duration_s", "move": "to"}.get(action)
    if needs and not getattr(spec, needs):
        raise t.error(needs, f"a value for the {action!r} action")
    return spec


def dumps_scenario(s: Scenario) -> str:
    """Return `s` as scenario TOML."""
    lines = [f"version = {s.version}", f"seed = {s.seed}"]
    for h in s.hosts:
        lines += ["", "[[hosts]]", f"id = {_toml(h.id)}"] if s.more_hosts else ["", "[host]"]
        lines += [f"preset = {_toml(h.preset)}"]
        lines += [f"{k} = {_toml(v)}" for k, v in h.overrides.items()]
    for link in s.links:
        lines += ["", "[[links]]", f"a = {_toml(link.a)}", f"b = {_toml(link.b)}",
                  f"mib_s = {_toml(float(link.mib_s))}"]
    lines += ["", "[policy]", f"memory = {_toml(s.policy.memory)}",
              f"ksm = {_toml(s.policy.ksm)}", f"swap = {_toml(s.policy.swap)}"]
    for g in s.guests:
        lines += ["", "[[guests]]", f"template = {_toml(g.template)}", f"count = {g.count}",
                  f"at_s = {_toml(float(g.at_s))}", f"stagger_s = {_toml(float(g.stagger_s))}"]
        if g.host:
            lines.append(f"host = {_toml(g.host)}")
    for gid, config in s.configs.items():
        lines += ["", f"[configs.{_toml(gid)}]"]
        lines += [f"{k} = {_toml(v)}" for k, v in config.changed_fields().items()]
    for a in s.actions:
        lines += ["", "[[actions]]", f"at_s = {_toml(float(a.at_s))}",
                  f"action = {_toml(a.action)}",
                  "targets = [" + ", ".join(_toml(x) for x in a.targets) + "]"]
        lines += [f"{k} = {_toml(getattr(a, k))}" for k in ("workload", "exploit", "rate_mib_s",
                                                            "duration_s", "to") if getattr(a, k)]
    if s.lesson is not None:
        lines += ["", "[lesson]"]
        lines += [f"{k} = {_toml(getattr(s.lesson, k))}" for k in LESSON_TEXTS
                  if getattr(s.lesson, k)]
        for st in s.lesson.steps:
            lines += ["", "[[lesson.steps]]", f"at_s = {_toml(float(st.at_s))}",
                      f"text = {_toml(st.text)}", f"text_zh = {_toml(st.text_zh)}"]
    return "\n".join(lines) + "\n"


def save_scenario(s: Scenario, path: str | Path) -> None:
    """Write `s` to `path` atomically: the old file stays whole until the new one is complete."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(dumps_scenario(s))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    # A JSON string is a valid TOML basic string (same escapes), and keeps Chinese readable.
    # TOML also forbids a raw DEL (U+007F), which JSON leaves as it is.
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")

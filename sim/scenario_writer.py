"""Writing scenario files: the TOML text of a `Scenario`, saved atomically.

The text is generated from the model, so a save holds what the window shows (guests added by
hand included). The file's opening comment block is written back; comments further down are
not (a TOML round-trip library such as tomlkit would keep them, but it would add a dependency
for comments next to tables that a save may have rewritten anyway).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sim import vcpu_policy
from sim.atomic import write_text
from sim.prediction_spec import dump_predictions
from sim.scenario_client import dump_client

if TYPE_CHECKING:
    from sim.scenario import Scenario


def dumps_scenario(s: Scenario) -> str:
    """Return `s` as scenario TOML."""
    from sim.scenario_lesson import LESSON_TEXTS

    header = [line for line in s.comment.splitlines() if line.startswith("#")]
    lines = [*header, f"version = {s.version}", f"seed = {s.seed}"]
    named = s.named_hosts or bool(s.more_hosts) or s.host.id != "main"
    for h in s.hosts:
        lines += ["", "[[hosts]]", f"id = {_toml(h.id)}"] if named else ["", "[host]"]
        lines += [f"preset = {_toml(h.preset)}"]
        lines += [f"{k} = {_toml(_override(k, v))}" for k, v in h.overrides.items()]
    for link in s.links:
        lines += [
            "",
            "[[links]]",
            f"a = {_toml(link.a)}",
            f"b = {_toml(link.b)}",
            f"mib_s = {_toml(float(link.mib_s))}",
        ]
    lines += dump_client(s.client)
    lines += [
        "",
        "[policy]",
        f"memory = {_toml(s.policy.memory)}",
        f"ksm = {_toml(s.policy.ksm)}",
        f"swap = {_toml(s.policy.swap)}",
    ]
    for tp in s.templates:
        lines += ["", "[[templates]]", f"id = {_toml(tp.id)}", f"base = {_toml(tp.base)}"]
        lines += [f"{k} = {_toml(getattr(tp, k))}" for k in ("name", "name_zh") if getattr(tp, k)]
        lines += [f"{k} = {_toml(v)}" for k, v in (*tp.numbers.items(), *tp.settings.items())]
    for g in s.guests:
        lines += [
            "",
            "[[guests]]",
            f"template = {_toml(g.template)}",
            f"count = {g.count}",
            f"at_s = {_toml(clean_seconds(g.at_s))}",
            f"stagger_s = {_toml(clean_seconds(g.stagger_s))}",
        ]
        if g.host:
            lines.append(f"host = {_toml(g.host)}")
    for gid, config in s.configs.items():
        lines += ["", f"[configs.{_toml(gid)}]"]
        lines += [f"{k} = {_toml(v)}" for k, v in config.changed_fields().items()]
    for a in s.actions:
        lines += [
            "",
            "[[actions]]",
            f"at_s = {_toml(clean_seconds(a.at_s))}",
            f"action = {_toml(a.action)}",
            "targets = [" + ", ".join(_toml(x) for x in a.targets) + "]",
        ]
        lines += [
            f"{k} = {_toml(getattr(a, k))}"
            for k in ("workload", "exploit", "rate_mib_s", "duration_s", "to", "mode")
            if getattr(a, k)
        ]
    if s.lesson is not None:
        lines += ["", "[lesson]"]
        lines += [
            f"{k} = {_toml(getattr(s.lesson, k))}" for k in LESSON_TEXTS if getattr(s.lesson, k)
        ]
        lines += [
            f"{k} = {_toml(clean_seconds(getattr(s.lesson, k)))}"
            for k in ("speed", "end_s")
            if getattr(s.lesson, k)
        ]
        for st in s.lesson.steps:
            lines += [
                "",
                "[[lesson.steps]]",
                f"at_s = {_toml(clean_seconds(st.at_s))}",
                f"text = {_toml(st.text)}",
                f"text_zh = {_toml(st.text_zh)}",
            ]
            if st.pause:
                lines.append("pause = true")
        lines += dump_predictions(s.lesson.predictions, _toml)
    return "\n".join(lines) + "\n"


def save_scenario(s: Scenario, path: str | Path) -> None:
    """Write `s` to `path` atomically: the old file stays whole until the new one is complete."""
    path = Path(path)
    write_text(path, dumps_scenario(s))
    _remove_legacy_temporaries(path)


def _remove_legacy_temporaries(path: Path) -> None:
    """Remove `.NAME.XXXXXXXX.tmp` files that saves before sim/atomic.py left when killed."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.tmp")
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def clean_seconds(value: float) -> float:
    """Return a time without float noise: 39.6, not 39.599999999999994 from a sum of frames.

    A decimal of at most twelve digits within four units in the last place replaces the
    value: a sum of 33 ms frames drifts by a few such units, while any time a person or a
    file gave stays exactly as it is.
    """
    value = float(value)
    if not math.isfinite(value):
        return value
    for digits in range(1, 13):
        short = float(f"{value:.{digits}g}")
        if abs(short - value) <= 4 * math.ulp(value):
            return short
    return value


def _override(key: str, value: object) -> object:
    """Return a host override as a file spells it (no vCPU cap is "none", not inf)."""
    if key == "vcpu_per_core" and isinstance(value, float):
        return vcpu_policy.to_toml(value)
    return value


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    # A JSON string is a valid TOML basic string (same escapes), and keeps Chinese readable.
    # TOML also forbids a raw DEL (U+007F), which JSON leaves as it is.
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")

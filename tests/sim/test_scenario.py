"""Scenario files: every class of bad input names the file and the field; saves round-trip."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sim.catalog import Catalog
from sim.host import Policy
from sim.scenario import (
    DEFAULT_SCENARIO,
    GuestSpec,
    HostSpec,
    Lesson,
    Scenario,
    ScenarioError,
    load_scenario,
    parse_scenario,
    save_scenario,
)
from sim.scenario_writer import clean_seconds

try:
    import tomli_w
except ImportError:  # not a test dependency: fall back to the small writer below
    tomli_w = None

CATALOG = Catalog.load()
GOOD = """\
version = 1
seed = 7

[host]
preset = "classroom-server"

[policy]
memory = "overcommit"
ksm = false

[[guests]]
template = "nginx"
count = 3
at_s = 0.0
stagger_s = 0.5
"""


def load_text(tmp_path: Path, text: str) -> Scenario:
    path = tmp_path / "lesson.toml"
    path.write_text(text, encoding="utf-8")
    return load_scenario(path)


def test_the_good_example_loads(tmp_path):
    s = load_text(tmp_path, GOOD)
    assert s.guests == (GuestSpec("nginx", 3, 0.0, 0.5),)
    assert s.policy == Policy("overcommit", False, False) and s.seed == 7


@pytest.mark.parametrize(
    "old, new, field, expected",
    [
        # unknown key
        ("ksm = false", "ksm = false\ncolour = 1", "policy.colour", "known keys"),
        # unknown template id
        ('template = "nginx"', 'template = "nginxx"', "guests[0].template", "'alpine'"),
        # wrong type
        ("count = 3", 'count = "three"', "guests[0].count", "whole number"),
        ("ksm = false", 'ksm = "no"', "policy.ksm", "true or false"),
        # negative
        ("stagger_s = 0.5", "stagger_s = -1", "guests[0].stagger_s", "from 0"),
        ("seed = 7", "seed = -7", "seed", "0"),
        # absurd
        (
            'preset = "classroom-server"',
            'preset = "classroom-server"\nram_gib = 1e9',
            "host.ram_gib",
            "65536",
        ),
        ("count = 3", "count = 1000000000", "guests[0].count", "100000"),
        ("at_s = 0.0", "at_s = inf", "guests[0].at_s", "number"),
        # too small to hold the host's own kernel
        (
            'preset = "classroom-server"',
            'preset = "big-server"\nram_gib = 1',
            "host.ram_gib",
            "kernel",
        ),
        # wrong version
        ("version = 1", "version = 2", "version", "1"),
    ],
)
def test_bad_input_names_the_file_and_the_field(tmp_path, old, new, field, expected):
    assert GOOD.count(old) == 1
    with pytest.raises(ScenarioError) as caught:
        load_text(tmp_path, GOOD.replace(old, new))
    message = str(caught.value)
    assert message.startswith(str(tmp_path / "lesson.toml") + ": ")
    assert f": {field}: " in message
    assert expected in message


def test_broken_toml_names_the_file_and_the_line(tmp_path):
    with pytest.raises(ScenarioError) as caught:
        load_text(tmp_path, GOOD.replace("[policy]", "[policy"))
    message = str(caught.value)
    assert str(tmp_path / "lesson.toml") in message and "TOML" in message
    assert "line 7" in message


def test_deeply_nested_toml_is_a_scenario_error():
    with pytest.raises(ScenarioError, match="TOML"):
        parse_scenario("seed = " + "[" * 50_000, "deep.toml")


def test_an_unreadable_file_is_a_scenario_error(tmp_path):
    with pytest.raises(ScenarioError, match="missing.toml"):
        load_scenario(tmp_path / "missing.toml")
    (tmp_path / "binary.toml").write_bytes(b"\xff\xfe\x00version")
    with pytest.raises(ScenarioError, match="binary.toml"):
        load_scenario(tmp_path / "binary.toml")


# ------------------------------------------------------------------ saving
RICH = Scenario(
    seed=123456789,
    host=HostSpec("laptop", {"ram_gib": 12.5, "cores": 4, "runtime": False}),
    policy=Policy("reserve", True, True),
    guests=(GuestSpec("alpine", 20, 1.5, 0.25), GuestSpec("windows-server", 2, 0.0, 0.0)),
    lesson=Lesson(
        title='Reserve "vs" overcommit',
        title_zh="预留与超额分配",
        notes="Line one\nline two \\ backslash",
    ),
)


@pytest.mark.parametrize(
    "scenario",
    [load_scenario(DEFAULT_SCENARIO), RICH, Scenario()],
    ids=["default", "rich", "empty"],
)
def test_save_then_load_gives_the_same_scenario(tmp_path, scenario):
    path = tmp_path / "saved.toml"
    save_scenario(scenario, path)
    assert load_scenario(path) == scenario


def test_a_failed_save_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "lesson.toml"
    path.write_text(GOOD, encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        save_scenario(RICH, path)
    assert path.read_text(encoding="utf-8") == GOOD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lesson.toml"]  # no temporary left


lesson_text = st.text(st.characters(codec="utf-8"), max_size=40)
saved_scenarios = st.builds(
    Scenario,
    seed=st.integers(0, 2**63 - 1),
    host=st.builds(
        HostSpec,
        preset=st.sampled_from(sorted(CATALOG.hosts)),
        overrides=st.fixed_dictionaries(
            {},
            optional={
                "ram_gib": st.integers(2, 512),
                "cores": st.integers(1, 128),
                "swap_gib": st.floats(0, 64),
                "runtime": st.booleans(),
            },
        ),
    ),
    policy=st.builds(
        Policy,
        memory=st.sampled_from(["overcommit", "reserve"]),
        ksm=st.booleans(),
        swap=st.booleans(),
    ),
    guests=st.lists(
        st.builds(
            GuestSpec,
            template=st.sampled_from(sorted(CATALOG.templates)),
            count=st.integers(1, 1000),
            at_s=st.floats(0, 1e5).map(clean_seconds),
            stagger_s=st.floats(0, 3600).map(clean_seconds),
        ),
        max_size=4,
    ).map(tuple),
    lesson=st.none()
    | st.builds(Lesson, title=lesson_text, notes=lesson_text, notes_zh=lesson_text),
)


@settings(max_examples=60, deadline=None)
@given(scenario=saved_scenarios)
def test_any_scenario_round_trips(tmp_path_factory, scenario):
    path = tmp_path_factory.mktemp("rt") / "s.toml"
    save_scenario(scenario, path)
    assert load_scenario(path) == scenario


# ------------------------------------------------------------------ fuzz
def small_toml(data: dict) -> str:
    """Write a dict of TOML values (the subset the strategy below makes) as TOML."""

    def value(v: object) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, float) and not math.isfinite(v):
            return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
        if isinstance(v, int | float):
            return repr(v)
        if isinstance(v, str):
            return (
                '"'
                + "".join(
                    c
                    if c.isalnum() or c in " -_."
                    else f"\\u{ord(c):04x}"
                    if ord(c) < 0x10000
                    else f"\\U{ord(c):08x}"
                    for c in v
                )
                + '"'
            )
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return "{" + ", ".join(f"{value(k)} = {value(x)}" for k, x in v.items()) + "}"

    return "\n".join(f"{value(k)} = {value(v)}" for k, v in data.items()) + "\n"


dumps = tomli_w.dumps if tomli_w is not None else small_toml
KEYS = st.sampled_from(
    [
        "version",
        "seed",
        "host",
        "policy",
        "guests",
        "lesson",
        "preset",
        "ram_gib",
        "template",
        "count",
        "x",
    ]
) | st.text(max_size=8)
SCALARS = (
    st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats()
    | st.sampled_from(sorted(CATALOG.templates) + sorted(CATALOG.hosts))
    | st.text(max_size=12)
)
ANY_VALUE = SCALARS | st.lists(SCALARS, max_size=3) | st.dictionaries(KEYS, SCALARS, max_size=3)


def field(plausible: st.SearchStrategy) -> st.SearchStrategy:
    """A field's value: mostly plausible, one time in ten anything at all."""
    return st.integers(0, 9).flatmap(lambda n: plausible if n else ANY_VALUE)


def table(required: dict, optional: dict) -> st.SearchStrategy:
    """A table with the known keys (mutated values) and now and then an unknown one."""
    return st.fixed_dictionaries(
        {k: field(v) for k, v in required.items()},
        optional={**{k: field(v) for k, v in optional.items()}, "colour": ANY_VALUE},
    )


NUMBER = st.integers(-10, 10**10) | st.floats()
HOST_TABLE = table(
    {},
    {
        "preset": st.sampled_from(sorted(CATALOG.hosts)),
        "ram_gib": NUMBER,
        "cores": NUMBER,
        "swap_gib": NUMBER,
        "pid_max": NUMBER,
        "bridge_ports": NUMBER,
        "runtime": st.booleans(),
        "hypervisor": st.sampled_from(["kvm", "none", "xen"]),
    },
)
GUEST_TABLE = table(
    {"template": st.sampled_from(sorted(CATALOG.templates))},
    {"count": NUMBER, "at_s": NUMBER, "stagger_s": NUMBER},
)
SCENARIO_SHAPED = table(
    {"version": st.just(1)},
    {
        "seed": NUMBER,
        "host": HOST_TABLE,
        "policy": table(
            {},
            {
                "memory": st.sampled_from(["overcommit", "reserve", "x"]),
                "ksm": st.booleans(),
                "swap": st.booleans(),
            },
        ),
        "guests": st.lists(GUEST_TABLE, max_size=3),
        "lesson": table(
            {},
            {
                "title": st.text(max_size=10),
                "notes": st.text(max_size=10),
                "steps": st.lists(
                    table({"at_s": NUMBER, "text": st.text(max_size=5)}, {}), max_size=2
                ),
            },
        ),
    },
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300))
def test_arbitrary_text_raises_only_scenario_error(text):
    try:
        parse_scenario(text, "fuzz.toml")
    except ScenarioError as exc:
        assert str(exc).startswith("fuzz.toml")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=SCENARIO_SHAPED | st.dictionaries(KEYS, ANY_VALUE, max_size=6))
def test_arbitrary_toml_tables_raise_only_scenario_error(data):
    text = dumps(data)
    try:
        scenario = parse_scenario(text, "fuzz.toml")
    except ScenarioError as exc:
        assert str(exc).startswith("fuzz.toml")
        event("rejected")
    else:
        assert isinstance(scenario, Scenario)
        event("loaded")


def test_saved_times_drop_float_noise_and_keep_real_digits() -> None:
    assert clean_seconds(39.599999999999994) == 39.6
    assert clean_seconds(0.1 + 0.2) == 0.3
    assert clean_seconds(10000.76953125) == 10000.76953125
    assert clean_seconds(1.7734375) == 1.7734375


def test_lesson_pause_speed_and_end_are_read_and_saved(tmp_path: Path) -> None:
    text = DEFAULT_SCENARIO.read_text(encoding="utf-8") + (
        '\n[lesson]\ntitle = "t"\nspeed = 0.5\nend_s = 60.0\n'
        '[[lesson.steps]]\nat_s = 12.0\ntext = "Look"\npause = true\n'
    )
    scenario = parse_scenario(text, "x.toml")
    assert scenario.lesson is not None
    assert (scenario.lesson.speed, scenario.lesson.end_s) == (0.5, 60.0)
    assert scenario.lesson.steps[0].pause
    path = tmp_path / "s.toml"
    save_scenario(scenario, path)
    assert load_scenario(path).lesson == scenario.lesson
    with pytest.raises(ScenarioError, match="lesson.speed"):
        parse_scenario(text.replace("speed = 0.5", "speed = 0.001"), "x.toml")

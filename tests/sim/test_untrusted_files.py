"""Scenario files as untrusted input (issue 13 items 4, 10, 11, 12, 17): one-line errors, bounds."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from sim import scenario as sc
from sim import scenario_lesson as lesson_mod
from sim.scenario import (
    DEFAULT_SCENARIO,
    ScenarioError,
    dumps_scenario,
    load_scenario,
    parse_scenario,
    save_scenario,
)


def one_line_error(call, *args) -> str:
    with pytest.raises(ScenarioError) as info:
        call(*args)
    text = str(info.value)
    assert "\n" not in text and "Traceback" not in text
    return text


def test_an_integer_of_5000_digits_is_a_scenario_error():
    text = one_line_error(parse_scenario, "version = 1\nseed = " + "9" * 5000, "big.toml")
    assert text.startswith("big.toml: not valid TOML") and "digits" in text


def test_an_integer_of_400_digits_names_the_field():
    text = one_line_error(parse_scenario, "version = 1\nseed = " + "9" * 400, "big.toml")
    assert text.startswith("big.toml: seed: expected a whole number from 0 to 9223372036854775807")


def test_the_seed_bound_is_printed_in_full():
    text = one_line_error(parse_scenario, "version = 1\nseed = 9223372036854775808", "s.toml")
    assert "from 0 to 9223372036854775807, got 9223372036854775808" in text
    assert "e+18" not in text


def test_a_nul_byte_in_the_path_is_a_scenario_error():
    text = one_line_error(load_scenario, "lesson\x00.toml")
    assert "lesson\\x00.toml" in text


@pytest.mark.parametrize("special", ["fifo", "folder", "/dev/urandom", "/dev/zero", "/dev/null"])
def test_special_files_are_refused_without_reading(tmp_path, special):
    path = tmp_path / "lesson.toml"
    if special == "fifo":
        os.mkfifo(path)  # opening it for reading would block until a writer comes
    elif special == "folder":
        path.mkdir()
    else:
        path = Path(special)
    assert "not a regular file" in one_line_error(load_scenario, path)


def test_a_file_larger_than_the_bound_is_refused_unread(tmp_path):
    path = tmp_path / "huge.toml"
    with path.open("wb") as f:
        f.truncate(sc.MAX_FILE_BYTES + 1)  # sparse: costs no disk
    text = one_line_error(load_scenario, path)
    assert "huge.toml: too large" in text


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + DEFAULT_SCENARIO.read_bytes())
    assert load_scenario(path) == load_scenario(DEFAULT_SCENARIO)


@pytest.mark.parametrize(
    "table, count, limit",
    [
        ('[[lesson.steps]]\nat_s = 1.0\ntext = "x"\n', lesson_mod.MAX_STEPS + 1, "lesson.steps"),
        ('[[actions]]\naction = "remove"\ntargets = ["a-1"]\n', sc.MAX_ACTIONS + 1, "actions"),
        ('[[guests]]\ntemplate = "alpine"\n', sc.MAX_GUEST_ENTRIES + 1, "guests"),
    ],
)
def test_too_many_tables_are_refused(table, count, limit):
    head = 'version = 1\n[lesson]\ntitle = "t"\n' if limit == "lesson.steps" else "version = 1\n"
    text = one_line_error(parse_scenario, head + table * count, "many.toml")
    assert text.startswith(f"many.toml: {limit}: expected at most")


def test_too_long_texts_are_refused():
    notes = "x" * (lesson_mod.MAX_NOTES_CHARS + 1)
    text = one_line_error(parse_scenario, f'version = 1\n[lesson]\nnotes = "{notes}"\n', "n.toml")
    assert text.startswith("n.toml: lesson.notes: expected a text of at most")


@pytest.mark.parametrize(
    "field, value",
    [
        ("hosts[0].id", '[[hosts]]\nid = "<img src=\\"/dev/zero\\">"'),
        ("actions[0].targets", '[[actions]]\naction = "remove"\ntargets = ["<b>x</b>"]'),
        ("configs.<a>", '[configs."<a>"]\nseccomp = true'),
    ],
)
def test_ids_are_plain_words(field, value):
    text = one_line_error(parse_scenario, f"version = 1\n{value}\n", "ids.toml")
    assert text.startswith(f"ids.toml: {field}: expected")


def test_a_single_named_host_round_trips(tmp_path):
    text = 'version = 1\n\n[[hosts]]\nid = "main"\npreset = "laptop"\n'
    scenario = parse_scenario(text)
    path = tmp_path / "one.toml"
    save_scenario(scenario, path)
    assert "[[hosts]]" in path.read_text(encoding="utf-8")
    assert load_scenario(path) == scenario


def test_the_opening_comment_survives_a_save(tmp_path):
    path = tmp_path / "lesson.toml"
    save_scenario(load_scenario(DEFAULT_SCENARIO), path)
    original = [line for line in DEFAULT_SCENARIO.read_text().splitlines() if line][:2]
    assert original[0].startswith("#")
    assert path.read_text(encoding="utf-8").splitlines()[:2] == original[:2]


def test_every_bundled_lesson_round_trips(tmp_path):
    for lesson in sorted(DEFAULT_SCENARIO.parent.glob("*.toml")):
        scenario = load_scenario(lesson)
        assert parse_scenario(dumps_scenario(scenario)) == scenario, lesson.name


def test_a_save_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    path = tmp_path / "shared.toml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o644)
    save_scenario(load_scenario(DEFAULT_SCENARIO), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_new_file_gets_the_umask_default(tmp_path):
    old = os.umask(0o022)
    try:
        save_scenario(load_scenario(DEFAULT_SCENARIO), tmp_path / "new.toml")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.toml").stat().st_mode) == 0o644


def test_a_failed_save_names_the_file_not_a_temporary(tmp_path):
    target = tmp_path / "missing-folder" / "s.toml"
    with pytest.raises(OSError) as info:
        save_scenario(load_scenario(DEFAULT_SCENARIO), target)
    assert str(info.value).startswith(str(target)) and "hostlab-tmp" not in str(info.value)


def test_a_full_disk_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    import errno

    path = tmp_path / "s.toml"
    path.write_text("old", encoding="utf-8")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left") as info:
        save_scenario(load_scenario(DEFAULT_SCENARIO), path)
    assert "hostlab-tmp" not in str(info.value)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["s.toml"]


def test_a_save_removes_temporaries_that_older_saves_left(tmp_path):
    path = tmp_path / "lesson.toml"
    legacy = tmp_path / ".lesson.toml.k3j_9xq2.tmp"  # tempfile.mkstemp's names, before sim/atomic
    legacy.write_text("half a file")
    unrelated = tmp_path / ".other.toml.k3j_9xq2.tmp"
    unrelated.write_text("not ours to judge")
    save_scenario(load_scenario(DEFAULT_SCENARIO), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [unrelated.name, "lesson.toml"]

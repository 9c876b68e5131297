"""The command line: JSON fields, exports, and errors with exit status 2."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sim.cli import main

ROOT = Path(__file__).parents[2]
PORTABILITY = ROOT / "assets" / "scenarios" / "06-portability.toml"

GUEST_FIELDS = {
    "id",
    "template",
    "kind",
    "state",
    "created_s",
    "ready_s",
    "startup_s",
    "phases",
    "resident_mib",
}


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_run_json_has_the_documented_fields(capsys):
    r = run_json(capsys, "run", "--until", "60", "--json")
    assert {"seed", "until_s", "guests", "memory_mib", "events"} <= r.keys()
    assert r["until_s"] == 60 and r["events"] > 0
    assert {g["template"] for g in r["guests"]} == {"nginx", "ubuntu-server"}
    for g in r["guests"]:
        assert g.keys() >= GUEST_FIELDS
        assert g["startup_s"] == pytest.approx(g["ready_s"] - g["created_s"], abs=1e-5)
        assert [p["name"] for p in g["phases"]][-1] == "app"
    assert "free" in r["memory_mib"] and r["memory_mib"]["host_kernel"] > 0


def test_guest_never_ready_has_null_times(capsys):
    r = run_json(capsys, "run", "--until", "1", "--json")
    vm = next(g for g in r["guests"] if g["template"] == "ubuntu-server")
    assert vm["ready_s"] is None and vm["startup_s"] is None and vm["state"] == "starting"


def test_seed_override_changes_startup(capsys):
    a = run_json(capsys, "run", "--json", "--seed", "1")
    b = run_json(capsys, "run", "--json", "--seed", "2")
    assert a["seed"] == 1 and b["seed"] == 2
    assert [g["startup_s"] for g in a["guests"]] != [g["startup_s"] for g in b["guests"]]


def test_out_writes_json_and_csv(tmp_path, capsys):
    assert main(["run", "--until", "40", "--out", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["events.csv", "memory.csv", "phases.csv", "results.json"]
    results = json.loads((tmp_path / "results.json").read_text())
    with (tmp_path / "phases.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == sum(len(g["phases"]) for g in results["guests"])
    with (tmp_path / "memory.csv").open() as f:
        header = next(csv.reader(f))
    assert header[:2] == ["host", "time_s"] and "free_mib" in header


def test_out_covers_every_host(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", str(PORTABILITY), "--until", "60", "--out", str(out), "--json"]) == 0
    results = json.loads((out / "results.json").read_text())
    with (out / "phases.csv").open() as f:
        phases = list(csv.DictReader(f))
    with (out / "memory.csv").open() as f:
        memory = list(csv.DictReader(f))
    hosts = {g["host"] for g in results["guests"]}
    assert len(hosts) >= 2  # the lesson puts guests on several hosts
    assert {r["guest"] for r in phases} == {g["id"] for g in results["guests"] if g["phases"]}
    assert {(r["host"], r["guest"]) for r in phases} == {
        (g["host"], g["id"]) for g in results["guests"] if g["phases"]
    }
    assert {r["host"] for r in memory} == {"lab", "arm-board", "windows-pc", "lab-2"}


def test_out_replaces_an_earlier_export_whole_and_leaves_nothing_else(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", "--until", "5", "--seed", "1", "--out", str(out)]) == 0
    assert main(["run", "--until", "9", "--seed", "2", "--out", str(out)]) == 0
    assert json.loads((out / "results.json").read_text())["seed"] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging folder left
    assert sorted(p.name for p in out.iterdir()) == [
        "events.csv",
        "memory.csv",
        "phases.csv",
        "results.json",
    ]


def test_out_refuses_a_folder_of_other_files(tmp_path, capsys):
    (tmp_path / "thesis.txt").write_text("mine")
    assert main(["run", "--until", "1", "--out", str(tmp_path)]) == 2
    assert "thesis.txt" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["thesis.txt"]


def test_out_empty_is_a_usage_error(tmp_path, capsys):
    proc = subprocess.run(
        [sys.executable, "-m", "sim", "run", "--out", ""],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_env(),
    )
    assert proc.returncode == 2 and "--out" in proc.stderr
    assert list(tmp_path.iterdir()) == []


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.mark.parametrize("special", ["fifo", "/dev/urandom", "/dev/zero"])
def test_run_on_a_special_file_exits_2_at_once(tmp_path, special):
    import os

    path = tmp_path / "lesson.toml"
    if special == "fifo":
        os.mkfifo(path)
    else:
        path = Path(special)
    proc = subprocess.run(
        [sys.executable, "-m", "sim", "run", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "not a regular file" in proc.stderr and "Traceback" not in proc.stderr


def test_density_json_names_binding_limit(capsys):
    r = run_json(capsys, "density", "--template", "alpine", "--template", "ubuntu-server", "--json")
    alpine = r["templates"]["alpine"]
    assert alpine["max"] >= 1000 and alpine["limit"] == "bridge_ports"
    assert set(alpine["limits"]) == {
        "memory",
        "cpu",
        "pids",
        "bridge_ports",
        "disk",
        "platform",
        "host_down",
    }
    assert alpine["limits"]["cpu"] is None  # containers commit no CPU
    assert 10 <= r["templates"]["ubuntu-server"]["max"] < 100


def test_fill_reaches_density(capsys):
    density = run_json(
        capsys, "density", "--template", "ubuntu-server", "--template", "windows-server", "--json"
    )
    filled = run_json(
        capsys, "fill", "--template", "ubuntu-server", "--template", "windows-server", "--json"
    )
    for tid in ("ubuntu-server", "windows-server"):
        assert filled["templates"][tid]["count"] == density["templates"][tid]["max"]


def test_catalog_json_lists_sources(capsys):
    r = run_json(capsys, "catalog", "--json")
    assert "firecracker" in r["templates"] and "classroom-server" in r["hosts"]
    assert all(p["source"] for t in r["templates"].values() for p in t["phases"])


@pytest.mark.parametrize(
    "argv, needle",
    [
        (["run", "missing.toml"], "missing.toml"),
        (["run", "--until", "-5"], "--until"),
        (["density", "--host", "mainframe"], "--host"),
        (["density", "--template", "solaris-zone"], "--template"),
    ],
)
def test_errors_exit_2_and_name_the_problem(argv, needle, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err


def test_broken_scenario_exits_2_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("version = 1\n[[guests]]\ntemplate = 'nginx'\ncount = -3\n")
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "sim", "run", str(bad), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    assert proc.returncode == 2
    assert "guests[0].count" in proc.stderr and str(bad) in proc.stderr
    assert not out.exists()

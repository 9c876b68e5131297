"""The contrast table: every cell is the CLI's figure from the same run, and fills live."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pytest

from sim.cli import main
from sim.contrast import ROWS, contrast_table
from sim.scenario import GuestSpec, Scenario, load_scenario
from sim.session import Session

SCENARIOS = Path(__file__).parents[2] / "assets" / "scenarios"


def _run(name: str, until_s: float) -> Session:
    session = Session.bundled(load_scenario(SCENARIOS / name))
    session.run_until(until_s)
    return session


def _cli_run(capsys: pytest.CaptureFixture[str], name: str, until_s: float) -> dict:
    assert main(["run", str(SCENARIOS / name), "--until", str(until_s), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("name", "until_s"), [("02-startup.toml", 40.0), ("03-memory.toml", 40.0)])
def test_startup_memory_and_density_cells_equal_the_cli(capsys, name, until_s):
    table = contrast_table(_run(name, until_s).snapshot())
    r = _cli_run(capsys, name, until_s)
    assert table.kinds == ("container", "vm")
    for kind in table.kinds:
        guests = [g for g in r["guests"] if g["kind"] == kind]
        start = table.cell("startup", kind).figures
        starts = [g["startup_s"] for g in guests if g["startup_s"] is not None]
        assert start["median_s"] == pytest.approx(float(np.median(starts)), abs=1e-5)
        assert (start["min_s"], start["max_s"]) == pytest.approx(
            (min(starts), max(starts)), abs=1e-5
        )
        mem = table.cell("memory", kind).figures
        resident = [g["resident_mib"] for g in guests if g["state"] == "running"]
        assert mem["per_instance_mib"] == pytest.approx(float(np.median(resident)), abs=1e-3)
        dens = table.cell("density", kind).figures
        assert (dens["max"], dens["limit"]) == (
            r["density"][dens["template"]]["max"],
            r["density"][dens["template"]]["limit"],
        )
    assert table.cell("memory", "container").figures["shared_mib"] == pytest.approx(
        r["memory_mib"]["page_cache"], abs=1e-3
    )


def test_the_dominant_phase_is_the_one_with_most_time(capsys):
    table = contrast_table(_run("02-startup.toml", 40.0).snapshot())
    r = _cli_run(capsys, "02-startup.toml", 40.0)
    per: dict[str, float] = {}
    for g in (g for g in r["guests"] if g["kind"] == "vm"):
        for p in g["phases"]:
            per[p["name"]] = per.get(p["name"], 0.0) + p["end_s"] - p["start_s"]
    assert table.cell("startup", "vm").figures["phase"] == max(per, key=per.__getitem__)
    assert table.cell("startup", "vm").figures["phase"] == "userspace"


def test_performance_and_isolation_cells_equal_the_cli(capsys):
    table = contrast_table(_run("04-performance.toml", 216.0).snapshot())
    r = _cli_run(capsys, "04-performance.toml", 216.0)
    ratios = table.cell("performance", "vm").figures["ratios"]
    cpu = [
        w["ratio"]
        for w in r["workloads"]
        if w["workload"] == "cpu" and w["guest"].startswith("ubuntu-server")
    ]
    assert ratios["cpu"] == pytest.approx(float(np.mean(cpu)), abs=1e-3)
    panic = contrast_table(_run("05-isolation-panic.toml", 30.0).snapshot())
    cell = panic.cell("isolation", "container")
    assert (cell.figures["fault"], cell.figures["outcome"], cell.figures["reached"]) == (
        "panic",
        "host_down",
        "host_kernel",
    )
    assert panic.cell("isolation", "vm").figures["outcome"] == "guest_only"
    assert cell.source is not None and cell.source.time_s == 12.0


def test_a_cell_fills_when_its_experiment_runs():
    session = Session.bundled(Scenario(guests=(GuestSpec("nginx"), GuestSpec("alpine-vm"))))
    session.run_until(20.0)
    before = contrast_table(session.snapshot())
    for row in ("performance", "isolation"):
        assert not before.cell(row, "container").measured
    assert before.cell("performance", "container").experiment == "workload"
    assert before.cell("portability", "vm").experiment == "hosts"
    session.run_workload("cpu", ["nginx-1"])
    session.advance(30.0)
    after = contrast_table(session.snapshot())
    assert after.cell("performance", "container").measured
    assert after.cell("performance", "container").source.view == "benchmark"
    assert not after.cell("performance", "vm").measured
    session.inject("panic", "alpine-vm-1")
    session.advance(5.0)
    assert contrast_table(session.snapshot()).cell("isolation", "vm").measured


def test_portability_cell_names_bytes_and_verdict(capsys):
    table = contrast_table(_run("06-portability.toml", 200.0).snapshot())
    r = _cli_run(capsys, "06-portability.toml", 200.0)
    assert {"container", "vm", "container-in-vm"} <= set(table.kinds)
    cell = table.cell("portability", "container-in-vm")
    move = next(m for m in r["moves"] if m["guest"] == "nginx-in-vm-1")
    assert cell.figures["shipped_mib"] == pytest.approx(move["mib"], abs=1e-3)
    assert cell.figures["runs"] is True and cell.source.view == "moves"
    container = table.cell("portability", "container").figures
    assert container["guest"] in ("nginx-1", "python-web-1", "redis-1")  # redis: checkpoint
    assert container["runs"] == (container["verdict"] == "running")


def test_cli_table_json_and_csv_agree(capsys):
    path = str(SCENARIOS / "05-isolation-panic.toml")
    assert main(["table", path, "--until", "30", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert main(["table", path, "--until", "30", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert set(data["rows"]) == set(ROWS)
    assert len(rows) == len(ROWS) * len(data["kinds"])
    for line in rows:
        cell = data["rows"][line["row"]][line["kind"]]
        assert line["text"] == cell["text"]
        assert bool(int(line["measured"])) == cell["measured"]
    assert data["rows"]["isolation"]["container"]["figures"]["reached"] == "host_kernel"


def test_cli_table_rejects_bad_until(capsys):
    assert main(["table", "--until", "-1"]) == 2
    assert "--until" in capsys.readouterr().err

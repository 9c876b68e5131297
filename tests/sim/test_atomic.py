"""The one atomic-write helper (sim/atomic.py) and the recorder's bounded memory."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from sim.atomic import PREFIX, AtomicWriteError, clean_stale, staged_folder, write_text
from sim.recorder import SERIES, Recorder


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_killed_writers_temporaries_go_at_the_next_write(tmp_path):
    stale_file = tmp_path / f"{PREFIX}{dead_pid()}-0a0b0c0d-s.toml"
    stale_dir = tmp_path / f"{PREFIX}{dead_pid()}-0a0b0c0e-out"
    live = tmp_path / f"{PREFIX}{os.getppid()}-0a0b0c0f-s.toml"  # a writer still running
    stale_file.write_text("half")
    stale_dir.mkdir()
    (stale_dir / "memory.csv").write_text("half")
    live.write_text("in progress")
    write_text(tmp_path / "s.toml", "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, "s.toml"])


def test_other_files_are_never_cleaned(tmp_path):
    (tmp_path / ".s.toml.1234.tmp").write_text("someone else's")
    (tmp_path / "notes.txt").write_text("mine")
    assert clean_stale(tmp_path) == []


def test_a_failing_writer_leaves_the_old_file_and_nothing_else(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("old")

    from sim.atomic import write_with

    def fail(out) -> None:
        out.write(b"partial")
        raise RuntimeError("exporter broke")

    with pytest.raises(RuntimeError):
        write_with(path, fail)
    assert path.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["data.csv"]


def test_a_folder_is_replaced_whole_or_not_at_all(tmp_path):
    out = tmp_path / "out"
    with staged_folder(out, {"a.csv", "b.csv"}) as staging:
        (staging / "a.csv").write_text("1")
        (staging / "b.csv").write_text("1")
    with pytest.raises(RuntimeError), staged_folder(out, {"a.csv", "b.csv"}) as staging:
        (staging / "a.csv").write_text("2")
        raise RuntimeError("killed half way")
    assert [(p.name, p.read_text()) for p in sorted(out.iterdir())] == [
        ("a.csv", "1"),
        ("b.csv", "1"),
    ]
    with staged_folder(out, {"a.csv", "b.csv"}) as staging:
        (staging / "a.csv").write_text("3")
    assert [p.name for p in out.iterdir()] == ["a.csv"]  # no b.csv of the older run
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_folder_of_other_files_is_refused(tmp_path):
    (tmp_path / "thesis.tex").write_text("mine")
    with (
        pytest.raises(AtomicWriteError, match="thesis.tex"),
        staged_folder(tmp_path, {"a.csv"}) as staging,
    ):
        (staging / "a.csv").write_text("x")
    assert [p.name for p in tmp_path.iterdir()] == ["thesis.tex"]


@pytest.mark.parametrize("name", ["", "."])
def test_an_empty_folder_name_is_refused(tmp_path, name, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(AtomicWriteError), staged_folder(name, {"a.csv"}):
        pass


# ------------------------------------------------------------------ recorder
def value_at(times: np.ndarray, values: np.ndarray, t: float) -> float:
    return float(values[np.searchsorted(times, t, side="right") - 1])


def sample_row(i: int, step: int) -> tuple[float, ...]:
    used = float((i // step) % 7) * 10.0
    layers = [used if n == "app" else 0.0 for n in SERIES]
    layers[SERIES.index("free")] = 1000.0 - used
    return tuple(layers)


def test_repeated_samples_are_coalesced_without_changing_the_step_function():
    rec = Recorder(max_samples=1000)
    for i in range(20_000):
        rec.sample(i * 0.1, sample_row(i, 200))  # 100 steps: fewer than the old part's budget
    s = rec.series()
    assert len(s.time_s) <= 1000
    app = s.layers["app"]
    for t in np.arange(0, 1999, 0.7) + 0.05:  # every instant, old or recent, reads the same value
        expected = sample_row(int(t * 10), 200)[SERIES.index("app")]
        assert value_at(s.time_s, app, t) == expected


def test_thinning_keeps_whole_rows_the_peaks_and_recent_samples_exact():
    rec = Recorder(max_samples=1000)
    rng = np.random.default_rng(1)
    rows = []
    for i in range(50_000):
        used = float(rng.uniform(0, 900)) if i != 1234 else 999.0
        row = [used if n == "app" else 0.0 for n in SERIES]
        row[SERIES.index("free")] = 1000.0 - used
        rows.append(row)
        rec.sample(float(i), tuple(row))
    s = rec.series()
    assert len(s.time_s) <= 1000
    assert 999.0 in s.layers["app"]  # the peak survives thinning
    total = s.layers["app"] + s.layers["free"]
    assert np.allclose(total, 1000.0)  # rows are kept whole, never averaged
    recent = np.array(rows[-400:])[:, SERIES.index("app")]
    assert np.array_equal(s.layers["app"][-400:], recent)
    assert np.all(np.diff(s.time_s) > 0)


def test_views_handed_out_survive_compaction():
    rec = Recorder(max_samples=100)
    for i in range(90):
        rec.sample(float(i), sample_row(i, 1))
    before = rec.series()
    kept = before.layers["app"].copy()
    for i in range(90, 5000):
        rec.sample(float(i), sample_row(i, 1))
    rec.series()
    assert np.array_equal(before.layers["app"], kept)


def test_the_event_log_keeps_its_newest_entries_and_counts_the_rest():
    from sim.snapshot import LogEntry

    rec = Recorder(max_log=10)
    early = None
    for i in range(25):
        rec.emit(LogEntry(float(i), "tick", None, {}, f"tick {i}"))
        if i == 3:
            early = rec.log_view()
    assert len(rec.log) < 10 and rec.log_dropped == 25 - len(rec.log)
    assert [e.message for e in rec.log][-1] == "tick 24"
    assert [e.time_s for e in rec.log] == sorted(e.time_s for e in rec.log)
    assert [e.message for e in early] == ["tick 0", "tick 1", "tick 2", "tick 3"]

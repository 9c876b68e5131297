"""The benchmark view: grouped bars of ratios to the bare host, latest run, mean and n."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui import theme
from gui.controller import SimController
from gui.export import color_variety, export_picture, render_image
from gui.views.benchmark_view import BenchmarkView, run_bars
from gui.window.main_window import MainWindow
from sim.session import Session
from sim.snapshot import WorkloadResult

PERFORMANCE = Path(__file__).resolve().parents[2] / "assets" / "scenarios" / "04-performance.toml"


@pytest.fixture(scope="module")
def performance_snapshot():  # noqa: ANN201
    session = Session.from_file(PERFORMANCE)
    session.run_until(160.0)
    return session.snapshot()


def _result(t: float, guest: str, ratio: float, profile: str = "vm-untuned") -> WorkloadResult:
    return WorkloadResult(
        t,
        "random_io",
        guest,
        profile,
        84044 * ratio,
        "IOPS",
        ratio,
        84044,
        True,
        "[felter2014:fio-random]",
        start_s=t - 5.0,
    )


def test_every_run_is_kept_and_each_is_the_mean_of_the_guests_that_ran_together() -> None:
    results = (
        _result(95.0, "vm-1", 0.55),
        _result(155.0, "vm-1", 0.14),
        _result(155.0, "vm-2", 0.12),
        _result(95.0, "c-1", 1.0, "container-nat"),
    )
    bars = {(b.profile, b.run_s): b for b in run_bars(results)}
    solo, together = bars[("vm-untuned", 90.0)], bars[("vm-untuned", 150.0)]
    assert solo.n == 1 and solo.ratio == 0.55  # the solo run stays beside the later one
    assert together.n == 2 and together.guests == ("vm-1", "vm-2")
    assert together.ratio == pytest.approx(0.13)
    assert bars[("container-nat", 90.0)].n == 1 and bars[("container-nat", 90.0)].ratio == 1.0


def test_the_view_shows_the_lesson_results(qtbot: QtBot, performance_snapshot) -> None:  # noqa: ANN001
    view = BenchmarkView()
    qtbot.addWidget(view)
    view.resize(1200, 400)
    view.show()
    view.update_snapshot(performance_snapshot)
    bars = {(b.workload, b.profile): b for b in view.bars}
    profiles = {"container-nat", "container-host", "vm-untuned", "vm-tuned"}
    assert {p for _, p in bars} == profiles
    assert {w for w, _ in bars} == {"net_latency", "kv", "cpu", "random_io"}
    assert bars[("net_latency", "container-nat")].ratio == pytest.approx(2.0, rel=0.01)
    assert bars[("net_latency", "container-host")].ratio == pytest.approx(1.0, rel=0.01)
    assert bars[("cpu", "vm-tuned")].ratio == pytest.approx(0.977, rel=0.01)
    assert bars[("random_io", "container-nat")].ratio == pytest.approx(0.25, rel=0.02)
    assert "2.00×" in view.bar_labels
    latency = next(t for t in view.group_labels if "round trip" in t)
    assert "slower" in latency
    i = next(i for i, b in enumerate(view.bars) if b.workload == "cpu" and b.profile == "vm-tuned")
    tip = view.tooltip_text(i)
    assert "GFLOPS" in tip and "0.98×" in tip and "Linpack" in tip and "pinned" in tip
    assert "Felter" in tip and "doi.org" in tip  # the publication, not a citation id


def test_n_and_mean_when_guests_of_a_profile_ran_together(qtbot: QtBot) -> None:
    view = BenchmarkView()
    qtbot.addWidget(view)
    session = Session.from_file(PERFORMANCE)
    session.run_until(40.0)
    session.add_guests("redis", 2)
    session.run_until(42.0)
    session.run_workload("cpu", ["redis-1", "redis-3", "redis-4"])
    session.run_until(60.0)
    view.update_snapshot(session.snapshot())
    cpu = next(b for b in view.bars if b.workload == "cpu")
    assert cpu.n == 3 and cpu.profile == "container-nat"
    assert "n = 3" in view.tooltip_text(view.bars.index(cpu))
    assert any("n=3" in label for label in view.bar_labels)


def test_empty_until_a_workload_runs_and_readable_in_projector_mode(
    qtbot: QtBot, performance_snapshot
) -> None:  # noqa: ANN001
    view = BenchmarkView()
    qtbot.addWidget(view)
    view.show()
    session = Session.from_file(PERFORMANCE)
    view.update_snapshot(session.snapshot())
    assert view.bars == ()
    view.set_projector(True)
    view.update_snapshot(performance_snapshot)
    assert view._item.getAxis("bottom").style["tickFont"].pointSize() >= 16


def test_export_screenshot_can_pick_the_benchmark_view(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = SimController()
    window = MainWindow(controller)
    qtbot.addWidget(window)
    controller.open_file(PERFORMANCE)
    controller.run_until(60.0)
    window.show()
    assert "benchmark" in window.sections
    assert window.sections["benchmark"].content is window.experiment_tabs.benchmark
    window.tabs.show_page("log")
    out = tmp_path / "bench.png"
    monkeypatch.setattr("gui.dialogs.ask_picture_path", lambda *_: str(out))
    window.files.export_screenshot("benchmark")
    assert out.is_file() and window.sections["benchmark"].isVisibleTo(window)  # brought forward
    assert color_variety(render_image(window.sections["benchmark"])) > 4
    assert export_picture(window.sections["benchmark"], tmp_path / "b.svg").stat().st_size > 0


NETWORK_IDLE = PERFORMANCE.with_name("use-network-and-idle.toml")


def test_idle_host_cpu_is_a_line_per_guest_beside_the_bars(qtbot: QtBot) -> None:
    view = BenchmarkView()
    qtbot.addWidget(view)
    view.resize(1366, 300)
    view.show()
    session = Session.from_file(NETWORK_IDLE)
    session.run_until(75.0)  # streams and requests done, nothing idle measured yet
    view.update_snapshot(session.snapshot())
    assert not view.idle_plot.isVisible() and view.bars
    session.run_until(111.0)
    view.update_snapshot(session.snapshot())
    assert view.idle_plot.isVisible()
    assert {b.workload for b in view.bars} == {"net_stream", "http"}  # idle is no ratio
    series = {s.guest_id: s for s in view.idle_plot.series}
    assert set(series) == {"windows-server-1", "windows-server-2", "ubuntu-server-1", "nginx-1"}
    assert len(series["windows-server-1"].times) == 30  # one sample a second
    lines = view.idle_plot.readout.splitlines()
    assert lines[0] == "windows-server-1: 30.0 %" and lines[-1] == "nginx-1: 0.0 %"
    stream = next(b for b in view.bars if b.workload == "net_stream" and b.profile == "gvisor")
    tip = view.tooltip_text(view.bars.index(stream))
    assert "Gbit/s" in tip and "netstack" in tip  # the path's stages are in the source


def test_experiments_menu_offers_the_new_experiments(qtbot: QtBot) -> None:
    from gui.panels.experiments import ExperimentsPanel

    controller = SimController()
    controller.open_file(NETWORK_IDLE)
    panel = ExperimentsPanel(controller)
    qtbot.addWidget(panel)
    names = {w: a.text() for w, a in panel.workload_actions.items()}
    assert names["net_stream"] == "Network throughput (iperf3, 1 stream)"
    assert names["http"].startswith("Web requests") and names["idle"] == "Idle guest: host CPU"


@pytest.mark.parametrize("screen_height", [None, 768, 1080, 2160])  # None: normal mode
def test_the_left_titles_stand_clear_of_their_tick_labels(
    qtbot: QtBot, performance_snapshot, screen_height: int | None
) -> None:  # noqa: ANN001
    kept = theme.PROJECTOR
    if screen_height is not None:
        theme.scale_projector(screen_height)
    try:
        view = BenchmarkView()
        qtbot.addWidget(view)
        view.resize(1400, 500)
        view.show()
        view.set_projector(screen_height is not None)
        view.update_snapshot(performance_snapshot)
        QApplication.processEvents()
        for item, widest in ((view._item, "0.25"), (view.idle_plot._item, "100")):
            axis = item.getAxis("left")
            fm = QFontMetrics(axis.style["tickFont"])
            # pyqtgraph draws the rotated title 5 px left of the axis, inside a 4 px margin, and
            # right-aligns the tick labels at the tick text offset from the axis line.
            title_end = -5 + 4 + QFontMetrics(axis.label.font()).height()
            offset = axis.style["tickTextOffset"][0]
            assert title_end < axis.width() - offset - fm.horizontalAdvance(widest)
    finally:
        theme.PROJECTOR = kept

"""Texts drawn in plots stay inside the plot's area, clear of the axes and of each other."""

from __future__ import annotations

import sys
from pathlib import Path

import pyqtgraph as pg  # type: ignore[import-untyped]
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from gui.views.plot_text import label_clusters, place_at_point

sys.path.insert(0, str(Path(__file__).parent))
import screens  # noqa: E402


def _plot(qtbot: QtBot, width: int = 260) -> pg.PlotWidget:
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.resize(width, 220)
    item = plot.getPlotItem()
    item.setXRange(0, 100, padding=0)
    item.setYRange(0, 64, padding=0)
    plot.show()
    qtbot.waitExposed(plot)
    return plot


def test_the_checker_sees_a_text_under_the_axis_and_placing_moves_it_inside(qtbot: QtBot) -> None:
    plot = _plot(qtbot)
    item = plot.getPlotItem()
    text = pg.TextItem("free 47.8 GiB", anchor=(1, 0.5))
    item.addItem(text)
    text.setPos(8.0, 40.0)  # ends near the left axis: its first letters lie under "40"
    qtbot.wait(10)
    found = "\n".join(screens._axis_problems(plot))
    assert "text 'free 47.8 GiB' cut by the edge of the plot" in found
    assert "under the left axis label '40'" in found
    place_at_point(text, item.getViewBox(), (8.0, 40.0), "free 47.8 GiB")
    qtbot.wait(10)
    assert screens._axis_problems(plot) == []
    assert text.textItem.toPlainText() == "free 47.8 GiB"  # one line: the plot has the room


def test_a_text_wider_than_the_plot_takes_two_lines_below_a_lines_label(qtbot: QtBot) -> None:
    plot = _plot(qtbot, width=125)
    item = plot.getPlotItem()
    ram = pg.InfiniteLine(angle=0, pos=60.0, label="RAM 64.0 GiB", labelOpts={"position": 0.02})
    ram.label.anchors = [(0, 0), (0, 0)]
    item.addItem(ram)
    text = pg.TextItem("free 47.8 GiB")
    text.setFont(QFont("DejaVu Sans", 12, QFont.Weight.Bold))  # wider than the plot's area
    item.addItem(text)
    place_at_point(text, item.getViewBox(), (90.0, 58.0), "free 47.8 GiB", ram, 5.0)
    qtbot.wait(10)
    assert text.isVisible() and "\n" in text.textItem.toPlainText()
    assert not any("overlap" in p or "free" in p for p in screens._axis_problems(plot))


def test_close_lines_share_one_label_that_counts_them(qtbot: QtBot) -> None:
    plot = _plot(qtbot, width=500)
    item = plot.getPlotItem()
    lines = []
    for x in (10.0, 10.5, 11.0, 11.5, 12.0, 60.0):
        line = pg.InfiniteLine(angle=90, pos=x, label="✕ OOM kill", labelOpts={"position": 0.8})
        item.addItem(line)
        lines.append(line)
    label_clusters(lines, item.getViewBox(), "✕ OOM kill", "✕ OOM kill ×{n}")
    qtbot.wait(10)
    shown = [line.label.format for line in lines if line.label.isVisible()]
    assert shown == ["✕ OOM kill ×5", "✕ OOM kill"]
    assert not any("overlap" in p for p in screens._axis_problems(plot))


def test_side_by_side_memory_labels_are_whole_at_1024_projector_in_chinese(qtbot: QtBot) -> None:
    # "空闲 47.8 GiB" lay under the left axis' "40" and "内存 64.0 GiB" left the plot.
    _image, found = screens.render(
        screens.ROOT / "assets/scenarios/03-side-by-side.toml", (1024, 768), True, "zh_CN"
    )
    assert [p for p in found if "MemoryPlot" in p] == []


def test_a_narrow_memory_plot_keeps_its_titles_whole_with_shorter_words(qtbot: QtBot) -> None:
    from gui.views.memory_plot import MemoryPlot

    view = MemoryPlot()
    qtbot.addWidget(view)
    view.set_projector(True)
    view.resize(1200, 400)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(20)
    assert view.fit_used.text() == "Zoom to memory in use"
    assert view.plot_item.getAxis("bottom").labelText == "simulated time"
    view.resize(430, 400)  # a side-by-side pane at 1024×768 on a projector
    qtbot.wait(20)
    assert view.fit_used.text() == "Zoom"  # the full text stays in the tooltip
    axis = view.plot_item.getAxis("bottom")
    assert axis.labelText == "time" and axis.label.boundingRect().width() <= axis.width()


def test_a_narrow_density_panel_keeps_ticks_apart_and_labels_inside(qtbot: QtBot) -> None:
    from gui.views.density_panel import DensityPanel
    from sim.session import Session

    session = Session.from_file(screens.ROOT / "assets/scenarios/04-performance.toml")
    session.run_until(30.0)
    view = DensityPanel()
    qtbot.addWidget(view)
    view.set_projector(True)
    view.resize(580, 1200)  # the view at 1024×768 on a projector, every row in sight
    view.show()
    qtbot.waitExposed(view)
    view.update_snapshot(session.snapshot())
    qtbot.wait(50)
    plot = view.findChild(pg.PlotWidget)
    assert screens._axis_problems(plot) == []
    assert any(t.startswith("0 — platform") for t in view.bar_labels)  # its bracket dropped

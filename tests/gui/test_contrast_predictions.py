"""The contrast table view and the prediction card, in a real window on real runs."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui import i18n
from gui.views.benchmark_view import run_bars
from gui.views.contrast_cells import cell_text
from gui.views.contrast_handout import PAGE_PX
from gui.window.main_window import MainWindow
from sim.contrast import ROWS, contrast_table
from sim.lesson_text import evaluate

SCENARIOS = Path(__file__).parents[2] / "assets" / "scenarios"


def _contrast(window: MainWindow):
    """Return the contrast view, its tab shown (a hidden view draws once it is shown)."""
    window.tabs.show_page("contrast")
    return window.view("contrast")


def test_every_cell_shows_the_figure_of_the_views_behind_it(window: MainWindow) -> None:
    window.controller.open_file(SCENARIOS / "04-performance.toml")
    window.controller.run_until(130.0)
    view, snap = _contrast(window), window.controller.snapshot
    table = view.table
    assert table == contrast_table(snap)
    for row in ROWS:
        for kind in table.kinds:
            assert view.shown_text(row, kind) == cell_text(table.cell(row, kind))
    latest = sorted(run_bars(snap.workloads), key=lambda b: b.run_s)  # the view's last run
    bars = {(b.workload, b.profile): b for b in latest}
    ratios = table.cell("performance", "vm").figures["ratios"]
    vm_bars = [b for (w, p), b in bars.items() if w == "cpu" and p.startswith("vm")]
    assert ratios["cpu"] == pytest.approx(
        sum(b.ratio * b.n for b in vm_bars) / sum(b.n for b in vm_bars)
    )
    dens = table.cell("density", "container").figures
    row = next(r for r in snap.density if r.template == dens["template"])
    assert (dens["max"], dens["limit"]) == (row.max, row.limit)


def test_a_cell_fills_when_the_class_runs_its_experiment(window: MainWindow) -> None:
    window.controller.run_until(20.0)
    view = _contrast(window)
    kind = view.table.kinds[0]
    assert not view.table.cell("performance", kind).measured
    before = view.shown_text("performance", kind)
    guest = next(g.id for g in window.controller.snapshot.guests if g.kind == kind and g.live)
    window.controller.run_workload("cpu", [guest])
    window.controller.run_until(60.0)
    assert view.table.cell("performance", kind).measured
    assert view.shown_text("performance", kind) != before


def test_clicking_a_cell_shows_the_view_that_produced_it(window: MainWindow, qtbot: QtBot) -> None:
    window.controller.open_file(SCENARIOS / "05-isolation-panic.toml")
    window.controller.run_until(30.0)
    view = _contrast(window)
    column = view.table.kinds.index("container")
    with qtbot.waitSignal(view.source_requested) as signal:
        view.grid.cellClicked.emit(ROWS.index("isolation"), column)
    assert signal.args == ["log", 12.0]
    assert window.tabs.current_name() == "log"
    assert "12.0" in window.statusBar().currentMessage()


def test_clicking_a_cell_rewinds_the_window_to_its_moment(window: MainWindow, qtbot: QtBot) -> None:
    window.controller.open_file(SCENARIOS / "05-isolation-panic.toml")
    window.controller.set_speed(10.0)
    while window.controller.session.now < 30.0:  # played frame by frame: moments are kept
        window.controller.advance_frame()
    view = _contrast(window)
    column = view.table.kinds.index("container")
    view.grid.cellClicked.emit(ROWS.index("isolation"), column)
    assert window.rewind.showing_past() and not window.controller.playing
    assert 11.0 < window.controller.snapshot.time_s <= 12.0  # the last moment kept before it
    window.rewind.go_live()
    assert window.controller.snapshot.time_s >= 30.0


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_handout_exports_as_png_svg_and_csv(
    window: MainWindow, tmp_path: Path, lang: str
) -> None:
    i18n.install_language(lang, remember=False)
    window.controller.run_until(30.0)
    view = _contrast(window)
    png = view.export(tmp_path / "handout.png")
    assert QImage(str(png)).size().toTuple() == PAGE_PX
    svg = view.export(tmp_path / "handout.svg").read_text(encoding="utf-8")
    assert "<svg" in svg
    row = "2 Start-up time" if lang == "en" else "2 启动时间"
    assert row in svg
    text = view.export(tmp_path / "handout.csv").read_text(encoding="utf-8")
    assert text == view.table.as_csv()
    assert len(list(csv.DictReader(io.StringIO(text)))) == len(ROWS) * len(view.table.kinds)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "handout.csv",
        "handout.png",
        "handout.svg",
    ]


def test_a_prediction_is_asked_locked_scored_and_exported(
    window: MainWindow, tmp_path: Path
) -> None:
    window.controller.open_file(SCENARIOS / "03-memory.toml")
    window.controller.play()
    window.controller.publish()
    card = window.prediction_card
    assert card.isVisible() and not window.controller.playing
    spec = card.round.spec
    assert card.question.text() == spec.question
    card.by_group.setChecked(True)
    card.inputs["A"].setText("2048")
    card.inputs["B"].setText("lots")
    assert not card.lock() and "number" in card.error.text()
    card.inputs["B"].setText("780")
    assert card.lock() and window.controller.playing and not card.isVisible()
    window.controller.pause()
    window.controller.run_until(spec.reveal_s + 0.1)
    while card.round is not None and card.round.spec is spec and card.round.result is None:
        window.controller.run_until(window.controller.session.now + 1.0)
    rnd = next(r for r in card.book.rounds if r.spec is spec)
    value = evaluate(spec.answer, window.controller.snapshot)[0]
    assert rnd.result.value == pytest.approx(value, rel=0.05)
    assert rnd.scores() == {"A": False, "B": True}
    path = card.book.export_csv(tmp_path / "p.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert [(r["group"], r["answer"], r["correct"]) for r in rows] == [
        ("A", "2048", "0"),
        ("B", "780", "1"),
    ]
    assert "export_predictions" in window.menu_bar.actions


def test_the_card_asks_in_chinese(window: MainWindow) -> None:
    i18n.install_language("zh_CN", remember=False)
    QApplication.processEvents()  # the language change is an event
    window.controller.open_file(SCENARIOS / "02-startup.toml")
    window.controller.publish()
    card = window.prediction_card
    assert card.isVisible()
    assert card.question.text() == card.round.spec.question_zh
    assert card.lock_button.text() == "锁定答案并运行"
    first = card.round
    card.skip_button.click()
    assert not card.isVisible() and first.locked_s is not None and not first.answers
    window.controller.run_until(3.5)
    assert card.isVisible() and card.round is not first

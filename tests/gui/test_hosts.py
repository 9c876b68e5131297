"""Several hosts: the host tab bar; which host the views, palette, status bar, host panel show."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.window.main_window import MainWindow
from sim.lessons import SCENARIO_DIR

PORTABILITY = SCENARIO_DIR / "06-portability.toml"


@pytest.fixture
def window(window: MainWindow) -> MainWindow:
    """The shared window (tests/gui/conftest.py), on the portability lesson's three hosts."""
    assert window.files.open_path(PORTABILITY)
    return window


def test_three_hosts_three_tabs_named_by_id_arch_and_os(window: MainWindow) -> None:
    tabs = window.host_tabs
    assert tabs.isVisible()
    assert tabs.host_ids() == ("lab", "arm-board", "windows-pc", "lab-2")
    texts = [tabs.tabText(i) for i in range(tabs.count())]
    assert texts[1] == "arm-board · ARM64 · Linux"  # built from the laptop preset, no laptop
    assert "Teacher's laptop" in tabs.tabToolTip(1)
    assert texts[2].startswith("windows-pc") and texts[2].endswith("x86-64 · Windows")
    assert tabs.font().pointSizeF() > window.font().pointSizeF()  # readable from the back row
    assert window.tabs.is_page_visible("moves")


def test_selecting_a_tab_shows_that_hosts_guests(window: MainWindow, qtbot: QtBot) -> None:
    controller = window.controller
    controller.run_until(60.0)  # nginx-1 and python-web-1 have moved to the ARM board
    assert {g.id for g in window.view("timeline").snapshot.guests} >= {"windows-server-1"}
    with qtbot.waitSignal(controller.snapshot_ready) as blocker:
        window.host_tabs.select_host("arm-board")
    snap = blocker.args[0]
    assert controller.host_id == "arm-board"
    assert snap.host.id == "arm-board" and snap.host.arch == "arm64"
    on_board = {g.id for g in snap.guests}
    assert on_board == {"nginx-1", "python-web-1"}
    for view in window.views:
        assert view.snapshot.host.id == "arm-board", type(view).__name__
    window.part("timeline")  # on a small screen one view shows at a time: bring it forward
    assert {gid for row in window.view("timeline").row_guests for gid in row} == on_board
    assert "arm-board" in window.host_label.text() and window.host_label.isVisible()
    assert window.host_panel._labels[0].text() == "arm-board"
    assert "Linux · KVM" in window.host_panel._facts.text()
    assert window.host_panel.preset_combo().currentData() == "laptop"
    # the status bar's memory is the board's: 16 GiB RAM
    assert "16.0 GiB" in window.status_panel.memory_label.text()
    controller.advance_frame()  # later frames stay on the chosen host
    assert window.view("memory").snapshot.host.id == "arm-board"


def test_palette_adds_guests_to_the_host_shown(window: MainWindow, qtbot: QtBot) -> None:
    window.host_tabs.select_host("windows-pc")
    before = {g.id for g in window.controller.session.snapshot("windows-pc").guests}
    qtbot.mouseClick(window.palette_panel.tile("alpine"), Qt.MouseButton.LeftButton)
    added = {g.id for g in window.controller.session.snapshot("windows-pc").guests} - before
    assert len(added) == 1
    assert window.controller.session.host_of(added.pop()).id == "windows-pc"


def test_host_panel_changes_the_preset_of_the_host_shown(window: MainWindow, message_boxes) -> None:
    from PySide6.QtWidgets import QMessageBox

    window.host_tabs.select_host("arm-board")
    message_boxes.answer = QMessageBox.StandardButton.Yes
    combo = window.host_panel.preset_combo()
    big = combo.findData("big-server")
    combo.setCurrentIndex(big)
    combo.activated.emit(big)
    scenario = window.controller.session.scenario
    assert scenario.host.preset == "classroom-server"  # the lab is untouched
    board = next(h for h in scenario.hosts if h.id == "arm-board")
    assert board.preset == "big-server" and board.overrides["arch"] == "arm64"
    assert window.controller.host_id == "arm-board"  # still on the board after the reset
    assert window.host_tabs.tabText(window.host_tabs.currentIndex()).startswith("arm-board")


def test_one_host_looks_as_before(window: MainWindow) -> None:
    window.controller.open_default()
    assert not window.host_tabs.isVisible()
    assert not window.host_label.isVisible()
    assert not window.tabs.is_page_visible("moves")
    assert window.controller.host_id == "main"


def test_set_host_refuses_an_unknown_host(window: MainWindow) -> None:
    with pytest.raises(KeyError, match="no host 'mars'"):
        window.controller.set_host("mars")


def test_projector_mode_enlarges_the_host_tabs_and_prompt(window: MainWindow) -> None:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    normal = QFont(QApplication.font())
    large = QFont(normal)
    large.setPointSize(16)
    QApplication.setFont(large)  # what apply_projector does first, then it tells the window
    window.set_projector(True)
    try:
        assert window.host_tabs.font().pointSizeF() >= 16 and window.host_tabs.font().bold()
        assert window.lesson_prompt.label.font().pointSizeF() >= 16
    finally:
        QApplication.setFont(normal)
        window.set_projector(False)
    assert window.host_tabs.font().pointSizeF() < 16

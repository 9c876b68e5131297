"""The window's parts: view registry, tabs by name, the menu table and the file flow."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from gui import dialogs
from gui.window.main_window import MainWindow
from gui.window.menus import ENTRIES
from gui.window.view_registry import VIEWS, view_spec


def test_every_registered_view_is_built_placed_and_fed(window: MainWindow) -> None:
    window.controller.run_until(3.0)
    for spec in VIEWS:
        view = window.view(spec.name)
        assert view.snapshot is window.controller.snapshot, spec.name
        frame = window.sections.get(spec.name)
        assert (frame is not None and frame.content is view) == spec.framed
    with pytest.raises(KeyError, match="the views are"):
        view_spec("no-such-view")


def test_projector_mode_reaches_every_registered_view(window: MainWindow) -> None:
    window.set_projector(True)
    assert all(window.view(spec.name).projector for spec in VIEWS)
    window.set_projector(False)


def test_the_screenshot_menu_lists_the_window_and_every_view(window: MainWindow) -> None:
    menu = QMenu()
    window.commands.fill_screenshot_menu(menu)
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "Whole window…"
    assert {spec.title_text() + "…" for spec in VIEWS} <= set(texts)
    assert window.part("density") is window.sections["density"]
    assert window.part("log") is window.view("log")
    # A view in a hidden tab (a view of the bar in a compact window) comes forward to be drawn.
    assert window.part("benchmark").isVisibleTo(window)
    front = "benchmark" in (window.tabs.current_name(), window.adaptive.shown)
    assert front


def test_tabs_are_addressed_by_name(window: MainWindow) -> None:
    tabs = window.tabs
    assert tabs.names() == (
        "log",
        "details",
        "lesson",
        "moves",
        "experiments",
        "settings",
        "benchmark",
        "contrast",
    )
    assert not tabs.is_page_visible("moves")  # one host: nothing to move between
    tabs.show_page("settings")
    assert tabs.currentWidget() is window.experiment_tabs.guest_config
    assert tabs.current_name() == "settings"
    with pytest.raises(ValueError, match="exists already"):
        tabs.add_page("log", window.view("log"), lambda: "again")


def test_menus_come_from_the_table_in_the_current_language(window: MainWindow) -> None:
    bar = window.menu_bar
    actions = [e for e in ENTRIES if e.kind == "action"]
    assert set(bar.actions) == {e.name for e in actions}
    assert [
        m.title() for m in (bar.menus[n] for n in ("file", "view", "lessons", "language", "help"))
    ] == ["&File", "&View", "Le&ssons", "&Language", "&Help"]
    assert bar.actions["save"].shortcut().toString() == "Ctrl+S"
    bar.language_actions["zh_CN"].trigger()
    QApplication.processEvents()
    assert bar.menus["file"].title() == "文件(&F)"
    assert all(bar.actions[e.name].text() != e.text for e in actions)


def test_the_file_flow_keeps_the_scenario_when_the_teacher_cancels(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.controller.add_guests("nginx")  # now the scenario has unsaved changes
    asked: list[str] = []

    def cancel(_parent: object, name: str) -> QMessageBox.StandardButton:
        asked.append(name)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(dialogs, "ask_save_changes", cancel)
    before = window.controller.session
    window.files.new()
    assert asked and window.controller.session is before and window.controller.modified


def test_a_headless_screenshot_can_show_one_registered_view(tmp_path: Path) -> None:
    from test_headless import hostlab

    from gui.export import color_variety

    out = tmp_path / "density.png"
    result = hostlab(
        "--until", "5", "--screenshot", str(out), "--view", "density", "--size", "1366x768"
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert 0 < image.width() < 1366 and color_variety(image) > 4
    bad = hostlab("--screenshot", str(tmp_path / "x.png"), "--view", "nope")
    assert bad.returncode == 2 and "density" in bad.stderr and "'nope'" in bad.stderr


def test_a_new_view_is_one_registry_row(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from gui.controller import SimController
    from gui.views.event_log import EventLogView
    from gui.window import commands, main_window, view_registry

    extra = view_registry.ViewSpec("second_log", EventLogView, "tab", "Second log")
    for module in (main_window, commands):
        monkeypatch.setattr(module, "VIEWS", (*view_registry.VIEWS, extra))
    controller = SimController()
    window = MainWindow(controller)
    qtbot.addWidget(window)
    controller.open_default()
    assert window.tabs.names()[-1] == "second_log"
    assert window.view("second_log").snapshot is controller.snapshot
    menu = QMenu()
    window.commands.fill_screenshot_menu(menu)
    assert "Second log…" in [a.text() for a in menu.actions()]

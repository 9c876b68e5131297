"""The bottom tabs take short titles only when the bar is too narrow for the full ones."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui.window.tabs import TabArea

TITLES = {  # the window's eight bottom tabs, two hosts open (Moves shown)
    "log": "Event log",
    "details": "Guest details",
    "lesson": "Lesson notes",
    "moves": "Moves",
    "experiments": "Experiments",
    "settings": "Guest settings",
    "benchmark": "Benchmarks",
    "contrast": "Contrasts",
}


def _tabs(qtbot: QtBot, width: int, point_size: int) -> TabArea:
    tabs = TabArea()
    qtbot.addWidget(tabs)
    font = QFont(tabs.font())
    font.setPointSize(point_size)
    tabs.setFont(font)
    for name, title in TITLES.items():
        tabs.add_page(name, QWidget(), lambda t=title: t)
    tabs.resize(width, 300)
    tabs.show()
    qtbot.waitExposed(tabs)
    return tabs


def _needed(tabs: TabArea) -> int:
    bar = tabs.tabBar()
    return sum(bar.tabSizeHint(i).width() for i in range(tabs.count()) if tabs.isTabVisible(i))


def test_a_narrow_bar_shows_every_tab_whole_with_short_titles(qtbot: QtBot) -> None:
    tabs = _tabs(qtbot, 1024, 16)  # 1024×768 in projector mode
    assert _needed(tabs) <= tabs.width()
    assert tabs.is_short("lesson") or tabs.is_short("settings")
    bar = tabs.tabBar()
    for i, (name, title) in enumerate(TITLES.items()):
        assert bar.tabToolTip(i) == title, name
        assert bar.accessibleTabName(i) == title, name
        assert bar.tabText(i) == title or tabs.is_short(name)


def test_a_wide_bar_keeps_the_full_titles_and_a_narrowed_one_gives_way(qtbot: QtBot) -> None:
    tabs = _tabs(qtbot, 1900, 16)
    assert [tabs.tabText(i) for i in range(tabs.count())] == list(TITLES.values())
    tabs.resize(1024, 300)
    assert _needed(tabs) <= tabs.width()
    tabs.set_page_visible("moves", False)  # one tab fewer: room again for a full title
    tabs.set_page_visible("contrast", False)
    assert _needed(tabs) <= tabs.width()
    assert not tabs.is_short("lesson") or not tabs.is_short("settings")

"""Lessons in the window: the Lessons menu, the start page, notes in the current language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from gui import i18n
from gui.window import start_page
from gui.window.main_window import MainWindow
from sim.lessons import bundled_lessons


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text().replace("&", "") for action in window.menuBar().actions()]


def _lesson_actions(window: MainWindow) -> dict[str, object]:
    window.menu_bar.menus["lessons"].aboutToShow.emit()
    return {str(a.data()): a for a in window.menu_bar.menus["lessons"].actions() if a.data()}


def _first_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.strip()).strip()


def test_lessons_menu_sits_between_view_and_language(window: MainWindow) -> None:
    assert _menu_titles(window) == ["File", "View", "Lessons", "Language", "Help"]
    file_menu = window.menuBar().actions()[0].menu()
    submenus = [a.menu().title() for a in file_menu.actions() if isinstance(a.menu(), QMenu)]
    assert not any("lesson" in title.lower() for title in submenus)  # one place only


def test_menu_lists_every_lesson_contrasts_first_then_start_page(window: MainWindow) -> None:
    lessons = bundled_lessons()
    actions = _lesson_actions(window)
    assert set(actions) == {str(item.path) for item in lessons}
    texts = [a.text() for a in window.menu_bar.menus["lessons"].actions() if a.data()]
    assert texts[0].startswith("1 · ")
    contrasts = [t for t in texts if t[0].isdigit()]
    assert texts[: len(contrasts)] == contrasts  # the eight contrasts, then the use cases
    lessons = window.menu_bar.menus["lessons"]
    sections = [a.text() for a in lessons.actions() if a.isSeparator() and a.text()]
    assert sections == ["The eight contrasts", "Use cases (contrast 7)"]
    assert window.menu_bar.menus["lessons"].actions()[-1].text() == "Start page…"


def test_opening_a_lesson_from_the_menu_loads_it_and_shows_its_notes(
    window: MainWindow, qtbot: QtBot
) -> None:
    lesson = next(item for item in bundled_lessons() if item.id == "06-portability")
    _lesson_actions(window)[str(lesson.path)].trigger()
    assert window.controller.path == lesson.path
    assert window.controller.session.scenario == lesson.scenario
    assert window.tabs.currentWidget() is window.lesson_notes
    notes = window.lesson_notes.toPlainText()
    assert lesson.scenario.lesson.title in notes
    assert _first_line(lesson.scenario.lesson.notes) in notes
    assert window.host_tabs.count() == 4  # and the portability lesson brings its hosts

    window.menu_bar.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: _menu_titles(window)[0] != "File")
    zh = lesson.scenario.lesson
    assert zh.title_zh in window.lesson_notes.toPlainText()
    assert _first_line(zh.notes_zh) in window.lesson_notes.toPlainText()
    titles = [a.text() for a in _lesson_actions(window).values()]
    assert f"6 · {zh.title_zh}" in titles  # the menu speaks Chinese too


def test_opening_a_lesson_in_chinese_shows_chinese_notes(window: MainWindow, qtbot: QtBot) -> None:
    window.menu_bar.language_actions["zh_CN"].trigger()
    lesson = next(item for item in bundled_lessons() if item.id == "02-startup")
    _lesson_actions(window)[str(lesson.path)].trigger()
    text = window.lesson_notes.toPlainText()
    assert lesson.scenario.lesson.title_zh in text
    assert _first_line(lesson.scenario.lesson.notes_zh) in text
    assert lesson.scenario.lesson.title not in text


def test_opening_a_lesson_offers_to_save_changes_first(window: MainWindow, message_boxes) -> None:
    window.controller.add_guests("nginx")
    assert window.controller.modified
    lesson = bundled_lessons()[0]
    _lesson_actions(window)[str(lesson.path)].trigger()
    assert message_boxes.texts("question") and "not saved" in message_boxes.texts("question")[0]
    assert window.controller.path == lesson.path  # answered Discard


def test_start_page_lists_lessons_grouped_and_opens_one(window: MainWindow, qtbot: QtBot) -> None:
    page = window.show_start_page()
    assert page.isVisible()
    lessons = bundled_lessons()
    assert set(page.open_buttons) == {item.id for item in lessons}
    from PySide6.QtWidgets import QLabel

    texts = [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]
    headings = [t for t in texts if t.startswith("<h3>")]
    assert headings == ["<h3>The eight contrasts</h3>", "<h3>Use cases (contrast 7)</h3>"]
    summary = lessons[0].scenario.lesson.summary
    assert any(summary in t for t in texts)
    target = next(item for item in lessons if item.id == "use-microservices")
    qtbot.mouseClick(page.open_buttons[target.id], Qt.MouseButton.LeftButton)
    assert not page.isVisible()
    assert window.controller.path == target.path
    assert target.scenario.lesson.title in window.lesson_notes.toPlainText()


def test_start_page_speaks_the_current_language(window: MainWindow, qtbot: QtBot) -> None:
    window.menu_bar.language_actions["zh_CN"].trigger()
    page = window.show_start_page()
    qtbot.waitUntil(lambda: page.windowTitle() != "HostLab lessons")
    from PySide6.QtWidgets import QLabel

    texts = " ".join(label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page))
    zh = bundled_lessons()[0].scenario.lesson
    assert zh.title_zh in texts and zh.summary_zh in texts


def test_start_page_remembers_whether_to_show_at_start(window: MainWindow) -> None:
    page = window.show_start_page()
    page.show_at_start.setChecked(False)
    assert not start_page.should_show_at_start()
    page.show_at_start.setChecked(True)
    assert start_page.should_show_at_start()


def test_step_prompt_has_its_own_bar(window: MainWindow) -> None:
    lesson = next(item for item in bundled_lessons() if item.id == "06-portability")
    assert window.open_lesson(lesson.path)
    window.controller.run_until(50.5)
    steps = lesson.scenario.lesson.steps
    assert window.lesson_prompt.text() == next(s.text for s in steps if s.at_s == 50.0)
    assert window.lesson_prompt.isVisible()

    def in_window(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())

    assert not in_window(window.lesson_prompt).intersects(in_window(window.status_panel))
    assert window.statusBar().currentMessage() == ""
    window.controller.open_default()
    assert window.lesson_prompt.text() == ""


def test_first_launch_opens_the_start_page(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from PySide6.QtWidgets import QApplication

    from gui import app as app_module

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main installs its own
    i18n.settings().remove(start_page.SHOW_KEY)  # a first launch: nothing remembered
    seen: dict[str, object] = {}
    show = MainWindow.show

    def spy_show(window: MainWindow) -> None:
        seen["window"] = window
        show(window)

    def fake_exec() -> int:
        window = seen["window"]
        qtbot.waitUntil(lambda: window.start_page is not None and window.start_page.isVisible())
        seen["lessons"] = len(window.start_page.open_buttons)
        window.start_page.reject()
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(MainWindow, "show", spy_show)
    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert app_module.main(["--size", "1280x800", "--lang", "en"]) == 0
    assert seen["lessons"] == len(bundled_lessons())

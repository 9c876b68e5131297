"""The main window's menu bar: File, View, Lessons, Language, Help, and what they do.

A mixin of `MainWindow` (as gui/dialogs.py is for the file flows). Its texts are translated in
the "MainWindow" context, where the .ts file has always kept them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from gui import dialogs
from gui.i18n import LANGUAGES, current_language, install_language

translate = QCoreApplication.translate


class MenusMixin:
    """Builds the menus of the window it is mixed into, and answers them."""

    def _action(self, menu: QMenu, text: Callable[[], str], slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                checkable: bool = False) -> QAction:
        action = menu.addAction("")
        action.triggered.connect(slot)
        action.setCheckable(checkable)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self._texts.append((action, text))
        return action

    def _menu(self, parent: QMenu | QMenuBar, text: Callable[[], str]) -> QMenu:
        menu = parent.addMenu("")
        self._texts.append((menu, text))
        return menu

    def _build_menus(self) -> None:
        key = QKeySequence.StandardKey
        bar = self.menuBar()
        file = self._menu(bar, lambda: translate("MainWindow", "&File"))
        self._action(file, lambda: translate("MainWindow", "&New"), self.new_scenario, key.New)
        self._action(file, lambda: translate("MainWindow", "&Open…"), self.open_scenario, key.Open)
        self.recent_menu = self._menu(file, lambda: translate("MainWindow", "Open &recent"))
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        file.addSeparator()
        self._action(file, lambda: translate("MainWindow", "&Save"), self.save_scenario, key.Save)
        self._action(file, lambda: translate("MainWindow", "Save &as…"), self.save_scenario_as,
                     key.SaveAs)
        file.addSeparator()
        shots = self._menu(file, lambda: translate("MainWindow", "Export &screenshot"))
        self._action(shots, lambda: translate("MainWindow", "Whole window…"),
                     lambda: self.export_screenshot(None))
        for name, section in self.sections.items():
            self._action(shots, lambda s=section: s.title() + "…",
                         lambda _=False, n=name: self.export_screenshot(n))
        self._action(file, lambda: translate("MainWindow", "Export &data (CSV and JSON)…"),
                     self.export_data)
        file.addSeparator()
        self._action(file, lambda: translate("MainWindow", "&Quit"), self.close, key.Quit)
        view = self._menu(bar, lambda: translate("MainWindow", "&View"))
        view.aboutToShow.connect(self._on_view_menu_about_to_show)
        self.projector_action = self._action(
            view, lambda: translate("MainWindow", "&Projector mode"),
            self._on_projector_action_triggered, "F5", True)
        self.log_time_action = self._action(
            view, lambda: translate("MainWindow", "&Log time axis"),
            self._on_log_time_action_triggered, "Ctrl+L", True)
        self._action(view, lambda: translate("MainWindow", "&Reset layout"), self.reset_layout)
        self.lessons_menu = self._menu(bar, lambda: translate("MainWindow", "Le&ssons"))
        self.lessons_menu.aboutToShow.connect(self._on_lessons_menu_about_to_show)
        language = self._menu(bar, lambda: translate("MainWindow", "&Language"))
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = language.addAction(name)  # each language named in its own script
            action.setCheckable(True)
            action.setData(code)
            action.triggered.connect(self._on_language_action_triggered)
            group.addAction(action)
            self.language_actions[code] = action
        self.language_actions[current_language()].setChecked(True)
        help_ = self._menu(bar, lambda: translate("MainWindow", "&Help"))
        self._action(help_, lambda: translate("MainWindow", "Lesson &notes"),
                     self._on_notes_action_triggered)
        self._action(help_, lambda: translate("MainWindow", "&About HostLab"),
                     lambda: dialogs.show_about(self))


    def _on_lessons_menu_about_to_show(self) -> None:
        from gui.window.start_page import fill_lessons_menu

        fill_lessons_menu(self.lessons_menu, self.open_lesson, self.show_start_page)

    def _on_projector_action_triggered(self, checked: bool) -> None:
        from gui.app import apply_projector

        apply_projector(self, checked)

    def _on_log_time_action_triggered(self, checked: bool) -> None:
        if self.views:
            self.timeline.set_log_mode(checked)

    def _on_view_menu_about_to_show(self) -> None:
        if not self.views:
            return
        # The timeline has its own log-time switch; show its state in the menu.
        with QSignalBlocker(self.log_time_action):
            self.log_time_action.setChecked(self.timeline.log_mode)

    def _on_language_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            install_language(str(action.data()))

    def _on_notes_action_triggered(self) -> None:
        if self.tabs.isTabVisible(2):
            self.tabs.setCurrentIndex(2)
        else:
            self.statusBar().showMessage(
                translate("MainWindow", "This scenario has no lesson notes."), 5000)

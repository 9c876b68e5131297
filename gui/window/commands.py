"""What the menus do beyond the file flow: screenshots, view switches, lessons, help.

`WindowCommands` holds the commands gui/window/menus.py names as "commands.<name>"; each acts
on the window's parts (its views by registry name, its tabs by page name). Texts keep the
"MainWindow" translation context they have always had.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker
from PySide6.QtWidgets import QMenu

from gui import dialogs
from gui.window.view_registry import VIEWS

if TYPE_CHECKING:
    from gui.window.main_window import MainWindow
    from gui.window.record_dialog import RecordDialog

translate = QCoreApplication.translate


class WindowCommands(QObject):
    """The menu commands of one `MainWindow`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.record_dialog: RecordDialog | None = None

    def fill_screenshot_menu(self, menu: QMenu) -> None:
        """List the whole window, the two panels and every view of the registry."""
        files = self._window.files
        menu.clear()
        menu.addAction(translate("MainWindow", "Whole window…")).triggered.connect(
            lambda: files.export_screenshot(None)
        )
        parts = (
            ("palette", translate("MainWindow", "Add guests")),
            ("host", translate("MainWindow", "Host")),
            *((s.name, s.title_text()) for s in VIEWS),
        )
        for name, title in parts:
            menu.addAction(title + "…").triggered.connect(
                lambda _=False, n=name: files.export_screenshot(n)
            )

    def record_video(self) -> None:
        """Open the Record video dialog, or bring back the one already open (it may be busy)."""
        from gui.window.record_dialog import RecordDialog

        if self.record_dialog is None:
            self.record_dialog = RecordDialog(self._window)
        self.record_dialog.show()
        self.record_dialog.raise_()

    def sync_view_menu(self, _menu: QMenu) -> None:
        """Show the timeline's own log-time switch in the View menu."""
        timeline = self._window.views_by_name().get("timeline")
        action = self._window.menu_bar.actions["log_time"]
        with QSignalBlocker(action):
            action.setChecked(bool(getattr(timeline, "log_mode", False)))

    def toggle_projector(self, on: bool) -> None:
        """Switch projector mode app-wide (fonts, palette, views)."""
        from gui.app import apply_projector

        apply_projector(self._window, on)

    def toggle_log_time(self, on: bool) -> None:
        """Switch the timeline's time axis between linear and logarithmic."""
        timeline = self._window.views_by_name().get("timeline")
        if timeline is not None:
            timeline.set_log_mode(on)  # type: ignore[attr-defined]

    def fill_lessons_menu(self, menu: QMenu) -> None:
        """List the bundled lessons and the start page."""
        from gui.window.start_page import fill_lessons_menu

        fill_lessons_menu(menu, self._window.open_lesson, self._window.show_start_page)

    def show_lesson_notes(self) -> None:
        """Bring the lesson notes to the front, or say the scenario has none."""
        tabs = self._window.tabs
        if tabs.is_page_visible("lesson"):
            tabs.show_page("lesson")
        else:
            self._window.statusBar().showMessage(
                translate("MainWindow", "This scenario has no lesson notes."), 5000
            )

    def show_about(self) -> None:
        """Say what HostLab is and where its numbers come from."""
        dialogs.show_about(self._window)

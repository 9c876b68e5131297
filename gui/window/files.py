"""The window's file flow: new, open, save, save as, recent files, a broken file, exports.

`ScenarioFiles` owns the questions asked on the way (save changes first? where to?) and what
is said when a file cannot be read or written; the controller does the loading and saving, and
gui/dialogs.py holds the file choosers and the recent-files list it uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu, QMessageBox

from gui import dialogs
from gui.export import export_picture
from gui.text.safe_text import literal

if TYPE_CHECKING:
    from gui.window.main_window import MainWindow

translate = QCoreApplication.translate
MESSAGE_MS = 5000  # how long a status-bar message stays


class ScenarioFiles(QObject):
    """New, open, save, save as, recent files and exports for one `MainWindow`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._controller = window.controller

    def maybe_save(self) -> bool:
        """Offer to save unsaved changes; return False if the user cancelled."""
        controller = self._controller
        if not (controller.has_session and controller.modified):
            return True
        name = controller.path.name if controller.path else translate("MainWindow", "Untitled")
        answer = dialogs.ask_save_changes(self._window, name)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new(self) -> None:
        """Start an empty scenario (after offering to save changes)."""
        if self.maybe_save():
            self._controller.new_scenario()

    def open(self) -> None:
        """Ask for a scenario file and open it."""
        if not self.maybe_save():
            return
        folder = str(self._controller.path.parent) if self._controller.path else ""
        path = dialogs.ask_open_path(self._window, folder)
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open a scenario file; on error say why and keep the open scenario as it was."""
        from gui.text.errors import scenario_error_text
        from sim.scenario import ScenarioError

        try:
            self._controller.open_file(path)
        except (ScenarioError, OSError) as error:
            dialogs.show_error(
                self._window,
                translate("MainWindow", "Cannot open scenario"),
                scenario_error_text(str(error)),
            )
            return False
        dialogs.remember_recent(path)
        return True

    def open_if_saved(self, path: str | Path) -> bool:
        """Offer to save changes, then open `path`; return whether it was opened."""
        return self.maybe_save() and self.open_path(path)

    def save(self) -> bool:
        """Save to the current file, or ask where when there is none."""
        if self._controller.path is None:
            return self.save_as()
        return self._save_to(self._controller.path)

    def save_as(self) -> bool:
        """Ask for a file name and save the scenario there."""
        suggested = str(self._controller.path or Path.home() / "scenario.toml")
        path = dialogs.ask_save_path(self._window, suggested)
        return self._save_to(Path(path)) if path else False

    def _save_to(self, path: Path) -> bool:
        try:
            self._controller.save_file(path)
        except (OSError, ValueError) as error:
            dialogs.show_error(
                self._window, translate("MainWindow", "Cannot save scenario"), str(error)
            )
            return False
        dialogs.remember_recent(path)
        self._say(translate("MainWindow", "Saved {0}").format(path))
        return True

    def export_screenshot(self, view: str | None) -> None:
        """Ask for a PNG or SVG file and save the window, or one named part of it, into it."""
        widget = self._window.part(view)
        path = dialogs.ask_picture_path(
            self._window, str(Path.home() / f"hostlab-{view or 'window'}.png")
        )
        if not path:
            return
        try:
            saved = export_picture(widget, path)
        except OSError as error:
            dialogs.show_error(
                self._window, translate("MainWindow", "Cannot export screenshot"), str(error)
            )
            return
        self._say(translate("MainWindow", "Exported {0}").format(saved))

    def export_data(self) -> None:
        """Ask for a folder and write the session's CSV and JSON files into it."""
        folder = dialogs.ask_directory(self._window)
        if not folder:
            return
        try:
            files = self._controller.export_data(folder)
        except OSError as error:
            dialogs.show_error(
                self._window, translate("MainWindow", "Cannot export data"), str(error)
            )
            return
        self._say(
            translate("MainWindow", "Exported {0} files to {1}").format(len(files), files[0].parent)
        )

    def fill_recent_menu(self, menu: QMenu) -> None:
        """Fill `menu` with the recent files, newest first, and a way to clear the list."""
        menu.clear()
        for path in dialogs.recent_files():
            action = menu.addAction(Path(path).name)
            action.setToolTip(literal(path))
            action.triggered.connect(lambda _=False, p=path: self.open_if_saved(p))
        if menu.isEmpty():
            menu.addAction(translate("MainWindow", "(none yet)")).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(translate("MainWindow", "Clear list")).triggered.connect(
                dialogs.clear_recent
            )

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, MESSAGE_MS)

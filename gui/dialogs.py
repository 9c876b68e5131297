"""Dialogs: add several guests, About, the questions the window asks, file choosers, recent files.

The flows that use them (new, open, save, export) are gui/window/files.py.

Questions and file choosers go through Qt's static functions so tests can replace them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui import units
from gui.i18n import catalog_name, settings
from gui.text.safe_text import literal

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sim.snapshot import TemplateView

MAX_ADD = 5000


class AddGuestsDialog(QDialog):
    """Ask for a template, how many guests of it, and the delay between two of them."""

    def __init__(
        self,
        templates: Sequence[TemplateView],
        template_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add several guests"))
        self._template = QComboBox()
        for template in templates:
            self._template.addItem(catalog_name(template.name), template.id)
        if template_id is not None:
            self._template.setCurrentIndex(max(0, self._template.findData(template_id)))
        self._count = QSpinBox()
        self._count.setRange(1, MAX_ADD)
        self._count.setValue(10)
        self._stagger = QDoubleSpinBox()
        self._stagger.setRange(0.0, 600.0)
        self._stagger.setDecimals(2)
        self._stagger.setSingleStep(0.1)
        self._stagger.setValue(0.5)
        self._stagger.setSuffix(" s")
        self._summary = QLabel()
        self._summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Template"), self._template)
        form.addRow(self.tr("How many"), self._count)
        form.addRow(self.tr("One every"), self._stagger)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._summary)
        layout.addWidget(buttons)
        self._count.valueChanged.connect(self._on_count_value_changed)
        self._stagger.valueChanged.connect(self._on_stagger_value_changed)
        self._update_summary()

    def values(self) -> tuple[str, int, float]:
        """Return (template id, count, stagger in seconds) as chosen."""
        return str(self._template.currentData()), self._count.value(), self._stagger.value()

    def set_values(self, template_id: str, count: int, stagger_s: float) -> None:
        """Preset the choice (used by tests and by "add again")."""
        self._template.setCurrentIndex(max(0, self._template.findData(template_id)))
        self._count.setValue(count)
        self._stagger.setValue(stagger_s)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        templates: Sequence[TemplateView],
        template_id: str | None = None,
    ) -> tuple[str, int, float] | None:
        """Show the dialog; return the choice, or None if cancelled."""
        dialog = cls(templates, template_id, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        values = dialog.values()
        dialog.deleteLater()
        return values if accepted else None

    def _update_summary(self) -> None:
        last = (self._count.value() - 1) * self._stagger.value()
        self._summary.setText(
            self.tr("The last one is asked for {0} after the first.").format(units.duration(last))
        )

    def _on_count_value_changed(self, _value: int) -> None:
        self._update_summary()

    def _on_stagger_value_changed(self, _value: float) -> None:
        self._update_summary()


def confirm_reset(parent: QWidget | None) -> bool:
    """Ask whether a change that restarts the simulation may go ahead."""
    answer = QMessageBox.question(
        parent,
        translate("dialogs", "Reset the simulation?"),
        translate("dialogs", "This resets the simulation. Continue?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_save_changes(parent: QWidget | None, name: str) -> QMessageBox.StandardButton:
    """Ask whether to save changes to `name`: Save, Discard or Cancel."""
    return QMessageBox.question(
        parent,
        translate("dialogs", "Unsaved changes"),
        literal(
            translate(
                "dialogs", "The scenario “{0}” has changes that are not saved.\nSave them first?"
            ).format(name)
        ),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """Show an error the user can read and act on (as text: it may quote a file's content)."""
    QMessageBox.critical(parent, title, literal(message))


def show_about(parent: QWidget | None) -> None:
    """Show what HostLab is and where its numbers come from."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("hostlab")
    except PackageNotFoundError:
        release = ""
    text = translate(
        "dialogs",
        "<h3>HostLab {0}</h3>"
        "<p>A classroom simulator that shows how containers and virtual machines differ: "
        "how they start, phase by phase, how the host's memory fills layer by layer, and when "
        "the host cannot take one more guest.</p>"
        "<p><b>Where the numbers come from.</b> Start-up phases, memory sizes and host limits "
        "are taken from published measurements and documentation. Each number cites its source "
        "in the catalog: hover over a phase in the timeline or select a guest to see it.</p>"
        "<p>Chinese font: WenQuanYi Micro Hei (Apache 2.0 or GPL 3 with font exception).</p>",
    ).format(release)
    box = QMessageBox(
        QMessageBox.Icon.Information,
        translate("dialogs", "About HostLab"),
        text,
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.RichText)
    box.exec()


# --- file dialogs and the recent-files list ----------------------------------------------
MAX_RECENT = 8


def scenario_filter() -> str:
    """Return the file-dialog filter for scenario files."""
    return translate("dialogs", "HostLab scenarios (*.toml);;All files (*)")


def ask_open_path(parent: QWidget | None, folder: str = "") -> str | None:
    """Ask which scenario file to open."""
    path, _ = QFileDialog.getOpenFileName(
        parent, translate("dialogs", "Open scenario"), folder, scenario_filter()
    )
    return path or None


def ask_save_path(parent: QWidget | None, suggested: str) -> str | None:
    """Ask where to save the scenario (".toml" is added when missing)."""
    path, _ = QFileDialog.getSaveFileName(
        parent, translate("dialogs", "Save scenario as"), suggested, scenario_filter()
    )
    if not path:
        return None
    return path if path.lower().endswith(".toml") else path + ".toml"


def ask_picture_path(parent: QWidget | None, suggested: str) -> str | None:
    """Ask where to save a screenshot; the extension (.png or .svg) picks the format."""
    png, svg = (
        translate("dialogs", "PNG image (*.png)"),
        translate("dialogs", "SVG drawing (*.svg)"),
    )
    path, chosen = QFileDialog.getSaveFileName(
        parent, translate("dialogs", "Export screenshot"), suggested, f"{png};;{svg}"
    )
    if not path:
        return None
    wanted = ".svg" if chosen == svg else ".png"
    return path if path.lower().endswith((".png", ".svg")) else path + wanted


def ask_directory(parent: QWidget | None) -> str | None:
    """Ask for a folder to export data into."""
    path = QFileDialog.getExistingDirectory(
        parent, translate("dialogs", "Export data (CSV and JSON) into")
    )
    return path or None


def recent_files() -> list[str]:
    """Return recently opened or saved scenario files that still exist, newest first."""
    value = settings().value("recent_files", [])
    paths = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    return [p for p in paths if isinstance(p, str) and Path(p).is_file()][:MAX_RECENT]


def remember_recent(path: str | Path) -> None:
    """Put `path` first in the recent-files list."""
    path = str(Path(path).resolve())
    paths = [path] + [p for p in recent_files() if p != path]
    settings().setValue("recent_files", paths[:MAX_RECENT])


def clear_recent() -> None:
    """Forget the recent-files list."""
    settings().setValue("recent_files", [])

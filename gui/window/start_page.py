"""The start page and the Lessons menu: every bundled lesson, the eight contrasts first.

Both list `sim.lessons.bundled_lessons()` in the current language: the eight contrasts
in order, then the use cases. The start page shows each lesson's title and one-line summary with
an Open button; it opens at first launch (until the teacher unticks "Show at start", kept in
QSettings "show start page") and from Lessons → Start page…. Opening goes through the window's
usual open path, so unsaved changes are offered for saving first.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import current_language, settings
from gui.panels import scrolling
from gui.text.safe_text import escape, literal

if TYPE_CHECKING:
    from sim.lessons import BundledLesson

translate = QCoreApplication.translate

SHOW_KEY = "show start page"


@cache
def lessons() -> tuple[BundledLesson, ...]:
    """Return the bundled lessons (read once: they ship with the app and do not change)."""
    from sim.lessons import bundled_lessons

    return tuple(bundled_lessons())


def grouped() -> tuple[tuple[str, tuple[BundledLesson, ...]], ...]:
    """Return ("contrasts", lessons), ("use_cases", lessons): contrasts in DESIGN order."""
    contrasts = tuple(item for item in lessons() if _contrast(item).isdigit())
    others = tuple(item for item in lessons() if not _contrast(item).isdigit())
    return (("contrasts", contrasts), ("use_cases", others))


def _contrast(item: BundledLesson) -> str:
    return item.scenario.lesson.contrast if item.scenario.lesson else ""


def group_title(key: str) -> str:
    """Return the translated heading of a group of lessons."""
    if key == "contrasts":
        return translate("StartPage", "The eight contrasts")
    return translate("StartPage", "Use cases (contrast 7)")


def lesson_title(item: BundledLesson, numbered: bool = True) -> str:
    """Return a lesson's title in the current language, "6 · …" for a contrast's lesson."""
    notes = item.scenario.lesson
    title = notes.text("title", current_language()) if notes and notes.title else item.id
    contrast = _contrast(item)
    return f"{contrast} · {title}" if numbered and contrast.isdigit() else title


def lesson_summary(item: BundledLesson) -> str:
    """Return a lesson's one-line summary in the current language."""
    notes = item.scenario.lesson
    return notes.text("summary", current_language()) if notes else ""


def fill_lessons_menu(
    menu: QMenu, open_lesson: Callable[[Path], object], start_page: Callable[[], object]
) -> None:
    """Fill the Lessons menu: a section per group, then "Start page…"."""
    menu.clear()
    for key, items in grouped():
        if not items:
            continue
        menu.addSection(group_title(key))
        for item in items:
            action = menu.addAction(lesson_title(item))
            action.setToolTip(literal(lesson_summary(item)))
            action.setData(str(item.path))
            action.triggered.connect(lambda _=False, p=item.path: open_lesson(p))
    if not lessons():
        menu.addAction(translate("MainWindow", "(no lessons bundled)")).setEnabled(False)
    menu.addSeparator()
    menu.addAction(translate("StartPage", "Start page…")).triggered.connect(start_page)
    menu.setToolTipsVisible(True)


def should_show_at_start() -> bool:
    """Return whether the start page opens at launch (yes until the teacher says no)."""
    return str(settings().value(SHOW_KEY, "true")).lower() == "true"


class StartPageDialog(QDialog):
    """Every bundled lesson with its summary and an Open button.

    Emits `lesson_chosen(Path)` with the scenario file of the lesson to open.
    """

    lesson_chosen = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.resize(900, 720)
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        self._body = QWidget()
        self._grid = QGridLayout(self._body)
        self._grid.setColumnStretch(0, 1)
        self._grid.setVerticalSpacing(6)
        scroll = scrolling(self._body, horizontal=False)
        self.show_at_start = QCheckBox()
        self.show_at_start.setChecked(should_show_at_start())
        self.show_at_start.toggled.connect(self._on_show_at_start_toggled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.show_at_start)
        layout.addWidget(buttons)
        self.open_buttons: dict[str, QPushButton] = {}
        self.retranslate()

    def retranslate(self) -> None:
        """Build the list again in the current language."""
        self.setWindowTitle(self.tr("HostLab lessons"))
        self._intro.setText(
            self.tr(
                "<h2>Lessons</h2><p>Each lesson opens a ready scenario with notes for the class: "
                "what to do, what to watch, questions to ask and where the numbers come from. "
                "Press play once it is open.</p>"
            )
        )
        self.show_at_start.setText(self.tr("Show this page when HostLab starts"))
        while self._grid.count():
            taken = self._grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.open_buttons.clear()
        row = 0
        for key, items in grouped():
            if not items:
                continue
            heading = QLabel(f"<h3>{group_title(key)}</h3>")
            self._grid.addWidget(heading, row, 0, 1, 2)
            row += 1
            for item in items:
                text = QLabel(
                    f"<b>{escape(lesson_title(item))}</b><br>{escape(lesson_summary(item))}"
                )
                text.setWordWrap(True)
                text.setTextFormat(Qt.TextFormat.RichText)
                button = QPushButton(self.tr("Open"))
                button.setToolTip(literal(item.path.name))
                button.clicked.connect(lambda _=False, p=item.path: self._choose(p))
                self.open_buttons[item.id] = button
                self._grid.addWidget(text, row, 0)
                self._grid.addWidget(button, row, 1, Qt.AlignmentFlag.AlignVCenter)
                row += 1
        self._grid.setRowStretch(row, 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _choose(self, path: Path) -> None:
        self.accept()
        self.lesson_chosen.emit(path)

    def _on_show_at_start_toggled(self, on: bool) -> None:
        settings().setValue(SHOW_KEY, on)

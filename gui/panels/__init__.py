"""Controls around the views: palette, host panel, transport, and the pieces they share.

`SectionPanel` frames one part of the window under a title (and can take template drops);
`StatusPanel` is the status bar's summary of the running session; `LessonNotesPanel` shows a
scenario's lesson notes and announces each step prompt when the simulated clock reaches it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui import units
from gui.panels.status_panel import StatusPanel as StatusPanel
from sim.lesson_text import display

if TYPE_CHECKING:
    from sim.scenario import Lesson
    from sim.snapshot import Snapshot

translate = QCoreApplication.translate

MIME_TEMPLATE = "application/x-hostlab-template"


def scrolling(body: QWidget, *, horizontal: bool = True, frame: bool = False) -> QScrollArea:
    """Return a scroll area that shows `body` at the area's width, scrolling when it is taller.

    `horizontal=False` never shows a horizontal bar (the body wraps or elides instead).
    """
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    if not frame:
        scroll.setFrameShape(QFrame.Shape.NoFrame)
    if not horizontal:
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(body)
    return scroll


class SectionPanel(QFrame):
    """A titled frame around one widget; with `on_drop`, template drops on it add guests."""

    def __init__(
        self,
        title: Callable[[], str],
        content: QWidget,
        on_drop: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._title_text = title
        self._on_drop = on_drop
        self.content = content
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title_label = QLabel()
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(4, 2, 4, 4)
        self._box.setSpacing(2)
        self._box.addWidget(self.title_label)
        self._box.addWidget(content, 1)
        self.setAcceptDrops(on_drop is not None)
        self.retranslate()

    def set_content(self, widget: QWidget) -> None:
        """Replace the framed widget (placeholders give way to views once they are built)."""
        self._box.replaceWidget(self.content, widget)
        self.content.hide()  # until deleted it would still be drawn over the view
        self.content.deleteLater()
        self.content = widget
        self._box.setStretchFactor(widget, 1)

    def title(self) -> str:
        """Return the title in the current language."""
        return self._title_text()

    def retranslate(self) -> None:
        """Show the title in the current language."""
        self.title_label.setText(f"<b>{self._title_text()}</b>")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        """Accept a template dragged from the palette."""
        if event.mimeData().hasFormat(MIME_TEMPLATE):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt override)
        """Keep accepting a template drag over any child."""
        if event.mimeData().hasFormat(MIME_TEMPLATE):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        """Add one guest of the dropped template."""
        mime = event.mimeData()
        if self._on_drop is None or not mime.hasFormat(MIME_TEMPLATE):
            return
        template_id = bytes(mime.data(MIME_TEMPLATE).data()).decode("utf-8")
        event.acceptProposedAction()
        self._on_drop(template_id)


def step_text(text: str, text_zh: str) -> str:
    """Return a lesson step's text in the current language (English when untranslated)."""
    from gui.i18n import current_language

    return display(text_zh if current_language() == "zh_CN" and text_zh else text)


class LessonNotesPanel(QTextBrowser):
    """A scenario's lesson: title, notes and timed steps, in the current language.

    Emits `step_reached(str, str)` with a step's English and Chinese text (the second may be
    empty) once the simulated clock passes its time (steps passed in the same frame are
    announced once, by the last of them). Scenario text is shown through gui/text/safe_text.py and
    this browser loads no resources at all.
    """

    step_reached = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Links are opened here, http(s) only: the browser itself never follows one.
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self._lesson: Lesson | None = None
        self._announced = 0

    @property
    def has_lesson(self) -> bool:
        """Return whether the scenario has lesson notes to show."""
        return self._lesson is not None

    def set_lesson(self, lesson: Lesson | None) -> None:
        """Show `lesson` (None clears) from its first step."""
        self._lesson = lesson
        self._announced = 0
        self._render()

    def update_snapshot(self, snap: Snapshot) -> None:
        """Announce the latest step whose time has come, and tick every step passed."""
        steps = self._lesson.steps if self._lesson else ()
        before = self._announced
        while self._announced < len(steps) and steps[self._announced].at_s <= snap.time_s:
            self._announced += 1
        if self._announced > before:  # rendered once per frame, not once per step
            step = steps[self._announced - 1]
            self.step_reached.emit(step.text, step.text_zh)
            self._render()

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 (Qt override)
        """Load nothing: lesson text never shows images or other files."""
        return None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Show the notes in the new language."""
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)

    @staticmethod
    def _step_text(text: str, text_zh: str) -> str:
        return step_text(text, text_zh)

    def _render(self) -> None:
        from gui.i18n import current_language
        from gui.text.safe_text import escape, inline, lesson_html

        lesson = self._lesson
        if lesson is None:
            self.clear()
            return
        lang = current_language()
        parts = [
            f"<h2>{escape(lesson.text('title', lang))}</h2>",
            lesson_html(display(lesson.text("summary", lang), markdown=True)),
            lesson_html(display(lesson.text("notes", lang), markdown=True)),
        ]
        if lesson.steps:
            parts.append(f"<h3>{escape(translate('LessonNotesPanel', 'Steps'))}</h3><ul>")
            for i, step in enumerate(lesson.steps):
                mark = "✔ " if i < self._announced else ""
                when = translate("LessonNotesPanel", "at {0}").format(units.sim_time(step.at_s))
                parts.append(
                    f"<li>{mark}<b>{escape(when)}</b>: "
                    f"{inline(self._step_text(step.text, step.text_zh))}</li>"
                )
            parts.append("</ul>")
        self.setHtml("\n".join(p for p in parts if p.strip()))

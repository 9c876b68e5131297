"""The lesson prompt bar: a lesson's step prompt in its own strip above the views.

A step prompt ("Press play. Which guest is ready first?") is what the teacher reads out, so it
gets its own place instead of the status bar's temporary message, which used to be painted over
the time and memory figures. The bar stays until the next prompt, a new scenario, or ✕.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class LessonPromptBar(QFrame):
    """A dismissable strip showing the latest lesson step prompt."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonPrompt")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Okabe–Ito sky blue, pale: stands out from the views without looking like an error.
        self.setStyleSheet(
            "#lessonPrompt { background: #E3F2FB; border: 1px solid #56B4E9; }"
            "#lessonPrompt QLabel { color: #000000; }"
        )
        self._icon = QLabel()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # untrusted scenario text
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._close = QToolButton()
        self._close.setText("✕")
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self.hide)
        self._prompt = ("", "")  # English and Chinese: a language switch shows the other one
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self._icon)
        layout.addWidget(self.label, 1)
        layout.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        self.refresh_font()
        self.retranslate()
        self.hide()

    def show_prompt(self, text: str, text_zh: str = "") -> None:
        """Show a step's prompt in the current language (`text_zh` may be empty)."""
        self._prompt = (text, text_zh)
        self._show_text()
        self.show()

    def clear(self) -> None:
        """Hide the bar and forget the prompt."""
        self._prompt = ("", "")
        self.label.setText("")
        self.hide()

    def _show_text(self) -> None:
        from gui.panels import step_text

        self.label.setText(step_text(*self._prompt))

    def text(self) -> str:
        """Return the prompt shown ("" when none)."""
        parent = self.parentWidget()
        shown = self.isVisibleTo(parent) if parent is not None else self.isVisible()
        return self.label.text() if shown else ""

    def retranslate(self) -> None:
        """Set the close button's tooltip in the current language."""
        title = self.tr("Lesson:")
        self._icon.setText(f"<b>{title}</b>")
        self._close.setToolTip(self.tr("Hide this prompt"))
        self._show_text()

    def refresh_font(self) -> None:
        """Use the app font, a quarter larger unless already large (projector mode)."""
        font = QFont(QApplication.font())
        if font.pointSizeF() < 14:  # projector mode's 16 pt is large enough as it is
            font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.25)
        self.label.setFont(font)
        self._icon.setFont(font)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

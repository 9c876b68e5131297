"""A label for text that changes every frame (a clock, a count) without laying the window out.

Qt lays a label's parent out again whenever a label that is not of fixed size gets new text,
since its size hint may have changed: for a figure that changes every frame that is a layout
pass, then a repaint of everything the layout touched (the whole status bar), in a second paint
of the frame. A label of fixed size is repainted alone. Its size only grows, so a figure that
shrinks and grows again does not move its neighbours back and forth; a new font (projector
mode) measures it afresh.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel, QWidget

_ANY_SIZE = 16_777_215  # Qt's QWIDGETSIZE_MAX


class SteadyLabel(QLabel):
    """A label of fixed size that grows to fit its text and never shrinks (until a new font)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._fit(self.sizeHint())

    def set_steady_text(self, text: str) -> None:
        """Show `text`; the label grows if it must, and stays as it is otherwise."""
        if text == self.text():
            return
        self.setText(text)
        self._fit(self.sizeHint().expandedTo(self.minimumSize()))

    def refit(self) -> None:
        """Take the size of the text shown now, smaller or larger (a new form, a new font)."""
        self.setMinimumSize(0, 0)
        self.setMaximumSize(_ANY_SIZE, _ANY_SIZE)
        text = self.text()
        self.clear()  # the label's size hint is kept until its text changes: measure afresh
        self.setText(text)
        self._fit(self.sizeHint())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Measure afresh for a new font: the old size may cut the text or waste room."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.refit()

    def _fit(self, size: QSize) -> None:
        size = size.expandedTo(QSize(0, 0))  # an empty label's hint has height -1
        if size != self.minimumSize() or size != self.maximumSize():
            self.setFixedSize(size)

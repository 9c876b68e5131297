"""Which keys a focused control keeps and which reach the window's transport shortcuts.

Space plays and pauses, → steps, wherever the focus is, except where the focused control
needs the key itself: Space presses a focused button or palette tile and ticks a check box,
Space and → edit text and move through tables. On the speed slider → still steps (the slider
moves with ↑ ↓ Page Up Page Down), so the step key never goes dead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
)

_TEXT = (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit, QAbstractItemView, QComboBox)
_KEEP = {Qt.Key.Key_Space: (QAbstractButton, *_TEXT), Qt.Key.Key_Right: _TEXT}


class KeyRouter(QObject):
    """An application event filter giving focused controls the keys they need."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Claim Space or → for the focused control when it uses the key (see module)."""
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        focus = QApplication.focusWidget()
        key = Qt.Key(event.key())
        if focus is None or watched is not focus or key not in _KEEP:
            return False
        if key == Qt.Key.Key_Right and isinstance(focus, QSlider):
            event.ignore()  # the step shortcut takes it
            return True
        if isinstance(focus, _KEEP[key]):
            event.accept()  # the control gets the key press, the shortcut does not fire
            return True
        return False

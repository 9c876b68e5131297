"""The row of view buttons over the grid: one view at full size, or all of them.

On a small screen (or in projector mode) the window shows one view at a time beside the
palette and the others are one click or one key away (Ctrl+1 … Ctrl+4); on a large screen
it shows all four and a button brings one to full size and back (Ctrl+0 shows all again).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

from gui.window.view_registry import ViewSpec

ALL = ""  # the name `chosen` carries for "all views"


class ViewBar(QWidget):
    """Checkable buttons, one per grid view plus "All views". Emits `chosen(name)`."""

    chosen = Signal(str)

    def __init__(self, specs: Sequence[ViewSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._specs = tuple(specs)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        self.actions_by_name: dict[str, QAction] = {}
        box = QHBoxLayout(self)
        box.setContentsMargins(2, 0, 2, 0)
        box.setSpacing(4)
        for index, name in enumerate((ALL, *(s.name for s in self._specs))):
            button = QToolButton()
            button.setCheckable(True)
            button.setAutoRaise(False)
            self._group.addButton(button)
            button.clicked.connect(lambda _=False, n=name: self.chosen.emit(n))
            box.addWidget(button)
            self.buttons[name] = button
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index}"))
            action.triggered.connect(lambda _=False, n=name: self._on_action(n))
            self.actions_by_name[name] = action
        box.addStretch(1)
        self.buttons[ALL].setChecked(True)
        self.retranslate()

    def _on_action(self, name: str) -> None:
        if self.buttons[name].isEnabled():
            self.chosen.emit(name)

    def show_choice(self, name: str, *, compact: bool) -> None:
        """Check the button of `name`; in a compact window "All views" is not offered."""
        self.buttons[ALL].setEnabled(not compact)
        self.buttons[ALL].setVisible(not compact)
        self.buttons[name].setChecked(True)

    def retranslate(self) -> None:
        """Label the buttons in the current language, with their shortcut as a tooltip."""
        self.buttons[ALL].setText(self.tr("All views"))
        for spec in self._specs:
            self.buttons[spec.name].setText(spec.short_text())
        for name, button in self.buttons.items():
            keys = (
                self.actions_by_name[name]
                .shortcut()
                .toString(QKeySequence.SequenceFormat.NativeText)
            )
            button.setToolTip(keys)
            button.setAccessibleName(button.text())

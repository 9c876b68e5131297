"""The row of view buttons over the grid: one view at full size, or all of them.

On a small screen (or in projector mode) the window shows one view at a time beside the
palette and the others are one click or one key away (Ctrl+1 … Ctrl+4); on a large screen
it shows all four and a button brings one to full size and back (Ctrl+0 shows all again).
A compact window also offers the views that are tabs in a large one (Benchmarks); a button
whose view has something new the class has not seen (a result) is marked until it is shown.
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
        self._fresh: set[str] = set()  # buttons marked "new"
        self._compact_only = {s.name for s in self._specs if s.place == "tab"}
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
        for other in self._compact_only:  # a tab under the views in a large window
            self.buttons[other].setEnabled(compact)
            self.buttons[other].setVisible(compact)
        self.buttons[name].setChecked(True)

    def mark_new(self, name: str, on: bool) -> None:
        """Mark `name`'s button as having something new to see (or clear the mark)."""
        if (name in self._fresh) != on:
            self._fresh.symmetric_difference_update({name})
            self.retranslate()

    def is_new(self, name: str) -> bool:
        """Return whether `name`'s button is marked as having something new."""
        return name in self._fresh

    def retranslate(self) -> None:
        """Label the buttons in the current language, with their shortcut as a tooltip."""
        self.buttons[ALL].setText(self.tr("All views"))
        new = self.tr("new result")
        for spec in self._specs:
            fresh = spec.name in self._fresh
            button = self.buttons[spec.name]
            button.setText(spec.short_text() + (" ●" if fresh else ""))
            font = button.font()
            font.setBold(fresh)
            button.setFont(font)
            button.setAccessibleName(spec.short_text() + (f" ({new})" if fresh else ""))
        self.buttons[ALL].setAccessibleName(self.buttons[ALL].text())
        for name, button in self.buttons.items():
            keys = (
                self.actions_by_name[name]
                .shortcut()
                .toString(QKeySequence.SequenceFormat.NativeText)
            )
            tip = button.accessibleName() if name in self._fresh else ""
            button.setToolTip(f"{tip} — {keys}" if tip else keys)

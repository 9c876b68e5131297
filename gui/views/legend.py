"""A legend of colour swatches with names, shared by the views so colours match everywhere."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.flow_layout import FlowLayout


def swatch(
    fill: QColor,
    size: int,
    pattern: Qt.BrushStyle = Qt.BrushStyle.SolidPattern,
    outline: QColor | None = None,
) -> QPixmap:
    """Return a square pixmap filled with `fill` (and a pattern), outlined for white swatches."""
    pm = QPixmap(QSize(size, size))
    pm.fill(Qt.GlobalColor.white)
    p = QPainter(pm)
    p.setBrush(QBrush(fill, pattern))
    p.setPen(QPen(outline or QColor(theme.DARK_GREY), max(1, size // 10)))
    p.drawRect(0, 0, size - 1, size - 1)
    p.end()
    return pm


class Legend(QWidget):
    """Swatches and translated names, in rows that wrap (never elided) or in a column.

    `entries` holds (id, colour, pattern); `namer` turns an id into a translated name, and is
    called again on `retranslate()`.
    """

    def __init__(
        self,
        entries: Sequence[tuple[str, QColor, Qt.BrushStyle]],
        namer: Callable[[str], str],
        *,
        vertical: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._entries = list(entries)
        self._namer = namer
        self._projector = False
        self._vertical = vertical
        self._icons: list[QLabel] = []
        self._texts: list[QLabel] = []
        self._cells: list[QWidget] = []
        for _ in self._entries:
            cell = QWidget()
            row = QHBoxLayout(cell)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            icon, text = QLabel(), QLabel()
            row.addWidget(icon)
            row.addWidget(text)
            row.addStretch(0)
            self._cells.append(cell)
            self._icons.append(icon)
            self._texts.append(text)
        self._lay_out(vertical)
        self.retranslate()
        self.set_projector(False)

    def _lay_out(self, vertical: bool) -> None:
        """Arrange the cells in a column, or in rows that wrap."""
        self._vertical = vertical
        old = self.layout()
        if old is not None:
            for cell in self._cells:
                old.removeWidget(cell)
            QWidget().setLayout(old)  # a layout leaves its widget only with a new owner
        box: QLayout = QVBoxLayout(self) if vertical else FlowLayout(self, spacing=10)
        box.setContentsMargins(4, 2, 4, 2)
        if vertical:
            box.setSpacing(2)
        for cell in self._cells:
            box.addWidget(cell)
        if isinstance(box, QVBoxLayout):
            box.addStretch(1)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(not vertical)
        self.setSizePolicy(policy)

    def set_vertical(self, on: bool) -> None:
        """Show the entries in a column (beside a plot) or in wrapping rows (under it)."""
        if on != self._vertical:
            self._lay_out(on)

    @property
    def vertical(self) -> bool:
        """Return whether the entries stand in a column."""
        return self._vertical

    def column_width(self) -> int:
        """Return the width the shown entries take in a column, margins included."""
        shown = [c.sizeHint().width() for c in self._cells if not c.isHidden()]
        return max(shown, default=0) + 8

    def labels(self) -> list[QLabel]:
        """Return the name labels, in order (tests check none is cut)."""
        return list(self._texts)

    def texts(self) -> list[str]:
        """Return the names shown, in order (for tests and screenshots)."""
        return [t.text() for t in self._texts]

    def retranslate(self) -> None:
        """Set every name again in the current language."""
        for (key, _, _), label in zip(self._entries, self._texts, strict=True):
            label.setText(self._namer(key))

    def set_projector(self, on: bool) -> None:
        """Enlarge swatches and text for projector mode."""
        self._projector = on
        size = 22 if on else 12
        f = theme.font(on, small=True)
        for (_, col, pattern), icon, text in zip(
            self._entries, self._icons, self._texts, strict=True
        ):
            icon.setPixmap(swatch(col, size, pattern))
            text.setFont(f)

    def set_visible_keys(self, keys: set[str]) -> None:
        """Show only the entries whose id is in `keys` (e.g. phases present)."""
        if keys == getattr(self, "_shown_keys", None):
            return  # setVisible relayouts the parent: not once per frame
        self._shown_keys = set(keys)
        for (key, _, _), cell in zip(self._entries, self._cells, strict=True):
            cell.setVisible(key in keys)

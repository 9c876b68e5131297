"""A legend of colour swatches with names, shared by the views so colours match everywhere."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui import theme


def swatch(fill: QColor, size: int, pattern: Qt.BrushStyle = Qt.BrushStyle.SolidPattern,
           outline: QColor | None = None) -> QPixmap:
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
    """Swatches and translated names, laid out in a row or a column.

    `entries` holds (id, colour, pattern); `namer` turns an id into a translated name, and is
    called again on `retranslate()`.
    """

    def __init__(self, entries: Sequence[tuple[str, QColor, Qt.BrushStyle]],
                 namer: Callable[[str], str], *, vertical: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries = list(entries)
        self._namer = namer
        self._projector = False
        box: QBoxLayout = QVBoxLayout(self) if vertical else QHBoxLayout(self)
        box.setContentsMargins(4, 2, 4, 2)
        box.setSpacing(10 if not vertical else 2)
        self._icons: list[QLabel] = []
        self._texts: list[QLabel] = []
        for _ in self._entries:
            row = QHBoxLayout()
            row.setSpacing(4)
            icon, text = QLabel(), QLabel()
            row.addWidget(icon)
            row.addWidget(text)
            row.addStretch(0)
            box.addLayout(row)
            self._icons.append(icon)
            self._texts.append(text)
        box.addStretch(1)
        self.retranslate()
        self.set_projector(False)

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
        for (_, col, pattern), icon, text in zip(self._entries, self._icons, self._texts,
                                                 strict=True):
            icon.setPixmap(swatch(col, size, pattern))
            text.setFont(f)

    def set_visible_keys(self, keys: set[str]) -> None:
        """Show only the entries whose id is in `keys` (e.g. phases present)."""
        if keys == getattr(self, "_shown_keys", None):
            return  # setVisible relayouts the parent: not once per frame
        self._shown_keys = set(keys)
        for (key, _, _), icon, text in zip(self._entries, self._icons, self._texts, strict=True):
            icon.setVisible(key in keys)
            text.setVisible(key in keys)

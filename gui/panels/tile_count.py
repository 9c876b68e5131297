"""A palette tile's count, painted by the tile into room that only widens.

While guests arrive every count changes every frame. A label with new text lays its tile out
again, then the palette's column, then repaints all of it; a label of fixed size would spare
the layout but hold the tile at one height when its name wraps. So the tile keeps a spacer as
wide as the widest count it has shown and paints the count there itself: a new count repaints
that strip alone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QSpacerItem, QWidget

from gui import units

_PAD = 4  # px between the name and the count


class TileCount:
    """The count of one tile: its text, the spacer that holds its room, and its painting."""

    def __init__(self, tile: QWidget) -> None:
        self._tile = tile
        self.n = 0
        self.item = QSpacerItem(0, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        self.refit()

    @property
    def text(self) -> str:
        """Return the count as shown ("×0", or "×12" in bold)."""
        return f"×{units.count(self.n)}" if self.n else "×0"

    def set(self, n: int) -> None:
        """Show `n`; widen the room (one layout pass) only when the new text needs more."""
        if n == self.n:
            return
        self.n = n
        self._tile.setAccessibleDescription(self.text)  # a screen reader reads the count too
        if self._width() > self.item.sizeHint().width():
            self.refit()
        else:
            self._tile.update(self.item.geometry())

    def refit(self) -> None:
        """Take the room the text shown needs now (a new font, a shorter count)."""
        self.item.changeSize(self._width(), 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        layout = self._tile.layout()
        if layout is not None:
            layout.invalidate()
        self._tile.update()

    def paint(self, painter: QPainter) -> None:
        """Draw the count right-aligned in its room, bold when guests are there."""
        painter.setFont(self._font())
        painter.setPen(self._tile.palette().buttonText().color())
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.item.geometry(), int(align), self.text)

    def _font(self) -> QFont:
        font = QFont(self._tile.font())
        font.setBold(bool(self.n))
        return font

    def _width(self) -> int:
        return QFontMetrics(self._font()).horizontalAdvance(self.text) + _PAD

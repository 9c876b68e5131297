"""The timeline's plot widgets: rows scrolled by the wheel, and the region being painted."""

from __future__ import annotations

import math

import pyqtgraph as pg  # type: ignore[import-untyped]  # no stubs
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPaintEvent, QPen, QRegion
from PySide6.QtWidgets import QGraphicsSceneWheelEvent


def hairline(colour: str, width: float = 1.0) -> QPen:
    """Return a pen `width` pixels wide whatever the zoom."""
    # Cosmetic: width in pixels, not in data units (a 1-unit pen would be a whole row thick).
    pen = QPen(QColor(colour))
    pen.setWidthF(width)
    pen.setCosmetic(True)
    return pen


class RowsViewBox(pg.ViewBox):  # type: ignore[misc]  # pyqtgraph ships no type hints
    """A view box whose wheel scrolls rows instead of zooming."""

    sigWheel = Signal(int)

    def wheelEvent(  # noqa: N802 (pyqtgraph override)
        self, ev: QGraphicsSceneWheelEvent, axis: int | None = None
    ) -> None:
        self.sigWheel.emit(-int(math.copysign(3, ev.delta())) if ev.delta() else 0)
        ev.accept()


class PlotWidget(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph ships no type hints
    """A plot widget that tells its items which region of it is being painted."""

    painting_region: QRegion | None = None
    painting_parts: dict[tuple[float, ...], object]  # the region in item units, per transform

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """Paint, with the region to paint readable by the bars (see BarsItem.paint)."""
        self.painting_region = event.region()
        self.painting_parts = {}
        try:
            super().paintEvent(event)
        finally:
            self.painting_region = None
            self.painting_parts = {}

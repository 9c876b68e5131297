"""What of the layer diagram's canvas to paint again, and where each block stands on it.

A frame while guests start changes a few blocks (a count, a pulse step): only the pixels those
blocks painted, and paint now, are painted again. A block's place (its rectangle and the pixels
its pens and text may touch) depends on its look (`layer_diagram_paint.look`) and the canvas
geometry alone, so it is measured once per look while the canvas keeps its size.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QRegion

from gui.views.layer_diagram_layout import Block
from gui.views.layer_diagram_paint import Look

Place = tuple[QRectF, QRect]  # where a block is painted, and the pixels it may touch
Shown = tuple[Look, int]  # a block's look and the step of its pulse (-1: none)
_MAX_PLACES = 512  # looks seen while guests came and went


class Damage:
    """Blocks as last asked to be painted, and the places of blocks by look."""

    def __init__(self, measure: Callable[[Block], Place]) -> None:
        self._measure = measure
        self._shown: dict[Shown, Block] | None = None  # None: unknown, paint all
        self._shown_in: tuple[object, ...] = ()
        self._places: dict[Look, Place] = {}
        self._placed_in: tuple[object, ...] = ()

    def forget_places(self) -> None:
        """Measure blocks again (a text's line height, which extents allow for, changed)."""
        self._places.clear()

    def places(self, blocks: list[tuple[Look, Block]], context: tuple[object, ...]) -> list[Place]:
        """Return the place of each (look, block); `context` places blocks besides their own."""
        if context != self._placed_in:
            self._placed_in = context
            self._places.clear()
        out = []
        for look, b in blocks:
            place = self._places.get(look)
            if place is None:
                if len(self._places) > _MAX_PLACES:
                    self._places.clear()
                place = self._places[look] = self._measure(b)
            out.append(place)
        return out

    def changed(
        self, shown: dict[Shown, Block] | None, context: tuple[object, ...], whole: bool
    ) -> QRegion | None:
        """Return where blocks shown so differ from the last ones, then or now (None: all)."""
        before, self._shown = self._shown, shown
        moved, self._shown_in = context != self._shown_in, context
        if whole or shown is None or before is None or moved:
            return None  # a new size or row count moves every block
        changed = [(k[0], shown.get(k) or before[k]) for k in before.keys() ^ shown.keys()]
        region = QRegion()
        for _rect, reach in self.places(changed, context):
            region += reach
        return region

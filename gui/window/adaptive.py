"""How many views the window shows at once, from its size and the text size.

A window whose room, measured in lines of text, is below `COMPACT_BELOW` shows one view at a
time beside the palette (the view bar switches, Ctrl+1 … Ctrl+4); a larger one shows all four
views and can bring one to full size and back. Projector mode counts as a smaller window:
its text is larger, so fewer lines fit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from gui.window.view_bar import ALL, ViewBar
from gui.window.view_registry import VIEWS

if TYPE_CHECKING:
    from gui.window.layout import WindowGrid

# Room for all four views, in average character widths × text lines of the app font: a
# 1920×1080 window at the normal font has about 270 × 64; 1366×768 about 190 × 45.
COMPACT_BELOW = QSize(230, 56)


def is_compact(size: QSize) -> bool:
    """Return whether a window of `size` shows one view at a time at the app's font."""
    fm = QFontMetrics(QApplication.font())
    columns = size.width() / max(1, fm.averageCharWidth())
    lines = size.height() / max(1, fm.lineSpacing())
    return columns < COMPACT_BELOW.width() or lines < COMPACT_BELOW.height()


class AdaptiveViews(QObject):
    """Decides which of the grid's views are shown; owns the view bar over them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._grid: WindowGrid | None = None
        self._place = {s.name: s.place for s in VIEWS if s.place != "tab"}
        self.bar = ViewBar([s for s in VIEWS if s.place != "tab"])
        self.bar.chosen.connect(self.choose)
        self.compact = False
        self.chosen = ALL  # the view the teacher picked ("" = all)
        self._last_single = next(iter(self._place))  # shown alone when compact

    @property
    def names(self) -> tuple[str, ...]:
        """Return the names of the views in the grid."""
        return tuple(self._place)

    def attach(self, grid: WindowGrid) -> None:
        """Act on `grid` (built with the bar above its views)."""
        self._grid = grid

    @property
    def shown(self) -> str:
        """Return the view shown alone, or "" when all are shown."""
        if self.compact and self.chosen == ALL:
            return self._last_single
        return self.chosen

    def choose(self, name: str) -> None:
        """Show `name` alone ("" = all views; a compact window keeps its one view)."""
        if name != ALL:
            self._last_single = name
        elif self.compact:
            return
        self.chosen = name
        self._apply()

    def fit(self, size: QSize) -> None:
        """Switch between one view and all views for a window of `size`."""
        compact = is_compact(size)
        if compact != self.compact:
            self.compact = compact
            self.chosen = ALL if not compact else self._last_single
            self._apply()

    def _apply(self) -> None:
        shown = self.shown
        if self._grid is None:
            return
        self._grid.show_only(
            self._place[shown] if shown else None, keep_panels=self.compact or not shown
        )
        self.bar.show_choice(shown, compact=self.compact)

"""How many views the window shows at once, from its size and the text size.

A window whose room, measured in lines of text, is below `COMPACT_BELOW` shows one view at a
time beside the palette (the view bar switches, Ctrl+1 … Ctrl+4); a larger one shows all four
views and can bring one to full size and back. Projector mode counts as a smaller window:
its text is larger, so fewer lines fit. A compact window also takes the tabs that have an
`alone` place (Benchmarks) out of the tabs under the views and makes them views of the bar:
a chart in a tab would share the window's height with the view over it.
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
    from gui.window.tabs import TabArea

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
        self._tabs: TabArea | None = None
        self._place = {s.name: s.place for s in VIEWS if s.place != "tab"}
        self._alone = {s.name: s.alone for s in VIEWS if s.alone}  # views of a compact window
        self.bar = ViewBar([s for s in VIEWS if s.place != "tab" or s.alone])
        self.bar.chosen.connect(self.choose)
        self.compact = False
        self.chosen = ALL  # the view the teacher picked ("" = all)
        self._last_single = next(iter(self._place))  # shown alone when compact

    @property
    def names(self) -> tuple[str, ...]:
        """Return the names of the views in the grid now (a compact window has more)."""
        return (*self._place, *(self._alone if self.compact else ()))

    def attach(self, grid: WindowGrid, tabs: TabArea) -> None:
        """Act on `grid` (built with the bar above its views) and the `tabs` under it."""
        self._grid, self._tabs = grid, tabs

    def note_new(self, name: str) -> None:
        """Mark `name`'s button as having something new, unless the view is in front."""
        self.bar.mark_new(name, self.shown != name)

    @property
    def shown(self) -> str:
        """Return the view shown alone, or "" when all are shown."""
        if self.compact and self.chosen == ALL:
            return self._last_single
        return self.chosen

    def choose(self, name: str) -> None:
        """Show `name` alone ("" = all views; a compact window keeps its one view)."""
        if name != ALL:
            if name not in self.names:
                return  # a compact window's view, asked for in a large one (it is a tab there)
            self._last_single = name
            self.bar.mark_new(name, False)  # seen now
        elif self.compact:
            return
        self.chosen = name
        self._apply()

    def fit(self, size: QSize) -> None:
        """Switch between one view and all views for a window of `size`."""
        compact = is_compact(size)
        if compact != self.compact:
            self.compact = compact
            if compact:
                self._lend_tabs()
            elif self._last_single in self._alone:  # back to a tab: show the grid's first view
                self._last_single = next(iter(self._place))
            self.chosen = ALL if not compact else self._last_single
            self._apply()
            if not compact and self._tabs is not None:
                for name in self._alone:
                    self._tabs.take_back(name)

    def _lend_tabs(self) -> None:
        """Take the tabs that a compact window shows as views out of the tabs, into the grid."""
        if self._grid is None or self._tabs is None:
            return
        for name, place in self._alone.items():
            self._grid.hold(place, self._tabs.lend(name))

    def _apply(self) -> None:
        shown = self.shown
        if self._grid is None:
            return
        place = self._place.get(shown) or self._alone.get(shown) if shown else None
        self._grid.show_only(place, keep_panels=self.compact or not shown)
        self.bar.show_choice(shown, compact=self.compact)

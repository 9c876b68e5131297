"""The tabs under the views, addressed by name ("log", "lesson", "moves"...), never by index."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from gui.text.labels import tab_short_label


class TabArea(QTabWidget):
    """A tab widget whose pages have names; each page's label comes from a text function.

    When the bar is too narrow for every full title, the tabs that have a short title
    (`labels.tab_short_label`) take it, those saving most first, until all fit whole: a
    scrolling bar hides tabs a class never finds. The full title stays as tooltip and
    accessible name.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: dict[str, QWidget] = {}
        self._labels: dict[str, Callable[[], str]] = {}
        self._short: set[str] = set()  # pages showing their short title now
        self._lent: dict[str, QWidget] = {}  # pages shown elsewhere now, by name

    def add_page(self, name: str, widget: QWidget, label: Callable[[], str]) -> None:
        """Add a page called `name` at the end, labelled `label()` in the current language."""
        if name in self._pages:
            raise ValueError(f"a tab called {name!r} exists already")
        self._pages[name] = widget
        self._labels[name] = label
        self.addTab(widget, label())
        self.fit_titles()

    def names(self) -> tuple[str, ...]:
        """Return the pages' names, in tab order."""
        return tuple(self._pages)

    def page(self, name: str) -> QWidget:
        """Return the page called `name` (wherever it is shown)."""
        return self._lent.get(name) or self._pages[name]

    def replace_page(self, name: str, widget: QWidget) -> None:
        """Put `widget` in the place of the page called `name` (a placeholder gives way)."""
        if name in self._lent:  # shown elsewhere: the new page comes back in its place
            self._lent[name] = widget
            return
        self._swap(name, widget).deleteLater()

    def _swap(self, name: str, widget: QWidget) -> QWidget:
        """Put `widget` in the place of the page called `name`; return the page it replaced."""
        old = self._pages[name]
        index, current = self.indexOf(old), self.currentIndex()
        visible = self.isTabVisible(index)
        self.removeTab(index)
        self.insertTab(index, widget, self._labels[name]())
        self.setTabVisible(index, visible)
        self.setCurrentIndex(current)
        self._pages[name] = widget
        self.fit_titles()
        return old

    def lend(self, name: str) -> QWidget:
        """Take out the page called `name` to be shown elsewhere; its tab hides meanwhile."""
        if name not in self._lent:
            self._lent[name] = self._swap(name, QWidget())
            self.set_page_visible(name, False)
        return self._lent[name]

    def take_back(self, name: str) -> None:
        """Put a page lent by `lend` back in its tab and show the tab."""
        if name in self._lent:
            self._swap(name, self._lent.pop(name)).deleteLater()
            self.set_page_visible(name, True)

    def lent(self, name: str) -> bool:
        """Return whether the page called `name` is shown elsewhere now."""
        return name in self._lent

    def show_page(self, name: str) -> None:
        """Bring the page called `name` to the front (a lent page is in front elsewhere)."""
        if name not in self._lent:
            self.setCurrentWidget(self._pages[name])

    def current_name(self) -> str:
        """Return the name of the page in front ("" when none)."""
        current = self.currentWidget()
        return next((n for n, w in self._pages.items() if w is current), "")

    def set_page_visible(self, name: str, visible: bool) -> None:
        """Show or hide the tab of the page called `name`."""
        self.setTabVisible(self.indexOf(self._pages[name]), visible)
        self.fit_titles()

    def is_page_visible(self, name: str) -> bool:
        """Return whether the tab of the page called `name` is shown."""
        return self.isTabVisible(self.indexOf(self._pages[name]))

    def retranslate(self) -> None:
        """Label every tab in the current language."""
        self.fit_titles()

    def is_short(self, name: str) -> bool:
        """Return whether the tab of the page called `name` shows its short title."""
        return name in self._short

    def fit_titles(self) -> None:
        """Give each tab its full title, or its short one where the bar lacks the room."""
        bar = self.tabBar()
        fm = QFontMetrics(bar.font())
        shown = [n for n in self._pages if self.is_page_visible(n)]
        shown_i = [self.indexOf(self._pages[n]) for n in shown]
        full = {n: self._labels[n]() for n in self._pages}
        short = {n: tab_short_label(n) for n in self._pages}
        width = {n: fm.horizontalAdvance(full[n]) for n in shown}
        # Measure the tabs' own padding, whatever the style and the title they show now.
        pads = [bar.tabSizeHint(i).width() - fm.horizontalAdvance(bar.tabText(i)) for i in shown_i]
        pad = max(pads, default=0)
        room = self.width() - 4  # the bar itself is only as wide as its tabs
        need = sum(width[n] + pad for n in shown)
        savings = sorted(
            ((width[n] - fm.horizontalAdvance(short[n]), n) for n in shown if short[n]),
            reverse=True,
        )
        self._short = set()
        for saved, name in savings:
            if need <= room or saved <= 0:
                break
            self._short.add(name)
            need -= saved
        for name, widget in self._pages.items():
            index = self.indexOf(widget)
            self.setTabText(index, short[name] if name in self._short else full[name])
            self.setTabToolTip(index, full[name])
            bar.setAccessibleTabName(index, full[name])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Choose the tabs' titles for the new width."""
        super().resizeEvent(event)
        self.fit_titles()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Choose the tabs' titles again when the font changes (projector mode)."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_titles()

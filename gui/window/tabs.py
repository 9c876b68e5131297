"""The tabs under the views, addressed by name ("log", "lesson", "moves"...), never by index."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget


class TabArea(QTabWidget):
    """A tab widget whose pages have names; each page's label comes from a text function."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: dict[str, QWidget] = {}
        self._labels: dict[str, Callable[[], str]] = {}

    def add_page(self, name: str, widget: QWidget, label: Callable[[], str]) -> None:
        """Add a page called `name` at the end, labelled `label()` in the current language."""
        if name in self._pages:
            raise ValueError(f"a tab called {name!r} exists already")
        self._pages[name] = widget
        self._labels[name] = label
        self.addTab(widget, label())

    def names(self) -> tuple[str, ...]:
        """Return the pages' names, in tab order."""
        return tuple(self._pages)

    def page(self, name: str) -> QWidget:
        """Return the page called `name`."""
        return self._pages[name]

    def replace_page(self, name: str, widget: QWidget) -> None:
        """Put `widget` in the place of the page called `name` (a placeholder gives way)."""
        old = self._pages[name]
        index, current = self.indexOf(old), self.currentIndex()
        visible = self.isTabVisible(index)
        self.removeTab(index)
        self.insertTab(index, widget, self._labels[name]())
        self.setTabVisible(index, visible)
        self.setCurrentIndex(current)
        self._pages[name] = widget
        old.deleteLater()

    def show_page(self, name: str) -> None:
        """Bring the page called `name` to the front."""
        self.setCurrentWidget(self._pages[name])

    def current_name(self) -> str:
        """Return the name of the page in front ("" when none)."""
        current = self.currentWidget()
        return next((n for n, w in self._pages.items() if w is current), "")

    def set_page_visible(self, name: str, visible: bool) -> None:
        """Show or hide the tab of the page called `name`."""
        self.setTabVisible(self.indexOf(self._pages[name]), visible)

    def is_page_visible(self, name: str) -> bool:
        """Return whether the tab of the page called `name` is shown."""
        return self.isTabVisible(self.indexOf(self._pages[name]))

    def retranslate(self) -> None:
        """Label every tab in the current language."""
        for name, widget in self._pages.items():
            self.setTabText(self.indexOf(widget), self._labels[name]())

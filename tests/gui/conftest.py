"""Fixtures shared by the GUI tests: a real main window driving a real session."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from gui import i18n
from gui.controller import SimController
from gui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """Yield the main window on the bundled default scenario, shown and paused.

    Afterwards the timer is stopped and English is back, whatever the test switched to.
    """
    controller = SimController()
    window = MainWindow(controller)
    qtbot.addWidget(window)
    controller.open_default()
    window.show()
    yield window
    controller.pause()
    i18n.install_language("en", remember=False)


class LayoutRequests(QObject):
    """Counts the layout requests a widget receives (a layout pass of it and its children)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


@pytest.fixture
def layout_requests() -> Iterator[Callable[[QObject], LayoutRequests]]:
    """Yield a function that starts counting a widget's layout requests."""
    counters: list[tuple[QObject, LayoutRequests]] = []

    def watch(widget: QObject) -> LayoutRequests:
        counter = LayoutRequests()
        widget.installEventFilter(counter)
        counters.append((widget, counter))
        return counter

    yield watch
    for widget, counter in counters:
        widget.removeEventFilter(counter)

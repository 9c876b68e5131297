"""Fixtures shared by the GUI tests: a real main window driving a real session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
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

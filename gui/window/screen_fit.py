"""The window's size on the screen it opens on: never larger than that screen's free area."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1280, 800)  # a first window on a large screen; smaller screens get all of theirs


def available(widget: QWidget) -> QRect:
    """Return the free area of the screen `widget` is on (the primary one before it is shown)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)


def fitting_size(widget: QWidget) -> QSize:
    """Return the preferred size shrunk to the free area of the screen `widget` is on."""
    return PREFERRED.boundedTo(available(widget).size())


def clamp_to_screen(widget: QWidget) -> None:
    """Move and shrink `widget` (e.g. after restoreGeometry) so it lies inside its screen."""
    area = available(widget)
    frame = widget.frameGeometry()
    extra = frame.size() - widget.size()  # the window manager's title bar and borders
    size = widget.size().boundedTo(area.size() - extra)
    if size != widget.size():
        widget.resize(size)
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.y()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)

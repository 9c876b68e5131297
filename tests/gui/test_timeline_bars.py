"""Timeline bars painted as pixel runs look exactly like the bars painted one by one; caches
made for speed never show an older picture than a fresh view would."""

from __future__ import annotations

import numpy as np
import pytest
import snapshots as S
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QTransform
from PySide6.QtWidgets import QApplication, QStyleOptionGraphicsItem

from gui.views import TimelineView, timeline_bars, timeline_runs
from gui.views.timeline_bars import BarsItem
from gui.views.timeline_rows import BAR_HEIGHT


def _image() -> QImage:
    image = QImage(400, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    return image


def _bytes(image: QImage) -> bytes:
    return bytes(image.constBits())


@pytest.mark.parametrize("grid", [True, False])
@pytest.mark.parametrize("scale", [0.37, 3.0, 41.5])
def test_pixel_runs_fill_the_same_pixels_as_each_bar(
    qtbot,  # noqa: ANN001
    monkeypatch: pytest.MonkeyPatch,
    scale: float,
    grid: bool,
) -> None:
    if not grid:  # as with too many rows for one grid: sorted instead
        monkeypatch.setattr(timeline_runs, "_GRID_CELLS", 0)
    n = 3 * 400  # more bars than CROWD_PER_PX per pixel of the 400-px image: painted as runs
    assert n > timeline_bars.CROWD_PER_PX * 400
    rng = np.random.default_rng(3)
    x0 = rng.uniform(-5.0, 120.0, n)
    x1 = x0 + rng.exponential(0.4, n)  # many bars far thinner than a pixel, some overlapping
    row = rng.integers(0, 4, n).astype(float)
    transform = QTransform(scale, 0, 0, 22.0, 7.3, 15.0)  # x: scale px per second, y: 22 px/row
    item = BarsItem()
    item.setBrush(QBrush(QColor("#0072B2")))
    item.set_bars(x0, x1, row)
    runs, each = _image(), _image()
    painter = QPainter(runs)
    painter.setTransform(transform)
    item.paint(painter, QStyleOptionGraphicsItem())
    painter.end()
    painter = QPainter(each)
    painter.setTransform(transform)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor("#0072B2")))
    half = BAR_HEIGHT / 2
    for a, b, r in zip(x0, x1, row, strict=True):
        painter.drawRect(QRectF(a, r - half, b - a, 2 * half))
    painter.end()
    assert _bytes(runs) != _bytes(_image())  # something was drawn
    assert _bytes(runs) == _bytes(each)


def test_outlined_bars_keep_their_outline_and_path(qtbot) -> None:  # noqa: ANN001
    item = BarsItem()
    pen = QPen(QColor("white"))
    pen.setCosmetic(True)
    item.setPen(pen)
    item.set_bars(np.array([0.0, 2.0]), np.array([1.0, 3.0]), np.array([0.0, 1.0]))
    assert item.path().elementCount() == 10  # two closed rectangles
    assert item.boundingRect().contains(QRectF(0.0, -BAR_HEIGHT / 2, 3.0, 1.0 + BAR_HEIGHT))
    item.set_bars(np.zeros(0), np.zeros(0), np.zeros(0))
    assert item.boundingRect().isEmpty()


def _view(qtbot, size: tuple[int, int] = (900, 500)) -> TimelineView:  # noqa: ANN001
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    return view


def _same_picture(a: TimelineView, b: TimelineView) -> bool:
    QApplication.processEvents()  # layouts the last snapshot asked for (legend, label column)
    return a.plot_widget.grab().toImage() == b.plot_widget.grab().toImage()


def test_a_view_that_played_on_then_rewound_shows_what_a_fresh_view_shows(qtbot) -> None:  # noqa: ANN001
    played = _view(qtbot)
    for now in (20.0, 40.0, 60.0, 90.0):  # a crowd arriving, frame after frame
        played.update_snapshot(S.crowd(600, now))
        played.plot_widget.grab()
    rewound = S.crowd(600, 30.0)  # the time slider goes back: fewer guests, shorter bars
    played.update_snapshot(rewound)
    fresh = _view(qtbot)
    fresh.update_snapshot(rewound)
    assert played.rows == fresh.rows
    assert _same_picture(played, fresh)


@pytest.mark.parametrize("change", ["resize", "projector", "ungroup", "log", "language"])
def test_after_a_change_the_view_shows_what_a_view_never_painted_before_shows(
    qtbot,  # noqa: ANN001
    change: str,
) -> None:
    snap = S.crowd(400, 45.0)
    view, fresh = _view(qtbot), _view(qtbot)
    for v in (view, fresh):
        v.update_snapshot(snap)
    view.plot_widget.grab()  # only this one has painted runs cached now
    for v in (view, fresh):
        if change == "resize":
            v.resize(700, 380)
        elif change == "projector":
            v.set_projector(True)
        elif change == "ungroup":
            v.set_grouped(False)
        elif change == "log":
            v.set_log_mode(True)
        else:
            QApplication.sendEvent(v, QEvent(QEvent.Type.LanguageChange))
    assert _same_picture(view, fresh)

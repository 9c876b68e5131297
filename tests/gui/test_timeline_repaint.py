"""A timeline that repaints only what changed, frame after frame, shows on screen exactly
what a timeline painted once at the same moment shows."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPen, QTransform
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QWidget

from gui.views import TimelineView, timeline
from gui.views.timeline_bars import BarsItem
from gui.views.timeline_rows import merge_overlaps
from sim.scenario import GuestSpec, HostSpec, Scenario
from sim.session import Session


def _crowd(n: int) -> Session:
    """Containers and VMs requested one after another, so phases start and end every frame."""
    guests = (
        GuestSpec("alpine", n, at_s=0.0, stagger_s=30.0 / n),
        GuestSpec("nginx", n // 2, at_s=0.05, stagger_s=60.0 / n),
        GuestSpec("alpine-vm", 12, at_s=0.1, stagger_s=2.5),
    )
    return Session.bundled(Scenario(host=HostSpec("big-server", {}), guests=guests, seed=3))


def _view(qtbot, grouped: bool, log: bool) -> TimelineView:  # noqa: ANN001
    view = TimelineView()
    qtbot.addWidget(view)
    view.set_grouped(grouped)
    view.set_log_mode(log)
    view.resize(900, 420)
    view.show()
    qtbot.waitExposed(view)
    return view


def _on_screen(view: QWidget) -> QImage:
    """Return the pixels the window shows now (its backing store), without painting again."""
    for _ in range(3):
        QApplication.processEvents()
    return QApplication.primaryScreen().grabWindow(view.winId()).toImage()


@pytest.mark.parametrize(("grouped", "log"), [(True, False), (False, False), (True, True)])
def test_frames_painted_in_part_add_up_to_a_whole_painting(
    qtbot,  # noqa: ANN001
    grouped: bool,
    log: bool,
) -> None:
    # In log time every running bar grows where it is, not only beside the clock's line.
    session = _crowd(300)
    session.advance(20.0)
    played = _view(qtbot, grouped, log)
    played.update_snapshot(session.snapshot())
    _on_screen(played)
    for _ in range(30):  # a second: arrivals, phases ending, running bars growing
        session.advance(1 / 30)
        played.update_snapshot(session.snapshot())
        _on_screen(played)
    qtbot.wait(timeline.LABEL_FLUSH_MS + 100)  # row counts held back by the pace come up
    fresh = _view(qtbot, grouped, log)
    fresh.update_snapshot(session.snapshot())
    assert played.rows == fresh.rows
    assert _on_screen(played) == _on_screen(fresh)


def _scene_view(qtbot, pen: QPen) -> tuple[QGraphicsView, BarsItem]:  # noqa: ANN001
    """Return a shown view of one bars item: 40 px a second, 30 px a row."""
    view = QGraphicsView()
    scene = QGraphicsScene(view)  # owned by the view: kept as long as the view is
    view.setScene(scene)
    item = BarsItem()
    item.setBrush(QBrush(QColor("#0072B2")))
    item.setPen(pen)
    scene.addItem(item)
    item.setTransform(QTransform.fromScale(40.0, 30.0))
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setSceneRect(QRectF(-20.0, -30.0, 760.0, 260.0))
    view.resize(780, 280)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view, item


def _dashed() -> QPen:
    pen = QPen(QColor("black"))
    pen.setCosmetic(True)
    pen.setStyle(Qt.PenStyle.DashLine)
    return pen


@pytest.mark.parametrize("pen", ["none", "dashed"])
def test_bars_repaint_every_pixel_that_changed(qtbot, pen: str) -> None:  # noqa: ANN001
    """Bars that grow, end, start, merge and split anywhere, painted in part each step."""
    rng = np.random.default_rng(11)
    start = rng.uniform(0.0, 15.0, 60)
    length = rng.exponential(0.6, 60)
    row = rng.integers(0, 6, 60).astype(float)
    style = QPen(Qt.PenStyle.NoPen) if pen == "none" else _dashed()
    played, item = _scene_view(qtbot, style)
    for _ in range(25):
        length = length + rng.uniform(0.0, 0.3, 60) * (rng.random(60) < 0.5)
        shown = rng.random(60) < 0.9  # some bars go and come back: gaps open and close
        x0, x1, r, _ = merge_overlaps(
            start[shown], start[shown] + length[shown], row[shown], np.zeros(int(shown.sum()))
        )
        item.set_bars(x0, x1, r)
        _on_screen(played)
    fresh, again = _scene_view(qtbot, style)
    again.set_bars(x0, x1, r)
    assert _on_screen(played) == _on_screen(fresh)


def test_row_counts_keep_a_readable_pace_and_catch_up_when_the_clock_stops(qtbot) -> None:  # noqa: ANN001
    session = _crowd(300)
    session.advance(10.0)
    view = _view(qtbot, True, False)
    view.update_snapshot(session.snapshot())
    shown, changes = view.rows, 0
    for _ in range(int(timeline.LABEL_REFRESH_S * 30) - 1):  # a quarter second of frames
        session.advance(1 / 30)
        view.update_snapshot(session.snapshot())
        changes += view.rows != shown
        shown = view.rows
    assert changes == 0  # guests started meanwhile, but the counts waited
    fresh = TimelineView()
    qtbot.addWidget(fresh)
    fresh.update_snapshot(session.snapshot())
    assert view.rows != fresh.rows  # (so there was something to wait for)
    qtbot.waitUntil(lambda: view.rows == fresh.rows, timeout=timeline.LABEL_FLUSH_MS + 500)


def test_bars_moved_to_the_clock_show_what_bars_set_there_show(qtbot) -> None:  # noqa: ANN001
    """Running bars moved to the clock frame after frame, over and under finished ones."""
    rng = np.random.default_rng(5)
    start = np.r_[np.sort(rng.uniform(0.0, 14.0, 16)), 17.0]
    length = np.r_[rng.exponential(3.0, 16), 0.5]  # the last ends first: the bounds are set
    row = np.r_[rng.integers(0, 6, 16), 0].astype(float)

    def frame(item: BarsItem, now: float, moved: bool) -> None:
        began, ended = start <= now, (start + length <= now) | (start >= 17.0)
        running = began & ~ended
        if moved:
            item.reach(now, (1, 3))
        for layer, pick in ((0, ended & (row < 3)), (2, ended & (row >= 3))):
            item.set_bars(start[pick], start[pick] + length[pick], row[pick], layer)
        for layer, pick in ((1, running & (row >= 2)), (3, running & (row < 2))):
            item.set_bars(start[pick], np.full(int(pick.sum()), now), row[pick], layer)

    def stack() -> tuple[QGraphicsView, BarsItem]:
        view, _ = _scene_view(qtbot, QPen(Qt.PenStyle.NoPen))
        item = BarsItem(4)
        for layer, colour in enumerate(("#0072B2", "#E69F00", "#009E73", "#CC79A7")):
            item.setBrush(QBrush(QColor(colour)), layer)
        view.scene().addItem(item)
        item.setTransform(QTransform.fromScale(40.0, 30.0))
        return view, item

    played, item = stack()
    for i, now in enumerate(np.arange(1.0, 16.0, 0.4)):
        frame(item, float(now), moved=True)
        _on_screen(played)
        if i % 6 == 5:  # now and then: what a view painted once at this moment shows
            fresh, again = stack()
            frame(again, float(now), moved=False)
            assert [b.x1.tolist() for b in item.layers] == [b.x1.tolist() for b in again.layers]
            assert _on_screen(played) == _on_screen(fresh)

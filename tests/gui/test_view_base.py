"""SnapshotView: a view hidden behind another tab draws its snapshot when it is shown."""

from __future__ import annotations

import snapshots as S
from PySide6.QtWidgets import QGraphicsItem, QLabel, QTabWidget

from gui.views import DensityPanel
from gui.views.base import SnapshotView
from sim.snapshot import Snapshot


class CountingView(SnapshotView):
    """A view that counts what it draws."""

    def __init__(self) -> None:
        super().__init__()
        self.drawn: list[float] = []

    def _draw(self, snap: Snapshot, force: bool = False) -> None:
        self.drawn.append(snap.time_s)


def test_a_view_in_a_back_tab_draws_only_when_shown(qtbot) -> None:  # noqa: ANN001
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    view = CountingView()
    tabs.addTab(QLabel("front"), "front")
    tabs.addTab(view, "back")
    tabs.show()
    qtbot.waitExposed(tabs)
    for t in (1.0, 2.0, 3.0):
        view.update_snapshot(S.make_snapshot(t, [("nginx", 1, 0.0, 0.0)]))
    assert view.drawn == []  # nobody could see them
    assert view.snapshot is not None and view.snapshot.time_s == 3.0
    tabs.setCurrentIndex(1)
    assert view.drawn == [3.0]  # the latest, once, as the tab comes to the front
    view.update_snapshot(S.make_snapshot(4.0, [("nginx", 1, 0.0, 0.0)]))
    assert view.drawn == [3.0, 4.0]


def test_a_view_not_in_a_shown_window_still_draws(qtbot) -> None:  # noqa: ANN001
    view = CountingView()  # e.g. a headless render or a test that never shows it
    qtbot.addWidget(view)
    view.update_snapshot(S.make_snapshot(1.0, [("nginx", 1, 0.0, 0.0)]))
    assert view.drawn == [1.0]


def test_plot_axes_are_cached_between_range_changes(qtbot) -> None:  # noqa: ANN001
    panel = DensityPanel()
    qtbot.addWidget(panel)
    axis = panel._item.getAxis("left")  # noqa: SLF001 (the plot item has no public accessor)
    assert axis.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache

"""Phase timeline: rows per guest or group, bars that grow, log axis, clicks."""

from __future__ import annotations

import math

import snapshots as S
from PySide6.QtCore import QPointF, Qt

from gui.views import TimelineView
from gui.views.timeline import GROUP_ABOVE


def _view(qtbot) -> TimelineView:  # noqa: ANN001
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    return view


def test_one_row_per_guest_and_bars_grow(qtbot) -> None:  # noqa: ANN001
    view = _view(qtbot)
    early = S.mid_boot()
    view.update_snapshot(early)
    assert view.row_guests == (("nginx-1",), ("ubuntu-server-1",))
    assert any(item.path().elementCount() > 0 for item in view.bars["runc_create"])
    x0, x1 = view.bar_extent("ubuntu-server-1", "vmm")
    assert math.isclose(x1, early.time_s)  # a running phase reaches "now"
    view.update_snapshot(
        S.make_snapshot(0.2, [("nginx", 1, 0.0, 0.0), ("ubuntu-server", 1, 0.0, 0.0)])
    )
    assert view.bar_extent("ubuntu-server-1", "vmm")[1] > x1
    view.update_snapshot(S.both_running())
    assert view.bar_extent("ubuntu-server-1", "userspace") is not None
    assert all(label.startswith("●") for label in view.rows)


def test_log_toggle_changes_axis_to_time_since_request(qtbot) -> None:  # noqa: ANN001
    view = _view(qtbot)
    view.update_snapshot(S.classroom())
    axis = view.plot_item.getAxis("bottom")
    linear_label = axis.labelText
    first = view.bar_extent("ubuntu-server-2", "vmm")
    view.set_log_mode(True)
    assert view.log_mode and axis.labelText != linear_label
    assert "1 ms" in view.time_ticks and "1 s" in view.time_ticks
    # ubuntu-server-2 was requested at 4 s: in log mode its first phase starts near 1 ms.
    assert first[0] == 4.0
    assert view.bar_extent("ubuntu-server-2", "vmm")[0] == -3.0


def test_crowded_timeline_groups_identical_guests(qtbot) -> None:  # noqa: ANN001
    view = _view(qtbot)
    snap = S.crowd(1000)
    view.update_snapshot(snap)
    assert len(snap.guests) > GROUP_ABOVE and view.grouped
    assert len(view.rows) == 3
    assert view.rows[0].startswith("nginx ×960")
    assert sum(len(ids) for ids in view.row_guests) == 1000
    view.set_grouped(False)
    assert len(view.rows) == 1000


def test_click_on_a_bar_selects_its_guest(qtbot) -> None:  # noqa: ANN001
    view = _view(qtbot)
    view.update_snapshot(S.both_running())
    x0, x1 = view.bar_extent("ubuntu-server-1", "userspace")
    scene = view.plot_item.getViewBox().mapViewToScene(QPointF((x0 + x1) / 2, 1.0))
    pos = view.plot_widget.mapFromScene(scene)
    with qtbot.waitSignal(view.guest_selected) as sig:
        qtbot.mouseClick(view.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert sig.args == ["ubuntu-server-1"]

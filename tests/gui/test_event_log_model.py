"""Event log: the table reads the log directly unless a filter is set, and looks the same."""

from __future__ import annotations

import snapshots as S
from PySide6.QtWidgets import QApplication

from gui.views import EventLogView


def _view(qtbot) -> EventLogView:  # noqa: ANN001
    view = EventLogView()
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    return view


def _rows(view: EventLogView) -> list[str]:
    model = view.table.model()
    return [model.index(r, 2).data() for r in range(model.rowCount())]


def test_a_filter_shows_its_rows_and_clearing_it_shows_what_a_fresh_log_shows(qtbot) -> None:  # noqa: ANN001
    snap = S.crowd(120, 60.0)
    view, fresh = _view(qtbot), _view(qtbot)
    for v in (view, fresh):
        v.update_snapshot(snap)
    view.table.setColumnWidth(1, 230)  # a teacher widened the guest column
    fresh.table.setColumnWidth(1, 230)
    assert len(_rows(view)) == len(snap.log)
    view.set_filter(code="oom_kill")
    assert len(_rows(view)) == 2 == len(view.visible_messages())  # the two OOM kills
    assert view.table.columnWidth(1) == 230
    view.set_filter()
    assert _rows(view) == _rows(fresh)
    assert view.table.columnWidth(1) == 230
    later = S.crowd(120, 90.0)  # rows keep arriving and the log still follows the newest
    for v in (view, fresh):
        v.update_snapshot(later)
    QApplication.processEvents()
    bar = view.table.verticalScrollBar()
    assert bar.value() == bar.maximum() > 0
    assert view.table.grab().toImage() == fresh.table.grab().toImage()


def test_rows_arriving_while_filtered_are_filtered(qtbot) -> None:  # noqa: ANN001
    view = _view(qtbot)
    view.update_snapshot(S.crowd(120, 35.0))  # before the first kill at 40 s
    view.set_filter(code="oom_kill")
    assert _rows(view) == []
    view.update_snapshot(S.crowd(120, 60.0))
    assert len(_rows(view)) == 2

"""Views read rather than watched (the event log) draw at a reading pace while the clock runs."""

from __future__ import annotations

import snapshots as S
from pytestqt.qtbot import QtBot

from gui.views import DensityPanel, EventLogView
from gui.views import base as base_mod
from gui.window.main_window import MainWindow
from sim.snapshot import Snapshot


class _Clock:
    """A wall clock the test moves by hand."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def _shown(view: EventLogView) -> int:
    return int(view.table.model().rowCount())


def test_rows_arrive_at_most_at_the_reading_pace_and_catch_up_on_a_stop(
    qtbot: QtBot, monkeypatch
) -> None:  # noqa: ANN001
    clock = _Clock()
    monkeypatch.setattr(base_mod.time, "monotonic", clock)
    view = EventLogView()
    qtbot.addWidget(view)
    view.show()
    frames = [S.crowd(120, t) for t in (5.0, 10.0, 20.0, 40.0, 60.0)]
    assert len({len(f.log) for f in frames}) == len(frames)  # each frame adds rows
    view.set_playing(True)
    view.update_snapshot(frames[0])
    assert _shown(view) == len(frames[0].log)  # the first frame after a pause: at once
    clock.t += 0.05
    view.update_snapshot(frames[1])
    assert _shown(view) == len(frames[0].log)  # too soon: held back
    clock.t += 0.05
    view.update_snapshot(frames[2])
    assert _shown(view) == len(frames[0].log)
    clock.t += 0.03  # 0.13 s since the last rows: past the pace
    view.update_snapshot(frames[3])
    assert _shown(view) == len(frames[3].log)
    clock.t += 0.01
    view.update_snapshot(frames[4])
    assert _shown(view) == len(frames[3].log)
    view.set_playing(False)  # the clock stops: the log is complete at once
    assert _shown(view) == len(frames[4].log)
    assert view.visible_messages()[-1] == view.table.model().index(len(frames[4].log) - 1, 2).data()


def test_rows_held_back_show_without_another_frame(qtbot: QtBot) -> None:
    view = EventLogView()
    qtbot.addWidget(view)
    view.show()
    view.set_playing(True)
    first, second = S.crowd(120, 10.0), S.crowd(120, 60.0)
    view.update_snapshot(first)
    view.update_snapshot(second)  # within the pace of the first
    assert _shown(view) == len(first.log)
    qtbot.waitUntil(lambda: _shown(view) == len(second.log), timeout=1000)


def test_a_played_window_shows_the_whole_log_once_paused(window: MainWindow, qtbot: QtBot) -> None:
    controller = window.controller
    log = window.view("log")
    window.part("log")
    controller.add_guests("alpine", 40, stagger_s=0.02)
    controller.set_speed(4.0)
    controller.play()
    assert log.playing
    shown = []
    for _ in range(20):
        qtbot.wait(40)
        snap = controller.snapshot
        assert snap is not None
        shown.append(_shown(log))  # type: ignore[arg-type]
        assert shown[-1] <= len(snap.log)
    assert shown[-1] > shown[0]  # rows keep arriving while the clock runs
    controller.pause()
    assert not log.playing
    snap = controller.snapshot
    assert snap is not None
    assert _shown(log) == len(snap.log)  # type: ignore[arg-type]


def test_the_density_figures_keep_the_pace_and_catch_up_on_a_stop(
    qtbot: QtBot, monkeypatch
) -> None:  # noqa: ANN001
    clock = _Clock()
    monkeypatch.setattr(base_mod.time, "monotonic", clock)
    panel, fresh = DensityPanel(), DensityPanel()
    for p in (panel, fresh):
        qtbot.addWidget(p)
        p.show()
    few, many = S.crowd(10, 60.0), S.crowd(400, 60.0)
    fresh.update_snapshot(few)
    assert fresh.bar_labels != (before := _labels_for(many, qtbot))
    panel.set_playing(True)
    panel.update_snapshot(few)
    clock.t += 0.05
    panel.update_snapshot(many)
    assert panel.bar_labels == fresh.bar_labels  # held back: still the first frame's figures
    panel.set_playing(False)
    assert panel.bar_labels == before


def _labels_for(snap: Snapshot, qtbot: QtBot) -> tuple[str, ...]:
    panel = DensityPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.update_snapshot(snap)
    return panel.bar_labels

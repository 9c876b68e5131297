"""SimController: play, pause, step and speed move simulated time as they should."""

from __future__ import annotations

import math

import pytest
from pytestqt.qtbot import QtBot

from gui.controller import FRAME_MS, MAX_SPEED, MIN_SPEED, SimController
from gui.panels.transport import slider_to_speed, speed_text, speed_to_slider
from sim.session import Session


@pytest.fixture
def controller(qtbot: QtBot) -> SimController:
    controller = SimController()
    controller.set_session(Session.default())
    yield controller
    controller.pause()


def test_step_moves_to_the_next_event_exactly(controller: SimController) -> None:
    for _ in range(5):
        expected = controller.session.next_event_s()
        assert math.isfinite(expected)
        assert controller.step() == expected
        assert controller.session.now == expected


def test_step_pauses_and_publishes_the_next_event_time(
    controller: SimController, qtbot: QtBot
) -> None:
    controller.play()
    controller.run_until(1.0)
    expected = controller.session.next_event_s()
    snaps: list[object] = []
    controller.snapshot_ready.connect(snaps.append)
    controller.step()
    assert not controller.playing
    assert len(snaps) == 1  # one snapshot per step, at the new time
    assert snaps[0].time_s == pytest.approx(expected, rel=1e-12, abs=1e-300)
    assert controller.session.next_event_s() > expected


def test_play_advances_frame_by_frame_and_pause_stops(
    controller: SimController, qtbot: QtBot
) -> None:
    frames: list[float] = []
    controller.snapshot_ready.connect(lambda snap: frames.append(snap.time_s))
    controller.play()
    assert controller.playing
    qtbot.waitUntil(lambda: len(frames) >= 3, timeout=3000)
    steps = [b - a for a, b in zip(frames, frames[1:], strict=False)]
    assert all(s > 0 for s in steps)  # how far each goes follows the wall clock (see below)
    controller.pause()
    assert not controller.playing
    stopped = controller.session.now
    count = len(frames)
    qtbot.wait(5 * FRAME_MS)
    assert controller.session.now == stopped
    assert frames[count - 1] == stopped


def test_speed_ten_advances_ten_times_as_much_per_frame(
    controller: SimController, qtbot: QtBot
) -> None:
    t0 = controller.session.now
    controller.advance_frame()
    one = controller.session.now - t0
    controller.set_speed(10.0)
    t1 = controller.session.now
    controller.advance_frame()
    ten = controller.session.now - t1
    assert one == pytest.approx(FRAME_MS / 1000.0)
    assert ten == pytest.approx(10 * one)


def test_speed_is_clamped_and_the_slider_is_logarithmic(controller: SimController) -> None:
    controller.set_speed(1e6)
    assert controller.speed == MAX_SPEED
    controller.set_speed(0)
    assert controller.speed == MIN_SPEED
    assert slider_to_speed(0) == MIN_SPEED
    assert slider_to_speed(speed_to_slider(MAX_SPEED)) == MAX_SPEED
    middle = (speed_to_slider(MIN_SPEED) + speed_to_slider(MAX_SPEED)) // 2
    assert slider_to_speed(middle) == 1.0  # the middle of 0.01…100 on a log scale
    assert [speed_text(s) for s in (0.01, 0.5, 1.0, 25.0, 100.0)] == [
        "0.01×",
        "0.5×",
        "1×",
        "25×",
        "100×",
    ]


def test_no_timer_work_while_paused(controller: SimController, qtbot: QtBot) -> None:
    snaps: list[object] = []
    controller.snapshot_ready.connect(snaps.append)
    qtbot.wait(4 * FRAME_MS)
    assert snaps == []
    controller.add_guests("alpine")  # a change while paused publishes once
    assert len(snaps) == 1


def test_adding_guests_logs_them_and_marks_modified(
    controller: SimController, qtbot: QtBot
) -> None:
    assert not controller.modified
    with qtbot.waitSignal(controller.document_changed):
        ids = controller.add_guests("nginx", count=2, stagger_s=0.5)
    assert len(ids) == 2
    assert controller.modified
    controller.run_until(5.0)
    codes = {e.code for e in controller.session.recorder.log_view()}
    assert {"guest_added", "phase_done", "ready"} <= codes


def test_reset_goes_back_to_time_zero_with_the_scenario(controller: SimController) -> None:
    scenario = controller.session.scenario
    controller.add_guests("alpine")
    controller.run_until(3.0)
    controller.reset()
    assert controller.session.now == 0.0
    assert controller.session.current_scenario() == scenario
    assert not controller.modified

"""Play follows the wall clock: frames advance by elapsed time × speed, within a budget."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from gui.controller import SimController
from gui.frame_clock import MAX_LAG_S, PAINT_EVERY_S
from gui.panels.transport import TransportPanel
from sim.session import Session


class FakeClock:
    """A wall clock the test moves."""

    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def controller(qtbot: QtBot, clock: FakeClock) -> SimController:
    controller = SimController(clock=clock)
    controller.set_session(Session.default())
    yield controller
    controller.pause()


def test_a_frame_advances_by_the_wall_time_since_the_last_one(
    controller: SimController, clock: FakeClock
) -> None:
    controller.set_speed(10.0)
    controller.play()
    t0 = controller.session.now
    clock.t += 0.1  # a fast frame
    controller.play_frame()
    assert controller.session.now - t0 == pytest.approx(1.0)
    clock.t += 0.25  # a slow paint: the next frame goes further, the speed holds
    controller.play_frame()
    assert controller.session.now - t0 == pytest.approx(3.5)


def test_a_long_stall_is_not_caught_up_all_at_once(
    controller: SimController, clock: FakeClock
) -> None:
    controller.set_speed(100.0)
    controller.play()
    t0 = controller.session.now
    clock.t += 30.0  # e.g. a modal dialog was open
    controller.play_frame()
    assert controller.session.now - t0 == pytest.approx(MAX_LAG_S * 100.0)


def test_a_machine_too_slow_shows_the_speed_really_reached(
    controller: SimController, clock: FakeClock, qtbot: QtBot
) -> None:
    panel = TransportPanel(controller)
    qtbot.addWidget(panel)
    controller.set_speed(100.0)
    controller.play()
    session = controller.session
    run_until = session.run_until

    def slow_run_until(t_s: float) -> None:  # a model that manages at most 40×
        clock.t += (t_s - session.now) / 40.0
        run_until(t_s)

    session.run_until = slow_run_until  # type: ignore[method-assign]
    reached: list[float] = []
    controller.achieved_speed_changed.connect(reached.append)
    drawn: list[object] = []
    controller.snapshot_ready.connect(drawn.append)
    start = clock.t
    for _ in range(40):
        clock.t += 0.033
        controller.play_frame()
    # Behind, frames draw only every PAINT_EVERY_S of wall time: the model gets the rest.
    assert len(drawn) <= (clock.t - start) / PAINT_EVERY_S + 1 < 40
    assert reached and 10.0 <= reached[-1] <= 40.0  # never more than the model manages
    assert controller.achieved_speed == reached[-1]
    assert panel.speed_label.text().startswith("≈")
    controller.pause()  # paused: the asked speed again
    assert controller.achieved_speed == 100.0
    assert panel.speed_label.text() == "100×"


def test_a_machine_that_keeps_up_shows_the_asked_speed(
    controller: SimController, clock: FakeClock, qtbot: QtBot
) -> None:
    panel = TransportPanel(controller)
    qtbot.addWidget(panel)
    controller.set_speed(50.0)
    controller.play()
    for _ in range(60):
        clock.t += 0.033
        controller.play_frame()
    assert controller.achieved_speed == 50.0
    assert panel.speed_label.text() == "50×"


def test_a_model_that_keeps_up_draws_every_frame(
    controller: SimController, clock: FakeClock
) -> None:
    drawn: list[object] = []
    controller.snapshot_ready.connect(drawn.append)
    controller.set_speed(7.3)  # steps whose sums round: never "behind" by a rounding error
    controller.play()
    for _ in range(30):
        clock.t += 0.0331
        controller.play_frame()
    assert len(drawn) == 30


def test_a_click_while_playing_is_drawn_by_the_next_frame(
    controller: SimController, clock: FakeClock
) -> None:
    snaps: list[object] = []
    controller.snapshot_ready.connect(snaps.append)
    controller.play()
    controller.add_guests("alpine")  # answers at once: no snapshot drawn inside the click
    assert snaps == []
    clock.t += 0.033
    controller.play_frame()
    assert len(snaps) == 1 and any(g.template == "alpine" for g in snaps[0].guests)
    controller.pause()  # nothing changed since that frame: nothing to draw again
    assert len(snaps) == 1
    controller.play()
    controller.add_guests("alpine")
    controller.pause()  # but a change since the last frame is shown when pausing
    assert len(snaps) == 2 and sum(g.template == "alpine" for g in snaps[1].guests) == 2

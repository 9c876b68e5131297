"""Rewind and branch in the window: the time slider, replay from the past, new branches."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from gui.controller import SimController
from gui.rewind import Rewind
from gui.window.main_window import MainWindow
from sim.history import snapshots_equal
from sim.session import Session


def _played(controller: SimController, until_s: float, frames_per_s: int = 4) -> None:
    """Advance the controller frame by frame (as the timer would) until `until_s`."""
    controller.set_speed(1.0 / frames_per_s / controller.frame_interval_s)
    while controller.session.now < until_s - 1e-9:
        controller.advance_frame()


def _controller(qtbot: QtBot) -> tuple[SimController, Rewind]:
    controller = SimController()
    rewind = Rewind(controller)
    controller.set_session(Session.default())
    return controller, rewind


def test_a_rewound_moment_equals_the_same_moment_reached_by_playing(qtbot: QtBot) -> None:
    controller, rewind = _controller(qtbot)
    _played(controller, 20.0)
    shown: list[object] = []
    controller.snapshot_ready.connect(shown.append)
    for t in rewind.history.times()[::9]:
        rewind.seek(t)
        played = Session.default()
        played.run_until(t)
        assert snapshots_equal(shown[-1], played.snapshot()), t  # type: ignore[arg-type]


def test_every_view_shows_the_rewound_moment_and_now_returns(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.controller.run_until(4.0)
    window.controller.run_until(12.0)
    window.rewind.seek(4.0)
    for view in window.views:
        assert view.snapshot is not None and view.snapshot.time_s == 4.0, view
    assert "4.000 s" in window.time_slider.label.text()
    assert window.time_slider.now_button.isEnabled()
    window.time_slider.now_button.click()
    assert all(v.snapshot.time_s == 12.0 for v in window.views)  # type: ignore[union-attr]
    assert window.rewind.view_s is None and window.controller.session.now == 12.0


def test_the_slider_seeks_over_the_kept_span(window: MainWindow) -> None:
    for t in (1.0, 2.0, 3.0, 4.0):
        window.controller.run_until(t)
    window.time_slider.slider.setValue(0)
    assert window.controller.snapshot.time_s == window.rewind.history.start_s
    window.time_slider.slider.setValue(window.time_slider.slider.maximum())
    assert window.rewind.view_s is None


def test_playing_from_the_past_replays_the_kept_moments_then_goes_on(qtbot: QtBot) -> None:
    controller, rewind = _controller(qtbot)
    _played(controller, 6.0)
    kept = {t: rewind.history.at(t) for t in rewind.history.times()}
    rewind.seek(2.0)
    shown: list[object] = []
    controller.snapshot_ready.connect(shown.append)
    while rewind.view_s is not None:
        controller.advance_frame()  # what the timer does while playing
    assert controller.session.now == 6.0  # the session did not move while the past played
    for snap in shown:
        assert snapshots_equal(snap, kept[snap.time_s]["main"])  # type: ignore[attr-defined]
    controller.advance_frame()
    assert controller.session.now > 6.0


def test_step_in_the_past_goes_to_the_next_kept_moment(qtbot: QtBot) -> None:
    controller, rewind = _controller(qtbot)
    _played(controller, 3.0)
    times = rewind.history.times()
    rewind.seek(times[2])
    assert controller.step() == times[3]
    assert controller.session.now == 3.0


def _branch(qtbot: QtBot) -> tuple[SimController, Rewind]:
    controller, rewind = _controller(qtbot)
    _played(controller, 8.0)
    controller.add_guests("redis")
    _played(controller, 15.0)
    rewind.seek(5.0)
    controller.add_guests("ubuntu-server")  # a change in the past starts a branch
    _played(controller, 40.0)
    return controller, rewind


def test_a_change_in_the_past_starts_a_branch_that_the_window_names(window: MainWindow) -> None:
    controller = window.controller
    controller.run_until(2.0)
    controller.run_until(3.0)
    controller.add_guests("redis")
    controller.run_until(9.0)
    window.rewind.seek(2.5)  # shows the moment kept at 2 s
    controller.add_guests("alpine")
    assert window.rewind.history.branch == 1 and window.rewind.view_s is None
    assert controller.session.now == 2.0
    ids = {g.id for g in controller.snapshot.guests}
    assert "alpine-1" in ids and "redis-1" not in ids  # the redis came later on the old branch
    assert "Branch 2" in window.time_slider.label.text()
    assert "2.000 s" in window.time_slider.label.text()
    controller.run_until(6.0)
    window.rewind.seek(5.0)  # between kept moments: the label names the one shown
    assert controller.snapshot.time_s == 2.0
    assert window.time_slider.label.text().startswith("Rewound to 2.000 s of 6.000 s")


def test_a_branch_is_deterministic_per_seed(qtbot: QtBot) -> None:
    (a, ra), (b, rb) = _branch(qtbot), _branch(qtbot)
    assert ra.history.branch == rb.history.branch == 1
    assert ra.history.times() == rb.history.times()
    for t in ra.history.times()[::5]:
        assert snapshots_equal(ra.history.at(t)["main"], rb.history.at(t)["main"]), t
    assert snapshots_equal(a.snapshot, b.snapshot)  # type: ignore[arg-type]
    # The hand calls kept for the branch: the redis of the old branch (at 8 s) is gone.
    assert [c.method for c in ra.history.calls] == ["add_guests"]


def test_a_new_scenario_forgets_the_history(qtbot: QtBot) -> None:
    controller, rewind = _controller(qtbot)
    _played(controller, 3.0)
    controller.new_scenario()
    assert rewind.history.end_s == 0.0 and rewind.history.branch == 0

"""History: kept moments equal the moments played, replays and branches are deterministic."""

from __future__ import annotations

import pytest

from sim.catalog import Catalog
from sim.history import History
from sim.history import snapshots_equal as _same
from sim.host import Policy
from sim.scenario import GuestSpec, HostSpec, Scenario
from sim.session import Session

CATALOG = Catalog.load()
SCENARIO = Scenario(
    seed=11,
    host=HostSpec("classroom-server", {}),
    policy=Policy(),
    guests=(GuestSpec("nginx", 3, 0.0, 0.5), GuestSpec("ubuntu-server", 1, 1.0)),
)


def _play(history: History, session: Session, until_s: float, dt_s: float = 0.25) -> None:
    while session.now < until_s:
        session.advance(dt_s)
        history.record({"main": session.snapshot()})


def test_a_kept_moment_equals_the_same_moment_reached_by_playing() -> None:
    history, session = History(), Session.bundled(SCENARIO)
    _play(history, session, 30.0)
    for t in (0.25, 3.0, 12.5, 30.0):
        other = Session.bundled(SCENARIO)
        other.run_until(t)
        assert _same(history.at(t)["main"], other.snapshot()), t


def test_a_moment_between_frames_is_the_frame_before_it() -> None:
    history, session = History(), Session.bundled(SCENARIO)
    _play(history, session, 5.0, dt_s=1.0)
    assert history.at(2.7)["main"].time_s == 2.0
    assert history.at(-1.0)["main"].time_s == 1.0  # before the first: the first
    assert history.at(99.0)["main"].time_s == 5.0


def test_replay_with_hand_calls_reaches_the_played_moment() -> None:
    history, session = History(), Session.bundled(SCENARIO)
    _play(history, session, 4.0)
    history.note(session.now, "add_guests", "redis", count=2, stagger_s=0.0, host="")
    session.add_guests("redis", count=2)
    history.record({"main": session.snapshot()})
    _play(history, session, 9.0)
    history.note(session.now, "inject", "panic", "redis-1")
    session.inject("panic", "redis-1")
    history.record({"main": session.snapshot()})
    _play(history, session, 15.0)
    for t in (4.0, 9.0, 12.0, 15.0):
        replayed = history.replay(SCENARIO, t, CATALOG)
        assert _same(history.at(t)["main"], replayed.snapshot()), t


def test_a_branch_is_deterministic_per_seed() -> None:
    def branch() -> History:
        history, session = History(), Session.bundled(SCENARIO)
        _play(history, session, 20.0)
        history.start_branch(6.0)
        session = history.replay(SCENARIO, 6.0, CATALOG)
        history.note(session.now, "inject", "leak", "nginx-2", rate_mib_s=400.0)
        session.inject("leak", "nginx-2", rate_mib_s=400.0)
        _play(history, session, 40.0)
        return history

    a, b = branch(), branch()
    assert a.branch == b.branch == 1 and a.branch_from_s == 6.0
    assert a.times() == b.times()
    for t in a.times()[::7]:
        assert _same(a.at(t)["main"], b.at(t)["main"])
    # The branch differs from the run it left: the leak is in its log after 6 s.
    codes = [e.code for e in a.at(40.0)["main"].log]
    assert "fault_injected" in codes


def test_truncate_forgets_later_moments_and_calls() -> None:
    history, session = History(), Session.bundled(SCENARIO)
    _play(history, session, 10.0)
    history.note(8.0, "step")
    history.truncate(5.0)
    assert history.end_s == 5.0 and not history.calls


def test_memory_stays_bounded_by_thinning_older_moments() -> None:
    history, session = History(max_moments=50), Session.bundled(SCENARIO)
    _play(history, session, 100.0, dt_s=0.25)  # 400 moments offered
    assert len(history) <= 50
    times = history.times()
    assert times[-1] == 100.0 and times == tuple(sorted(times))
    assert times[-1] - times[-2] == 0.25  # recent moments stay frame by frame


def test_hand_calls_outside_the_replayable_set_are_refused() -> None:
    with pytest.raises(ValueError, match="not a call"):
        History().note(0.0, "run_until", 5.0)


def test_a_call_the_session_refused_is_refused_again_in_a_replay() -> None:
    history, session = History(), Session.bundled(SCENARIO)
    _play(history, session, 3.0)
    history.note(session.now, "inject", "panic", "no-such-guest")
    history.note(session.now, "add_guests", "redis")
    session.add_guests("redis")
    history.record({"main": session.snapshot()})
    replayed = history.replay(SCENARIO, 3.0, CATALOG)
    assert _same(history.at(3.0)["main"], replayed.snapshot())


def test_a_moment_during_a_live_move_equals_the_one_played_on_both_hosts() -> None:
    hosts = (HostSpec("classroom-server", {}, "a"), HostSpec("classroom-server", {}, "b"))
    scenario = Scenario(
        seed=3, host=hosts[0], more_hosts=hosts[1:], guests=(GuestSpec("ubuntu-server"),)
    )
    history, session = History(), Session.bundled(scenario)
    session.run_until(60.0)
    history.note(session.now, "move_guest", "ubuntu-server-1", "b", mode="live")
    session.move_guest("ubuntu-server-1", "b", mode="live")
    while session.now < 66.0:
        session.advance(0.25)
        history.record({h: session.snapshot(h) for h in ("a", "b")})
    for t in (60.5, 61.75, 66.0):
        replayed = history.replay(scenario, t, CATALOG)
        for host in ("a", "b"):
            assert _same(history.at(t)[host], replayed.snapshot(host)), (t, host)
    # Mid-move, the two hosts show the guest leaving and arriving: the moments carry both.
    mid = history.at(61.75)
    assert mid["a"].guest("ubuntu-server-1").shown_state == "leaving"
    assert mid["b"].guest("ubuntu-server-1").shown_state == "arriving"

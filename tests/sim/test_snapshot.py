"""Snapshots are views of one instant: later events do not change them."""

from __future__ import annotations

import pytest

from sim.session import Session


def test_a_snapshot_keeps_its_log_and_series_as_they_were():
    session = Session.default()
    session.run_until(1.0)
    snap = session.snapshot()
    n_log, n_series = len(snap.log), len(snap.series.time_s)
    first, last = snap.log[0], snap.log[-1]
    free = snap.series.layers["free"].copy()
    session.run_until(40.0)
    assert len(snap.log) == n_log and snap.log[-1] is last and snap.log[0] is first
    assert list(snap.log)[-1] is last and snap.log[:n_log] == list(snap.log)
    with pytest.raises(IndexError):
        snap.log[n_log]
    assert len(snap.series.time_s) == n_series
    assert (snap.series.layers["free"] == free).all()
    assert len(session.snapshot().log) > n_log


def test_density_in_a_snapshot_matches_density_asked_directly():
    session = Session.default()
    session.run_until(10.0)
    assert session.snapshot().density == session.density()

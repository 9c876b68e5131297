"""RowTable lays out the same rows and spans as a full rebuild, frame after frame."""

from __future__ import annotations

import numpy as np
import pytest

from gui.views.timeline_rows import build_rows, row_label
from gui.views.timeline_table import RowTable
from sim.scenario import GuestSpec, HostSpec, Scenario
from sim.session import Session


def _spans(rows) -> list[tuple]:  # noqa: ANN001
    """Return every span as (row, phase, start, end, created, guest id, k), sorted."""
    out = []
    for i in range(len(rows.row)):
        g, k = rows.member(i)
        end = rows.end[i]
        out.append(
            (
                int(rows.row[i]),
                int(rows.phase[i]),
                float(rows.start[i]),
                None if np.isnan(end) else float(end),
                float(rows.created[i]),
                g.id,
                k,
            )
        )
    return sorted(out, key=repr)


@pytest.mark.parametrize("grouped", [True, False])
def test_incremental_rows_equal_a_full_rebuild(grouped: bool) -> None:
    scenario = Scenario(
        host=HostSpec("big-server"),
        seed=3,
        guests=(
            GuestSpec("alpine", 300, at_s=0.0, stagger_s=0.02),  # > 256: the slots grow
            GuestSpec("ubuntu-server", 6, at_s=0.05, stagger_s=0.7),
            GuestSpec("nginx", 30, at_s=1.0, stagger_s=0.05),
        ),
    )
    session = Session.bundled(scenario)
    table = RowTable()
    for _ in range(150):  # guests arrive, phases begin and end, frame by frame
        session.advance(0.05)
        guests = session.snapshot().guests
        fast, full = table.update(guests, grouped), build_rows(guests, grouped)
        assert [[g.id for g in r] for r in fast.guests] == [[g.id for g in r] for r in full.guests]
        assert _spans(fast) == _spans(full)
        assert table.labels() == tuple(row_label(r) for r in full.guests)
    assert len(guests) == 336


@pytest.mark.parametrize("grouped", [True, False])
def test_going_back_to_earlier_moments_equals_a_full_rebuild(grouped: bool) -> None:
    scenario = Scenario(
        host=HostSpec("big-server"),
        seed=5,
        guests=(
            GuestSpec("alpine", 120, at_s=0.0, stagger_s=0.03),
            GuestSpec("ubuntu-server", 4, at_s=0.5, stagger_s=0.6),
            GuestSpec("nginx", 40, at_s=1.5, stagger_s=0.04),
        ),
    )
    session = Session.bundled(scenario)
    moments = []
    for _ in range(80):
        session.advance(0.05)
        moments.append(session.snapshot().guests)
    table = RowTable()
    table.update(moments[-1], grouped)
    # The time slider: back and forth, as a class scrubs (fewer guests, older views).
    for i in (60, 10, 45, 0, 79, 30, 29, 70, 5):
        guests = moments[i]
        fast, full = table.update(guests, grouped), build_rows(guests, grouped)
        assert [[g.id for g in r] for r in fast.guests] == [[g.id for g in r] for r in full.guests]
        assert _spans(fast) == _spans(full)
        assert table.labels() == tuple(row_label(r) for r in full.guests)


def test_a_reset_lays_out_again() -> None:
    table = RowTable()
    first = Session.bundled(
        Scenario(
            host=HostSpec("big-server"),
            seed=1,
            guests=(GuestSpec("alpine", 5, at_s=0.0, stagger_s=0.1),),
        )
    )
    first.advance(2.0)
    table.update(first.snapshot().guests, True)
    second = Session.bundled(
        Scenario(
            host=HostSpec("big-server"),
            seed=1,
            guests=(GuestSpec("nginx", 2, at_s=0.0, stagger_s=0.1),),
        )
    )
    second.advance(2.0)
    rows = table.update(second.snapshot().guests, True)
    assert [[g.id for g in r] for r in rows.guests] == [["nginx-1", "nginx-2"]]
    assert _spans(rows) == _spans(build_rows(second.snapshot().guests, True))

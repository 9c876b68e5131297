"""Memory plot drawn as kept history + tail: a played chart shows what a fresh one shows."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from gui.views import MemoryPlot
from sim.scenario import load_scenario
from sim.session import Session

STARTUP = Path(__file__).resolve().parents[2] / "assets" / "scenarios" / "02-startup.toml"


def _plot(qtbot: QtBot) -> MemoryPlot:
    plot = MemoryPlot()
    qtbot.addWidget(plot)
    plot.resize(900, 500)
    plot.show()
    return plot


def _image(plot: MemoryPlot) -> QImage:
    return plot.grab().toImage()


def test_a_played_chart_keeps_its_history_and_shows_what_a_fresh_one_shows(
    qtbot: QtBot,
) -> None:
    session = Session.bundled(load_scenario(STARTUP))
    played = _plot(qtbot)
    heads = []
    for _ in range(120):
        session.advance(0.1)
        played.update_snapshot(session.snapshot())
        heads.append(played.fills[-1].head.path())
    kept = sum(a == b for a, b in zip(heads, heads[1:], strict=False))
    assert kept > len(heads) // 2  # most frames rebuilt only the tail
    fresh = _plot(qtbot)
    snap = session.snapshot()
    fresh.update_snapshot(snap)
    assert np.allclose(played.used_top[1], fresh.used_top[1])
    assert _image(played) == _image(fresh)
    for a, b in zip(played.fills, fresh.fills, strict=True):
        assert a.path().boundingRect() == b.path().boundingRect()


def test_a_new_session_draws_its_own_history(qtbot: QtBot) -> None:
    plot = _plot(qtbot)
    first = Session.bundled(load_scenario(STARTUP))
    first.advance(8.0)
    plot.update_snapshot(first.snapshot())
    other = Session.bundled(load_scenario(STARTUP))
    other.add_guests("ubuntu-server", 2)  # another run: more memory at the same times
    other.advance(9.0)
    plot.update_snapshot(other.snapshot())
    fresh = _plot(qtbot)
    fresh.update_snapshot(other.snapshot())
    assert _image(plot) == _image(fresh)

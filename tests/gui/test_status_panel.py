"""The status bar keeps to one line: on a narrow bar the seed gives way to the clock's tooltip."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from gui.panels import StatusPanel
from sim.scenario import GuestSpec, Scenario
from sim.session import Session


def test_a_narrow_bar_drops_the_seed_rather_than_take_a_second_line(qtbot: QtBot) -> None:
    panel = StatusPanel()
    qtbot.addWidget(panel)
    session = Session.bundled(Scenario(guests=(GuestSpec("alpine", count=3),)))
    session.run_until(5.0)
    panel.update_snapshot(session.snapshot())
    one_line = panel.time_label.sizeHint().height()
    panel.resize(2000, 40)
    panel.show()
    assert not panel.seed_label.isHidden()
    assert panel.minimumHeight() < 1.5 * one_line
    # Wide enough for all but the seed: the seed goes, the figures stay on one line.
    labels = (panel.time_label, panel.guests_label, panel.memory_label)
    room = sum(label.sizeHint().width() for label in labels) + 2 * 24 + 8 + 4
    panel.resize(room, 40)
    assert panel.seed_label.isHidden()
    assert panel.minimumHeight() < 1.5 * one_line
    assert panel.time_label.toolTip() == panel.seed_label.text() == "seed 7"
    panel.resize(2000, 40)
    assert not panel.seed_label.isHidden()

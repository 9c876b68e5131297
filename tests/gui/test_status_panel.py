"""The status bar keeps to one line: on a narrow bar figures take shorter forms, never cut."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.panels import StatusPanel
from sim.scenario import GuestSpec, Scenario
from sim.session import Session


def _panel(qtbot: QtBot) -> StatusPanel:
    panel = StatusPanel()
    qtbot.addWidget(panel)
    session = Session.bundled(
        Scenario(guests=(GuestSpec("alpine", count=3), GuestSpec("alpine-vm", count=1)))
    )
    session.run_until(5.0)
    panel.update_snapshot(session.snapshot())
    panel.resize(2000, 40)
    panel.show()
    return panel


def _whole_on_one_line(panel: StatusPanel) -> bool:
    QApplication.processEvents()  # the layout places the labels on its next turn
    labels = [label for label in panel.findChildren(type(panel.time_label)) if label.isVisible()]
    rows = {label.y() for label in labels}
    fits = all(label.sizeHint().width() <= label.width() + 1 for label in labels)
    return len(rows) == 1 and fits and panel.layout().minimumSize().height() < 40


def test_a_narrow_bar_drops_the_seed_then_takes_short_forms(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    assert not panel.seed_label.isHidden() and panel.level == 0
    full_memory = panel.memory_label.text()
    assert "RAM" in full_memory and "·" in panel.guests_label.text()
    assert panel.time_label.toolTip() == panel.seed_label.text() == "seed 7"
    # Wide enough for all but the seed: the seed goes, the figures stay whole.
    labels = (panel.time_label, panel.guests_label, panel.memory_label)
    panel.resize(sum(label.sizeHint().width() for label in labels) + 2 * 24 + 16, 40)
    assert panel.seed_label.isHidden() and panel.memory_label.text() == full_memory
    assert _whole_on_one_line(panel)
    # Narrower: the memory drops the RAM it is out of; the full text stays as tooltip.
    panel.resize(panel.width() - 60, 40)
    assert "RAM" not in panel.memory_label.text() and panel.memory_label.toolTip() == full_memory
    assert "%" in panel.memory_label.text() and _whole_on_one_line(panel)
    # Narrower still: the guests read as one count.
    panel.resize(panel.width() - 120, 40)
    assert panel.guests_label.text() == "Guests: 4" and _whole_on_one_line(panel)
    panel.resize(2000, 40)
    assert not panel.seed_label.isHidden() and panel.memory_label.text() == full_memory


def test_figures_that_change_every_frame_lay_nothing_out(qtbot: QtBot, layout_requests) -> None:  # noqa: ANN001
    session = Session.bundled(Scenario(guests=(GuestSpec("alpine", count=40, stagger_s=0.1),)))
    panel = StatusPanel()
    qtbot.addWidget(panel)
    session.run_until(0.5)
    panel.update_snapshot(session.snapshot())
    panel.resize(2000, 40)
    panel.show()
    QApplication.processEvents()
    requests = layout_requests(panel)
    texts = set()
    for _ in range(20):  # guests arrive: the clock, the guest count and the memory all change
        session.advance(0.1)
        panel.update_snapshot(session.snapshot())
        QApplication.processEvents()
        texts.add((panel.guests_label.text(), panel.memory_label.text()))
    assert len(texts) > 10
    assert requests.count <= 2  # once a figure grows wider than it ever was; never per frame
    assert _whole_on_one_line(panel)

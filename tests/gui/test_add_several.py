"""Guests added while paused appear at once, also a staggered batch from "Add several…"."""

from __future__ import annotations

from gui.window.main_window import MainWindow


def test_a_staggered_batch_added_while_paused_shows_its_first_guest_at_once(
    window: MainWindow,
) -> None:
    controller = window.controller
    controller.run_until(5.0)
    assert not controller.playing
    ids = controller.add_guests("alpine", count=3, stagger_s=2.0)
    shown = {g.id: g.state for g in controller.snapshot.guests}
    assert shown.get(ids[0]) in ("pending", "pulling")  # before the fix: nothing until a step
    assert ids[1] not in shown and ids[2] not in shown  # the others come 2 s apart
    assert controller.session.now == 5.0  # the clock did not move
    diagram = window.view("layers")
    assert any(ids[0] in b.guest_ids for b in diagram.blocks) or not diagram.isVisible()

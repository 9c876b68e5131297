"""With KSM on, the density view says how many more fit once merging has caught up."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from gui.window.main_window import MainWindow


def test_ksm_adds_the_count_once_merged_to_the_bar_and_its_tooltip(
    window: MainWindow, message_boxes
) -> None:
    message_boxes.answer = QMessageBox.StandardButton.Yes
    window.part("density")
    view = window.view("density")
    window.controller.run_until(window.controller.session.now)
    assert not any("with KSM" in text for text in view.bar_labels)
    window.host_panel.ksm_box().click()
    assert window.controller.session.scenario.policy.ksm
    window.controller.run_until(window.controller.session.now)  # push one snapshot
    rows = {r.template: r for r in window.controller.session.density()}
    windows = rows["windows-server"]
    assert windows.after_ksm is not None and windows.after_ksm > windows.max
    i = view.templates.index("windows-server")
    assert view.bar_labels[i].endswith(f"→ {windows.after_ksm} with KSM")
    assert f"Once KSM has merged their identical pages: {windows.after_ksm}" in view.tooltip_text(i)
    # A microVM's VMM does not mark its RAM mergeable: nothing more fits once KSM has run.
    assert rows["firecracker"].after_ksm in (None, rows["firecracker"].max)
    assert "with KSM" not in view.bar_labels[view.templates.index("firecracker")]

"""The host panel's vCPU policy chooser and the density view's "vCPU policy N:1" label."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from gui import i18n
from gui.window.main_window import MainWindow


def choose(window: MainWindow, ratio: float) -> None:
    combo = window.host_panel.vcpu_combo()
    index = next(i for i in range(combo.count()) if combo.itemData(i) == ratio)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def density_label(window: MainWindow) -> str:
    window.part("density")
    window.controller.run_until(window.controller.session.now)  # push one snapshot
    return window.view("density").policy_text  # type: ignore[attr-defined]


def ubuntu_row(window: MainWindow):
    return next(r for r in window.controller.session.density() if r.template == "ubuntu-server")


def test_the_panel_offers_ratios_and_no_cap_and_shows_the_hosts_policy(window: MainWindow) -> None:
    combo = window.host_panel.vcpu_combo()
    ratios = [combo.itemData(i) for i in range(combo.count())]
    assert ratios == sorted(ratios) and math.isinf(ratios[-1])
    assert {1.0, 4.0, 10.0, 16.0} <= set(ratios)
    assert combo.currentData() == 10.0  # the classroom server's default
    assert combo.currentText() == "10:1 (default)"
    assert combo.itemText(combo.count() - 1) == "No cap"
    assert density_label(window) == "vCPU policy 10:1"


def test_no_cap_rebuilds_the_host_and_memory_binds_the_vms(
    window: MainWindow, message_boxes
) -> None:
    message_boxes.answer = QMessageBox.StandardButton.Yes
    assert ubuntu_row(window).limit == "cpu"
    choose(window, math.inf)
    assert message_boxes.texts("question") == ["This resets the simulation. Continue?"]
    spec = window.controller.session.scenario.host
    assert math.isinf(spec.overrides["vcpu_per_core"])
    assert ubuntu_row(window).limit == "memory"
    assert density_label(window) == "vCPU policy: no cap"
    # Back to the preset's own policy: the override goes, the file says nothing about it.
    choose(window, 10.0)
    assert "vcpu_per_core" not in window.controller.session.scenario.host.overrides
    assert ubuntu_row(window).limit == "cpu"


def test_answering_no_keeps_the_policy(window: MainWindow, message_boxes) -> None:
    session = window.controller.session
    choose(window, 4.0)
    assert window.controller.session is session
    assert window.host_panel.vcpu_combo().currentData() == 10.0


def test_the_policy_reads_in_chinese(window: MainWindow, qtbot: QtBot) -> None:
    i18n.install_language("zh_CN", remember=False)
    combo = window.host_panel.vcpu_combo()
    qtbot.waitUntil(lambda: combo.currentText() != "10:1 (default)")  # LanguageChange is posted
    assert combo.currentText() == "10:1（默认）"
    assert combo.itemText(combo.count() - 1) == "不设上限"
    assert density_label(window) == "vCPU 策略 10:1"

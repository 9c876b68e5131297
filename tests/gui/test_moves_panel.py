"""Moving guests between hosts from the window: the moves panel, its table, drops on host tabs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from pytestqt.qtbot import QtBot

from gui import i18n
from gui.controller import SimController
from gui.text.labels import reason_label
from gui.text.log_text import log_message
from gui.window.host_tabs import MIME_GUEST
from gui.window.main_window import MainWindow
from sim.lessons import SCENARIO_DIR
from sim.scenario import load_scenario
from sim.session import Session

PORTABILITY = SCENARIO_DIR / "06-portability.toml"


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    """The portability lesson without its scripted moves, its four guests running on the lab."""
    from dataclasses import replace

    controller = SimController()
    window = MainWindow(controller)
    qtbot.addWidget(window)
    scenario = replace(load_scenario(PORTABILITY), actions=())
    controller.set_session(Session.bundled(scenario))
    window.show()
    controller.run_until(40.0)
    yield window
    controller.pause()
    i18n.install_language("en", remember=False)


def _move_via_menu(window: MainWindow, guest_id: str, host_id: str, mode: str = "cold") -> None:
    window.view("timeline").guest_selected.emit(guest_id)  # the class clicks the guest's row
    panel = window.moves_panel
    assert panel.selected_guest() == guest_id
    menu = panel.move_menu()
    menu.aboutToShow.emit()
    actions = {a.data(): a for a in menu.actions()}
    assert set(actions) == {"arm-board", "windows-pc", "lab-2"}  # every host but the one shown
    assert actions["arm-board"].text() == "arm-board · ARM64 · Linux"
    modes = {a.data(): a for a in actions[host_id].menu().actions()}
    # A container moves cold or by checkpoint; a VM cold or live.
    assert set(modes) in ({"cold", "checkpoint"}, {"cold", "live"})
    modes[mode].trigger()


def _run_until_done(window: MainWindow, row: int) -> None:
    for _ in range(400):
        move = window.controller.session.snapshot().moves[row]
        if move.end_s is not None:
            break
        window.controller.run_until(window.controller.session.now + 1.0)
    window.controller.publish()


def test_moving_a_container_fills_its_row_to_100_percent(window: MainWindow) -> None:
    panel = window.moves_panel
    _move_via_menu(window, "nginx-1", "arm-board")
    assert panel.table.rowCount() == 1
    assert panel.cell_text(0, "route") == "lab → arm-board"
    assert panel.cell_text(0, "verdict") == "moving…"
    window.controller.run_until(window.controller.session.now + 0.3)
    assert 0 < panel.progress_bar(0).value() < 1000  # the layers are on the wire
    _run_until_done(window, 0)
    move = window.controller.session.snapshot().moves[0]
    assert move.verdict == "running"
    assert panel.progress_bar(0).value() == 1000
    assert "(100 %)" in panel.cell_text(0, "moved")
    assert panel.cell_text(0, "verdict") == "✔ " + reason_label(move.verdict)
    assert panel.cell_text(0, "steps").startswith("transfer ")
    assert window.controller.session.host_of("nginx-1").id == "arm-board"


def test_amd64_only_image_fails_on_arm_with_exec_format_error(window: MainWindow) -> None:
    _move_via_menu(window, "python-web-1", "arm-board")
    _run_until_done(window, 0)
    move = window.controller.session.snapshot().moves[0]
    assert move.verdict == "exec_format"
    assert window.moves_panel.cell_text(0, "verdict").startswith("✘ exec format error")


def test_vm_to_hyper_v_is_converted_and_container_on_windows_needs_a_linux_vm(
    window: MainWindow,
) -> None:
    panel = window.moves_panel
    _move_via_menu(window, "nginx-in-vm-1", "windows-pc")
    window.controller.run_until(window.controller.session.now + 5.0)
    assert panel.cell_text(0, "steps").endswith("transferring…")
    _run_until_done(window, 0)
    steps = panel.cell_text(0, "steps")
    assert "transfer" in steps and "convert qcow2 → VHDX" in steps
    window.host_tabs.select_host("lab")
    _move_via_menu(window, "nginx-1", "windows-pc")
    _run_until_done(window, 1)
    assert window.controller.session.snapshot().moves[1].warnings == ("utility_vm",)
    assert "Linux VM" in panel.cell_text(1, "warnings")


def test_a_vm_moves_live_and_a_container_by_checkpoint_from_the_menu(window: MainWindow) -> None:
    panel = window.moves_panel
    _move_via_menu(window, "nginx-in-vm-1", "lab-2", "live")
    window.controller.run_until(window.controller.session.now + 1.0)
    assert window.controller.session.guest("nginx-in-vm-1").state == "running"
    assert panel.cell_text(0, "steps").endswith("Live copy of memory (pre-copy rounds)…")
    _run_until_done(window, 0)
    move = window.controller.session.snapshot().moves[0]
    assert move.mode == "live" and move.verdict == "running" and move.rounds >= 1
    assert "Live migration (keeps running): down" in panel.cell_text(0, "verdict")
    window.host_tabs.select_host("lab")
    _move_via_menu(window, "nginx-1", "lab-2", "checkpoint")
    _run_until_done(window, 1)
    steps = panel.cell_text(1, "steps")
    assert "Checkpoint: dump memory (CRIU)" in steps and "Restore from the checkpoint" in steps
    assert "--tcp-established" in panel.cell_text(1, "warnings")
    assert window.controller.session.host_of("nginx-1").id == "lab-2"


def test_a_live_move_to_another_hypervisor_says_why_not(window: MainWindow) -> None:
    _move_via_menu(window, "nginx-in-vm-1", "windows-pc", "live")
    assert not window.controller.session.snapshot().moves
    assert "same hypervisor" in window.moves_panel._hint.text()


def test_windows_vm_on_arm_warns_of_emulation(window: MainWindow) -> None:
    _move_via_menu(window, "windows-server-1", "arm-board")
    window.controller.run_until(window.controller.session.now + 100.0)  # 9.5 GiB at 1 Gbit/s
    warnings = window.moves_panel.cell_text(0, "warnings")
    assert "emulation" in warnings and "8×" in warnings and "assumption" in warnings


def test_dropping_a_dragged_row_on_a_host_tab_moves_the_guest(window: MainWindow) -> None:
    panel = window.moves_panel
    _move_via_menu(window, "nginx-1", "arm-board")
    _run_until_done(window, 0)
    mime = panel.table.mimeData([panel.table.item(0, 0)])
    assert bytes(mime.data(MIME_GUEST).data()) == b"nginx-1"
    assert panel.table.dragEnabled()
    tabs = window.host_tabs
    target = tabs.tabRect(tabs.host_ids().index("windows-pc")).center()
    args = (
        QPointF(target),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(target, *args[1:])
    tabs.dragEnterEvent(enter)
    assert enter.isAccepted()
    over = QDragMoveEvent(target, *args[1:])
    tabs.dragMoveEvent(over)
    assert over.isAccepted()
    tabs.dropEvent(QDropEvent(*args))
    moves = window.controller.session.snapshot().moves
    assert [(m.guest_id, m.source, m.target) for m in moves][-1] == (
        "nginx-1",
        "arm-board",
        "windows-pc",
    )
    assert panel.table.rowCount() == 2
    assert window.tabs.currentWidget() is panel


def test_a_drop_that_cannot_move_says_why(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setData(MIME_GUEST, QByteArray(b"nginx-1"))
    tabs = window.host_tabs
    target = tabs.tabRect(0).center()  # nginx-1 is already on the lab
    tabs.dropEvent(
        QDropEvent(
            QPointF(target),
            Qt.DropAction.MoveAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    assert window.controller.session.snapshot().moves == ()
    assert "Cannot move nginx-1" in window.moves_panel._hint.text()


def test_moves_speak_chinese(window: MainWindow, qtbot: QtBot) -> None:
    _move_via_menu(window, "python-web-1", "arm-board")
    _run_until_done(window, 0)
    window.menu_bar.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(
        lambda: (
            window.moves_panel.cell_text(0, "verdict")
            != "✘ " + ("exec format error: the image was built for another CPU architecture")
        )
    )
    verdict = window.moves_panel.cell_text(0, "verdict")
    assert "exec format error" in verdict and "架构" in verdict
    done = [e for e in window.controller.session.snapshot().log if e.code == "move_done"][-1]
    assert "python-web-1" in log_message(done) and "迁移" in log_message(done)
    assert window.tabs.tabText(window.tabs.indexOf(window.moves_panel)) != "Moves between hosts"

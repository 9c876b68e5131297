"""The main window: palette, drag and drop, host panel, status bar, title, projector mode."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from gui.dialogs import AddGuestsDialog
from gui.panels import MIME_TEMPLATE
from gui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _guests(window: MainWindow, template: str) -> list[str]:
    return [g.id for g in window.controller.session.snapshot().guests if g.template == template]


def test_clicking_tiles_adds_a_container_and_a_vm_everywhere(
    window: MainWindow, qtbot: QtBot
) -> None:
    before_c, before_v = _guests(window, "alpine"), _guests(window, "alpine-vm")
    qtbot.mouseClick(window.palette_panel.tile("alpine"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.palette_panel.tile("alpine-vm"), Qt.MouseButton.LeftButton)
    added_c = set(_guests(window, "alpine")) - set(before_c)
    added_v = set(_guests(window, "alpine-vm")) - set(before_v)
    assert len(added_c) == 1 and len(added_v) == 1
    window.controller.run_until(2.0)
    # every view was given the snapshot with both new guests
    for view in window.views:
        shown = {g.id for g in view.snapshot.guests}
        assert added_c | added_v <= shown, type(view).__name__
    window.part("timeline")  # on a small screen one view shows at a time: bring it forward
    timeline_ids = {gid for row in window.view("timeline").row_guests for gid in row}
    assert added_c | added_v <= timeline_ids
    assert window.palette_panel.tile("alpine").count_text().endswith("×1</b>")
    assert "VM" in window.status_panel.guests_label.text()


def test_add_several_uses_the_dialog_count_and_stagger(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def accept(dialog: AddGuestsDialog) -> int:
        dialog.set_values("redis", 7, 0.25)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AddGuestsDialog, "exec", accept)
    qtbot.mouseClick(window.palette_panel._add_several, Qt.MouseButton.LeftButton)
    spec = window.controller.session.current_scenario().guests[-1]
    assert (spec.template, spec.count, spec.stagger_s) == ("redis", 7, 0.25)


def test_dropping_a_template_on_the_timeline_adds_one(window: MainWindow) -> None:
    section = window.sections["timeline"]
    mime = QMimeData()
    mime.setData(MIME_TEMPLATE, QByteArray(b"postgres"))
    args = (
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(QPoint(10, 10), *args[1:])
    enter.ignore()
    section.dragEnterEvent(enter)
    assert section.acceptDrops() and enter.isAccepted()
    section.dropEvent(QDropEvent(*args))
    assert len(_guests(window, "postgres")) == 1


def test_host_change_answered_no_keeps_the_session(window: MainWindow, message_boxes) -> None:
    session = window.controller.session
    box = window.host_panel.ksm_box()
    box.click()
    assert message_boxes.texts("question") == ["This resets the simulation. Continue?"]
    assert window.controller.session is session
    assert box.isChecked() == session.scenario.policy.ksm


def test_host_change_answered_yes_rebuilds_with_the_new_policy(
    window: MainWindow, message_boxes
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window.controller.add_guests("nginx")
    window.controller.run_until(3.0)
    old = window.controller.session
    message_boxes.answer = QMessageBox.StandardButton.Yes
    combo = window.host_panel.preset_combo()
    laptop = combo.findData("laptop")
    combo.setCurrentIndex(laptop)
    combo.activated.emit(laptop)
    new = window.controller.session
    assert new is not old and new.now == 0.0
    assert new.scenario.host.preset == "laptop"
    assert new.scenario.guests == old.current_scenario().guests  # guests kept, replayed
    assert window.controller.modified


def test_density_panel_gets_the_numbers_the_cli_prints(window: MainWindow) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "sim", "density", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    cli = json.loads(out)
    rows = cli if isinstance(cli, list) else cli.get("templates", cli.get("rows", cli))
    if isinstance(rows, dict):
        rows = [{"template": k, **v} for k, v in rows.items()]
    by_cli = {r.get("template", r.get("id")): (r["max"], r["limit"]) for r in rows}
    shown = {row.template: (row.max, row.limit) for row in window.view("density").snapshot.density}
    assert shown == by_cli


def test_transport_keys_and_title(window: MainWindow, qtbot: QtBot) -> None:
    transport = window.transport
    assert transport.play_action.shortcut() == QKeySequence(Qt.Key.Key_Space)
    assert transport.step_action.shortcut() == QKeySequence(Qt.Key.Key_Right)
    assert transport.play_action in window.actions()
    transport.play_action.trigger()
    assert window.controller.playing
    transport.play_action.trigger()
    assert not window.controller.playing
    transport.slider.setValue(transport.slider.maximum())
    assert window.controller.speed == 100.0 and transport.speed_label.text() == "100×"
    assert window.windowTitle() == "Default scenario[*] — HostLab"
    assert not window.isWindowModified()
    window.controller.add_guests("alpine")
    assert window.isWindowModified()


def test_projector_mode_enlarges_text_and_tells_every_view(window: MainWindow) -> None:
    from gui.app import apply_projector

    normal = QApplication.font().pointSizeF()
    apply_projector(window, True, remember=False)
    try:
        assert QApplication.font().pointSizeF() >= 16
        assert all(view.projector for view in window.views)
        assert window.menu_bar.actions["projector"].isChecked()
    finally:
        apply_projector(window, False, remember=False)
    assert QApplication.font().pointSizeF() == normal
    assert not any(view.projector for view in window.views)


def test_lesson_tab_follows_the_scenario(window: MainWindow, tmp_path: Path) -> None:
    lesson = tmp_path / "lesson.toml"
    lesson.write_text(
        'version = 1\nseed = 3\n[lesson]\ntitle = "Boot race"\n'
        'notes = "Which one is ready first?"\n',
        encoding="utf-8",
    )
    assert window.files.open_path(lesson)
    assert window.tabs.is_page_visible("lesson")
    assert "Which one is ready first?" in window.lesson_notes.toPlainText()
    window.controller.new_scenario()
    assert not window.tabs.is_page_visible("lesson")


def test_lesson_steps_are_announced_when_their_time_comes(window: MainWindow, qtbot: QtBot) -> None:
    from sim.lessons import bundled_lessons

    lesson = next(item for item in bundled_lessons() if item.scenario.lesson.steps)
    steps = lesson.scenario.lesson.steps
    assert window.files.open_path(lesson.path)
    later = next(step for step in steps if step.at_s > 0)
    with qtbot.waitSignal(window.lesson_notes.step_reached) as blocker:
        window.controller.run_until(later.at_s + 0.01)
    assert blocker.args[0] in {step.text for step in steps}
    # the prompt has its own bar: nothing is painted over the status bar's figures
    assert window.lesson_prompt.text() in {step.text for step in steps}
    assert window.statusBar().currentMessage() == ""
    assert "✔" in window.lesson_notes.toMarkdown()


def test_selecting_a_guest_shows_its_details(window: MainWindow, qtbot: QtBot) -> None:
    gid = window.controller.add_guests("alpine")[0]
    window.view("timeline").guest_selected.emit(gid)
    assert window.tabs.currentWidget() is window.view("details")
    assert window.rect().contains(QPoint(1, 1))


def test_main_shows_the_window_first_then_loads_the_scenario(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from gui import app as app_module

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main installs its own
    seen: dict[str, object] = {}
    show = MainWindow.show

    def spy_show(window: MainWindow) -> None:
        seen["window"], seen["views_at_show"] = window, len(window.views)
        show(window)

    def fake_exec() -> int:
        window = seen["window"]
        assert isinstance(window, MainWindow)
        seen["visible"] = window.isVisible()
        qtbot.waitUntil(lambda: window.controller.has_session and bool(window.views))
        seen["title"] = window.windowTitle()
        seen["now"] = window.controller.session.now
        window.controller.pause()
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(MainWindow, "show", spy_show)
    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    lesson = tmp_path / "mine.toml"
    lesson.write_text("version = 1\nseed = 11\n", encoding="utf-8")
    assert app_module.main([str(lesson), "--until", "2.5", "--size", "1280x800"]) == 0
    assert seen["visible"] and seen["views_at_show"] == 0  # shown before the heavy views
    assert seen["title"] == "mine.toml[*] — HostLab" and seen["now"] == 2.5

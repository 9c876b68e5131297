"""Issue 9's defects: every view tells the same fact the same way, in the language shown.

Each test reproduces one numbered defect of the issue on the real window and session.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from gui import dialogs, theme, units
from gui.text import labels
from gui.views.layer_diagram import LayerDiagramView
from gui.window.main_window import MainWindow
from sim.catalog import Catalog
from sim.lifecycle import FAIL_REASONS
from sim.session import Session

SCENARIOS = Path(__file__).resolve().parents[2] / "assets" / "scenarios"


def _panic_until_host_down(window: MainWindow) -> None:
    """Panic nginx-1's shared kernel, then step until the host is down but guests linger."""
    controller = window.controller
    controller.run_until(40.0)
    controller.inject("panic", "nginx-1")
    while not controller.session.host.down:
        controller.step()
    assert any(g.state == "running" for g in controller.session.host.guests.values()), (
        "the panic's spread should still be under way: the case the views must get right"
    )


def test_1_every_density_bar_has_its_kinds_colour_from_the_first_frame(window: MainWindow) -> None:
    density = window.view("density")
    kinds = {t.id: t.kind for t in Catalog.load().templates.values()}
    brushes = density.bars.opts["brushes"]  # type: ignore[attr-defined]
    shown = density.templates  # type: ignore[attr-defined]
    assert window.controller.session.now == 0.0 and len(shown) == len(kinds)
    for template, brush in zip(shown, brushes, strict=True):
        assert brush.name().upper() == theme.KIND_COLOURS[kinds[template]].upper(), template


def test_2_a_panicked_host_is_named_in_words_not_by_its_id(window: MainWindow) -> None:
    _panic_until_host_down(window)
    window.part("density")  # on a small screen one view shows at a time: bring it forward
    density = window.view("density")
    bar_labels = density.bar_labels  # type: ignore[attr-defined]
    assert all("host_down" not in text for text in bar_labels)
    assert any(labels.limit_label("host_down") in text for text in bar_labels)
    tips = [density.tooltip_text(i) for i in range(len(bar_labels))]  # type: ignore[attr-defined]
    assert all("host_down" not in tip for tip in tips)
    # Before the panic no bar binds on it, so no tooltip lists it at all.
    window.controller.reset()
    window.controller.run_until(5.0)
    assert all(
        labels.limit_label("host_down") not in density.tooltip_text(i)  # type: ignore[attr-defined]
        for i in range(len(bar_labels))
    )


def test_3_guest_settings_edit_a_guest_on_the_host_shown(window: MainWindow) -> None:
    assert window.files.open_path(SCENARIOS / "06-portability.toml")
    window.controller.run_until(55.0)  # nginx-1 has moved to the ARM board
    window.host_tabs.select_host("arm-board")
    window.view("timeline").guest_selected.emit("nginx-1")  # type: ignore[attr-defined]
    editor = window.experiment_tabs.guest_config
    assert editor.guest_id == "nginx-1"
    assert "network" in editor.visible_settings()  # a container's settings, not an empty panel


def test_5_a_vm_that_failed_to_start_has_no_guest_kernel(qtbot: QtBot) -> None:
    session = Session.from_file(SCENARIOS / "08-density.toml")
    session.run_until(170.0)  # the OOM killer has taken several VMs that had started
    snap = session.snapshot()
    vms = [g for g in snap.guests if g.kind == "vm"]
    live = sum(g.live for g in vms)
    gone = sum(g.state in ("failed", "killed") for g in vms)
    assert len(vms) == 82 and gone > 0 and live == 82 - gone
    view = LayerDiagramView()
    qtbot.addWidget(view)
    view.update_snapshot(snap)
    kernels = next(b for b in view.blocks if b.role == "guest_kernel" and b.count > 1)
    title, _sub = view.block_text(kernels)
    assert title.startswith(f"×{live} ")


def test_5_a_panicked_host_counts_no_live_guest_anywhere(window: MainWindow) -> None:
    _panic_until_host_down(window)
    assert "none" in window.status_panel.guests_label.text()
    experiments = window.experiment_tabs.experiments
    experiments.set_all_guests(True)
    assert experiments.targets == ()
    assert all(
        window.palette_panel.tile(t).count_text() == "×0"
        for t in window.palette_panel.template_ids()
    )
    guests = [b for b in window.view("layers").blocks if b.role == "guest"]  # type: ignore[attr-defined]
    assert guests and all(b.state == "crashed" for b in guests)


def test_6_a_language_switch_reaches_the_prompt_and_the_host_label(window: MainWindow) -> None:
    window.menu_bar.language_actions["zh_CN"].trigger()
    QApplication.processEvents()
    assert window.open_lesson(SCENARIOS / "06-portability.toml")
    window.controller.run_until(0.01)
    lesson = window.controller.scenario.lesson
    assert window.lesson_prompt.text() == lesson.steps[0].text_zh
    assert window.host_label.text() == "<b>主机：lab</b>"
    window.menu_bar.language_actions["en"].trigger()
    QApplication.processEvents()  # the language change reaches every widget; no new frame
    assert window.lesson_prompt.text() == lesson.steps[0].text
    assert window.host_label.text() == "<b>Host: lab</b>"


def test_6_a_broken_file_is_explained_in_the_window_language(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, text: shown.append(text))
    broken = tmp_path / "broken.toml"
    broken.write_text('version = 1\n[[guests]]\ntemplate = "nginx"\ncount = -3\n', encoding="utf-8")
    window.menu_bar.language_actions["zh_CN"].trigger()
    assert not window.files.open_path(broken)
    (message,) = shown
    assert "broken.toml" in message and "guests[0].count" in message and "-3" in message
    assert "expected" not in message and "whole number" not in message
    assert "整数" in message


def test_7_the_palette_shows_the_memory_guest_details_shows(window: MainWindow) -> None:
    window.controller.run_until(40.0)
    nginx = window.controller.snapshot.guest("nginx-1")
    texts = [label.text() for label in window.palette_panel.tile("nginx").findChildren(QLabel)]
    assert any(units.mib(nginx.resident_mib) in text for text in texts), texts
    tip = window.palette_panel.tile("nginx").toolTip()
    assert "page cache" in tip  # the shared image cache is named, not silently added


@pytest.mark.parametrize("code", sorted(FAIL_REASONS))
def test_7_a_failure_reads_the_same_in_the_window_as_in_the_cli(code: str) -> None:
    assert labels.reason_label(code) == FAIL_REASONS[code]

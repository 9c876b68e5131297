"""A compact window shows Benchmarks as a view of the view bar, never as a tab over the diagram."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from gui.window.main_window import MainWindow

LESSON = Path(__file__).resolve().parents[2] / "assets" / "scenarios" / "use-docker-in-vm.toml"


def _open(qtbot: QtBot, window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.adaptive.compact == (size[0] < 1900))
    window.files.open_path(LESSON)
    window.part("layers")


def test_a_result_in_a_compact_window_marks_its_button_and_keeps_the_diagrams_room(
    qtbot: QtBot, window: MainWindow
) -> None:
    _open(qtbot, window, (1024, 768))
    bar, tabs = window.adaptive.bar, window.tabs
    assert not tabs.is_page_visible("benchmark") and bar.buttons["benchmark"].isVisible()
    diagram = window.sections["layers"].height()
    front = tabs.current_name()
    window.controller.run_until(60.0)  # the lesson's workloads have run
    qtbot.wait(20)
    assert window.controller.snapshot.workloads
    assert bar.is_new("benchmark") and "●" in bar.buttons["benchmark"].text()
    assert tabs.current_name() == front  # the dock did not switch …
    assert window.sections["layers"].height() == diagram  # … nor take the diagram's height
    bar.actions_by_name["benchmark"].trigger()  # the teacher brings it forward: full size
    qtbot.wait(20)
    chart = window.sections["benchmark"]
    assert chart.isVisible() and not window.sections["layers"].isVisible()
    assert window.sections["palette"].isVisible()  # beside the palette, like Memory
    assert chart.height() >= diagram - 2
    assert not bar.is_new("benchmark") and "●" not in bar.buttons["benchmark"].text()


def test_a_large_window_gives_benchmarks_back_to_the_tabs(qtbot: QtBot, window: MainWindow) -> None:
    _open(qtbot, window, (1024, 768))
    window.adaptive.bar.actions_by_name["benchmark"].trigger()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: not window.adaptive.compact)
    assert (
        window.tabs.is_page_visible("benchmark")
        and not window.adaptive.bar.buttons["benchmark"].isVisible()
    )
    assert window.tabs.page("benchmark") is window.sections["benchmark"]
    assert window.sections["layers"].isVisible() and window.sections["memory"].isVisible()
    window.controller.run_until(60.0)
    qtbot.wait(20)
    assert window.tabs.current_name() == "benchmark"  # the first result: the tab comes forward
    assert window.sections["benchmark"].isVisible()

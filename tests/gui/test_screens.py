"""Every screen size and mode renders a lesson with no cut text, small view or overlap.

`make test` renders each classroom size in normal and projector mode once (alternating
lessons and languages); `make screens` renders the whole matrix (tests/gui/screens.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QPushButton, QWidget
from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).parent))
import screens  # noqa: E402

CASES = [
    (
        size,
        projector,
        ("en", "zh_CN")[(i + projector) % 2],
        screens.LESSONS[(2 * i + projector) % len(screens.LESSONS)],
    )
    for i, size in enumerate(screens.SIZES)
    for projector in (False, True)
]


@pytest.mark.parametrize(
    ("size", "projector", "lang", "lesson"),
    CASES,
    ids=[
        f"{w}x{h}-{'proj' if p else 'normal'}-{lang}-{les.stem}" for (w, h), p, lang, les in CASES
    ],
)
def test_lesson_renders_readable(
    qtbot: QtBot, size: tuple[int, int], projector: bool, lang: str, lesson: Path
) -> None:
    image, found = screens.render(lesson, size, projector, lang)
    assert (image.width(), image.height()) == size
    assert found == []


def test_checks_see_cut_text_and_overlap(qtbot: QtBot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    row = QHBoxLayout(box)
    row.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # let the box be too small
    row.addWidget(QLabel("A label much longer than its room"))
    row.addWidget(QPushButton("A button much longer than its room"))
    box.resize(120, 40)
    box.show()
    qtbot.waitExposed(box)
    found = screens.problems(box)
    assert any(p.startswith("label ") for p in found)
    assert any(p.startswith("button ") for p in found)
    stray = QLabel("x", box)  # placed by hand over the laid-out label
    stray.setGeometry(10, 5, 60, 30)
    stray.show()
    assert any("overlaps" in p for p in screens.problems(box))


def test_small_window_shows_one_view_and_a_key_brings_another(qtbot: QtBot, window) -> None:
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.adaptive.compact)
    shown = [
        n for n in ("layers", "timeline", "memory", "density") if window.sections[n].isVisible()
    ]
    assert shown == ["layers"]
    window.adaptive.bar.actions_by_name["memory"].trigger()
    assert window.sections["memory"].isVisible() and not window.sections["layers"].isVisible()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: not window.adaptive.compact)
    assert all(window.sections[n].isVisible() for n in ("layers", "timeline", "memory"))
    window.adaptive.bar.actions_by_name["timeline"].trigger()  # full size, then back
    assert not window.sections["palette"].isVisible()
    window.adaptive.bar.actions_by_name[""].trigger()
    assert window.sections["palette"].isVisible() and window.sections["density"].isVisible()


def test_projector_on_a_running_window_keeps_the_timelines_row_labels(qtbot: QtBot, window) -> None:
    from PySide6.QtGui import QFontMetrics

    from gui import theme
    from gui.app import apply_projector

    window.controller.run_until(20.0)
    window.part("timeline")  # on a small screen one view shows at a time: bring it forward
    timeline = window.view("timeline")
    assert timeline.rows
    try:
        apply_projector(window, True, remember=False, screen=window.size())
        qtbot.wait(50)
        widest = max(QFontMetrics(theme.font(True)).horizontalAdvance(t) for t in timeline.rows)
        assert timeline.plot_item.getAxis("left").width() >= min(widest, 420 - 16)
    finally:
        apply_projector(window, False, remember=False)


def test_a_lesson_opens_paused_at_its_speed_and_stops_at_its_pause_step(
    qtbot: QtBot, window
) -> None:
    lesson = screens.ROOT / "assets" / "scenarios" / "05-isolation-panic.toml"
    window.controller.set_speed(100.0)
    window.controller.play()
    assert window.files.open_path(lesson) is not False
    assert not window.controller.playing and window.controller.speed == 1.0
    assert window.lesson_flow.stops[0] == 7.0
    window.controller.set_speed(100.0)  # 3.3 simulated seconds a frame: 7 s is inside one
    window.controller.play()
    qtbot.waitUntil(
        lambda: not window.controller.playing and window.controller.snapshot.time_s == 7.0,
        timeout=5000,
    )
    assert "Why" in window.lesson_prompt.text() or window.lesson_prompt.text()


def test_a_lesson_ends_at_its_end_time_with_its_summary(qtbot: QtBot, window) -> None:
    lesson = screens.ROOT / "assets" / "scenarios" / "02-startup.toml"
    window.files.open_path(lesson)
    end = window.controller.scenario.lesson.end_s
    window.controller.run_until(end - 1.0)
    window.controller.set_speed(100.0)
    window.controller.play()
    qtbot.waitUntil(
        lambda: not window.controller.playing and window.controller.snapshot.time_s == end,
        timeout=5000,
    )
    qtbot.waitUntil(lambda: window.lesson_prompt.text().startswith("End of the lesson."))
    assert window.controller.scenario.lesson.summary in window.lesson_prompt.text()


def test_keys_reach_focused_controls_and_the_transport(qtbot: QtBot, window) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QToolButton

    tile = window.palette_panel.findChildren(QToolButton)[0]
    tile.setFocus()
    guests = len(window.controller.snapshot.guests)
    qtbot.keyClick(tile, Qt.Key.Key_Space)  # presses the focused tile, not play
    assert not window.controller.playing
    assert len(window.controller.snapshot.guests) == guests + 1
    fired: list[bool] = []
    window.transport.step_action.triggered.connect(lambda: fired.append(True))
    window.transport.slider.setFocus()
    qtbot.keyClick(window.transport.slider, Qt.Key.Key_Right)  # steps even on the slider
    assert fired


def test_guests_are_chosen_from_the_keyboard_and_tab_leaves_the_tables(
    qtbot: QtBot, window
) -> None:
    window.part("details")  # a view in a tab at the back draws once it is shown
    details = window.view("details")
    window.controller.run_until(5.0)
    ids = [g.id for g in window.controller.snapshot.guests]
    details.chooser.setCurrentIndex(1)
    details.chooser.activated.emit(1)
    assert window.selected_guest == ids[1] and details.guest_id == ids[1]
    assert not details.phases_table.tabKeyNavigation()
    assert not details.memory_table.tabKeyNavigation()


def test_file_menu_mnemonics_are_distinct_and_controls_are_named(window) -> None:
    from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSlider

    menu = window.menu_bar.menus["file"]
    keys = [a.text().split("&")[1][0].lower() for a in menu.actions() if "&" in a.text()]
    assert len(keys) == len(set(keys)), keys
    buddies = {label.buddy() for label in window.findChildren(QLabel) if label.buddy()}
    controls = [w for kind in (QSlider, QComboBox, QLineEdit) for w in window.findChildren(kind)]
    unnamed = [
        w
        for w in controls
        if w.isVisible()
        and not w.accessibleName()
        and w not in buddies
        and not isinstance(w.parentWidget(), QComboBox)
    ]
    assert unnamed == []


def test_notes_keep_headings_apart_and_chinese_lines_join_without_spaces() -> None:
    from gui.text.safe_text import lesson_html

    html = lesson_html("怎么做\n前 4 秒用正常\n速度播放。\n\nWHAT TO DO\nOpen the\ntimeline.")
    assert "<h3>怎么做</h3>" in html and "正常速度播放" in html
    assert "<h3>WHAT TO DO</h3>" in html and "Open the timeline." in html


def test_a_limit_of_zero_reads_no_limit(window) -> None:
    spin = window.experiment_tabs.guest_config.controls["memory_limit_mib"]
    spin.setValue(0)
    assert spin.text() == "no limit"


def test_clock_readings_share_one_format() -> None:
    from gui import units

    assert (units.sim_time(95.0), units.sim_time(110.0)) == ("95.000 s", "110.000 s")


def test_the_checker_finds_a_cut_combo_box_choice(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QComboBox

    top = QWidget()
    box = QHBoxLayout(top)
    combo = QComboBox()
    combo.addItem("Allocate on use (overcommit)")
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(3)
    combo.setFixedWidth(80)
    box.addWidget(combo)
    qtbot.addWidget(top)
    top.show()
    assert any("combo box" in p for p in screens.problems(top))


def test_the_checker_looks_inside_plots_and_the_diagram(qtbot: QtBot) -> None:
    import pyqtgraph as pg  # type: ignore[import-untyped]

    class Diagram(QWidget):
        def cut_texts(self) -> list[str]:
            return ["Host kernel, shared by every container"]

    class Window(QWidget):
        def __init__(self) -> None:
            super().__init__()
            box = QHBoxLayout(self)
            self.plot = pg.PlotWidget()
            self.diagram = Diagram()
            box.addWidget(self.plot)
            box.addWidget(self.diagram)

        def views_by_name(self) -> dict[str, QWidget]:
            return {"plot": self.plot, "layers": self.diagram}

    window = Window()
    window.resize(300, 200)
    item = window.plot.getPlotItem()
    item.getAxis("bottom").setTicks([[(0.0, "Network round trip"), (0.1, "Random I/O")], []])
    item.setXRange(-0.5, 0.6, padding=0)
    for x in (0.0, 0.05):
        item.addItem(pg.TextItem("1.00×", anchor=(0.5, 1)))
        item.items[-1].setPos(x, 0.5)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    found = "\n".join(screens.problems(window))
    assert "block text 'Host kernel, shared by every container' cut" in found
    assert "bottom axis labels" in found and "overlap" in found
    assert "texts '1.00×' and '1.00×' overlap" in found


@pytest.mark.parametrize(
    "lesson", ["05-isolation-panic.toml", "06-portability.toml", "03-side-by-side.toml"]
)
def test_what_the_matrix_found_at_1024_projector_is_readable(qtbot: QtBot, lesson: str) -> None:
    # Crashed guests' names beside their badges in squat rows; eight bottom tabs, two hosts.
    _image, found = screens.render(
        screens.ROOT / "assets/scenarios" / lesson, (1024, 768), True, "en"
    )
    assert found == []


def test_one_window_resized_through_every_size_stays_readable(qtbot: QtBot, tmp_path) -> None:
    # What `make screens` does for every lesson: a teacher's window, resized live.
    import screens_matrix

    lesson = screens.ROOT / "assets/scenarios/use-docker-in-vm.toml"  # a result, then Benchmarks
    failing = screens_matrix.run_live("en", True, [lesson], list(screens.SIZES), tmp_path)
    assert failing == {f"{w}x{h}": [] for w, h in screens.SIZES}

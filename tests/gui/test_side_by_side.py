"""Side by side: two hosts in one split view, one clock, linked time axes and memory scale."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.window.main_window import MainWindow
from sim.lessons import SCENARIO_DIR

LESSON = SCENARIO_DIR / "03-side-by-side.toml"


def _open(window: MainWindow, until_s: float = 30.0) -> None:
    assert window.open_lesson(LESSON)
    window.controller.run_until(until_s)
    QApplication.processEvents()


def test_a_two_host_lesson_opens_side_by_side_with_both_hosts(window: MainWindow) -> None:
    _open(window)
    area = window.side_by_side
    assert area.on and area.view is not None and area.view.isVisible()
    assert window.menu_bar.actions["side_by_side"].isChecked()
    left, right = area.view.panes
    assert (left.host_id, right.host_id) == ("containers", "vms")
    assert left.title.text().startswith("containers") and right.title.text().startswith("vms")
    memory = [p.views["memory"].snapshot for p in area.view.panes]
    assert [s.host.id for s in memory] == ["containers", "vms"]  # type: ignore[union-attr]
    assert memory[0].time_s == memory[1].time_s == 30.0  # type: ignore[union-attr]
    kinds = [{g.kind for g in s.guests} for s in memory]  # type: ignore[union-attr]
    assert kinds == [{"container"}, {"vm"}]
    assert not window.sections["memory"].isVisible()  # the panes take the columns' place


def test_time_axes_and_memory_scales_are_linked(window: MainWindow) -> None:
    _open(window, 12.0)
    view = window.side_by_side.view
    assert view is not None
    (x0, y0), (x1, y1) = view.memory_ranges()
    assert (x0, y0) == (x1, y1) and y0 > 0
    # Each alone would draw its own top: the VMs hold far more memory than the containers.
    tops = [p.views["memory"].used_top[1].max() for p in view.panes]
    assert tops[1] > 3 * tops[0]
    spans = [p.views["timeline"].plot_item.getViewBox().viewRange()[0] for p in view.panes]
    assert spans[0] == spans[1]
    window.controller.run_until(50.0)
    QApplication.processEvents()
    later = view.memory_ranges()
    assert later[0] == later[1] and later[0][0] > x0  # the shared time axis grew with the clock


def test_the_panes_follow_a_rewind(window: MainWindow) -> None:
    _open(window, 10.0)
    window.controller.run_until(40.0)
    window.rewind.seek(10.0)
    view = window.side_by_side.view
    assert view is not None
    assert [p.views["memory"].snapshot.time_s for p in view.panes] == [10.0, 10.0]  # type: ignore[union-attr]


def test_the_other_page_shows_architecture_and_density_per_host(window: MainWindow) -> None:
    _open(window)
    view = window.side_by_side.view
    assert view is not None
    # A small screen shows one view per page (Memory, Start-up, Architecture, How many more).
    view.pages.setCurrentIndex(2 if view.compact else 1)
    for pane, host in zip(view.panes, ("containers", "vms"), strict=True):
        assert pane.views["layers"].snapshot.host.id == host  # type: ignore[union-attr]
    view.pages.setCurrentIndex(3 if view.compact else 1)
    for pane in view.panes:
        assert pane.views["density"].isVisible()


def test_it_fits_1366x768_in_projector_mode(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1366, 768)
    window.set_projector(True)
    _open(window)
    QApplication.processEvents()
    assert (window.width(), window.height()) == (1366, 768)
    view = window.side_by_side.view
    assert view is not None
    for page, name in enumerate(("memory", "timeline")):  # one view per page on this screen
        view.pages.setCurrentIndex(page)
        QApplication.processEvents()
        for pane in view.panes:
            plot = pane.views[name]
            assert plot.isVisible() and plot.height() >= 200 and plot.width() >= 400, name
    window.set_projector(False)


def test_one_host_cannot_be_side_by_side_and_a_third_host_is_chosen_by_tab(
    window: MainWindow,
) -> None:
    window.side_by_side.set_on(True)
    assert not window.side_by_side.on
    assert not window.menu_bar.actions["side_by_side"].isEnabled()
    assert window.open_lesson(SCENARIO_DIR / "06-portability.toml")
    assert not window.side_by_side.on  # three hosts: the teacher chooses
    window.menu_bar.actions["side_by_side"].trigger()
    assert window.side_by_side.on
    window.host_tabs.select_host("windows-pc")
    panes = window.side_by_side.view.panes  # type: ignore[union-attr]
    assert (panes[0].host_id, panes[1].host_id) == ("lab", "windows-pc")
    assert panes[1].views["memory"].snapshot.host.id == "windows-pc"  # type: ignore[union-attr]
    window.menu_bar.actions["side_by_side"].trigger()
    assert not window.side_by_side.on
    grid = ("layers", "timeline", "memory", "density")
    shown = [n for n in grid if window.sections[n].isVisible()]
    assert shown and all(n in window.adaptive.names for n in shown), shown  # the grid is back


def _write(path: object, template: str) -> str:
    text = (
        f'version = 1\nseed = 5\n[host]\npreset = "classroom-server"\n'
        f'[[guests]]\ntemplate = "{template}"\ncount = 2\nat_s = 0.0\n'
    )
    path.write_text(text, encoding="utf-8")  # type: ignore[attr-defined]
    return str(path)


def test_two_scenarios_run_side_by_side_on_one_clock(
    window: MainWindow, tmp_path: object, monkeypatch: object
) -> None:
    from gui import dialogs

    first = _write(tmp_path / "containers.toml", "nginx")  # type: ignore[operator]
    second = _write(tmp_path / "vms.toml", "alpine-vm")  # type: ignore[operator]
    window.controller.open_file(first)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_: second)  # type: ignore[attr-defined]
    window.menu_bar.actions["compare"].trigger()
    assert window.side_by_side.on and window.controller.path is None  # a new, untitled pair
    window.controller.run_until(20.0)
    panes = window.side_by_side.view.panes  # type: ignore[union-attr]
    assert [p.host_id for p in panes] == ["containers", "vms"]
    assert [
        {g.template for g in p.views["memory"].snapshot.guests}  # type: ignore[union-attr]
        for p in panes
    ] == [{"nginx"}, {"alpine-vm"}]


def test_a_scenario_with_timed_actions_is_refused_with_a_message(
    window: MainWindow, tmp_path: object, monkeypatch: object
) -> None:
    from gui import dialogs

    shown: list[str] = []
    monkeypatch.setattr(
        dialogs,
        "show_error",  # type: ignore[attr-defined]
        lambda _p, _t, message: shown.append(message),
    )
    before = window.controller.session
    assert not window.side_by_side.compare_with(str(SCENARIO_DIR / "06-portability.toml"))
    assert shown and "one host" in shown[0] and window.controller.session is before


def test_the_panes_keep_the_reading_pace_while_playing_and_catch_up_on_a_stop(
    window: MainWindow,
) -> None:
    _open(window, 5.0)
    view = window.side_by_side.view
    assert view is not None
    window.prediction_card.asking = False
    window.controller.play()
    paced = [v for pane in view.panes for v in pane.views.values() if v.READING_PACE_S]
    assert paced  # the density panel of each host is read, not watched
    assert all(v.playing for pane in view.panes for v in pane.views.values())
    window.controller.pause()
    assert not any(v.playing for pane in view.panes for v in pane.views.values())

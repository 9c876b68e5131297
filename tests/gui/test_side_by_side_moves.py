"""Side by side during a move: the guest leaves one pane's host and arrives on the other's."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from gui.window.main_window import MainWindow
from sim.lessons import SCENARIO_DIR
from sim.scenario import GuestSpec, HostSpec, Scenario
from sim.session import Session
from sim.snapshot import LAYERS, GuestView, Snapshot

VM = "ubuntu-server-1"  # moves live from lab-2 to lab at 60 s (its RAM and page cache: ~10 s)


def _panes_at(window: MainWindow, t: float) -> dict[str, dict[str, Snapshot]]:
    """Return each pane's host → its views' snapshots at `t` (both pages drawn)."""
    window.controller.run_until(t)
    QApplication.processEvents()
    return _shown(window)


def _shown(window: MainWindow) -> dict[str, dict[str, Snapshot]]:
    view = window.side_by_side.view
    assert view is not None
    out: dict[str, dict[str, Snapshot]] = {}
    # A small screen shows one view a page, a large one two: show every page, the first last.
    for page in reversed(range(view.pages.count())):
        view.pages.setCurrentIndex(page)
        QApplication.processEvents()
        for pane in view.panes:
            for name, v in pane.views.items():
                if v.snapshot is not None and name in ("memory", "timeline", "layers"):
                    out.setdefault(pane.host_id, {})[name] = v.snapshot
    return out


def _show_page_of(view: object, name: str) -> None:
    """Bring forward the page that shows each pane's `name` view."""
    pages = view.pages  # type: ignore[attr-defined]
    pane = view.panes[0]  # type: ignore[attr-defined]
    for page in range(pages.count()):
        pages.setCurrentIndex(page)
        QApplication.processEvents()
        if pane.views[name].isVisibleTo(pane):
            return
    raise AssertionError(f"no page shows {name!r}")


def _guest(snaps: dict[str, Snapshot], view: str) -> GuestView | None:
    return snaps[view].guest(VM)


def _open(window: MainWindow) -> None:
    assert window.open_lesson(SCENARIO_DIR / "06-portability.toml")
    window.prediction_card.asking = False
    window.menu_bar.actions["side_by_side"].trigger()  # F6, as the lesson asks at 58 s
    window.host_tabs.select_host("lab-2")
    panes = window.side_by_side.view.panes  # type: ignore[union-attr]
    assert (panes[0].host_id, panes[1].host_id) == ("lab", "lab-2")


def test_each_pane_shows_the_vm_leaving_and_arriving_during_a_live_move(
    window: MainWindow,
) -> None:
    _open(window)
    before = _panes_at(window, 59.0)
    for name in ("memory", "timeline", "layers"):
        assert _guest(before["lab-2"], name).shown_state == "running"  # type: ignore[union-attr]
        assert _guest(before["lab"], name) is None
    lab_before = before["lab"]["memory"].memory_mib
    during = _panes_at(window, 61.0)
    for name in ("memory", "timeline", "layers"):
        leaving, arriving = _guest(during["lab-2"], name), _guest(during["lab"], name)
        assert leaving is not None and arriving is not None
        assert (leaving.state, leaving.shown_state) == ("running", "leaving")
        assert arriving.shown_state == "arriving"
        assert leaving.phases[-1].name == "precopy"  # its pre-copy on the source's timeline
    full = _guest(during["lab-2"], "memory").resident_mib  # type: ignore[union-attr]
    part = _guest(during["lab"], "memory").resident_mib  # type: ignore[union-attr]
    assert 0 < part < full  # the target's memory is filling with the VM's pages
    lab_during = during["lab"]["memory"].memory_mib
    assert sum(lab_during[k] for k in LAYERS) > sum(lab_before[k] for k in LAYERS)
    after = _panes_at(window, 80.0)
    for name in ("memory", "timeline", "layers"):
        assert _guest(after["lab-2"], name) is None
        arrived = _guest(after["lab"], name)
        assert arrived is not None and arrived.shown_state == "running"
    # Rewound to the middle of the move, both panes show it leaving and arriving again.
    window.rewind.seek(61.0)
    QApplication.processEvents()
    again = _shown(window)
    assert _guest(again["lab-2"], "memory").shown_state == "leaving"  # type: ignore[union-attr]
    assert _guest(again["lab"], "timeline").shown_state == "arriving"  # type: ignore[union-attr]


def test_zooming_one_pane_to_memory_in_use_zooms_both(window: MainWindow) -> None:
    _open(window)
    window.controller.run_until(61.0)
    QApplication.processEvents()
    view = window.side_by_side.view
    assert view is not None
    fits = [p.views["memory"].fit_used for p in view.panes]  # type: ignore[attr-defined]
    assert not any(f.isChecked() for f in fits)
    plots = [p.views["memory"] for p in view.panes]

    def tops_mib() -> list[float]:  # a plot's axis unit is MiB × its scale
        return [t * p.scale[0] for (_, t), p in zip(view.memory_ranges(), plots, strict=True)]  # type: ignore[attr-defined]

    ram_tops = tops_mib()
    fits[0].setChecked(True)
    QApplication.processEvents()
    assert all(f.isChecked() for f in fits)
    zoomed = tops_mib()
    assert all(z < r / 4 for z, r in zip(zoomed, ram_tops, strict=True))
    fits[1].setChecked(False)
    assert not any(f.isChecked() for f in fits)


def test_played_frame_by_frame_the_diagram_and_timeline_mark_the_move(window: MainWindow) -> None:
    hosts = (HostSpec("classroom-server", {}, "a"), HostSpec("classroom-server", {}, "b"))
    scenario = Scenario(host=hosts[0], more_hosts=hosts[1:], guests=(GuestSpec("ubuntu-server"),))
    window.controller.set_session(Session.bundled(scenario))
    view = window.side_by_side.view
    assert window.side_by_side.on and view is not None  # two hosts: side by side by itself
    _show_page_of(view, "layers")  # architecture: the layer diagrams
    window.controller.run_until(40.0)
    QApplication.processEvents()
    window.controller.move_guest(VM, "b", mode="live")
    t = 40.0
    while t < 40.5:  # pre-copy: the VM still runs on a, only its mark changes there
        t += 0.1
        window.controller.run_until(t)
        QApplication.processEvents()
    left, right = (p.views["layers"] for p in view.panes)

    def states(diagram: object) -> dict[str, int]:
        blocks = diagram.blocks  # type: ignore[attr-defined]
        [guest] = [b for b in blocks if VM in b.guest_ids and b.role == "guest"]
        return guest.states

    assert states(left) == {"leaving": 1} and states(right) == {"arriving": 1}
    _show_page_of(view, "timeline")
    rows = [p.views["timeline"].rows for p in view.panes]  # type: ignore[attr-defined]
    assert "↗ " + VM in rows[0] and "↘ " + VM in rows[1]

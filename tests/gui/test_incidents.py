"""Incidents in the layer diagram: the spread step by step, banners, shields, Windows hosts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import snapshots as S
from pytestqt.qtbot import QtBot

from gui.views import LayerDiagramView
from sim.session import Session

ESCAPE = Path(__file__).resolve().parents[2] / "assets" / "scenarios" / "05-isolation-escape.toml"


def _view(qtbot: QtBot) -> LayerDiagramView:
    view = LayerDiagramView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    return view


def _marks(view: LayerDiagramView) -> dict[str, str]:
    return {target: mark for target, _rect, mark in view.marks}


def test_an_escape_spreads_layer_by_layer(qtbot: QtBot) -> None:
    view, session = _view(qtbot), Session.from_file(ESCAPE)
    seen = []
    for t in (7.01, 10.01, 10.41, 10.81, 11.21, 11.61):
        session.run_until(t)
        view.update_snapshot(session.snapshot())
        seen.append(_marks(view))
    assert seen[0] == {"nginx-2": "blocked", "nginx-1": "blocked"}  # 4 s and 7 s held
    assert seen[1]["nginx-1"] == "compromised" and "runtime" not in seen[1]
    assert seen[2]["runtime"] == "compromised" and "host_kernel" not in seen[2]
    assert seen[3]["host_kernel"] == seen[3]["hardware"] == "compromised"
    assert seen[3]["nginx-2"] == "blocked"  # not reached yet: its shield still shows
    assert seen[4]["nginx-2"] == "compromised" and "alpine-vm-1" not in seen[4]
    assert seen[5]["alpine-vm-1"] == "compromised"
    assert session.snapshot().host.compromised
    rects = {target: rect for target, rect, _ in view.marks}
    assert rects["nginx-1"].width() > 0 and rects["host_kernel"].width() > 0
    view.grab()  # paints the banner and every mark without error


def test_a_container_panic_takes_the_host_down_and_a_vm_panic_stays_inside(qtbot: QtBot) -> None:
    view, session = _view(qtbot), Session.from_file(ESCAPE)
    session.run_until(3.0)
    session.inject("panic", "alpine-vm-1")
    session.run_until(4.0)
    view.update_snapshot(session.snapshot())
    assert _marks(view) == {"guest_kernel:alpine-vm-1": "crashed", "alpine-vm-1": "crashed"}
    session.inject("panic", "nginx-1")
    session.run_until(6.0)
    snap = session.snapshot()
    view.update_snapshot(snap)
    marks = _marks(view)
    assert snap.host.down and marks["host_kernel"] == "crashed"
    assert marks["nginx-1"] == marks["nginx-2"] == "crashed"
    view.grab()


def test_aggregated_blocks_count_compromised_guests(qtbot: QtBot) -> None:
    view = _view(qtbot)
    snap = S.crowd(200)
    hit = {f"nginx-{i}" for i in range(1, 4)}
    guests = tuple(replace(g, compromised=g.id in hit) for g in snap.guests)
    view.update_snapshot(replace(snap, guests=guests))
    nginx = next(b for b in view.blocks if b.role == "guest" and b.template == "nginx")
    assert nginx.count > 100 and nginx.marks == {"compromised": 3}
    assert nginx.mark == "compromised"


def test_windows_host_draws_the_linux_utility_vm_under_linux_containers(qtbot: QtBot) -> None:
    view = _view(qtbot)
    windows = S.host(os="windows", utility_vm=True, hypervisor="type1")
    view.update_snapshot(
        S.make_snapshot(
            40.0,
            [("nginx", 2, 0.0, 0.0), ("redis", 1, 0.0, 0.0), ("ubuntu-server", 1, 0.0, 0.0)],
            host_view=windows,
            template_os={"redis": "windows"},
        )
    )
    (uvm,) = [b for b in view.blocks if b.role == "utility_vm"]
    linux = [b for b in view.blocks if b.role == "guest" and b.template == "nginx"]
    win = next(b for b in view.blocks if b.role == "guest" and b.template == "redis")
    assert all(b.row == uvm.row + 1 and uvm.x <= b.x < uvm.x + uvm.w for b in linux)
    assert not uvm.x <= win.x < uvm.x + uvm.w  # a Windows container shares the host kernel
    assert uvm.state == "running"
    view.grab()

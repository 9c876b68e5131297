"""Layer diagram: one shared host kernel, a kernel per VM, hypervisor types, aggregation."""

from __future__ import annotations

from dataclasses import replace

import snapshots as S
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter

from gui import theme
from gui.views import LayerDiagramView, incident_marks
from gui.views import layer_diagram_layout as lay
from gui.views.layer_diagram_text import ZWSP, breakable, fit_first


def _view(qtbot) -> LayerDiagramView:  # noqa: ANN001
    view = LayerDiagramView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    return view


def _roles(view: LayerDiagramView, role: str) -> list:
    return [b for b in view.blocks if b.role == role]


def test_kernel_per_vm_and_one_shared_host_kernel(qtbot) -> None:  # noqa: ANN001
    view = _view(qtbot)
    snap = S.classroom()
    view.update_snapshot(snap)
    assert len(_roles(view, "host_kernel")) == 1
    vms = [g.id for g in snap.guests if g.kind in ("vm", "microvm")]
    kernels = _roles(view, "guest_kernel")
    assert sorted(i for b in kernels for i in b.guest_ids) == sorted(vms)
    assert all(b.count == 1 for b in kernels)
    containers = [b for b in _roles(view, "guest") if b.kind == "container"]
    assert len(containers) == 6
    assert _roles(view, "runtime") and _roles(view, "user_kernel")  # gVisor's Sentry
    killed = next(b for b in containers if b.guest_ids == ("nginx-3",))
    assert killed.state == "killed"


def test_blocks_grow_as_guests_arrive(qtbot) -> None:  # noqa: ANN001
    view = _view(qtbot)
    view.update_snapshot(S.make_snapshot(0.0, []))
    assert _roles(view, "guest") == []
    view.update_snapshot(S.mid_boot())
    assert len(_roles(view, "guest")) == 2


def test_type1_hypervisor_sits_below_the_host_kernel(qtbot) -> None:  # noqa: ANN001
    view = _view(qtbot)
    view.update_snapshot(
        S.make_snapshot(
            40.0, [("ubuntu-server", 1, 0.0, 0.0)], host_view=S.host(hypervisor="type1")
        )
    )
    (hv,) = _roles(view, "hypervisor")
    (kernel,) = _roles(view, "host_kernel")
    assert hv.row < kernel.row
    view.update_snapshot(
        S.make_snapshot(
            40.0, [("nginx", 1, 0.0, 0.0)], host_view=S.host(hypervisor="none", runtime=True)
        )
    )
    assert _roles(view, "hypervisor") == []
    view.update_snapshot(
        S.make_snapshot(40.0, [("ubuntu-server", 1, 0.0, 0.0)], host_view=S.host(runtime=False))
    )
    assert _roles(view, "runtime") == []


def test_hundreds_of_guests_aggregate(qtbot) -> None:  # noqa: ANN001
    view = _view(qtbot)
    view.update_snapshot(S.crowd(1000))
    guests = _roles(view, "guest")
    assert len(guests) == 3
    nginx = next(b for b in guests if b.template == "nginx")
    assert nginx.count == 960 and nginx.states == {"running": 958, "killed": 2}
    (kernels,) = _roles(view, "guest_kernel")
    assert kernels.count == 20  # still one kernel per VM, drawn as a deck


def test_click_on_a_guest_block_selects_it(qtbot) -> None:  # noqa: ANN001
    view = _view(qtbot)
    view.update_snapshot(S.classroom())
    block = next(
        b for b in view.blocks if b.guest_ids == ("ubuntu-server-2",) and b.role == "guest"
    )
    with qtbot.waitSignal(view.guest_selected) as sig:
        qtbot.mouseClick(
            view.canvas, Qt.MouseButton.LeftButton, pos=view.block_rect(block).center().toPoint()
        )
    assert sig.args == ["ubuntu-server-2"]


def test_a_name_too_wide_beside_its_badge_goes_under_it(qtbot) -> None:  # noqa: ANN001
    font = theme.font(False, bold=True)
    wide = QFontMetrics(font).horizontalAdvance("alpine-") + 8
    beside = QRectF(0, 0, wide / 3, 80)  # a narrow column, the badge at its right
    under = QRectF(0, 40, wide, 40)  # the whole width, below the badge's line
    index, shown = fit_first(font, [beside, under], [breakable("alpine-vm-1")], 9, 13)
    assert (index, shown.cut) == (1, False)
    assert shown.text.replace(ZWSP, "") == "alpine-vm-1"


def test_a_text_beside_a_badge_stays_clear_of_it(qtbot) -> None:  # noqa: ANN001
    view = _view(qtbot)
    block = lay.Block("guest", 0, 0, 1, guest_ids=("gvisor-1",), marks={"blocked": 1})
    rect = QRectF(0, 0, 110, 34)
    image = QImage(120, 50, QImage.Format.Format_ARGB32)
    image.fill(QColor("#808080"))
    painter = QPainter(image)
    incident_marks.paint_mark(painter, block, rect, view.projector, 0.0)
    painter.end()
    inked = [
        x for x in range(120) for y in range(50) if image.pixelColor(x, y) != QColor("#808080")
    ]
    assert view.text_areas(block, rect)[0].right() < min(inked)


def test_state_counts_of_a_crowd_are_what_each_guest_says_it_shows() -> None:
    """Counted per combination of the fields, asked of one guest each: the same answer."""
    crowd = S.crowd(300, 20.0).guests
    mixed = [
        *crowd,
        replace(crowd[0], state="running", host_down=True),  # on a panicked host: crashed
        replace(crowd[1], state="killed", host_down=True),  # gone before the panic: killed
        replace(crowd[2], state="running", move="leaving"),
        replace(crowd[3], state="starting", move="arriving"),
    ]
    expected: dict[str, int] = {}
    for g in mixed:
        expected[g.shown_state] = expected.get(g.shown_state, 0) + 1
    assert len(expected) >= 5
    assert lay.shown_counts(mixed) == expected

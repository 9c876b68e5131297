"""Layer diagram: the kept block text plans never show what a fresh diagram would not."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import snapshots as S
from PySide6.QtCore import QEvent, QObject, QRect, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from gui import i18n
from gui.views import LayerDiagramView
from gui.views.layer_diagram_layout import Block
from sim.snapshot import Snapshot


def _view(qtbot, size: tuple[int, int] = (900, 500)) -> LayerDiagramView:  # noqa: ANN001
    view = LayerDiagramView()
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    return view


def _same_picture(a: LayerDiagramView, b: LayerDiagramView) -> bool:
    QApplication.processEvents()  # legends re-flow after a change; the canvas follows
    assert a.canvas.size() == b.canvas.size()
    return a.canvas.grab().toImage() == b.canvas.grab().toImage()


def test_plans_are_kept_for_blocks_whose_text_did_not_change(qtbot) -> None:  # noqa: ANN001
    view = _view(qtbot)
    view.update_snapshot(S.crowd(200, 20.0))
    view.canvas.grab()
    kept = len(view._plans)
    assert kept >= len(view.blocks)  # one plan per block painted
    view.update_snapshot(S.crowd(200, 21.0))  # a frame later: counts of states change
    view.canvas.grab()
    # Hardware, kernels and hypervisor keep their plans; only changed blocks add new ones.
    assert len(view._plans) < kept + len(view.blocks)


def test_a_view_that_played_on_then_rewound_shows_what_a_fresh_view_shows(qtbot) -> None:  # noqa: ANN001
    played = _view(qtbot)
    for now in (5.0, 20.0, 40.0, 60.0, 90.0):  # a crowd arriving and starting, frame by frame
        played.update_snapshot(S.crowd(300, now))
        played.canvas.grab()
    rewound = S.crowd(300, 10.0)  # the time slider goes back: fewer guests, more starting
    played.update_snapshot(rewound)
    fresh = _view(qtbot)
    fresh.update_snapshot(rewound)
    assert played.blocks == fresh.blocks
    assert _same_picture(played, fresh)


@pytest.mark.parametrize("change", ["resize", "projector", "language", "host"])
def test_after_a_change_the_view_shows_what_a_view_never_painted_before_shows(
    qtbot,  # noqa: ANN001
    change: str,
) -> None:
    snap = S.classroom()
    view = _view(qtbot)
    view.update_snapshot(snap)
    view.canvas.grab()  # only this view has plans kept now
    if change == "host":  # same guests on a bigger machine: the hardware block says so
        snap = S.make_snapshot(
            45.0,
            [
                ("nginx", 6, 0.0, 0.4),
                ("ubuntu-server", 2, 1.0, 3.0),
                ("firecracker", 1, 2.0, 0.0),
                ("gvisor", 1, 2.5, 0.0),
            ],
            kills={"nginx-3": 30.0},
            host_view=S.host(cores=64, ram_mib=262144.0),
        )
        view.update_snapshot(snap)
    elif change == "language":
        i18n.install_language("zh_CN", remember=False)
        QApplication.processEvents()
    try:
        fresh = _view(qtbot)
        fresh.update_snapshot(snap)
        for v in (view, fresh):
            if change == "resize":
                v.resize(700, 380)
            elif change == "projector":
                v.set_projector(True)
        assert _same_picture(view, fresh)
    finally:
        i18n.install_language("en", remember=False)


class _Paints(QObject):
    """Records the areas Qt asks a widget to paint."""

    def __init__(self) -> None:
        super().__init__()
        self.areas: list[QRect] = []

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            self.areas.append(event.rect())  # type: ignore[attr-defined]
        return False


def _on_screen(view: LayerDiagramView) -> QImage:
    """Return the canvas as the window shows it now (not painted again, unlike grab())."""
    g = view.canvas.geometry()
    shot = view.screen().grabWindow(view.winId(), g.x(), g.y(), g.width(), g.height())
    return shot.toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def _moments(scene: str) -> list[Snapshot]:
    """Return a scene played frame by frame, then seeks back and forth."""
    if scene == "crowd":
        times = [5.0 + 0.25 * i for i in range(12)] + [3.0, 30.0, 90.0, 4.0]
        return [S.crowd(300, now) for now in times]
    # Few guests, one block each: nginx-3 is killed at 30 s and struck through.
    times = [0.5 + 0.5 * i for i in range(8)] + [29.0, 31.0, 45.0, 1.0]
    return [S.classroom(now) for now in times]


def _alike(a: QImage, b: QImage) -> bool:
    """Return whether two pictures differ by no more than rounding (one level per channel).

    A dashed outline painted under a clip blends a few of its edge pixels one level apart
    from the same outline painted whole; a stale block, text or pattern differs far more.
    """
    if a.size() != b.size():
        return False
    pa, pb = (np.frombuffer(i.constBits(), np.uint8).astype(int) for i in (a, b))
    return bool(np.abs(pa - pb).max() <= 1)


@pytest.mark.parametrize(
    ("projector", "size", "scene"),
    [
        (False, (900, 500), "crowd"),
        (True, (900, 500), "crowd"),
        (True, (420, 300), "crowd"),  # texts are cut
        (False, (900, 500), "classroom"),
        (True, (900, 500), "classroom"),
    ],
)
def test_painting_only_what_changed_shows_what_a_full_paint_shows(
    qtbot,  # noqa: ANN001
    projector: bool,
    size: tuple[int, int],
    scene: str,
) -> None:
    played = _view(qtbot, size)
    played.set_projector(projector)
    paints = _Paints()
    played.canvas.installEventFilter(paints)
    QApplication.processEvents()
    for snap in _moments(scene):
        played.update_snapshot(snap)
        for _ in range(3):
            QApplication.processEvents()
        fresh = _view(qtbot, size)
        fresh.set_projector(projector)
        fresh.update_snapshot(snap)
        for _ in range(3):  # legends re-flow, then the canvas takes the height left
            QApplication.processEvents()
        want = fresh.canvas.grab().toImage().convertToFormat(_on_screen(played).format())
        assert _alike(_on_screen(played), want), f"at {snap.time_s} s"
        fresh.close()
    whole = played.canvas.rect()
    assert any(a != whole for a in paints.areas), "some frames painted only a part"
    if size[0] < 500:
        assert played.cut_texts(), "thin blocks: a cut text may stick out of its block"


@pytest.mark.parametrize("projector", [False, True])
def test_a_change_in_one_column_paints_that_block_alone(qtbot, projector: bool) -> None:  # noqa: ANN001
    snap = S.crowd(300, 60.0)
    view = _view(qtbot)
    view.set_projector(projector)
    view.update_snapshot(snap)
    for _ in range(3):
        QApplication.processEvents()
    redis = next(g for g in snap.guests if g.template == "redis" and g.state == "running")
    guests = tuple(replace(g, state="crashed") if g is redis else g for g in snap.guests)
    painted: list[str] = []
    paint_block = view.paint_block

    def counted(p: QPainter, b: Block, r: QRectF) -> None:
        painted.append(f"{b.role} {b.template}")
        paint_block(p, b, r)

    view.paint_block = counted  # type: ignore[method-assign]
    view.update_snapshot(replace(snap, guests=guests))
    for _ in range(3):
        QApplication.processEvents()
    # Its neighbours, the runtime under it and the legend (crashed is named now) stay as they were.
    assert painted == ["guest redis"]


def test_a_block_drawn_starting_pulses_though_no_guest_starts(qtbot) -> None:  # noqa: ANN001
    # A Windows host whose Linux utility VM is still booting, its containers running.
    host = S.host(os="windows", hypervisor="type1", utility_vm=False)
    view = _view(qtbot)
    paints = _Paints()
    view.canvas.installEventFilter(paints)
    for i, now in enumerate((40.0, 40.05, 40.2, 40.4)):  # pulse steps 320, 320, 321, 323
        view.update_snapshot(S.make_snapshot(now, [("nginx", 2, 0.0, 0.0)], host_view=host))
        for _ in range(3):
            QApplication.processEvents()
        if i == 1:
            assert paints.areas[-1:] != [], "the first frames painted the diagram"
            paints.areas.clear()  # the same pulse step: nothing more to paint
    assert {b.state for b in view.blocks if b.role == "guest"} == {"running"}
    assert [b.state for b in view.blocks if b.role == "utility_vm"] == ["starting"]
    assert len(paints.areas) == 2  # a repaint per pulse step

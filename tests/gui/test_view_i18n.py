"""Runtime language switch and projector mode, across the views."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import snapshots as S
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTableView

from gui.text import labels
from gui.views import (
    DensityPanel,
    EventLogView,
    GuestDetailsPanel,
    LayerDiagramView,
    MemoryPlot,
    TimelineView,
)

ROOT = Path(__file__).resolve().parents[2]
TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>TimelineView</name>
<message><source>Log time</source><translation>对数时间</translation></message>
</context>
<context><name>labels</name>
<message><source>Host kernel</source><translation>宿主机内核</translation></message>
<message><source>{guest} is ready after {startup}</source>
<translation>{guest} 已就绪，用时 {startup}</translation></message>
</context>
</TS>
"""


@pytest.fixture
def translator(tmp_path: Path, qapp):  # noqa: ANN001, ANN201
    ts, qm = tmp_path / "t.ts", tmp_path / "t.qm"
    ts.write_text(TS, encoding="utf-8")
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
    )
    tr = QTranslator()
    assert tr.load(str(qm))
    yield tr
    QCoreApplication.removeTranslator(tr)


def test_language_switch_retranslates_visible_text(qtbot, translator) -> None:  # noqa: ANN001
    timeline, memory, log = TimelineView(), MemoryPlot(), EventLogView()
    for w in (timeline, memory, log):
        qtbot.addWidget(w)
        w.update_snapshot(S.both_running())
    assert timeline.log_toggle.text() == "Log time"
    assert "Host kernel" in memory.legend.texts()
    QCoreApplication.installTranslator(translator)
    qtbot.waitUntil(lambda: timeline.log_toggle.text() == "对数时间")
    assert "宿主机内核" in memory.legend.texts()
    assert labels.layer_label("host_kernel") == "宿主机内核"
    assert any("已就绪" in m for m in log.visible_messages())
    QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: timeline.log_toggle.text() == "Log time")


@pytest.mark.parametrize(
    "cls",
    [LayerDiagramView, TimelineView, MemoryPlot, DensityPanel, EventLogView, GuestDetailsPanel],
)
def test_projector_mode_enlarges_fonts(qtbot, cls) -> None:  # noqa: ANN001
    view = cls()
    qtbot.addWidget(view)
    view.update_snapshot(S.classroom())

    def smallest() -> int:
        widgets = [
            w
            for t in (QLabel, QAbstractButton, QTableView, QLineEdit)
            for w in view.findChildren(t)
        ]
        # Text-bearing widgets only: swatch labels hold pixmaps and keep the default font.
        sizes = [w.font().pointSize() for w in widgets if not isinstance(w, QLabel) or w.text()]
        return min(s for s in sizes if s > 0)

    before = smallest()
    view.set_projector(True)
    assert view.projector and smallest() >= 16 > before


def test_projector_mode_thickens_plot_lines(qtbot) -> None:  # noqa: ANN001
    plot = MemoryPlot()
    qtbot.addWidget(plot)
    plot.update_snapshot(S.classroom())
    plot.set_projector(True)
    assert plot.ram_line.pen.width() >= 3
    assert all(m.pen.width() >= 3 for m in plot.oom_markers)
    assert plot.plot_item.getAxis("left").style["tickFont"].pointSize() >= 16

"""Projector-mode texts the live matrix found crowded: each setting now reads cleanly."""

from __future__ import annotations

import sys
from pathlib import Path

import pyqtgraph as pg  # type: ignore[import-untyped]
import pytest
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from gui import theme
from gui.views import timeline_labels as tl
from gui.views.plot_text import spaced_ticks

sys.path.insert(0, str(Path(__file__).parent))
import screens  # noqa: E402

# (lesson, window size): each failed the live matrix in projector mode before its fix.
SETTINGS = [
    ("04-performance.toml", (1024, 768)),  # bar values touched
    ("04-performance.toml", (1366, 768)),  # axis title longer than the axis
    ("use-cicd-burst.toml", (1280, 720)),  # "1.00× n=16" past the plot's top
    ("use-network-and-idle.toml", (1920, 1080)),  # idle CPU ticks "90"/"100" touched
    ("06-portability.toml", (1024, 768)),  # timeline 80 px wide beside its legend
    ("03-memory.toml", (3840, 2160)),  # 20+ timeline rows, labels overlapping
    ("use-legacy-windows.toml", (1024, 768)),  # KSM label past the plot's edge
    ("08-density.toml", (1280, 720)),  # RAM and OOM labels overlapping
]


@pytest.mark.parametrize(("lesson", "size"), SETTINGS)
def test_projector_setting_reads_cleanly(
    qtbot: QtBot, tmp_path: Path, lesson: str, size: tuple[int, int]
) -> None:
    import screens_matrix

    path = screens.ROOT / "assets/scenarios" / lesson
    failing = screens_matrix.run_live("en", True, [path], [size], tmp_path)
    assert failing == {f"{size[0]}x{size[1]}": []}


def test_spaced_ticks_stand_apart_in_projector_text(qtbot: QtBot) -> None:
    axis = pg.AxisItem("bottom")
    axis.setStyle(tickFont=theme.font(True))
    metrics = QFontMetrics(theme.font(True))
    ticks = spaced_ticks(axis, 0.0, 130.0, 240.0)  # a narrow plot in projector text
    assert len(ticks) >= 2
    px = 240.0 / 130.0
    for (a, ta), (b, tb) in zip(ticks, ticks[1:], strict=False):
        half = (metrics.horizontalAdvance(ta) + metrics.horizontalAdvance(tb)) / 2
        assert (b - a) * px > half  # pyqtgraph's own spacing put "90" and "100" together
    assert ticks == sorted(ticks)


def test_timeline_rows_are_as_tall_as_their_text(qtbot: QtBot) -> None:
    for projector in (False, True):
        assert tl.row_pitch(projector) >= QFontMetrics(theme.font(projector)).height()


def test_phase_legend_goes_under_a_narrow_plot_and_back(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    box = QVBoxLayout(host)
    beside, under = QHBoxLayout(), QVBoxLayout()
    box.addLayout(beside)
    box.addLayout(under)
    legend = tl.phase_legend()
    beside.addWidget(legend)
    legend.set_projector(True)
    tl.place_legend(legend, beside, under, 300, True)
    assert under.indexOf(legend) >= 0 and not legend.vertical
    tl.place_legend(legend, beside, under, 1400, True)
    assert beside.indexOf(legend) >= 0 and legend.vertical

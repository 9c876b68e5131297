"""Host CPU that idle guests cost, over simulated time: one line per guest, like top on the host.

The "Idle guest: host CPU" experiment reports a sample a second per guest. The bare host idles at
0 % of a core, so these samples are absolute, not ratios: they get their own plot under the bars.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg  # type: ignore[import-untyped]  # no stubs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui import theme
from gui.views.base import size_left_axis, style_axes
from gui.views.plot_text import fit_axis_title, spaced_ticks
from sim.snapshot import WorkloadResult


def is_host_cpu_sample(r: WorkloadResult) -> bool:
    """Return whether a result is an absolute host-CPU sample (the bare host's figure is 0)."""
    return r.native == 0


@dataclass(frozen=True, slots=True)
class Series:
    """One guest's idle host-CPU samples: when, and % of one host core."""

    guest_id: str
    profile: str
    times: tuple[float, ...]
    percents: tuple[float, ...]


def idle_series(results: tuple[WorkloadResult, ...]) -> list[Series]:
    """Return each guest's host-CPU samples in time order, guests in the order they reported."""
    by_guest: dict[str, list[WorkloadResult]] = {}
    for r in sorted(results, key=lambda r: r.time_s):
        if is_host_cpu_sample(r):
            by_guest.setdefault(r.guest_id, []).append(r)
    return [
        Series(
            gid,
            rs[-1].profile,
            tuple(r.time_s for r in rs),
            tuple(r.value for r in rs),
        )
        for gid, rs in by_guest.items()
    ]


class IdleCpuPlot(QWidget):
    """Lines of % of one host core per idle guest over time, each labelled with its guest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._projector = False
        self._series: list[Series] = []
        self._ticks: list[tuple[float, str]] = []
        self._plot = pg.PlotWidget(background="w")
        self._item = self._plot.getPlotItem()
        self._item.getViewBox().sigResized.connect(self._fit_title)
        self._item.getViewBox().sigResized.connect(self._space_ticks)
        self._item.getViewBox().sigXRangeChanged.connect(self._space_ticks)
        self._item.hideButtons()
        self._item.setMouseEnabled(x=False, y=False)
        self._item.showGrid(y=True, alpha=0.25)
        self._curves: list[pg.PlotDataItem] = []
        self._heading = QLabel()
        self._heading.setWordWrap(True)
        # Guest ids come from scenario files: plain text only.
        self._readout = QLabel()
        self._readout.setTextFormat(Qt.TextFormat.PlainText)
        self._readout.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addWidget(self._plot, 1)
        row.addWidget(self._readout)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self._heading)
        box.addLayout(row, 1)
        self.retranslate()

    @property
    def series(self) -> tuple[Series, ...]:
        """Return the lines drawn."""
        return tuple(self._series)

    @property
    def readout(self) -> str:
        """Return the latest sample of each guest, highest first, one line each."""
        return self._readout.text()

    def retranslate(self) -> None:
        """Set the heading, axis title and readout in the current language."""
        self._heading.setText(self.tr("Host CPU of idle guests over simulated time (s)"))
        self._fit_title()
        self._write_readout()

    def _fit_title(self, *_args: object) -> None:
        """Title the axis in full where it is tall enough, else with its unit alone."""
        fit_axis_title(self._item.getAxis("left"), (self.tr("% of a core"), "%"))

    def _space_ticks(self, *_args: object) -> None:
        """Space the time ticks by their labels' width (large text gets fewer of them)."""
        box = self._item.getViewBox()
        lo, hi = box.viewRange()[0]
        axis = self._item.getAxis("bottom")
        ticks = spaced_ticks(axis, lo, hi, box.width())
        if ticks != self._ticks:
            self._ticks = ticks
            axis.setTicks([ticks, []] if ticks else None)

    def set_projector(self, on: bool) -> None:
        """Use the projector's fonts and line widths."""
        self._projector = on
        style_axes(self._item, on, title_lines=1.5)
        size_left_axis(self._item, on, "100")
        self._ticks = []  # the new font measures differently
        self._space_ticks()
        self._heading.setFont(theme.font(on, small=True, bold=True))
        self._readout.setFont(theme.font(on, small=True))
        self.set_results_series(self._series)

    def set_results(self, results: tuple[WorkloadResult, ...]) -> None:
        """Draw the idle samples among `results` (other results are ignored)."""
        self.set_results_series(idle_series(results))

    def set_results_series(self, series: list[Series]) -> None:
        """Draw `series`, one coloured line each."""
        self._series = series
        for c in self._curves:
            self._item.removeItem(c)
        self._curves.clear()
        width = theme.metrics(self._projector).line_px
        for s in series:
            pen = pg.mkPen(theme.colour(theme.PROFILE_COLOURS, s.profile), width=width)
            curve = pg.PlotDataItem(list(s.times), list(s.percents), pen=pen)
            self._item.addItem(curve)
            self._curves.append(curve)
        self._write_readout()
        top = max((max(s.percents) for s in series), default=1.0)
        self._item.setYRange(0, max(top, 1.0) * 1.25, padding=0)
        if series:
            first = min(s.times[0] for s in series)
            last = max(s.times[-1] for s in series)
            self._item.setXRange(first - 1, last + max(3.0, 0.3 * (last - first)), padding=0)

    def _write_readout(self) -> None:
        latest = sorted(self._series, key=lambda s: -s.percents[-1])
        self._readout.setText(
            "\n".join(
                self.tr("{guest}: {percent} %").format(
                    guest=s.guest_id, percent=f"{s.percents[-1]:.1f}"
                )
                for s in latest
            )
        )

"""Workload results as grouped bars: one group per workload, one bar per runtime profile.

Each bar is the ratio to the bare host (the dashed line at 1.0). Throughputs above 1 are faster;
latencies (network round trip) are hatched and their group says "higher = slower". Every run is
kept, one group per workload and run, labelled with the simulated time the run started, so a
solo comparison stays beside the contention run after it. A bar is one profile in one run: when
several guests of that profile ran together, their mean and how many (n). Idle guests' host CPU
is no ratio (the bare host idles at 0): it is drawn over time under the bars (IdleCpuPlot).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]  # no stubs
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QCursor, QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from gui import theme, units
from gui.text import experiment_labels as xl
from gui.views.base import SnapshotView, size_left_axis, style_axes
from gui.views.idle_cpu_plot import IdleCpuPlot, is_host_cpu_sample
from gui.views.legend import Legend
from gui.views.text_wrap import wrap_lines
from sim.references import explain
from sim.snapshot import Snapshot, WorkloadResult

BATCH_S = 1.0  # results of one profile finishing this close together ran at once
GROUP_W = 0.84  # share of a workload's slot taken by its bars
MAX_TICK_LINES = 3  # a group's name under its bars; longer forms are shortened first


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: a workload in one runtime profile, averaged over the guests of its last run."""

    workload: str
    profile: str
    ratio: float
    value: float
    unit: str
    native: float
    higher_is_better: bool
    source: str
    guests: tuple[str, ...]
    run_s: float = 0.0  # when its run started

    @property
    def n(self) -> int:
        """Return how many guests the bar averages."""
        return len(self.guests)


def run_bars(results: tuple[WorkloadResult, ...]) -> list[Bar]:
    """Return one bar per (workload, run, profile): the mean over the guests of that run.

    A run is the results of one workload that started together (the same `start_s`); a
    guest that reports twice in one run counts once, with its latest figure.
    """
    by_key: dict[tuple[str, float, str], dict[str, WorkloadResult]] = {}
    for r in sorted(results, key=lambda r: r.time_s):
        if is_host_cpu_sample(r):  # absolute host CPU, drawn by IdleCpuPlot
            continue
        by_key.setdefault((r.workload, round(r.start_s, 6), r.profile), {})[r.guest_id] = r
    bars = []
    for (workload, run_s, profile), batch in by_key.items():
        runs = list(batch.values())
        first = runs[0]
        bars.append(
            Bar(
                workload,
                profile,
                float(np.mean([r.ratio for r in runs])),
                float(np.mean([r.value for r in runs])),
                first.unit,
                first.native,
                first.higher_is_better,
                first.source,
                tuple(batch),
                run_s,
            )
        )
    return bars


class BenchmarkView(SnapshotView):
    """Grouped bars of workload results relative to the bare host."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._results: tuple[WorkloadResult, ...] | None = None
        self._bars: list[Bar] = []
        self._x: list[float] = []
        self._workloads: list[tuple[str, float]] = []  # (workload, when its run started)
        self._ticks: list[tuple[float, str]] = []
        self._tick_forms: list[tuple[str, ...]] = []
        self._legend = Legend(
            [
                (p, theme.colour(theme.PROFILE_COLOURS, p), Qt.BrushStyle.SolidPattern)
                for p in xl.PROFILES
            ],
            xl.profile_label,
        )
        self._empty = QLabel()
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._plot = pg.PlotWidget(background="w")
        self._item = self._plot.getPlotItem()
        self._item.hideButtons()
        self._item.setMouseEnabled(x=False, y=False)
        self._item.showGrid(y=True, alpha=0.25)
        self._native = pg.InfiniteLine(pos=1.0, angle=0, movable=False)
        self._native_text = QLabel()  # beside the legend: in the plot it would cover bars
        self._item.addItem(self._native)
        self.idle_plot = IdleCpuPlot()
        self._items: list[pg.BarGraphItem] = []
        self._texts: list[pg.TextItem] = []
        top = QHBoxLayout()
        top.addWidget(self._legend, 1)
        top.addWidget(self._native_text)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(self._empty)
        plots = QHBoxLayout()  # side by side: the benchmark pane is wide and short
        plots.addWidget(self._plot, 3)
        plots.addWidget(self.idle_plot, 2)
        box.addLayout(plots, 1)
        self._plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self._item.getViewBox().sigResized.connect(self._on_view_resized)
        self.retranslate()
        self._apply_projector()
        self._show_empty(False)

    # --- read-only state for tests ----------------------------------------------------------
    @property
    def bars(self) -> tuple[Bar, ...]:
        """Return the bars drawn, workload by workload, in profile order."""
        return tuple(self._bars)

    @property
    def bar_labels(self) -> tuple[str, ...]:
        """Return the text above each bar, in the order of `bars`."""
        return tuple(t.textItem.toPlainText() for t in self._texts[: len(self._bars)])

    @property
    def group_labels(self) -> tuple[str, ...]:
        """Return the text under each workload group."""
        return tuple(t for _, t in self._ticks)

    def tooltip_text(self, index: int) -> str:
        """Return the tooltip of bar `index`: value with unit, ratio, guests and the source."""
        b = self._bars[index]
        lines = [f"{xl.profile_label(b.profile)} — {xl.workload_label(b.workload)}"]
        value = f"{units.figure(b.value)} {b.unit}"
        if b.n > 1:
            lines.append(
                self.tr("{value}, mean of n = {n} guests run together ({guests})").format(
                    value=value, n=b.n, guests=", ".join(b.guests)
                )
            )
        else:
            lines.append(self.tr("{value} in {guest}").format(value=value, guest=b.guests[0]))
        better = (
            self.tr("higher is better")
            if b.higher_is_better
            else self.tr("latency: higher is slower")
        )
        lines.append(
            self.tr("{ratio}× the bare host ({native} {unit}); {better}").format(
                ratio=f"{b.ratio:.2f}", native=units.figure(b.native), unit=b.unit, better=better
            )
        )
        lines.append(self.tr("Source: {source}").format(source=explain(b.source)))
        return "\n".join(lines)

    # --- drawing ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set fixed texts in the current language."""
        self._legend.retranslate()
        self.idle_plot.retranslate()
        self._item.setLabel("left", self.tr("× the bare host"))
        self._native_text.setText("╌╌ " + self.tr("dashed line: the bare host = 1.0"))
        self._empty.setText(
            self.tr(
                "No workload has run yet. Select guests in the Experiments "
                "tab and choose “Run workload”."
            )
        )
        if self.snapshot is not None:
            self._draw(self.snapshot, force=True)

    def _apply_projector(self) -> None:
        m = theme.metrics(self.projector)
        f = theme.font(self.projector)
        style_axes(self._item, self.projector, minor_ticks=True, title_lines=1.5)
        size_left_axis(self._item, self.projector, "0.25")
        self._native.setPen(pg.mkPen(theme.BLACK, width=m.line_px + 1, style=Qt.PenStyle.DashLine))
        self._native_text.setFont(theme.font(self.projector, small=True, bold=True))
        self._empty.setFont(f)
        self._legend.set_projector(self.projector)
        self.idle_plot.set_projector(self.projector)
        for t in self._texts:
            t.setFont(theme.font(self.projector, small=True, bold=True))

    def _show_empty(self, bars: bool, idle: bool = False) -> None:
        self._empty.setVisible(not bars and not idle)
        self._plot.setVisible(bars)
        self.idle_plot.setVisible(idle)

    def _draw(self, snap: Snapshot, force: bool = False) -> None:
        if snap.workloads == self._results and not force:
            return
        self._results = snap.workloads
        self._bars = run_bars(snap.workloads)
        self.idle_plot.set_results(snap.workloads)
        self._show_empty(bool(self._bars), bool(self.idle_plot.series))
        order = {p: i for i, p in enumerate(xl.PROFILES)}
        kinds = list(dict.fromkeys([*xl.WORKLOADS, *(b.workload for b in self._bars)]))
        # Groups: workloads in their usual order, each workload's runs in time order.
        self._workloads = sorted(
            {(b.workload, b.run_s) for b in self._bars}, key=lambda g: (kinds.index(g[0]), g[1])
        )
        self._bars.sort(
            key=lambda b: (
                self._workloads.index((b.workload, b.run_s)),
                order.get(b.profile, len(order)),
            )
        )
        self._legend.set_visible_keys({b.profile for b in self._bars})
        self._layout_bars()

    def _layout_bars(self) -> None:
        for item in self._items:
            self._item.removeItem(item)
        self._items.clear()
        self._x = []
        for gi, g in enumerate(self._workloads):
            group = [b for b in self._bars if (b.workload, b.run_s) == g]
            width = GROUP_W / max(len(group), 1)
            for j, _ in enumerate(group):
                self._x.append(gi - GROUP_W / 2 + (j + 0.5) * width)
        m = theme.metrics(self.projector)
        pen = pg.mkPen(theme.BLACK, width=max(1, m.line_px - 1))
        for i, b in enumerate(self._bars):
            width = GROUP_W / sum(
                1 for o in self._bars if (o.workload, o.run_s) == (b.workload, b.run_s)
            )
            colour = theme.colour(theme.PROFILE_COLOURS, b.profile)
            item = pg.BarGraphItem(
                x=[self._x[i]], height=[b.ratio], width=width * 0.92, brush=QBrush(colour), pen=pen
            )
            self._item.addItem(item)
            self._items.append(item)
            if not b.higher_is_better:  # latencies: white hatching over the colour
                hatch = pg.BarGraphItem(
                    x=[self._x[i]],
                    height=[b.ratio],
                    width=width * 0.92,
                    brush=QBrush(QColor("#FFFFFF"), Qt.BrushStyle.BDiagPattern),
                    pen=pen,
                )
                self._item.addItem(hatch)
                self._items.append(hatch)
        self._label_bars()
        self._set_axes()

    def _label_bars(self) -> None:
        while len(self._texts) < len(self._bars):
            t = pg.TextItem(color=theme.BLACK, anchor=(0.5, 1), fill=(255, 255, 255, 200))
            t.setFont(theme.font(self.projector, small=True, bold=True))
            self._item.addItem(t)
            self._texts.append(t)
        for i, t in enumerate(self._texts):
            t.setVisible(i < len(self._bars))
            if i < len(self._bars):
                t.setPos(self._x[i], self._bars[i].ratio)

    def _set_axes(self) -> None:
        ticks, self._tick_forms = [], []
        for gi, (w, run_s) in enumerate(self._workloads):
            short = name = xl.workload_label(w, short=True)
            latency = any(not b.higher_is_better for b in self._bars if b.workload == w)
            if latency:
                name = self.tr("{workload} (latency: higher = slower)").format(workload=short)
            # Two parts: the workload, then when its run started (every run is kept).
            when = units.sim_time(run_s)
            full = name + "\n" + self.tr("run at {time}").format(time=when)
            ticks.append((float(gi), full))
            # Shorter forms for narrow slots: the time alone, then the workload alone.
            self._tick_forms.append((full, f"{name}\n{when}", f"{short}\n{when}"))
        self._ticks = ticks
        self._item.setXRange(-0.55, max(len(self._workloads), 1) - 0.45, padding=0)
        self._fit_axes()

    def _fit_axes(self) -> None:
        """Wrap each group's name to its slot; turn bar labels upright when bars are narrow.

        pyqtgraph neither wraps tick text nor checks that neighbours overlap, and it drops a
        tick text taller than its axis: so the view wraps, shortens and sizes the axis.
        """
        box = self._item.getViewBox()
        font = theme.font(self.projector)
        slot = box.width() / max(len(self._workloads), 1) - 8
        wrapped = [
            (x, self._tick_text(font, forms, slot))
            for (x, _), forms in zip(self._ticks, self._tick_forms, strict=True)
        ]
        lines = max((t.count("\n") + 1 for _, t in wrapped), default=1)
        axis = self._item.getAxis("bottom")
        axis.setHeight(int(QFontMetrics(font).height() * (lines + 0.6)))
        axis.setTicks([wrapped, []])
        # Short plots: the title "× the bare host" would be cut; the header says it already.
        # Measured as drawn (its margins too) against the axis, not the text against the plot.
        left = self._item.getAxis("left")
        self._item.showLabel("left", left.label.boundingRect().width() <= left.height() - 1)
        self._fit_bar_labels()

    def _tick_text(self, font: QFont, forms: tuple[str, ...], slot: float) -> str:
        """Return the richest form of a group's name that wraps into MAX_TICK_LINES lines."""
        for form in forms:
            lines = wrap_lines(font, form, slot)
            if len(lines) <= MAX_TICK_LINES:
                return "\n".join(lines)
        return "\n".join(wrap_lines(font, forms[-1], slot))

    def _fit_bar_labels(self) -> None:
        """Give bar labels the richest form and angle that stands apart and fits above the bars.

        Forms: value over n, value and n on one line, value alone (the tooltip keeps n); flat
        first, then upright. A label takes at most two thirds of the plot's height: the range
        leaves that headroom above the tallest bar, so its label stays inside the plot. With no
        room for any form the labels hide; each bar's tooltip gives its value.
        """
        box = self._item.getViewBox()
        widest = max((len(self._bars_in_group(b)) for b in self._bars), default=1)
        pitch = GROUP_W * box.width() / max(len(self._workloads), 1) / widest  # bar to bar
        height = box.height()
        top = max((b.ratio for b in self._bars), default=1.0)
        forms = [self._bar_texts(sep) for sep in ("\n", " ", None)]
        choice = (forms[-1], 90, 0.0)
        for texts, angle in [(forms[0], 0), *((f, 90) for f in forms), (forms[-1], 0)]:
            across, up = self._label_extent(texts, angle)
            # Touching line boxes by a pixel leave a gap: figures have no descenders.
            if across <= pitch + 1 and up + 12 <= height * 2 / 3:
                choice = (texts, angle, up)
                break
        texts, angle, up = choice
        shown = up > 0 or height <= 0
        for t, text in zip(self._texts, texts, strict=False):
            if t.textItem.toPlainText() != text:
                t.setText(text)
            t.setAngle(angle)
            t.setAnchor((0, 0.5) if angle else (0.5, 1))
        for i, t in enumerate(self._texts):
            t.setVisible(shown and i < len(self._bars))  # no room at all: the tooltip says it
        limit = max(top, 1.0) * 1.15
        if shown and height > 0:
            limit = max(limit, top / (1 - (up + 12) / height))
        self._item.setYRange(0, limit, padding=0)

    def _bar_texts(self, sep: str | None) -> list[str]:
        """Return each bar's label: its ratio, then `sep` and n when it averages guests."""
        return [
            f"{b.ratio:.2f}×" + (f"{sep}n={b.n}" if sep is not None and b.n > 1 else "")
            for b in self._bars
        ]

    def _label_extent(self, texts: list[str], angle: int) -> tuple[float, float]:
        """Return the widest label's pixels across a bar and up from its top at `angle`."""
        metrics = QFontMetrics(theme.font(self.projector, small=True, bold=True))
        across = up = 0.0
        for text in texts:
            lines = text.split("\n")
            w = max(metrics.horizontalAdvance(line) for line in lines)
            h = metrics.height() * len(lines)
            # Neighbours may share their margins and line spacing (blank); upwards they count.
            across, up = max(across, h if angle else w), max(up, (w if angle else h) + 8)
        return across, up

    def _bars_in_group(self, bar: Bar) -> list[Bar]:
        return [b for b in self._bars if (b.workload, b.run_s) == (bar.workload, bar.run_s)]

    def _on_view_resized(self) -> None:
        if self._ticks:
            self._fit_axes()

    # --- slots ------------------------------------------------------------------------------
    def bar_at(self, pos: QPointF) -> int | None:
        """Return the index of the bar under a scene position, or None."""
        vb = self._item.getViewBox()
        if not self._bars or not vb.sceneBoundingRect().contains(pos):
            return None
        p = vb.mapSceneToView(pos)
        for i, b in enumerate(self._bars):
            width = GROUP_W / sum(
                1 for o in self._bars if (o.workload, o.run_s) == (b.workload, b.run_s)
            )
            if abs(p.x() - self._x[i]) <= width / 2 and 0 <= p.y() <= max(b.ratio, 0.05):
                return i
        return None

    def _on_scene_mouse_moved(self, pos: QPointF) -> None:
        i = self.bar_at(pos)
        if i is not None:
            QToolTip.showText(QCursor.pos(), self.tooltip_text(i), self)

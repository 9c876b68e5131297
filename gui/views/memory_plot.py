"""Memory by layer over time: stacked areas, RAM line, swap, KSM savings, OOM markers.

By default the y axis fits the memory in use, so a few containers on a 64 GiB host are still
visible layer by layer; the RAM line is then named in a note when it lies above the chart.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]  # no stubs
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFontMetrics, QPen, QResizeEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from gui import theme, units
from gui.text import labels
from gui.views import plot_text as pt
from gui.views.base import SnapshotView, grown_limit, style_axes
from gui.views.legend import Legend
from gui.views.memory_bands import SplitPath, TailSplit, band_path, line_path, steps
from sim.snapshot import LAYERS, Snapshot


def _stride(n: int, width_px: int) -> int:
    """Return the stride that keeps about two samples per pixel."""
    return max(1, n // max(2 * width_px, 200))


def _thin(
    t: np.ndarray, stack: np.ndarray, extra: np.ndarray, step: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Keep every `step`-th sample and "now" (a stride, so stacked lines stay consistent)."""
    if step == 1:
        return t, stack, extra
    keep = np.r_[np.arange(0, len(t) - 1, step), len(t) - 1]  # always keep "now"
    return t[keep], stack[:, keep], extra[..., keep]


MIN_PLOT_PX = 200  # the plot's own width, axis aside, below which the check box says less


class MemoryPlot(SnapshotView):
    """Stacked memory layers (bottom first), the RAM line, swap above it and KSM savings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plot = pg.PlotWidget(background="w")
        self._item = self._plot.getPlotItem()
        self._item.setClipToView(True)
        # No downsampling by pyqtgraph: averaging would turn steps into slopes; _thin keeps
        # about two samples per pixel instead, whole rows so the stack stays consistent.
        self._item.setDownsampling(auto=False)
        self._item.setMouseEnabled(x=False, y=False)
        self._item.hideButtons()
        self._item.showGrid(x=True, y=True)
        # One path item per band, rebuilt from the stacked arrays: pyqtgraph's FillBetweenItem
        # re-derives its polygon on every curve change, ~20x slower for a 9-layer stack.
        self._fills = [
            self._band(QBrush(theme.colour(theme.LAYER_COLOURS, layer))) for layer in LAYERS
        ]
        self._ksm = self._band(
            QBrush(
                theme.colour(theme.LAYER_COLOURS, "ksm_saved").darker(130),
                Qt.BrushStyle.BDiagPattern,
            )
        )
        self._swap = self._band(
            QBrush(theme.colour(theme.LAYER_COLOURS, "swap_used"), Qt.BrushStyle.DiagCrossPattern)
        )
        self._top_line = SplitPath(self._item, None, pg.mkPen(theme.DARK_GREY, width=1))
        self._top: tuple[np.ndarray, np.ndarray] = (np.zeros(0), np.zeros(0))  # thinned samples
        self._split = TailSplit()
        # The label hangs below the line, so it stays inside the chart when RAM is its top.
        self._ram = pg.InfiniteLine(
            angle=0,
            movable=False,
            label="",
            labelOpts={"position": 0.02, "anchors": [(0, 0), (0, 0)], "color": "k"},
        )
        self._item.addItem(self._ram)
        self._ram_note = pg.TextItem(color="k", anchor=(0, 0))  # "RAM 64 GiB ↑" when zoomed
        self._item.addItem(self._ram_note)
        self._fit_used = QCheckBox()
        self._fit_used.setChecked(True)
        self._fit_used.toggled.connect(self._on_fit_used_toggled)
        self._free_text = pg.TextItem(color="k", anchor=(1, 0.5), fill=pt.PAPER)
        self._free_text.setZValue(pt.LABEL_Z)  # readable over OOM lines
        self._item.addItem(self._free_text)
        # The texts' wanted words and place; gui/views/plot_text.py keeps them inside the plot.
        self._ram_text, self._free_line = "", ""
        self._free_at: tuple[float, float] | None = None
        self._free_floor = 0.0  # the top of the memory in use, under the free memory's label
        self._item.getViewBox().sigResized.connect(self._place_texts)
        self._oom: list[pg.InfiniteLine] = []
        self._scale, self._unit = 1.0, "MiB"
        self._range = (0.0, 0.0)  # x and y limits now shown
        self._t_last, self._y_top = 0.0, 1.0  # last sample's time; y limit the data needs
        self._oom_times: tuple[float, ...] = ()
        self._key: tuple[int, float, int, int, int] | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        legend_ids = ["ksm_saved", "swap_used", *reversed(LAYERS)]
        self._legend = Legend(
            [
                (
                    k,
                    theme.colour(theme.LAYER_COLOURS, k),
                    Qt.BrushStyle.SolidPattern
                    if k not in ("ksm_saved", "swap_used")
                    else Qt.BrushStyle.BDiagPattern,
                )
                for k in legend_ids
            ],
            labels.layer_label,
            vertical=True,
        )
        layout.addWidget(self._plot, 1)
        side = QVBoxLayout()
        side.addWidget(self._fit_used)
        side.addWidget(self._legend, 1)
        layout.addLayout(side, 0)
        self.retranslate()
        self._apply_projector()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Shorten the check box's text when beside the legend it leaves the plot too narrow."""
        super().resizeEvent(event)
        self._fit_side()

    def _fit_side(self) -> None:
        full = self.tr("Zoom to memory in use")
        box = self._fit_used
        need = box.sizeHint().width() - box.fontMetrics().horizontalAdvance(box.text())
        need += box.fontMetrics().horizontalAdvance(full)
        side = max(self._legend.sizeHint().width(), need)
        plot = self.width() - side - self._item.getAxis("left").width()
        text = full if plot >= MIN_PLOT_PX else self.tr("Zoom")  # a side-by-side pane
        if box.text() != text:
            box.setText(text)  # the full text stays in the tooltip

    def _band(self, brush: QBrush) -> SplitPath:
        return SplitPath(self._item, brush, QPen(Qt.PenStyle.NoPen))

    @property
    def used_top(self) -> tuple[np.ndarray, np.ndarray]:
        """Return the (time, top of the stacked layers) line, in axis units."""
        t, top = steps(*self._top)
        return t, top

    @property
    def plot_item(self) -> pg.PlotItem:
        """Return the pyqtgraph plot (read-only use)."""
        return self._item

    @property
    def fills(self) -> tuple[SplitPath, ...]:
        """Return one filled area per layer, in LAYERS order."""
        return tuple(self._fills)

    @property
    def ram_line(self) -> pg.InfiniteLine:
        """Return the horizontal line at the host's RAM (in axis units, see `scale`)."""
        return self._ram

    @property
    def swap_band(self) -> SplitPath:
        """Return the hatched band above the RAM line (visible while swap is in use)."""
        return self._swap

    @property
    def scale(self) -> tuple[float, str]:
        """Return (MiB per axis unit, unit name) of the y axis."""
        return self._scale, self._unit

    @property
    def oom_markers(self) -> tuple[pg.InfiniteLine, ...]:
        """Return the visible vertical OOM-kill markers."""
        return tuple(m for m in self._oom if m.isVisible())

    @property
    def fit_used(self) -> QCheckBox:
        """Return the check box that fits the y axis to the memory in use (on by default)."""
        return self._fit_used

    @property
    def y_range(self) -> tuple[float, float]:
        """Return the x and y limits shown, in seconds and axis units."""
        return self._range

    @property
    def legend(self) -> Legend:
        """Return the legend beside the plot."""
        return self._legend

    def retranslate(self) -> None:
        """Set axis titles and legend names in the current language."""
        self._time_titles = (self.tr("simulated time"), self.tr("time"))
        pt.fit_axis_title(self._item.getAxis("bottom"), self._time_titles, "s")
        self._memory_titles = (self.tr("memory ({unit})").format(unit=self._unit), self._unit)
        pt.fit_axis_title(self._item.getAxis("left"), self._memory_titles)
        self._fit_used.setText(self.tr("Zoom to memory in use"))
        self._fit_side()
        self._fit_used.setToolTip(
            self.tr("Fit the chart to the memory in use; untick to see all of the host's RAM")
        )
        self._legend.retranslate()
        self._place_texts()

    def _apply_projector(self) -> None:
        m = theme.metrics(self.projector)
        f = theme.font(self.projector)
        style_axes(self._item, self.projector, title_lines=2.6)
        self._item.getAxis("left").setWidth(int(QFontMetrics(f).height() * 3.4))
        self._ram.setPen(pg.mkPen(theme.BLACK, width=m.line_px + 1, style=Qt.PenStyle.DashLine))
        self._ram.label.setFont(theme.font(self.projector, bold=True))
        self._ram_note.setFont(theme.font(self.projector, bold=True))
        self._free_text.setFont(theme.font(self.projector, bold=True))
        self._fit_used.setFont(theme.font(self.projector))
        for mk in self._oom:
            self._style_oom(mk)
        self._item.showGrid(x=True, y=True, alpha=m.grid_alpha)
        self._legend.set_projector(self.projector)
        self._fit_side()

    def _style_oom(self, marker: pg.InfiniteLine) -> None:
        m = theme.metrics(self.projector)
        marker.setPen(pg.mkPen(theme.VERMILLION, width=m.line_px + 1))
        marker.label.setFont(theme.font(self.projector, bold=True))

    def _on_fit_used_toggled(self, _on: bool) -> None:
        if self._snap is not None:
            self._draw(self._snap, force=True)

    def _draw(self, snap: Snapshot, force: bool = False) -> None:
        series = snap.series
        n = len(series.time_s)
        # The series only grows (append-only), and its last value holds until "now": redraw on a
        # new sample, or when "now" has moved by a pixel's worth of the time axis.
        tick = max(self._range[0], 1.0) / max(self._plot.width(), 100)
        key = (
            n,
            snap.host.ram_mib,
            self._plot.width(),
            len(snap.oom_times_s),
            int(snap.time_s / tick),
        )
        if key != self._key or force:
            self._key = key
            self._draw_series(snap, force)
        self._set_ranges(max(snap.time_s, self._t_last, 1e-3), self._y_top)

    def _draw_series(self, snap: Snapshot, force: bool) -> None:
        series = snap.series
        n = len(series.time_s)
        t = series.time_s
        if n and snap.time_s > t[-1]:
            # Nothing changed since the last sample: memory stays as it was until now.
            t = np.append(t, snap.time_s)
            series = type(series)(t, {k: np.append(v, v[-1]) for k, v in series.layers.items()})
            n += 1
        ram = snap.host.ram_mib
        # Cumulative tops are new arrays: the snapshot's arrays are the recorder's and stay intact.
        stack = np.zeros((len(LAYERS) + 1, n))
        for i, layer in enumerate(LAYERS):
            stack[i + 1] = stack[i] + series.layers[layer]
        swap = series.layers["swap_used"]
        used_peak = max(
            float(stack[-1].max() + series.layers["ksm_saved"].max()) if n else 0.0, 1.0
        )
        peak = max(ram + (float(swap.max()) if n else 0.0), used_peak)
        zoomed = self._fit_used.isChecked() and used_peak * 1.3 < ram
        if zoomed:
            peak = used_peak * 1.25
        scale, unit = units.axis_mib_scale(peak)
        if (scale, unit) != (self._scale, self._unit):
            self._scale, self._unit = scale, unit
            self.retranslate()
        stack /= scale
        ksm_layer = series.layers["ksm_saved"] / scale
        step = _stride(n, self._plot.width())
        t, stack, extra = _thin(t, stack, np.stack([swap / scale, ksm_layer]), step)
        t_now = float(t[-1]) if n else 0.0
        self._top = (t, stack[-1])
        rows = np.concatenate([stack, extra, np.full((1, len(t)), ram / scale)])
        cut, rebuild = self._split.cut(t, rows, (scale, step, self._plot.width(), ram), force)
        if rebuild:
            self._draw_shapes(*steps(t[: cut + 1], rows[:, : cut + 1]), head=True)
        self._draw_shapes(*steps(t[cut:], rows[:, cut:]), head=False)
        self._swap.setVisible(bool(n and swap.max() > 0))
        if self._ram.value() != ram / scale:
            self._ram.setValue(ram / scale)
        ram_text = self.tr("RAM {size}").format(size=units.mib(ram))
        if force or self._ram_text != ram_text:
            self._ram_text = ram_text
            pt.fit_line_label(self._ram, self._item.getViewBox(), ram_text)
        # Name only the layers this run has used: fewer, larger legend lines.
        self._legend.set_visible_keys(
            {k for k, v in series.layers.items() if n and float(v.max()) > 0}
        )
        self._update_free(snap, t, stack[-1], min(ram, peak) / scale)
        self._update_oom(snap.oom_times_s, force)
        self._t_last = t_now
        # Zoomed, the top follows the memory in use up a ladder (like the time axis): a range
        # that moved every frame would redraw the axis and the whole chart every frame.
        self._y_top = grown_limit(peak / scale) if zoomed else peak / scale * 1.08
        self._ram_note.setVisible(zoomed)
        if zoomed:
            # The free memory is named in the note: the gap to RAM is off the chart.
            self._free_text.setVisible(False)
            self._free_at = None
            free = snap.memory_mib.get("free", 0.0)
            self._ram_note.setText(
                self.tr("RAM {size} ↑\n{free} free").format(
                    size=units.mib(ram), free=units.mib(free)
                )
            )
            self._ram_note.setPos(0.0, self._y_top)

    def _draw_shapes(self, t: np.ndarray, rows: np.ndarray, head: bool) -> None:
        """Set the history (`head`) or the tail of every band and of the top line."""
        stack, swap, ksm, ram = rows[:-3], rows[-3], rows[-2], rows[-1]
        shapes = [(f, band_path(t, stack[i], stack[i + 1])) for i, f in enumerate(self._fills)]
        shapes.append((self._top_line, line_path(t, stack[-1])))
        shapes.append((self._ksm, band_path(t, stack[-1], stack[-1] + ksm)))
        shapes.append((self._swap, band_path(t, ram, ram + swap)))
        for shape, path in shapes:
            if head:
                shape.head.setPath(path)
            else:
                shape.tail.setPath(path)

    def _set_ranges(self, t_s: float, top: float) -> None:
        x_hi = grown_limit(t_s)
        if (x_hi, top) != self._range:
            self._range = (x_hi, top)
            self._item.setXRange(0, x_hi, padding=0.01)  # a little room: the 0 tick shows
            self._item.setYRange(0, top, padding=0)
            self._item.getViewBox().updateMatrix()  # now, not while painting (see TimelineView)
            self._place_texts()

    def _update_free(self, snap: Snapshot, t: np.ndarray, used: np.ndarray, ram: float) -> None:
        free = snap.memory_mib.get("free", 0.0)
        if not len(t) or free <= 0:
            self._free_text.setVisible(False)
            self._free_at = None
            return
        text = self.tr("free {size}").format(size=units.mib(free))
        pos = (float(t[-1]), (float(used[-1]) + ram) / 2)
        if (text, pos) != (self._free_line, self._free_at) or not self._free_text.isVisible():
            self._free_line, self._free_at, self._free_floor = text, pos, float(used[-1])
            self._place_texts(axes=False)  # the free memory moved; the axes did not

    def _place_texts(self, *_args: object, axes: bool = True) -> None:
        """Fit the RAM line's label and the free memory's (and the axis titles) into the plot."""
        box = self._item.getViewBox()
        if self._ram_text:
            pt.fit_line_label(self._ram, box, self._ram_text)
        if self._free_at is not None:
            pt.place_at_point(
                self._free_text, box, self._free_at, self._free_line, self._ram, self._free_floor
            )
        self._label_oom()
        if not axes:
            return
        pt.fit_axis_title(self._item.getAxis("bottom"), self._time_titles, "s")
        pt.fit_axis_title(self._item.getAxis("left"), self._memory_titles)

    def _label_oom(self) -> None:
        """Label each run of close OOM kills once, with how many."""
        many, avoid = self.tr("✕ OOM kill ×{n}"), (self._ram.label, self._free_text)
        pt.label_clusters(self._oom, self._item.getViewBox(), self.tr("✕ OOM kill"), many, avoid)

    def _update_oom(self, times: tuple[float, ...], force: bool = False) -> None:
        if times == self._oom_times and not force:
            return
        self._oom_times = times
        while len(self._oom) < len(times):
            marker = pg.InfiniteLine(
                angle=90,
                movable=False,
                label=self.tr("✕ OOM kill"),
                labelOpts={
                    "position": 0.8,
                    "color": theme.VERMILLION,
                    "anchors": [(0, 0), (0, 0)],
                    "fill": pt.PAPER,
                },
            )
            self._style_oom(marker)
            self._item.addItem(marker)
            self._oom.append(marker)
        for i, marker in enumerate(self._oom):
            marker.setVisible(i < len(times))
            if i < len(times):
                marker.setValue(times[i])
        self._label_oom()

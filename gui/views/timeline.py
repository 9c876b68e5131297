"""Phase timeline: a Gantt row per guest (or per group of identical guests), linear or log time.

Bars are drawn by one item, a layer per phase for its finished and one for its running bars
(`timeline_layers`), so 1,000 guests cost one item to paint.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]  # no stubs
from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QScrollBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from gui import theme, units
from gui.text import labels
from gui.views import timeline_labels as tl
from gui.views import timeline_rows as tr_
from gui.views.base import SnapshotView, grown_limit, style_axes
from gui.views.plot_text import fit_axis_title
from gui.views.timeline_bars import Bars
from gui.views.timeline_layers import Frame, PhaseLayers, phases_in
from gui.views.timeline_plot import PlotWidget, RowsViewBox, hairline
from gui.views.timeline_table import RowTable
from sim.references import explain
from sim.snapshot import GuestView, Snapshot

GROUP_ABOVE = 40  # more guests than this: group identical ones, unless the user chose
# Row counts change every frame while guests start: faster than anyone reads, each change
# redrawing the label column. They change at most this often (simulated s; wall ms once the
# clock stops).
LABEL_REFRESH_S = 0.25
LABEL_FLUSH_MS = 300


class TimelineView(SnapshotView):
    """Gantt chart of start phases. Emits `guest_selected(id)` when a row is clicked."""

    guest_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._log_box, self._group_box = QCheckBox(), QCheckBox()
        self._group_user: bool | None = None  # None: follow GROUP_ABOVE
        self._legend = tl.phase_legend()
        self._vb = RowsViewBox(invertY=True, enableMenu=False)
        self._vb.setMouseEnabled(x=False, y=False)
        self._plot = PlotWidget(background="w", viewBox=self._vb)
        self._item = self._plot.getPlotItem()
        self._vb.sigResized.connect(self._fit_title)
        self._item.hideButtons()
        self._scroll = QScrollBar(Qt.Orientation.Vertical)
        self._layers = PhaseLayers()  # every phase's bars, finished and running apart
        self._vb.addItem(self._layers.bars)
        self._legend_keys: set[str] | None = None  # the phases the legend shows
        self._vb.addItem(self._layers.open)
        self._now = pg.InfiniteLine(angle=90, movable=False)
        self._item.addItem(self._now)
        self._rows = tr_.Rows([])
        self._table = RowTable()  # re-reads only the guests that changed since the last frame
        self._guests: tuple[GuestView, ...] = ()
        self._mode: tuple[bool, bool] | None = None  # (grouped, log) the rows were built for
        self._labels: tuple[str, ...] = ()
        self._labels_s = -math.inf  # simulated time the labels were last brought up to date
        self._label_flush = QTimer(self)
        self._label_flush.setSingleShot(True)
        self._label_flush.setInterval(LABEL_FLUSH_MS)
        self._label_flush.timeout.connect(self._on_label_flush_timeout)
        self._ticks: list[tuple[float, str]] | None = None
        self._time = math.nan
        self._time_ticks: tuple[str, ...] = ()
        self._x_ticks: list[tuple[float, str]] | None = None
        self._x_range = (math.nan, math.nan)
        self._x: tuple[np.ndarray, np.ndarray] = (np.zeros(0), np.zeros(0))
        self._layout_widgets()
        self._log_box.toggled.connect(self._on_log_box_toggled)
        self._group_box.clicked.connect(self._on_group_box_clicked)
        self._scroll.valueChanged.connect(self._on_scroll_value_changed)
        self._vb.sigWheel.connect(self._on_vb_wheel)
        self._plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self._plot.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)
        self.retranslate()
        self._apply_projector()

    def _layout_widgets(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self._log_box)
        top.addWidget(self._group_box)
        top.addStretch(1)
        self._body = QHBoxLayout()
        self._body.addWidget(self._plot, 1)
        self._body.addWidget(self._scroll)
        self._body.addWidget(self._legend)
        self._under = QVBoxLayout()  # the legend's place when the plot is narrow
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addLayout(self._body, 1)
        box.addLayout(self._under)

    # --- read-only access for tests and export -------------------------------------------
    @property
    def rows(self) -> tuple[str, ...]:
        """Return the row labels, top first."""
        return self._labels

    @property
    def row_guests(self) -> tuple[tuple[str, ...], ...]:
        """Return the guest ids on each row."""
        return tuple(tuple(g.id for g in group) for group in self._rows.guests)

    @property
    def bars(self) -> dict[str, tuple[Bars, Bars]]:
        """Return the finished and the running bars of each phase (`path()` gives a shape)."""
        return self._layers.by_phase()

    @property
    def log_mode(self) -> bool:
        """Return whether time is log-scaled and relative to each guest's request."""
        return self._log_box.isChecked()

    @property
    def grouped(self) -> bool:
        """Return whether identical guests share a row."""
        return self._group_box.isChecked()

    @property
    def plot_item(self) -> pg.PlotItem:
        """Return the pyqtgraph plot (read-only use)."""
        return self._item

    @property
    def log_toggle(self) -> QCheckBox:
        """Return the linear/log checkbox (read-only use)."""
        return self._log_box

    @property
    def plot_widget(self) -> pg.PlotWidget:
        """Return the plot widget (to click on it in tests)."""
        return self._plot

    @property
    def time_ticks(self) -> tuple[str, ...]:
        """Return the labels of fixed time ticks (log mode), empty when pyqtgraph picks them."""
        return self._time_ticks

    def bar_extent(self, guest_id: str, phase: str) -> tuple[float, float] | None:
        """Return the (left, right) of a guest's phase bar in axis units, or None."""
        for i in range(len(self._rows.row)):
            g, k = self._rows.member(i)
            if g.id == guest_id and g.phases[k].name == phase:
                return float(self._x[0][i]), float(self._x[1][i])
        return None

    def set_log_mode(self, on: bool) -> None:
        """Show time on a log axis, relative to each guest's request."""
        self._log_box.setChecked(on)

    def set_grouped(self, on: bool | None) -> None:
        """Group identical guests on one row; None lets the view decide by guest count."""
        self._group_user = on
        if self.snapshot is not None:
            self._draw(self.snapshot, force=True)

    # --- slots -----------------------------------------------------------------------------
    def _on_log_box_toggled(self, _on: bool) -> None:
        self.retranslate()
        if self.snapshot is not None:
            self._draw(self.snapshot, force=True)

    def _on_group_box_clicked(self, on: bool) -> None:
        self.set_grouped(on)

    def _on_scroll_value_changed(self, _value: int) -> None:
        self._apply_y_range()
        self._update_paths(None)  # only the rows in view are in the paths

    def _on_label_flush_timeout(self) -> None:
        if self._rows.guests:
            self._set_row_ticks()

    def _on_vb_wheel(self, rows: int) -> None:
        self._scroll.setValue(self._scroll.value() + rows)

    def _hit(self, scene_pos: QPointF) -> int | None:
        if not self._vb.sceneBoundingRect().contains(scene_pos) or not len(self._rows.row):
            return None
        p = self._vb.mapSceneToView(scene_pos)
        r = round(p.y())
        x0, x1 = self._x
        hits = np.flatnonzero((self._rows.row == r) & (x0 <= p.x()) & (p.x() <= x1))
        if len(hits):
            return int(hits[-1])
        on_row = np.flatnonzero(self._rows.row == r)
        return int(on_row[0]) if len(on_row) and abs(p.y() - r) < 0.5 else None

    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        i = self._hit(scene_pos)
        if i is None:
            QToolTip.hideText()
            return
        g, k = self._rows.member(i)
        span = g.phases[k]
        end = (
            span.end_s
            if span.end_s is not None
            else (self.snapshot.time_s if self.snapshot else span.start_s)
        )
        text = self.tr("{guest} ({template})\n{phase}: {duration}{running}\nsource: {source}")
        QToolTip.showText(
            QCursor.pos(),
            text.format(
                guest=g.id,
                template=g.template,
                phase=labels.phase_label(span.name),
                duration=units.duration(end - span.start_s),
                running=self.tr(" so far") if span.end_s is None else "",
                source=explain(span.source),
            ),
            self,
        )

    def _on_scene_mouse_clicked(self, event: object) -> None:
        i = self._hit(event.scenePos())  # type: ignore[attr-defined]
        if i is not None:
            self.guest_selected.emit(self._rows.member(i)[0].id)

    # --- drawing ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set checkbox texts, axis titles and legend names in the current language."""
        self._log_box.setText(self.tr("Log time"))
        self._log_box.setToolTip(self.tr("A logarithmic time axis, from each guest's request"))
        self._group_box.setText(self.tr("Group identical guests"))
        self._group_box.setToolTip(self.tr("Same template and same phases share one row"))
        self._fit_title()
        self._legend.retranslate()
        self._place_legend()  # the names' widths changed

    def _fit_title(self, *_args: object) -> None:
        """Title the time axis in full where it is wide enough, else in a word."""
        axis = self._item.getAxis("bottom")
        if self.log_mode:
            long = self.tr("time since the guest was requested (log)")
            fit_axis_title(axis, (long, self.tr("time (log)")))
        else:
            fit_axis_title(axis, (self.tr("simulated time"), self.tr("time")), "s")

    def _apply_projector(self) -> None:
        m = theme.metrics(self.projector)
        f = theme.font(self.projector)
        style_axes(self._item, self.projector, title_lines=2.6)
        for box in (self._log_box, self._group_box):
            box.setFont(f)
        self._legend.set_projector(self.projector)
        outline = hairline(theme.BLACK, m.line_px)
        outline.setStyle(Qt.PenStyle.DashLine)
        self._layers.open.setPen(outline)
        self._now.setPen(pg.mkPen(theme.VERMILLION, width=m.line_px))
        self._item.showGrid(x=True, y=False, alpha=m.grid_alpha)
        self._row_px = tl.row_pitch(self.projector)  # a row holds its label's text
        self._place_legend()
        if getattr(self, "_labels", ()):  # its label column was sized for the old font
            self._labels = ()
            self._set_row_ticks()

    def _draw(self, snap: Snapshot, force: bool = False) -> None:
        grouped = (
            self._group_user if self._group_user is not None else len(snap.guests) > GROUP_ABOVE
        )
        mode = (grouped, self.log_mode)
        if force or mode != self._mode or not tr_.same_guests(snap.guests, self._guests):
            if mode[0] != (self._mode or (None,))[0]:
                self._group_box.setChecked(grouped)
                self._layers.set_grouped(grouped)
            paced = not force and mode == self._mode
            self._mode, self._guests = mode, snap.guests
            self._rows = self._table.update(snap.guests, grouped)
            self._set_row_ticks(snap.time_s, paced)
            keys = {theme.PHASES[p] for p in phases_in(self._rows.phase)}
            if keys != self._legend_keys:
                self._legend_keys = keys
                self._legend.set_visible_keys(keys)
                self._place_legend()
            changed = None
        else:
            if snap.time_s == self._time:
                return
            if self._label_flush.isActive():  # counts held back: shown once their time comes
                self._set_row_ticks(snap.time_s, paced=True)
            changed = set(self._rows.phase[self._rows.open].tolist())
        self._time = snap.time_s
        self._x = tr_.extents(self._rows, snap.time_s, self.log_mode)
        if changed is None or changed:
            self._update_paths(changed)
        self._update_x_range(snap)
        # Apply the new range now: pyqtgraph would do it while painting, and the items it moves
        # then would queue a second paint of the whole plot in the same frame.
        self._vb.updateMatrix()

    def _update_paths(self, phases: set[int] | None) -> None:
        """Set the bars of the rows in view: running ones of `phases`, or all (None).

        A path holding every guest's bars costs Qt time to clip even where it is scrolled away.
        """
        rows = self._rows
        if len(self._x[0]) != len(rows.row):
            return  # no snapshot drawn yet
        top, visible = self._scroll.value(), self._visible_rows()
        vis = (rows.row >= top - 1) & (rows.row <= top + visible)
        place = (top, visible, self.log_mode)
        self._layers.update(Frame(rows, self._x, self._time, vis, place, self.grouped), phases)

    def _set_row_ticks(self, now_s: float | None = None, paced: bool = False) -> None:
        """Show the rows' labels as of `now_s`; `paced` (a frame) holds back new counts."""
        labels = self._table.labels()
        if now_s is None:
            now_s = self._time
        if (
            paced
            and len(labels) == len(self._labels)
            and 0.0 <= now_s - self._labels_s < LABEL_REFRESH_S
        ):
            if labels != self._labels and not self._label_flush.isActive():
                self._label_flush.start()  # shown soon even if the clock stops now
            labels = self._labels
        else:
            self._label_flush.stop()
            self._labels_s = now_s
        if labels != self._labels:
            self._labels = labels
            axis = self._item.getAxis("left")
            width = tl.label_column(labels, self.projector)
            if axis.width() != width:
                axis.setWidth(width)
                self._place_legend()  # the plot's width changed
            self._ticks = None
        n = len(labels)
        visible = self._visible_rows()
        self._scroll.setRange(0, max(0, n - visible))
        self._scroll.setPageStep(visible)
        self._scroll.setVisible(n > visible)
        self._apply_y_range()

    def _visible_rows(self) -> int:
        return max(3, int(self._vb.height() // self._row_px) if self._vb.height() > 0 else 20)

    def _apply_y_range(self) -> None:
        top = self._scroll.value()
        visible = min(self._visible_rows(), max(len(self._rows.guests), 1))
        if self._vb.viewRange()[1] != [top - 0.5, top + visible - 0.5]:
            self._vb.setYRange(top - 0.5, top + visible - 0.5, padding=0)  # costly: when moved
        ticks = tl.rows_in_view(self._labels, top, visible)
        if ticks != self._ticks:
            self._ticks = ticks
            self._item.getAxis("left").setTicks([ticks, []])

    def _update_x_range(self, snap: Snapshot) -> None:
        if self.log_mode:
            hi = max(1.0, float(np.nanmax(self._x[1])) if len(self._x[1]) else 0.0)
            x_range = (math.log10(tr_.LOG_FLOOR_S) - 0.25, math.ceil(hi * 2) / 2)
            ticks = [(float(d), units.tick_duration(10.0**d)) for d in range(-3, int(hi) + 2)]
        else:
            x_range = (0.0, grown_limit(max(snap.time_s, 1e-3)))
            ticks = None
        if ticks != self._x_ticks:
            self._x_ticks = ticks
            self._item.getAxis("bottom").setTicks(None if ticks is None else [ticks, []])
            self._time_ticks = tuple(label for _, label in ticks or ())
        if x_range != self._x_range:
            self._x_range = x_range
            self._vb.setXRange(*x_range, padding=0.02)
        self._now.setVisible(not self.log_mode)
        if not self.log_mode and self._now.value() != snap.time_s:
            self._now.setValue(snap.time_s)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        """Recompute how many rows fit."""
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._place_legend()
        if self._rows.guests:
            self._set_row_ticks()
            self._update_paths(None)

    def _place_legend(self) -> None:
        """Keep the legend beside the plot unless that leaves the bars too little width."""
        width = self.width() - self._item.getAxis("left").width() - self._scroll.sizeHint().width()
        tl.place_legend(self._legend, self._body, self._under, width, self.projector)

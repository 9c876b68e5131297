"""How many more of each template fit, and the limit that binds first (memory, CPU, ...).

The CPU limit comes from the host's vCPU policy, which the panel names above its bars.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]  # no stubs
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QCursor, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from gui import theme, units
from gui.panels import scrolling
from gui.text import labels
from gui.views.base import SnapshotView, grown_limit, style_axes
from gui.views.legend import Legend
from gui.views.plot_text import fit_axis_title
from sim import vcpu_policy
from sim.snapshot import KINDS, LIMITS, DensityRow, Snapshot

# Limits that are states of the host rather than capacities ("0: the host is down").
CONDITIONS = frozenset({"host_down"})


class DensityPanel(SnapshotView):
    """Horizontal bars of "how many more fit" per template, named by their binding limit.

    Each bar is drawn in its template's kind colour, which the snapshot's density row carries.
    """

    # Figures to read, not motion to watch: while the clock runs they change at most 8 times a
    # second (each change re-lays out the bars' texts), and catch up at once when it stops.
    READING_PACE_S = 0.125

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[DensityRow, ...] = ()
        self._shown: dict[str, object] = {}  # what the items show now, by name
        self._log_box = QCheckBox()
        self._log_box.setChecked(True)
        self._policy = QLabel()  # the host's vCPU policy: "vCPU policy 10:1"
        self._ratio = math.nan  # the policy the label shows (nan: none yet)
        self._legend = Legend(
            [(k, theme.colour(theme.KIND_COLOURS, k), Qt.BrushStyle.SolidPattern) for k in KINDS],
            labels.kind_label,
        )
        self._plot = pg.PlotWidget(background="w")
        self._item = self._plot.getPlotItem()
        self._item.hideButtons()
        self._item.setMouseEnabled(x=False, y=False)
        self._item.getViewBox().invertY(True)
        self._bars = pg.BarGraphItem(x0=[], y=[], height=0.6, width=[])
        self._item.addItem(self._bars)
        self._texts: list[pg.TextItem] = []
        self._item.getViewBox().sigResized.connect(self._on_view_resized)
        top = QHBoxLayout()
        top.addWidget(self._log_box)
        top.addWidget(self._policy)
        top.addWidget(self._legend, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        # Rows keep a readable height (more in projector mode); when they do not all fit, the
        # panel scrolls instead of squeezing the labels into each other.
        box.addWidget(scrolling(self._plot), 1)
        self._log_box.toggled.connect(self._on_log_box_toggled)
        self._plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.retranslate()
        self._apply_projector()

    @property
    def bars(self) -> pg.BarGraphItem:
        """Return the bar item (one bar per template)."""
        return self._bars

    @property
    def bar_labels(self) -> tuple[str, ...]:
        """Return the text beside each bar, top first."""
        return tuple(t.textItem.toPlainText() for t in self._texts[: len(self._rows)])

    @property
    def templates(self) -> tuple[str, ...]:
        """Return the templates shown, top first."""
        return tuple(r.template for r in self._rows)

    @property
    def log_scale(self) -> bool:
        """Return whether the count axis is logarithmic."""
        return self._log_box.isChecked()

    @property
    def policy_text(self) -> str:
        """Return the vCPU-policy label as shown."""
        return self._policy.text()

    @property
    def bar_kinds(self) -> tuple[str, ...]:
        """Return the guest kind whose colour each bar is drawn in, top first."""
        return tuple(r.kind for r in self._rows)

    def tooltip_text(self, index: int) -> str:
        """Return the tooltip of row `index`: every limit's number, the binding one marked."""
        row = self._rows[index]
        lines = [
            self.tr("{template}: {n} more fit").format(
                template=row.template, n=units.count(row.max)
            )
        ]
        for limit in LIMITS:
            value = row.limits.get(limit, math.inf)
            if limit in CONDITIONS and limit != row.limit:
                continue  # a condition of the host, not a capacity: named only when it binds
            mark = self.tr("  ◀ binds first") if limit == row.limit else ""
            lines.append(f"{labels.limit_label(limit)}: {labels.limit_count(value)}{mark}")
        if row.after_ksm is not None and row.after_ksm != row.max:
            lines.append(
                self.tr("Once KSM has merged their identical pages: {n} (about {min} min)").format(
                    n=units.count(row.after_ksm), min=f"{row.ksm_catch_up_s / 60:.0f}"
                )
            )
        return "\n".join(lines)

    def _on_log_box_toggled(self, _on: bool) -> None:
        if self.snapshot is not None:
            self._draw(self.snapshot, force=True)

    def _on_scene_mouse_moved(self, pos: QPointF) -> None:
        vb = self._item.getViewBox()
        if not self._rows or not vb.sceneBoundingRect().contains(pos):
            return
        i = round(vb.mapSceneToView(pos).y())
        if 0 <= i < len(self._rows):
            QToolTip.showText(QCursor.pos(), self.tooltip_text(i), self)

    def retranslate(self) -> None:
        """Set fixed texts and bar labels in the current language."""
        self._log_box.setText(self.tr("Log scale"))
        fit_axis_title(self._item.getAxis("bottom"), self._titles())
        self._legend.retranslate()
        self._show_policy(self._ratio)

    def _show_policy(self, ratio: float) -> None:
        """Say which vCPU policy the CPU limit comes from ("vCPU policy 10:1")."""
        self._ratio = ratio
        if math.isnan(ratio):
            text = ""
        elif vcpu_policy.capped(ratio):
            text = self.tr("vCPU policy {ratio}:1").format(ratio=f"{ratio:g}")
        else:
            text = self.tr("vCPU policy: no cap")
        self._policy.setText(text)
        self._policy.setToolTip(
            self.tr("How many vCPUs this host admits per physical core (set in the host panel)")
        )

    def _apply_projector(self) -> None:
        m = theme.metrics(self.projector)
        f = theme.font(self.projector)
        style_axes(self._item, self.projector, title_lines=2.6)
        self._fit_rows(len(self._rows))
        self._log_box.setFont(f)
        self._policy.setFont(f)
        self._legend.set_projector(self.projector)
        for t in self._texts:
            t.setFont(theme.font(self.projector, bold=True))
        self._bars.setOpts(pen=pg.mkPen(theme.BLACK, width=max(1, m.line_px - 1)))

    def _x(self, n: float) -> float:
        return math.log10(n + 1) if self.log_scale else float(n)

    def _draw(self, snap: Snapshot, force: bool = False) -> None:
        if snap.host.vcpu_per_core != self._ratio:
            self._show_policy(snap.host.vcpu_per_core)
        if snap.density == self._rows and not force:
            return
        if force:
            self._shown = {}
        self._rows = snap.density
        rows = self._rows
        widths = np.array([self._x(r.max) for r in rows], float)
        kinds = tuple(r.kind for r in rows)
        # Every setter below relays out or repaints its item: call it only on a change.
        if self._changed("bars", (widths.tobytes(), kinds)):
            self._bars.setOpts(
                x0=np.zeros(len(rows)),
                y=np.arange(len(rows)),
                width=widths,
                brushes=[theme.colour(theme.KIND_COLOURS, k) for k in kinds],
            )
        while len(self._texts) < len(rows):
            t = pg.TextItem(color=theme.BLACK, anchor=(0, 0.5))
            t.setFont(theme.font(self.projector, bold=True))
            self._item.addItem(t)
            self._texts.append(t)
        for i, t in enumerate(self._texts):
            t.setVisible(i < len(rows))
            if i < len(rows):
                r = rows[i]
                # Short enough to stay beside the bar in a narrow panel; the axis says the rest.
                text = self.tr("{n} — {limit}").format(
                    n=units.count(r.max), limit=labels.limit_label(r.limit)
                )
                ksm = ("", "")
                if r.after_ksm is not None and r.after_ksm != r.max:
                    # KSM has not caught up yet: say how many fit once it has.
                    n = units.count(r.after_ksm)
                    ksm = (self.tr(" → {n} with KSM").format(n=n), f" → {n}")
                text = self._fit_label(text, ksm)
                if text != t.textItem.toPlainText():
                    t.setText(text)
                if t.pos() != QPointF(float(widths[i]), float(i)):
                    t.setPos(float(widths[i]), float(i))
        ticks = [(float(i), r.template) for i, r in enumerate(rows)]
        if self._changed("ticks", ticks):
            metrics = QFontMetrics(theme.font(self.projector))
            axis = self._item.getAxis("left")
            axis.setTicks([ticks, []])
            axis.setWidth(max((metrics.horizontalAdvance(t) for _, t in ticks), default=40) + 16)
        if self._changed("n_rows", len(rows)):
            self._fit_rows(len(rows))
        self._set_x_axis([float(w) for w in widths], len(rows))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Make room for the labels again: their share of the width changed."""
        super().resizeEvent(event)
        self._on_view_resized()

    def _on_view_resized(self, *_args: object) -> None:
        """Fit the labels, ticks and title to the plot's new width."""
        snap = self.snapshot
        if self._rows and snap is not None:
            self._item.getViewBox().updateMatrix()
            self._draw(snap, force=True)  # each label's words depend on the width
        fit_axis_title(self._item.getAxis("bottom"), self._titles())

    def _fit_rows(self, n_rows: int) -> None:
        """Give every row at least one bold text line and a little air."""
        pitch = QFontMetrics(theme.font(self.projector, bold=True)).height() * 1.25
        axis = self._item.getAxis("bottom").height()
        self._plot.setMinimumHeight(int(max(n_rows, 1) * pitch + axis + 8))

    def _fit_label(self, text: str, ksm: tuple[str, str]) -> str:
        """Return the richest form of a bar's label that leaves the bar a quarter of the plot.

        Forms: in full; without the limit's explanation in brackets; the KSM figure without
        its words; without the KSM figure. The bar's tooltip says it all in full.
        """
        room = (self._item.getViewBox().width() - 12) * 0.75  # `_needed_x` keeps bars >= 25 %
        metrics = QFontMetrics(theme.font(self.projector, bold=True))
        short = re.sub(r"\s*[(（][^()（）]*[)）]", "", text)
        forms = (text + ksm[0], short + ksm[0], short + ksm[1], short)
        for form in forms:
            if room <= 0 or metrics.horizontalAdvance(form) <= room:
                return form
        return forms[-1]

    def _needed_x(self, widths: list[float]) -> float:
        """Return the x range that leaves each bar's label room right of that bar."""
        metrics = QFontMetrics(theme.font(self.projector, bold=True))
        room = self._item.getViewBox().width()
        need = max(widths, default=1.0)
        if room <= 0:
            return need / 0.4
        for w, t in zip(widths, self._texts, strict=False):
            label = metrics.horizontalAdvance(t.textItem.toPlainText()) + 12
            need = max(need, w * room / max(room - label, room * 0.25))
        return need

    def _titles(self) -> tuple[str, str]:
        return (
            self.tr("how many more fit — and the limit that stops them"),
            self.tr("how many more fit"),
        )

    def _changed(self, name: str, value: object) -> bool:
        """Remember `value` under `name`; return whether it differs from the last one."""
        if self._shown.get(name) == value:
            return False
        self._shown[name] = value
        return True

    def _set_x_axis(self, widths: list[float], n_rows: int) -> None:
        # Leave room right of each bar for its label ("1 023 — bridge ports");
        # the range steps rather than follows every change of the widest bar.
        widest = max(widths, default=1.0)
        needed = self._needed_x(widths) + 0.1
        x_hi = grown_limit(needed, headroom=0.05)
        if self._changed("range", (x_hi, n_rows, self.log_scale)):
            self._shown["x_hi"] = x_hi
            self._item.setRange(xRange=(0, x_hi), yRange=(-0.6, max(n_rows, 1) - 0.4), padding=0)
            self._item.getViewBox().updateMatrix()  # now, not while painting (see TimelineView)
        bottom = self._item.getAxis("bottom")
        if self.log_scale:
            # Every decade while their labels fit side by side, else every second or third one.
            top = int(widest) + 2
            metrics = QFontMetrics(bottom.style.get("tickFont") or theme.font(self.projector))
            label = metrics.horizontalAdvance(units.count(10 ** max(top - 1, 1))) + 16
            per_decade = self._item.getViewBox().width() / max(x_hi, 1.0)
            step = max(1, math.ceil(label / per_decade)) if per_decade > 0 else 2
            decades = range(0, top, step)
            ticks = [
                (math.log10(10**d + 1) if d else 0.0, units.count(10**d if d else 0))
                for d in decades
            ]
            # A label reaching past the axis' end is dropped by the axis: leave it out.
            half = label / 2 / per_decade if per_decade > 0 else 0.0
            ticks = [(x, t) for x, t in ticks if x + half <= x_hi]
            if self._changed("x_ticks", ticks):
                bottom.setTicks([ticks, []])
        elif self._changed("x_ticks", None):
            bottom.setTicks(None)

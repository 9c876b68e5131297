"""Common behaviour of the six views: projector mode and runtime re-translation."""

from __future__ import annotations

import math
import time

import pyqtgraph as pg  # type: ignore[import-untyped]  # no stubs
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QFontMetrics, QShowEvent
from PySide6.QtWidgets import QGraphicsItem, QWidget

from gui import theme
from sim.snapshot import Snapshot

NORMAL_TICK_PX = 16  # the text height pyqtgraph's tick spacing reads well at


def style_axes(
    item: pg.PlotItem, projector: bool, *, minor_ticks: bool = False, title_lines: float = 2.6
) -> None:
    """Give a plot's left and bottom axes the mode's font, pens and room for their titles.

    Minor ticks are off by default: their grid clutters the chart at a distance. pyqtgraph sizes
    the bottom axis for its default font, so it gets `title_lines` text lines of height.
    """
    m = theme.metrics(projector)
    f = theme.font(projector)
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        # An axis with a grid spans the whole plot, so every bar or band that moves repainted
        # its ticks, labels and grid lines (a third of a frame's paint); cached, the axis is
        # drawn again only when its range or ticks change, and otherwise copied.
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        axis.setStyle(tickFont=f, **({} if minor_ticks else {"maxTickLevel": 0}))
        axis.setPen(pg.mkPen(m.foreground, width=m.line_px))
        axis.setTextPen(pg.mkPen(m.foreground))
        axis.label.setFont(f)
        # pyqtgraph spaces ticks for its own small font: larger text gets fewer ticks.
        axis.setTickDensity(min(1.0, (NORMAL_TICK_PX / max(QFontMetrics(f).height(), 1)) ** 2))
    item.getAxis("bottom").setHeight(int(QFontMetrics(f).height() * title_lines))


def size_left_axis(item: pg.PlotItem, projector: bool, widest_tick: str) -> None:
    """In projector mode, give the left axis room for its widest tick label and its title.

    pyqtgraph sizes a left axis for 0.8 of its title's height and draws the title 5 px left of
    the axis: with projector text the rotated title ran over the tick labels. Normal text fits
    pyqtgraph's own sizing, which is kept (a wider axis there crowds the bars' labels).
    """
    axis = item.getAxis("left")
    if not projector:
        axis.setWidth(None)
        return
    fm = QFontMetrics(theme.font(True))
    axis.setWidth(fm.horizontalAdvance(widest_tick) + int(fm.height() * 1.3) + 12)


def grown_limit(needed: float, headroom: float = 0.15) -> float:
    """Return an axis limit that holds `needed`: the next rung of a ladder of ratio 1 + headroom.

    An axis whose range moves every frame redraws its ticks and labels every frame; on the
    ladder it changes a few times a minute and the data moves inside a steady frame. The rung
    depends on `needed` alone, never on the limit shown before, so a moment looks the same
    whether the window played to it, jumped to it or recorded it frame by frame.
    """
    if needed <= 0.0:
        return 0.0
    ratio = 1.0 + headroom
    limit = ratio ** math.ceil(math.log(needed) / math.log(ratio))
    return limit * ratio if limit < needed else limit  # rounding put it a hair below


class SnapshotView(QWidget):
    """A widget that draws a `Snapshot`; subclasses override the three hooks below.

    A view that is read rather than watched (a list, a table of figures) sets `READING_PACE_S`:
    while the clock runs it draws at most that often in wall time, and it catches up at once
    when the clock stops (`set_playing(False)`), so a paused view is always complete.
    """

    READING_PACE_S: float | None = None  # None: draw every frame

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._projector = False
        self._snap: Snapshot | None = None
        self._pending = False  # a snapshot arrived while hidden and is not drawn yet
        self._playing = False
        self._drawn_at = -math.inf  # monotonic wall time of the last paced draw
        self._held = False  # a snapshot is waiting for its reading pace
        self._pace_timer: QTimer | None = None

    @property
    def projector(self) -> bool:
        """Return whether projector mode (large text, thick lines) is on."""
        return self._projector

    @property
    def snapshot(self) -> Snapshot | None:
        """Return the last snapshot drawn."""
        return self._snap

    def update_snapshot(self, snap: Snapshot) -> None:
        """Draw `snap`; called once per frame, so only cheap updates happen here.

        A view hidden in a shown window (a tab at the back) only keeps the snapshot and draws
        it when it is shown: nobody sees it, and a frame has no time to spare.
        """
        self._snap = snap
        if self._stale(snap) or self._hold(snap):
            return
        self._draw(snap)

    @property
    def playing(self) -> bool:
        """Return whether the view was told that the clock runs."""
        return self._playing

    def set_playing(self, playing: bool) -> None:
        """Note whether the clock runs; when it stops, draw what the reading pace held back."""
        self._playing = bool(playing)
        if not self._playing:
            self._release()

    def _hold(self, snap: Snapshot) -> bool:
        """Return whether to hold `snap` back: the clock runs and the last draw is too recent."""
        pace = self.READING_PACE_S
        now = time.monotonic()
        if pace is None or not self._playing or now - self._drawn_at >= pace:
            self._held = False
            self._drawn_at = now
            return False
        self._held = True
        if self._pace_timer is None:
            self._pace_timer = QTimer(self)
            self._pace_timer.setSingleShot(True)
            self._pace_timer.timeout.connect(self._release)
        if not self._pace_timer.isActive():  # drawn in time even if no frame follows
            self._pace_timer.start(max(1, math.ceil((self._drawn_at + pace - now) * 1000)))
        return True

    def _release(self) -> None:
        """Draw the snapshot held back by the reading pace, if any."""
        if self._pace_timer is not None:
            self._pace_timer.stop()
        if not self._held or self._snap is None:
            return
        self._held = False
        self._drawn_at = time.monotonic()
        if not self._stale(self._snap):
            self._draw(self._snap)

    def _stale(self, snap: Snapshot) -> bool:
        """Return whether to leave `snap` undrawn for now (hidden in a shown window)."""
        window = self.window()
        hidden = window is not self and window.isVisible() and not self.isVisible()
        self._pending = hidden
        return hidden

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Draw the snapshot that arrived while the view was hidden."""
        super().showEvent(event)
        if self._pending and self._snap is not None:
            self._pending = False
            self._draw(self._snap)

    def set_projector(self, on: bool) -> None:
        """Switch projector mode: fonts ≥ 16 pt, lines ≥ 3 px, higher contrast."""
        self._projector = bool(on)
        self._apply_projector()
        if self._snap is not None:
            self._draw(self._snap, force=True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate visible text when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self._snap is not None:
                self._draw(self._snap, force=True)
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every fixed visible string again in the current language."""

    def _apply_projector(self) -> None:
        """Apply the fonts and pens of the current mode."""

    def _draw(self, snap: Snapshot, force: bool = False) -> None:
        """Update items from `snap`; `force` redraws even if nothing seems to have changed."""

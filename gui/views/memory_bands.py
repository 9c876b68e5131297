"""Memory chart shapes drawn as a kept history and a short tail up to "now".

A new sample or a pixel of time changed only the chart's right end, yet every band's path was
rebuilt and the whole chart repainted each frame. Here a frame rebuilds only the tails (a few
samples wide, so Qt repaints a strip); the history is rebuilt when the tail grows long, or when
the axis scale or the thinning changes.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]  # no stubs
from PySide6.QtGui import QBrush, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

TAIL_SAMPLES = 48  # samples in the tail before the history moves up to "now"


def band_path(t: np.ndarray, low: np.ndarray, high: np.ndarray) -> QPainterPath:
    """Return the closed polygon between two lines over `t`."""
    if len(t) == 0:
        return QPainterPath()
    xs = np.concatenate([t, t[::-1]])
    ys = np.concatenate([high, low[::-1]])
    path: QPainterPath = pg.arrayToQPath(xs, ys, connect="all", finiteCheck=False)
    path.closeSubpath()
    return path


def line_path(t: np.ndarray, y: np.ndarray) -> QPainterPath:
    """Return the open line through (t, y)."""
    path: QPainterPath = pg.arrayToQPath(t, y, connect="all", finiteCheck=False)
    return path


def steps(t: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the step outline of sampled rows: each value holds until the next sample.

    Memory changes at instants (a guest starts, a guest is killed); a line from one sample to
    the next would show a crash at 82.5 s as memory draining from the sample before it.
    """
    if len(t) < 2:
        return t, rows
    return np.repeat(t, 2)[1:], np.repeat(rows, 2, axis=-1)[..., :-1]


class SplitPath:
    """One shape as two path items: the history (kept) and the tail (rebuilt each frame)."""

    def __init__(self, plot: pg.PlotItem, brush: QBrush | None, pen: QPen) -> None:
        self.head, self.tail = QGraphicsPathItem(), QGraphicsPathItem()
        for item in (self.head, self.tail):
            if brush is not None:
                item.setBrush(brush)
            item.setPen(pen)
            plot.addItem(item)

    def path(self) -> QPainterPath:
        """Return the whole shape (history and tail)."""
        whole = QPainterPath(self.head.path())
        whole.addPath(self.tail.path())
        return whole

    def setVisible(self, on: bool) -> None:  # noqa: N802 (the Qt item's name)
        """Show or hide both parts."""
        self.head.setVisible(on)
        self.tail.setVisible(on)

    def isVisible(self) -> bool:  # noqa: N802 (the Qt item's name)
        """Return whether the shape is shown."""
        return bool(self.tail.isVisible())


class TailSplit:
    """Where the history ends (a thinned sample index), kept while the tail stays short."""

    def __init__(self) -> None:
        self._cut = 0
        self._key: tuple[object, ...] | None = None
        self._anchor: tuple[float, ...] = ()

    def cut(
        self, t: np.ndarray, rows: np.ndarray, key: tuple[object, ...], force: bool
    ) -> tuple[int, bool]:
        """Return (history's last index, whether to rebuild the history) for samples `t`, `rows`.

        `key` holds what places the kept samples (scale, thinning step, width...). The history
        is kept only while its last sample is still there, unchanged (the recorder compacts old
        samples, a new session starts over). The last two samples stay in the tail: "now" and
        the newest record may still change.
        """
        n, cut = len(t), self._cut
        kept = (
            not force
            and key == self._key
            and 0 < cut <= n - 3
            and n - cut <= TAIL_SAMPLES
            and self._anchor == (float(t[cut]), *rows[:, cut].tolist())
        )
        if kept:
            return cut, False
        self._key, self._cut = key, max(0, n - 3)
        self._anchor = (float(t[self._cut]), *rows[:, self._cut].tolist()) if n else ()
        return self._cut, True

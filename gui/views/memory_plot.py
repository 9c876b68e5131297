"""Memory by layer over time: stacked areas, RAM line, swap, KSM savings, OOM markers."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from gui.views.base import SnapshotView
from sim.snapshot import Snapshot


class MemoryPlot(SnapshotView):
    """Memory by layer over time: stacked areas, RAM line, swap, KSM savings, OOM markers."""

    guest_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def _draw(self, snap: Snapshot, force: bool = False) -> None:
        pass

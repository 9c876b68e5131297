"""One guest in detail: phases with durations and sources, memory by layer."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from gui.views.base import SnapshotView
from sim.snapshot import Snapshot


class GuestDetailsPanel(SnapshotView):
    """One guest in detail: phases with durations and sources, memory by layer."""

    guest_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def _draw(self, snap: Snapshot, force: bool = False) -> None:
        pass

    def show_guest(self, guest_id: str | None) -> None:
        """Show `guest_id` (None clears) from the next snapshots on."""
        self._guest_id = guest_id

"""The views of the main window; each draws a `sim.snapshot.Snapshot` (see window/view_registry)."""

# Qt binding first, so pyqtgraph (imported by the views) binds to PySide6 (docs/maintainers.md).
import PySide6  # noqa: F401  # isort: skip

from gui.views.density_panel import DensityPanel
from gui.views.event_log import EventLogView
from gui.views.guest_details import GuestDetailsPanel
from gui.views.layer_diagram import LayerDiagramView
from gui.views.memory_plot import MemoryPlot
from gui.views.timeline import TimelineView

__all__ = [
    "DensityPanel",
    "EventLogView",
    "GuestDetailsPanel",
    "LayerDiagramView",
    "MemoryPlot",
    "TimelineView",
]

"""The registry of the window's views: one row per view, read wherever views are listed.

Each row names a view, says how to build it, where it goes and what it is called. The window
builds its sections and tabs from it, File → Export screenshot lists it, projector mode and
each frame's snapshot reach every view built from it. Adding a view is one row here (and its
title's translation).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from gui.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from gui.views.base import SnapshotView


@dataclass(frozen=True, slots=True)
class ViewSpec:
    """One view: its name, how to build it, where it goes, and its title.

    `place` is a section of the grid ("centre-top", "centre-bottom", "right-top",
    "right-bottom") or "tab" (a page of the tabs under the grid). Every view is framed in a
    section panel with `title` unless `framed` is off (a tab page that needs no heading); a
    tab's own label is `tab` (the title when empty). `drops` says whether a template dropped
    on it adds a guest. `pane` is its place in each pane of the side-by-side view (0 on top;
    None when the view is not drawn per host there). A tab with an `alone` place is, in a
    compact window, a view of the view bar shown alone in that place of the grid instead: a
    tab would share the height with the view over it, and neither would be readable.
    """

    name: str
    factory: Callable[[], SnapshotView]
    place: str
    title: str
    tab: str = ""
    drops: bool = False
    framed: bool = True
    pane: int | None = None
    short: str = ""  # its button in the view bar (grid views only)
    alone: str = ""  # its place in the grid of a compact window (tabs only)

    def title_text(self) -> str:
        """Return the title in the current language."""
        return QCoreApplication.translate("MainWindow", self.title)

    def short_text(self) -> str:
        """Return the view bar's short name in the current language."""
        return QCoreApplication.translate("MainWindow", self.short or self.title)

    def tab_text(self) -> str:
        """Return the tab label in the current language."""
        return QCoreApplication.translate("MainWindow", self.tab or self.title)


# The factories import lazily: the views pull in numpy and pyqtgraph, which the window loads
# after it is on screen (MainWindow.install_views).
def _layers() -> SnapshotView:
    from gui.views.layer_diagram import LayerDiagramView

    return LayerDiagramView()


def _timeline() -> SnapshotView:
    from gui.views.timeline import TimelineView

    return TimelineView()


def _memory() -> SnapshotView:
    from gui.views.memory_plot import MemoryPlot

    return MemoryPlot()


def _density() -> SnapshotView:
    from gui.views.density_panel import DensityPanel

    return DensityPanel()


def _log() -> SnapshotView:
    from gui.views.event_log import EventLogView

    return EventLogView()


def _details() -> SnapshotView:
    from gui.views.guest_details import GuestDetailsPanel

    return GuestDetailsPanel()


def _benchmark() -> SnapshotView:
    from gui.views.benchmark_view import BenchmarkView

    return BenchmarkView()


def _contrast() -> SnapshotView:
    from gui.views.contrast_view import ContrastView

    return ContrastView()


VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec(
        "layers",
        _layers,
        "centre-top",
        QT_TRANSLATE_NOOP("MainWindow", "Architecture: who runs on what"),
        drops=True,
        pane=2,
        short=QT_TRANSLATE_NOOP("MainWindow", "Architecture"),
    ),
    ViewSpec(
        "timeline",
        _timeline,
        "centre-bottom",
        QT_TRANSLATE_NOOP("MainWindow", "Start-up, phase by phase"),
        drops=True,
        pane=1,
        short=QT_TRANSLATE_NOOP("MainWindow", "Start-up"),
    ),
    ViewSpec(
        "memory",
        _memory,
        "right-top",
        QT_TRANSLATE_NOOP("MainWindow", "Host memory by layer"),
        pane=0,
        short=QT_TRANSLATE_NOOP("MainWindow", "Memory"),
    ),
    ViewSpec(
        "density",
        _density,
        "right-bottom",
        QT_TRANSLATE_NOOP("MainWindow", "How many more fit?"),
        pane=3,
        short=QT_TRANSLATE_NOOP("MainWindow", "How many more"),
    ),
    ViewSpec("log", _log, "tab", QT_TRANSLATE_NOOP("MainWindow", "Event log"), framed=False),
    ViewSpec(
        "details", _details, "tab", QT_TRANSLATE_NOOP("MainWindow", "Guest details"), framed=False
    ),
    ViewSpec(
        "benchmark",
        _benchmark,
        "tab",
        QT_TRANSLATE_NOOP("MainWindow", "Workloads: speed relative to the bare host"),
        tab=QT_TRANSLATE_NOOP("MainWindow", "Benchmarks"),
        short=QT_TRANSLATE_NOOP("MainWindow", "Benchmarks"),
        alone="centre-alone",
    ),
    ViewSpec(
        "contrast", _contrast, "tab", QT_TRANSLATE_NOOP("MainWindow", "Contrasts"), framed=False
    ),
)


def view_spec(name: str) -> ViewSpec:
    """Return the registry row of the view called `name` (KeyError names an unknown one)."""
    for spec in VIEWS:
        if spec.name == name:
            return spec
    raise KeyError(f"no view {name!r}; the views are {[s.name for s in VIEWS]}")

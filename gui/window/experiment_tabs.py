"""The window's experiment tabs: Experiments and Guest settings, and the Benchmarks' entrance.

The two panels are pages of the window's tabs ("experiments", "settings"); the benchmark view
is a registry view whose page is "benchmark". The selected guest is passed on, and the first
workload result of a session brings the Benchmarks tab to the front so the class sees the bars
appear. A compact window shows Benchmarks as a view of the view bar instead (a tab would take
half the height from the diagram): a new result marks its button rather than taking the room.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from gui.panels.experiments import ExperimentsPanel
from gui.panels.guest_config import GuestConfigPanel

if TYPE_CHECKING:
    from gui.panels import SectionPanel
    from gui.views.base import SnapshotView
    from gui.window.main_window import MainWindow
    from sim.snapshot import Snapshot

translate = QCoreApplication.translate


class ExperimentTabs(QObject):
    """Feeds the experiment pages of one `MainWindow` and brings the benchmarks forward."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        controller = window.controller
        self.experiments = ExperimentsPanel(controller)
        self.guest_config = GuestConfigPanel(controller)
        self._results = 0  # workload results seen in this session
        controller.session_replaced.connect(self._on_controller_session_replaced)

    def pages(self) -> dict[str, tuple[QWidget, Callable[[], str]]]:
        """Return the tab pages it owns, by name, with their labels."""
        return {
            "experiments": (self.experiments, lambda: translate("MainWindow", "Experiments")),
            "settings": (self.guest_config, lambda: translate("MainWindow", "Guest settings")),
        }

    @property
    def section(self) -> SectionPanel:
        """Return the framed benchmark view (the "benchmark" tab page)."""
        return self._window.sections["benchmark"]

    @property
    def benchmark(self) -> SnapshotView | None:
        """Return the benchmark view (None before the views are installed)."""
        return self._window.views_by_name().get("benchmark")

    def views_installed(self) -> None:
        """Start each session with the bars hidden until its first result."""
        self._on_controller_session_replaced()

    def owns_current_tab(self) -> bool:
        """Return whether one of the experiment tabs is in front (selection keeps it there)."""
        return self._window.tabs.current_name() in ("experiments", "settings", "benchmark")

    def show_guest(self, guest_id: str | None) -> None:
        """Act on and edit `guest_id` (None: no guest selected)."""
        self.experiments.show_guest(guest_id)
        self.guest_config.show_guest(guest_id)

    def update_snapshot(self, snap: Snapshot) -> None:
        """Show that a result arrived: the first brings the tab forward, or marks the view bar.

        The dock is not grown: one that grows and stays grown squeezes the diagram and the
        memory plot for the rest of the lesson.
        """
        count, before = len(snap.workloads), self._results
        self._results = count  # fewer after a rewind: a result shown again is new again
        if count <= before:
            return
        if "benchmark" in self._window.adaptive.names:  # a view of a compact window's bar
            self._window.adaptive.note_new("benchmark")
        elif before == 0:
            self._window.tabs.show_page("benchmark")

    def set_projector(self, on: bool) -> None:
        """Switch the panels to projector sizes (the view is switched with the other views)."""
        self.experiments.set_projector(on)
        self.guest_config.set_projector(on)

    def retranslate(self) -> None:
        """Set the benchmark frame's title in the current language (tabs label themselves)."""
        self.section.retranslate()

    def _on_controller_session_replaced(self) -> None:
        self._results = 0
        self.show_guest(None)

"""The main window's experiment tabs: Experiments, Guest settings and Benchmarks.

Kept out of main_window.py so the window only calls a handful of hooks: the tabs are added
beside the event log, the benchmark view becomes a section (so File → Export screenshot lists
it), the selected guest is passed on, and the first workload result of a session brings the
Benchmarks tab to the front so the class sees the bars appear.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from gui.panels import SectionPanel
from gui.panels.experiments import ExperimentsPanel
from gui.panels.guest_config import GuestConfigPanel

if TYPE_CHECKING:
    from gui.views.benchmark_view import BenchmarkView
    from gui.window.main_window import MainWindow
    from sim.snapshot import Snapshot

translate = QCoreApplication.translate


class ExperimentTabs(QObject):
    """Adds and feeds the three experiment tabs of one `MainWindow`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        controller = window.controller
        self.experiments = ExperimentsPanel(controller)
        self.guest_config = GuestConfigPanel(controller)
        self.benchmark: BenchmarkView | None = None
        self.section = SectionPanel(
            lambda: translate("MainWindow", "Workloads: speed relative to the bare host"),
            QWidget())
        window.sections["benchmark"] = self.section
        for widget in (self.experiments, self.guest_config, self.section):
            window.tabs.addTab(widget, "")
        self._had_results = False
        controller.session_replaced.connect(self._on_controller_session_replaced)

    def install_view(self) -> BenchmarkView:
        """Create the benchmark view (it needs pyqtgraph, loaded with the other views)."""
        from gui.views.benchmark_view import BenchmarkView

        self.benchmark = BenchmarkView()
        self.section.set_content(self.benchmark)
        self._on_controller_session_replaced()
        return self.benchmark

    def owns_current_tab(self) -> bool:
        """Return whether one of the experiment tabs is in front (selection keeps it there)."""
        return self._window.tabs.currentWidget() in (self.experiments, self.guest_config,
                                                     self.section)

    def show_guest(self, guest_id: str | None) -> None:
        """Act on and edit `guest_id` (None: no guest selected)."""
        self.experiments.show_guest(guest_id)
        self.guest_config.show_guest(guest_id)

    def update_snapshot(self, snap: Snapshot) -> None:
        """Bring the benchmarks to the front when the session's first result arrives."""
        if snap.workloads and not self._had_results:
            self._had_results = True
            self._window.tabs.setCurrentWidget(self.section)
            outer = self._window.splitters()["outer"]
            sizes = outer.sizes()
            if len(sizes) == 2 and sizes[1] < 0.36 * sum(sizes):  # room for bars to be read
                outer.setSizes([int(0.62 * sum(sizes)), int(0.38 * sum(sizes))])

    def set_projector(self, on: bool) -> None:
        """Switch the panels to projector sizes (the view is switched with the other views)."""
        self.experiments.set_projector(on)
        self.guest_config.set_projector(on)

    def retranslate(self) -> None:
        """Set the tab titles in the current language."""
        tabs = self._window.tabs
        for widget, text in ((self.experiments, translate("MainWindow", "Experiments")),
                             (self.guest_config, translate("MainWindow", "Guest settings")),
                             (self.section, translate("MainWindow", "Benchmarks"))):
            tabs.setTabText(tabs.indexOf(widget), text)
        self.section.retranslate()

    def _on_controller_session_replaced(self) -> None:
        self._had_results = False
        self.show_guest(None)

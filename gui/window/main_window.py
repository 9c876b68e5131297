"""The main window: layout of palette, host panel, views and tabs; menus; status bar.

Layout (DESIGN §2.6), all in splitters a teacher can drag: palette and host panel on the left;
layer diagram over the phase timeline in the centre; memory plot over the density panel on the
right; event log, guest details and lesson notes in tabs below. The menus are built in
gui/menus.py; the dialog flows behind them (open, save, export) live in gui/dialogs.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs
from gui.controller import SimController
from gui.fonts import asset_path
from gui.i18n import settings
from gui.panels import LessonNotesPanel, SectionPanel, StatusPanel
from gui.panels.host_panel import HostPanel
from gui.panels.lesson_prompt import LessonPromptBar
from gui.panels.moves_panel import MovesPanel
from gui.panels.palette import PalettePanel
from gui.panels.transport import TransportPanel
from gui.window.experiment_tabs import ExperimentTabs
from gui.window.host_tabs import HostTabBar
from gui.window.menus import MenusMixin

if TYPE_CHECKING:
    from pathlib import Path

    from gui.views import (
        DensityPanel,
        EventLogView,
        GuestDetailsPanel,
        LayerDiagramView,
        MemoryPlot,
        TimelineView,
    )
    from gui.views.base import SnapshotView
    from sim.snapshot import Snapshot

# Default splitter proportions (reset layout restores them).
_COLUMNS = (22, 48, 30)
_ROWS = (72, 28)
_CENTRE = (45, 55)
_RIGHT = (55, 45)
_LEFT = (62, 38)
_MIN_SECTION = QSize(140, 90)


class MainWindow(MenusMixin, dialogs.ScenarioFilesMixin, QMainWindow):
    """The classroom window over one `SimController`."""

    layer_diagram: LayerDiagramView
    timeline: TimelineView
    memory_plot: MemoryPlot
    density: DensityPanel
    event_log: EventLogView
    guest_details: GuestDetailsPanel

    def __init__(self, controller: SimController, parent: QWidget | None = None, *,
                 lazy_views: bool = False) -> None:
        """Build the window; with `lazy_views`, the views come later from `install_views()`.

        The views need numpy and pyqtgraph, which take most of the start-up time: the app
        shows the window first and installs the views on the event loop's first turn.
        """
        super().__init__(parent)
        self.controller = controller
        self.setWindowIcon(QIcon(str(asset_path("hostlab.svg"))))
        self.views: tuple[SnapshotView, ...] = ()
        self.lesson_notes = LessonNotesPanel()
        self.lesson_notes.step_reached.connect(self._on_lesson_notes_step_reached)
        self.palette_panel = PalettePanel(controller)
        self.host_panel = HostPanel(controller)
        self.transport = TransportPanel(controller)
        self.status_panel = StatusPanel()
        self.host_tabs = HostTabBar(controller)
        self.host_tabs.guest_dropped.connect(self._on_host_tabs_guest_dropped)
        self.moves_panel = MovesPanel(controller)
        self.lesson_prompt = LessonPromptBar()
        self.host_label = QLabel()  # the host shown, in the status bar (several hosts only)
        self.selected_guest = ""  # the guest last picked in the timeline or layer diagram
        self.start_page: QWidget | None = None
        self._build_layout()
        self.experiment_tabs = ExperimentTabs(self)  # before the menus: it adds a section
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("transport")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(self.transport)
        self.addToolBar(self.toolbar)
        self.statusBar().addWidget(self.host_label)
        self.statusBar().addWidget(self.status_panel, 1)
        self.addActions(self.transport.actions_with_shortcuts())
        self._projector = False
        self._texts: list[tuple[QAction | QMenu, Callable[[], str]]] = []
        self._build_menus()
        self.transport.add_trailing_action(self.projector_action)
        controller.snapshot_ready.connect(self._on_controller_snapshot_ready)
        controller.session_replaced.connect(self._on_controller_session_replaced)
        controller.document_changed.connect(self._on_controller_document_changed)
        controller.host_changed.connect(self._on_controller_host_changed)
        self.retranslate()
        self.resize(1280, 800)
        self.reset_layout()
        if not lazy_views:
            self.install_views()

    def install_views(self) -> None:
        """Create the six views and put them in their places (once)."""
        if self.views:
            return
        from gui.views import (
            DensityPanel,
            EventLogView,
            GuestDetailsPanel,
            LayerDiagramView,
            MemoryPlot,
            TimelineView,
        )

        self.layer_diagram, self.timeline = LayerDiagramView(), TimelineView()
        self.memory_plot, self.density = MemoryPlot(), DensityPanel()
        self.event_log, self.guest_details = EventLogView(), GuestDetailsPanel()
        self.views = (self.layer_diagram, self.timeline, self.memory_plot, self.density,
                      self.event_log, self.guest_details)
        for name, view in (("layers", self.layer_diagram), ("timeline", self.timeline),
                           ("memory", self.memory_plot), ("density", self.density)):
            self.sections[name].set_content(view)
        current = self.tabs.currentIndex()
        for index, view in ((0, self.event_log), (1, self.guest_details)):
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, view, "")
            placeholder.deleteLater()
        self.tabs.setCurrentIndex(current)
        self.views += (self.experiment_tabs.install_view(),)
        self.timeline.guest_selected.connect(self._on_view_guest_selected)
        self.layer_diagram.guest_selected.connect(self._on_view_guest_selected)
        for view in self.views:
            view.set_projector(self._projector)
        self.retranslate()
        self.controller.publish()

    # --- layout --------------------------------------------------------------------------
    def _build_layout(self) -> None:
        drop = self._on_section_template_dropped
        self.sections: dict[str, SectionPanel] = {
            "palette": SectionPanel(lambda: self.tr("Add guests"), self.palette_panel),
            "host": SectionPanel(lambda: self.tr("Host"), self.host_panel),
            "layers": SectionPanel(lambda: self.tr("Architecture: who runs on what"),
                                   QWidget(), drop),
            "timeline": SectionPanel(lambda: self.tr("Start-up, phase by phase"), QWidget(), drop),
            "memory": SectionPanel(lambda: self.tr("Host memory by layer"), QWidget()),
            "density": SectionPanel(lambda: self.tr("How many more fit?"), QWidget()),
        }
        s = self.sections
        # The splitters, not the views' size hints, decide: a projector at 1280×800 must still
        # fit the window on screen, even if a legend then has to clip.
        for section in s.values():
            section.setMinimumSize(_MIN_SECTION)
        self._left = self._split(Qt.Orientation.Vertical, s["palette"], s["host"])
        self._centre = self._split(Qt.Orientation.Vertical, s["layers"], s["timeline"])
        self._right = self._split(Qt.Orientation.Vertical, s["memory"], s["density"])
        self._top = self._split(Qt.Orientation.Horizontal, self._left, self._centre, self._right)
        self.tabs = QTabWidget()
        self.tabs.addTab(QWidget(), "")  # the event log, once installed
        self.tabs.addTab(QWidget(), "")  # guest details, once installed
        self.tabs.addTab(self.lesson_notes, "")
        self.tabs.addTab(self.moves_panel, "")
        self.tabs.setTabVisible(self.tabs.indexOf(self.moves_panel), False)
        self.tabs.setMinimumSize(_MIN_SECTION)
        # The lesson's step prompt and the host tabs sit over the views they talk about.
        above = QWidget()
        column = QVBoxLayout(above)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.lesson_prompt)
        column.addWidget(self.host_tabs)
        column.addWidget(self._top, 1)
        self._outer = self._split(Qt.Orientation.Vertical, above, self.tabs)
        self._outer.setObjectName("outer")
        self.setCentralWidget(self._outer)

    @staticmethod
    def _split(orientation: Qt.Orientation, *widgets: QWidget) -> QSplitter:
        splitter = QSplitter(orientation)
        splitter.setChildrenCollapsible(False)
        for widget in widgets:
            splitter.addWidget(widget)
        return splitter

    def splitters(self) -> dict[str, QSplitter]:
        """Return the splitters by name (their states are saved between runs)."""
        return {"outer": self._outer, "top": self._top, "left": self._left,
                "centre": self._centre, "right": self._right}

    def reset_layout(self) -> None:
        """Put every splitter back to the starting proportions."""
        width, height = max(self.width(), 800), max(self.height(), 500)
        plan = ((self._top, _COLUMNS, width), (self._outer, _ROWS, height),
                (self._left, _LEFT, height), (self._centre, _CENTRE, height),
                (self._right, _RIGHT, height))
        for splitter, shares, total in plan:
            splitter.setSizes([total * share // 100 for share in shares])

    def restore_layout(self, states: dict[str, QByteArray]) -> None:
        """Restore splitter states saved by `splitters()`."""
        for name, splitter in self.splitters().items():
            state = states.get(name)
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)

    # --- projector and language ----------------------------------------------------------
    @property
    def projector(self) -> bool:
        """Return whether projector mode is on."""
        return self._projector

    def set_projector(self, on: bool) -> None:
        """Switch every view and panel to projector (large, high-contrast) mode."""
        self._projector = on
        for view in self.views:
            view.set_projector(on)
        self.palette_panel.set_projector(on)
        self.transport.set_projector(on)
        self.host_tabs.refresh_font()  # the app font has just changed
        self.lesson_prompt.refresh_font()
        self.experiment_tabs.set_projector(on)
        with QSignalBlocker(self.projector_action):
            self.projector_action.setChecked(on)

    def retranslate(self) -> None:
        """Set the window's own strings in the current language."""
        self.tabs.setTabText(0, self.tr("Event log"))
        self.tabs.setTabText(1, self.tr("Guest details"))
        self.tabs.setTabText(2, self.tr("Lesson notes"))
        self.experiment_tabs.retranslate()
        self.tabs.setTabText(self.tabs.indexOf(self.moves_panel), self.tr("Moves between hosts"))
        self.toolbar.setWindowTitle(self.tr("Transport"))
        for item, text in self._texts:
            if isinstance(item, QMenu):
                item.setTitle(text())
            else:
                item.setText(text())
        self._update_title()
        if self.controller.has_session:  # the lesson notes re-translate themselves
            self._show_hosts()  # the status bar's "Host: …" label

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Offer to save changes, then remember the layout."""
        if not self.maybe_save():
            event.ignore()
            return
        self.controller.pause()
        store = settings()
        for name, splitter in self.splitters().items():
            store.setValue(f"layout/{name}", splitter.saveState())
        store.setValue("layout/geometry", self.saveGeometry())
        event.accept()

    # --- helpers -------------------------------------------------------------------------
    def _update_title(self) -> None:
        path = self.controller.path if self.controller.has_session else None
        if path is not None:
            name = path.name
        elif self.controller.has_session and self.controller.bundled:
            name = self.tr("Default scenario")
        else:
            name = self.tr("Untitled scenario")
        self.setWindowTitle(f"{name}[*] — HostLab")
        self.setWindowModified(self.controller.has_session and self.controller.modified)

    def show_start_page(self) -> QWidget:
        """Open the start page (the list of lessons) over the window, without blocking."""
        from gui.window.start_page import StartPageDialog

        if self.start_page is None:
            page = StartPageDialog(self)
            page.lesson_chosen.connect(self.open_lesson)
            self.start_page = page
        self.start_page.open()
        self.start_page.raise_()
        return self.start_page

    def open_lesson(self, path: str | Path) -> bool:
        """Open a lesson's scenario (after offering to save changes) and show its notes."""
        if not (self.maybe_save() and self.open_path(path)):
            return False
        if self.lesson_notes.has_lesson:
            self.tabs.setCurrentWidget(self.lesson_notes)
        return True

    def _show_hosts(self) -> None:
        several = len(self.controller.scenario.hosts) > 1
        self.tabs.setTabVisible(self.tabs.indexOf(self.moves_panel), several)
        self.host_label.setVisible(several)
        if several:  # the id is enough here: the tab above names the host in full
            self.host_label.setText("<b>" + self.tr("Host: {0}").format(
                self.controller.host_id) + "</b>")

    def _show_lesson(self) -> None:
        self.lesson_notes.set_lesson(self.controller.scenario.lesson)
        self.tabs.setTabVisible(2, self.lesson_notes.has_lesson)

    # --- slots ---------------------------------------------------------------------------
    def _on_controller_snapshot_ready(self, snap: Snapshot) -> None:
        for view in self.views:
            view.update_snapshot(snap)
        self.status_panel.update_snapshot(snap)
        self.lesson_notes.update_snapshot(snap)
        self.experiment_tabs.update_snapshot(snap)

    def _on_controller_session_replaced(self) -> None:
        if self.views:
            self.guest_details.show_guest(None)
        self.selected_guest = ""
        self.lesson_prompt.clear()
        self._show_hosts()
        self._show_lesson()
        self._update_title()

    def _on_controller_document_changed(self) -> None:
        self._update_title()

    def _on_controller_host_changed(self, _host_id: str) -> None:
        self._show_hosts()

    def _on_host_tabs_guest_dropped(self, guest_id: str, host_id: str) -> None:
        self.moves_panel.move(guest_id, host_id)
        self.tabs.setCurrentWidget(self.moves_panel)

    def _on_view_guest_selected(self, guest_id: str) -> None:
        self.selected_guest = guest_id
        self.moves_panel.set_selected_guest(guest_id)
        if not self.views:
            return
        self.guest_details.show_guest(guest_id or None)
        self.experiment_tabs.show_guest(guest_id or None)
        if guest_id and not self.experiment_tabs.owns_current_tab():
            self.tabs.setCurrentWidget(self.guest_details)

    def _on_lesson_notes_step_reached(self, text: str, text_zh: str) -> None:
        self.lesson_prompt.show_prompt(text, text_zh)

    def _on_section_template_dropped(self, template_id: str) -> None:
        snap = self.controller.snapshot
        if snap is not None and snap.template(template_id) is not None:
            self.controller.add_guests(template_id)


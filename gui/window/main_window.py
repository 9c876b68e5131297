"""The main window, composed of parts: grid, view registry, tabs, menu bar, file flow.

Each part lives in its own module of gui/window/: `layout.WindowGrid` (splitters),
`view_registry.VIEWS` (which views exist and where they go), `tabs.TabArea` (pages by name),
`menus.MenuBar` (the menus as a table) with `commands.WindowCommands` behind it,
`files.ScenarioFiles` (new/open/save/export) and `experiment_tabs.ExperimentTabs`. The window
wires them to one `SimController` and passes each published snapshot to every view and panel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSignalBlocker, QTimer
from PySide6.QtGui import QCloseEvent, QIcon, QResizeEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QToolBar, QWidget

from gui.controller import SimController
from gui.fonts import asset_path
from gui.i18n import settings
from gui.panels import LessonNotesPanel, SectionPanel, StatusPanel, scrolling
from gui.panels.host_panel import HostPanel
from gui.panels.lesson_prompt import LessonPromptBar
from gui.panels.moves_panel import MovesPanel
from gui.panels.palette import PalettePanel
from gui.panels.prediction_card import PredictionCard
from gui.panels.time_slider import TimeSliderPanel
from gui.panels.transport import TransportPanel
from gui.rewind import Rewind
from gui.text.safe_text import escape
from gui.window.adaptive import AdaptiveViews
from gui.window.commands import WindowCommands
from gui.window.experiment_tabs import ExperimentTabs
from gui.window.files import ScenarioFiles
from gui.window.host_tabs import HostTabBar
from gui.window.keys import KeyRouter
from gui.window.layout import WindowGrid
from gui.window.lesson_flow import LessonFlow
from gui.window.menus import MenuBar
from gui.window.screen_fit import fitting_size
from gui.window.side_by_side_area import SideBySideArea
from gui.window.tabs import TabArea
from gui.window.view_registry import VIEWS

if TYPE_CHECKING:
    from pathlib import Path

    from gui.views.base import SnapshotView
    from gui.window.start_page import StartPageDialog
    from sim.snapshot import Snapshot


# The tabs under the views, left to right, by page name.
_TAB_ORDER = ("log", "details", "lesson", "moves", "experiments", "settings", "benchmark")


class MainWindow(QMainWindow):
    """The classroom window over one `SimController`."""

    def __init__(
        self, controller: SimController, parent: QWidget | None = None, *, lazy_views: bool = False
    ) -> None:
        """Build the window; with `lazy_views`, the views come later from `install_views()`.

        The views need numpy and pyqtgraph, which take most of the start-up time: the app
        shows the window first and installs the views on the event loop's first turn.
        """
        super().__init__(parent)
        self.controller = controller
        self.setWindowIcon(QIcon(str(asset_path("hostlab.svg"))))
        self._views: dict[str, SnapshotView] = {}
        self._projector = False
        self.selected_guest = ""  # the guest last picked in the timeline or layer diagram
        self.start_page: StartPageDialog | None = None
        self.files = ScenarioFiles(self)
        self.commands = WindowCommands(self)
        self.rewind = Rewind(controller)  # before the parts: it keeps what they are shown
        self._build_parts()
        self.prediction_card = PredictionCard(controller, self)  # a lesson's questions
        self.side_by_side = SideBySideArea(self)
        self.menu_bar = MenuBar(self)
        self.transport.add_trailing_action(self.menu_bar.actions["projector"])
        controller.snapshot_ready.connect(self._on_controller_snapshot_ready)
        controller.playing_changed.connect(self._on_controller_playing_changed)
        controller.session_replaced.connect(self._on_controller_session_replaced)
        controller.document_changed.connect(self._update_title)
        controller.host_changed.connect(self._on_controller_host_changed)
        self.retranslate()
        self.resize(fitting_size(self))
        self.reset_layout()
        if not lazy_views:
            self.install_views()

    def _build_parts(self) -> None:
        c = self.controller
        self.palette_panel, self.host_panel = PalettePanel(c), HostPanel(c)
        self.transport, self.status_panel = TransportPanel(c), StatusPanel()
        self.host_tabs, self.moves_panel = HostTabBar(c), MovesPanel(c)
        self.lesson_prompt, self.lesson_notes = LessonPromptBar(), LessonNotesPanel()
        self.host_label = QLabel()  # the host shown, in the status bar (several hosts only)
        self.lesson_notes.step_reached.connect(self.lesson_prompt.show_prompt)
        self.lesson_flow = LessonFlow(c, self.lesson_prompt, self)
        self.host_tabs.guest_dropped.connect(self._on_host_tabs_guest_dropped)
        self.sections: dict[str, SectionPanel] = {
            "palette": SectionPanel(lambda: self.tr("Add guests"), self.palette_panel),
            "host": SectionPanel(
                lambda: self.tr("Host"), scrolling(self.host_panel, horizontal=False)
            ),
        }
        drop = self._on_section_template_dropped
        for spec in VIEWS:  # placeholders until install_views() builds the views
            if spec.framed:
                self.sections[spec.name] = SectionPanel(
                    spec.title_text, QWidget(), drop if spec.drops else None
                )
        self.tabs = TabArea()
        self.experiment_tabs = ExperimentTabs(self)
        pages = {
            "lesson": (self.lesson_notes, lambda: self.tr("Lesson notes")),
            "moves": (self.moves_panel, lambda: self.tr("Moves")),  # 7 tabs fit 1024 px
            **self.experiment_tabs.pages(),
        }
        tab_views = {s.name: s for s in VIEWS if s.place == "tab"}
        # A tab view the order does not name yet goes last: a new view is one registry row.
        for name in dict.fromkeys((*_TAB_ORDER, *tab_views)):
            if name in tab_views:
                page = self.sections.get(name) or QWidget()
                self.tabs.add_page(name, page, tab_views[name].tab_text)
            else:
                self.tabs.add_page(name, *pages[name])
        self.tabs.set_page_visible("moves", False)
        places: dict[str, QWidget] = {
            "left-top": self.sections["palette"],
            "left-bottom": self.sections["host"],
            **{s.place: self.sections[s.name] for s in VIEWS if s.place != "tab"},
        }
        self.adaptive = AdaptiveViews(self)
        self.grid = WindowGrid(
            places, (self.lesson_prompt, self.host_tabs, self.adaptive.bar), self.tabs
        )
        self.adaptive.attach(self.grid, self.tabs)
        self.addActions(list(self.adaptive.bar.actions_by_name.values()))
        self.setCentralWidget(self.grid.root)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("transport")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(self.transport)
        self.addToolBar(self.toolbar)
        self.time_slider = TimeSliderPanel(self.rewind)
        self.time_toolbar = QToolBar()
        self.time_toolbar.setObjectName("time")
        self.time_toolbar.setMovable(False)
        self.time_toolbar.addWidget(self.time_slider)
        self.addToolBarBreak()
        self.addToolBar(self.time_toolbar)
        self.statusBar().addWidget(self.host_label)
        self.statusBar().addWidget(self.status_panel, 1)
        self.addActions(self.transport.actions_with_shortcuts())
        self._keys = KeyRouter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._keys)

    def install_views(self) -> None:
        """Build every view of the registry and put it in its place (once)."""
        if self._views:
            return
        for spec in VIEWS:
            view = spec.factory()
            self._views[spec.name] = view
            if spec.framed:
                self.sections[spec.name].set_content(view)
            else:
                self.tabs.replace_page(spec.name, view)
            view.set_projector(self._projector)
            view.set_playing(self.controller.playing)
            selected = getattr(view, "guest_selected", None)
            if selected is not None:  # the diagram and the timeline pick guests
                selected.connect(self._on_view_guest_selected)
            source = getattr(view, "source_requested", None)
            if source is not None:  # the contrast table points at the view behind a figure
                source.connect(self._on_view_source_requested)
        self.experiment_tabs.views_installed()
        self.retranslate()
        self.controller.publish()

    # --- parts by name -------------------------------------------------------------------
    @property
    def views(self) -> tuple[SnapshotView, ...]:
        """Return the views built so far, in registry order (none before install_views)."""
        return tuple(self._views.values())

    def views_by_name(self) -> dict[str, SnapshotView]:
        """Return the views built so far by registry name."""
        return dict(self._views)

    def view(self, name: str) -> SnapshotView:
        """Return the view called `name` in the registry (KeyError before install_views)."""
        return self._views[name]

    def part(self, name: str | None) -> QWidget:
        """Return what a screenshot of `name` shows: a section, a view, or the whole window.

        A part in a hidden tab, or a view the grid hides, is brought to the front first, so it
        is laid out when drawn.
        """
        if name is None:
            return self
        widget = self.sections.get(name) or self._views[name]
        if name in self.adaptive.names and not widget.isVisibleTo(self):  # the grid hides it now
            self.adaptive.choose(name)
            QApplication.processEvents()  # lay it out at its new size before it is drawn
        for page in self.tabs.names():
            if self.tabs.page(page) is widget:
                self.tabs.show_page(page)
        return widget

    def splitters(self) -> dict[str, QSplitter]:
        """Return the splitters by name (their states are saved between runs)."""
        return self.grid.splitters

    def reset_layout(self) -> None:
        """Put every splitter back to the starting proportions."""
        self.grid.reset(max(self.width(), 800), max(self.height(), 500))
        if hasattr(self, "side_by_side"):
            self.side_by_side.set_on(self.side_by_side.on)  # the grid's sizes know no panes
        self.adaptive.fit(self.size())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Show one view or all of them, whichever the new size has room for."""
        super().resizeEvent(event)
        self.adaptive.fit(event.size())
        if hasattr(self, "side_by_side"):
            self.side_by_side.fit()
        QTimer.singleShot(0, self.grid.fit_host_panel)  # after the layout gave out the sizes

    def restore_layout(self, states: dict[str, QByteArray]) -> None:
        """Restore splitter states saved by `splitters()`."""
        self.grid.restore(states)

    def show_start_page(self) -> StartPageDialog:
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
        if not self.files.open_if_saved(path):
            return False
        if self.lesson_notes.has_lesson:
            self.tabs.show_page("lesson")
        return True

    # --- projector and language ----------------------------------------------------------
    @property
    def projector(self) -> bool:
        """Return whether projector mode is on."""
        return self._projector

    def set_projector(self, on: bool) -> None:
        """Switch every view and panel to projector (large, high-contrast) mode."""
        self._projector = on
        for view in self._views.values():
            view.set_projector(on)
        self.palette_panel.set_projector(on)
        self.transport.set_projector(on)
        self.host_tabs.refresh_font()  # the app font has just changed
        self.lesson_prompt.refresh_font()
        self.experiment_tabs.set_projector(on)
        self.side_by_side.set_projector(on)
        self.adaptive.fit(self.size())
        QTimer.singleShot(0, self.grid.fit_host_panel)  # the host panel's rows grew or shrank
        action = self.menu_bar.actions["projector"]
        with QSignalBlocker(action):
            action.setChecked(on)

    def retranslate(self) -> None:
        """Set the window's own strings in the current language."""
        self.tabs.retranslate()
        self.adaptive.bar.retranslate()
        self.experiment_tabs.retranslate()
        self.toolbar.setWindowTitle(self.tr("Transport"))
        self.menu_bar.retranslate()
        self._update_title()
        if self.controller.has_session:  # the lesson notes re-translate themselves
            self._show_hosts()  # the status bar's "Host: …" label

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "menu_bar"):
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Offer to save changes, then remember the layout."""
        if not self.files.maybe_save():
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

    def _show_hosts(self) -> None:
        snap = self.controller.snapshot
        several = snap is not None and len(snap.host_ids) > 1
        self.tabs.set_page_visible("moves", several)
        self.host_label.setVisible(several)
        if several:  # the id is enough here: the tab above names the host in full
            self.host_label.setText(
                "<b>" + self.tr("Host: {0}").format(escape(self.controller.host_id)) + "</b>"
            )

    # --- slots ---------------------------------------------------------------------------
    def _on_controller_snapshot_ready(self, snap: Snapshot) -> None:
        for view in self._views.values():
            view.update_snapshot(snap)
        self.status_panel.update_snapshot(snap)
        self.lesson_notes.update_snapshot(snap)
        self.experiment_tabs.update_snapshot(snap)
        self.prediction_card.update_snapshot(snap)

    def _on_controller_playing_changed(self, playing: bool) -> None:
        for view in self._views.values():
            view.set_playing(playing)  # a view kept at a reading pace catches up on a stop

    def _on_controller_session_replaced(self) -> None:
        if "details" in self._views:
            self._views["details"].show_guest(None)  # type: ignore[attr-defined]
        self.selected_guest = ""
        self.lesson_prompt.clear()
        self._show_hosts()
        self.lesson_notes.set_lesson(self.controller.scenario.lesson)
        self.prediction_card.set_lesson(self.controller.scenario.lesson)
        self.lesson_flow.start()
        self.tabs.set_page_visible("lesson", self.lesson_notes.has_lesson)
        self._update_title()

    def _on_controller_host_changed(self, _host_id: str) -> None:
        self._show_hosts()

    def _on_host_tabs_guest_dropped(self, guest_id: str, host_id: str) -> None:
        self.moves_panel.move_guest(guest_id, host_id)
        self.tabs.show_page("moves")

    def _on_view_guest_selected(self, guest_id: str) -> None:
        self.selected_guest = guest_id
        self.moves_panel.set_selected_guest(guest_id)
        if not self._views:
            return
        self._views["details"].show_guest(guest_id or None)  # type: ignore[attr-defined]
        self.experiment_tabs.show_guest(guest_id or None)
        if guest_id and not self.experiment_tabs.owns_current_tab():
            self.tabs.show_page("details")

    def _on_view_source_requested(self, name: str, time_s: float) -> None:
        if name in self.tabs.names():
            self.tabs.show_page(name)
        self.part(name if name in self.sections or name in self._views else None)
        if time_s < self.controller.session.now:  # the figure's moment has passed: show it
            self.controller.pause()
            self.rewind.seek(time_s)
        self.statusBar().showMessage(
            self.tr("This figure comes from here, at t = {0} s").format(f"{time_s:.1f}"), 8000
        )

    def _on_section_template_dropped(self, template_id: str) -> None:
        snap = self.controller.snapshot
        if snap is not None and snap.template(template_id) is not None:
            self.controller.add_guests(template_id)

"""The side-by-side view in a window: built on first use, shown in place of two columns.

`SideBySideArea` puts a `SideBySideView` (gui/window/side_by_side.py) in the window's grid in
place of the centre and right columns, switches it on for a scenario of exactly two hosts,
pairs a lesson with another scenario on one clock, and passes on the moment to draw and whether
the clock runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from gui.window.layout import MIN_SECTION
from gui.window.side_by_side import SideBySideView

if TYPE_CHECKING:
    from gui.window.main_window import MainWindow
    from sim.scenario import Scenario
    from sim.snapshot import Snapshot

SHARES = (14, 84)  # per cent of the width for the palette, of the height for the views


class SideBySideArea(QObject):
    """The side-by-side view in a window: built on first use, shown in place of two columns."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.view: SideBySideView | None = None
        self._on = False
        self._was_on = False
        self._scenario: Scenario | None = None
        window.rewind.moment_shown.connect(self._on_rewind_moment_shown)
        window.controller.session_replaced.connect(self._on_controller_session_replaced)
        window.controller.host_changed.connect(self._on_controller_host_changed)
        window.controller.playing_changed.connect(self._on_controller_playing_changed)

    @property
    def on(self) -> bool:
        """Return whether the side-by-side view is shown."""
        return self._on

    def available(self) -> bool:
        """Return whether the session has two hosts or more to put side by side."""
        c = self._window.controller
        return c.has_session and len(c.session.hosts) >= 2

    def set_on(self, on: bool) -> None:
        """Show the side-by-side view (when there are two hosts) or the usual columns."""
        on = bool(on) and self.available()
        top = self._window.splitters()["top"]
        if on and self.view is None:
            self.view = SideBySideView()
            self.view.set_projector(self._window.projector)
            self.view.set_playing(self._window.controller.playing)
            top.addWidget(self.view)
            self.view.reset_sizes()
        self._on = on
        for index in (1, 2):  # the centre and right columns
            column = top.widget(index)
            if column is not None:
                column.setVisible(not on)
        if self.view is not None:
            self.view.setVisible(on)
        window = self._window
        bar = getattr(getattr(window, "adaptive", None), "bar", None)
        if bar is not None:  # the panes have their own pages; the grid's views are hidden
            bar.setVisible(not on)
            bar.setEnabled(not on)
        width, height = max(window.width(), 800), max(window.height(), 500)
        compact = bool(getattr(window, "adaptive", None) and window.adaptive.compact)
        left = top.widget(0)
        if left is not None:  # a small screen gives both panes the palette's width too
            left.setVisible(not (on and compact))
        if self.view is not None:
            self.view.set_compact(compact)
        if on:
            # The two panes are the picture: the palette and the tabs below give them room.
            top.setSizes([width * SHARES[0] // 100, 0, 0, width * (100 - SHARES[0]) // 100])
            window.splitters()["outer"].setSizes(
                [height * SHARES[1] // 100, height * (100 - SHARES[1]) // 100]
            )
            self._choose_hosts()
            window.controller.publish()
        elif self._was_on:
            window.grid.reset(width, height)
        self._fit_dock()
        self._was_on = on
        menu_bar = getattr(self._window, "menu_bar", None)
        action = None if menu_bar is None else menu_bar.actions.get("side_by_side")
        if action is not None:
            with QSignalBlocker(action):
                action.setChecked(on)
                action.setEnabled(self.available())

    def compare_with(self, path: str | None = None) -> bool:
        """Run a second scenario (asked for when `path` is None) beside the current one.

        Both become one untitled two-host scenario on one clock (`sim.pairing`); returns
        whether it started.
        """
        from gui import dialogs
        from gui.text.errors import scenario_error_text
        from sim.pairing import PairingError, pair_scenarios
        from sim.scenario import ScenarioError, load_scenario
        from sim.session import Session

        window = self._window
        path = path or dialogs.ask_open_path(window)
        if not path or not window.files.maybe_save():
            return False
        title = QCoreApplication.translate("SideBySideView", "Cannot compare the scenarios")
        current = window.controller.path
        ids = (current.stem if current else "left", Path(path).stem)
        try:
            paired = pair_scenarios(
                window.controller.current_scenario(),
                load_scenario(path),
                *(ids if ids[0] != ids[1] else ("left", "right")),
            )
        except ScenarioError as error:
            dialogs.show_error(window, title, scenario_error_text(str(error)))
            return False
        except (PairingError, OSError):
            dialogs.show_error(
                window,
                title,
                QCoreApplication.translate(
                    "SideBySideView",
                    "Two scenarios run side by side when each has one host, no "
                    "timed actions and no guest settings, and both have the same memory policy.",
                ),
            )
            return False
        window.controller.set_session(Session.bundled(paired))  # untitled: Save asks where
        return True

    def fit(self) -> None:
        """Follow the window between a small and a large screen while the panes are shown."""
        compact = self._window.adaptive.compact
        if self._on and self.view is not None and self.view.compact != compact:
            self.set_on(True)

    def set_projector(self, on: bool) -> None:
        """Pass projector mode to the panes' views."""
        if self.view is not None:
            self.view.set_projector(on)
        self._fit_dock()

    def _fit_dock(self) -> None:
        """Keep six lines of the tabs below the panes: a projector's 16 % is a sliver."""
        window = self._window
        tabs = window.tabs
        least = MIN_SECTION.height()
        if self._on:
            lines = QFontMetrics(QApplication.font()).lineSpacing()
            least = max(least, tabs.tabBar().sizeHint().height() + 6 * lines)
        if tabs.minimumHeight() != least:
            tabs.setMinimumHeight(least)

    def _choose_hosts(self) -> None:
        if self.view is None or not self.available():
            return
        c = self._window.controller
        hosts = list(c.session.hosts)
        right = c.host_id if c.host_id != hosts[0] else hosts[1]
        self.view.set_hosts(hosts[0], right)

    def _on_rewind_moment_shown(self, snapshots: dict[str, Snapshot]) -> None:
        if self._on and self.view is not None:
            self.view.show_moment(snapshots)

    def _on_controller_session_replaced(self) -> None:
        scenario = self._window.controller.scenario
        if scenario is self._scenario:  # a branch or a reset of the same scenario: keep as is
            self.set_on(self._on)
            return
        self._scenario = scenario
        self.set_on(len(self._window.controller.session.hosts) == 2)

    def _on_controller_playing_changed(self, playing: bool) -> None:
        if self.view is not None:
            self.view.set_playing(playing)

    def _on_controller_host_changed(self, _host_id: str) -> None:
        self._choose_hosts()
        if self._on:
            self._window.controller.publish()

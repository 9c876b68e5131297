"""Side by side: two hosts of the session in one split view, one clock, linked axes.

Each pane draws one host with the views of the registry that have a `pane` place (memory and
timeline on one page, architecture and density on another), from the moment the rest of the
window shows (live or rewound: `Rewind.moment_shown`). The two memory plots share one time axis
and one memory scale, so the taller stack is the one that holds more; the two timelines share
one time axis. The left pane shows the session's first host, the right pane the host chosen in
the host tabs (the second when the first is chosen). `SideBySideArea` puts the view in the
window's grid in place of the centre and right columns, and switches it on for a scenario of
exactly two hosts (gui/window/side_by_side_area.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from gui.panels import SectionPanel
from gui.text import QT_TRANSLATE_NOOP
from gui.window.layout import MIN_SECTION
from gui.window.view_registry import VIEWS

if TYPE_CHECKING:
    from gui.views.base import SnapshotView
    from gui.views.memory_plot import MemoryPlot
    from sim.snapshot import Snapshot

PAGES = (
    QT_TRANSLATE_NOOP("SideBySideView", "Memory and start-up"),
    QT_TRANSLATE_NOOP("SideBySideView", "Architecture and how many more fit"),
)
PAGE_SHARES = (50, 50)  # the upper and the lower view of a page


class HostPane(QWidget):
    """One host's name over its per-host views: pages of two views, one page shown at a time.

    A view's registry `pane` place p puts it on page p // 2, above (even) or below (odd).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host_id = ""
        self._snap: Snapshot | None = None
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.stack = QStackedWidget()
        self.views: dict[str, SnapshotView] = {}
        self._pages: list[list[SnapshotView]] = []
        self._splitters: list[QSplitter] = []  # one per page, in the stack's order
        self.titles: list[Callable[[], str]] = []  # each view's short name, in page order
        for spec in sorted((s for s in VIEWS if s.pane is not None), key=lambda s: s.pane or 0):
            page = (spec.pane or 0) // 2
            while len(self._pages) <= page:
                splitter = QSplitter(Qt.Orientation.Vertical)
                splitter.setChildrenCollapsible(False)
                self.stack.addWidget(splitter)
                self._splitters.append(splitter)
                self._pages.append([])
            view = spec.factory()
            self.views[spec.name] = view
            self._pages[page].append(view)
            section = SectionPanel(spec.title_text, view)
            self.titles.append(spec.short_text)  # names the page of one view on small screens
            # The splitters, not the views' size hints, decide: two panes must fit a projector.
            section.setMinimumSize(MIN_SECTION)
            self._splitters[page].addWidget(section)
        fit = getattr(self.views.get("memory"), "fit_used", None)
        if fit is not None:  # one memory scale for both hosts: the RAM line of each shows
            fit.setChecked(False)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.title)
        box.addWidget(self.stack, 1)

    def set_page(self, page: int, only: int | None = None) -> None:
        """Show page `page` (only its view `only`, if given); draw it from the last snapshot."""
        self.stack.setCurrentIndex(page)
        splitter = self._splitters[page] if self._splitters else None
        for i in range(splitter.count() if splitter is not None else 0):
            widget = splitter.widget(i) if splitter is not None else None
            if widget is not None:
                widget.setVisible(only is None or i == only)
        if self._snap is not None:
            self.draw(self._snap)

    def reset_sizes(self) -> None:
        """Give each page's views their starting heights."""
        for splitter in self._splitters:
            splitter.setSizes([s * 10 for s in PAGE_SHARES])

    def draw(self, snap: Snapshot) -> None:
        """Draw the host's snapshot in the views of the page shown."""
        from gui.window.host_tabs import host_title

        self._snap = snap
        text = host_title(snap.host)
        if text != self.title.text():
            self.title.setText(text)
        for view in self._pages[self.stack.currentIndex()] if self._pages else ():
            view.update_snapshot(snap)


class SideBySideView(QWidget):
    """Two `HostPane`s, left and right, drawn from one moment with linked axes.

    A tab bar above them chooses the page both panes show.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panes = (HostPane(), HostPane())
        for pane in self.panes:
            pane.setMinimumSize(MIN_SECTION)
        self.pages = QTabBar()
        self.pages.setExpanding(False)
        for _ in PAGES:
            self.pages.addTab("")
        self.compact = False  # a small screen: one view per page, not two
        self.pages.currentChanged.connect(self._on_pages_current_changed)
        fits = [getattr(p.views.get("memory"), "fit_used", None) for p in self.panes]
        boxes = [f for f in fits if isinstance(f, QCheckBox)]
        if len(boxes) == 2:  # one zoom for both: a linked scale needs both plots to wish alike
            for one, other in ((boxes[0], boxes[1]), (boxes[1], boxes[0])):
                one.toggled.connect(other.setChecked)
                one.toggled.connect(self._on_fit_used_toggled)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        for pane in self.panes:
            self.splitter.addWidget(pane)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.pages)
        box.addWidget(self.splitter, 1)
        self.retranslate()

    def retranslate(self) -> None:
        """Name the pages in the current language."""
        if self.compact:
            for i, title in enumerate(self.panes[0].titles):
                self.pages.setTabText(i, title())
            return
        for i, text in enumerate(PAGES):
            self.pages.setTabText(i, QCoreApplication.translate("SideBySideView", text))

    def set_compact(self, compact: bool) -> None:
        """Show one view per page on a small screen (two stacked views leave no plot area)."""
        if compact == self.compact:
            return
        self.compact = compact
        current = self.pages.currentIndex()
        with QSignalBlocker(self.pages):
            while self.pages.count():
                self.pages.removeTab(0)
            for _ in self.panes[0].titles if compact else PAGES:
                self.pages.addTab("")
        self.retranslate()
        page = current * 2 if compact else current // 2
        self.pages.setCurrentIndex(min(page, self.pages.count() - 1))
        self._on_pages_current_changed(self.pages.currentIndex())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate on a language change."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_fit_used_toggled(self, _on: bool) -> None:
        self._link_memory()

    def _on_pages_current_changed(self, page: int) -> None:
        for pane in self.panes:
            if self.compact:
                pane.set_page(page // 2, page % 2)
            else:
                pane.set_page(page)
        self._link_memory()
        self._link_timelines()

    def set_hosts(self, left: str, right: str) -> None:
        """Choose the host of each pane."""
        self.panes[0].host_id, self.panes[1].host_id = left, right

    def show_moment(self, snapshots: dict[str, Snapshot]) -> None:
        """Draw each pane's host from `snapshots` (one per host, all of one moment)."""
        for pane in self.panes:
            snap = snapshots.get(pane.host_id)
            if snap is not None:
                pane.draw(snap)
        self._link_memory()
        self._link_timelines()

    def set_playing(self, playing: bool) -> None:
        """Tell both panes' views whether the clock runs (read views keep a reading pace)."""
        for pane in self.panes:
            for view in pane.views.values():
                view.set_playing(playing)

    def set_projector(self, on: bool) -> None:
        """Switch every view of both panes to projector mode."""
        for pane in self.panes:
            for view in pane.views.values():
                view.set_projector(on)

    def reset_sizes(self) -> None:
        """Give the panes equal widths and their views the starting heights."""
        self.splitter.setSizes([1, 1])
        for pane in self.panes:
            pane.reset_sizes()

    def memory_ranges(self) -> tuple[tuple[float, float], ...]:
        """Return each memory plot's shown (time, memory) tops, left pane first."""
        out = []
        for plot in self._memory_plots():
            (_, x_hi), (_, y_hi) = plot.plot_item.getViewBox().viewRange()
            out.append((float(x_hi), float(y_hi)))
        return tuple(out)

    def _memory_plots(self) -> list[MemoryPlot]:
        """Return each pane's memory plot, left pane first; none when a pane has none."""
        from gui.views.memory_plot import MemoryPlot  # loaded already: the panes built theirs

        plots = [p.views.get("memory") for p in self.panes]
        return [p for p in plots if isinstance(p, MemoryPlot)] if all(plots) else []

    def _link_timelines(self) -> None:
        """Show one span of time in both timelines: the union of what each shows."""
        from gui.views.timeline import TimelineView  # loaded already: the panes built theirs

        views = [p.views.get("timeline") for p in self.panes]
        items = [v.plot_item for v in views if isinstance(v, TimelineView)]
        if len(items) != 2:
            return
        spans = [item.getViewBox().viewRange()[0] for item in items]
        union = (min(s[0] for s in spans), max(s[1] for s in spans))
        for item, span in zip(items, spans, strict=True):
            if tuple(span) != union:
                item.setXRange(*union, padding=0)

    def _link_memory(self) -> None:
        plots = self._memory_plots()
        if len(plots) != len(self.panes):
            return
        if len({p.scale for p in plots}) > 1:
            return  # MiB beside GiB: one number line would mislead, each keeps its own
        # Each plot's own wish (not what is shown): a linked axis must shrink when both do.
        x_hi = max(p.y_range[0] for p in plots)
        y_hi = max(p.y_range[1] for p in plots)
        for plot in plots:
            item = plot.plot_item
            (_, x_now), (_, y_now) = item.getViewBox().viewRange()
            if (x_now, y_now) != (x_hi * 1.01, y_hi):
                item.setXRange(0, x_hi, padding=0.01)
                item.setYRange(0, y_hi, padding=0)

"""One guest in detail: its phases with durations and sources, and its memory by layer."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import theme, units
from gui.panels import scrolling
from gui.text import labels
from gui.views.base import SnapshotView
from sim.references import explain, inline
from sim.snapshot import LAYERS, GuestView, Snapshot


def _table(columns: int) -> QTableWidget:
    t = QTableWidget(0, columns)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # few rows
    t.horizontalHeader().setStretchLastSection(True)
    return t


class GuestDetailsPanel(SnapshotView):
    """Shows the guest chosen with `show_guest` from every following snapshot.

    Its guest list picks a guest from the keyboard: emits `guest_selected(id)`, as a click on
    the diagram or the timeline does.
    """

    guest_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guest_id: str | None = None
        self._shown: GuestView | None = None
        self._ids: tuple[str, ...] = ()
        self._chooser = QComboBox()
        self._chooser_label = QLabel()
        self._chooser_label.setBuddy(self._chooser)
        self._chooser.activated.connect(self._on_chooser_activated)
        self._title = QLabel()
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        self._summary = QLabel()
        self._summary.setWordWrap(True)
        self._phases = _table(4)
        self._memory = _table(2)
        # On a short dock (side by side on a projector) the page scrolls rather than cut text.
        body = QWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(body, horizontal=False))
        box = QVBoxLayout(body)
        row = QHBoxLayout()
        row.addWidget(self._chooser_label)
        row.addWidget(self._chooser, 1)
        box.addLayout(row)
        box.addWidget(self._title)
        box.addWidget(self._summary)
        box.addWidget(self._phases, 3)
        box.addWidget(self._memory, 2)
        self.retranslate()
        self._apply_projector()

    @property
    def guest_id(self) -> str | None:
        """Return the id of the guest shown (None: nothing chosen)."""
        return self._guest_id

    @property
    def phases_table(self) -> QTableWidget:
        """Return the table of phases: name, start, duration, source."""
        return self._phases

    @property
    def memory_table(self) -> QTableWidget:
        """Return the table of resident memory by layer."""
        return self._memory

    @property
    def title(self) -> str:
        """Return the heading text."""
        return self._title.text()

    @property
    def summary(self) -> str:
        """Return the summary text (state, startup, configured vs resident memory)."""
        return self._summary.text()

    @property
    def chooser(self) -> QComboBox:
        """Return the list that picks a guest from the keyboard."""
        return self._chooser

    def show_guest(self, guest_id: str | None) -> None:
        """Show `guest_id` (None clears) from the next snapshots on."""
        self._guest_id = guest_id
        self._shown = None
        self._sync_chooser()
        if self.snapshot is not None:
            self._draw(self.snapshot, force=True)
        else:
            self._fill(None, 0.0)

    def retranslate(self) -> None:
        """Set headers in the current language."""
        self._phases.setHorizontalHeaderLabels(
            [self.tr("Phase"), self.tr("Started at"), self.tr("Duration"), self.tr("Source")]
        )
        self._memory.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Resident")])
        self._chooser_label.setText(self.tr("&Guest:"))
        self._chooser.setAccessibleName(self.tr("Guest shown in detail"))
        self._phases.setAccessibleName(self.tr("Phases of the guest"))
        self._memory.setAccessibleName(self.tr("Memory of the guest by layer"))

    def _apply_projector(self) -> None:
        f = theme.font(self.projector)
        for w in (
            self._summary,
            self._phases,
            self._memory,
            self._phases.horizontalHeader(),
            self._memory.horizontalHeader(),
            self._chooser,
            self._chooser_label,
        ):
            w.setFont(f)
        self._title.setFont(theme.font(self.projector, bold=True))
        for t in (self._phases, self._memory):
            t.verticalHeader().setDefaultSectionSize(int(f.pointSize() * 2.2))

    def _sync_chooser(self) -> None:
        with QSignalBlocker(self._chooser):
            self._chooser.setCurrentIndex(
                self._ids.index(self._guest_id) if self._guest_id in self._ids else -1
            )

    def _on_chooser_activated(self, index: int) -> None:
        if 0 <= index < len(self._ids):
            self.guest_selected.emit(self._ids[index])

    def _draw(self, snap: Snapshot, force: bool = False) -> None:
        ids = tuple(g.id for g in snap.guests)
        if ids != self._ids:
            self._ids = ids
            with QSignalBlocker(self._chooser):
                self._chooser.clear()
                self._chooser.addItems(list(ids))
            self._sync_chooser()
        guest = (
            next((g for g in snap.guests if g.id == self._guest_id), None)
            if self._guest_id
            else None
        )
        running = guest is not None and any(p.end_s is None for p in guest.phases)
        if guest == self._shown and not running and not force:
            return
        self._shown = guest
        self._fill(guest, snap.time_s)

    def _fill(self, g: GuestView | None, now_s: float) -> None:
        if g is None:
            self._title.setText(
                self.tr("No guest selected")
                if self._guest_id is None
                else self.tr("{guest} is gone").format(guest=self._guest_id)
            )
            self._summary.setText(
                self.tr(
                    "Click a guest in the diagram or the timeline, or choose one in the list above."
                )
            )
            self._phases.setRowCount(0)
            self._memory.setRowCount(0)
            # Empty tables only take the height the hint needs on a short dock (a projector).
            self._phases.hide()
            self._memory.hide()
            return
        self._phases.show()
        self._memory.show()
        self._title.setText(
            f"{theme.STATE_MARK.get(g.shown_state, '')} {g.id} — {g.template} "
            f"({labels.kind_label(g.kind)}, {labels.state_label(g.shown_state)})"
        )
        if g.configured_mib:
            text = self.tr(
                "Startup: {startup} · resident {resident} of {configured} "
                "configured · {pids} processes · {vcpus} vCPU"
            )
        else:  # "5.3 MiB of no limit configured" reads as nonsense
            text = self.tr(
                "Startup: {startup} · resident {resident} (no memory limit) · "
                "{pids} processes · {vcpus} vCPU"
            )
        summary = text.format(
            startup=units.duration(g.startup_s) if g.startup_s is not None else self.tr("not yet"),
            resident=units.mib(g.resident_mib),
            configured=units.mib(g.configured_mib),
            pids=g.pids,
            vcpus=units.cpus(g.vcpus),
        )
        if g.reason:
            summary += "\n" + self.tr("Reason: {reason}").format(reason=g.reason)
        self._summary.setText(summary)
        self._phases.setRowCount(len(g.phases))
        for i, span in enumerate(g.phases):
            end = now_s if span.end_s is None else span.end_s
            dur = units.duration(end - span.start_s) + (
                self.tr(" (running)") if span.end_s is None else ""
            )
            cells = (
                labels.phase_label(span.name),
                units.sim_time(span.start_s),
                dur,
                inline(span.source),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setBackground(QBrush(theme.colour(theme.PHASE_COLOURS, span.name)))
                    item.setForeground(
                        QBrush(theme.text_on(theme.colour(theme.PHASE_COLOURS, span.name)))
                    )
                if c == 3:  # the short form fits the cell; the hover names the publication
                    item.setToolTip(explain(span.source))
                self._phases.setItem(i, c, item)
        layers = [k for k in LAYERS if g.memory_mib.get(k, 0.0) > 0]
        self._memory.setRowCount(len(layers))
        for i, layer in enumerate(layers):
            name = QTableWidgetItem(labels.layer_label(layer))
            colour = theme.colour(theme.LAYER_COLOURS, layer)
            name.setBackground(QBrush(colour))
            name.setForeground(QBrush(theme.text_on(colour)))
            self._memory.setItem(i, 0, name)
            self._memory.setItem(i, 1, QTableWidgetItem(units.mib(g.memory_mib[layer])))

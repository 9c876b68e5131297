"""The moves panel: send a guest to another host, and a table of every move and its outcome.

The top row picks a guest on the host shown (it follows the guest selected in the timeline or
the layer diagram) and a "Move to ▸" menu of the other hosts. Each row of the table is one move:
guest, from → to, bytes moved of the total (a progress bar while in flight), time taken, the
steps (transfer, conversion between disk formats), the verdict and the warnings, translated.
Rows can be dragged (mime `MIME_GUEST`) onto a host tab to move that guest again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QSignalBlocker, QTimer
from PySide6.QtGui import QBrush, QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import units
from gui.text.labels import mode_label, phase_label, reason_label, warning_label
from gui.window.host_tabs import MIME_GUEST
from sim.references import inline

if TYPE_CHECKING:
    from gui.controller import SimController
    from sim.snapshot import MoveView, Snapshot

COLUMNS = ("guest", "route", "moved", "time", "steps", "verdict", "warnings")
_FORMATS = {"qcow2": "qcow2", "vmdk": "VMDK", "vhdx": "VHDX", "vdi": "VDI"}
_GOOD, _BAD = QColor("#009E73"), QColor("#D55E00")  # Okabe–Ito green and vermillion


class MovesTable(QTableWidget):
    """The table of moves; a dragged row carries its guest id as `MIME_GUEST`."""

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt override)
        """Return the one mime type a dragged row carries."""
        return [MIME_GUEST]

    def mimeData(self, items: Sequence[QTableWidgetItem]) -> QMimeData:  # noqa: N802 (Qt override)
        """Return the guest id of the first dragged row."""
        mime = QMimeData()
        if items:
            guest = self.item(items[0].row(), 0)
            if guest is not None:
                mime.setData(MIME_GUEST, QByteArray(guest.text().encode("utf-8")))
        return mime


class MovesPanel(QWidget):
    """Move a guest to another host and watch every move's bytes, steps and verdict."""

    def __init__(self, controller: SimController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._snap: Snapshot | None = None
        self._shown: list[MoveView] = []
        self._guest_ids: list[str] = []  # the guests in the chooser, in order
        self._selected = ""
        self._widths: tuple[int, ...] = ()
        self._guest_label = QLabel()
        self._guest = QComboBox()
        self._guest.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._guest.activated.connect(self._on_guest_activated)
        self._move_button = QPushButton()
        self._move_menu = QMenu(self._move_button)
        self._move_menu.aboutToShow.connect(self._on_move_menu_about_to_show)
        self._move_button.setMenu(self._move_menu)
        self._hint = QLabel()
        self._hint.setWordWrap(True)
        self.table = MovesTable(0, len(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("moved"), QHeaderView.ResizeMode.Fixed)
        for name in ("steps", "verdict", "warnings"):  # long texts share the width and wrap
            header.setSectionResizeMode(COLUMNS.index(name), QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self._guest_label)
        top.addWidget(self._guest)
        top.addWidget(self._move_button)
        top.addWidget(self._hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        controller.snapshot_ready.connect(self._on_controller_snapshot_ready)
        controller.session_replaced.connect(self._on_controller_session_replaced)
        self.retranslate()

    # --- read-only state for tests -------------------------------------------------------
    def selected_guest(self) -> str:
        """Return the guest the "Move to" menu acts on ("" when none)."""
        return self._guest.currentData() or ""

    def move_menu(self) -> QMenu:
        """Return the "Move to ▸" menu (filled with the other hosts when it opens)."""
        return self._move_menu

    def progress_bar(self, row: int) -> QProgressBar:
        """Return the progress bar of a row."""
        bar = self.table.cellWidget(row, COLUMNS.index("moved"))
        assert isinstance(bar, QProgressBar)
        return bar

    def cell_text(self, row: int, column: str) -> str:
        """Return the text shown in a cell (`column` is a name from COLUMNS)."""
        if column == "moved":
            return self.progress_bar(row).text()
        item = self.table.item(row, COLUMNS.index(column))
        return item.text() if item is not None else ""

    # --- actions -------------------------------------------------------------------------
    def set_selected_guest(self, guest_id: str) -> None:
        """Make `guest_id` the one the "Move to" menu acts on (if it is on the host shown)."""
        self._selected = guest_id
        index = self._guest.findData(guest_id)
        if index >= 0:
            self._guest.setCurrentIndex(index)

    def move_selected(self, to_host: str, mode: str = "cold") -> None:
        """Move the chosen guest to `to_host` in `mode` (what the menu's actions do)."""
        guest_id = self.selected_guest()
        if guest_id:
            self.move_guest(guest_id, to_host, mode)

    def move_guest(self, guest_id: str, to_host: str, mode: str = "cold") -> bool:
        """Ask the controller to move a guest; say why in the hint if it cannot."""
        try:
            self._controller.move_guest(guest_id, to_host, mode)
        except (ValueError, KeyError) as error:
            self._hint.setText(
                self.tr("Cannot move {guest}: {why}").format(
                    guest=guest_id, why=str(error).strip("'")
                )
            )
            return False
        self._hint.setText("")
        return True

    # --- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every visible string in the current language."""
        self._guest_label.setText(self.tr("Guest:"))
        self._move_button.setText(self.tr("Move to ▸"))
        self._move_button.setToolTip(
            self.tr(
                "Stop the guest, ship what it needs over the network and start it on another "
                "host.\nYou can also drag a row of the table onto a host tab."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Guest"),
                self.tr("From → to"),
                self.tr("Moved"),
                self.tr("Time"),
                self.tr("Steps"),
                self.tr("Result"),
                self.tr("Warnings"),
            ]
        )
        self._fit_moved_column()
        self._shown = []
        if self._snap is not None:
            self._draw(self._snap)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Re-translate on a language change; widen the progress column with the font."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_moved_column()
        super().changeEvent(event)

    def _fit_moved_column(self) -> None:
        # Wide enough for the longest progress text on one line (a 9.5 GiB Windows disk).
        widest = self.tr("{done} of {total} ({share:.0f} %)").format(
            done="9,999 MiB", total="9,999 MiB", share=100
        )
        self.table.setColumnWidth(
            COLUMNS.index("moved"), self.table.fontMetrics().horizontalAdvance(widest) + 24
        )

    # --- drawing -------------------------------------------------------------------------
    def _draw(self, snap: Snapshot) -> None:
        self._fill_guests(snap)
        moves = list(snap.moves)
        if self.table.rowCount() != len(moves):
            self.table.setRowCount(len(moves))
        changed = False
        for row, move in enumerate(moves):
            if row < len(self._shown) and self._shown[row] == move and move.end_s is not None:
                continue  # finished rows do not change
            self._draw_row(row, move, snap.time_s)
            changed = True
        self._shown = moves
        self._fit_rows(force=changed)

    def _fit_rows(self, force: bool = False) -> None:
        """Fit row heights to the wrapped texts when texts or column widths changed."""
        widths = tuple(self.table.columnWidth(i) for i in range(len(COLUMNS)))
        if force or widths != self._widths:
            self._widths = widths
            self.table.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Refit the rows once the stretched columns have their new widths."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_rows)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Refit the rows: widths computed while hidden are not the ones shown."""
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_rows)

    def _fill_guests(self, snap: Snapshot) -> None:
        live = list(snap.tally.live_ids)  # counted once per snapshot
        # Compared with what was put in, not read back from the combo box item by item.
        if live == self._guest_ids:
            return
        self._guest_ids = live
        keep = self.selected_guest()
        with QSignalBlocker(self._guest):
            self._guest.clear()
            for gid in live:
                self._guest.addItem(gid, gid)
            for wanted in (self._selected, keep):
                index = self._guest.findData(wanted)
                if index >= 0:
                    self._guest.setCurrentIndex(index)
                    break
        self._move_button.setEnabled(bool(live) and len(snap.host_ids) > 1)

    def _draw_row(self, row: int, move: MoveView, now_s: float) -> None:
        done = move.total_mib if any(s.name == "transfer" for s in move.steps) else move.done_mib
        bar = self.table.cellWidget(row, COLUMNS.index("moved"))
        if not isinstance(bar, QProgressBar):
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setTextVisible(True)
            self.table.setCellWidget(row, COLUMNS.index("moved"), bar)
        share = done / move.total_mib if move.total_mib > 0 else (1.0 if move.steps else 0.0)
        bar.setValue(round(1000 * min(1.0, share)))
        bar.setFormat(
            self.tr("{done} of {total} ({share:.0f} %)").format(
                done=units.mib(done), total=units.mib(move.total_mib), share=100 * share
            )
        )
        end = move.end_s if move.end_s is not None else now_s
        texts = {
            "guest": move.guest_id,
            "route": f"{move.source} → {move.target}",
            "time": units.duration(max(0.0, end - move.start_s)),
            "steps": self._steps_text(move),
            "verdict": self._verdict_text(move),
            "warnings": "\n".join(warning_label(w) for w in move.warnings),
        }
        for name, text in texts.items():
            item = self.table.item(row, COLUMNS.index(name))
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(row, COLUMNS.index(name), item)
            item.setText(text)
        verdict = self.table.item(row, COLUMNS.index("verdict"))
        if move.verdict and verdict is not None:
            verdict.setForeground(QBrush(_GOOD if move.verdict == "running" else _BAD))
        steps = self.table.item(row, COLUMNS.index("steps"))
        if steps is not None:
            steps.setToolTip("\n".join(f"{s.name}: {inline(s.source)}" for s in move.steps))

    def _steps_text(self, move: MoveView) -> str:
        parts = []
        for step in move.steps:
            took = units.duration((step.end_s or step.start_s) - step.start_s)
            if step.name == "convert":
                formats = " → ".join(
                    _FORMATS.get(f.strip(), f.strip()) for f in step.source.split("→")
                )
                parts.append(self.tr("convert {formats} {took}").format(formats=formats, took=took))
            elif step.name == "transfer":
                parts.append(self.tr("transfer {took}").format(took=took))
            else:
                parts.append(f"{phase_label(step.name)} {took}")
        if move.end_s is None:
            parts.append(self._current_step(move))
        return " · ".join(parts)

    def _current_step(self, move: MoveView) -> str:
        # The move's job is the transfer, then the conversion (if any); then the guest starts.
        names = [s.name for s in move.steps]
        if move.mode != "cold" and move.step:
            return phase_label(move.step) + "…"
        if not names:
            return self.tr("transferring…")
        if names == ["transfer"] and move.done_mib < move.total_mib:
            return self.tr("converting…")
        return self.tr("starting…")

    def _verdict_text(self, move: MoveView) -> str:
        if not move.verdict:
            return self.tr("moving…")
        mark = "✔ " if move.verdict == "running" else "✘ "  # shape as well as colour
        text = mark + reason_label(move.verdict)
        if move.mode == "cold" or move.downtime_s is None:
            return text
        text += "\n" + self.tr("{mode}: down {downtime}").format(
            mode=mode_label(move.mode), downtime=units.duration(move.downtime_s)
        )
        if move.mode == "live":
            text += " · " + self.tr("{rounds} rounds").format(rounds=move.rounds)
            if not move.converged:
                text += " · " + self.tr("did not converge")
        return text

    # --- slots ---------------------------------------------------------------------------
    def _on_controller_snapshot_ready(self, snap: Snapshot) -> None:
        self._snap = snap
        if len(snap.host_ids) > 1 or snap.moves:  # one host and no moves: the tab is hidden
            self._draw(snap)

    def _on_controller_session_replaced(self) -> None:
        self._shown = []
        self._guest_ids = []
        self._selected = ""
        self.table.setRowCount(0)
        self._hint.setText("")

    def _on_guest_activated(self, _index: int) -> None:
        self._selected = self.selected_guest()

    def _on_move_menu_about_to_show(self) -> None:
        self._move_menu.clear()
        snap = self._controller.snapshot
        if snap is None:
            return
        from gui.window.host_tabs import host_title

        modes = self._modes(snap, self.selected_guest())
        for host in snap.hosts:
            if host.id == snap.host.id:
                continue
            sub = self._move_menu.addMenu(host_title(host))
            sub.menuAction().setData(host.id)
            for mode in modes:
                action = sub.addAction(mode_label(mode))
                action.setData(mode)
                action.triggered.connect(
                    lambda _=False, h=host.id, m=mode: self.move_selected(h, m)
                )

    def _modes(self, snap: Snapshot, guest_id: str) -> list[str]:
        """Return the ways the guest can move: live for a VM, checkpoint for a container."""
        view = next((g for g in snap.guests if g.id == guest_id), None)
        if view is None:
            return ["cold"]
        vm_like = self._controller.catalog.templates[view.template].is_vm_like
        return ["cold", "live" if vm_like else "checkpoint"]

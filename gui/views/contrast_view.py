"""The contrast table view: the eight contrasts by kind of guest, each cell measured in this run.

It recomputes `sim.contrast.contrast_table` from every snapshot, so a cell fills the frame its
experiment produces a figure. Clicking a measured cell emits `source_requested(view, time_s)`:
the window brings that view to the front and says the moment. "Handout…" exports the table
as a one-page PNG or SVG in the current language, or as CSV.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import dialogs, theme
from gui.text import labels
from gui.views.base import SnapshotView
from gui.views.contrast_cells import cell_text, row_title, source_text
from sim.contrast import ROWS, ContrastTable, contrast_table
from sim.snapshot import Snapshot


def fill_table(widget: QTableWidget, table: ContrastTable) -> None:
    """Put `table`'s cells into `widget` in the current language (view and handout alike)."""
    widget.setColumnCount(len(table.kinds))
    widget.setRowCount(len(ROWS))
    widget.setHorizontalHeaderLabels([labels.kind_label(k) for k in table.kinds])
    widget.setVerticalHeaderLabels([row_title(r) for r in ROWS])
    pending = QColor(theme.DARK_GREY)
    for i, row in enumerate(ROWS):
        for j, kind in enumerate(table.kinds):
            cell = table.cell(row, kind)
            item = QTableWidgetItem(cell_text(cell))
            item.setToolTip(source_text(cell))
            item.setData(Qt.ItemDataRole.UserRole, (row, kind))
            if not cell.measured:  # told apart by style as well as colour
                font = QFont(widget.font())
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(pending)
            widget.setItem(i, j, item)
    widget.resizeRowsToContents()


def new_table_widget() -> QTableWidget:
    """Return an empty read-only table with word-wrapped, stretched columns."""
    w = QTableWidget(0, 0)
    w.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    w.setWordWrap(True)
    w.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    w.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    w.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return w


class ContrastView(SnapshotView):
    """The contrast table; emits `source_requested(view_name, time_s)` when a cell is clicked."""

    source_requested = Signal(str, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table: ContrastTable | None = None
        self._shown: list[str] = []
        self._heading = QLabel()
        self._heading.setWordWrap(True)
        self._handout = QPushButton()
        self._handout.clicked.connect(self._on_handout_clicked)
        self._enlarge = QPushButton()
        self._enlarge.clicked.connect(self._on_enlarge_clicked)
        self._big: QDialog | None = None  # the table filling a screen, for the projector
        self._big_grid = new_table_widget()
        self._big_grid.cellClicked.connect(self._on_grid_cell_clicked)
        self._grid = new_table_widget()
        self._grid.cellClicked.connect(self._on_grid_cell_clicked)
        top = QHBoxLayout()
        top.addWidget(self._heading, 1)
        top.addWidget(self._enlarge)
        top.addWidget(self._handout)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(top)
        box.addWidget(self._grid, 1)
        self.retranslate()
        self._apply_projector()

    @property
    def table(self) -> ContrastTable | None:
        """Return the table last drawn."""
        return self._table

    @property
    def grid(self) -> QTableWidget:
        """Return the table widget (read it, do not change it)."""
        return self._grid

    def shown_text(self, row: str, kind: str) -> str:
        """Return the text the cell of `row` and `kind` shows now."""
        assert self._table is not None
        cell = self._grid.item(ROWS.index(row), self._table.kinds.index(kind))
        return cell.text() if cell is not None else ""

    def retranslate(self) -> None:
        """Set the heading and button in the current language."""
        self._heading.setText(
            self.tr(
                "How they differ, measured in this run. Grey cells fill "
                "when their experiment runs; click a cell to see where "
                "its figure comes from."
            )
        )
        self._enlarge.setText(self.tr("Enlarge"))
        self._enlarge.setToolTip(
            self.tr("Show the table in a window of its own, as large as the screen")
        )
        if self._big is not None:
            self._big.setWindowTitle(self.tr("How they differ — HostLab"))
        self._handout.setText(self.tr("Handout…"))
        self._handout.setToolTip(
            self.tr(
                "Export the table as a one-page PNG or SVG handout in "
                "the current language, or as CSV"
            )
        )

    def _apply_projector(self) -> None:
        self._heading.setFont(theme.font(self.projector, small=True))
        for grid, projector in ((self._grid, self.projector), (self._big_grid, True)):
            grid.setFont(theme.font(projector))
            for header in (grid.horizontalHeader(), grid.verticalHeader()):
                header.setFont(theme.font(projector, bold=True))

    def _draw(self, snap: Snapshot, force: bool = False) -> None:
        table = contrast_table(snap)
        shown = [table.cell(r, k).text for r in ROWS for k in table.kinds] + list(table.kinds)
        if self._table is not None and shown == self._shown and not force:
            self._table = table  # same figures: keep the widget, update the sources' times
            return
        self._table, self._shown = table, shown
        fill_table(self._grid, table)
        if self._big is not None and self._big.isVisible():
            fill_table(self._big_grid, table)

    def _on_enlarge_clicked(self) -> None:
        if self._big is None:
            self._big = QDialog(self)
            box = QVBoxLayout(self._big)
            box.addWidget(self._big_grid)
            self.retranslate()
        if self._table is not None:
            fill_table(self._big_grid, self._table)
        self._big.showMaximized()
        self._big.raise_()

    def _on_grid_cell_clicked(self, row: int, column: int) -> None:
        if self._table is None or column >= len(self._table.kinds):
            return
        cell = self._table.cell(ROWS[row], self._table.kinds[column])
        if cell.source is not None:
            if self._big is not None:
                self._big.hide()  # the view it points at is in the window behind
            self.source_requested.emit(cell.source.view, cell.source.time_s)

    def _on_handout_clicked(self) -> None:
        if self._table is None:
            return
        filters = [
            self.tr("PNG image (*.png)"),
            self.tr("SVG drawing (*.svg)"),
            self.tr("CSV table (*.csv)"),
        ]
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the contrast table"),
            str(Path.home() / "hostlab-contrasts.png"),
            ";;".join(filters),
        )
        if not path:
            return
        suffix = (".png", ".svg", ".csv")[filters.index(chosen)] if chosen in filters else ".png"
        if not path.lower().endswith((".png", ".svg", ".csv")):
            path += suffix
        try:
            self.export(path)
        except OSError as error:
            dialogs.show_error(self, self.tr("Cannot export the contrast table"), str(error))

    def export(self, path: str | Path) -> Path:
        """Write the table as a handout picture (.png, .svg) or as CSV (.csv), atomically."""
        from gui.views.contrast_handout import export_handout

        assert self._table is not None and self.snapshot is not None
        return export_handout(self._table, self.snapshot, path)

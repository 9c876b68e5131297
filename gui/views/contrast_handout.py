"""The contrast table as a one-page handout: a landscape page drawn offscreen, or CSV.

The page is a widget of A4 landscape proportions at 96 dpi, laid out without being shown on
screen and rendered through gui/export.py, so a PNG or SVG handout reads the same in English or
Chinese whatever the window's size. The CSV is sim's, written atomically.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from gui import theme, units
from gui.export import export_picture
from gui.views.contrast_view import fill_table, new_table_widget
from sim.atomic import write_text
from sim.contrast import ContrastTable
from sim.snapshot import Snapshot

PAGE_PX = (1123, 794)  # A4 landscape at 96 dpi
HANDOUT_PT = 13  # read on paper at arm's length
translate = QCoreApplication.translate


def handout_page(table: ContrastTable, snap: Snapshot) -> QWidget:
    """Return the handout page, laid out at PAGE_PX and ready to render."""
    page = QWidget()
    page.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    page.setStyleSheet("background: white; color: black;")
    title = QLabel(translate("ContrastView", "Containers and virtual machines: how they differ"))
    title.setFont(theme.font(True, bold=True))
    sub = QLabel(
        translate(
            "ContrastView",
            "Measured in one HostLab run: host {host}, seed {seed}, at t = {time}. "
            "Grey cells were not measured in this run; the text says which experiment fills them.",
        ).format(host=snap.host.name, seed=snap.seed, time=units.sim_time(table.time_s))
    )
    sub.setWordWrap(True)
    sub.setFont(_font(12))
    grid = new_table_widget()
    grid.setFont(_font(HANDOUT_PT))
    for header in (grid.horizontalHeader(), grid.verticalHeader()):
        header.setFont(_font(HANDOUT_PT, bold=True))
    grid.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    grid.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    box = QVBoxLayout(page)
    box.setContentsMargins(36, 28, 36, 28)
    box.addWidget(title)
    box.addWidget(sub)
    box.addWidget(grid, 1)
    page.resize(*PAGE_PX)
    page.show()  # not on screen (WA_DontShowOnScreen): lays the page out for rendering
    fill_table(grid, table)
    for header in (grid.horizontalHeader(), grid.verticalHeader()):
        header.setFont(_font(HANDOUT_PT, bold=True))
    QApplication.processEvents()
    grid.resizeRowsToContents()
    _spread_rows(grid)
    return page


def _font(point_size: int, bold: bool = False) -> QFont:
    font = theme.font(False, bold=bold)
    font.setPointSize(point_size)
    return font


def _spread_rows(grid: QTableWidget) -> None:
    """Share the page's spare height among the rows, so the table fills its page."""
    header = grid.verticalHeader()
    spare = grid.viewport().height() - header.length()
    if spare <= 0 or grid.rowCount() == 0:
        return
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for row in range(grid.rowCount()):
        grid.setRowHeight(row, grid.rowHeight(row) + spare // grid.rowCount())


def export_handout(table: ContrastTable, snap: Snapshot, path: str | Path) -> Path:
    """Write the handout to `path`: PNG or SVG by its extension, CSV for ".csv"."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return write_text(path, table.as_csv())
    page = handout_page(table, snap)
    try:
        return export_picture(page, path)
    finally:
        page.close()
        page.deleteLater()

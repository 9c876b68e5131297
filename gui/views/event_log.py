"""Event log table with a text filter and a filter by kind of event.

The model only announces rows beyond the last count it saw, so a growing log costs nothing
per frame but the new rows; messages are formatted when shown, in the current language.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import theme, units
from gui.text import log_text
from gui.views.base import SnapshotView
from sim.snapshot import LogEntry, Snapshot

_Index = QModelIndex | QPersistentModelIndex
_ALARMS = frozenset({"oom_kill", "start_failed"})


class LogModel(QAbstractTableModel):
    """Rows of a snapshot's log: time, guest, message."""

    def __init__(self) -> None:
        super().__init__()
        self._log: Sequence[LogEntry] = ()
        self._count = 0
        self._headers = ("", "", "")
        self._alarm = QColor(theme.VERMILLION)

    def set_log(self, log: Sequence[LogEntry]) -> bool:
        """Show `log`; return True when rows were added."""
        n = len(log)
        if n < self._count or (n and self._count and log[0] is not self._log[0]):
            self.beginResetModel()  # a new session: start over
            self._log, self._count = log, n
            self.endResetModel()
            return True
        self._log = log
        if n == self._count:
            return False
        self.beginInsertRows(QModelIndex(), self._count, n - 1)
        self._count = n
        self.endInsertRows()
        return True

    def set_headers(self, headers: tuple[str, str, str]) -> None:
        """Set the translated column titles."""
        self._headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def retranslate(self) -> None:
        """Tell views that every message changed language."""
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, 2))

    def entry(self, row: int) -> LogEntry:
        """Return the entry on `row`."""
        return self._log[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Return how many entries are shown."""
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Return 3: time, guest, message."""
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Return the cell text (formatted now, so in the current language)."""
        # Views ask for a dozen roles per cell on every paint: answer the unused ones first.
        if role == Qt.ItemDataRole.DisplayRole:
            if not index.isValid():
                return None
            e = self._log[index.row()]
            col = index.column()
            if col == 0:
                return units.sim_time(e.time_s)
            if col == 1:
                return e.guest_id or ""
            return log_text.log_message(e)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and self._log[index.row()].code in _ALARMS
        ):
            return self._alarm  # kills and failures stand out in the list
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        """Return the column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class LogFilter(QSortFilterProxyModel):
    """Keeps rows whose code matches the chosen one and whose text contains the filter."""

    def __init__(self, model: LogModel) -> None:
        super().__init__()
        self._model = model
        self.setSourceModel(model)
        self._text = ""
        self._code = ""

    def set_filter(self, text: str, code: str) -> None:
        """Filter by text (case-insensitive, guest or message) and code ("" for all)."""
        self.beginFilterChange()  # Qt ≥ 6.10 replacement of invalidateFilter()
        self._text, self._code = text.casefold(), code
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, _parent: _Index) -> bool:  # noqa: N802
        """Return whether `row` passes both filters."""
        if not self._text and not self._code:
            return True
        e = self._model.entry(row)
        if self._code and e.code != self._code:
            return False
        if not self._text:
            return True
        return (
            self._text in (e.guest_id or "").casefold()
            or self._text in log_text.log_message(e).casefold()
        )


class EventLogView(SnapshotView):
    """The event log: newest at the bottom, followed unless the user scrolled up.

    While the clock runs, new rows arrive at a reading pace: with a crowd starting, rows came
    every frame, and each insertion repaints the whole list (Qt lays the view out again).
    """

    READING_PACE_S = 0.125  # at most 8 times a second: nobody reads a list scrolling faster

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = LogModel()
        self._proxy = LogFilter(self._model)
        self._text = QLineEdit()
        self._text.setClearButtonEnabled(True)
        self._code = QComboBox()
        self._table = QTableView()
        # Unfiltered, the table reads the log itself: every cell painted through the proxy
        # costs a mapping and a second Python call, and the log repaints on every frame.
        self._table.setModel(self._model)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.verticalHeader().setVisible(False)
        self._table.setWordWrap(False)
        header = self._table.horizontalHeader()
        # Fixed widths: ResizeToContents measures every row, seconds per frame on long logs.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        top = QHBoxLayout()
        top.addWidget(self._text, 1)
        top.addWidget(self._code)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(self._table, 1)
        self._text.textChanged.connect(self._on_text_text_changed)
        self._code.currentIndexChanged.connect(self._on_code_current_index_changed)
        self.retranslate()
        self._apply_projector()

    @property
    def table(self) -> QTableView:
        """Return the table (its model: the log, or the filtered log while a filter is set)."""
        return self._table

    def visible_messages(self) -> list[str]:
        """Return the message column of the rows that pass the filters."""
        return [self._proxy.index(r, 2).data() for r in range(self._proxy.rowCount())]

    def set_filter(self, text: str = "", code: str = "") -> None:
        """Set the text and code filters, as a user would."""
        self._text.setText(text)
        i = self._code.findData(code)
        self._code.setCurrentIndex(max(i, 0))

    def _on_text_text_changed(self, _text: str) -> None:
        self._apply_filter()

    def _on_code_current_index_changed(self, _index: int) -> None:
        self._apply_filter()

    def _apply_filter(self) -> None:
        text, code = self._text.text(), self._code.currentData() or ""
        self._proxy.set_filter(text, code)
        shown = self._proxy if text or code else self._model
        if self._table.model() is shown:
            return
        bar = self._table.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() - 2
        self._table.setModel(shown)  # the header keeps its columns' widths (tested)
        if at_end:
            self._table.scrollToBottom()

    def retranslate(self) -> None:
        """Set placeholders, filter choices, headers and messages in the current language."""
        self._text.setPlaceholderText(self.tr("Filter: guest or text…"))
        self._text.setAccessibleName(self.tr("Filter: guest or text…"))
        self._code.setAccessibleName(self.tr("Kind of event shown"))
        current = self._code.currentData() or ""
        self._code.blockSignals(True)
        self._code.clear()
        self._code.addItem(self.tr("All events"), "")
        for code in log_text.LOG_CODES:
            self._code.addItem(log_text.log_code_label(code), code)
        self._code.setCurrentIndex(max(self._code.findData(current), 0))
        self._code.blockSignals(False)
        self._model.set_headers((self.tr("Time"), self.tr("Guest"), self.tr("Event")))
        self._model.retranslate()

    def _apply_projector(self) -> None:
        f = theme.font(self.projector)
        for w in (self._text, self._code, self._table, self._table.horizontalHeader()):
            w.setFont(f)
        self._table.verticalHeader().setDefaultSectionSize(int(f.pointSize() * 2.2))
        fm = QFontMetrics(f)
        self._table.setColumnWidth(0, fm.horizontalAdvance("00000.0 s") + 16)
        self._table.setColumnWidth(1, fm.horizontalAdvance("ubuntu-server-000") + 16)

    def _draw(self, snap: Snapshot, force: bool = False) -> None:
        bar = self._table.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() - 2  # the user has not scrolled up
        if self._model.set_log(snap.log) and at_end:
            self._table.scrollToBottom()

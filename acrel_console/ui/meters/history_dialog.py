"""历史抄表记录: one meter's history readings over a date range, fetched a page at a time off the GUI thread
as the table scrolls (a year of 30-minute readings never freezes the window), and exported to Excel."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (QDateEdit, QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from acrel_console.services.meter_views import MeterLive
from acrel_console.services.reading_history import COLUMNS, PAGE_ROWS, HistoryPage, HistoryRow, ReadingHistoryService
from acrel_console.ui.confirm import inform
from acrel_console.ui.context import UiContext
from acrel_console.ui.meters import formatting as fmt
from acrel_console.ui.site_time import day_of, qdate
from acrel_console.ui.tasks import TaskFailure

AnyIndex = QModelIndex | QPersistentModelIndex


def _cells(r: HistoryRow) -> list[str]:
    return [fmt.local_time(r.read_at), fmt.yuan(r.remaining_fen), fmt.kwh(r.energy_total),
            *(fmt.kwh(e) for e in r.energy_by_period), fmt.DASH if r.power_w is None else str(r.power_w),
            fmt.yes_no(r.arrears), fmt.yes_no(r.opened), fmt.yes_no(r.forced), fmt.relay_text(r.relay_closed),
            fmt.yes_no(r.lost_contact)]


class HistoryModel(QAbstractTableModel):
    """Rows arrive in pages; `canFetchMore`/`fetchMore` ask the dialog for the next one (asynchronously)."""

    def __init__(self, fetch: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []
        self._fetch = fetch
        self.total = 0
        self.after: Any = None
        self.loading = False

    def reset(self) -> None:
        self.beginResetModel()
        self._rows, self.total, self.after, self.loading = [], 0, None, False
        self.endResetModel()

    def append(self, page: HistoryPage) -> None:
        self.loading = False
        self.total, self.after = page.total, page.after
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(_cells(r) for r in page.rows)
            self.endInsertRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= index.column() <= 7:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("export", COLUMNS[section][0])
        return None

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802, B008 - Qt override
        return not parent.isValid() and self.after is not None and not self.loading

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: N802, B008 - Qt override
        if self.canFetchMore(parent):
            self.loading = True
            self._fetch(self.after)


class HistoryDialog(QDialog):
    """历史抄表记录 of one meter: date range, 查询, 导出; rows load as the table scrolls."""

    def __init__(self, ui: UiContext, meter: MeterLive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.ui, self.meter = ui, meter
        self.service = ReadingHistoryService(ui.services.ctx)
        label = meter.meter_no or f"{meter.gateway}/{meter.address}"
        self.setWindowTitle(self.tr("History readings: {meter} ({room})").format(meter=label, room=meter.room))
        self.resize(1100, 560)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        today = ui.clock.today()
        self.first, self.last = QDateEdit(qdate(today - timedelta(days=30))), QDateEdit(qdate(today))
        for edit, name in ((self.first, "historyFrom"), (self.last, "historyTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.first)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.last)
        self.query_button = QPushButton(self.tr("Query"))
        self.query_button.setObjectName("historyQuery")
        self.query_button.clicked.connect(self.query)
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setObjectName("historyExport")
        self.export_button.clicked.connect(self.choose_export_file)
        bar.addWidget(self.query_button)
        bar.addWidget(self.export_button)
        bar.addStretch(1)
        self.count = QLabel()
        self.count.setObjectName("historyCount")
        bar.addWidget(self.count)
        layout.addLayout(bar)
        self.model = HistoryModel(self._fetch, self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.last_export = ""
        self._generation = 0
        self.query()

    def _range(self) -> tuple[Any, Any]:
        return day_of(self.first), day_of(self.last)

    def query(self) -> None:
        """查询: start over with the first page of the range."""
        self._generation += 1
        self.model.reset()
        self.model.loading = True
        self._fetch(None)

    def _fetch(self, after: Any) -> None:
        service, actor, mid = self.service, self.ui.actor, self.meter.meter_id
        first, last = self._range()
        generation = self._generation

        def done(page: HistoryPage) -> None:
            if generation == self._generation:  # an older query's page is dropped
                first_page = self.model.rowCount() == 0
                self.model.append(page)
                if first_page:
                    self.table.resizeColumnsToContents()
                self._show_count()

        def failed(f: TaskFailure) -> None:
            self.model.loading = False
            self.count.setText(f.message)

        self.ui.tasks.run(lambda: service.page(actor, mid, first, last, after=after, limit=PAGE_ROWS), done, failed,
                          owner=self)

    def _show_count(self) -> None:
        self.count.setText(self.tr("{shown} of {total} readings").format(shown=self.model.rowCount(),
                                                                         total=self.model.total))

    def choose_export_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Export history readings"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Excel workbook (*.xlsx)"))
        dialog.setDefaultSuffix("xlsx")
        dialog.selectFile(self.tr("history") + f"-{self.meter.meter_no or self.meter.address}-"
                          + self.ui.clock.stamp() + ".xlsx")
        dialog.fileSelected.connect(self.export_to)
        self.file_dialog = dialog
        dialog.open()

    def export_to(self, path: str) -> None:
        """导出: every reading of the range (not only the loaded pages), the screen's columns, off the GUI thread."""
        service, actor, mid = self.service, self.ui.actor, self.meter.meter_id
        first, last = self._range()
        title = self.tr("Export history readings")

        def done(out: Any) -> None:
            self.last_export = str(out)
            inform(self, title, self.tr("Saved to {path}").format(path=str(out)))

        self.ui.tasks.run(lambda: service.export(actor, mid, first, last, path,
                                                 translate=QCoreApplication.translate), done,
                          lambda f: inform(self, title, f.message, error=True), owner=self)

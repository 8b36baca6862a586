"""ReportTableModel: one Report as a read-only table with formatted cells and a bold totals row."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from acrel_console.services.export_formats import ColumnKind
from acrel_console.services.reports.model import Report
from acrel_console.ui.reports.formatting import cell_text, hundredths, is_numeric

AnyIndex = QModelIndex | QPersistentModelIndex
RAW_ROLE = Qt.ItemDataRole.UserRole + 1  # the unformatted value (fen, 0.01 kWh, datetime ...)


def header_text(header: str) -> str:
    """A column header in the current language (context 'reports', as the services mark them)."""
    return QCoreApplication.translate("reports", header)


class ReportTableModel(QAbstractTableModel):
    """Rows of a Report, then a totals row (合计) when the report totals any column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self._zone: tzinfo | None = None
        self._totals: dict[int, int] = {}
        self._label_column = 0
        self._bold = QFont()
        self._bold.setBold(True)

    def set_report(self, report: Report | None, zone: tzinfo | None = None) -> None:
        self.beginResetModel()
        self._report, self._zone = report, zone
        self._totals = {}
        if report is not None:
            totals = report.totals()
            self._totals = {i: totals[c.key] for i, c in enumerate(report.columns) if c.key in totals}
            self._label_column = next((i for i in range(len(report.columns)) if i not in self._totals), 0)
        self.endResetModel()

    @property
    def report(self) -> Report | None:
        return self._report

    @property
    def has_totals(self) -> bool:
        return bool(self._totals) and self._report is not None and bool(self._report.rows)

    def totals_row(self) -> int | None:
        """The row index of the totals row, if shown."""
        return len(self._report.rows) if self.has_totals and self._report is not None else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        if parent.isValid() or self._report is None:
            return 0
        return len(self._report.rows) + (1 if self.has_totals else 0)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() or self._report is None else len(self._report.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        report = self._report
        if report is None or not index.isValid():
            return None
        row, col = index.row(), index.column()
        column = report.columns[col]
        totals = row == len(report.rows)
        if role == Qt.ItemDataRole.DisplayRole:
            if totals:
                if col in self._totals:
                    value = self._totals[col]
                    return str(value) if column.kind is ColumnKind.INT else hundredths(value)
                if col == self._label_column:
                    return QCoreApplication.translate("ReportTableModel", "Total")
                return ""
            return cell_text(column.kind, report.rows[row][col], self._zone)
        if role == RAW_ROLE:
            return self._totals.get(col) if totals else report.rows[row][col]
        if role == Qt.ItemDataRole.TextAlignmentRole and is_numeric(column.kind):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and totals:
            return self._bold
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._report is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return header_text(self._report.columns[section].header)
        return None

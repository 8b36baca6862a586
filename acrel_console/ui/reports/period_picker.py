"""PeriodPicker: day / month / year / date range, with a date editor shaped for the kind."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from acrel_console.ui.reports.catalog import DAY, MONTH, RANGE, YEAR

FORMATS = {DAY: "yyyy-MM-dd", MONTH: "yyyy-MM", YEAR: "yyyy", RANGE: "yyyy-MM-dd"}


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class PeriodPicker(QWidget):
    """Choose a period kind among those a report allows, and its date (or first and last day)."""

    changed = Signal()

    def __init__(self, today: QDate, parent: QWidget | None = None) -> None:
        """`today`: the site's date (site_time.site_today), the default of both ends."""
        super().__init__(parent)
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("periodKind")
        self.start = QDateEdit()
        self.start.setObjectName("periodStart")
        self.end = QDateEdit()
        self.end.setObjectName("periodEnd")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDate(today)
        self.to_label = QLabel(self.tr("to"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind_box)
        layout.addWidget(self.start)
        layout.addWidget(self.to_label)
        layout.addWidget(self.end)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.set_kinds((DAY, MONTH, YEAR, RANGE))

    @staticmethod
    def kind_label(kind: str) -> str:
        labels = {DAY: QCoreApplication.translate("PeriodPicker", "Day"),
                  MONTH: QCoreApplication.translate("PeriodPicker", "Month"),
                  YEAR: QCoreApplication.translate("PeriodPicker", "Year"),
                  RANGE: QCoreApplication.translate("PeriodPicker", "Date range")}
        return labels[kind]

    def set_kinds(self, kinds: tuple[str, ...], preferred: str = "") -> None:
        """Offer these kinds (keeping the current one when allowed)."""
        current = self.kind()
        self.kind_box.blockSignals(True)
        self.kind_box.clear()
        for kind in kinds:
            self.kind_box.addItem(self.kind_label(kind), kind)
        wanted = current if current in kinds else (preferred if preferred in kinds else (kinds[0] if kinds else ""))
        if wanted:
            self.kind_box.setCurrentIndex(kinds.index(wanted))
        self.kind_box.blockSignals(False)
        if not kinds:
            self.hide()
        elif self.isHidden() and self.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
            self.show()  # hidden above before; never show() a picker not in a window yet (it would be one)
        self._kind_changed()

    def kind(self) -> str:
        value = self.kind_box.currentData()
        return str(value) if value else ""

    def set_kind(self, kind: str) -> None:
        index = self.kind_box.findData(kind)
        if index >= 0:
            self.kind_box.setCurrentIndex(index)

    def set_dates(self, first: date, last: date | None = None) -> None:
        self.start.setDate(_qdate(first))
        self.end.setDate(_qdate(last or first))

    def first(self) -> date:
        return _pydate(self.start.date())

    def last(self) -> date:
        return _pydate(self.end.date())

    def _kind_changed(self) -> None:
        kind = self.kind() or DAY
        self.start.setDisplayFormat(FORMATS[kind])
        ranged = kind == RANGE
        self.to_label.setVisible(ranged)
        self.end.setVisible(ranged)
        self.changed.emit()

"""Find-as-you-type over tenants and meters (room, name, phone, 用户编号, meter number), debounced, through tasks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout,
                               QWidget)

from acrel_console.ui.cashier.card_data import MeterHit, search_meters
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.context import UiContext
from acrel_console.ui.record_model import Column, RecordTableModel
from acrel_console.ui.tasks import TaskFailure

DEBOUNCE_MS = 250


class SearchPanel(QWidget):
    """A search box over a hit list. `meter_chosen(MeterHit)` when a row is selected; `accepted` on Enter."""

    meter_chosen = Signal(object)
    accepted = Signal(object)  # Enter in the box or on a row: the cashier wants to type the amount

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self._seq = 0
        self.searching = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = QLineEdit()
        self.box.setObjectName("cashierSearch")
        self.box.setPlaceholderText(self.tr("Room, tenant, phone or meter number"))
        self.box.setClearButtonEnabled(True)
        layout.addWidget(self.box)
        self.model = RecordTableModel([
            Column(self.tr("Meter no."), lambda h: h.meter_no),
            Column(self.tr("Account no."), lambda h: h.account_no),
            Column(self.tr("Tenant"), lambda h: h.tenant_name),
            Column(self.tr("Shop/room"), lambda h: h.room),
            Column(self.tr("Total purchased"), lambda h: f"{h.total_purchased:,.2f}", align_right=True),
            Column(self.tr("Purchases"), lambda h: "—" if h.purchase_count is None else h.purchase_count,
                   align_right=True),
            Column(self.tr("Building"), lambda h: h.building),
        ], self)
        self.view = QTableView()
        self.view.setObjectName("cashierHits")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self._enter)
        self.box.installEventFilter(self)
        self.view.installEventFilter(self)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._row_changed(cur.row()))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if obj is self.box and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                self.view.setFocus()
                row = max(0, self.view.currentIndex().row())
                self.view.selectRow(row)
                return True
            if obj is self.view and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                hit = self.current()
                if hit is not None:
                    self.accepted.emit(hit)
                return True
        return super().eventFilter(obj, event)

    def search_now(self) -> None:
        self._timer.stop()
        text = self.box.text().strip()
        self._seq += 1
        seq = self._seq
        if not text:
            self._show(seq, [])
            return
        services, money, actor = self.ui.services, money_services(self.ui.services), self.ui.actor
        self.searching = True
        self.ui.tasks.run(lambda: search_meters(services, money, actor, text), lambda hits: self._show(seq, hits),
                          lambda f: self._failed(seq, f), owner=self)

    def _show(self, seq: int, hits: list[MeterHit]) -> None:
        if seq != self._seq:
            return  # an older search answered late
        self.searching = False
        current = self.current()
        self.model.set_records(hits)
        self.count.setText(self.tr("Meters found: {n}").format(n=len(hits)) if self.box.text().strip() else "")
        keep = next((i for i, h in enumerate(hits) if current is not None and h.meter_id == current.meter_id), None)
        if keep is not None or len(hits) == 1:
            self.view.selectRow(keep or 0)

    def _failed(self, seq: int, failure: TaskFailure) -> None:
        if seq == self._seq:
            self.searching = False
            self.count.setText(failure.message)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.meter_chosen.emit(self.model.record(row))

    def current(self) -> MeterHit | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _enter(self) -> None:
        if self._timer.isActive() or self.searching:
            self.search_now()
            self._accept_after_search()
            return
        self._accept_current()

    def _accept_after_search(self) -> None:
        # Enter typed before the debounced search answered: take the first hit once it is here.
        def check() -> None:
            if self.searching:
                QTimer.singleShot(20, check)
                return
            self._accept_current()

        QTimer.singleShot(0, check)

    def _accept_current(self) -> None:
        hit = self.current()
        if hit is None and self.model.rowCount():
            self.view.selectRow(0)
            hit = self.current()
        if hit is not None:
            self.accepted.emit(hit)

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.box.selectAll()

"""Find-as-you-type over tenants and meters (room, name, phone, 用户编号, meter number), debounced, through tasks.

The chosen meter is exactly the one the next Enter sells to, so it is never left over from an earlier search:
any edit of the search text drops it at once (`meter_cleared`), and a search that finds no meter or several
leaves none chosen until the cashier picks one (↓ and Enter, or a click). Only a search with exactly one hit
chooses by itself; refreshing the same search (after a sale) keeps the row the cashier picked."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
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
    meter_cleared = Signal()  # the search text changed, or it found no meter or several: none is chosen
    accepted = Signal(object)  # Enter in the box or on a row: the cashier wants to type the amount

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self._seq = 0
        self.searching = False
        self._chosen_text: str | None = None  # the search text under which the current row was chosen
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
        self.box.textChanged.connect(self._text_changed)
        self.box.returnPressed.connect(self._enter)
        self.box.installEventFilter(self)
        self.view.installEventFilter(self)
        # chosen by selecting a row (arrows, click, a single hit), never by a focus cursor that Qt places by itself
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

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

    def _text_changed(self, text: str) -> None:
        self._timer.start()
        self.count.setText("")  # the old count belonged to the old text
        if self._chosen_text is not None and text.strip() != self._chosen_text:
            self._forget()

    def _forget(self) -> None:
        """No meter is chosen any more (the card clears, Enter in the amount sells to nobody)."""
        self._chosen_text = None
        self.view.selectionModel().clearSelection()
        self.view.selectionModel().setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.meter_cleared.emit()

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
        text = self.box.text().strip()
        same_search = current is not None and self._chosen_text == text
        self.model.set_records(hits)
        if not text:
            self.count.setText("")
        elif len(hits) > 1:
            self.count.setText(self.tr("Meters found: {n} — choose one with ↓ and Enter").format(n=len(hits)))
        elif not hits:
            self.count.setText(self.tr("No meter of an open account matches."))
        else:
            self.count.setText(self.tr("Meters found: {n}").format(n=len(hits)))
        keep = next((i for i, h in enumerate(hits) if same_search and current is not None
                     and h.meter_id == current.meter_id), None)
        if keep is not None or len(hits) == 1:
            self.view.selectRow(keep or 0)
        else:
            self._forget()

    def _failed(self, seq: int, failure: TaskFailure) -> None:
        if seq == self._seq:
            self.searching = False
            self.count.setText(failure.message)

    def _selection_changed(self) -> None:
        hit = self.current()
        if hit is not None:
            self._chosen_text = self.box.text().strip()
            self.meter_chosen.emit(hit)

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
        if hit is None and self.model.rowCount() > 1:
            return  # several meters: the cashier picks one (↓ and Enter), never the first by chance
        if hit is None and self.model.rowCount() == 1:
            self.view.selectRow(0)
            hit = self.current()
        if hit is not None:
            self.accepted.emit(hit)

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.box.selectAll()

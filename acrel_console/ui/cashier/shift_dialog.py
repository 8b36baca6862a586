"""交班: a cashier's open shift summary (sales by method, refunds, reversals, expected cash) and its close by a
supervisor who signs in inside the dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.domain.roles import Permission
from acrel_console.services.shifts import ShiftInfo, ShiftSummary
from acrel_console.ui.amount_validator import attach as amount_field
from acrel_console.ui.cashier.labels import METHODS, method_label
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.cashier.receipt_lines import local_time
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import error_label, show_error
from acrel_console.ui.tasks import TaskFailure


class ShiftDialog(QDialog):
    """Pick an open shift, see its money, close it with a supervisor's name and password."""

    def __init__(self, ui: UiContext, zone: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.zone = zone or ui.clock.zone_name
        self.summary: ShiftSummary | None = None
        self.closed: ShiftSummary | None = None
        self.setWindowTitle(self.tr("Shift close"))
        self.setObjectName("shiftDialog")
        self.setMinimumWidth(720)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Open shift")))
        self.shift = QComboBox()
        self.shift.setObjectName("field_shift")
        self.shift.currentIndexChanged.connect(self.load_summary)
        top.addWidget(self.shift, 1)
        layout.addLayout(top)
        self.table = QTableWidget(len(METHODS) + 1, 4)
        self.table.setObjectName("shiftTable")
        self.table.setHorizontalHeaderLabels([self.tr("Sales"), self.tr("Refunds"), self.tr("Reversals"),
                                              self.tr("Expected in drawer")])
        self.table.setVerticalHeaderLabels([method_label(m) for m in METHODS] + [self.tr("Total")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(140)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows_h = self.table.verticalHeader().defaultSectionSize() * self.table.rowCount()
        self.table.setMinimumHeight(rows_h + self.table.horizontalHeader().sizeHint().height() + 6)
        layout.addWidget(self.table)
        self.counts = QLabel()
        self.expected = QLabel()
        font = self.expected.font()
        font.setBold(True)
        self.expected.setFont(font)
        layout.addWidget(self.counts)
        layout.addWidget(self.expected)
        form = QFormLayout()
        self.counted = amount_field(QLineEdit())
        self.counted.setObjectName("field_counted")
        self.counted.setPlaceholderText(self.tr("optional"))
        self.note = QLineEdit()
        self.approver_name = QLineEdit()
        self.approver_name.setObjectName("field_approver_name")
        self.approver_password = QLineEdit()
        self.approver_password.setObjectName("field_approver_password")
        self.approver_password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Counted cash (yuan)"), self.counted)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Supervisor"), self.approver_name)
        form.addRow(self.tr("Supervisor password"), self.approver_password)
        layout.addLayout(form)
        self.error = error_label()
        self.error.setObjectName("shiftError")
        layout.addWidget(self.error)
        self.done_text = QLabel()
        self.done_text.setWordWrap(True)
        layout.addWidget(self.done_text)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.close_shift_button = QPushButton(self.tr("Close shift"))
        self.close_shift_button.setDefault(True)
        self.close_shift_button.clicked.connect(self.close_shift)
        self.cancel_button = QPushButton(self.tr("Close"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        bar.addWidget(self.close_shift_button)
        bar.addWidget(self.cancel_button)
        layout.addLayout(bar)
        for edit in (self.counted, self.note, self.approver_name, self.approver_password):
            edit.returnPressed.connect(self.close_shift)
        self.load_shifts()

    def load_shifts(self) -> None:
        shifts, actor = money_services(self.ui.services).shifts, self.ui.actor
        self.ui.tasks.run(lambda: shifts.list_shifts(actor, open_only=True), self._shifts, self._failed, owner=self)

    def _shifts(self, infos: list[ShiftInfo]) -> None:
        self.shift.blockSignals(True)
        self.shift.clear()
        mine = 0
        for i, s in enumerate(infos):
            self.shift.addItem(self.tr("{cashier} · since {at} (shift {id})").format(
                cashier=s.cashier, at=local_time(s.opened_at, self.zone), id=s.shift_id), s.shift_id)
            if s.cashier == self.ui.actor.name:
                mine = i
        self.shift.blockSignals(False)
        if infos:
            self.shift.setCurrentIndex(mine)
            self.load_summary()
        else:
            show_error(self.error, self.tr("No shift is open."))
            self.close_shift_button.setEnabled(False)

    def load_summary(self) -> None:
        sid = self.shift.currentData()
        if sid is None:
            return
        shifts, actor = money_services(self.ui.services).shifts, self.ui.actor
        self.ui.tasks.run(lambda: shifts.summary(actor, int(sid)), self._show, self._failed, owner=self)

    def _show(self, s: ShiftSummary) -> None:
        self.summary = s
        totals = [0, 0, 0, 0]
        for row, m in enumerate(METHODS):
            values = (s.sales_by_method.get(m), s.refunds_by_method.get(m), s.reversals_by_method.get(m),
                      s.expected_by_method.get(m))
            for col, v in enumerate(values):
                item = QTableWidgetItem("—" if v is None else f"{v:,.2f}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
                totals[col] += v or 0
        for col, v in enumerate(totals):
            item = QTableWidgetItem(f"{v:,.2f}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(len(METHODS), col, item)
        self.counts.setText(self.tr("{sales} sales, {refunds} refunds, {reversals} reversals").format(
            sales=s.sales_count, refunds=s.refunds_count, reversals=s.reversals_count))
        self.expected.setText(self.tr("Expected cash in the drawer: {amount} yuan").format(amount=f"{s.expected_cash:,.2f}"))

    def _failed(self, failure: TaskFailure) -> None:
        show_error(self.error, failure.message)
        self.close_shift_button.setEnabled(self.shift.count() > 0)

    def close_shift(self) -> None:
        """The supervisor's second login, then the close (both off the GUI thread)."""
        show_error(self.error, "")
        sid = self.shift.currentData()
        name, password = self.approver_name.text().strip(), self.approver_password.text()
        if sid is None:
            return
        if not name or not password:
            show_error(self.error, self._msg(ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A supervisor signs in to approve."), field="approver_name")))
            return
        services, shifts, actor = self.ui.services, money_services(self.ui.services).shifts, self.ui.actor
        counted, note = self.counted.text().strip() or None, self.note.text()

        def work() -> ShiftSummary:
            if name == actor.name:  # a supervisor closing at their own desk: sign in again
                approver = services.operators.login(name, password)
            else:
                approver = services.operators.verify_approver(actor, name, password, Permission.CLOSE_SHIFT)
            return shifts.close(approver, int(sid), counted, note)

        self.close_shift_button.setEnabled(False)
        self.ui.tasks.run(work, self._closed, self._failed, owner=self)

    @staticmethod
    def _msg(err: Any) -> str:
        from acrel_console.ui.messages import error_message

        return error_message(err)

    def _closed(self, s: ShiftSummary) -> None:
        self.closed = s
        self._show(s)
        self.approver_password.clear()
        diff = "" if s.cash_difference is None else " " + self.tr("Counted minus expected: {d} yuan.").format(
            d=f"{s.cash_difference:,.2f}")
        self.done_text.setText(self.tr("Shift {id} closed by {name}.").format(id=s.shift.shift_id,
                                                                             name=s.shift.closed_by) + diff)
        self.load_shifts()

"""Online payment cases (在线支付异常), a tab of the Alarms page: paid orders whose credit has not reached the meter,
payments of a wrong amount, refunds owed, statement differences; each handled by the action the services allow
(deliver again after checking the meter, refund or credit with a reason, ask the refund again, acknowledge)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.domain.money import yuan_to_fen
from acrel_console.domain.roles import Permission
from acrel_console.services.export import ColumnKind
from acrel_console.services.payment_cases import PaymentCase
from acrel_console.services.payment_config import LABELS
from acrel_console.ui.alarms.ack_dialog import AcknowledgeDialog
from acrel_console.ui.cashier.conflict_dialog import ConflictDialog
from acrel_console.ui.cashier.labels import delivery_label
from acrel_console.ui.context import UiContext
from acrel_console.ui.error_words import error_words
from acrel_console.ui.form_dialog import FormDialog, error_label, show_error
from acrel_console.ui.record_model import record_table
from acrel_console.ui.screen_table import ScreenColumn as S
from acrel_console.ui.screen_table import table_model
from acrel_console.ui.tasks import TaskFailure

CASE_WORDS = {
    "undelivered": QT_TRANSLATE_NOOP("PaymentCasesPanel", "Paid, not on the meter"),
    "amount": QT_TRANSLATE_NOOP("PaymentCasesPanel", "Wrong amount paid"),
    "refund": QT_TRANSLATE_NOOP("PaymentCasesPanel", "Refund owed"),
    "statement": QT_TRANSLATE_NOOP("PaymentCasesPanel", "Statement difference"),
}
REFUND_WORDS = {
    "requested": QT_TRANSLATE_NOOP("PaymentCasesPanel", "refund being asked"),
    "processing": QT_TRANSLATE_NOOP("PaymentCasesPanel", "refund in progress at the provider"),
    "failed": QT_TRANSLATE_NOOP("PaymentCasesPanel", "refund refused or failed"),
}


def _w(text: str) -> str:
    return QCoreApplication.translate("PaymentCasesPanel", text)


def case_state(case: PaymentCase) -> str:
    """Where the case stands, in words."""
    if case.kind == "undelivered":
        return delivery_label(case.delivery)
    if case.kind == "refund" and case.order is not None:
        return _w(REFUND_WORDS.get(case.order.refund_state, "")) or case.order.refund_state
    if case.kind == "amount":
        return _w(QT_TRANSLATE_NOOP("PaymentCasesPanel", "waiting for a decision"))
    return _w(QT_TRANSLATE_NOOP("PaymentCasesPanel", "not acknowledged"))


def case_detail(case: PaymentCase) -> str:
    """What is wrong, in the interface language where the console words it (a statement's difference is the
    reconciliation's own line)."""
    if case.kind == "undelivered":
        return error_words(case.detail)
    if case.order is not None and case.order.paid is not None:
        text = _w(QT_TRANSLATE_NOOP("PaymentCasesPanel", "{paid} yuan paid for an order of {amount} yuan")).format(
            paid=case.order.paid, amount=case.order.amount)
        if case.kind == "refund" and case.order.refund_state == "failed" and case.order.error:
            text += " — " + error_words(case.order.error)
        elif case.order.hold_reason == "no_credit":
            text = _w(QT_TRANSLATE_NOOP("PaymentCasesPanel", "the meter could not take {paid} yuan")).format(
                paid=case.order.paid) + " — " + error_words(case.detail)
        return text
    return case.detail


def case_columns() -> list[S]:
    T, Y, D = ColumnKind.TEXT, ColumnKind.YUAN, ColumnKind.DATETIME
    return [S(QCoreApplication.translate("PaymentCasesPanel", "Case"), T, lambda c: _w(CASE_WORDS[c.kind])),
            S(QCoreApplication.translate("PaymentCasesPanel", "Since"), D, lambda c: c.raised_at),
            S(QCoreApplication.translate("PaymentCasesPanel", "Provider"), T, lambda c: QCoreApplication.translate("payments", LABELS[c.provider])
              if c.provider in LABELS else c.provider),
            S(QCoreApplication.translate("PaymentCasesPanel", "Room"), T, lambda c: c.order.room if c.order else ""),
            S(QCoreApplication.translate("PaymentCasesPanel", "Order (yuan)"), Y, lambda c: yuan_to_fen(c.order.amount) if c.order else None),
            S(QCoreApplication.translate("PaymentCasesPanel", "Paid (yuan)"), Y, lambda c: yuan_to_fen(c.order.paid) if c.order and c.order.paid is not None
              else None),
            S(QCoreApplication.translate("PaymentCasesPanel", "Transaction no."), T, lambda c: c.transaction_id),
            S(QCoreApplication.translate("PaymentCasesPanel", "State"), T, case_state),
            S(QCoreApplication.translate("PaymentCasesPanel", "Detail"), T, case_detail)]


class DecisionDialog(FormDialog):
    """Refund a wrong-amount payment to the payer, or credit what was paid to the meter; a reason is required."""

    def __init__(self, ui: UiContext, case: PaymentCase, action: str, parent: QWidget | None = None) -> None:
        title = self.tr("Refund the payment") if action == "refund" else self.tr("Credit the payment to the meter")
        super().__init__(ui, title, parent)
        assert case.order is not None
        self.case, self.action = case, action
        order = case.order
        text = (self.tr("{paid} yuan paid for an order of {amount} yuan (room {room}). It goes back to the payer "
                        "through {provider}.") if action == "refund" else
                self.tr("{paid} yuan paid for an order of {amount} yuan (room {room}). The {paid} yuan actually "
                        "paid is sold to the meter and delivered the normal way."))
        note = QLabel(text.format(paid=order.paid, amount=order.amount, room=order.room,
                                  provider=QCoreApplication.translate("payments", LABELS[order.provider])))
        note.setWordWrap(True)
        self.form.addRow(note)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.add_field("reason", self.tr("Reason"), self.reason)
        self.ok_button.setText(self.tr("Refund") if action == "refund" else self.tr("Credit"))

    def values(self) -> dict[str, Any]:
        return {"reason": self.reason.text()}

    def check(self, values: dict[str, Any]) -> None:
        if not values["reason"].strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A decision needs a reason."), field="reason")

    def submit(self, values: dict[str, Any]) -> Any:
        assert self.ui is not None and self.case.order is not None
        return self.ui.services.payments.resolve(self.ui.actor, self.case.order.order_id, self.action,
                                                 values["reason"])


class PaymentCasesPanel(QWidget):
    """The cases list and its actions; `load()` reads them off the GUI thread."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.model = table_model(case_columns(), lambda at: self.ui.clock.text(at), self)
        self.view = record_table(self.model, "paymentCases")
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._buttons())
        self.count = QLabel()
        self.count.setObjectName("paymentCasesCount")
        self.deliver_button = QPushButton(self.tr("Check the meter / deliver again…"))
        self.refund_button = QPushButton(self.tr("Refund…"))
        self.credit_button = QPushButton(self.tr("Credit to the meter…"))
        self.retry_button = QPushButton(self.tr("Ask for the refund again"))
        self.ack_button = QPushButton(self.tr("Acknowledge…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.deliver_button.clicked.connect(self.deliver_again)
        self.refund_button.clicked.connect(lambda: self.decide("refund"))
        self.credit_button.clicked.connect(lambda: self.decide("credit"))
        self.retry_button.clicked.connect(self.retry_refund)
        self.ack_button.clicked.connect(self.acknowledge)
        self.refresh_button.clicked.connect(self.load)
        bar = QHBoxLayout()
        for b in (self.deliver_button, self.refund_button, self.credit_button, self.retry_button, self.ack_button):
            b.setAutoDefault(False)
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        self.message = QLabel()
        self.message.setObjectName("paymentCasesMessage")
        self.message.setWordWrap(True)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self.dialog: Any = None
        self._buttons()

    # loading ----------------------------------------------------------------------------------------
    def load(self) -> None:
        services, actor = self.ui.services, self.ui.actor
        self.ui.tasks.run(lambda: services.payment_cases.cases(actor), self._loaded, self._failed, owner=self)

    def _loaded(self, cases: list[PaymentCase]) -> None:
        self.model.set_records(cases)
        self.count.setText(self.tr("{count} online payment cases").format(count=len(cases)) if cases else
                           self.tr("No online payment case: every paid order is on its meter or paid back."))
        self._buttons()

    def _failed(self, failure: TaskFailure) -> None:
        show_error(self.error, failure.message)
        self._buttons()

    def selected(self) -> PaymentCase | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _buttons(self) -> None:
        case = self.selected()
        actions = case.actions if case is not None else ()
        can = self.ui.can
        self.deliver_button.setEnabled("deliver_again" in actions and can(Permission.SELL))
        self.refund_button.setEnabled("refund" in actions and can(Permission.APPROVE_REVERSAL))
        self.credit_button.setEnabled("credit" in actions and can(Permission.APPROVE_REVERSAL))
        self.retry_button.setEnabled("retry_refund" in actions and can(Permission.APPROVE_REVERSAL))
        self.ack_button.setEnabled("acknowledge" in actions and can(Permission.ACK_ALARMS))

    def _done(self, text: str) -> None:
        show_error(self.error, "")
        self.message.setText(text)
        self.load()

    # actions ----------------------------------------------------------------------------------------
    def deliver_again(self) -> None:
        """The delivery conflict dialog of the counter: the operator checks the meter, then confirms or re-issues."""
        case = self.selected()
        if case is None or case.command_id is None:
            return
        vending, actor, cid = self.ui.services.vending, self.ui.actor, case.command_id
        self.ui.tasks.run(lambda: vending.delivery(actor, cid), self._open_conflict, self._failed, owner=self)

    def _open_conflict(self, info: Any) -> None:
        self.dialog = ConflictDialog(self.ui, info, self)
        self.dialog.accepted.connect(lambda: self._done(self.tr("The delivery was settled; see its new state.")))
        self.dialog.open()

    def decide(self, action: str) -> None:
        case = self.selected()
        if case is None or case.order is None:
            return
        self.dialog = DecisionDialog(self.ui, case, action, self)
        self.dialog.submitted.connect(lambda view: self._done(self.tr("Order {order}: {state}.").format(
            order=view.order_id[:8], state=_w(ORDER_WORDS.get(view.state, view.state)))))
        self.dialog.open()

    def retry_refund(self) -> None:
        case = self.selected()
        if case is None or case.order is None:
            return
        payments, actor, order_id = self.ui.services.payments, self.ui.actor, case.order.order_id
        self.ui.tasks.run(lambda: payments.retry_refund(actor, order_id),
                          lambda view: self._done(self.tr("Order {order}: {state}.").format(
                              order=view.order_id[:8], state=_w(ORDER_WORDS.get(view.state, view.state)))),
                          self._failed, owner=self)

    def acknowledge(self) -> None:
        case = self.selected()
        if case is None or case.alarm_id is None:
            return
        alarms, actor, alarm_id = self.ui.services.alarms, self.ui.actor, case.alarm_id

        def fetch() -> Any:
            return next((a for a in alarms.active(actor, AlarmKind.PAYMENT) if a.id == alarm_id), None)

        self.ui.tasks.run(fetch, self._open_ack, self._failed, owner=self)

    def _open_ack(self, alarm: Any) -> None:
        if alarm is None:
            self.load()
            return
        self.dialog = AcknowledgeDialog(self.ui, alarm, self)
        self.dialog.acknowledged.connect(lambda _a: self._done(self.tr("The difference is acknowledged.")))
        self.dialog.open()


ORDER_WORDS = {
    "refunding": QT_TRANSLATE_NOOP("PaymentCasesPanel", "refund under way"),
    "refunded": QT_TRANSLATE_NOOP("PaymentCasesPanel", "paid back to the payer"),
    "credited": QT_TRANSLATE_NOOP("PaymentCasesPanel", "credited to the meter"),
    "held": QT_TRANSLATE_NOOP("PaymentCasesPanel", "waiting for a decision"),
}

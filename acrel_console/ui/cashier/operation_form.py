"""The one form of 售电 / 退电 / 冲正 (ACREL-3200-UX): amount, payment method, remark; in reversal mode also
the original sale, a reason and the supervisor's second login. Enter submits; the services decide."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTabBar,
                               QVBoxLayout, QWidget)

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, PermissionDenied, UserError, ValidationError
from acrel_console.domain.roles import Permission
from acrel_console.services.money_common import OperationResult
from acrel_console.services.operators import LoginFailed
from acrel_console.ui.amount_validator import attach as amount_field
from acrel_console.ui.cashier.labels import METHODS, delivery_label, method_label
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.cashier.operation_presenter import MODES, FormValues, OperationPresenter, OperationRequest
from acrel_console.ui.cashier.receipt_lines import local_time
from acrel_console.ui.cashier.sale_choices import SaleChoice, open_sales
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import error_label, show_error
from acrel_console.ui.messages import error_message
from acrel_console.ui.tasks import TaskFailure

REVERSAL_FIELDS = ("sale", "reason", "approver_name", "approver_password")


class OperationForm(QWidget):
    """Sale, refund or reversal on the chosen meter. `operation_done(OperationResult)` after success."""

    operation_done = Signal(object)
    mode_changed = Signal(str)

    def __init__(self, ui: UiContext, parent: QWidget | None = None, *, modes: tuple[str, ...] = MODES) -> None:
        super().__init__(parent)
        self.ui = ui
        self.presenter = OperationPresenter()
        self.busy = False
        self.zone = "Asia/Shanghai"
        self.choices: list[SaleChoice] = []
        self._wanted_sale: str | None = None
        self.last_result: OperationResult | None = None
        self._modes = modes
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabBar()
        self.tabs.setObjectName("modeTabs")
        for mode in modes:
            self.tabs.addTab(self._mode_title(mode))
        self.tabs.currentChanged.connect(lambda i: self.set_mode(self._modes[i]))
        layout.addWidget(self.tabs)
        self.tabs.setVisible(len(modes) > 1)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)
        self.errors: dict[str, QLabel] = {}
        self.sale = QComboBox()
        self.sale.setEditable(True)  # pick from the meter's sales, or type a receipt number / operation id
        self.sale.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason = QLineEdit()
        self.approver_name = QLineEdit()
        self.approver_password = QLineEdit()
        self.approver_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.amount = amount_field(QLineEdit())
        self.amount.setPlaceholderText("0.00")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.method = QComboBox()
        for m in METHODS:
            self.method.addItem(method_label(m), m)
        self.remark = QLineEdit()
        self.amount_caption = QLabel()
        self._row("sale", QLabel(self.tr("Original sale")), self.sale)
        self._row("amount", self.amount_caption, self.amount)
        self._row("method", QLabel(self.tr("Payment method")), self.method)
        self._row("remark", QLabel(self.tr("Remark")), self.remark)
        self._row("reason", QLabel(self.tr("Reason")), self.reason)
        self._row("approver_name", QLabel(self.tr("Supervisor")), self.approver_name)
        self._row("approver_password", QLabel(self.tr("Supervisor password")), self.approver_password)
        self.approver_name.setPlaceholderText(self.tr("A supervisor signs in here to approve"))
        self.general_error = error_label()
        self.general_error.setObjectName("operationError")
        layout.addWidget(self.general_error)
        self.info = QLabel()
        self.info.setObjectName("operationInfo")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.submit_button = QPushButton()
        self.submit_button.setObjectName("submitOperation")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        bar.addWidget(self.submit_button)
        layout.addLayout(bar)
        for edit in (self.amount, self.remark, self.reason, self.approver_name, self.approver_password):
            edit.returnPressed.connect(self.submit)
            edit.textEdited.connect(lambda _t: self._clear_errors())
        self.sale.currentIndexChanged.connect(self._sale_chosen)
        self.sale.editTextChanged.connect(lambda _t: self._sale_chosen())
        for i, mode in enumerate(modes):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, lambda i=i: self.tabs.setCurrentIndex(i))
        self.set_mode(modes[0])
        self.set_meter(None)

    # ---- building -----------------------------------------------------------------------------
    def _row(self, key: str, caption: QLabel, editor: QWidget) -> None:
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        inner.addWidget(editor)
        err = error_label()
        err.setObjectName(f"error_{key}")
        inner.addWidget(err)
        editor.setObjectName(f"field_{key}")
        self.form.addRow(caption, box)
        self.errors[key] = err

    def _mode_title(self, mode: str) -> str:
        return {"sale": self.tr("Sell"), "refund": self.tr("Refund"), "reversal": self.tr("Reverse")}[mode]

    # ---- state --------------------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return self.presenter.mode

    def set_mode(self, mode: str) -> None:
        self.presenter.set_mode(mode)
        if self.tabs.currentIndex() != self._modes.index(mode):
            self.tabs.setCurrentIndex(self._modes.index(mode))
        reversal = mode == "reversal"
        for key in REVERSAL_FIELDS:
            self.form.setRowVisible(self.errors[key].parentWidget(), reversal)
        self.form.setRowVisible(self.errors["remark"].parentWidget(), not reversal)
        self.method.setEnabled(not reversal)  # a reversal pays back through the sale's own method
        self.amount_caption.setText({"sale": self.tr("Sale amount (yuan)"), "refund": self.tr("Refund amount (yuan)"),
                                     "reversal": self.tr("Reversal amount (yuan)")}[mode])
        self.amount.setPlaceholderText(self.tr("whole open amount") if reversal else "0.00")
        self.submit_button.setText({"sale": self.tr("Sell (Enter)"), "refund": self.tr("Refund (Enter)"),
                                    "reversal": self.tr("Reverse (Enter)")}[mode])
        self._clear_errors()
        self.info.setText("")
        if reversal:
            self.load_sales()
        self.mode_changed.emit(mode)

    def set_meter(self, meter_id: int | None) -> None:
        changed = meter_id != self.presenter.meter_id
        self.presenter.set_meter(meter_id)
        self.submit_button.setEnabled(meter_id is not None and not self.busy)
        if changed:
            self._clear_errors()
            self.choices = []
            self.sale.clear()
            if self.mode == "reversal":
                self.load_sales()

    def preset_sale(self, operation_id: str) -> None:
        """Reversal of this sale (chosen on the records page): selected once the meter's sales are loaded."""
        self._wanted_sale = operation_id
        self._select_wanted()

    def focus_amount(self) -> None:
        self.amount.setFocus(Qt.FocusReason.OtherFocusReason)
        self.amount.selectAll()

    # ---- reversal: the original sale ----------------------------------------------------------
    def load_sales(self) -> None:
        meter_id = self.presenter.meter_id
        if meter_id is None:
            return
        money, actor, zone = money_services(self.ui.services), self.ui.actor, self.ui.clock.zone_name

        def fetch() -> tuple[list[SaleChoice], str]:
            return open_sales(money, actor, meter_id), zone

        self.ui.tasks.run(fetch, lambda r: self._sales_loaded(meter_id, *r), self._show_failure, owner=self)

    def _sales_loaded(self, meter_id: int, choices: list[SaleChoice], zone: str) -> None:
        if meter_id != self.presenter.meter_id:
            return
        self.zone = zone
        self.choices = choices
        self.sale.blockSignals(True)
        self.sale.clear()
        for c in choices:
            text = self.tr("{receipt} · {at} · {amount} yuan, open {open} · {method} · {state}").format(
                receipt=c.receipt_no or c.operation_id[:8], at=local_time(c.at, zone), amount=c.amount,
                open=c.open_amount, method=method_label(c.method), state=delivery_label(c.delivery_state) or "—")
            self.sale.addItem(text, c.operation_id)
        self.sale.blockSignals(False)
        if not choices:
            show_error(self.errors["sale"], self.tr("This meter has no sale that can still be reversed."))
        self._select_wanted()
        self._sale_chosen()

    def _select_wanted(self) -> None:
        if self._wanted_sale is None or not self.choices:
            return
        index = self.sale.findData(self._wanted_sale)
        if index >= 0:
            self.sale.setCurrentIndex(index)
            self._wanted_sale = None

    def _sale_chosen(self) -> None:
        choice = self.current_choice()
        self.presenter.open_amount = choice.open_amount if choice else None
        if choice is not None:
            self.method.setCurrentIndex(max(0, self.method.findData(choice.method)))

    def current_choice(self) -> SaleChoice | None:
        oid = self.chosen_sale_id()
        return next((c for c in self.choices if c.operation_id == oid), None)

    def chosen_sale_id(self) -> str:
        """The sale picked in the list, or what was typed: a listed receipt number, else an operation id."""
        text = self.sale.currentText().strip()
        index = self.sale.currentIndex()
        if index >= 0 and self.sale.itemText(index) == self.sale.currentText():
            return str(self.sale.itemData(index))
        typed = next((c.operation_id for c in self.choices if text in (c.receipt_no, c.operation_id)), None)
        return typed or text

    # ---- submitting ---------------------------------------------------------------------------
    def values(self) -> FormValues:
        return FormValues(self.amount.text(), str(self.method.currentData()), self.remark.text(),
                          self.chosen_sale_id(), self.reason.text(), self.approver_name.text(),
                          self.approver_password.text())

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            show_error(label, "")
        show_error(self.general_error, "")

    def submit(self) -> None:
        """Check the form, then call the service off the GUI thread (same operation id on a retry)."""
        if self.busy:
            return
        self._clear_errors()
        try:
            request = self.presenter.check(self.values())
        except UserError as err:
            self._show_error(err)
            return
        op_id = self.presenter.operation_id()
        self.busy = True
        self.submit_button.setEnabled(False)
        self.info.setText(self.tr("Working…"))
        services, money, actor = self.ui.services, money_services(self.ui.services), self.ui.actor
        call = _service_call(services, money, actor, request, op_id)
        self.ui.tasks.run(call, self._done, self._failed, owner=self)

    def _done(self, result: OperationResult) -> None:
        self.busy = False
        self.presenter.succeeded()
        self.last_result = result
        self.submit_button.setEnabled(self.presenter.meter_id is not None)
        self.amount.clear()
        self.remark.clear()
        self.reason.clear()
        self.approver_password.clear()
        self.info.setText(describe_result(result))
        self.operation_done.emit(result)
        if self.mode == "reversal":
            self.load_sales()

    def _failed(self, failure: TaskFailure) -> None:
        self.busy = False
        self.submit_button.setEnabled(self.presenter.meter_id is not None)
        self.info.setText(self.tr("Not done. Correct and press Enter again: the same operation is retried, "
                                  "never made twice.") if not isinstance(failure.error, ValidationError) else "")
        if isinstance(failure.error, UserError):
            self._show_error(failure.error)
        else:
            show_error(self.general_error, failure.message)

    def _show_failure(self, failure: TaskFailure) -> None:
        show_error(self.general_error, failure.message)

    def _show_error(self, err: UserError) -> None:
        field = getattr(err, "field", None) or ""
        if field == "approver":
            field = "approver_name"
        if field in ("id",):
            field = ""
        if not field and self.mode == "reversal" and isinstance(err, (LoginFailed, PermissionDenied)):
            field = "approver_name"  # the second login failed or lacks the approval right
        target = self.errors.get(field)
        if target is None or not self.form.isRowVisible(target.parentWidget()):
            target = self.general_error
        show_error(target, error_message(err))
        editor = {"amount": self.amount, "reason": self.reason, "approver_name": self.approver_name,
                  "approver_password": self.approver_password}.get(field)
        if editor is not None:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)


def _service_call(services: Any, money: Any, actor: Any, r: OperationRequest, op_id: str) -> Any:
    def call() -> OperationResult:
        if r.mode == "sale":
            return money.vending.sell(actor, r.meter_id, r.amount, r.method, sale_id=op_id, remark=r.remark)
        if r.mode == "refund":
            return money.vending.refund(actor, r.meter_id, r.amount, r.method, refund_id=op_id, reason=r.remark)
        sale = money.vending.get_operation(actor, r.sale_id)
        if sale.kind != "sale" or sale.meter_id != r.meter_id:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Operation {id} is not a sale of this meter: choose the meter it was sold to first."),
                field="sale", id=r.sale_id)
        approver = services.operators.verify_approver(actor, r.approver_name, r.approver_password,
                                                      Permission.APPROVE_REVERSAL)
        return money.vending.reverse(actor, r.sale_id, approver, r.reason, r.amount, reversal_id=op_id)

    return call


def describe_result(r: OperationResult) -> str:
    """One line about what the service did, for the cashier."""
    from PySide6.QtCore import QCoreApplication

    if r.duplicate:
        head = QCoreApplication.translate("OperationForm", "Already done earlier (same operation): nothing was made twice.")
    else:
        head = {"sale": QCoreApplication.translate("OperationForm", "Sold {amount} yuan."), "refund": QCoreApplication.translate("OperationForm", "Refunded {amount} yuan."),
                "reversal": QCoreApplication.translate("OperationForm", "Reversed {amount} yuan.")}.get(r.kind, QCoreApplication.translate("OperationForm", "Done: {amount} yuan.")).format(
            amount=r.amount)
    parts = [head]
    if r.cancelled_command_id:
        parts.append(QCoreApplication.translate("OperationForm", "The sale's delivery had not been sent: it is cancelled, nothing reaches the meter."))
    elif r.kind in ("refund", "reversal") and r.command_id:
        parts.append(QCoreApplication.translate("OperationForm", "A negative credit of {amount} yuan is being delivered to the meter.").format(amount=r.amount))
    elif r.command_id:
        parts.append(QCoreApplication.translate("OperationForm", "Delivering to the meter…"))
    if r.receipt_no:
        parts.append(QCoreApplication.translate("OperationForm", "Receipt {no}.").format(no=r.receipt_no))
    return " ".join(parts)

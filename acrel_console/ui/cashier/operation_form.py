"""The one form of 售电 / 退电 / 冲正 (ACREL-3200-UX): amount, payment method, remark; in reversal mode also
the original sale, a reason and the supervisor's second login. Enter submits; the services decide."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QTabBar, QVBoxLayout, QWidget)

from acrel_console.domain.amount_input import AmountError, parse_amount
from acrel_console.domain.errors import QT_TRANSLATE_NOOP, PermissionDenied, UserError, ValidationError
from acrel_console.domain.meter_identity import meter_number
from acrel_console.domain.roles import Permission
from acrel_console.services.money_common import OperationResult
from acrel_console.services.operators import LoginFailed
from acrel_console.ui.amount_validator import attach as amount_field
from acrel_console.ui.cashier.card_data import MeterCard
from acrel_console.ui.cashier.labels import METHODS, delivery_label, method_label
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.cashier.operation_presenter import (CONFIRM_CONTEXT, MODES, FormValues, OperationPresenter,
                                                          OperationRequest)
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
        self.target: MeterCard | None = None  # the card of the chosen meter, once loaded
        self.confirm_box: QMessageBox | None = None  # the last "are you sure" question (tests answer it)
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
        # What the next Enter does, in words: the amount as understood, the tenant, the room and the meter number.
        self.confirm_line = QLabel()
        self.confirm_line.setObjectName("confirmLine")
        self.confirm_line.setWordWrap(True)
        font = self.confirm_line.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.confirm_line.setFont(font)
        bar = QHBoxLayout()
        bar.addWidget(self.confirm_line, 1)
        self.submit_button = QPushButton()
        self.submit_button.setObjectName("submitOperation")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        bar.addWidget(self.submit_button)
        layout.addLayout(bar)
        for edit in (self.amount, self.remark, self.reason, self.approver_name, self.approver_password):
            edit.returnPressed.connect(self.submit)
            edit.textEdited.connect(lambda _t: self._clear_errors())
        self.amount.textChanged.connect(lambda _t: self.update_confirm_line())
        self.sale.currentIndexChanged.connect(self._sale_chosen)
        self.sale.editTextChanged.connect(lambda _t: self._sale_chosen())
        set_tab_chain(self.tab_chain())  # top to bottom in every mode (the widgets were made in another order)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # modes switch with Ctrl+1/2/3, not a Tab stop
        self.set_mode(modes[0])
        self.set_meter(None)

    # ---- building -----------------------------------------------------------------------------
    def tab_chain(self) -> list[QWidget]:
        """The form's fields in Tab order (hidden and disabled ones are skipped by Qt)."""
        return [self.sale, self.amount, self.method, self.remark, self.reason, self.approver_name,
                self.approver_password, self.submit_button]

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
        self.update_confirm_line()
        self.mode_changed.emit(mode)

    def set_meter(self, meter_id: int | None) -> None:
        changed = meter_id != self.presenter.meter_id
        self.presenter.set_meter(meter_id)
        self.submit_button.setEnabled(meter_id is not None and not self.busy)
        if changed:
            self._clear_errors()
            self.target = None
            self.choices = []
            self.sale.clear()
            if self.mode == "reversal":
                self.load_sales()
        self.update_confirm_line()

    def set_target(self, card: MeterCard | None) -> None:
        """The loaded card of the chosen meter: who and where the next Enter sells to."""
        if card is not None and card.meter_id != self.presenter.meter_id:
            return
        self.target = card
        self.update_confirm_line()

    def understood_amount(self) -> str:
        """The typed amount as the one parser reads it ('１００' -> '100.00'), or '' when it does not parse."""
        try:
            return f"{parse_amount(self.amount.text()).value:,.2f}"
        except AmountError:
            return ""

    def update_confirm_line(self) -> None:
        self.confirm_line.setText(self.confirm_text())

    def who_text(self) -> str:
        """'Li Si · room R101 · meter no. M0001' for the meter the form works on ('' while it loads)."""
        card = self.target
        if card is None:
            return ""
        return self.tr("{tenant} · room {room} · meter no. {meter}").format(
            tenant=card.tenant_name or "—", room=card.room or "—", meter=meter_number(card.meter_no))

    def confirm_text(self) -> str:
        """'Sell 50.00 yuan to Li Si · room R101 · meter no. M0001' (what Enter does), for the current mode."""
        if self.presenter.meter_id is None:
            return self.tr("No meter chosen: find the tenant, pick one meter.")
        card = self.target
        if card is None:
            return self.tr("Loading the meter…")
        who = self.who_text()
        amount = self.understood_amount()
        if self.mode == "reversal" and not amount:
            text = self.tr("Reverse the chosen sale of {who}").format(who=who)
        elif not amount:
            text = {"sale": self.tr("Sell to {who}: type the amount"),
                    "refund": self.tr("Refund from {who}: type the amount"),
                    "reversal": self.tr("Reverse the chosen sale of {who}")}[self.mode].format(who=who)
        else:
            text = {"sale": self.tr("Sell {amount} yuan to {who}"),
                    "refund": self.tr("Refund {amount} yuan from {who}"),
                    "reversal": self.tr("Reverse {amount} yuan of the sale to {who}")}[self.mode].format(
                amount=amount, who=who)
        if card.offline and self.mode == "sale":
            text += " — " + self.tr("meter offline")
        return text

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
        """Check the form, ask once more when the site wants it (large amount, offline meter), then call the
        service off the GUI thread (same operation id on a retry)."""
        if self.busy or (self.confirm_box is not None and self.confirm_box.isVisible()):
            return
        self._clear_errors()
        try:
            request = self.presenter.check(self.values())
        except UserError as err:
            self._show_error(err)
            return
        card = self.target
        if card is None or card.meter_id != request.meter_id:
            show_error(self.general_error, self.tr("The meter's card is still loading: press Enter again."))
            return
        reasons = self.presenter.confirm_reasons(request, offline=card.offline, confirm_above=card.confirm_above)
        if reasons:
            self._ask(request, [QCoreApplication.translate(CONFIRM_CONTEXT, r.template).format(**r.params)
                                for r in reasons])
            return
        self._send(request)

    def _ask(self, request: OperationRequest, reasons: list[str]) -> None:
        """One window-modal question; Enter and Esc answer No, Y (or Tab, Enter) answers yes."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Please confirm"),
                          self.confirm_text() + "\n\n" + "\n".join(reasons), QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("confirmOperation")
        yes = box.addButton(self.tr("&Yes, go ahead"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(self.tr("No, correct it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        self.confirm_box = box

        def finished() -> None:
            confirmed = box.clickedButton() is yes
            box.deleteLater()
            if self.confirm_box is box:
                self.confirm_box = None
            if confirmed and request.meter_id == self.presenter.meter_id:
                self._send(request)
            else:
                self.focus_amount()

        box.finished.connect(finished)
        box.open()

    def _send(self, request: OperationRequest) -> None:
        op_id = self.presenter.operation_id()
        self.busy = True
        self.submit_button.setEnabled(False)
        self.info.setText(self.tr("Working…"))
        services, money, actor = self.ui.services, money_services(self.ui.services), self.ui.actor
        call = _service_call(services, money, actor, request, op_id)
        if request.mode == "sale" and request.method in ("wechat", "alipay"):  # 扫码支付 (issue 17)
            from acrel_console.ui.cashier.payment_hook import scan_to_pay

            scan_to_pay(self, request, call)
            return
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


def set_tab_chain(widgets: list[QWidget]) -> None:
    """Make Tab go through `widgets` in this order."""
    for first, second in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(first, second)


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
    elif r.awaiting_meter:
        head = {"refund": QCoreApplication.translate(
                    "OperationForm", "Refund of {amount} yuan asked of the meter: pay it out only when the meter "
                                     "confirms (the receipt prints then)."),
                "reversal": QCoreApplication.translate(
                    "OperationForm", "Reversal of {amount} yuan asked of the meter: pay it out only when the meter "
                                     "confirms (the receipt prints then).")}.get(
            r.kind, QCoreApplication.translate("OperationForm", "Done: {amount} yuan.")).format(amount=r.amount)
        return head
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


def describe_return(r: OperationResult, who: str) -> str:
    """One line once the meter answered a refund/reversal asked earlier: whose, and what the cashier pays out
    (the cashier may be serving another tenant by then)."""
    from PySide6.QtCore import QCoreApplication

    tr = QCoreApplication.translate
    text = _return_text(r, tr)
    return tr("OperationForm", "{who}: {what}").format(who=who, what=text) if who else text


def _return_text(r: OperationResult, tr: Any) -> str:
    if r.outcome == "returned":
        text = {"refund": tr("OperationForm", "The meter confirmed the refund of {amount} yuan: pay out {paid} yuan."),
                "reversal": tr("OperationForm", "The meter confirmed the reversal of {amount} yuan: pay out {paid} "
                                                "yuan.")}.get(r.kind, tr("OperationForm", "The meter confirmed: pay out "
                                                                                           "{paid} yuan."))
        text = text.format(amount=r.amount, paid=r.returned)
        if r.receipt_no:
            text += " " + tr("OperationForm", "Receipt {no}.").format(no=r.receipt_no)
        return text
    if r.outcome == "nothing":
        return tr("OperationForm", "The meter had nothing to give back for the {amount} yuan asked: pay nothing "
                                   "out.").format(amount=r.amount)
    return tr("OperationForm", "The meter refused to give back {amount} yuan: pay nothing out (the alarm says "
                               "why).").format(amount=r.amount)

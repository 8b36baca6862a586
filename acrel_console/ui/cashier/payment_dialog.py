"""微信扫码支付 / 支付宝扫码支付 at the counter: the QR with the amount, the order followed by active query until it
is paid (sale booked, then delivered to the meter), expired, or cancelled by the cashier. Every service call runs
off the GUI thread; the sale itself is booked by the payment service, exactly once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from acrel_console.services.payments import OrderView
from acrel_console.ui.cashier.qr_widget import QrWidget
from acrel_console.ui.tasks import TaskFailure

POLL_MS = 2000
PROVIDER_TITLES = {"wechat": "WeChat Pay", "alipay": "Alipay"}


class PaymentDialog(QDialog):
    """Follows one order. `finished_order` carries the last OrderView when the dialog closes."""

    order_changed = Signal(object)

    def __init__(self, ui: Any, order: OrderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.order = order
        self._asking = False
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Scan to pay"))
        self.setModal(True)
        title = {"wechat": self.tr("WeChat Pay"), "alipay": self.tr("Alipay")}[order.provider]
        self.provider = QLabel(title)
        self.provider.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.amount = QLabel(self.tr("{amount} yuan").format(amount=f"{order.amount:,.2f}"))
        self.amount.setObjectName("paymentAmount")
        font = QFont(self.amount.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.amount.setFont(font)
        self.amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.meter = QLabel(self.tr("Room {room}").format(room=order.room))
        self.meter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = QrWidget()
        self.qr.set_payload(order.qr_payload)
        self.status = QLabel()
        self.status.setObjectName("paymentStatus")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cancel_button = QPushButton(self.tr("Cancel order"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_order)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for w in (self.provider, self.amount, self.meter):
            layout.addWidget(w)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(420, 600)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.ask)
        self.show_order(order)

    # following --------------------------------------------------------------------------------------
    def start(self) -> None:
        """Ask at once (the first query right after the QR is shown), then every POLL_MS."""
        self.ask()
        self.timer.start()

    def ask(self) -> None:
        if self._asking:
            return
        self._asking = True
        payments, order_id = self.ui.services.payments, self.order.order_id
        done = self.order.state in ("paid", "credited")
        call = (lambda: payments.view(order_id)) if done else (lambda: payments.confirm(order_id))
        self.ui.tasks.run(call, self._answered, self._failed, owner=self)

    def _answered(self, order: OrderView) -> None:
        self._asking = False
        self.show_order(order)

    def _failed(self, failure: TaskFailure) -> None:
        self._asking = False
        self.status.setText(self.tr("Cannot ask the provider now ({error}); trying again.").format(error=failure.message))

    def cancel_order(self) -> None:
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Cancelling…"))
        payments, actor, order_id = self.ui.services.payments, self.ui.actor, self.order.order_id
        self.ui.tasks.run(lambda: payments.cancel(actor, order_id), self._answered, self._failed, owner=self)

    def show_order(self, order: OrderView) -> None:
        self.order = order
        final = True
        if order.open:
            final = False
            left = max(0, int((order.expires_at - self.ui.clock.now()).total_seconds()))
            self.status.setText(self.tr("Waiting for the payment… the QR is valid for {min}:{sec:02d} more.")
                                .format(min=left // 60, sec=left % 60))
        elif order.state in ("paid", "credited"):
            if order.delivered:
                self.status.setText(self.tr("Paid. Sale booked (receipt {no}) and delivered to the meter.")
                                    .format(no=order.receipt_no or "—"))
            else:
                final = False
                self.status.setText(self.tr("Paid. Sale booked (receipt {no}); delivering to the meter…")
                                    .format(no=order.receipt_no or "—"))
        elif order.state == "held":
            self.status.setText(self.tr("Paid {paid} yuan, not the {amount} yuan asked: nothing was credited; a "
                                        "supervisor decides.").format(paid=order.paid, amount=order.amount))
        elif order.state in ("refunding", "refunded"):
            self.status.setText(self.tr("Paid, but the meter cannot take it: the payment is refunded to the payer."))
        elif order.state == "expired":
            self.status.setText(self.tr("The order expired unpaid."))
        elif order.state == "cancelled":
            self.status.setText(self.tr("Cancelled: nothing was paid."))
        else:
            self.status.setText(self.tr("The provider did not take the order: {error}").format(error=order.error))
        self.status.setProperty("state", order.state)
        self.cancel_button.setVisible(order.open)
        self.close_button.setVisible(not order.open)
        self.qr.setVisible(order.open)  # a QR is shown only while it can still be paid
        if final:
            self.timer.stop()
        self.order_changed.emit(order)

    def done(self, result: int) -> None:  # noqa: D102 - Qt override: stop asking once closed
        self.timer.stop()
        super().done(result)

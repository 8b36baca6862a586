"""The sale flow's hook for 微信扫码支付 / 支付宝扫码支付: where the site has the provider set up, the sale becomes an
online order shown as a QR (PaymentDialog) and is booked by the payment service when paid; where it has not,
the method stays what it was before issue 17, a label on an ordinary sale (e.g. a shop's own static QR)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from acrel_console.ui.cashier.payment_dialog import PaymentDialog


def scan_to_pay(form: Any, request: Any, plain_sale: Callable[[], Any]) -> None:
    """Start the order (or the plain sale) off the GUI thread; open the dialog for an order; when it closes,
    hand the booked sale (if any) to the form as its result."""
    services, actor = form.ui.services, form.ui.actor

    def call() -> tuple[str, Any]:
        if request.method in services.payments.providers():
            return "order", services.payments.start_counter(actor, request.meter_id, request.amount, request.method)
        return "sale", plain_sale()

    def started(outcome: tuple[str, Any]) -> None:
        kind, value = outcome
        if kind == "sale":
            form._done(value)
            return
        dialog = PaymentDialog(form.ui, value, form)
        form.payment_dialog = dialog

        def closed(_code: int) -> None:
            order = dialog.order
            form.payment_dialog = None
            dialog.deleteLater()
            if order.state in ("paid", "credited") and order.operation_id:
                form.ui.tasks.run(lambda: services.vending.get_operation(actor, order.operation_id), form._done,
                                  form._failed, owner=form)
            else:
                form.busy = False
                form.submit_button.setEnabled(form.presenter.meter_id is not None)
                form.info.setText(dialog.status.text())

        dialog.finished.connect(closed)
        dialog.open()
        dialog.start()

    form.ui.tasks.run(call, started, form._failed, owner=form)

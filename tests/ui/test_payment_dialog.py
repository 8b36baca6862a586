"""The counter's 微信扫码支付 / 支付宝扫码支付 (issue 17): a sale with the method set opens the QR dialog with the
amount; the payer pays at the WeChat/Alipay stand-in; the dialog's own queries find it; the sale is booked once
and delivered to the simulated meter. With ACREL_SCREENSHOTS=DIR the dialog is saved in zh_CN and en."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from acrel_console import i18n
from acrel_console.domain.payments import out_trade_no
from acrel_console.services.payment_config import check_fields, make_client
from acrel_console.services.payments import PaymentService
from acrel_console.ui.fonts import setup_fonts
from tests.payments.standins import AlipayStandIn, WeChatStandIn
from tests.ui.conftest import settle
from tests.ui.test_cashier_world import World, world  # noqa: F401 - fixture


def _enter(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    """Enter on the amount; a 'please confirm' question (a meter not read yet) is answered yes."""
    from PySide6.QtWidgets import QMessageBox

    qtbot.keyClick(page.form.amount, Qt.Key.Key_Return)
    box = page.form.confirm_box
    if box is not None:
        yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
        yes.click()


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    out = os.environ.get("ACREL_SCREENSHOTS")
    if out:
        target = Path(out if out != "1" else "screenshots")
        target.mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(target / f"{name}.png"))


@pytest.mark.parametrize(("provider", "lang"), [("wechat", "zh_CN"), ("alipay", "en")])
def test_scan_to_pay_at_the_counter(qtbot, qapp, make_ui, world: World, provider: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.ui.pages.cashier_page import CashierPage

    clock = world.services.ctx.clock
    stand = WeChatStandIn(clock) if provider == "wechat" else AlipayStandIn(clock)
    world.services.payments = PaymentService(world.services.ctx, {
        provider: make_client(provider, check_fields(provider, stand.config_fields()), clock)})
    i18n.install_translator(lang)
    setup_fonts(qapp, lang)
    try:
        ui = make_ui(world.cashier)
        page = CashierPage(ui)
        qtbot.addWidget(page)
        page.resize(1280, 760)
        page.show()
        page.activated()
        qtbot.keyClicks(page.search.box, "R101")
        qtbot.keyClick(page.search.box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.card.card is not None, timeout=10_000)
        page.form.method.setCurrentIndex(page.form.method.findData(provider))
        qtbot.keyClicks(page.form.amount, "100")
        _enter(qtbot, page)
        qtbot.waitUntil(lambda: getattr(page.form, "payment_dialog", None) is not None, timeout=10_000)
        dialog = page.form.payment_dialog
        assert dialog.qr.payload and "100.00" in dialog.amount.text()
        settle(ui)
        _shot(dialog, f"payment_qr_{provider}_{lang}")
        stand.pay(out_trade_no(dialog.order.order_id), notify=False)  # no callback: the dialog's query finds it
        qtbot.waitUntil(lambda: dialog.order.delivered, timeout=20_000)
        _shot(dialog, f"payment_paid_{provider}_{lang}")
        assert dialog.close_button.isVisible() and not dialog.cancel_button.isVisible()
        dialog.accept()
        qtbot.waitUntil(lambda: page.form.last_result is not None, timeout=10_000)
        assert page.form.last_result.kind == "sale" and page.form.last_result.amount == 100
        m = world.sim.meter(1)
        assert (m.total_purchased_fen, m.purchase_count) == (10_000, 1)
        summary = world.money.shifts.current(world.cashier)
        assert summary is not None and summary.sales_by_method[provider] == 100
    finally:
        stand.stop()
        i18n.install_translator("en")


def test_cancel_an_unpaid_order_at_the_counter(qtbot, qapp, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.ui.pages.cashier_page import CashierPage

    clock = world.services.ctx.clock
    stand = WeChatStandIn(clock)
    world.services.payments = PaymentService(world.services.ctx, {
        "wechat": make_client("wechat", check_fields("wechat", stand.config_fields()), clock)})
    try:
        ui = make_ui(world.cashier)
        page = CashierPage(ui)
        qtbot.addWidget(page)
        page.show()
        page.activated()
        qtbot.keyClicks(page.search.box, "R101")
        qtbot.keyClick(page.search.box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.card.card is not None, timeout=10_000)
        page.form.method.setCurrentIndex(page.form.method.findData("wechat"))
        qtbot.keyClicks(page.form.amount, "30")
        _enter(qtbot, page)
        qtbot.waitUntil(lambda: getattr(page.form, "payment_dialog", None) is not None, timeout=10_000)
        dialog = page.form.payment_dialog
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.order.state == "cancelled", timeout=10_000)
        assert stand.orders[out_trade_no(dialog.order.order_id)].state == "CLOSED"
        dialog.accept()
        qtbot.waitUntil(lambda: not page.form.busy, timeout=5_000)
        assert page.form.last_result is None and world.sim.meter(1).purchase_count == 0
    finally:
        stand.stop()


"""Online payment end to end (issue 17): orders with the WeChat Pay and Alipay stand-ins on loopback, confirmed
by query or notification, sold through the normal delivery path to simulated meters over Modbus-TCP. Every test
ends with the ledger check passing and each simulated meter holding each paid amount exactly once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from acrel_console.domain.errors import ValidationError
from acrel_console.domain.payments import sale_id_for
from acrel_console.storage.tables.alarms import AlarmRow
from acrel_console.storage.tables.ledger import OperationRow
from acrel_console.storage.tables.operators import AuditRow
from acrel_console.storage.tables.payments import PaymentNotificationRow
from tests.payments.conftest import PayWorld

PROVIDERS = ["wechat", "alipay"]


def _on_meter(pw: PayWorld, meter_id: int, fen: int, count: int) -> None:
    """The simulated meter received exactly these credits (its own counters, read from the simulator)."""
    m = pw.sim_meter(meter_id)
    assert (m.total_purchased_fen, m.purchase_count, m.remaining_fen) == (fen, count, fen)


def _ops(pw: PayWorld, kind: str) -> list:  # type: ignore[type-arg]
    with pw.ctx.read() as s:
        return list(s.execute(select(OperationRow.id, OperationRow.kind, OperationRow.method, OperationRow.amount_fen,
                                     OperationRow.operator_name).where(OperationRow.kind == kind)).all())


@pytest.mark.parametrize("provider", PROVIDERS)
def test_paid_order_becomes_one_sale_delivered_to_the_meter(pw: PayWorld, provider: str) -> None:
    m = pw.meters[0]
    order = pw.payments.start_counter(pw.cashier, m, "50.00", provider)
    assert order.state == "open" and order.qr_payload and order.amount == 50
    assert pw.payments.confirm(order.order_id).state == "open"  # asked right after the QR is shown: not paid
    pw.standin(provider).pay(pw.trade_no(order.order_id))  # the notification reaches the callback
    view = pw.payments.view(order.order_id)
    assert view.state == "paid" and view.delivery == "pending" and view.receipt_no
    assert pw.payments.confirm(order.order_id).state == "paid"  # a later query changes nothing
    pw.deliver()
    view = pw.payments.view(order.order_id)
    assert view.delivered and view.delivery == "delivered"
    [sale] = _ops(pw, "sale")
    assert (sale.id, sale.method, sale.amount_fen, sale.operator_name) == (
        sale_id_for(provider, view.transaction_id or ""), provider, 5000, "cash1")
    _on_meter(pw, m, 5000, 1)
    pw.ledger_ok()


@pytest.mark.parametrize("provider", PROVIDERS)
def test_lost_notification_is_found_by_query(pw: PayWorld, provider: str) -> None:
    m = pw.meters[0]
    order = pw.payments.start_counter(pw.cashier, m, "20", provider)
    pw.standin(provider).pay(pw.trade_no(order.order_id), notify=False)  # the callback never hears of it
    pw.clock.now += timedelta(seconds=5)
    assert pw.payments.sweep() == 1  # the schedule's next query finds it paid
    assert pw.payments.view(order.order_id).state == "paid"
    pw.deliver()
    _on_meter(pw, m, 2000, 1)
    pw.ledger_ok()


@pytest.mark.parametrize("provider", PROVIDERS)
def test_unpaid_order_expires_and_is_closed_at_the_provider(pw: PayWorld, provider: str) -> None:
    order = pw.payments.start_counter(pw.cashier, pw.meters[0], "30", provider)
    for _ in range(3):
        pw.clock.now += timedelta(seconds=5)
        pw.payments.sweep()
    assert pw.payments.view(order.order_id).state == "open"
    pw.clock.now += timedelta(minutes=11)
    pw.payments.sweep()
    view = pw.payments.view(order.order_id)
    assert view.state == "expired" and view.transaction_id is None
    if provider == "wechat":
        assert pw.wechat.orders[pw.trade_no(order.order_id)].state == "CLOSED"
    assert _ops(pw, "sale") == []
    pw.deliver()
    _on_meter(pw, pw.meters[0], 0, 0)
    pw.ledger_ok()


@pytest.mark.parametrize("provider", PROVIDERS)
def test_duplicate_notification_sells_once(pw: PayWorld, provider: str) -> None:
    m = pw.meters[0]
    order = pw.payments.start_counter(pw.cashier, m, "40", provider)
    headers, body = pw.standin(provider).pay(pw.trade_no(order.order_id))
    for _ in range(3):  # the provider repeats its notification (no answer seen, or just because)
        assert pw.sink(provider, headers, body) == (204 if provider == "wechat" else 200)
    stand = pw.standin(provider)
    again_h, again_b = stand.notification(stand.orders[pw.trade_no(order.order_id)])  # a new id, same transaction
    pw.sink(provider, again_h, again_b)
    pw.payments.confirm(order.order_id)
    assert len(_ops(pw, "sale")) == 1
    with pw.ctx.read() as s:
        outcomes = sorted(s.execute(select(PaymentNotificationRow.outcome)).scalars())
    assert outcomes == ["settled", "settled"]  # two notification ids; the repeats were recognised as duplicates
    pw.deliver()
    _on_meter(pw, m, 4000, 1)
    pw.ledger_ok()


@pytest.mark.parametrize("provider", PROVIDERS)
def test_forged_notification_is_refused(pw: PayWorld, provider: str, keys: dict) -> None:
    m = pw.meters[0]
    order = pw.payments.start_counter(pw.cashier, m, "60", provider)
    stand = pw.standin(provider)
    no = pw.trade_no(order.order_id)
    stand.pay(no, notify=False)
    forged_h, forged_b = stand.notification(stand.orders[no], key=keys["merchant"])  # someone else's key
    assert pw.sink(provider, forged_h, forged_b) in (400, 401)
    good_h, good_b = stand.notification(stand.orders[no])
    tampered = good_b.replace(b"60.00", b"90.00") if provider == "alipay" else good_b.replace(b'"summary"', b'"Summary"')
    assert pw.sink(provider, good_h, tampered) in (400, 401)  # altered after signing
    assert pw.payments.view(order.order_id).state == "open" and _ops(pw, "sale") == []
    with pw.ctx.read() as s:
        refused = s.execute(select(AuditRow.kind).where(AuditRow.kind == "payment.notify_refused")).scalars().all()
    assert len(refused) == 2
    pw.clock.now += timedelta(seconds=5)
    pw.payments.sweep()  # the real payment is still found by query
    pw.deliver()
    _on_meter(pw, m, 6000, 1)
    pw.ledger_ok()


def test_wechat_notification_under_another_key_id_or_undecryptable_is_refused(pw: PayWorld) -> None:
    order = pw.payments.start_counter(pw.cashier, pw.meters[0], "10", "wechat")
    no = pw.trade_no(order.order_id)
    pw.wechat.pay(no, notify=False)
    h, b = pw.wechat.notification(pw.wechat.orders[no], serial="PUB_KEY_ID_OTHER")
    assert pw.sink("wechat", h, b) == 401
    key, pw.wechat.apiv3_key = pw.wechat.apiv3_key, "0" * 32  # encrypted under another APIv3 key, signed right
    h, b = pw.wechat.notification(pw.wechat.orders[no])
    pw.wechat.apiv3_key = key
    assert pw.sink("wechat", h, b) == 400
    assert pw.payments.view(order.order_id).state == "open"
    pw.ledger_ok()


@pytest.mark.parametrize("provider", PROVIDERS)
def test_stale_notification_is_refused(pw: PayWorld, provider: str) -> None:
    """The libraries accept a day-old signed notification; the console refuses one more than 5 minutes off."""
    m = pw.meters[0]
    order = pw.payments.start_counter(pw.cashier, m, "70", provider)
    stand = pw.standin(provider)
    no = pw.trade_no(order.order_id)
    stand.pay(no, notify=False)
    for age in (timedelta(days=1), timedelta(minutes=6), -timedelta(minutes=6)):
        h, b = stand.notification(stand.orders[no], at=pw.clock.now - age)
        assert pw.sink(provider, h, b) == 400
    if provider == "wechat":  # proof the library alone would have taken the day-old one
        h, b = stand.notification(stand.orders[no], at=pw.clock.now - timedelta(days=1))
        client = pw.payments.client("wechat")
        assert client.lib.callback({k.lower(): v for k, v in h.items()}, b.decode())["resource"]["transaction_id"]
    assert pw.payments.view(order.order_id).state == "open"
    h, b = stand.notification(stand.orders[no], at=pw.clock.now - timedelta(minutes=4))
    assert pw.sink(provider, h, b) in (200, 204)
    pw.deliver()
    _on_meter(pw, m, 7000, 1)
    pw.ledger_ok()


@pytest.mark.parametrize("provider", PROVIDERS)
def test_wrong_amount_is_held_for_a_supervisor_not_credited(pw: PayWorld, provider: str) -> None:
    m = pw.meters[0]
    order = pw.payments.start_counter(pw.cashier, m, "100", provider)
    pw.standin(provider).pay(pw.trade_no(order.order_id), amount_fen=1000)  # 10 yuan paid for a 100 yuan order
    view = pw.payments.view(order.order_id)
    assert (view.state, view.hold_reason, view.paid) == ("held", "amount", 10)
    assert _ops(pw, "sale") == [] and len(_ops(pw, "payment_held")) == 1
    with pw.ctx.read() as s:
        alarms = s.execute(select(AlarmRow.kind, AlarmRow.active).where(AlarmRow.kind == "payment")).all()
    assert alarms == [("payment", True)]
    pw.deliver()
    _on_meter(pw, m, 0, 0)
    pw.ledger_ok()
    with pytest.raises(Exception):
        pw.payments.resolve(pw.cashier, order.order_id, "credit", "paid 10")  # a cashier may not decide
    pw.payments.resolve(pw.supervisor, order.order_id, "credit", "tenant confirmed 10 yuan")
    assert pw.payments.view(order.order_id).state == "credited"
    pw.deliver()
    _on_meter(pw, m, 1000, 1)  # what was actually paid, once
    with pw.ctx.read() as s:
        assert s.execute(select(AlarmRow.active).where(AlarmRow.kind == "payment")).scalar() is False
    pw.ledger_ok()


def test_wrong_amount_refunded_by_the_supervisor(pw: PayWorld) -> None:
    order = pw.payments.start_counter(pw.cashier, pw.meters[0], "100", "alipay")
    pw.alipay.pay(pw.trade_no(order.order_id), amount_fen=1)
    view = pw.payments.resolve(pw.supervisor, order.order_id, "refund", "wrong amount")
    assert view.state == "refunded" and sum(pw.alipay.orders[pw.trade_no(order.order_id)].refunds.values()) == 1
    assert [o.kind for o in _ops(pw, "payment_refund")] == ["payment_refund"]
    pw.deliver()
    _on_meter(pw, pw.meters[0], 0, 0)
    pw.ledger_ok()


@pytest.mark.parametrize("provider", PROVIDERS)
def test_meter_that_cannot_take_the_credit_is_refunded_through_the_provider(pw: PayWorld, provider: str) -> None:
    m = pw.meters[0]
    order = pw.payments.start_counter(pw.cashier, m, "80", provider)
    with pw.ctx.transaction() as s:  # the stored-credit limit drops below this payment while the tenant pays
        from acrel_console.storage.tables.site import MeterRow

        s.get(MeterRow, m).max_credit_fen = 5000
    pw.standin(provider).pay(pw.trade_no(order.order_id))
    view = pw.payments.view(order.order_id)
    assert (view.state, view.hold_reason, view.refund_state) == ("refunded", "no_credit", "done")
    stand = pw.standin(provider)
    assert sum(stand.orders[pw.trade_no(order.order_id)].refunds.values()) == 8000
    assert [o.amount_fen for o in _ops(pw, "payment_held")] == [8000]
    assert [o.amount_fen for o in _ops(pw, "payment_refund")] == [8000]
    assert _ops(pw, "sale") == []
    pw.deliver()
    _on_meter(pw, m, 0, 0)
    pw.ledger_ok()


def test_an_order_is_refused_before_paying_when_the_meter_cannot_take_it(pw: PayWorld) -> None:
    with pw.ctx.transaction() as s:
        from acrel_console.storage.tables.site import MeterRow

        s.get(MeterRow, pw.meters[0]).max_credit_fen = 1000
    with pytest.raises(ValidationError):
        pw.payments.start_counter(pw.cashier, pw.meters[0], "50", "wechat")
    with pytest.raises(Exception):
        pw.payments.start_counter(pw.cashier, pw.meters[2], "50", "wechat")  # R103 has no open account
    assert pw.wechat.orders == {}
    pw.ledger_ok()


@pytest.mark.parametrize("provider", PROVIDERS)
def test_cashier_cancels_an_unpaid_order(pw: PayWorld, provider: str) -> None:
    order = pw.payments.start_counter(pw.cashier, pw.meters[0], "25", provider)
    view = pw.payments.cancel(pw.cashier, order.order_id)
    assert view.state == "cancelled"
    assert pw.payments.sweep() == 0
    pw.ledger_ok()


def test_a_payment_made_as_the_cashier_cancels_is_still_booked(pw: PayWorld) -> None:
    order = pw.payments.start_counter(pw.cashier, pw.meters[0], "25", "wechat")
    pw.wechat.pay(pw.trade_no(order.order_id), notify=False)
    assert pw.payments.cancel(pw.cashier, order.order_id).state == "paid"
    pw.deliver()
    _on_meter(pw, pw.meters[0], 2500, 1)
    pw.ledger_ok()


def test_shift_totals_per_channel(pw: PayWorld) -> None:
    pw.svc.vending.sell(pw.cashier, pw.meters[1], "10", "cash")
    for provider, amount in (("wechat", "20"), ("alipay", "30"), ("wechat", "5")):
        order = pw.payments.start_counter(pw.cashier, pw.meters[0], amount, provider)
        pw.standin(provider).pay(pw.trade_no(order.order_id))
    summary = pw.svc.shifts.current(pw.cashier)
    assert summary is not None
    assert (summary.sales_by_method["wechat"], summary.sales_by_method["alipay"]) == (25, 30)
    assert (summary.expected_by_method["cash"], summary.expected_by_method["wechat"],
            summary.expected_by_method["alipay"]) == (10, 25, 30)
    pw.deliver()
    _on_meter(pw, pw.meters[0], 5500, 3)
    pw.ledger_ok()


def test_wechat_platform_certificate_mode(sqlite_url: str, keys: dict) -> None:  # type: ignore[type-arg]
    """A merchant opened before late 2024: the platform certificates are downloaded (AES-GCM decrypted) and the
    notification verified by the certificate's serial, then sold once and delivered."""
    from tests.payments.conftest import make_pay_world

    world = make_pay_world(sqlite_url, keys, wechat_mode="certificate")
    pw = next(world)
    try:
        order = pw.payments.start_counter(pw.cashier, pw.meters[0], "12.34", "wechat")
        pw.wechat.pay(pw.trade_no(order.order_id))  # notification signed under the platform certificate
        assert pw.payments.view(order.order_id).state == "paid"
        assert [status for _p, status in pw.replies] == [204]
        h, b = pw.wechat.notification(pw.wechat.orders[pw.trade_no(order.order_id)], key=keys["merchant"])
        assert pw.payments.notification("wechat", h, b).status == 401  # not the platform's key
        pw.deliver()
        _on_meter(pw, pw.meters[0], 1234, 1)
        pw.ledger_ok()
    finally:
        world.close()

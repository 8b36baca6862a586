"""Records page (售电查询) filters and totals, receipts with 补打 reprints, shift close by a supervisor."""

from __future__ import annotations

from decimal import Decimal

import pytest

from acrel_console.domain.errors import ConflictError, PermissionDenied
from acrel_console.ledger import tariffs
from acrel_console.services.deliveries import deliver_all
from acrel_console.services.records import RecordQuery, RecordsService
from tests.ledger.helpers import World, make_world


@pytest.fixture
def w(db_url: str) -> World:
    world = make_world(db_url, n_meters=2)
    yield world
    assert world.vending.check_ledger(world.admin) == []
    world.svc.close()


def test_records_filters_totals_and_columns(w: World) -> None:
    a, b = w.meters
    w.accounts.open_account(w.cashier, "Han", "A1", [a])
    w.accounts.open_account(w.cashier, "Liu", "B1", [b])
    s1 = w.vending.sell(w.cashier, a, "100", "cash")
    w.vending.sell(w.cashier2, a, "50", "wechat")
    w.vending.sell(w.cashier, b, "30", "alipay")
    deliver_all(w.ctx, w.bus)
    w.vending.reverse(w.cashier, s1.operation_id, w.supervisor, "wrong amount", amount="20")
    w.vending.refund(w.cashier, b, "10", "cash")
    deliver_all(w.ctx, w.bus)
    rec = RecordsService(w.ctx)
    page = rec.query(w.admin)
    t = page.totals
    assert (t.sales, t.reversals, t.refunds, t.income) == (Decimal("180.00"), Decimal("20.00"), Decimal("10.00"),
                                                          Decimal("150.00"))
    assert t.by_method == {"alipay": Decimal("30.00"), "cash": Decimal("100.00"), "wechat": Decimal("50.00")}
    second = [r for r in page.rows if r.method == "wechat"][0]
    assert (second.purchase_count_before, second.cumulative_before) == (1, Decimal("100.00"))
    assert second.delivery_state == "delivered" and second.tenant_name == "Han" and second.account_no == "000001"
    assert {r.operator for r in rec.query(w.admin, RecordQuery(cashier="cash2")).rows} == {"cash2"}
    assert len(rec.query(w.admin, RecordQuery(tenant="Liu")).rows) == 2
    assert len(rec.query(w.admin, RecordQuery(meter_id=a, sale_type="reversal")).rows) == 1
    assert len(rec.query(w.admin, RecordQuery(method="alipay")).rows) == 1


def test_receipt_and_reprint_keep_the_number(w: World) -> None:
    a = w.meters[0]
    t = w.tariffs.create(w.admin, "Flat", tariffs.flat(8800))
    w.tariffs.assign(w.admin, t.tariff_id, [a], download=False)
    w.accounts.open_account(w.cashier, "Han", "A1", [a])
    sale = w.vending.sell(w.cashier, a, "100", "card")
    rec = RecordsService(w.ctx)
    first = rec.print_receipt(w.cashier, sale.operation_id)
    again = rec.print_receipt(w.cashier, sale.receipt_no)
    assert not first.reprint and again.reprint and first.number == again.number == sale.receipt_no
    assert again.print_count == 2
    assert first.amount == Decimal("100.00") and first.prices == (Decimal("0.8800"),)
    assert first.balance_after == Decimal("100.00") and first.purchase_count == 1 and first.operator == "cash1"
    assert first.tenant_name == "Han" and first.sale_type_label == "正常售电" and first.delivery_state == "pending"
    deliver_all(w.ctx, w.bus)
    assert rec.receipt(w.admin, sale.receipt_no).delivery_state == "delivered"


def test_shift_summary_and_supervisor_close(w: World) -> None:
    a = w.meters[0]
    w.accounts.open_account(w.cashier, "Han", "A1", [a])
    w.vending.sell(w.cashier, a, "100", "cash")
    w.vending.sell(w.cashier, a, "40", "card")
    deliver_all(w.ctx, w.bus)
    w.vending.refund(w.cashier, a, "15", "cash")
    deliver_all(w.ctx, w.bus)
    cur = w.shifts.current(w.cashier)
    assert cur is not None and cur.expected_cash == Decimal("85.00") and cur.expected_by_method["card"] == Decimal("40.00")
    assert cur.sales_count == 2 and cur.refunds_count == 1
    with pytest.raises(PermissionDenied):
        w.shifts.close(w.cashier, cur.shift.shift_id)
    closed = w.shifts.close(w.supervisor, cur.shift.shift_id, counted_cash="80", note="5 short")
    assert closed.cash_difference == Decimal("-5.00") and closed.shift.closed_by == "boss"
    with pytest.raises(ConflictError):
        w.shifts.close(w.supervisor, cur.shift.shift_id)
    w.vending.sell(w.cashier, a, "1", "cash")
    deliver_all(w.ctx, w.bus)
    assert w.shifts.current(w.cashier).shift.shift_id != cur.shift.shift_id

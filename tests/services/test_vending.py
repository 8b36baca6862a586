"""Sales, refunds, reversals and their deliveries through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select

from acrel_console.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from acrel_console.services.deliveries import deliver_all, execute_credit_command
from acrel_console.services.returns import derived_id
from acrel_console.services.site_settings import SiteSettingsService
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import AppendOnlyViolation, EntryRow, OperationRow
from tests.ledger.helpers import World, make_world


@pytest.fixture
def w(db_url: str) -> World:
    world = make_world(db_url)
    yield world
    assert world.vending.check_ledger(world.admin) == []
    world.svc.close()


def _open(w: World, meters: list[int] | None = None, credit: str | None = None) -> int:
    acc = w.accounts.open_account(w.cashier, "Zhang San", "A-101", meters or [w.meters[0]], phone="13800000000",
                                  opening_credit=credit)
    return acc.account_id


def test_sale_creates_operation_entries_receipt_and_pending_delivery_then_delivers(w: World) -> None:
    _open(w)
    m = w.meters[0]
    r = w.vending.sell(w.cashier, m, Decimal("100.00"), "cash")
    assert r.expected_purchase_count == 1 and r.receipt_no and r.command_id
    assert r.balance_after_expected == Decimal("100.00")
    d = w.vending.delivery(w.cashier, r.command_id)
    assert d.state == "pending" and d.amount == Decimal("100.00")
    out = execute_credit_command(w.ctx, w.bus, r.command_id)
    assert out.state == "delivered" and out.purchase_count == 1 and out.remaining_fen == 10000
    assert w.model(m).remaining_fen == 10000 and w.model(m).purchase_count == 1
    # Running it again changes nothing (idempotent).
    assert execute_credit_command(w.ctx, w.bus, r.command_id).state == "delivered"
    assert w.model(m).applied == [(1, 10000)]
    with w.ctx.read() as s:
        entries = s.execute(select(EntryRow.amount_fen).where(EntryRow.operation_id == r.operation_id)).scalars().all()
    assert sorted(entries) == [-10000, 10000]


def test_same_sale_id_twice_returns_first_result_and_creates_nothing(w: World) -> None:
    _open(w)
    sid = str(uuid.uuid4())
    a = w.vending.sell(w.cashier, w.meters[0], "50", "wechat", sale_id=sid)
    b = w.vending.sell(w.cashier, w.meters[0], "50", "wechat", sale_id=sid)
    assert b.duplicate and b.operation_id == a.operation_id == sid and b.command_id == a.command_id
    assert b.receipt_no == a.receipt_no and b.expected_purchase_count == a.expected_purchase_count
    with w.ctx.read() as s:
        assert len(s.execute(select(OperationRow.id)).all()) == 1
        assert len(s.execute(select(MeterCommandRow.id)).all()) == 1
    with pytest.raises(ConflictError):
        w.vending.sell(w.cashier, w.meters[0], "60", "wechat", sale_id=sid)


def test_bad_input_is_refused_with_nothing_written(w: World) -> None:
    _open(w)
    for amount in ("0", "-5", "1.234", "abc"):
        with pytest.raises(ValidationError):
            w.vending.sell(w.cashier, w.meters[0], amount, "cash")
    with pytest.raises(ValidationError):
        w.vending.sell(w.cashier, w.meters[0], "10", "bitcoin")
    with pytest.raises(ConflictError):  # unopened meter
        w.vending.sell(w.cashier, w.meters[1], "10", "cash")
    with pytest.raises(NotFound):
        w.vending.sell(w.cashier, 9999, "10", "cash")
    with pytest.raises(PermissionDenied):
        auditor = w.svc.operators.add(w.admin, "aud", "auditor", "secret1")
        w.vending.sell(w.svc.operators.login(auditor.name, "secret1"), w.meters[0], "10", "cash")
    with w.ctx.read() as s:
        assert s.execute(select(OperationRow.id)).first() is None


def test_max_stored_credit_refuses_a_sale(w: World) -> None:
    _open(w)
    SiteSettingsService(w.ctx).update(w.admin, {"max_credit_fen": 20000})
    w.vending.sell(w.cashier, w.meters[0], "150", "cash")
    with pytest.raises(ValidationError) as e:
        w.vending.sell(w.cashier, w.meters[0], "60", "cash")  # 210 > 200, counting the pending one
    assert "200.00" in str(e.value)
    w.vending.sell(w.cashier, w.meters[0], "50", "cash")
    deliver_all(w.ctx, w.bus)


def test_refund_never_below_zero_and_pays_out(w: World) -> None:
    _open(w)
    m = w.meters[0]
    w.vending.sell(w.cashier, m, "100", "cash")
    deliver_all(w.ctx, w.bus)
    with pytest.raises(ValidationError):
        w.vending.refund(w.cashier, m, "100.01")
    r = w.vending.refund(w.cashier, m, "30", "cash", reason="moving out")
    assert r.kind == "refund" and r.expected_purchase_count == 2 and r.balance_after_expected == Decimal("70.00")
    deliver_all(w.ctx, w.bus)
    assert w.model(m).remaining_fen == 7000 and w.model(m).purchase_count == 2
    summary = w.shifts.current(w.cashier)
    assert summary is not None and summary.expected_cash == Decimal("70.00")
    assert summary.sales_by_method["cash"] == Decimal("100.00") and summary.refunds_by_method["cash"] == Decimal("30.00")


def test_reversal_of_delivered_sale_sends_negative_credit_and_references_original(w: World) -> None:
    _open(w)
    m = w.meters[0]
    sale = w.vending.sell(w.cashier, m, "1000", "card")
    deliver_all(w.ctx, w.bus)
    with pytest.raises(PermissionDenied):  # a cashier cannot approve
        w.vending.reverse(w.cashier, sale.operation_id, w.cashier2, "typo")
    with pytest.raises(ValidationError):
        w.vending.reverse(w.cashier, sale.operation_id, w.supervisor, "  ")
    with pytest.raises(ValidationError):
        w.vending.reverse(w.cashier, sale.operation_id, w.supervisor, "typo", amount="1000.01")
    rev = w.vending.reverse(w.cashier, sale.operation_id, w.supervisor, "keyed 1000 instead of 100", amount="900")
    assert rev.kind == "reversal" and rev.command_id and rev.cancelled_command_id is None
    deliver_all(w.ctx, w.bus)
    assert w.model(m).remaining_fen == 10000 and w.model(m).applied == [(1, 100000), (2, -90000)]
    with pytest.raises(ValidationError):  # capped at the unreversed 100
        w.vending.reverse(w.cashier, sale.operation_id, w.supervisor, "again", amount="100.01")
    with w.ctx.read() as s:
        op = s.get(OperationRow, derived_id(rev.operation_id, "settle"))  # booked when the meter confirmed
        assert op.ref_operation_id == sale.operation_id and op.approver_name == "boss" and op.sale_type == "reversal"
        assert op.kind == "reversal" and op.amount_fen == 90000
        assert s.get(OperationRow, sale.operation_id).amount_fen == 100000  # the original is untouched


def test_reversal_of_pending_sale_cancels_the_delivery_and_renumbers_later_ones(w: World) -> None:
    _open(w)
    m = w.meters[0]
    wrong = w.vending.sell(w.cashier, m, "500", "cash")
    later = w.vending.sell(w.cashier, m, "20", "cash")
    assert (wrong.expected_purchase_count, later.expected_purchase_count) == (1, 2)
    rev = w.vending.reverse(w.cashier, wrong.operation_id, w.supervisor, "wrong meter")
    assert rev.command_id is None and rev.cancelled_command_id == wrong.command_id
    assert w.vending.delivery(w.cashier, wrong.command_id).state == "cancelled"
    assert w.vending.delivery(w.cashier, later.command_id).expected_purchase_count == 1
    outs = deliver_all(w.ctx, w.bus)
    assert [o.state for o in outs] == ["delivered"]
    assert w.model(m).applied == [(1, 2000)]


def test_append_only_refund_is_a_new_operation_and_rows_cannot_change(w: World) -> None:
    _open(w)
    sale = w.vending.sell(w.cashier, w.meters[0], "100", "cash")
    deliver_all(w.ctx, w.bus)
    w.vending.refund(w.cashier, w.meters[0], "10")
    with w.ctx.read() as s:
        kinds = sorted(s.execute(select(OperationRow.kind)).scalars())
    assert kinds == ["return_hold", "sale"]  # the refund is held until the meter confirms it
    with pytest.raises(AppendOnlyViolation):
        with w.ctx.transaction() as s:
            s.get(OperationRow, sale.operation_id).amount_fen = 1
    with pytest.raises(AppendOnlyViolation):
        with w.ctx.transaction() as s:
            s.delete(s.execute(select(EntryRow)).scalars().first())
    deliver_all(w.ctx, w.bus)


def test_without_a_site_key_nothing_is_sold(w: World) -> None:
    _open(w)
    w.ctx.site_key = None
    with pytest.raises(ConflictError) as e:
        w.vending.sell(w.cashier, w.meters[0], "10", "cash")
    assert "site key" in str(e.value)
    with w.ctx.read() as s:
        assert s.execute(select(OperationRow.id)).first() is None
    w.ctx.site_key = bytes.fromhex("0123456789ABCDEFFEDCBA9876543210")

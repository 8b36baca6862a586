"""Refunds and reversals are booked and paid out only once the meter confirms it gave the credit back, capped by
the tenant's balance in the ledger; a reversal belongs to its sale's account; `ledger check` flags money put on
a tenant's balance without cash, a meter reading or an approved claim (issue 10)."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.errors import ConflictError, ValidationError
from acrel_console.ledger import book, posting
from acrel_console.services.deliveries import deliver_all
from acrel_console.services.returns import derived_id
from acrel_console.storage.tables.alarms import AlarmRow
from acrel_console.storage.tables.ledger import EntryRow, LedgerAccountRow, OperationRow, ReceiptRow
from tests.ledger.helpers import World, make_world


@pytest.fixture
def w(db_url: str) -> World:
    world = make_world(db_url, n_meters=2)
    yield world
    assert world.vending.check_ledger(world.admin) == []
    world.svc.close()


def paid_out_fen(w: World) -> int:
    """Money out of the drawers (refunds and reversals paid)."""
    with w.ctx.read() as s:
        return -int(s.execute(select(func.coalesce(func.sum(EntryRow.amount_fen), 0))
                              .join(LedgerAccountRow, EntryRow.account_id == LedgerAccountRow.id)
                              .where(LedgerAccountRow.kind == "drawer", EntryRow.amount_fen < 0)).scalar())


def test_a_refund_the_meter_refuses_is_never_paid_and_the_next_is_checked_against_the_ledger(w: World) -> None:
    """Issue 10: the meter refused a 94-yuan refund (the tenant had used a little since the last reading), yet the
    receipt and the cash stood; the next refund was checked against the meter's balance: paid in 100, got 182."""
    m = w.meters[0]
    w.accounts.open_account(w.cashier, "Zhang", "A-1", [m], opening_credit="100")
    deliver_all(w.ctx, w.bus)
    w.model(m).use(601)  # 93.99 left; the console still believes 100
    r = w.vending.refund(w.cashier, m, "94", "cash", reason="moving")
    assert r.awaiting_meter and r.receipt_no is None and paid_out_fen(w) == 0
    deliver_all(w.ctx, w.bus)
    done = w.vending.get_operation(w.cashier, r.operation_id)
    assert done.outcome == "refused" and done.returned == 0 and done.receipt_no is None
    assert paid_out_fen(w) == 0 and w.model(m).remaining_fen == 9399
    with w.ctx.read() as s:
        assert s.execute(select(func.count()).select_from(ReceiptRow)).scalar() == 1  # the sale's only
        assert s.execute(select(AlarmRow.meter_id).where(AlarmRow.kind == AlarmKind.RETURN_REFUSED.value)).scalar() == m
    with pytest.raises(ValidationError) as err:  # the meter last showed 93.99 (its read-back): no more than that
        w.vending.refund(w.cashier, m, "94", "cash")
    assert "93.99" in err.value.english()
    r2 = w.vending.refund(w.cashier, m, "88", "cash")
    deliver_all(w.ctx, w.bus)
    done = w.vending.get_operation(w.cashier, r2.operation_id)
    assert done.outcome == "returned" and done.returned == Decimal("88.00") and done.receipt_no
    assert paid_out_fen(w) == 8800 <= 10000 and w.model(m).remaining_fen == 599


def test_a_refund_never_exceeds_the_tenants_ledger_balance_whatever_the_meter_shows(w: World) -> None:
    m = w.meters[0]
    w.accounts.open_account(w.cashier, "Li", "A-2", [m], opening_credit="100")
    deliver_all(w.ctx, w.bus)
    with w.ctx.transaction() as s:  # the meter shows 82 yuan nobody booked (an old system's, never taken over)
        w.model(m).remaining_fen += 8200
    w.poll(m)
    with pytest.raises(ValidationError) as err:
        w.vending.refund(w.cashier, m, "182", "cash")
    assert "100.00" in err.value.english()
    w.vending.refund(w.cashier, m, "100", "cash")
    deliver_all(w.ctx, w.bus)
    assert paid_out_fen(w) == 10000 and w.model(m).remaining_fen == 8200
    # (the 82 yuan on the meter are not the ledger's: `ledger check` says so until taken over)
    with w.ctx.transaction() as s:
        w.model(m).remaining_fen -= 8200
    w.poll(m)


def test_a_lost_reply_refund_is_paid_once_when_the_read_back_confirms_it(w: World) -> None:
    m = w.meters[0]
    w.accounts.open_account(w.cashier, "Sun", "A-3", [m], opening_credit="50")
    deliver_all(w.ctx, w.bus)
    r = w.vending.refund(w.cashier, m, "20", "wechat")
    w.bus.plan = lambda call, _a: "lost_reply" if call == "recharge" else None
    deliver_all(w.ctx, w.bus)
    w.bus.plan = lambda _c, _a: None
    deliver_all(w.ctx, w.bus)
    deliver_all(w.ctx, w.bus)
    assert w.model(m).applied == [(1, 5000), (2, -2000)] and paid_out_fen(w) == 2000
    assert w.vending.get_operation(w.cashier, r.operation_id).outcome == "returned"


def test_reversing_a_closed_tenants_sale_never_touches_the_next_tenant(w: World) -> None:
    """Issue 10: reversing a closed tenant's old sale took the money from the meter's new tenant, and paid it out
    again; `ledger check` said ok."""
    m = w.meters[0]
    first = w.accounts.open_account(w.cashier, "Old tenant", "B-1", [m])
    sale = w.vending.sell(w.cashier, m, "100", "cash")
    deliver_all(w.ctx, w.bus)
    w.accounts.close_account(w.cashier, first.account_id)
    deliver_all(w.ctx, w.bus)
    w.accounts.open_account(w.cashier, "New tenant", "B-1", [m])
    w.vending.sell(w.cashier, m, "50", "cash")
    deliver_all(w.ctx, w.bus)
    out_before = paid_out_fen(w)
    with pytest.raises(ConflictError) as err:
        w.vending.reverse(w.cashier, sale.operation_id, w.supervisor, "keyed wrong", amount="30")
    assert "Old tenant" in err.value.english() and "next tenant" in err.value.english()
    assert w.model(m).remaining_fen == 5000 and paid_out_fen(w) == out_before


def test_a_reversal_is_paid_when_the_meter_confirms_and_capped_with_the_one_under_way(w: World) -> None:
    m = w.meters[0]
    w.accounts.open_account(w.cashier, "Zhao", "B-2", [m])
    sale = w.vending.sell(w.cashier, m, "1000", "card")
    deliver_all(w.ctx, w.bus)
    rev = w.vending.reverse(w.cashier, sale.operation_id, w.supervisor, "keyed 1000 for 100", amount="900")
    assert rev.awaiting_meter and paid_out_fen(w) == 0
    with pytest.raises(ValidationError):  # 900 of it is on its way back: only 100 is left to reverse
        w.vending.reverse(w.cashier, sale.operation_id, w.supervisor, "again", amount="100.01")
    again = w.vending.reverse(w.cashier, sale.operation_id, w.supervisor, "keyed 1000 for 100", amount="900",
                              reversal_id=rev.operation_id)
    assert again.duplicate and again.operation_id == rev.operation_id
    deliver_all(w.ctx, w.bus)
    with w.ctx.read() as s:
        op = s.get(OperationRow, derived_id(rev.operation_id, "settle"))
        assert (op.kind, op.method, op.ref_operation_id, op.approver_name) == ("reversal", "card", sale.operation_id,
                                                                               "boss")
    assert paid_out_fen(w) == 90000 and w.model(m).remaining_fen == 10000


def test_ledger_check_flags_money_put_on_a_balance_without_evidence(w: World) -> None:
    """Issue 10: an adjustment from a typed final reading, a typed old balance: `ledger check` flagged none."""
    m = w.meters[0]
    acc = w.accounts.open_account(w.cashier, "Qian", "C-1", [m])
    with w.ctx.transaction() as s:  # as the code before issue 10 booked them
        for kind, lines, detail in (("adjustment", posting.adjustment(m, 399000), '{"source":"read"}'),
                                    ("opening", posting.opening(m, 499999), "")):
            oid = str(uuid.uuid4())
            book.post(s, lines, id=oid, kind=kind, at=w.clock(), meter_id=m, account_id=acc.account_id,
                      amount_fen=abs(lines[0].amount_fen), operator_name="cash1",
                      detail_json=detail if kind == "adjustment" else '{"no_delivery":true}')
    found = [v for v in w.vending.check_ledger(w.admin) if v.code == "credit_without_evidence"]
    assert len(found) == 2 and all("without cash" in v.message for v in found)
    with w.ctx.transaction() as s:  # undo for the fixture's final check (a test may bypass append-only)
        from sqlalchemy import delete
        ids = [v.ref for v in found]
        s.execute(delete(EntryRow).where(EntryRow.operation_id.in_(ids)))
        s.execute(delete(OperationRow).where(OperationRow.id.in_(ids)))

"""Accounts: 开户 with 开户首充, 一户多表, add/remove meters, 销户 with refund or transfer and a trip, 换表."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from acrel_console.domain.errors import ConflictError, ValidationError
from acrel_console.ledger.queries import meter_has_money_records, meter_tenants, open_meter_ids
from acrel_console.services.accounts import FinalReading
from acrel_console.services.deliveries import deliver_all
from acrel_console.services.records import RecordQuery, RecordsService
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.operators import AuditRow
from acrel_console.storage.tables.site import MeterRow
from tests.ledger.helpers import World, make_world


@pytest.fixture
def w(db_url: str) -> World:
    world = make_world(db_url, n_meters=4)
    yield world
    assert world.vending.check_ledger(world.admin) == []
    world.svc.close()


def test_open_with_opening_credit_and_several_meters(w: World) -> None:
    a, b = w.meters[0], w.meters[1]
    acc = w.accounts.open_account(w.cashier, "Zhao Liu", "Shop 12", [a, b], phone="139", opening_credit="200",
                                  method="wechat")
    assert acc.account_no == "000001" and [m.meter_id for m in acc.meters] == [a, b]
    with w.ctx.read() as s:
        assert open_meter_ids(s) == {a, b}
        refs = meter_tenants(s)
        assert refs[a].name == "Zhao Liu" and refs[b].account_no == "000001" and refs[a].room == "Shop 12"
        assert meter_has_money_records(s, a) and meter_has_money_records(s, b)  # membership counts too
        assert not meter_has_money_records(s, w.meters[3])
    rows = RecordsService(w.ctx).query(w.cashier).rows
    assert len(rows) == 1 and rows[0].remark == "开户首充" and rows[0].sale_type == "normal"
    assert rows[0].purchase_count_before == 0 and rows[0].cumulative_before == Decimal("0.00")
    deliver_all(w.ctx, w.bus)
    assert w.model(a).remaining_fen == 20000
    with pytest.raises(ConflictError):  # a meter belongs to one open account
        w.accounts.open_account(w.cashier, "Other", "X", [b])
    with pytest.raises(ValidationError):
        w.accounts.open_account(w.cashier, "  ", "X", [w.meters[2]])
    acc2 = w.accounts.add_meter(w.cashier, acc.account_id, w.meters[2])
    assert len(acc2.meters) == 3
    found = w.accounts.list_accounts(w.cashier, search="Shop 1")
    assert [f.account_id for f in found] == [acc.account_id]
    assert w.accounts.list_accounts(w.cashier, search=str(w.meters[2]))[0].account_id == acc.account_id


def test_close_refunds_books_consumption_and_trips(w: World) -> None:
    a, b = w.meters[0], w.meters[1]
    acc = w.accounts.open_account(w.cashier, "Qian", "7", [a, b], opening_credit="100")
    deliver_all(w.ctx, w.bus)
    w.model(a).remaining_fen = 6000  # the tenant used 40 yuan
    with pytest.raises(ValidationError):
        w.accounts.close_account(w.cashier, acc.account_id, {a: FinalReading(Decimal("60"), 12345)})
    res = w.accounts.close_account(w.cashier, acc.account_id,
                                   {a: FinalReading(Decimal("60.00"), 12345), b: FinalReading(Decimal("0"), 0)},
                                   reason="moving out")
    assert len(res.operations) == 1 and res.operations[0].amount == Decimal("60.00")
    assert len(res.trip_command_ids) == 2
    with w.ctx.read() as s:
        assert open_meter_ids(s) == set()
        kinds = {c.kind for c in s.execute(select(MeterCommandRow)).scalars()}
        assert "trip" in kinds
    deliver_all(w.ctx, w.bus)
    assert w.model(a).remaining_fen == 0
    summary = w.shifts.current(w.cashier)
    assert summary is not None and summary.expected_cash == Decimal("40.00")
    with pytest.raises(ConflictError):
        w.vending.sell(w.cashier, a, "1", "cash")
    # the meter is unopened and can be opened again by a new tenant
    w.accounts.open_account(w.cashier, "Sun", "7", [a])


def test_close_refused_while_a_delivery_is_pending(w: World) -> None:
    a = w.meters[0]
    acc = w.accounts.open_account(w.cashier, "Li", "9", [a], opening_credit="10")
    with pytest.raises(ConflictError):
        w.accounts.close_account(w.cashier, acc.account_id, {a: FinalReading(Decimal("10"))})
    deliver_all(w.ctx, w.bus)


def test_replace_dead_meter_moves_entered_balance_through_the_ledger(w: World) -> None:
    old, new = w.meters[0], w.meters[1]
    w.accounts.open_account(w.cashier, "Zhou", "15", [old], opening_credit="80")
    deliver_all(w.ctx, w.bus)
    res = w.accounts.replace_meter(w.cashier, old, new, FinalReading(Decimal("55.50"), 9000, source="entered"),
                                   reason="meter burnt")
    assert res.operations[0].kind == "transfer" and res.operations[0].amount == Decimal("55.50")
    deliver_all(w.ctx, w.bus)
    assert w.model(new).remaining_fen == 5550 and w.model(old).remaining_fen == 8000  # dead meter untouched
    with w.ctx.read() as s:
        assert s.get(MeterRow, old).retired
        assert open_meter_ids(s) == {new}
        log = s.execute(select(AuditRow.before_json).where(AuditRow.kind == "meter.replace")).scalar_one()
        assert '"source":"entered"' in log
    rows = RecordsService(w.ctx).query(w.admin, RecordQuery(meter_id=new)).rows
    assert [r.kind for r in rows] == ["transfer"]


def test_remove_meter_transfers_its_balance(w: World) -> None:
    a, b = w.meters[0], w.meters[1]
    acc = w.accounts.open_account(w.cashier, "Wu", "3", [a, b], opening_credit="30")
    deliver_all(w.ctx, w.bus)
    w.accounts.remove_meter(w.cashier, acc.account_id, a, FinalReading(Decimal("30")), settle="transfer",
                            transfer_to=b)
    deliver_all(w.ctx, w.bus)
    assert (w.model(a).remaining_fen, w.model(b).remaining_fen) == (0, 3000)
    assert [m.meter_id for m in w.accounts.get_account(w.cashier, acc.account_id).meters] == [b]

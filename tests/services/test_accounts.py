"""Accounts: 开户 with 开户首充 and 一户多表, existing credit taken over or cleared, add/remove meters, 销户 and 换表
settled on the meters first (issue 10: every case the issue lists fails on the code before it)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from acrel_console.ledger.queries import meter_has_money_records, meter_tenants, open_meter_ids
from acrel_console.services.account_changes import Claim
from acrel_console.services.deliveries import deliver_all
from acrel_console.services.records import RecordQuery, RecordsService
from acrel_console.services.remote_control import run_control
from acrel_console.services.takeover import ExistingCreditFound
from acrel_console.storage.tables.alarms import AlarmRow
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import EntryRow, LedgerAccountRow, OperationRow, TenantRow
from acrel_console.storage.tables.operators import AuditRow
from acrel_console.storage.tables.site import MeterRow
from tests.ledger.helpers import World, make_world


@pytest.fixture
def w(db_url: str) -> World:
    world = make_world(db_url, n_meters=4)
    yield world
    assert world.vending.check_ledger(world.admin) == []
    world.svc.close()


def drawer_fen(w: World) -> int:
    with w.ctx.read() as s:
        return int(s.execute(select(func.coalesce(func.sum(EntryRow.amount_fen), 0))
                             .join(LedgerAccountRow, EntryRow.account_id == LedgerAccountRow.id)
                             .where(LedgerAccountRow.kind == "drawer")).scalar())


def kinds(w: World) -> list[str]:
    with w.ctx.read() as s:
        return sorted(s.execute(select(OperationRow.kind)).scalars())


def test_open_with_opening_credit_and_several_meters(w: World) -> None:
    a, b = w.meters[0], w.meters[1]
    acc = w.accounts.open_account(w.cashier, "Zhao Liu", "Shop 12", [a, b], phone="139", opening_credit="200",
                                  method="wechat")
    assert acc.account_no == "000001" and [m.meter_id for m in acc.meters] == [a, b] and acc.state == "open"
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


# ---- existing credit at opening --------------------------------------------------------------------------------

def test_opening_a_meter_that_holds_credit_needs_a_decision_and_changes_nothing_without_one(w: World) -> None:
    """Issue 10: 500.00 read from the meter, opened without a decision -> ledger 0, meter_above_ledger for ever."""
    m = w.meters[0]
    w.model(m).remaining_fen, w.model(m).purchase_count = 50000, 7
    w.poll(m)
    shown = w.accounts.holdings(w.cashier, [m])[0]
    assert shown.needs_decision and shown.remaining == Decimal("500.00") and shown.purchase_count == 7 and shown.fresh
    with pytest.raises(ExistingCreditFound) as err:
        w.accounts.open_account(w.cashier, "Wang", "A-1", [m], opening_credit="50")
    assert "500.00" in err.value.english() and "take it over" in err.value.english()
    assert "clear" in err.value.english() and "7" in err.value.english()
    with w.ctx.read() as s:  # nothing was opened, nothing booked
        assert s.execute(select(func.count()).select_from(TenantRow)).scalar() == 0
        assert s.execute(select(func.count()).select_from(OperationRow)).scalar() == 0
    acc = w.accounts.open_account(w.cashier, "Wang", "A-1", [m], opening_credit="50", existing_credit="take-over")
    assert acc.meters[0].ledger_credit == Decimal("550.00")
    deliver_all(w.ctx, w.bus)
    assert w.model(m).remaining_fen == 55000
    with w.ctx.read() as s:
        op = s.execute(select(OperationRow).where(OperationRow.kind == "takeover")).scalar_one()
        assert op.amount_fen == 50000 and '"purchase_count":7' in op.detail_json and '"kind":"reading"' in op.detail_json
        equity = s.execute(select(func.sum(EntryRow.amount_fen)).join(LedgerAccountRow).where(
            LedgerAccountRow.code == "equity:takeover")).scalar()
        assert equity == 50000  # booked from the named take-over account


def test_clear_zeroes_the_meter_with_read_back_before_the_opening_top_up(w: World) -> None:
    m = w.meters[0]
    w.model(m).remaining_fen, w.model(m).purchase_count = 30000, 4
    w.poll(m)
    w.model(m).use(3)  # used since the reading
    w.model(m).use_before_recharge = 1  # and between the console's reading and its frame
    acc = w.accounts.open_account(w.cashier, "Li", "A-2", [m], opening_credit="100", existing_credit="clear")
    deliver_all(w.ctx, w.bus)
    model = w.model(m)
    assert [a for _c, a in model.applied][1] == 10000 and model.applied[0][1] < 0  # cleared first, then the sale
    assert -model.applied[0][1] + model.used_fen == 30000  # the clear took what was there when it was sent
    assert w.accounts.get_account(w.cashier, acc.account_id).meters[0].ledger_credit == Decimal("100.00")
    assert drawer_fen(w) == 10000


def test_a_stale_reading_is_not_enough_to_take_over(w: World) -> None:
    m = w.meters[0]
    w.model(m).remaining_fen = 10000
    w.poll(m)
    w.clock.now = w.clock.now.replace(hour=w.clock.now.hour + 1)
    with pytest.raises(ValidationError) as err:
        w.accounts.open_account(w.cashier, "Li", "A-2", [m], existing_credit="take-over")
    assert "read it again" in err.value.english()


def test_an_old_balance_typed_in_is_a_claim_a_supervisor_approves(w: World) -> None:
    """Issue 10: an 'old balance' of 4,999.99 was delivered with no money taken."""
    m = w.meters[0]
    with pytest.raises(ValidationError):
        w.accounts.open_account(w.cashier, "Zhou", "B-1", [m], old_balance="4999.99")
    with pytest.raises(ValidationError):  # the cashier cannot approve their own claim
        w.accounts.open_account(w.supervisor, "Zhou", "B-1", [m], old_balance="4999.99",
                                old_balance_approver=w.supervisor, old_balance_reason="card system")
    with pytest.raises(PermissionDenied):
        w.accounts.open_account(w.cashier, "Zhou", "B-1", [m], old_balance="4999.99",
                                old_balance_approver=w.cashier2, old_balance_reason="card system")
    assert kinds(w) == []
    w.accounts.open_account(w.cashier, "Zhou", "B-1", [m], old_balance="49.99", old_balance_approver=w.supervisor,
                            old_balance_reason="balance on the old IC card")
    deliver_all(w.ctx, w.bus)
    assert w.model(m).remaining_fen == 4999


# ---- 销户 --------------------------------------------------------------------------------------------------------

def test_close_settles_on_the_meters_first_from_a_reading_taken_as_it_is_sent(w: World) -> None:
    """Issue 10: two meters, one with pre-opening credit; the refunds were computed from a reading 0.01 stale,
    refused by the meters, and booked as paid out anyway."""
    a, b = w.meters[0], w.meters[1]
    w.model(b).remaining_fen, w.model(b).purchase_count = 32300, 2
    w.poll(b)
    acc = w.accounts.open_account(w.cashier, "Qian", "7", [a, b], opening_credit="100", existing_credit="take-over")
    deliver_all(w.ctx, w.bus)
    w.poll()
    w.model(a).use(1)  # 0.01 yuan used after the last reading
    w.model(a).use_before_recharge = 2  # and more between the console's reading and its frame
    st = w.accounts.close_account(w.cashier, acc.account_id, reason="moving out")
    assert st.state == "settling" and st.paid_out == 0 and st.outstanding == Decimal("423.00")
    assert w.accounts.get_account(w.cashier, acc.account_id).state == "closing"
    with pytest.raises(ConflictError):  # no money moves on a closing account
        w.vending.sell(w.cashier, a, "5", "cash")
    assert drawer_fen(w) == 10000  # nothing paid before the meters confirm
    deliver_all(w.ctx, w.bus)
    st = w.accounts.settlement(w.cashier, st.change_id)
    returned_a = -w.model(a).applied[-1][1]
    assert st.state == "done" and w.model(a).remaining_fen == 0 and w.model(b).remaining_fen == 0
    assert st.paid_out == Decimal(returned_a + 32300) / 100 and st.outstanding == 0 and st.not_returned == 0
    assert [m.state for m in st.meters] == ["returned", "returned"] and len(st.trips) == 2
    assert st.meters[0].consumption == Decimal(10000 - returned_a) / 100  # used before it was settled
    assert drawer_fen(w) == 10000 - returned_a - 32300  # the drawer paid exactly what the meters gave back
    assert w.accounts.get_account(w.cashier, acc.account_id).state == "closed"
    with w.ctx.read() as s:
        assert open_meter_ids(s) == set()
    with pytest.raises(ConflictError):
        w.vending.sell(w.cashier, a, "1", "cash")
    w.accounts.open_account(w.cashier, "Sun", "7", [a])  # unopened, can be opened again


def test_a_refused_return_leaves_the_account_closing_with_an_alarm_and_pays_nothing_for_it(w: World) -> None:
    a, b = w.meters[0], w.meters[1]
    acc = w.accounts.open_account(w.cashier, "Feng", "8", [a, b], opening_credit="100")
    w.vending.sell(w.cashier, b, "20", "cash")
    deliver_all(w.ctx, w.bus)
    w.model(b).refuse = True
    st = w.accounts.close_account(w.cashier, acc.account_id)
    deliver_all(w.ctx, w.bus)
    st = w.accounts.settlement(w.cashier, st.change_id)
    assert st.state == "stuck" and st.paid_out == Decimal("100.00") and st.not_returned == Decimal("20.00")
    by_meter = {m.meter_id: m for m in st.meters}
    assert by_meter[a].state == "returned" and by_meter[b].state == "refused" and "refused" in by_meter[b].error
    assert drawer_fen(w) == 2000  # 120 in, 100 out: only what a meter gave back
    assert w.accounts.get_account(w.cashier, acc.account_id).state == "closing"
    with w.ctx.read() as s:
        alarm = s.execute(select(AlarmRow).where(AlarmRow.kind == AlarmKind.RETURN_REFUSED.value)).scalar_one()
        assert alarm.active and alarm.meter_id == b
        assert s.execute(select(AuditRow).where(AuditRow.kind == "return.refused")).first() is not None
    w.model(b).refuse = False  # the meter is fixed: asking again resumes the close
    st = w.accounts.close_account(w.cashier, acc.account_id)
    deliver_all(w.ctx, w.bus)
    st = w.accounts.settlement(w.cashier, st.change_id)
    assert st.state == "done" and st.paid_out == Decimal("120.00") and drawer_fen(w) == 0
    with w.ctx.read() as s:
        assert not s.execute(select(AlarmRow.active).where(AlarmRow.kind == AlarmKind.RETURN_REFUSED.value)).scalar()


def test_a_dead_meter_is_settled_by_a_claim_capped_by_the_ledger(w: World) -> None:
    """Issue 10: closing a 10-yuan account with a typed final reading of 4,000 paid 4,000 in cash."""
    a = w.meters[0]
    acc = w.accounts.open_account(w.cashier, "Chu", "9", [a], opening_credit="10")
    deliver_all(w.ctx, w.bus)
    claim = Claim(a, "4000", w.supervisor, "meter burnt")
    with pytest.raises(ValidationError) as err:
        w.accounts.close_account(w.cashier, acc.account_id, claims={a: claim})
    assert "4000.00" in err.value.english() and "10.00" in err.value.english()
    with pytest.raises(ValidationError):  # no reason
        w.accounts.close_account(w.cashier, acc.account_id, claims={a: Claim(a, "8", w.supervisor, " ")})
    with pytest.raises(PermissionDenied):  # a cashier does not approve
        w.accounts.close_account(w.cashier, acc.account_id, claims={a: Claim(a, "8", w.cashier2, "burnt")})
    assert drawer_fen(w) == 1000
    st = w.accounts.close_account(w.cashier, acc.account_id, claims={a: Claim(a, "8.00", w.supervisor, "meter burnt")})
    assert st.state == "done" and st.paid_out == Decimal("8.00") and st.meters[0].state == "claimed"
    assert st.meters[0].consumption == Decimal("2.00") and drawer_fen(w) == 200


def test_close_refused_while_a_sale_delivery_is_pending(w: World) -> None:
    a = w.meters[0]
    acc = w.accounts.open_account(w.cashier, "Li", "9", [a], opening_credit="10")
    with pytest.raises(ConflictError):
        w.accounts.close_account(w.cashier, acc.account_id)
    deliver_all(w.ctx, w.bus)


# ---- 换表 --------------------------------------------------------------------------------------------------------

def test_replace_moves_the_money_and_the_state(w: World) -> None:
    """Issue 10: the old meter kept its credit, relay state and alarm; the new one stayed force-tripped although
    the tenant had 856 yuan."""
    old, new = w.meters[0], w.meters[1]
    w.accounts.open_account(w.cashier, "Zhou", "15", [old], opening_credit="856")
    deliver_all(w.ctx, w.bus)
    w.poll()
    w.alarm = w.svc.alarm_engine.raise_event(AlarmKind.RECONCILIATION, f"meter:{old}", meter_id=old, room="R101",
                                             ledger="856.00", meter="800.00")
    w.model(new).forced, w.model(new).relay_closed = True, False  # tripped before, in stock
    w.model(old).use_before_recharge = 5
    st = w.accounts.replace_meter(w.cashier, old, new, reason="meter burnt")
    assert st.state == "settling"
    deliver_all(w.ctx, w.bus)  # take back from the old meter
    deliver_all(w.ctx, w.bus)  # deliver to the new one
    st = w.accounts.settlement(w.cashier, st.change_id)
    moved = w.model(new).remaining_fen
    assert st.state == "done" and w.model(old).remaining_fen == 0 and moved > 85500
    assert st.moved == Decimal(moved) / 100 and st.paid_out == 0
    with w.ctx.read() as s:
        assert s.get(MeterRow, old).retired and open_meter_ids(s) == {new}
        assert not s.execute(select(AlarmRow.id).where(AlarmRow.meter_id == old, AlarmRow.active.is_(True))).first()
        controls = {(c.meter_id, c.kind) for c in s.execute(select(MeterCommandRow).where(
            MeterCommandRow.kind != "recharge")).scalars()}
        log = s.execute(select(AuditRow.after_json).where(AuditRow.kind == "meter.replace")).scalar_one()
    assert controls == {(new, "close"), (old, "restore_prepaid")} and st.change_id in log
    result, _reading = run_control(w.bus, w.addresses[new], "DDSY1352", "close", {}, w.clock().replace(tzinfo=None))
    assert result.outcome == "confirmed" and w.model(new).relay_closed and not w.model(new).forced
    rows = RecordsService(w.ctx).query(w.admin, RecordQuery(meter_id=new)).rows
    assert [r.kind for r in rows] == ["transfer"]


def test_replace_a_dead_meter_by_a_claim_never_above_the_ledger(w: World) -> None:
    """Issue 10: replacing a meter (old one at 0) with a typed final of 2,000 delivered 2,000 to the new meter."""
    old, new = w.meters[0], w.meters[1]
    w.accounts.open_account(w.cashier, "Wu", "16", [old])
    with pytest.raises(ValidationError):
        w.accounts.replace_meter(w.cashier, old, new, claim=Claim(old, "2000", w.supervisor, "burnt"))
    with w.ctx.read() as s:
        assert open_meter_ids(s) == {old}  # nothing changed
    w.vending.sell(w.cashier, old, "80", "cash")
    deliver_all(w.ctx, w.bus)
    w.model(old).refuse = True  # dead: it takes nothing back
    st = w.accounts.replace_meter(w.cashier, old, new, claim=Claim(old, "55.50", w.supervisor, "display dark"))
    deliver_all(w.ctx, w.bus)
    st = w.accounts.settlement(w.cashier, st.change_id)
    assert st.state == "done" and w.model(new).remaining_fen == 5550 and st.meters[0].consumption == Decimal("24.50")
    with w.ctx.read() as s:
        claim_ops = s.execute(select(OperationRow.kind).where(OperationRow.approver_name == "boss")).scalars().all()
    assert sorted(claim_ops) == ["consumption", "transfer"]


def test_a_stuck_replacement_resumes_and_the_new_meter_credit_needs_a_decision(w: World) -> None:
    old, new = w.meters[0], w.meters[1]
    w.accounts.open_account(w.cashier, "Ma", "17", [old], opening_credit="40")
    deliver_all(w.ctx, w.bus)
    w.model(new).remaining_fen = 700
    w.poll(new)
    with pytest.raises(ExistingCreditFound):
        w.accounts.replace_meter(w.cashier, old, new)
    w.model(old).refuse = True
    st = w.accounts.replace_meter(w.cashier, old, new, existing_credit="clear")
    deliver_all(w.ctx, w.bus)
    assert w.accounts.settlement(w.cashier, st.change_id).state == "stuck"
    assert w.model(new).remaining_fen == 0  # cleared
    w.model(old).refuse = False
    st2 = w.accounts.replace_meter(w.cashier, old, new)
    assert st2.change_id == st.change_id
    deliver_all(w.ctx, w.bus)
    deliver_all(w.ctx, w.bus)
    assert w.accounts.settlement(w.cashier, st.change_id).state == "done" and w.model(new).remaining_fen == 4000


def test_remove_meter_moves_its_balance_after_the_meter_gave_it_back(w: World) -> None:
    a, b = w.meters[0], w.meters[1]
    acc = w.accounts.open_account(w.cashier, "Wu", "3", [a, b], opening_credit="30")
    deliver_all(w.ctx, w.bus)
    st = w.accounts.remove_meter(w.cashier, acc.account_id, a, settle="transfer", transfer_to=b)
    deliver_all(w.ctx, w.bus)
    deliver_all(w.ctx, w.bus)
    assert w.accounts.settlement(w.cashier, st.change_id).state == "done"
    assert (w.model(a).remaining_fen, w.model(b).remaining_fen) == (0, 3000)
    assert [m.meter_id for m in w.accounts.get_account(w.cashier, acc.account_id).meters] == [b]
    with pytest.raises(NotFound):
        w.accounts.settlement(w.cashier, "00000000-0000-4000-8000-000000000000")

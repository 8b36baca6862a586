"""Reconciliation of a day's statements (对账单) against the ledger: downloaded from the stand-ins and imported
from a file, one difference of each kind, the .xlsx report read back, an alarm per difference."""

from __future__ import annotations

from datetime import timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from acrel_console.services.payment_statements import PaymentStatementService, write_xlsx
from acrel_console.storage.tables.alarms import AlarmRow
from tests.payments.conftest import PayWorld

CHINA = timezone(timedelta(hours=8))


def _paid(pw: PayWorld, provider: str, amount: str, *, pay_fen: int | None = None) -> str:
    order = pw.payments.start_counter(pw.cashier, pw.meters[0], amount, provider)
    pw.standin(provider).pay(pw.trade_no(order.order_id), amount_fen=pay_fen)
    return order.order_id


@pytest.mark.parametrize("provider", ["wechat", "alipay"])
def test_a_day_with_one_difference_of_each_kind(pw: PayWorld, provider: str, tmp_path: Path) -> None:
    stand = pw.standin(provider)
    matched = _paid(pw, provider, "10")
    ours_only = _paid(pw, provider, "20")
    amount_diff = _paid(pw, provider, "30")
    theirs_only = pw.payments.start_counter(pw.cashier, pw.meters[0], "40", provider).order_id
    stand.sink = None  # the callback is unreachable and the order expires here before any query sees it paid
    stand.pay(pw.trade_no(theirs_only))
    refund_order = pw.payments.start_counter(pw.cashier, pw.meters[0], "50", provider)
    stand.sink = pw.sink
    with pw.ctx.transaction() as s:  # the meter is over its limit by the time this one is paid: refunded
        from acrel_console.storage.tables.site import MeterRow

        s.get(MeterRow, pw.meters[0]).max_credit_fen = 6000
    stand.pay(pw.trade_no(refund_order.order_id))
    assert pw.payments.view(refund_order.order_id).state == "refunded"
    ours_only_no, diff_no = pw.trade_no(ours_only), pw.trade_no(amount_diff)
    txn = {no: o.transaction_id for no, o in stand.orders.items()}
    column = 5 if provider == "wechat" else 0  # 微信订单号 / 支付宝交易号
    amount_col = 24 if provider == "wechat" else 11  # 订单金额

    def edit(rows: list[list[str]]) -> list[list[str]]:
        out = []
        for r in rows:
            if r[column] == txn[ours_only_no]:
                continue  # the provider's statement lacks it
            if r[column] == txn[diff_no] and (provider == "alipay" or r[9] == "SUCCESS"):
                r = list(r)
                r[amount_col] = "31.00"
            out.append(r)
        return out

    stand.bill_edits = edit
    day = pw.clock.now.astimezone(CHINA).date()
    service = PaymentStatementService(pw.ctx, pw.payments)
    result = service.reconcile(pw.admin, provider, day)  # downloaded (SHA-1 checked for WeChat)
    by = {(d.result, d.kind, d.transaction_id) for d in result.lines}
    t = {no: o.transaction_id for no, o in stand.orders.items()}
    assert ("matched", "payment", t[pw.trade_no(matched)]) in by
    assert ("missing_theirs", "payment", t[ours_only_no]) in by
    assert ("amount", "payment", t[diff_no]) in by
    assert ("missing_ours", "payment", t[pw.trade_no(theirs_only)]) in by
    assert ("matched", "refund", t[pw.trade_no(refund_order.order_id)]) in by
    assert (result.count("missing_ours"), result.count("missing_theirs"), result.count("amount")) == (1, 1, 1)
    with pw.ctx.read() as s:
        alarms = s.execute(select(AlarmRow.target).where(AlarmRow.kind == "payment", AlarmRow.active.is_(True))).scalars()
        assert len([a for a in alarms if a.startswith("statement:")]) == 3
    path = write_xlsx(result, tmp_path / "reconcile.xlsx")
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][0] == "Result" and len(rows) == 1 + len(result.lines)
    diff_row = next(r for r in rows if r[2] == t[diff_no])
    assert (diff_row[0], Decimal(str(diff_row[4])), Decimal(str(diff_row[5])), Decimal(str(diff_row[6]))) == (
        "Amount differs", Decimal("31"), Decimal("30"), Decimal("1"))
    # the same statement saved from the merchant site and imported (a site without internet)
    raw = stand.bill(day.isoformat()) if provider == "wechat" else stand.bill_zip(day.isoformat())
    (tmp_path / "bill").write_bytes(raw)
    again = service.import_file(pw.admin, provider, day, tmp_path / "bill")
    assert sorted((d.result, d.transaction_id) for d in again.lines) == sorted((d.result, d.transaction_id)
                                                                                for d in result.lines)
    pw.deliver()
    m = pw.sim_meter(pw.meters[0])
    assert (m.total_purchased_fen, m.purchase_count) == (6000, 3)  # 10 + 20 + 30, each once
    pw.ledger_ok()


def test_a_file_of_another_kind_is_refused_with_a_clear_error(pw: PayWorld, tmp_path: Path) -> None:
    from acrel_console.domain.errors import ValidationError

    (tmp_path / "x.csv").write_text("a,b,c\n1,2,3\n")
    service = PaymentStatementService(pw.ctx, pw.payments)
    with pytest.raises(ValidationError) as err:
        service.import_file(pw.admin, "wechat", pw.clock.now.date(), tmp_path / "x.csv")
    assert "statement" in err.value.english()


def test_the_daily_job_reconciles_each_day_with_orders_once_and_catches_up(pw: PayWorld) -> None:
    """Every morning the dispatcher reconciles the days not reconciled yet (only days with orders: a day
    without any has no statement); a day it cannot download is logged and tried again the next morning."""
    from acrel_console.services.payment_statements import due_days, scheduled_reconcile
    from acrel_console.storage.tables.operators import AuditRow

    first = _paid(pw, "wechat", "10")
    paid_day = pw.clock.now.astimezone(CHINA).date()
    pw.clock.now += timedelta(days=3)  # the PC was off for two mornings
    assert due_days(pw.ctx, "alipay") == []  # no Alipay order: nothing to ask Alipay for
    assert paid_day in due_days(pw.ctx, "wechat")
    wechat = pw.standin("wechat")
    good = wechat.bill

    def unavailable(day: str) -> bytes:
        raise RuntimeError("statement not ready")

    wechat.bill = unavailable  # the provider fails the download this morning
    assert scheduled_reconcile(pw.ctx, pw.payments) == []
    with pw.ctx.read() as s:
        failed = s.execute(select(AuditRow.after_json).where(AuditRow.kind == "payment.reconcile_failed")).scalars().all()
    assert any(paid_day.isoformat() in f for f in failed)
    wechat.bill = good
    pw.clock.now += timedelta(days=1)
    done = scheduled_reconcile(pw.ctx, pw.payments)
    assert paid_day in [r.day for r in done]
    [mine] = [r for r in done if r.day == paid_day]
    assert mine.count("matched") == 1 and not mine.differences
    assert pw.trade_no(first)
    assert scheduled_reconcile(pw.ctx, pw.payments) == []  # each day once

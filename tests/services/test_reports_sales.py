"""Sales, meter summary, revenue, reconciliation and statement reports over real ledger operations,
with hand-computed figures and day boundaries in the site's time zone."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from acrel_console.domain.roles import Permission, Role
from acrel_console.services.accounts import AccountService
from acrel_console.services.reports.service import ReportService
from acrel_console.services.vending import VendingService
from acrel_console.storage.tables.meter_state import MeterStateRow
from acrel_console.domain.readings import MeterReading
from acrel_console.services.deliveries import deliver_all
from acrel_console.services.polling.store import store_history
from tests.services.helpers import make_services
from tests.sim.fakebus import FakeBus, ModelMeter

SH = ZoneInfo("Asia/Shanghai")


def local(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=SH).astimezone(timezone.utc)


def test_sales_report_by_cashier_method_and_day_boundary(db_url: str) -> None:
    svc, admin = make_services(db_url)
    svc.ctx.site_key = bytes.fromhex("0123456789ABCDEFFEDCBA9876543210")
    svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    m1 = svc.site.add_meter(admin, gateway="G", address=1, model="DDSY1352", room="A-101").id
    m2 = svc.site.add_meter(admin, gateway="G", address=2, model="DDSY1352", room="A-102").id
    svc.operators.add(admin, "ann", Role.CASHIER, "annpass1")
    svc.operators.add(admin, "sup", Role.SUPERVISOR, "suppass1")
    ann = svc.operators.login("ann", "annpass1")
    now = [local(2026, 3, 1, 9)]
    svc.ctx.clock = lambda: now[0]
    accounts, vending = AccountService(svc.ctx), VendingService(svc.ctx)
    accounts.open_account(ann, "张三", "A-101", [m1])
    accounts.open_account(ann, "李四", "A-102", [m2])
    wrong = vending.sell(ann, m1, "1000.00", "cash")  # keyed 1000 instead of 100
    vending.sell(ann, m2, "50.00", "wechat")
    approver = svc.operators.verify_approver(ann, "sup", "suppass1", Permission.APPROVE_REVERSAL)
    vending.reverse(ann, wrong.operation_id, approver, "keyed 1000 instead of 100", amount="900.00")
    deliver_all(svc.ctx, FakeBus({1: ModelMeter(), 2: ModelMeter()}, clock=svc.ctx.clock))  # reversal paid as confirmed
    now[0] = local(2026, 3, 1, 23, 59)
    vending.sell(admin, m1, "20.00", "cash")
    now[0] = local(2026, 3, 2, 0, 1)  # 16:01 UTC on March 1st, but March 2nd in Shanghai
    vending.sell(ann, m2, "30.00", "alipay")
    rs = ReportService(svc.ctx)
    day = rs.sales(admin, rs.period(admin, "day", "2026-03-01"))
    rows = {r[0]: r for r in day.rows}
    assert rows["ann"][1:] == ("2026-03-01", 105000, 90000, 0, 15000)
    assert rows["admin"][1:] == ("2026-03-01", 2000, 0, 0, 2000)
    assert day.totals() == {"sales": 107000, "reversals": 90000, "refunds": 0, "income": 17000}
    month = rs.sales(admin, rs.period(admin, "month", "2026-03"))
    assert {(r[0], r[1]): r[5] for r in month.rows}[("ann", "2026-03-02")] == 3000
    year = rs.sales(admin, rs.period(admin, "year", "2026"), by="method")
    by_method = {r[0]: r for r in year.rows}
    assert by_method["Cash"][2:] == (102000, 90000, 0, 12000)
    assert by_method["WeChat"][5] == 5000 and by_method["Alipay"][5] == 3000
    svc.close()


def test_meter_summary_reconciliation_and_revenue(db_url: str) -> None:
    svc, admin = make_services(db_url)
    svc.ctx.site_key = bytes.fromhex("0123456789ABCDEFFEDCBA9876543210")
    svc.settings.update(admin, {"energy_cost_p3": "0.5000"})
    svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    m1 = svc.site.add_meter(admin, gateway="G", address=1, model="DDSY1352", room="A-101", ct_ratio=2).id
    now = [local(2026, 3, 1, 9)]
    svc.ctx.clock = lambda: now[0]
    AccountService(svc.ctx).open_account(admin, "张三", "A-101", [m1])
    VendingService(svc.ctx).sell(admin, m1, "100.00", "cash")
    with svc.ctx.transaction() as s:  # history readings as the poller stores them (raw rows and roll-ups)
        store_history(s, [MeterReading(local(2026, 2, 28, 23), None, energy_total=1000,
                                       energy_by_period=(0, 0, 1000, 0), remaining_fen=5000),
                          MeterReading(local(2026, 3, 31, 23), None, energy_total=3000,
                                       energy_by_period=(0, 0, 3000, 0), remaining_fen=12000)], [m1, m1], SH)
        s.add(MeterStateRow(meter_id=m1, offline=False, remaining_fen=14000, last_success_at=local(2026, 3, 31, 23)))
    rs = ReportService(svc.ctx)
    summary = rs.meter_summary(admin, rs.period(admin, "month", "2026-03"))
    (row,) = summary.rows
    # prev 10.00 kWh, cur 30.00 kWh, x CT 2 = 40.00 kWh; used = 50.00 + 100.00 - 120.00 = 30.00 yuan
    assert row[1:] == ("A-101", "张三", 1000, 3000, 4000, 2, 5000, 12000, 10000, 3000)
    rec = rs.reconciliation(admin)
    (r,) = rec.rows
    assert r[3] == 10000 and r[4] == 14000 and r[5] == 1 and r[6] == 10000 and r[8] == 10000 - 24000
    revenue = rs.revenue(admin, rs.period(admin, "month", "2026-03"))
    flat = revenue.rows[2]
    assert flat[1] == 2000 and flat[3] == 1000  # 20.00 kWh x 0.5 yuan = 10.00 yuan cost
    svc.close()

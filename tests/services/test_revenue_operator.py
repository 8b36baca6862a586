"""Revenue report right for tiered and console-billed meters, ADL400 energy split by the day-period
schedule, loss ratio to two decimals (issue 14). Figures worked by hand in the comments."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from acrel_console.domain.readings import MeterReading
from acrel_console.ledger.tariffs import TariffBody
from acrel_console.services.polling.store import store_history
from acrel_console.services.reports.service import ReportService
from tests.services.helpers import make_services

SH = timezone(timedelta(hours=8))


def at(day: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2026, 3, day, hh, mm, tzinfo=SH).astimezone(timezone.utc)


def _store(svc, meter_id: int, when: datetime, total: int, periods=None) -> None:  # type: ignore[no-untyped-def]
    reading = MeterReading(read_at=when, type_code=None, energy_total=total, energy_by_period=periods)
    with svc.ctx.transaction() as s:
        store_history(s, [reading], [meter_id], svc.ctx.site_clock.zone)


def test_revenue_for_tou_console_billed_and_tiered_meters(db_url: str) -> None:
    svc, admin = make_services(db_url)
    svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    adl = svc.site.add_meter(admin, gateway="G", address=1, model="ADL400", room="M-1").id
    dd = svc.site.add_meter(admin, gateway="G", address=2, model="DDSY1352", room="D-2").id
    # TOU: 谷 00:00-08:00, 峰 08:00-22:00, 谷 22:00-24:00; 尖 1.2000 峰 1.0000 平 0.8000 谷 0.4000 yuan/kWh
    tou = svc.tariffs.create(admin, "tou", TariffBody("tou", (12_000, 10_000, 8_000, 4_000),
                                                      ((0, 3), (480, 1), (1320, 3))), at(1, 0) - timedelta(days=1))
    # tiered per month: up to 10.00 kWh at 0.5000, then 0.8000
    tiered = svc.tariffs.create(admin, "tiered", TariffBody("tiered", (5_000,) * 4, tiers=((1000, 5_000), (None, 8_000))),
                                at(1, 0) - timedelta(days=1))
    svc.tariffs.assign(admin, tou.tariff_id, [adl], at(1, 0) - timedelta(hours=1), download=False)
    svc.tariffs.assign(admin, tiered.tariff_id, [dd], at(1, 0) - timedelta(hours=1), download=False)
    # ADL400 (no period registers): 07:00 0; 07:30 +1.00 (谷); 08:30 +2.00 (峰); 23:00 +3.63 (谷) = 6.63 kWh
    for when, total in ((at(2, 7), 0), (at(2, 7, 30), 100), (at(2, 8, 30), 300), (at(2, 23), 663)):
        _store(svc, adl, when, total)
    # DDSY1352 tiered, everything in 平: 8.00 kWh on the 2nd, 6.00 kWh on the 3rd
    for when, total in ((at(1, 23), 0), (at(2, 23), 800), (at(3, 23), 1400)):
        _store(svc, dd, when, total, (0, 0, total, 0))
    rs = ReportService(svc.ctx)
    tou_rows = {r[0]: r for r in rs.tou_energy(admin, rs.period(admin, "month", "2026-03")).rows}
    report = rs.revenue(admin, rs.period(admin, "month", "2026-03"))
    spike, peak, flat, valley = report.rows
    # energy: 峰 2.00, 谷 1.00 + 3.63 = 4.63 (ADL400), 平 14.00 (DDSY): the periods add to the total 20.63
    assert (spike[1], peak[1], flat[1], valley[1]) == (0, 200, 1400, 463)
    # revenue: 峰 2.00 x 1.0 = 2.00; 谷 4.63 x 0.4 = 1.852 -> 1.85;
    # 平 tiered: 8.00 x 0.5 = 4.00 on the 2nd, then 2.00 x 0.5 + 4.00 x 0.8 = 4.20 on the 3rd -> 8.20
    assert (spike[2], peak[2], flat[2], valley[2]) == (0, 200, 820, 185)
    assert any(r for r in tou_rows.values())  # the 复费率 report sees the ADL400's split too
    svc.close()


def test_tier_usage_before_the_report_period_counts(db_url: str) -> None:
    """A day report on the 3rd still knows the 8.00 kWh used on the 2nd: 2.00 at 0.5 + 4.00 at 0.8."""
    svc, admin = make_services(db_url)
    svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    dd = svc.site.add_meter(admin, gateway="G", address=2, model="DDSY1352", room="D-2").id
    tiered = svc.tariffs.create(admin, "tiered", TariffBody("tiered", (5_000,) * 4, tiers=((1000, 5_000), (None, 8_000))),
                                at(1, 0) - timedelta(days=1))
    svc.tariffs.assign(admin, tiered.tariff_id, [dd], at(1, 0) - timedelta(hours=1), download=False)
    for when, total in ((at(1, 23), 0), (at(2, 23), 800), (at(3, 23), 1400)):
        _store(svc, dd, when, total, (0, 0, total, 0))
    rs = ReportService(svc.ctx)
    flat = rs.revenue(admin, rs.period(admin, "day", "2026-03-03")).rows[2]
    assert flat[1:3] == (600, 420)
    svc.close()


def test_loss_ratio_has_two_decimals(db_url: str) -> None:
    svc, admin = make_services(db_url)
    svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    main = svc.site.add_meter(admin, gateway="G", address=1, model="ADL400", room="MAIN").id
    sub = svc.site.add_meter(admin, gateway="G", address=2, model="DDSY1352", room="S-1").id
    svc.site.update_meter(admin, sub, parent_meter_id=main)
    for mid, end in ((main, 300), (sub, 200)):
        _store(svc, mid, at(2, 1), 0, None if mid == main else (0, 0, 0, 0))
        _store(svc, mid, at(2, 23), end, None if mid == main else (0, 0, end, 0))
    rs = ReportService(svc.ctx)
    (row,) = rs.loss(admin, rs.period(admin, "month", "2026-03")).rows
    assert row[2:5] == (300, 200, 100) and row[5] == Decimal("0.3333")  # 33.33 %
    svc.close()

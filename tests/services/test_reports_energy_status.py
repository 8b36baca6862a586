"""Report figures against hand-computed expectations; day/month/year boundaries in the site's time zone;
export read back with openpyxl."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from acrel_console.domain.errors import ValidationError
from acrel_console.domain.readings import MeterReading
from acrel_console.services.polling.store import store_history
from acrel_console.services.reports.service import ReportService
from acrel_console.storage.tables.meter_state import MeterStateRow
from acrel_console.storage.tables.readings import DailyEnergyRow
from acrel_console.storage.tables.site import MeterRow
from tests.services.helpers import make_services

SH = ZoneInfo("Asia/Shanghai")


def local(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=SH).astimezone(timezone.utc)


@pytest.fixture
def site(db_url: str):  # type: ignore[no-untyped-def]
    svc, admin = make_services(db_url)
    svc.site.add_building(admin, "A栋")
    svc.site.add_building(admin, "B栋")
    svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    m1 = svc.site.add_meter(admin, gateway="G", address=1, model="DDSY1352", room="A-101", building="A栋")
    m2 = svc.site.add_meter(admin, gateway="G", address=2, model="DDSY1352", room="A-102", building="A栋")
    m3 = svc.site.add_meter(admin, gateway="G", address=3, model="DTSY1352", room="B-201", building="B栋")
    yield svc, admin, (m1.id, m2.id, m3.id)
    svc.close()


def test_day_by_hour_in_site_time(site) -> None:  # type: ignore[no-untyped-def]
    svc, admin, (m1, m2, _m3) = site
    readings = []
    with svc.ctx.transaction() as s:  # stored as the poller stores them: raw rows and hourly/daily roll-ups
        for meter, at, total in [(m1, local(2026, 3, 1, 23, 30), 900),   # the day before: baseline only
                                 (m1, local(2026, 3, 2, 0, 30), 1000),   # hour 00: +100
                                 (m1, local(2026, 3, 2, 1, 0), 1100),    # hour 01: +100
                                 (m1, local(2026, 3, 2, 1, 30), 1150),   # hour 01: +50
                                 (m1, local(2026, 3, 2, 23, 30), 2000),  # hour 23: +850
                                 (m1, local(2026, 3, 3, 0, 0), 2100),    # next day: not counted
                                 (m2, local(2026, 3, 2, 7, 0), 500),     # first reading ever: no delta
                                 (m2, local(2026, 3, 2, 8, 0), 400)]:    # counter went back: nothing
            readings.append((meter, MeterReading(at, None, energy_total=total)))
        store_history(s, [r for _m, r in readings], [m for m, _r in readings], SH)
    rs = ReportService(svc.ctx)
    report = rs.energy(admin, rs.period(admin, "day", "2026-03-02"))
    assert [c.header for c in report.columns][:3] == ["Room", "00", "01"] and report.columns[-1].header == "Total"
    rows = {r[0]: r for r in report.rows}
    a101 = rows["A-101"]
    assert a101[1] == 100 and a101[2] == 150 and a101[24] == 850 and a101[25] == 1100
    assert sum(a101[1:25]) == a101[25]
    assert "A-102" not in rows or rows["A-102"][25] == 0
    assert report.totals()["total"] == 1100
    by_building = rs.energy(admin, rs.period(admin, "day", "2026-03-02"), group="building")
    assert {r[0]: r[-1] for r in by_building.rows} == {"A栋": 1100}


def test_month_by_day_year_by_month_and_tou(site) -> None:  # type: ignore[no-untyped-def]
    svc, admin, (m1, m2, m3) = site
    with svc.ctx.transaction() as s:
        for meter, day, e in [(m1, date(2026, 2, 28), 700), (m1, date(2026, 3, 1), 100), (m1, date(2026, 3, 31), 300),
                              (m2, date(2026, 3, 15), 50), (m3, date(2026, 12, 31), 999), (m3, date(2027, 1, 1), 1)]:
            s.add(DailyEnergyRow(meter_id=meter, day=day, energy_total=e, energy_p1=e // 10, energy_p2=e // 5,
                                 energy_p3=e // 2, energy_p4=e - e // 10 - e // 5 - e // 2))
    rs = ReportService(svc.ctx)
    month = rs.energy(admin, rs.period(admin, "month", "2026-03"))
    assert len(month.columns) == 1 + 31 + 1
    rows = {r[0]: r for r in month.rows}
    assert rows["A-101"][1] == 100 and rows["A-101"][31] == 300 and rows["A-101"][-1] == 400
    assert rows["A-102"][15] == 50 and "B-201" not in rows
    assert month.chart is not None and month.chart.series[0][1][0] == 100
    year = rs.energy(admin, rs.period(admin, "year", "2026"))
    rows = {r[0]: r for r in year.rows}
    assert rows["A-101"][2] == 700 and rows["A-101"][3] == 400 and rows["B-201"][12] == 999
    assert rows["B-201"][-1] == 999  # 2027-01-01 is another year
    tou = rs.tou_energy(admin, rs.period(admin, "month", "2026-03"), group="building")
    row = {r[0]: r for r in tou.rows}["A栋"]
    assert row[1:5] == (10 + 30 + 5, 20 + 60 + 10, 50 + 150 + 25, 20 + 60 + 10) and row[5] == 450
    assert sum(row[1:5]) == row[5]


def test_bad_period_is_a_clear_error(site) -> None:  # type: ignore[no-untyped-def]
    svc, admin, _ = site
    with pytest.raises(ValidationError):
        ReportService(svc.ctx).period(admin, "month", "2026-13")


def test_offline_electrical_loss_and_export(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    svc, admin, (m1, m2, m3) = site
    with svc.ctx.transaction() as s:
        s.add(MeterStateRow(meter_id=m1, offline=False, last_success_at=local(2026, 3, 2, 10), remaining_fen=12345,
                            energy_total=100, values_json=json.dumps({"voltage_dv": [2201, 0, 0],
                                                                      "current_ca": [512], "power_w": [1126, 0, 0, 1126],
                                                                      "pf_milli": [998, 0, 0, 998]})))
        s.add(MeterStateRow(meter_id=m2, offline=True, offline_since=local(2026, 3, 2, 9), remaining_fen=-5))
        s.get(MeterRow, m2).parent_meter_id = m1
        s.get(MeterRow, m3).parent_meter_id = m1
        s.add(DailyEnergyRow(meter_id=m1, day=date(2026, 3, 2), energy_total=1000))
        s.add(DailyEnergyRow(meter_id=m2, day=date(2026, 3, 2), energy_total=600))
        s.add(DailyEnergyRow(meter_id=m3, day=date(2026, 3, 2), energy_total=300))
    rs = ReportService(svc.ctx)
    offline = rs.offline_meters(admin)
    assert [r[0] for r in offline.rows] == ["A-102", "B-201"]  # m3 never read: offline too
    elec = rs.electrical(admin)
    assert elec.rows[0][:3] == ("A-101", "", "220.1") and elec.rows[0][8] == "1.126" and elec.rows[0][9] == "0.998"
    loss = rs.loss(admin, rs.period(admin, "day", "2026-03-02"))
    from decimal import Decimal

    assert loss.rows == (("A-101", 2, 1000, 900, 100, Decimal("0.1")),)
    result = rs.export(admin, loss, tmp_path / "loss.xlsx")
    ws = load_workbook(result.path).active
    header = result.header_row
    assert ws.cell(header, 1).value == "Main meter"
    assert ws.cell(header + 1, 3).value == 10 and ws.cell(header + 1, 3).number_format == "#,##0.00"
    month = rs.energy(admin, rs.period(admin, "month", "2026-03"), group="building")
    res = rs.export(admin, month, tmp_path / "energy.xlsx", translate=lambda c, t: {"Building": "建筑"}.get(t, t))
    ws = load_workbook(res.path).active
    assert ws.cell(res.header_row, 1).value == "建筑"
    values = [ws.cell(r, 1).value for r in range(res.header_row + 1, ws.max_row + 1)]
    assert "A栋" in values and "B栋" in values


def test_energy_reports_read_day_totals_from_the_covering_index(sqlite_url: str) -> None:
    """A month or a year of every meter is summed from ix_meter_daily_energy_day_total alone, never row by row (a
    year at 2,000 meters is 730,000 day rows: benchmarks/bench_scale.py --only readings)."""
    from sqlalchemy import event

    svc, admin = make_services(sqlite_url)
    try:
        svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
        m1 = svc.site.add_meter(admin, gateway="G", address=1, model="DDSY1352", room="A-101")
        with svc.ctx.transaction() as s:
            s.add(DailyEnergyRow(meter_id=m1.id, day=date(2026, 3, 1), energy_total=100))
        statements: list[tuple[str, object]] = []

        def seen(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
            if "meter_daily_energy" in statement:
                statements.append((statement, parameters))

        event.listen(svc.ctx.engine, "before_cursor_execute", seen)
        rs = ReportService(svc.ctx)
        year = rs.energy(admin, rs.period(admin, "year", "2026"))
        month = rs.energy(admin, rs.period(admin, "month", "2026-03"))
        event.remove(svc.ctx.engine, "before_cursor_execute", seen)
        assert {r[0]: r[-1] for r in year.rows} == {"A-101": 100} == {r[0]: r[-1] for r in month.rows}
        assert len(statements) == 13  # twelve months, then the month by day
        with svc.ctx.engine.connect() as conn:
            for statement, parameters in statements:
                plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}",
                                                                             parameters))
                assert "COVERING INDEX ix_meter_daily_energy_day_total" in plan, (statement, plan)
    finally:
        svc.close()

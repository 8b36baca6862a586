"""损耗分析 by day and by month (issue 14): main meter against its sub-meters, absolute loss in kWh and the
relative loss to two decimals of a percent, charted, exported. Figures worked by hand in the comments."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from acrel_console.domain.errors import ValidationError
from acrel_console.services.reports.service import ReportService
from acrel_console.storage.tables.readings import DailyEnergyRow
from tests.services.helpers import make_services


@pytest.fixture
def losses(db_url: str) -> Iterator[tuple[object, object, ReportService]]:
    """总表 MAIN with sub-meters S-1 and S-2; a second group BIG/B-1; daily energy in March 2026 (0.01 kWh)."""
    svc, admin = make_services(db_url)
    svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    add = lambda a, room, model="ADL400": svc.site.add_meter(admin, gateway="G", address=a, model=model,  # noqa: E731
                                                             room=room).id
    main, s1, s2, big, b1 = add(1, "MAIN"), add(2, "S-1", "DDSY1352"), add(3, "S-2"), add(4, "BIG"), add(5, "B-1")
    for sub in (s1, s2):
        svc.site.update_meter(admin, sub, main_meter=main)
    svc.site.update_meter(admin, b1, main_meter=big)
    energy = {
        # day 1: 10.00 - (6.00 + 3.00) = 1.00 kWh, 10.00 %
        1: {main: 1000, s1: 600, s2: 300, big: 20000, b1: 19999},  # BIG: 0.01 of 200.00 kWh = 0.005 % -> 0.01 %
        # day 2: 12.34 - (5.00 + 6.00) = 1.34 kWh, 134 / 1234 = 10.859 % -> 10.86 %
        2: {main: 1234, s1: 500, s2: 600, big: 0, b1: 0},
        # day 3: S-2 not read all day: the difference is shown, the rate is not
        3: {main: 900, s1: 500, big: 100, b1: 120},  # B-1 above BIG: a negative loss, -20.00 %
    }
    with svc.ctx.transaction() as s:
        for day, per in energy.items():
            for mid, e in per.items():
                s.add(DailyEnergyRow(meter_id=mid, day=date(2026, 3, day), energy_total=e))
    yield svc, admin, ReportService(svc.ctx)
    svc.close()  # type: ignore[attr-defined]


def test_by_day(losses) -> None:  # type: ignore[no-untyped-def]
    _svc, admin, rs = losses
    report = rs.loss(admin, rs.period_range(admin, date(2026, 3, 1), date(2026, 3, 4)), by="day")
    assert [c.key for c in report.columns] == ["main", "date", "subs", "main_e", "sub_e", "diff", "share", "missing"]
    rows = {(r[0], r[1]): r[2:] for r in report.rows}
    assert rows[("MAIN", "2026-03-01")] == (2, 1000, 900, 100, Decimal("0.1000"), 0)
    assert rows[("MAIN", "2026-03-02")] == (2, 1234, 1100, 134, Decimal("0.1086"), 0)
    assert rows[("MAIN", "2026-03-03")] == (2, 900, 500, 400, None, 1)
    assert rows[("BIG", "2026-03-01")][3:5] == (1, Decimal("0.0001"))  # half up: 0.00005 -> 0.01 %
    assert rows[("BIG", "2026-03-02")][4] is None  # no energy through the main meter: no rate
    assert rows[("BIG", "2026-03-03")][3:5] == (-20, Decimal("-0.2000"))
    assert [r[0] for r in report.rows] == ["BIG"] * 3 + ["MAIN"] * 3
    assert report.totals() == {"main_e": 1000 + 1234 + 900 + 20000 + 100, "sub_e": 900 + 1100 + 500 + 19999 + 120,
                               "diff": 100 + 134 + 400 + 1 - 20}
    assert report.chart is not None and report.chart.x_labels == ("2026-03-01", "2026-03-02", "2026-03-03")
    series = dict(report.chart.series)
    assert series["Main energy"] == (21000, 1234, 1000) and series["Loss (kWh)"] == (101, 134, 380)
    assert report.notes  # a rate left empty is explained


def test_by_month_and_whole_period(losses) -> None:  # type: ignore[no-untyped-def]
    _svc, admin, rs = losses
    month = rs.loss(admin, rs.period(admin, "year", "2026"), by="month")
    march = {r[0]: r for r in month.rows if r[1] == "2026-03"}
    # MAIN in March: 31.34 - 25.00 = 6.34 kWh, 634 / 3134 = 20.2297 % -> 20.23 %
    assert march["MAIN"][3:8] == (3134, 2500, 634, Decimal("0.2023"), 0)
    assert len(month.rows) == 2 * 12 and month.chart is not None and len(month.chart.x_labels) == 12
    assert {r[7] for r in month.rows if r[1] == "2026-04"} == {2, 3}  # no readings at all in April
    total = rs.loss(admin, rs.period(admin, "month", "2026-03"))  # the whole period, as before
    assert [r[:6] for r in total.rows if r[0] == "MAIN"] == [("MAIN", 2, 3134, 2500, 634, Decimal("0.2023"))]
    with pytest.raises(ValidationError):
        rs.loss(admin, rs.period(admin, "month", "2026-03"), by="week")


def test_export_has_two_decimals(losses, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _svc, admin, rs = losses
    report = rs.loss(admin, rs.period(admin, "month", "2026-03"), by="day")
    result = rs.export(admin, report, tmp_path / "loss.xlsx")
    ws = load_workbook(result.path).active
    h = result.header_row
    assert [ws.cell(h, c).value for c in range(1, 9)] == ["Main meter", "Date", "Sub-meters", "Main energy",
                                                          "Sub-meter energy", "Loss (kWh)", "Loss rate",
                                                          "Meters without readings"]
    row = next(r for r in range(h + 1, ws.max_row + 1) if ws.cell(r, 1).value == "MAIN"
               and ws.cell(r, 2).value == "2026-03-02")
    assert ws.cell(row, 6).value == 1.34 and ws.cell(row, 6).number_format == "#,##0.00"
    assert ws.cell(row, 7).value == pytest.approx(0.1086) and ws.cell(row, 7).number_format == "0.00%"

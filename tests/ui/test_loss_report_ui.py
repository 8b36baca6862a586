"""损耗分析 in the report center (issue 14): by day, absolute and relative loss to two decimals, the chart of
main, sub-meter and loss energy (all groups, or one main meter), the sheet equals the table; screenshots in
zh_CN and en."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from acrel_console.storage.tables.readings import DailyEnergyRow
from acrel_console.ui.pages.reports_page import ReportsPage
from acrel_console.ui.reports.catalog import MONTH
from tests.ui.conftest import settle
from tests.ui.screens import LANGUAGES, language, missing_glyphs, shot, shown_page
from tests.ui.sheet_compare import assert_sheet_matches


def _site(services, admin) -> None:  # type: ignore[no-untyped-def]
    services.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    ids = [services.site.add_meter(admin, gateway="G", address=a, model="ADL400", room=room).id
           for a, room in ((1, "总表-1F"), (2, "1F-101"), (3, "1F-102"), (4, "总表-2F"), (5, "2F-201"))]
    for sub in ids[1:3]:
        services.site.update_meter(admin, sub, main_meter=ids[0])
    services.site.update_meter(admin, ids[4], main_meter=ids[3])
    with services.ctx.transaction() as s:
        for day in range(1, 32):
            main = 10_000 + 37 * day  # 100.37 kWh on day 1 ...
            s.add(DailyEnergyRow(meter_id=ids[0], day=date(2026, 3, day), energy_total=main))
            s.add(DailyEnergyRow(meter_id=ids[1], day=date(2026, 3, day), energy_total=main // 2))
            s.add(DailyEnergyRow(meter_id=ids[2], day=date(2026, 3, day), energy_total=main // 3))
            s.add(DailyEnergyRow(meter_id=ids[3], day=date(2026, 3, day), energy_total=5_000))
            if day != 9:  # 2F-201 lost contact all of March 9th
                s.add(DailyEnergyRow(meter_id=ids[4], day=date(2026, 3, day), energy_total=4_900 - day))


def test_loss_report_by_day_charted_and_exported(qtbot, ui, services, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _site(services, admin)
    for code in LANGUAGES:
        with language(code):
            page = shown_page(qtbot, ui, ReportsPage)
            page.select_report("loss", MONTH)
            page.period.set_dates(date(2026, 3, 1))
            assert page.option_box.currentData() == "day" and page.option_box.isVisible()
            page.query_button.click()
            settle(ui)
            assert page.last_error == "" and page.report is not None
            assert len(page.report.rows) == 2 * 31 and page.model.rowCount() == 2 * 31 + 1  # and the totals row
            cells = {(page.model.index(r, 0).data(), page.model.index(r, 1).data()):
                     [page.model.index(r, c).data() for c in range(2, 8)] for r in range(page.model.rowCount())}
            # 1F on March 1st: 100.37 - (50.18 + 33.45) = 16.74 kWh; 1674 / 10037 = 16.678 % -> 16.68 %
            assert cells[("总表-1F", "2026-03-01")] == ["2", "100.37", "83.63", "16.74", "16.68%", "0"]
            # 2F on March 9th: the sub-meter has no readings: difference shown, no rate
            assert cells[("总表-2F", "2026-03-09")] == ["1", "50.00", "0.00", "50.00", "", "1"]
            assert page.chart_box.isVisible() and page.chart_data is not None
            assert len(page.chart_data.series) == 3 and len(page.chart_data.x_labels) == 31
            labels = [page.chart_row.itemText(i) for i in range(page.chart_row.count())]
            assert labels[1:] == ["总表-1F", "总表-2F"]
            headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
            if code == "zh_CN":
                assert headers[:2] == ["总表", "日期"] and "损耗率" in headers
                assert page.option_box.currentText() == "按日"
            assert missing_glyphs(page, headers + [page.heading.text(), page.option_box.currentText()]) == []
            shot(page, f"loss-report-{code}", tmp_path)
            page.chart_row.setCurrentIndex(2)  # one main meter's days
            assert page.chart_data.series[0][1] == (5_000,) * 31
            shot(page.chart, f"loss-chart-2F-{code}", tmp_path)
            out = tmp_path / f"loss-{code}.xlsx"
            page.last_export = None
            page.export_to(str(out))
            page.exporter.wait()
            qtbot.waitUntil(lambda: page.last_export is not None, timeout=20_000)  # noqa: B023
            sheet = assert_sheet_matches(out, page.model, page.last_export.header_row,
                                         filters=list(page.shown_filters))
            assert sheet.rows[-1][3] is not None  # the totals row of the energy columns
            page.close()

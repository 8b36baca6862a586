"""Every exported sheet shows what the screen shows (issue 13): the same rows in the same order, the same columns
and words, the same totals and the same filters, for each list and report with an Export button — records
(售电查询), every report of the report center, 抄表导出 and the operation log — in English and in zh_CN.

Today the 售电查询 sheet totalled the amount column (refunds and reversals added as positive: 210.00 where the
screen's income is 130.00) and 抄表导出 wrote English and only the selected tiles."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from acrel_console.domain.status import MeterStatus
from acrel_console.ui.audit_log_panel import AuditLogPanel
from acrel_console.ui.cashier.records_export import totals_lines
from acrel_console.ui.pages.records_page import RecordsPage
from acrel_console.ui.pages.reports_page import ReportsPage
from acrel_console.ui.reports.catalog import MONTH, REPORTS
from tests.ui.conftest import settle
from tests.ui.screens import language
from tests.ui.sheet_compare import assert_sheet_matches
from tests.ui.test_cashier_world import World, world  # noqa: F401 - fixture
from tests.ui.test_meters_page import make_page, site  # noqa: F401 - fixture
from tests.ui.test_records_page import _page as _records_page
from tests.ui.test_reports_page import page  # noqa: F401 - fixture: the report center on seeded sales


def _day_of_sales(w: World) -> None:
    """Sales 100 + 50 + 20, a refund of 10 and a reversal of 30: income 130.00, plain column sum 210.00."""
    v, c, m = w.money.vending, w.cashier, w.meters
    big = v.sell(c, m[0], "100", "cash")
    v.sell(c, m[0], "50", "wechat")
    v.sell(c, m[1], "20", "alipay")
    from tests.ui.test_slip_printing import settle_deliveries

    settle_deliveries(w)
    v.refund(c, m[0], "10", "cash", reason="moved out")
    v.reverse(c, big.operation_id, w.supervisor, "keyed 100 for 70", "30")
    settle_deliveries(w)


def _export_records(qtbot, page: RecordsPage, path: Path) -> None:  # type: ignore[no-untyped-def]
    page.last_export = None
    page.export_to(str(path))
    qtbot.waitUntil(lambda: page.last_export is not None or bool(page.export_error), timeout=20_000)
    assert page.last_export is not None, page.export_error


def test_records_sheet_equals_the_screen_and_never_adds_refunds_as_income(  # type: ignore[no-untyped-def]
        qtbot, make_ui, world: World, tmp_path: Path) -> None:
    _day_of_sales(world)
    ui = make_ui(world.cashier)
    page = _records_page(qtbot, ui)
    assert page.model.rowCount() == 5 and page.result.totals.income == Decimal("130.00")
    out = tmp_path / "records.xlsx"
    _export_records(qtbot, page, out)
    lines = [(label, value) for label, value in totals_lines(page.result.totals)]
    sheet = assert_sheet_matches(out, page.model, page.last_export.header_row, summary=lines)
    assert ("Income (sales − reversals − refunds)", "130.00") in sheet.tail
    assert "Income (sales − reversals − refunds) 130.00" in page.totals.text()
    every_cell = [c for row in sheet.rows for c in row] + [v for _l, v in sheet.tail]
    assert "210.00" not in [str(c) for c in every_cell] and 210 not in every_cell  # no plain sum of all amounts
    # a filter: the sheet has the filtered rows only, and says which filter
    page.tenant.setText("Li Si")
    page.search()
    settle(ui)
    assert page.model.rowCount() == 4
    _export_records(qtbot, page, out)
    assert_sheet_matches(out, page.model, page.last_export.header_row, filters=[("Tenant", "Li Si")],
                         summary=list(totals_lines(page.result.totals)))


def test_records_sheet_is_in_the_interface_language(qtbot, make_ui, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _day_of_sales(world)
    with language("zh_CN"):
        ui = make_ui(world.cashier)
        page = _records_page(qtbot, ui)
        out = tmp_path / "records-zh.xlsx"
        _export_records(qtbot, page, out)
        sheet = assert_sheet_matches(out, page.model, page.last_export.header_row,
                                     summary=list(totals_lines(page.result.totals)))
        assert sheet.title == "售电查询" and sheet.headers[:3] == ["创建日期", "创建人", "用户编号"]
        assert {row[8] for row in sheet.rows} >= {"正常售电", "退电", "冲正"}


@pytest.mark.parametrize("report_id", [r.report_id for r in REPORTS])
def test_every_report_sheet_equals_its_table(qtbot, page: ReportsPage, report_id: str,  # type: ignore[no-untyped-def]
                                             tmp_path: Path) -> None:  # noqa: F811 - fixture
    d = next(r for r in REPORTS if r.report_id == report_id)
    page.select_report(report_id, MONTH if MONTH in d.period_kinds else (d.period_kinds[0] if d.period_kinds else ""))
    if d.period_kinds:
        page.period.set_dates(date(2026, 3, 1))
    settle(page.ui)
    if d.needs_tenant:
        qtbot.waitUntil(lambda: page.tenant_box.count() > 0, timeout=10_000)
    page.query_button.click()
    settle(page.ui)
    assert page.last_error == "" and page.report is not None
    out = tmp_path / f"{report_id}.xlsx"
    page.last_export = None
    page.export_to(str(out))
    page.exporter.wait()
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=20_000)
    expected_filters = list(page.shown_filters)
    sheet = assert_sheet_matches(out, page.model, page.last_export.header_row, filters=expected_filters)
    assert sheet.title == page.heading.text().split(" — ")[0]
    if d.options or d.needs_tenant:
        assert expected_filters  # the grouping / tenant asked for is named in the sheet


def test_readings_export_is_the_whole_filtered_table_in_the_interface_language(  # type: ignore[no-untyped-def]
        ui, site, qtbot, tmp_path: Path) -> None:  # noqa: F811 - fixture
    _bus, _poller, ids = site
    with language("zh_CN"):
        page = make_page(ui, qtbot)
        page.set_view(1)
        qtbot.mouseClick(page.legend.buttons[MeterStatus.ALARM1], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(page.legend.buttons[MeterStatus.ARREARS], Qt.MouseButton.LeftButton)
        assert page.proxy.rowCount() == 2
        page.select_meters([ids[1]])  # one tile selected: the export still writes every meter shown
        out = tmp_path / "readings.xlsx"
        page.export_to(str(out))
        qtbot.waitUntil(lambda: page.last_export_result is not None, timeout=20_000)
        sheet = assert_sheet_matches(out, page.proxy, page.last_export_result.header_row)
        assert sheet.title == "抄表记录" and sheet.headers[0] == "商铺号"
        assert len(sheet.rows) == 2
        filters = dict(sheet.head)
        assert "报警1" in str(filters.get("状态")) and "欠费" in str(filters.get("状态"))


def test_operation_log_sheet_equals_the_screen_with_readable_targets(  # type: ignore[no-untyped-def]
        qtbot, make_ui, world: World, tmp_path: Path) -> None:
    _day_of_sales(world)
    ui = make_ui(world.admin)
    panel = AuditLogPanel(ui)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    settle(ui)
    targets = [panel.model.data(panel.model.index(r, 4)) for r in range(panel.model.rowCount())]
    assert not [t for t in targets if t.startswith(("meter:", "command:"))]  # today: 'meter:1', 'command:<uuid>'
    assert "Meter M0001 · R101" in targets
    assert any(t.startswith("Delivery to meter M0001 · R101") for t in targets)
    out = tmp_path / "log.xlsx"
    panel.export_to(str(out))
    settle(ui)
    assert panel.last_export is not None
    sheet = assert_sheet_matches(out, panel.model, panel.last_export.header_row, columns=6)
    assert sheet.headers[6:] == ["Before", "After"]

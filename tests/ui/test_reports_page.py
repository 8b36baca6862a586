"""报表中心 over real services (SQLite): a sales report's figures, totals row and chart; an energy month with a
per-room chart; the chart saved as PNG; export to .xlsx read back with openpyxl; cancel leaves no file."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from acrel_console.services.accounts import AccountService
from acrel_console.services.deliveries import deliver_all
from acrel_console.services.export import ExportCancelled
from acrel_console.services.vending import VendingService
from acrel_console.storage.tables.readings import DailyEnergyRow
from acrel_console.ui.pages.reports_page import ReportsPage
from acrel_console.ui.reports.catalog import MONTH
from tests.sim.fakebus import FakeBus, ModelMeter
from tests.ui.conftest import settle

SH = ZoneInfo("Asia/Shanghai")
SITE_KEY = bytes.fromhex("0123456789ABCDEFFEDCBA9876543210")


def local(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=SH).astimezone(timezone.utc)


def seed(services, admin) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Two rooms with tenants, sales on March 1st and 2nd (Shanghai), a month of daily energy."""
    services.ctx.site_key = SITE_KEY
    services.site.add_building(admin, "A栋")
    services.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    m1 = services.site.add_meter(admin, gateway="G", address=1, model="DDSY1352", room="A-101", building="A栋").id
    m2 = services.site.add_meter(admin, gateway="G", address=2, model="DDSY1352", room="A-102", building="A栋").id
    now = [local(2026, 3, 1, 9)]
    services.ctx.clock = lambda: now[0]
    accounts, vending = AccountService(services.ctx), VendingService(services.ctx)
    accounts.open_account(admin, "张三", "A-101", [m1])
    accounts.open_account(admin, "李四", "A-102", [m2])
    vending.sell(admin, m1, "100.00", "cash")
    vending.sell(admin, m2, "50.50", "wechat")
    now[0] = local(2026, 3, 2, 0, 1)  # March 1st in UTC, March 2nd on site
    vending.sell(admin, m1, "30.00", "cash")
    vending.refund(admin, m1, "10.00", "cash")
    deliver_all(services.ctx, FakeBus({1: ModelMeter(), 2: ModelMeter()}, clock=services.ctx.clock))  # refund confirmed
    with services.ctx.transaction() as s:
        for day in range(1, 32):
            s.add(DailyEnergyRow(meter_id=m1, day=date(2026, 3, day), energy_total=1000 + day))
        s.add(DailyEnergyRow(meter_id=m2, day=date(2026, 3, 15), energy_total=250))
    return m1, m2


@pytest.fixture
def page(ui, services, admin, qtbot):  # type: ignore[no-untyped-def]
    seed(services, admin)
    page = ReportsPage(ui)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.activated()
    return page


def run_query(page: ReportsPage, report_id: str, kind: str, first: date, option: str = "") -> None:
    page.select_report(report_id, kind)
    page.period.set_dates(first)
    if option:
        page.option_box.setCurrentIndex(page.option_box.findData(option))
    page.query_button.click()
    settle(page.ui)
    assert page.last_error == ""


def cell(page: ReportsPage, row: int, col: int) -> str:
    return str(page.model.index(row, col).data())


def test_sales_month_figures_totals_and_trend_chart(page: ReportsPage) -> None:
    run_query(page, "sales", MONTH, date(2026, 3, 1))
    report = page.report
    assert report is not None and report.report_id == "sales"
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert headers == ["Seller", "Date", "Sales", "Reversals", "Refunds", "Financial income"]
    assert page.model.rowCount() == 3  # two days of admin + totals
    assert [cell(page, 0, c) for c in range(6)] == ["admin", "2026-03-01", "150.50", "0.00", "0.00", "150.50"]
    assert [cell(page, 1, c) for c in range(6)] == ["admin", "2026-03-02", "30.00", "0.00", "10.00", "20.00"]
    assert page.model.totals_row() == 2
    assert [cell(page, 2, c) for c in range(6)] == ["Total", "", "180.50", "0.00", "10.00", "170.50"]
    # the chart: income per day, bars, translated series, unit on the axis
    data = page.chart_data
    assert data is not None and data.kind == "bar"
    assert data.x_labels == ("2026-03-01", "2026-03-02") and data.series[0][1] == (15050, 2000)
    assert page.chart.series_names == ["Financial income"]
    assert page.chart.tick_labels() == ["01", "02"]
    assert not page.chart_box.isHidden()


def test_sales_by_method_translates_method_words(page: ReportsPage) -> None:
    run_query(page, "sales", MONTH, date(2026, 3, 1), option="method")
    keys = [cell(page, r, 0) for r in range(page.model.rowCount() - 1)]
    assert set(keys) == {"Cash", "WeChat"}


def test_energy_month_table_chart_and_one_room(page: ReportsPage, tmp_path: Path) -> None:
    run_query(page, "energy", MONTH, date(2026, 3, 10))
    model = page.model
    assert model.columnCount() == 1 + 31 + 1
    assert cell(page, 0, 0) == "A-101" and cell(page, 0, 1) == "10.01" and cell(page, 0, 31) == "10.31"
    expected = sum(1000 + d for d in range(1, 32))
    assert cell(page, 0, 32) == f"{expected // 100}.{expected % 100:02d}"
    assert cell(page, 1, 15) == "2.50"
    assert cell(page, 2, 0) == "Total" and cell(page, 2, 15) == "12.65"
    assert page.chart_data is not None and page.chart_data.series[0][1][14] == 1015 + 250
    assert page.chart.series_names == ["Energy (kWh)"] and len(page.chart.tick_labels()) == 31
    # daily energy of one room
    page.chart_row.setCurrentIndex(page.chart_row.findText("A-102"))
    assert page.chart_data is not None and page.chart_data.series[0][1][14] == 250
    assert sum(page.chart_data.series[0][1]) == 250
    png = tmp_path / "chart.png"
    assert page.save_chart(str(png))
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 100 and image.height() > 50


def test_statement_needs_a_tenant_and_shows_items(page: ReportsPage) -> None:
    page.select_report("statement", MONTH)
    settle(page.ui)
    assert page.tenant_box.count() == 2
    page.tenant_box.setCurrentIndex(page.tenant_box.findText("张三", Qt.MatchFlag.MatchStartsWith))
    page.period.set_dates(date(2026, 3, 1))
    page.query_button.click()
    settle(page.ui)
    items = [cell(page, r, 1) for r in range(page.model.rowCount())]
    assert items[0] == "Opening balance" and items[-1] == "Closing balance" and "refund" in items


def wait_export(page: ReportsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.exporter.wait(30)
    qtbot.waitUntil(lambda: not page.exporter.running, timeout=10_000)


def test_export_xlsx_read_back(page: ReportsPage, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    run_query(page, "sales", MONTH, date(2026, 3, 1), option="method")
    path = tmp_path / "sales.xlsx"
    page.export_to(str(path))
    wait_export(page, qtbot)
    assert page.last_export is not None and page.last_error == ""
    ws = load_workbook(path).active
    header = page.last_export.header_row
    assert ws.cell(1, 1).value == "Electricity sales report"
    assert [ws.cell(header, c).value for c in range(1, 7)] == ["Payment method", "Date", "Sales", "Reversals",
                                                                "Refunds", "Financial income"]
    rows = [[ws.cell(r, c).value for c in range(1, 7)] for r in range(header + 1, header + 4)]
    assert rows[0] == ["Cash", "2026-03-01", 100, 0, 0, 100]
    assert ws.cell(header + 1, 3).number_format == "#,##0.00"
    total = [ws.cell(ws.max_row, c).value for c in range(1, 7)]
    assert total[0] == "Total" and total[2] == 180.5 and total[5] == 170.5


def test_export_cancel_leaves_no_file(page: ReportsPage, tmp_path: Path, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import threading

    from acrel_console.ui.reports import export_runner

    run_query(page, "energy", MONTH, date(2026, 3, 1))
    path = tmp_path / "cancelled.xlsx"
    release = threading.Event()
    real = export_runner.translate_text

    def held(text: str) -> str:  # the worker waits here (first text cell) until Cancel was pressed
        release.wait(10)
        return real(text)

    monkeypatch.setattr(export_runner, "translate_text", held)
    results: list[object] = []
    page.exporter.finished.connect(lambda r, e: results.append(e))
    page.export_to(str(path))
    assert page.exporter.running and page.exporter.dialog is not None
    page.exporter.dialog.canceled.emit()  # the dialog's Cancel button
    release.set()
    wait_export(page, qtbot)
    assert len(results) == 1 and isinstance(results[0], ExportCancelled)
    assert not path.exists() and list(tmp_path.glob("*.part")) == []
    assert "cancelled" in page.message.text()


def test_alarm_reports_show_messages_in_the_current_language(page: ReportsPage, services) -> None:  # type: ignore[no-untyped-def]
    from acrel_console import i18n
    from acrel_console.domain.alarms import AlarmKind

    services.alarm_engine.raise_event(AlarmKind.RECONCILIATION, "meter:1", meter_id=1, room="A-101",
                                      ledger="10.00", meter="9.00")
    assert i18n.install_translator("zh_CN")
    try:
        page.select_report("alarms_active")
        page.query_button.click()
        settle(page.ui)
        assert page.model.rowCount() == 1
        headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
        row = dict(zip(headers, (cell(page, 0, c) for c in range(page.model.columnCount()))))
        assert row["报警类型"] == "对账不符"
        assert row["消息"] == "A-101：账务余额 10.00 元与电表余额 9.00 元不符。"
    finally:
        i18n.install_translator("en")


def test_pages_never_call_services_on_the_gui_thread(qtbot, services, admin) -> None:  # type: ignore[no-untyped-def]
    import threading

    from acrel_console.ui.context import UiContext
    from acrel_console.ui.pages.alarms_page import AlarmsPage
    from acrel_console.ui.pages.dashboard_page import DashboardPage
    from acrel_console.ui.prefs import Prefs
    from acrel_console.ui.tasks import TaskRunner
    from tests.ui.test_gui_thread import Spy

    seed(services, admin)
    calls: list[tuple[str, int]] = []
    ui = UiContext(Spy(services, calls), admin, TaskRunner(), Prefs())  # type: ignore[arg-type]
    pages = [DashboardPage(ui), ReportsPage(ui), AlarmsPage(ui)]
    for p in pages:
        qtbot.addWidget(p)
        p.show()
        p.activated()
    settle(ui)
    reports = pages[1]
    assert isinstance(reports, ReportsPage)
    for report_id in ("sales", "energy", "statement", "alarms_history", "offline_meters"):
        reports.select_report(report_id, MONTH)
        settle(ui)
        reports.period.set_dates(date(2026, 3, 1))
        reports.query()
        settle(ui)
        assert reports.last_error == "", report_id
    gui = threading.get_ident()
    # subscribing a listener to the alarm engine is registration, not a service call; the site clock does no I/O
    on_gui = [name for name, thread in calls
              if thread == gui and not name.endswith("subscribe") and "clock." not in name]
    assert on_gui == [] and len(calls) > 10

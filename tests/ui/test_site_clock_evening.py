"""One site clock: sales made at 20:30 UTC on an Asia/Shanghai site (04:30 the next morning on site) show in
the Records page's default range, the daily report of the site's date, the shift, the receipt, the operation
log and every default date of the pages — whatever the machine's own date, hour and zone."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate

from acrel_console.ui.audit_log_panel import AuditLogPanel
from acrel_console.ui.pages.alarms_page import AlarmsPage
from acrel_console.ui.pages.records_page import RecordsPage
from acrel_console.ui.pages.reports_page import ReportsPage
from tests.ui.conftest import settle
from tests.ui.test_cashier_world import World, world  # noqa: F401 - fixture

pytestmark = pytest.mark.site_clock

# 20:30 UTC on 2 March = 04:30 on 3 March in Shanghai. The machine's own date plays no part: the service
# clock is injected, so the test means the same at any hour in any zone.
EVENING_UTC = datetime(2026, 3, 2, 20, 30, tzinfo=timezone.utc)
SITE_DAY = date(2026, 3, 3)


def _sell_in_the_evening(w: World) -> list[str]:
    w.services.ctx.clock = lambda: EVENING_UTC
    v, c, m = w.money.vending, w.cashier, w.meters
    receipts = [v.sell(c, m[0], "100", "cash").receipt_no, v.sell(c, m[1], "20", "alipay").receipt_no]
    return [r for r in receipts if r]


def _show(qtbot, page):  # type: ignore[no-untyped-def]
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    page.activated()
    return page


def test_evening_sales_show_in_every_default_range_of_the_site_day(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    receipts = _sell_in_the_evening(world)
    ui = make_ui(world.cashier)
    assert ui.clock.today() == SITE_DAY

    records = _show(qtbot, RecordsPage(ui))
    settle(ui)
    assert records.until.date() == QDate(2026, 3, 3) and records.since.date() == QDate(2026, 2, 1)
    assert records.model.rowCount() == 2, "today's sales are outside the page's default range"
    assert records.result is not None and records.result.totals.income == Decimal("120.00")
    assert records.model.data(records.model.index(0, 0)).startswith("2026-03-03 04:30")

    reports = _show(qtbot, ReportsPage(ui))
    settle(ui)
    assert reports.period.start.date() == QDate(2026, 3, 3)

    alarms = _show(qtbot, AlarmsPage(make_ui(world.admin)))
    assert alarms.history_to.date() == QDate(2026, 3, 3)

    log = AuditLogPanel(make_ui(world.admin))
    qtbot.addWidget(log)
    assert log.until.date() == QDate(2026, 3, 3)


def test_evening_sales_belong_to_the_site_day_in_reports_shift_and_receipt(world: World) -> None:
    receipts = _sell_in_the_evening(world)
    svc, admin = world.services, world.admin
    day = svc.reports.sales(admin, svc.reports.period(admin, "day", SITE_DAY.isoformat()))
    before = svc.reports.sales(admin, svc.reports.period(admin, "day", "2026-03-02"))
    assert sum(day.totals().values()) > 0 and sum(before.totals().values()) == 0
    shift = svc.shifts.current(world.cashier)
    assert shift is not None and shift.sales_count == 2
    assert shift.sales_by_method["cash"] == Decimal("100.00")
    receipt = world.money.records.receipt(world.cashier, receipts[0])
    assert svc.clock.text(receipt.at) == "2026-03-03 04:30:00"
    entries = svc.audit.list(admin, limit=5)
    assert svc.clock.text(entries[0].at).startswith("2026-03-03 04:30")


def test_sales_now_show_in_the_records_default_range_at_any_real_hour(qtbot, make_ui, world: World) -> None:  # type: ignore[no-untyped-def]
    """The real clock (no injection): CI also runs this under faketime in the evening and TZ far from the site."""
    world.money.vending.sell(world.cashier, world.meters[0], "30", "cash")
    ui = make_ui(world.cashier)
    records = _show(qtbot, RecordsPage(ui))
    settle(ui)
    assert records.model.rowCount() == 1
    shift = world.services.shifts.current(world.cashier)
    assert shift is not None and shift.sales_count == 1

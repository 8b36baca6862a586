"""首页 over real services: counts by status and mode out of the total, yesterday/today energy, live alarms,
offline meters and gateways; shortcuts switch the main window's pages."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.readings import MeterReading
from acrel_console.services.polling.store import store_history
from acrel_console.services.accounts import AccountService
from acrel_console.storage.tables.meter_state import MeterStateRow
from acrel_console.ui.pages.dashboard_page import DashboardPage
from tests.ui.conftest import settle

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 2, 15, 30, tzinfo=SH).astimezone(timezone.utc)


def local(d: int, h: int, mi: int = 0) -> datetime:
    return datetime(2026, 3, d, h, mi, tzinfo=SH).astimezone(timezone.utc)


@pytest.fixture
def seeded(services, admin):  # type: ignore[no-untyped-def]
    services.ctx.clock = lambda: NOW
    services.site.add_gateway(admin, name="G1", kind="modbus-tcp", tcp="127.0.0.1:1502")
    ids = [services.site.add_meter(admin, gateway="G1", address=i, model="DDSY1352", room=f"A-10{i}").id
           for i in range(1, 5)]
    m1, m2, m3, _m4 = ids
    AccountService(services.ctx).open_account(admin, "张三", "A-101", [m1])
    AccountService(services.ctx).open_account(admin, "李四", "A-102", [m2])
    with services.ctx.transaction() as s:
        # m1 opened, closed relay, prepaid; m2 opened, open relay, forced; m3 unopened; m4 never read: offline
        s.add(MeterStateRow(meter_id=m1, offline=False, last_success_at=NOW, remaining_fen=10000, relay_closed=True,
                            forced=False))
        s.add(MeterStateRow(meter_id=m2, offline=False, last_success_at=NOW, remaining_fen=10000, relay_closed=False,
                            forced=True))
        s.add(MeterStateRow(meter_id=m3, offline=False, last_success_at=NOW, remaining_fen=0, relay_closed=True,
                            forced=False))
        for at, total in ((local(1, 8), 1000), (local(1, 9), 1250), (local(1, 20), 1500),  # yesterday +5.00 kWh
                          (local(2, 8), 1600), (local(2, 12), 1812)):  # today +3.12 kWh
            store_history(s, [MeterReading(at, None, energy_total=total)], [m1], ZoneInfo("Asia/Shanghai"))
    services.alarm_engine.raise_event(AlarmKind.RECONCILIATION, f"meter:{m2}", meter_id=m2, room="A-102",
                                      ledger="100.00", meter="90.00")
    return ids


def test_dashboard_counts_energy_alarms_and_offline(ui, seeded, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = DashboardPage(ui)
    qtbot.addWidget(page)
    page.resize(1300, 760)
    page.show()
    page.activated()
    settle(ui)
    values = {k: t.value.text() for k, t in page.tiles.items()}
    assert values == {"total": "4", "unopened": "1", "offline": "1", "relay_closed": "2", "relay_open": "1",
                      "forced": "1", "prepaid": "2"}
    assert page.tiles["offline"].detail.text() == "of 4"
    assert page.energy_yesterday.value.text() == "5.00 kWh"
    assert page.energy_today.value.text() == "3.12 kWh"
    assert page.alarm_model.rowCount() == 1
    assert page.alarm_model.index(0, page.alarm_model.columns.index("message")).data() == \
        "A-102: ledger balance 100.00 yuan differs from the meter's 90.00 yuan."
    assert page.alarm_box.title() == "Live alarms (1)"
    rooms = [page.offline_model.index(r, 0).data() for r in range(page.offline_model.rowCount())]
    assert rooms == ["A-104"]
    assert page.gateway_model.rowCount() == 1 and page.gateway_model.index(0, 0).data() == "G1"
    visible = [page.offline_model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(page.offline_model.columnCount()) if not page.offline_table.isColumnHidden(c)]
    assert visible == ["Room", "Gateway", "Offline since"]


def test_new_alarm_refreshes_the_dashboard(ui, services, seeded, qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading

    from acrel_console.ui.alarms.notifier import alarm_notifier

    page = DashboardPage(ui)
    qtbot.addWidget(page)
    page.show()
    page.activated()
    settle(ui)
    with qtbot.waitSignal(alarm_notifier(ui).alarm_raised, timeout=10_000):
        threading.Thread(target=lambda: services.alarm_engine.raise_event(
            AlarmKind.INTEGRITY, "ledger", problem="x")).start()
    qtbot.waitUntil(lambda: page.alarm_model.rowCount() == 2, timeout=10_000)  # one coalesced reload
    assert page.alarm_box.title() == "Live alarms (2)"


def test_shortcuts_switch_pages(ui, seeded, qtbot) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.ui.main_window import MainWindow

    window = MainWindow(ui)
    qtbot.addWidget(window)
    window.show()
    settle(ui)
    dashboard = window.current_page()
    assert isinstance(dashboard, DashboardPage)
    requested: list[str] = []
    dashboard.page_requested.connect(requested.append)
    qtbot.mouseClick(dashboard.shortcuts["batch"], Qt.MouseButton.LeftButton)
    assert window.current_page().page_id == "meters"
    window.show_page("dashboard")
    qtbot.mouseClick(dashboard.shortcuts["sale"], Qt.MouseButton.LeftButton)
    assert window.current_page().page_id == "cashier"
    window.show_page("dashboard")
    qtbot.mouseClick(dashboard.shortcuts["energy_report"], Qt.MouseButton.LeftButton)
    reports = window.current_page()
    assert reports.page_id == "reports"
    settle(ui)
    assert reports.report is not None and reports.report.report_id == "energy"
    assert requested == ["meters", "cashier", "reports"]
    window.close()
    settle(ui)

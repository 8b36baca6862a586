"""Screenshots of the dashboard, the report center (sales by day with bars, energy month) and the alarms page in
zh_CN and en inside the real main window at 1366x768, over a seeded site (real services on SQLite).

The PNGs go to the test's temporary folder; with ACREL_SCREENSHOTS=DIR (e.g. ./screenshots) they are kept
to be looked at. The checks catch what a screenshot would show: every label and header has glyphs in the
font, buttons are not narrower than their text, the chart has readable tick labels.
"""

from __future__ import annotations

import os
import threading
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from acrel_console import i18n
from acrel_console.app import build_services
from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.roles import Role
from acrel_console.services.accounts import AccountService
from acrel_console.services.vending import VendingService
from acrel_console.storage.tables.meter_state import MeterStateRow
from acrel_console.storage.reading_codec import StoredReading
from acrel_console.storage.reading_days import add_readings
from acrel_console.storage.tables.readings import HOURS, DailyEnergyRow
from acrel_console.ui.fonts import setup_fonts
from acrel_console.ui.reports.catalog import MONTH
from tests.ui.conftest import settle

WIDTH, HEIGHT = 1366, 768
SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 28, 15, 20, tzinfo=SH).astimezone(timezone.utc)
TENANTS = ("张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十", "郑一", "冯二", "陈三", "褚四")


def local(d: int, h: int, mi: int = 0) -> datetime:
    return datetime(2026, 3, d, h, mi, tzinfo=SH).astimezone(timezone.utc)


@pytest.fixture(scope="module")
def site(tmp_path_factory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("shots") / "site.sqlite3"
    services = build_services(f"sqlite:///{path}")
    admin = services.operators.create_first_admin("admin", "admin-secret")
    services.ctx.site_key = bytes.fromhex("0123456789ABCDEFFEDCBA9876543210")
    clock = [local(1, 9)]
    services.ctx.clock = lambda: clock[0]
    services.settings.update(admin, {"site_name": "万达广场"} if "site_name" in services.settings.get_all(admin)
                             else {})
    for b in ("A栋", "B栋"):
        services.site.add_building(admin, b)
    services.site.add_gateway(admin, name="网关1", kind="modbus-tcp", tcp="127.0.0.1:1502")
    services.site.add_gateway(admin, name="网关2", kind="modbus-tcp", tcp="127.0.0.1:1503")
    meters = []
    for i in range(16):
        building = "A栋" if i < 10 else "B栋"
        gateway = "网关1" if i < 12 else "网关2"
        room = f"{building[0]}-{101 + i if i < 10 else 201 + i - 10}"
        meters.append(services.site.add_meter(admin, gateway=gateway, address=i + 1, model="DDSY1352", room=room,
                                              building=building).id)
    services.operators.add(admin, "小王", Role.CASHIER, "cashier1")
    services.operators.add(admin, "小李", Role.CASHIER, "cashier2")
    wang, li = services.operators.login("小王", "cashier1"), services.operators.login("小李", "cashier2")
    accounts, vending = AccountService(services.ctx), VendingService(services.ctx)
    for i, name in enumerate(TENANTS):
        accounts.open_account(admin, name, f"{i + 1:03d}", [meters[i]])
    for day in range(1, 29):
        for k in range(1 + day % 4):
            clock[0] = local(day, 9 + k * 2, 5 * k)
            cashier = wang if (day + k) % 3 else li
            amount = f"{50 * (1 + (day * 7 + k * 3) % 6)}.00"
            vending.sell(cashier, meters[(day + k * 5) % len(TENANTS)], amount, ("cash", "wechat", "alipay")[k % 3])
        if day % 9 == 0:
            vending.refund(wang, meters[day % len(TENANTS)], "20.00", "cash")
    clock[0] = NOW
    with services.ctx.transaction() as s:
        for n, meter in enumerate(meters):
            for day in range(1, 29):
                e = 800 + (n * 97 + day * 53) % 900 + (300 if day % 7 in (0, 6) else 0)
                hours = {h: e // 24 + (e % 24 if h == "h23" else 0) for h in HOURS}  # the hourly roll-ups
                s.add(DailyEnergyRow(meter_id=meter, day=date(2026, 3, day), energy_total=e, energy_p1=e // 10,
                                     energy_p2=e * 3 // 10, energy_p3=e * 4 // 10, energy_p4=e - e // 10
                                     - e * 3 // 10 - e * 4 // 10, **hours))
            total = 100_000 + n * 5000
            for h in range(0, 24 * 4):
                at = local(27, 0) + timedelta(minutes=30 * h)
                if at > NOW:
                    break
                total += 20 + (n + h) % 30
                add_readings(s, meter, [StoredReading(at, energy_total=total)])
            offline = n in (13, 15)
            s.add(MeterStateRow(meter_id=meter, offline=offline, offline_since=local(27, 22) if offline else None,
                                last_success_at=local(27, 21, 50) if offline else NOW,
                                consecutive_failures=5 if offline else 0,
                                remaining_fen=[12000, 3000, 800, -550][n % 4] if n < 12 else 0,
                                relay_closed=n % 4 != 3, forced=n in (5, 6), energy_total=total))
    engine = services.alarm_engine
    clock[0] = NOW - timedelta(hours=5)
    from tests.ui.test_alarms_page import Live, Sweep
    from acrel_console.domain.status import MeterStatus

    engine.on_sweep(Sweep(1, "网关1", (Live(meters[1], "A-102", MeterStatus.ALARM1, True, False, False, 3000),
                                     Live(meters[3], "A-104", MeterStatus.ARREARS, False, False, False, -550),
                                     Live(meters[6], "A-107", MeterStatus.ALARM2, True, False, True, 800)), 3, 3))
    clock[0] = NOW - timedelta(hours=3)
    engine.raise_event(AlarmKind.RECONCILIATION, f"meter:{meters[2]}", meter_id=meters[2], room="A-103",
                       ledger="120.00", meter="98.40")
    clock[0] = NOW - timedelta(hours=1)
    engine.raise_event(AlarmKind.DELIVERY_CONFLICT, f"meter:{meters[7]}", meter_id=meters[7], room="A-108",
                       command="7f3a", reason="purchase count moved by 2")
    clock[0] = NOW
    yield services, admin
    services.close()


def out_dir(tmp_path: Path) -> Path:
    keep = os.environ.get("ACREL_SCREENSHOTS")
    folder = Path(keep) if keep else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def missing_glyphs(font, texts: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    fm = QFontMetrics(font)
    return [t for t in texts if any(not fm.inFontUcs4(ord(ch)) for ch in t if not ch.isspace())]


def clipped_buttons(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text() for b in widget.findChildren(QPushButton) if b.isVisible() and b.width() < b.sizeHint().width()]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_report_center_dashboard_and_alarms_screenshots(language: str, site, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                        monkeypatch) -> None:
    from acrel_console.services.base import Actor
    from acrel_console.ui.context import UiContext
    from acrel_console.ui.main_window import MainWindow
    from acrel_console.ui.prefs import Prefs
    from acrel_console.ui.tasks import TaskRunner

    services, admin = site
    folder = out_dir(tmp_path)
    app = QApplication.instance()
    monkeypatch.setenv("ACREL_LANG", language)
    assert i18n.install_translator(language)
    setup_fonts(app, language)
    ui = UiContext(services, Actor(id=admin.id, name=admin.name, role=Role.ADMINISTRATOR), TaskRunner(), Prefs())
    try:
        window = MainWindow(ui)
        qtbot.addWidget(window)
        window.resize(WIDTH, HEIGHT)
        window.show()
        dashboard = window.show_page("dashboard")
        dashboard.activated()
        settle(ui)
        app.processEvents()
        assert dashboard.tiles["total"].value.text() == "16"
        texts = [label.text() for label in dashboard.findChildren(QLabel) if label.isVisible() and label.text()]
        assert missing_glyphs(dashboard.font(), texts) == []
        assert clipped_buttons(dashboard) == []
        window.grab().save(str(folder / f"dashboard-{language}.png"))

        reports = window.show_page("reports")
        reports.select_report("sales", MONTH)
        reports.period.set_dates(date(2026, 3, 1))
        reports.query()
        settle(ui)
        app.processEvents()
        assert reports.chart_data is not None and len(reports.chart_data.x_labels) == 28
        assert len(reports.chart.tick_labels()) == 28
        headers = [reports.model.headerData(c, Qt.Orientation.Horizontal) for c in range(reports.model.columnCount())]
        assert missing_glyphs(reports.table.font(), headers + reports.chart.series_names) == []
        assert clipped_buttons(reports) == []
        window.grab().save(str(folder / f"reports-sales-month-{language}.png"))
        reports.save_chart(str(folder / f"chart-sales-month-{language}.png"))

        reports.select_report("energy", MONTH)
        reports.period.set_dates(date(2026, 3, 1))
        reports.query()
        settle(ui)
        app.processEvents()
        assert reports.model.rowCount() == 17
        window.grab().save(str(folder / f"reports-energy-month-{language}.png"))
        reports.chart_row.setCurrentIndex(reports.chart_row.findText("A-103"))
        app.processEvents()
        reports.save_chart(str(folder / f"chart-energy-A-103-{language}.png"))

        alarms = window.show_page("alarms")
        settle(ui)
        app.processEvents()
        before = alarms.active_model.rowCount()
        assert before >= 6  # the other language run may have raised one more
        # a new alarm from a worker thread (as the poller raises them): it flashes in the status bar
        from acrel_console.ui.alarms.notifier import AlarmFlash, alarm_notifier

        with qtbot.waitSignal(alarm_notifier(ui).alarm_raised, timeout=10_000):
            threading.Thread(target=lambda: services.alarm_engine.raise_event(
                AlarmKind.GATEWAY_OFFLINE, f"gateway:{language}", gateway="网关2" if language == "zh_CN" else "网关1",
                error="timeout")).start()
        qtbot.waitUntil(lambda: alarms.active_model.rowCount() == before + 1, timeout=10_000)
        settle(ui)
        app.processEvents()
        flash = window.findChild(AlarmFlash, "alarmFlash")
        assert flash is not None and flash.count == 1 and missing_glyphs(flash.font(), [flash.full_text]) == []
        alarms.select_alarm(alarms.active_model.alarm(1).id)
        window.grab().save(str(folder / f"alarms-{language}.png"))
        dialog = alarms.acknowledge_selected()
        assert dialog is not None
        dialog.comment.setText("已通知工程部" if language == "zh_CN" else "engineering informed")
        app.processEvents()
        dialog.grab().save(str(folder / f"alarms-ack-dialog-{language}.png"))
        dialog.reject()
        from PySide6.QtCore import QDate

        alarms.history_from.setDate(QDate(2026, 3, 1))
        alarms.history_to.setDate(QDate(2026, 3, 28))
        alarms.tabs.setCurrentIndex(1)
        alarms.load_history()
        settle(ui)
        app.processEvents()
        assert alarms.history_model.rowCount() >= 7
        window.grab().save(str(folder / f"alarms-history-{language}.png"))
        window.close()
        settle(ui)
    finally:
        i18n.install_translator("en")
        setup_fonts(app, "en")
    assert len(list(folder.glob(f"*-{language}.png"))) >= 7

"""Alarms page over real services: active list with severity, acknowledge through the dialog by keyboard
(list and operation log updated), history with a date filter, the notifier and the status-bar flash."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
import shiboken6
from PySide6.QtCore import QDate, Qt

from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.roles import Role
from acrel_console.domain.status import MeterStatus
from acrel_console.ui.alarms.notifier import AlarmNotifier, alarm_notifier
from acrel_console.ui.pages.alarms_page import AlarmsPage
from tests.services.helpers import Live, Sweep
from tests.ui.conftest import settle, type_text


T0 = datetime(2026, 3, 1, 2, tzinfo=timezone.utc)  # 10:00 in Shanghai


@pytest.fixture
def site(services, admin):  # type: ignore[no-untyped-def]
    services.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    m1 = services.site.add_meter(admin, gateway="G", address=1, model="DDSY1352", room="A-101").id
    m2 = services.site.add_meter(admin, gateway="G", address=2, model="DDSY1352", room="A-102").id
    clock = [T0]
    services.ctx.clock = lambda: clock[0]
    engine = services.alarm_engine
    engine.on_sweep(Sweep(1, "G", (Live(m1, "A-101", MeterStatus.ALARM1, True, False, False, 4000),
                                   Live(m2, "A-102", MeterStatus.ARREARS, False, False, False, -1050)), 2, 2))
    clock[0] = T0 + timedelta(days=1)
    engine.on_sweep(Sweep(1, "G", (Live(m1, "A-101", MeterStatus.OPENED, True, False, False, 9000),), 1, 1))
    clock[0] = T0 + timedelta(days=2)
    engine.raise_event(AlarmKind.MAC_FAILURE, "command:abc", command="abc")
    return clock, m1, m2


def make_page(ui, qtbot) -> AlarmsPage:  # type: ignore[no-untyped-def]
    page = AlarmsPage(ui)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    page.activated()
    settle(ui)
    return page


def texts(page: AlarmsPage, column: str) -> list[str]:
    col = page.active_model.columns.index(column)
    return [page.active_model.index(r, col).data() for r in range(page.active_model.rowCount())]


def test_active_list_and_keyboard_acknowledge(ui, services, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page(ui, qtbot)
    assert page.active_model.rowCount() == 2  # alarm 1 of A-101 was cleared
    assert texts(page, "kind") == ["Delivery MAC failure", "Arrears"]
    assert texts(page, "severity") == ["Critical", "Warning"]
    assert texts(page, "place") == ["command:abc", "A-102"]
    assert texts(page, "message")[1] == "A-102: in arrears, balance -10.50 yuan."
    assert texts(page, "raised")[1] == "2026-03-01 10:00:00"  # Asia/Shanghai, the site's zone
    assert page.active_model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "2 active alarms, 2 not acknowledged" == page.active_count.text()
    # keyboard: select the arrears row, Enter opens the dialog, type a comment, Enter acknowledges
    page.active_table.setFocus()
    page.select_alarm(page.active_model.alarm(1).id)
    assert page.ack_button.isEnabled()
    qtbot.keyClick(page.active_table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    type_text(qtbot, dialog.comment, "tenant called")
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return)
    settle(ui)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()  # closed (and deleted)
    arrears = next(a for a in page.active_model.alarms() if a.kind is AlarmKind.ARREARS)
    assert arrears.acknowledged_by == "admin" and arrears.ack_comment == "tenant called"
    assert texts(page, "ack_by")[1].startswith("admin at ")
    assert not page.ack_button.isEnabled()  # still selected, already acknowledged
    log = services.audit.list(ui.actor, kind="alarm.ack")
    assert len(log) == 1 and "tenant called" in str(log[0])


def test_acknowledged_by_someone_else_keeps_the_dialog_open(ui, services, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page(ui, qtbot)
    page.select_alarm(page.active_model.alarm(0).id)
    dialog = page.acknowledge_selected()
    assert dialog is not None
    services.alarms.acknowledge(ui.actor, page.active_model.alarm(0).id, "first")
    dialog.ok_button.click()
    settle(ui)
    assert dialog.isVisible() and "already acknowledged" in dialog.error.text()


def test_history_with_date_filter(ui, services, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page(ui, qtbot)
    page.history_from.setDate(QDate(2026, 3, 1))
    page.history_to.setDate(QDate(2026, 3, 1))
    page.history_button.click()
    settle(ui)
    model = page.history_model
    rows = {model.index(r, model.columns.index("kind")).data(): r for r in range(model.rowCount())}
    assert set(rows) == {"Alarm 1 (low balance)", "Arrears"}
    alarm1 = rows["Alarm 1 (low balance)"]
    assert model.index(alarm1, model.columns.index("cleared")).data() == "2026-03-02 10:00:00"
    page.history_from.setDate(QDate(2026, 3, 3))
    page.history_to.setDate(QDate(2026, 3, 3))
    page.history_button.click()
    settle(ui)
    assert [model.alarm(r).kind for r in range(model.rowCount())] == [AlarmKind.MAC_FAILURE]


def test_cashier_cannot_acknowledge(make_ui, services, admin, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    services.operators.add(admin, "ann", Role.CASHIER, "annpass1")
    cashier = make_ui(services.operators.login("ann", "annpass1"))
    page = make_page(cashier, qtbot)
    page.select_alarm(page.active_model.alarm(0).id)
    assert not page.ack_button.isEnabled() and page.acknowledge_selected() is None


def test_notifier_fires_once_for_an_alarm_raised_on_a_worker_thread(ui, services, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    notifier = alarm_notifier(ui)
    assert isinstance(notifier, AlarmNotifier) and notifier.attached and alarm_notifier(ui) is notifier
    received: list[object] = []
    notifier.alarm_raised.connect(received.append)
    _clock, m1, _m2 = site

    def sweep() -> None:  # as the poller does, from its own thread
        services.alarm_engine.on_sweep(Sweep(1, "G", (Live(m1, "A-101", MeterStatus.OFFLINE, None, None, False, None),),
                                             1, 0))

    with qtbot.waitSignal(notifier.alarm_raised, timeout=10_000) as blocker:
        worker = threading.Thread(target=sweep)
        worker.start()
        worker.join()
    alarm = blocker.args[0]
    assert alarm.kind is AlarmKind.OFFLINE and alarm.params["room"] == "A-101"
    # seen again by a poll: not announced twice
    notifier.note_active(services.alarms.active(ui.actor))
    notifier.note_active(services.alarms.active(ui.actor))
    assert len(received) == 1


def _flash_after_an_alarm(ui, services, qtbot, width: int | None = None):  # type: ignore[no-untyped-def]
    """The main window (`width` px wide if given) with its status-bar flash, once an integrity alarm arrived."""
    from acrel_console.ui.alarms.notifier import AlarmFlash
    from acrel_console.ui.main_window import MainWindow

    window = MainWindow(ui)
    qtbot.addWidget(window)
    if width is not None:
        window.resize(width, 300)
    window.show()
    qtbot.waitUntil(lambda: window.findChild(AlarmFlash, "alarmFlash") is not None, timeout=5_000)
    flash = window.findChild(AlarmFlash, "alarmFlash")
    settle(ui)
    with qtbot.waitSignal(alarm_notifier(ui).alarm_raised, timeout=10_000):
        threading.Thread(target=lambda: services.alarm_engine.raise_event(
            AlarmKind.INTEGRITY, "ledger", problem="chain broken")).start()
    return window, flash


def test_status_bar_flash_in_the_main_window(ui, services, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, flash = _flash_after_an_alarm(ui, services, qtbot)
    assert flash.count == 1 and flash.flashing
    assert flash.full_text == "New alarm: Integrity check failed — Integrity check failed: chain broken"
    assert flash.toolTip() == flash.full_text and flash.text()  # shown elided to the label's width
    qtbot.mouseClick(flash, Qt.MouseButton.LeftButton)
    assert window.current_page().page_id == "alarms"


def test_the_flash_stays_in_sight_in_a_narrow_window(ui, services, site, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The status bar's other labels once squeezed the flash to no width: the alarm flashed where nobody saw."""
    from acrel_console.ui.alarms.notifier import MIN_CHARS

    _window, flash = _flash_after_an_alarm(ui, services, qtbot, width=420)
    qtbot.waitUntil(lambda: flash.width() >= flash.fontMetrics().averageCharWidth() * MIN_CHARS, timeout=5_000)
    assert flash.isVisible() and flash.text().startswith("New alarm")

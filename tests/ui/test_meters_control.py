"""Remote control from the Meters page: the confirmation dialog (validated inputs, required reason), the
batch results dialog polling the real service while the real dispatcher trips a simulated meter."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from acrel_console.domain.errors import ValidationError
from acrel_console.drivers.simulator import Fault
from acrel_console.services.dispatcher import Dispatcher
from acrel_console.ui.meters import control_params as cp
from acrel_console.ui.meters.batch_dialog import BatchDialog
from acrel_console.ui.meters.control_dialog import ControlDialog
from acrel_console.ui.pages.meters_page import MetersPage
from tests.ui.conftest import settle, type_text
from tests.ui.test_meters_page import make_page
from tests.ui.test_meters_support import open_accounts, simulated_site


@pytest.fixture
def running(services, admin):  # type: ignore[no-untyped-def]
    """Two simulated meters (the second silent), a started poller and dispatcher."""
    with simulated_site(services, admin, {1: 100_00, 2: 50_00}) as (bus, poller, ids):
        open_accounts(services, admin, ids)
        poller.run_once()
        bus.inject(2, Fault.SILENCE, count=None)
        dispatcher = Dispatcher(services.ctx, poller, scan_interval_s=0.05)
        dispatcher.start()
        try:
            yield bus, poller, ids
        finally:
            dispatcher.stop()


def send(qtbot, dialog: ControlDialog, reason: str = "tenant moved out") -> None:  # type: ignore[no-untyped-def]
    type_text(qtbot, dialog.reason, reason)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def wait_batch(qtbot, page: MetersPage) -> BatchDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(page.dialog, BatchDialog), timeout=10_000)
    dialog = page.dialog
    assert isinstance(dialog, BatchDialog)
    qtbot.waitUntil(lambda: dialog.finished_all, timeout=20_000)
    return dialog


def test_trip_through_the_dialog_reaches_the_meter_and_the_result_shows(ui, running, qtbot) -> None:  # type: ignore[no-untyped-def]
    bus, poller, ids = running
    page = make_page(ui, qtbot)
    page.attach_poller(poller)
    page.select_meters([ids[0]])
    qtbot.mouseClick(page.action_buttons["trip"], Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ControlDialog)
    assert not dialog.ok_button.isEnabled()  # a reason is required
    send(qtbot, dialog)
    batch = wait_batch(qtbot, page)
    assert bus.meter(1).forced_open[0] is True
    assert not bus.meter(1).relay_closed[0]
    row = [batch.model.cell(0, c) for c in range(5)]
    assert row[0] == "GW1-001"
    assert row[1] == "880001"
    assert row[2] == "Forced trip"
    assert row[3] == "Answered"
    assert row[4] == "Confirmed by read-back"
    assert batch.bar.value() == batch.bar.maximum() == 1
    # the read-back reached the grid through the poller bridge: relay open, forced
    qtbot.waitUntil(lambda: page.model.meter(ids[0]).relay_closed is False, timeout=10_000)
    assert page.model.meter(ids[0]).forced is True
    logged = ui.services.audit.list(ui.actor, kind="control.trip")
    assert len(logged) == 1 and "tenant moved out" in str(logged[0])
    batch.close()


def test_a_batch_with_a_silent_meter_reports_it_and_resends(ui, running, qtbot) -> None:  # type: ignore[no-untyped-def]
    bus, poller, ids = running
    page = make_page(ui, qtbot)
    page.select_meters(ids)
    qtbot.mouseClick(page.action_buttons["keep_power"], Qt.MouseButton.LeftButton)
    send(qtbot, page.dialog)
    batch = wait_batch(qtbot, page)
    results = {batch.model.cell(r, 0): (batch.model.cell(r, 3), batch.model.cell(r, 4)) for r in range(2)}
    assert results["GW1-001"] == ("Answered", "Confirmed by read-back")
    assert results["GW1-002"][0] == "No reply"
    assert results["GW1-002"][1] == "No reply"
    assert "no reply" in batch.model.index(1, 4).data(Qt.ItemDataRole.ToolTipRole).lower()
    assert "1 confirmed, 1 failed" in batch.summary.text()
    assert batch.resend_button.isEnabled()
    bus.clear_faults(2)
    qtbot.mouseClick(batch.resend_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: batch.model.cell(1, 4) == "Confirmed by read-back", timeout=20_000)
    assert bus.meter(2).forced[0] is True
    batch.close()


def test_price_dialog_validates_and_downloads(ui, running, qtbot) -> None:  # type: ignore[no-untyped-def]
    bus, poller, ids = running
    page = make_page(ui, qtbot)
    page.select_meters([ids[0]])
    qtbot.mouseClick(page.action_buttons["price_download"], Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ControlDialog)
    fields = [dialog.fields[f"price{i}"] for i in range(4)]
    for f, text in zip(fields, ("1.23456", "0.9", "0.6", "0.3"), strict=True):
        type_text(qtbot, f, text)
    type_text(qtbot, dialog.reason, "new tariff")
    assert not dialog.ok_button.isEnabled()
    assert "4 decimal" in dialog.error.text()
    type_text(qtbot, fields[0], "1.2345")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    batch = wait_batch(qtbot, page)
    assert batch.model.cell(0, 4) == "Confirmed by read-back"
    assert list(bus.meter(1).prices) == [12345, 9000, 6000, 3000]
    batch.close()


def test_cancel_pending_commands(ui, services, admin, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Without a dispatcher the commands stay pending; Cancel ends them and the dialog says so."""
    with simulated_site(services, admin, {1: 100_00, 2: 100_00}) as (_bus, poller, ids):
        poller.run_once()
        page = make_page(ui, qtbot)
        page.select_meters(ids)
        qtbot.mouseClick(page.action_buttons["clock_sync"], Qt.MouseButton.LeftButton)
        send(qtbot, page.dialog, "daylight check")
        qtbot.waitUntil(lambda: isinstance(page.dialog, BatchDialog), timeout=10_000)
        batch = page.dialog
        qtbot.waitUntil(lambda: batch.polls >= 1 and batch.cancel_button.isEnabled(), timeout=10_000)
        assert batch.model.cell(0, 3) == "Waiting"
        qtbot.mouseClick(batch.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: batch.finished_all, timeout=10_000)
        assert {batch.model.cell(r, 3) for r in range(2)} == {"Cancelled"}
        assert "2 cancelled" in batch.summary.text()
        batch.close()
        settle(ui)


@pytest.mark.parametrize(("a1", "a2", "kw", "expected"), [
    ("50", "20", "", {"alarm1_fen": 5000, "alarm2_fen": 2000}),
    ("50.5", "0", "3.5", {"alarm1_fen": 5050, "alarm2_fen": 0, "overload_power_w": 3500}),
    ("", "", "0.01", {"overload_power_w": 10}),
    ("20", "20", "", "greater than"),
    ("20", "30", "", "greater than"),
    ("20.123", "1", "", "two decimals"),
    ("20", "-1", "", "cannot be negative"),
    ("20", "", "", "required"),
    ("", "", "", "Enter the alarm"),
    ("", "", "0", "more than zero"),
    ("x", "1", "", "is not an amount"),
    ("1,5", "1", "", "use a dot"),
])
def test_settings_params(a1: str, a2: str, kw: str, expected: object) -> None:
    if isinstance(expected, dict):
        assert cp.settings_params(a1, a2, kw) == expected
        return
    with pytest.raises(ValidationError) as info:
        cp.settings_params(a1, a2, kw)
    assert str(expected) in info.value.english()


def test_price_params() -> None:
    assert cp.price_params(["1.2345", "1", "0.5", "0"]) == {
        "prices_yuan": [Decimal("1.2345"), Decimal("1"), Decimal("0.5"), Decimal("0")]}
    with pytest.raises(ValidationError):
        cp.price_params(["1.23456", "1", "1", "1"])
    with pytest.raises(ValidationError):
        cp.price_params(["100", "1", "1", "1"])

"""Meters page fixes of issue 13: a batch window closed with its title-bar X does not break the next batch, and the
'command pending' hourglass leaves a tile when the command ends even if no reading changed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt

from acrel_console.services.dispatcher import Dispatcher
from acrel_console.ui.meters.batch_dialog import BatchDialog
from tests.ui.conftest import settle
from tests.ui.test_meters_control import send
from tests.ui.test_meters_page import make_page
from tests.ui.test_meters_support import simulated_site


def _batch(qtbot, page) -> BatchDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(page.dialog, BatchDialog) and page.dialog.isVisible(), timeout=10_000)
    return page.dialog


def test_closing_a_batch_window_with_the_x_does_not_break_the_next_batch(ui, services, admin, qtbot) -> None:  # type: ignore[no-untyped-def]
    with simulated_site(services, admin, {1: 100_00, 2: 100_00}) as (_bus, poller, ids):
        poller.run_once()
        page = make_page(ui, qtbot)
        page.select_meters(ids)
        qtbot.mouseClick(page.action_buttons["clock_sync"], Qt.MouseButton.LeftButton)
        send(qtbot, page.dialog, "first batch")
        first = _batch(qtbot, page)
        first.close()  # the title-bar X: closeEvent -> reject -> finished -> deleteLater
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the window is gone for good
        qtbot.mouseClick(page.action_buttons["clock_sync"], Qt.MouseButton.LeftButton)
        send(qtbot, page.dialog, "second batch")  # today: RuntimeError ... BatchDialog already deleted
        second = _batch(qtbot, page)
        qtbot.waitUntil(lambda: second.polls >= 1, timeout=10_000)
        assert second.model.rowCount() == 2 and page.batch_dialogs == [second]
        second.cancel_pending()
        qtbot.waitUntil(lambda: second.finished_all, timeout=10_000)
        second.close()
        settle(ui)


def test_the_pending_hourglass_goes_when_the_command_ends(ui, services, admin, qtbot) -> None:  # type: ignore[no-untyped-def]
    with simulated_site(services, admin, {1: 100_00, 2: 100_00}) as (_bus, poller, ids):
        poller.run_once()
        page = make_page(ui, qtbot)
        page.attach_poller(poller)  # this process polls: no periodic re-read of the database
        page.select_meters([ids[0]])
        qtbot.mouseClick(page.action_buttons["clock_sync"], Qt.MouseButton.LeftButton)  # changes no reading
        send(qtbot, page.dialog, "clock check")
        batch = _batch(qtbot, page)
        qtbot.waitUntil(lambda: page.model.meter(ids[0]).pending_commands == 1, timeout=10_000)  # hourglass on
        batch.close()  # the operator closes the window; the command runs later
        dispatcher = Dispatcher(services.ctx, poller, scan_interval_s=0.05)
        dispatcher.start()
        try:
            qtbot.waitUntil(lambda: services.control.batch_progress(admin, batch.batch_id)[0].done, timeout=20_000)
            qtbot.waitUntil(lambda: page.model.meter(ids[0]).pending_commands == 0, timeout=10_000)  # hourglass off
        finally:
            dispatcher.stop()
        settle(ui)

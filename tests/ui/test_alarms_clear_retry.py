"""Issue 10's clearing at opening, when the meter refuses it: its alarm on the alarms page offers 'Clear the meter
again' (nothing did before: the previous system's credit stayed on the meter with only an alarm). The cashier asks
again from the keyboard; the alarm clears, the meter gives the credit up at the next delivery, and asking twice is
impossible. Real SQLite and widgets; the meter is the fake bus's model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from acrel_console.services.deliveries import deliver_all
from acrel_console.ui.context import UiContext
from acrel_console.ui.pages.alarms_page import AlarmsPage
from acrel_console.ui.prefs import Prefs
from acrel_console.ui.tasks import TaskRunner
from tests.ledger.helpers import World, make_world
from tests.ui.conftest import settle
from tests.ui.screens import language, shot, shown_page


@pytest.fixture
def w(sqlite_url: str) -> Iterator[World]:
    world = make_world(sqlite_url, n_meters=1)
    yield world
    world.svc.close()


def test_a_refused_clearing_is_asked_again_from_its_alarm(qtbot, w: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    m = w.meters[0]
    w.model(m).remaining_fen, w.model(m).purchase_count = 30000, 4  # the previous system's 300 yuan
    w.poll(m)
    w.model(m).refuse = True
    w.accounts.open_account(w.cashier, "Li", "A-2", [m], existing_credit="clear")
    deliver_all(w.ctx, w.bus)
    assert w.accounts.clearing(w.cashier, m).state == "refused" and w.model(m).remaining_fen == 30000
    w.model(m).refuse = False  # the meter would give it up now, if anyone asked
    ui = UiContext(w.svc, w.cashier, TaskRunner(), Prefs())
    try:
        with language("zh_CN"):
            page = shown_page(qtbot, ui, AlarmsPage)
            assert page.active_model.rowCount() == 1 and not page.retry_button.isEnabled()
            page.select_alarm(page.active_model.alarm(0).id)
            assert page.selected_alarm() is not None and page.retry_button.isEnabled()
            page.retry_button.setFocus()
            qtbot.keyClick(page.retry_button, Qt.Key.Key_Space)
            settle(ui)
            assert "300.00" in page.message.text() and "再次" in page.message.text(), page.message.text()
            assert page.active_model.rowCount() == 0  # the refusal's alarm is cleared
            shot(page, "alarms-clear-again-zh_CN", tmp_path)
            page.close()
        deliver_all(w.ctx, w.bus)
        st = w.accounts.clearing(w.cashier, m)
        assert (st.state, st.returned_fen, w.model(m).remaining_fen) == ("returned", 30000, 0)
        assert w.accounts.get_account(w.cashier, 1).meters[0].ledger_credit == 0
    finally:
        ui.tasks.wait_idle(10_000)

"""设置查询密码 from the accounts page (issue 16 left it CLI-only), keyboard only, over real SQLite: the cashier
types a PIN twice (the rule's and the mismatch's translated messages under the fields), the service sets it and
the tenant portal accepts it; the slip shows the CLI's words and prints on the session's slip printer; a reset
with a generated PIN ends the old one; an account closed at another workstation meanwhile is the service's
translated error in the dialog. Screenshots in zh_CN and en."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from acrel_console.services import passwords
from acrel_console.services.tenant_access import PinRejected
from acrel_console.services.tenant_portal import TenantPortalService
from acrel_console.ui.cashier.pin_dialog import PinSlipDialog, SetPinDialog
from acrel_console.ui.context import UiContext
from acrel_console.ui.pages.accounts_page import AccountsPage
from acrel_console.ui.prefs import Prefs
from acrel_console.ui.tasks import TaskRunner
from tests.ledger.helpers import World, make_world
from tests.ui.conftest import settle
from tests.ui.screens import language, missing_glyphs, shot, shown_page
from tests.ui.test_slip_printing import _accept_print_dialog, pdf_printer  # noqa: F401 - fixture

ENTER, TAB = Qt.Key.Key_Return, Qt.Key.Key_Tab


@pytest.fixture
def site(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[World, str]]:
    monkeypatch.setattr(passwords, "_N", 2**4)  # the stored hash names its cost: checks stay real
    w = make_world(sqlite_url, n_meters=1)
    no = w.accounts.open_account(w.cashier, "王五", "B-201", [w.meters[0]]).account_no
    yield w, no
    w.svc.close()


def _pin_dialog(qtbot, ui: UiContext, no: str) -> tuple[AccountsPage, SetPinDialog]:  # type: ignore[no-untyped-def]
    page = shown_page(qtbot, ui, AccountsPage, (1200, 700))
    qtbot.keyClicks(page.search_box, no)
    qtbot.keyClick(page.search_box, ENTER)
    settle(ui)
    assert page.selected() is not None and page.selected().account_no == no and page.pin_button.isEnabled()
    page.pin_button.setFocus()
    qtbot.keyClick(page.pin_button, Qt.Key.Key_Space)
    settle(ui)
    assert isinstance(page.dialog, SetPinDialog) and page.dialog.isVisible()
    return page, page.dialog


def test_cashier_sets_the_portal_pin_and_prints_the_slip(qtbot, site: tuple[World, str], pdf_printer: Path,  # noqa: F811
                                                         tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w, no = site
    ui = UiContext(w.svc, w.cashier, TaskRunner(), Prefs())
    portal = TenantPortalService(w.ctx)
    try:
        with language("zh_CN"):
            page, dialog = _pin_dialog(qtbot, ui, no)
            assert not dialog.pin.isVisibleTo(dialog)  # generating is the default
            qtbot.keyClick(dialog.mode, Qt.Key.Key_Down)  # 输入用户自选密码
            assert dialog.pin.isVisibleTo(dialog)
            qtbot.keyClick(dialog.mode, TAB)
            qtbot.keyClicks(dialog.focusWidget(), "123456")
            assert "太容易被猜到" in dialog._errors["pin"].text() and not dialog.ok_button.isEnabled()
            dialog.pin.clear()
            qtbot.keyClicks(dialog.pin, "582046")
            qtbot.keyClick(dialog.pin, TAB)
            qtbot.keyClicks(dialog.focusWidget(), "582064")
            assert dialog._errors["again"].text() == "两次输入的密码不一致。" and not dialog.ok_button.isEnabled()
            shot(dialog, "pin-dialog-zh_CN", tmp_path)
            dialog.again.clear()
            qtbot.keyClicks(dialog.again, "582046")
            qtbot.keyClick(dialog.again, ENTER)
            settle(ui)
            slip = page.slip
            assert isinstance(slip, PinSlipDialog) and slip.isVisible() and slip.slip.pin == "582046"
            rows = dict(slip.text.rows)
            assert (rows["用户编号"], rows["用户名"], rows["商铺号"], rows["查询密码"], rows["操作员"]) == \
                (no, "王五", "B-201", "582046", "cash1")
            assert slip.text.subtitle == "用户查询系统登录信息" and "妥善保管" in slip.text.footer
            assert not slip.pdf_button.isVisibleTo(slip)  # the PIN stays on paper
            assert missing_glyphs(slip, [slip.print_button.text(), page.pin_button.text()]) == []
            shot(slip, "pin-slip-zh_CN", tmp_path)
            slip.print_button.click()
            _accept_print_dialog(qtbot, ui)
            printed = pdf_printer.with_name(f"slip-PIN-{no}.pdf")
            qtbot.waitUntil(printed.exists, timeout=10_000)
            assert printed.stat().st_size > 0 and slip.last_printed == str(printed)
            qtbot.keyClick(slip.close_button, Qt.Key.Key_Escape)
            assert not slip.isVisible()
            assert portal.login(no, "582046").principal.account_no == no  # the portal takes the PIN
            page.close()
        with language("en"):
            page, dialog = _pin_dialog(qtbot, ui, no)
            qtbot.keyClick(dialog.mode, ENTER)  # Generate a 6-digit PIN
            settle(ui)
            slip = page.slip
            assert isinstance(slip, PinSlipDialog)
            pin = slip.slip.pin
            assert len(pin) == 6 and pin.isdigit() and dict(slip.text.rows)["PIN"] == pin
            assert "change the PIN" in slip.text.footer
            shot(slip, "pin-slip-en", tmp_path)
            slip.close_button.click()
            with pytest.raises(PinRejected):
                portal.login(no, "582046")  # reset at the counter: the old PIN is gone
            assert portal.login(no, pin).principal.account_no == no
            dialog = _pin_dialog(qtbot, ui, no)[1]
            account_id = page.selected().account_id
            assert w.accounts.close_account(w.cashier, account_id, reason="moved out").state == "done"  # elsewhere
            qtbot.keyClick(dialog.mode, ENTER)
            settle(ui)
            assert dialog.isVisible() and dialog.general_error.text() == f"No open account with number {no}."
            shot(dialog, "pin-dialog-error-en", tmp_path)
            dialog.reject()
            page.close()
    finally:
        ui.tasks.wait_idle(10_000)

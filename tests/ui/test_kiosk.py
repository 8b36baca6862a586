"""The lobby kiosk (`acrel-console kiosk`): a browser in kiosk mode where one is installed (its arguments, a
fake browser records them), else the Qt window over the real portal (offscreen, keypad, idle timeout back to
sign-in, screenshots in zh_CN and en at 1080x1920)."""

from __future__ import annotations

import os
import stat
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from acrel_console import i18n
from acrel_console.services import passwords
from acrel_console.ui.fonts import setup_fonts
from acrel_console.ui.kiosk import browser_command, find_browser, open_kiosk
from acrel_console.ui.kiosk_window import KioskWindow, PortalClient
from acrel_console.ui.tasks import TaskRunner
from tests.ledger.helpers import make_world
from tests.portal.helpers import PIN, add_tenants, portal_service, seed_state, serving


def test_browser_kiosk_arguments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    record = tmp_path / "args.txt"
    fake = tmp_path / "chromium"
    fake.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" > {record}\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv("ACREL_KIOSK_BROWSER", raising=False)
    assert find_browser() == str(fake)
    assert open_kiosk("http://127.0.0.1:8080/kiosk", lambda url: 99) == 0
    args = record.read_text().split("\n")
    assert "--kiosk" in args and "--app=http://127.0.0.1:8080/kiosk" in args and "--incognito" in args
    assert any(a.startswith("--user-data-dir=") for a in args)  # a throwaway profile, removed afterwards
    assert open_kiosk("http://x/kiosk", lambda url: 7, force_window=True) == 7  # --window: the Qt window
    firefox = browser_command("/usr/bin/firefox-esr", "http://h/kiosk", "/tmp/p")
    assert firefox[:2] == ["/usr/bin/firefox-esr", "--kiosk"] and firefox[-1] == "http://h/kiosk"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_qt_kiosk_window_signs_in_shows_the_account_and_times_out(language: str, sqlite_url: str, qtbot,  # type: ignore[no-untyped-def]
                                                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "_N", 2**4)
    w = make_world(sqlite_url, n_meters=2)
    [tenant] = add_tenants(w, [[0, 1]])
    w.vending.sell(w.cashier, tenant.meters[0], Decimal("66.00"), "cash")
    seed_state(w, tenant.meters[0], remaining_fen=12_345, relay_closed=True)
    app = QApplication.instance()
    font = QFont(app.font())  # restored below: later tests measure widths with the default font
    monkeypatch.setenv("ACREL_LANG", language)
    assert i18n.install_translator(language)
    setup_fonts(app, language)
    runner = TaskRunner()
    try:
        with serving(portal_service(w)) as url:
            window = KioskWindow(PortalClient(f"{url}/kiosk", language), runner, idle_s=5)
            qtbot.addWidget(window)
            window.resize(1080, 1920)
            window.show()
            for digit in tenant.account_no:
                window.keys[digit].click()
            window.pin_edit.setFocus()
            window.target = window.pin_edit
            for digit in "135792":
                window.keys[digit].click()
            window.sign_in_button.click()
            assert runner.wait_idle(20_000)
            assert window.stack.currentIndex() == 0 and window.error_label.text()  # wrong PIN, said why
            assert window.pin_edit.text() == ""
            for digit in PIN:
                window.keys[digit].click()
            window.keys["back"].click()
            window.keys[PIN[-1]].click()
            assert window.pin_edit.text() == PIN
            window.sign_in_button.click()
            assert runner.wait_idle(20_000)
            assert window.stack.currentIndex() == 1
            texts = " ".join(lbl.text() for lbl in window.content.findChildren(type(window.hello)))
            assert "123.45" in texts and "66.00" in texts and "R101" in texts and "10:00" in texts  # site time
            window.grab().save(str(tmp_path / f"kiosk-window-{language}.png"))
            if os.environ.get("ACREL_SCREENSHOTS"):
                folder = Path(os.environ["ACREL_SCREENSHOTS"])
                folder.mkdir(parents=True, exist_ok=True)
                window.grab().save(str(folder / f"kiosk-window-{language}.png"))
            window.idle.setInterval(50)
            window.idle.start()
            qtbot.waitUntil(lambda: window.stack.currentIndex() == 0, timeout=5000)
            assert runner.wait_idle(20_000)
            assert window.client._csrf == ""  # signed out on the portal too
    finally:
        runner.wait_idle(10_000)
        w.svc.close()
        app.setFont(font)
        i18n.install_translator("en")

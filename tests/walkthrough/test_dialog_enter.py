"""修改密码 in the real window (issue 13): typed by keyboard and confirmed with Enter, the new password is saved;
Esc leaves it. Before, in the real window the form dialogs opened with no field focused and Cancel as the
default button, so the typing went nowhere and Enter closed the dialog without saving (offscreen tests never
saw either: tests/ui/test_dialog_keys.py)."""

from __future__ import annotations

import time

from tests.walkthrough.test_cashier_day import MAIN, THINK_S, day  # noqa: F401 - fixture
from tests.walkthrough.xsession import XSession, wait_for


def _change_password(x: XSession, old: str, new: str, finish: str) -> None:
    x.keys("alt+c", "Down", "Return")  # 系统 menu -> 修改密码…
    x.wait_window("修改密码", 30)
    time.sleep(1.5)  # the dialog takes the keyboard (no window manager on Xvfb)
    x.type_text(old)  # the dialog opens with the cursor in its first field
    x.keys("Tab")
    x.type_text(new)
    x.keys("Tab")
    x.type_text(new)
    x.keys(finish)


def test_enter_saves_the_password_and_esc_does_not(day) -> None:  # type: ignore[no-untyped-def]
    x, site, _tmp = day
    time.sleep(1.0)
    x.keys("Return")  # sign in as the prefilled administrator
    x.wait_window(MAIN, 60)
    x.wait_gone("登陆")
    x.focus(MAIN)
    time.sleep(THINK_S)
    _change_password(x, "admin123", "changed-99", "Escape")
    x.wait_gone("修改密码")
    time.sleep(1.0)
    assert changes(site) == 0  # Esc: nothing saved
    time.sleep(THINK_S)
    _change_password(x, "admin123", "changed-99", "Return")
    wait_for(lambda: changes(site) == 1, "the new password saved", 20)
    x.wait_gone("修改密码")
    assert site.services.operators.login("admin", "changed-99").name == "admin"


def changes(site) -> int:  # type: ignore[no-untyped-def]
    """Password changes in the operation log (asking login() with a wrong password would lock the account)."""
    return len(site.services.audit.list(site.admin, kind="operator.passwd"))

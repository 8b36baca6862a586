"""First-administrator and sign-in dialogs against the real operator service."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from acrel_console.app import Services
from acrel_console.domain.roles import Role
from acrel_console.ui.first_admin_dialog import FirstAdminDialog
from acrel_console.ui.login_dialog import LoginDialog
from acrel_console.ui.tasks import TaskRunner
from tests.ui.conftest import ADMIN_PASSWORD, type_text



def test_first_admin_dialog_validates_as_you_type_and_creates_the_admin(qtbot, services: Services) -> None:
    tasks = TaskRunner()
    dialog = FirstAdminDialog(services, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.name, "chief")
    type_text(qtbot, dialog.password, "abc")
    assert not dialog.ok_button.isEnabled()
    assert "at least 6 characters" in dialog._errors["password"].text()
    type_text(qtbot, dialog.password, "longenough")
    type_text(qtbot, dialog.again, "different")
    assert not dialog.ok_button.isEnabled()
    assert "not the same" in dialog._errors["again"].text()
    type_text(qtbot, dialog.again, "longenough")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.actor is not None and dialog.actor.name == "chief" and dialog.actor.role == Role.ADMINISTRATOR
    assert not services.operators.needs_first_admin()
    assert services.operators.login("chief", "longenough").name == "chief"


def test_login_succeeds_with_the_right_password(qtbot, services: Services, admin) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(services, TaskRunner(), name="admin")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()  # no password yet
    type_text(qtbot, dialog.password, ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.actor is not None and dialog.actor.name == "admin"


def _fail_once(qtbot, dialog: LoginDialog, password: str) -> str:  # type: ignore[no-untyped-def]
    type_text(qtbot, dialog.password, password)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.tasks.wait_idle(20_000)
    return dialog.general_error.text()


def test_wrong_password_then_lockout_messages(qtbot, services: Services, admin) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(services, TaskRunner(), name="admin")
    qtbot.addWidget(dialog)
    dialog.show()
    assert _fail_once(qtbot, dialog, "wrong-1") == "Wrong operator name or password."
    assert dialog.result() != LoginDialog.DialogCode.Accepted
    assert dialog.password.text() == ""
    for i in range(3):
        _fail_once(qtbot, dialog, f"wrong-{i + 2}")
    message = _fail_once(qtbot, dialog, "wrong-5")
    assert re.fullmatch(r"Too many wrong passwords: locked until \d{4}-\d\d-\d\d \d\d:\d\d\.", message), message
    # Even the right password is refused while locked.
    assert _fail_once(qtbot, dialog, ADMIN_PASSWORD).startswith("This account is locked until")
    assert dialog.actor is None


def test_demo_credentials_are_prefilled(qtbot, services: Services, admin) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(services, TaskRunner(), name="admin", password=ADMIN_PASSWORD, note="Demo site")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.isEnabled()
    assert dialog.findChild(type(dialog.general_error), "loginNote").text() == "Demo site"

"""Every dialog by keyboard (issue 13): Enter accepts a valid form, Esc cancels without a trace, and Tab goes
through the fields in the order they are shown. Today Enter closed 新增操作员 and 修改密码 without saving."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from acrel_console.domain.roles import Role
from acrel_console.services.base import Actor
from acrel_console.ui.building_dialog import BuildingDialog
from acrel_console.ui.form_dialog import FormDialog
from acrel_console.ui.operator_dialogs import (AddOperatorDialog, ChangeOwnPasswordDialog, ResetPasswordDialog,
                                               RoleDialog)
from tests.ui.conftest import ADMIN_PASSWORD, settle, type_text

ENTER = Qt.Key.Key_Return


def _show(qtbot, dialog: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()


def _fill(qtbot, fields: list[tuple[QLineEdit, str]]) -> None:  # type: ignore[no-untyped-def]
    for edit, text in fields:
        edit.setFocus()
        type_text(qtbot, edit, text)


def _add_operator(ui) -> tuple[FormDialog, list[tuple[QLineEdit, str]]]:  # type: ignore[no-untyped-def]
    d = AddOperatorDialog(ui)
    return d, [(d.name, "lilei"), (d.full_name, "Li Lei"), (d.password, "cash-1234"), (d.again, "cash-1234")]


def _own_password(ui) -> tuple[FormDialog, list[tuple[QLineEdit, str]]]:  # type: ignore[no-untyped-def]
    d = ChangeOwnPasswordDialog(ui)
    return d, [(d.old, ADMIN_PASSWORD), (d.password, "new-pass-99"), (d.again, "new-pass-99")]


def _building(ui) -> tuple[FormDialog, list[tuple[QLineEdit, str]]]:  # type: ignore[no-untyped-def]
    d = BuildingDialog(ui)
    return d, [(d.name, "North wing")]


def _saved(services: Any, admin: Actor, which: str) -> bool:
    if which == "add_operator":
        return "lilei" in [o.name for o in services.operators.list(admin)]
    if which == "own_password":
        try:
            services.operators.login("admin", "new-pass-99")
        except Exception:  # noqa: BLE001 - not changed
            return False
        return True
    return "North wing" in [b.name for b in services.site.list_buildings(admin)]


MAKERS: dict[str, Callable[[Any], tuple[FormDialog, list[tuple[QLineEdit, str]]]]] = {
    "add_operator": _add_operator, "own_password": _own_password, "building": _building}


@pytest.mark.parametrize("which", sorted(MAKERS))
@pytest.mark.parametrize("last_field", [True, False], ids=["enter_in_last_field", "enter_in_first_field"])
def test_enter_saves_a_valid_form(qtbot, ui, services, admin, which: str, last_field: bool) -> None:  # type: ignore[no-untyped-def]
    dialog, fields = MAKERS[which](ui)
    _show(qtbot, dialog)
    _fill(qtbot, fields)
    target = fields[-1][0] if last_field else fields[0][0]
    target.setFocus()
    qtbot.keyClick(target, ENTER)
    settle(ui)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert dialog.result() == FormDialog.DialogCode.Accepted
    assert _saved(services, admin, which)


@pytest.mark.parametrize("which", sorted(MAKERS))
def test_esc_cancels_and_nothing_is_saved(qtbot, ui, services, admin, which: str) -> None:  # type: ignore[no-untyped-def]
    dialog, fields = MAKERS[which](ui)
    _show(qtbot, dialog)
    _fill(qtbot, fields)
    qtbot.keyClick(fields[0][0], Qt.Key.Key_Escape)
    settle(ui)
    assert not dialog.isVisible() and dialog.result() == FormDialog.DialogCode.Rejected
    assert not _saved(services, admin, which)


@pytest.mark.parametrize("which", sorted(MAKERS))
def test_typing_starts_in_the_first_field(qtbot, ui, which: str) -> None:  # type: ignore[no-untyped-def]
    dialog, fields = MAKERS[which](ui)
    _show(qtbot, dialog)
    assert dialog.focusWidget() is fields[0][0]
    assert dialog.ok_button.isDefault() and not dialog.cancel_button.isDefault()
    assert not dialog.cancel_button.autoDefault()  # focus passing over Cancel never makes it the Enter button
    dialog.reject()


def test_enter_on_an_invalid_form_stays_open_and_says_why(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    dialog, fields = _add_operator(ui)
    _show(qtbot, dialog)
    _fill(qtbot, fields[:3])  # the password is not repeated
    qtbot.keyClick(fields[2][0], ENTER)
    settle(ui)
    assert dialog.isVisible() and dialog._errors["again"].text()
    assert not _saved(services, admin, "add_operator")


def _tab_order(qtbot, dialog: QWidget, first: QWidget, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    first.setFocus()
    out = [first.objectName()]
    for _ in range(n):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        out.append(dialog.focusWidget().objectName())
    return out


def test_tab_goes_through_the_fields_in_the_order_shown(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    services.operators.add(admin, "op1", Role.OPERATOR, "op-pass-1")
    op = next(o for o in services.operators.list(admin) if o.name == "op1")
    cases: list[tuple[FormDialog, list[str]]] = [
        (AddOperatorDialog(ui), ["field_name", "field_full_name", "field_role", "field_password", "field_again"]),
        (ChangeOwnPasswordDialog(ui), ["field_old", "field_password", "field_again"]),
        (ResetPasswordDialog(ui, op), ["field_password", "field_again"]),
        (BuildingDialog(ui), ["field_name", "field_floor", "field_area", "field_notes"]),
        (RoleDialog(ui, op), ["field_role"]),
    ]
    for dialog, names in cases:
        _show(qtbot, dialog)
        assert _tab_order(qtbot, dialog, dialog.editor(names[0].removeprefix("field_")), len(names) - 1) == names
        dialog.reject()


def test_the_send_and_acknowledge_dialogs_take_enter_as_ok(qtbot, ui) -> None:  # type: ignore[no-untyped-def]
    """The two QDialog forms (remote control, alarm acknowledgement): OK is the Enter button, Cancel never is."""
    from datetime import datetime, timezone

    from PySide6.QtWidgets import QDialogButtonBox

    from acrel_console.domain.alarms import AlarmKind
    from acrel_console.services.alarms import Alarm
    from acrel_console.ui.alarms.ack_dialog import AcknowledgeDialog
    from acrel_console.ui.meters.control_actions import ACTIONS
    from acrel_console.ui.meters.control_dialog import ControlDialog
    from tests.ui.test_meters_support import live

    trip = next(a for a in ACTIONS if a.key == "trip")
    control = ControlDialog(ui, ui.services.control, trip, [live(1)])
    alarm = Alarm(1, AlarmKind.ARREARS, "meter:1", 1, None, "warning", True, datetime(2026, 3, 1, tzinfo=timezone.utc),
                  None, None, "", "", "", {}, "")
    ack = AcknowledgeDialog(ui, alarm)
    for dialog, cancel in ((control, control.cancel_button),
                           (ack, ack.buttons.button(QDialogButtonBox.StandardButton.Cancel))):
        _show(qtbot, dialog)
        assert dialog.ok_button.isDefault() and not cancel.autoDefault() and not cancel.isDefault()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()

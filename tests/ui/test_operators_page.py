"""Operators & log page: create/disable/reset/assign role through dialogs; the log filters and verifies."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import update

from acrel_console.domain.roles import Role
from acrel_console.storage.tables.operators import AuditRow
from acrel_console.ui.operator_dialogs import AddOperatorDialog, ResetPasswordDialog, RoleDialog
from acrel_console.ui.pages.operators_page import OperatorsPage
from acrel_console.ui.site_time import site_today
from tests.ui.conftest import settle, type_text

def _page(qtbot, ui) -> OperatorsPage:  # type: ignore[no-untyped-def]
    page = OperatorsPage(ui)
    qtbot.addWidget(page)
    page.show()
    page.activated()
    settle(ui)
    return page

def _select(panel, name: str) -> None:  # type: ignore[no-untyped-def]
    row = [o.name for o in panel.model.records()].index(name)
    panel.view.selectRow(row)

def test_administrator_creates_an_operator(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ui)
    panel = page.operators
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, AddOperatorDialog)
    type_text(qtbot, dialog.name, "li lei")
    assert dialog._errors["name"].text() == "An operator name is 1-64 characters without spaces."
    type_text(qtbot, dialog.name, "lilei")
    dialog.role.setCurrentIndex(dialog.role.findData("cashier"))
    type_text(qtbot, dialog.password, "cash-1234")
    type_text(qtbot, dialog.again, "cash-1234")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(ui)
    assert services.operators.login("lilei", "cash-1234").role == Role.CASHIER
    assert [o.name for o in panel.model.records()] == ["admin", "lilei"]
    assert panel.model.data(panel.model.index(1, 2)) == "Cashier"

def test_disable_reset_password_and_assign_role(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    services.operators.add(admin, "op1", Role.OPERATOR, "op-pass-1")
    page = _page(qtbot, ui)
    panel = page.operators
    _select(panel, "op1")
    panel.toggle_button.click()
    box = panel.findChild(QMessageBox, "confirmBox")
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.YesRole).click()
    settle(ui)
    assert not [o for o in services.operators.list(admin) if o.name == "op1"][0].enabled
    assert panel.model.data(panel.model.index(1, 3)) == "Disabled"

    _select(panel, "op1")
    panel.password_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, ResetPasswordDialog)
    type_text(qtbot, dialog.password, "new-pass-9")
    type_text(qtbot, dialog.again, "new-pass-9")
    dialog.ok_button.click()
    settle(ui)

    _select(panel, "op1")
    panel.role_button.click()
    dialog = panel.dialog
    assert isinstance(dialog, RoleDialog)
    dialog.role.setCurrentIndex(dialog.role.findData("supervisor"))
    dialog.ok_button.click()
    settle(ui)
    services.operators.set_enabled(admin, "op1", True)
    assert services.operators.login("op1", "new-pass-9").role == Role.SUPERVISOR

def test_the_last_administrator_cannot_be_disabled_and_the_page_says_why(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, ui)
    panel = page.operators
    _select(panel, "admin")
    panel.toggle_button.click()
    box = panel.findChild(QMessageBox, "confirmBox")
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.YesRole).click()
    settle(ui)
    assert panel.error.text() == "The last enabled administrator cannot be disabled."

def test_log_filters_by_operator_kind_and_date_and_shows_before_after(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    services.operators.add(admin, "op1", Role.OPERATOR, "op-pass-1")
    op1 = services.operators.login("op1", "op-pass-1")
    services.site.add_building(op1, "B1")
    services.site.update_building(op1, services.site.list_buildings(op1)[0].id, floor="3")
    page = _page(qtbot, ui)
    log = page.log
    all_rows = log.model.rowCount()
    assert all_rows == len(services.audit.list(admin)) >= 5

    log.operator.setCurrentIndex(log.operator.findData("op1"))
    log.search()
    settle(ui)
    assert {e.operator for e in log.model.records()} == {"op1"}
    assert log.model.rowCount() == 3  # login, building.add, building.update

    log.kind.setCurrentIndex(log.kind.findData("building.update"))
    assert log.kind.currentText() == "Building changed"
    log.search()
    settle(ui)
    assert log.model.rowCount() == 1
    log.view.selectRow(0)
    assert '"floor": ""' in log.before.toPlainText() and '"floor": "3"' in log.after.toPlainText()
    assert log.changes.toPlainText() == 'floor: "" → "3"'

    log.operator.setCurrentIndex(0)
    log.kind.setCurrentIndex(0)
    log.use_dates.setChecked(True)
    yesterday = site_today(ui.clock).addDays(-1)
    log.since.setDate(yesterday.addDays(-5))
    log.until.setDate(yesterday)
    log.search()
    settle(ui)
    assert log.model.rowCount() == 0
    log.until.setDate(site_today(ui.clock))
    log.search()
    settle(ui)
    assert log.model.rowCount() == all_rows

def test_verify_chain_names_the_first_broken_row(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    services.site.add_building(admin, "B1")
    services.site.add_building(admin, "B2")
    page = _page(qtbot, ui)
    log = page.log
    log.verify_button.click()
    settle(ui)
    assert log.verify_result.text().startswith("The operation log is intact:")
    target = services.audit.list(admin, kind="building.add")[-1]  # the older one (list is newest first)
    with services.ctx.transaction() as s:
        s.execute(update(AuditRow).where(AuditRow.id == target.id).values(target="forged"))
    log.verify_button.click()
    settle(ui)
    assert log.verify_result.text() == f"The operation log is broken at row {target.id}: its content was changed."


def test_log_exports_the_rows_shown_to_xlsx(qtbot, ui, services, admin, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    services.site.add_building(admin, "B1")
    page = _page(qtbot, ui)
    log = page.log
    path = tmp_path / "log.xlsx"
    log.export_to(str(path))
    settle(ui)
    assert log.limit_note.text() == f"2 rows written to {path}."
    ws = load_workbook(path).active
    values = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    header = next(i for i, row in enumerate(values) if row[0] == "No.")
    data = values[header + 1:header + 3]
    assert [row[3] for row in data] == ["Building added", "First administrator created"]
    assert '"name":"B1"' in data[0][7].replace(" ", "")


def test_a_locked_operator_is_shown_locked_and_can_be_unlocked(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from acrel_console.services.operators import LoginFailed

    services.operators.add(admin, "op1", Role.OPERATOR, "op-pass-1")
    for _ in range(5):
        with pytest.raises(LoginFailed):
            services.operators.login("op1", "wrong")
    page = _page(qtbot, ui)
    panel = page.operators
    _select(panel, "op1")
    assert panel.model.data(panel.model.index(1, 3)).startswith("Locked until ")
    assert panel.toggle_button.text() == "Unlock"
    panel.toggle_button.click()
    box = panel.findChild(QMessageBox, "confirmBox")
    assert box.text() == "Unlock operator op1?"
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.YesRole).click()
    settle(ui)
    assert services.operators.login("op1", "op-pass-1").name == "op1"
    assert panel.model.data(panel.model.index(1, 3)) == "Active"
    _select(panel, "op1")
    assert panel.toggle_button.text() == "Disable"


def test_change_my_password_from_the_menu(qtbot, ui, services, admin) -> None:  # type: ignore[no-untyped-def]
    from acrel_console.ui.main_window import MainWindow
    from acrel_console.ui.operator_dialogs import ChangeOwnPasswordDialog
    from tests.ui.conftest import ADMIN_PASSWORD

    window = MainWindow(ui)
    qtbot.addWidget(window)
    window.password_action.trigger()
    dialog = window.findChild(ChangeOwnPasswordDialog)
    type_text(qtbot, dialog.old, "not-my-password")
    type_text(qtbot, dialog.password, "brand-new-1")
    type_text(qtbot, dialog.again, "brand-new-1")
    dialog.ok_button.click()
    settle(ui)
    assert dialog.general_error.text() == "The current password is wrong."
    type_text(qtbot, dialog.old, ADMIN_PASSWORD)
    dialog.ok_button.click()
    settle(ui)
    assert services.operators.login("admin", "brand-new-1").name == "admin"
    assert window.statusBar().currentMessage() == "Password changed."

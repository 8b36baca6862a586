"""Operator dialogs (操作员管理): add an operator, reset a password, assign a role."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from acrel_console.domain.roles import OPERATOR_ROLES, Role
from acrel_console.services.operators import OperatorInfo
from acrel_console.services.roles import RoleInfo
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import FormDialog
from acrel_console.ui.messages import role_label
from acrel_console.ui.operator_checks import check_name, check_new_password


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def role_combo(current: str = Role.OPERATOR.value, roles: Sequence[RoleInfo] = ()) -> QComboBox:
    """The built-in roles, then the custom ones (权限管理); item data is the role key the service takes."""
    combo = QComboBox()
    for role in OPERATOR_ROLES:
        combo.addItem(role_label(role), role.value)
    for info in roles:
        if not info.builtin:
            combo.addItem(info.name, info.key)
    found = combo.findData(str(getattr(current, "value", current)))
    combo.setCurrentIndex(max(found, 0))
    return combo


class AddOperatorDialog(FormDialog):
    def __init__(self, ui: UiContext, parent: QWidget | None = None, roles: Sequence[RoleInfo] = ()) -> None:
        super().__init__(ui, "", parent)
        self.setWindowTitle(self.tr("Add operator"))
        self.name = QLineEdit()
        self.full_name = QLineEdit()
        self.role = role_combo(roles=roles)
        self.password = password_edit()
        self.again = password_edit()
        self.add_field("name", self.tr("Login name"), self.name)
        self.add_field("full_name", self.tr("Full name"), self.full_name)
        self.add_field("role", self.tr("Role"), self.role)
        self.add_field("password", self.tr("Password"), self.password)
        self.add_field("again", self.tr("Password again"), self.again)

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "full_name": self.full_name.text().strip(),
                "role": self.role.currentData(), "password": self.password.text(), "again": self.again.text()}

    def check(self, values: dict[str, Any]) -> None:
        check_name(values["name"])
        check_new_password(values["password"], values["again"])

    def submit(self, values: dict[str, Any]) -> OperatorInfo:
        return self.ui.services.operators.add(self.ui.actor, values["name"], values["role"], values["password"],
                                              values["full_name"])


class ResetPasswordDialog(FormDialog):
    def __init__(self, ui: UiContext, operator: OperatorInfo, parent: QWidget | None = None) -> None:
        super().__init__(ui, "", parent)
        self.setWindowTitle(self.tr("Reset password of {name}").format(name=operator.name))
        self.operator = operator
        self.password = password_edit()
        self.again = password_edit()
        self.add_field("password", self.tr("New password"), self.password)
        self.add_field("again", self.tr("Password again"), self.again)

    def values(self) -> dict[str, Any]:
        return {"password": self.password.text(), "again": self.again.text()}

    def check(self, values: dict[str, Any]) -> None:
        check_new_password(values["password"], values["again"])

    def submit(self, values: dict[str, Any]) -> None:
        self.ui.services.operators.reset_password(self.ui.actor, self.operator.name, values["password"])


class RoleDialog(FormDialog):
    def __init__(self, ui: UiContext, operator: OperatorInfo, parent: QWidget | None = None,
                 roles: Sequence[RoleInfo] = ()) -> None:
        super().__init__(ui, "", parent)
        self.setWindowTitle(self.tr("Role of {name}").format(name=operator.name))
        self.operator = operator
        self.role = role_combo(operator.role_key or operator.role.value, roles)
        self.add_field("role", self.tr("Role"), self.role)

    def values(self) -> dict[str, Any]:
        return {"role": self.role.currentData()}

    def submit(self, values: dict[str, Any]) -> OperatorInfo:
        return self.ui.services.operators.set_role(self.ui.actor, self.operator.name, values["role"])


class ChangeOwnPasswordDialog(FormDialog):
    """修改密码: the signed-in operator changes their own password."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, "", parent)
        self.setWindowTitle(self.tr("Change my password"))
        self.old = password_edit()
        self.password = password_edit()
        self.again = password_edit()
        self.add_field("old", self.tr("Current password"), self.old)
        self.add_field("password", self.tr("New password"), self.password)
        self.add_field("again", self.tr("Password again"), self.again)

    def values(self) -> dict[str, Any]:
        return {"old": self.old.text(), "password": self.password.text(), "again": self.again.text()}

    def check(self, values: dict[str, Any]) -> None:
        check_new_password(values["password"], values["again"])

    def submit(self, values: dict[str, Any]) -> None:
        self.ui.services.operators.change_own_password(self.ui.actor, values["old"], values["password"])

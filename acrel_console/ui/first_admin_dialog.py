"""First start: create the first administrator (name, password twice), validated as you type."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from acrel_console.app import Services
from acrel_console.services.base import Actor
from acrel_console.ui.form_dialog import FormDialog
from acrel_console.ui.operator_checks import check_name, check_new_password
from acrel_console.ui.operator_dialogs import password_edit
from acrel_console.ui.tasks import TaskRunner


class FirstAdminDialog(FormDialog):
    """On success `actor` is the new administrator, already signed in."""

    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(None, "", parent, tasks=tasks)
        self.services = services
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Acrel Console: first start"))
        self.add_heading(self.tr("Acrel Console"))
        intro = QLabel(self.tr("No operator exists yet. Create the first administrator; "
                               "this account then creates the other operators."))
        intro.setWordWrap(True)
        self.form.insertRow(0, intro)
        self.name = QLineEdit("admin")
        self.full_name = QLineEdit()
        self.password = password_edit()
        self.again = password_edit()
        self.add_field("name", self.tr("Login name"), self.name)
        self.add_field("full_name", self.tr("Full name"), self.full_name)
        self.add_field("password", self.tr("Password"), self.password)
        self.add_field("again", self.tr("Password again"), self.again)
        self.ok_button.setText(self.tr("Create administrator"))
        self.password.setFocus()

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "full_name": self.full_name.text().strip(),
                "password": self.password.text(), "again": self.again.text()}

    def check(self, values: dict[str, Any]) -> None:
        check_name(values["name"])
        check_new_password(values["password"], values["again"])

    def submit(self, values: dict[str, Any]) -> Actor:
        return self.services.operators.create_first_admin(values["name"], values["password"], values["full_name"])

    def _submitted(self, result: Any) -> None:
        self.actor = result
        super()._submitted(result)

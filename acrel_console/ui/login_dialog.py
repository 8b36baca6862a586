"""Sign-in (登陆): operator name and password; wrong-password and lock messages come translated."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from acrel_console.app import Services
from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.services.base import Actor
from acrel_console.ui.form_dialog import FormDialog
from acrel_console.ui.operator_dialogs import password_edit
from acrel_console.ui.tasks import TaskRunner


class LoginDialog(FormDialog):
    """On success `actor` is the signed-in operator. `name`/`password` prefill it (the demo does)."""

    def __init__(self, services: Services, tasks: TaskRunner, name: str = "", password: str = "",
                 note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(None, "", parent, tasks=tasks)
        self.services = services
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Acrel Console: sign in"))
        self.add_heading(self.tr("Acrel Console"))
        if note:
            hint = QLabel(note)
            hint.setWordWrap(True)
            hint.setObjectName("loginNote")
            self.form.insertRow(0, hint)
        self.name = QLineEdit(name)
        self.password = password_edit()
        self.password.setText(password)
        self.add_field("name", self.tr("Operator"), self.name)
        self.add_field("password", self.tr("Password"), self.password)
        self.ok_button.setText(self.tr("Sign in"))
        (self.password if name else self.name).setFocus()

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "password": self.password.text()}

    def check(self, values: dict[str, Any]) -> None:
        # Quiet checks: an empty field only keeps the button disabled; no message while typing.
        if not values["name"] or not values["password"]:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter the operator name and password."), field="")

    def revalidate(self) -> bool:
        values = self.values()
        ok = bool(values["name"] and values["password"])
        self.ok_button.setEnabled(ok and not self._busy)
        return ok

    def submit(self, values: dict[str, Any]) -> Actor:
        return self.services.operators.login(values["name"], values["password"])

    def _submitted(self, result: Any) -> None:
        self.actor = result
        super()._submitted(result)

    def _failed(self, failure: Any) -> None:
        super()._failed(failure)
        self.password.clear()
        self.password.setFocus()

"""The supervisor's approval inside a dialog: name, password and the reason for a claim (a typed figure for a meter
that cannot be read, or a typed old-system balance); checked by a second sign-in when the dialog submits."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from acrel_console.domain.roles import Permission
from acrel_console.services.base import Actor
from acrel_console.ui.cashier.settle_presenter import ApprovalTexts


class ApprovalBox(QWidget):
    """Supervisor, password, reason. `approver(services, actor)` signs the supervisor in (worker thread)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit()
        self.name.setObjectName("approverName")
        self.name.setPlaceholderText(self.tr("A supervisor signs in here to approve"))
        self.password = QLineEdit()
        self.password.setObjectName("approverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit()
        self.reason.setObjectName("claimReason")
        self.reason.setPlaceholderText(self.tr("Why the meter cannot be read, what the figure rests on"))
        form.addRow(self.tr("Supervisor"), self.name)
        form.addRow(self.tr("Supervisor password"), self.password)
        form.addRow(self.tr("Reason for the claim"), self.reason)

    def texts(self) -> ApprovalTexts:
        return ApprovalTexts(self.name.text(), self.password.text(), self.reason.text())

    def editors(self) -> list[QLineEdit]:
        return [self.name, self.password, self.reason]

    @staticmethod
    def approver(services: Any, actor: Actor, texts: ApprovalTexts) -> Actor:
        """The supervisor, signed in (raises LoginFailed / PermissionDenied)."""
        return services.operators.verify_approver(actor, texts.name.strip(), texts.password,  # type: ignore[no-any-return]
                                                  Permission.APPROVE_REVERSAL)

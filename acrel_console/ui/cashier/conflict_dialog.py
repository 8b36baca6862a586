"""Resolving a delivery in CONFLICT (design §8 step 3): nothing is resent automatically; an operator checks the
meter and says whether the credit reached it (confirm) or not (re-issue with a fresh count), with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from acrel_console.services.vending import DeliveryInfo
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.context import UiContext
from acrel_console.ui.error_words import error_words
from acrel_console.ui.form_dialog import error_label, show_error
from acrel_console.ui.tasks import TaskFailure


class ConflictDialog(QDialog):
    """Two outcomes, both logged with the reason: `resolved(DeliveryInfo)` after either."""

    def __init__(self, ui: UiContext, info: DeliveryInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.info = info
        self.result_info: DeliveryInfo | None = None
        self.setWindowTitle(self.tr("Delivery conflict"))
        self.setObjectName("conflictDialog")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "The meter's purchase count is not what this delivery of {amount} yuan expected ({error}). Nothing is "
            "resent automatically. Check the meter (its remaining amount and purchase count), then say what you "
            "found.").format(amount=info.amount, error=error_words(info.error) or "—"))
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setObjectName("field_reason")
        form.addRow(self.tr("What you checked"), self.reason)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        bar = QHBoxLayout()
        self.applied_button = QPushButton(self.tr("Credit is on the meter: confirm"))
        self.reissue_button = QPushButton(self.tr("Credit is not on the meter: deliver again"))
        cancel = QPushButton(self.tr("Cancel"))
        for b in (self.applied_button, self.reissue_button, cancel):
            b.setAutoDefault(False)
            bar.addWidget(b)
        layout.addLayout(bar)
        self.applied_button.clicked.connect(lambda: self.resolve(applied=True))
        self.reissue_button.clicked.connect(lambda: self.resolve(applied=False))
        cancel.clicked.connect(self.reject)

    def resolve(self, applied: bool) -> None:
        vending, actor, cid, reason = money_services(self.ui.services).vending, self.ui.actor, self.info.command_id, \
            self.reason.text()
        call = (lambda: vending.confirm_conflict_applied(actor, cid, reason)) if applied else \
            (lambda: vending.reissue_conflict(actor, cid, reason))
        self.applied_button.setEnabled(False)
        self.reissue_button.setEnabled(False)
        self.ui.tasks.run(call, self._done, self._failed, owner=self)

    def _done(self, info: DeliveryInfo) -> None:
        self.result_info = info
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self.applied_button.setEnabled(True)
        self.reissue_button.setEnabled(True)
        show_error(self.error, failure.message)

"""AcknowledgeDialog: acknowledge one alarm with a comment (ACK_ALARMS right; the service logs it)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from acrel_console.services.alarms import Alarm
from acrel_console.ui.alarms.alarm_text import kind_label, message_text, place_text
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import enter_is
from acrel_console.ui.tasks import TaskFailure
from acrel_console.ui.theme import Theme

MAX_COMMENT = 200


class AcknowledgeDialog(QDialog):
    """Shows the alarm, asks for a comment; OK acknowledges it through the task runner.

    `acknowledged(Alarm)` is emitted with the service's answer before the dialog closes; an error (e.g.
    someone else acknowledged it first) stays in the dialog.
    """

    acknowledged = Signal(object)

    def __init__(self, ui: UiContext, alarm: Alarm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.alarm = alarm
        self.setObjectName("acknowledgeDialog")
        self.setWindowTitle(self.tr("Acknowledge alarm"))
        form = QFormLayout()
        form.addRow(self.tr("Alarm"), QLabel(kind_label(alarm)))
        form.addRow(self.tr("Room / gateway"), QLabel(place_text(alarm)))
        message = QLabel(message_text(alarm))
        message.setWordWrap(True)
        form.addRow(self.tr("Message"), message)
        self.comment = QLineEdit()
        self.comment.setObjectName("ackComment")
        self.comment.setMaxLength(MAX_COMMENT)
        self.comment.setPlaceholderText(self.tr("What was done, e.g. tenant called"))
        form.addRow(self.tr("Comment"), self.comment)
        self.error = QLabel()
        self.error.setObjectName("ackError")
        self.error.setWordWrap(True)
        palette = self.error.palette()
        palette.setColor(self.error.foregroundRole(), Theme.role("error"))
        self.error.setPalette(palette)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Acknowledge"))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        enter_is(self.ok_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        self.setMinimumWidth(420)
        self.comment.setFocus()

    def submit(self) -> None:
        """Acknowledge on a worker; close on success."""
        if not self.ok_button.isEnabled():
            return
        self.ok_button.setEnabled(False)
        services, actor, alarm_id, comment = self.ui.services, self.ui.actor, self.alarm.id, self.comment.text()
        self.ui.tasks.run(lambda: services.alarms.acknowledge(actor, alarm_id, comment), self._done, self._failed,
                          owner=self)

    def _done(self, alarm: Alarm) -> None:
        self.acknowledged.emit(alarm)
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self.ok_button.setEnabled(True)
        self.error.setText(failure.message)
        self.error.show()

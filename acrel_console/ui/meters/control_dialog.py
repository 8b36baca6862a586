"""The confirmation dialog of a remote command: what will be sent to which meters, the parameters for
price/alarm downloads (validated as you type), and a required reason. OK submits through tasks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from acrel_console.domain.errors import UserError
from acrel_console.services.meter_views import MeterLive
from acrel_console.ui.amount_validator import attach as amount_field
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import enter_is, error_label, show_error
from acrel_console.ui.meters import control_params as cp
from acrel_console.ui.meters.control_actions import ControlAction
from acrel_console.ui.messages import error_message
from acrel_console.ui.tasks import TaskFailure

MAX_LISTED = 8


def _t(text: str) -> str:
    return QCoreApplication.translate("meters", text)


def validation_text(err: UserError) -> str:
    """A translated validation message whose {label} is one of this package's field labels."""
    params: dict[str, Any] = dict(err.params)
    label = params.get("label")
    if isinstance(label, str):
        translated = QCoreApplication.translate("meters", label)
        if translated != label:
            params["label"] = translated
            try:
                return QCoreApplication.translate(err.context, err.template).format(**params)
            except (KeyError, IndexError, ValueError):
                pass
    return error_message(err)


def meters_summary(meters: Sequence[MeterLive]) -> str:
    names = [f"{m.room} ({m.gateway}/{m.address})" for m in meters[:MAX_LISTED]]
    more = len(meters) - len(names)
    text = ", ".join(names)
    if more > 0:
        text += " " + QCoreApplication.translate("meters", "and {n} more").format(n=more)
    return text


class ControlDialog(QDialog):
    """Emits `submitted(batch_id)` after the service accepted the batch."""

    submitted = Signal(str)
    stored_in_console = Signal(int)  # thresholds of n console-billed meters were stored (nothing to download)

    def __init__(self, ui: UiContext, control: Any, action: ControlAction, meters: Sequence[MeterLive],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"control_{action.key}")
        self.ui, self.control, self.action, self.meters = ui, control, action, list(meters)
        self.batch_id: str | None = None
        self.setWindowTitle(action.label())
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        count = len(self.meters)
        heading = QLabel(self.tr("{action}: {n} meter(s)").format(action=action.label(), n=count))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        explain = QLabel(action.tooltip())
        explain.setWordWrap(True)
        layout.addWidget(explain)
        listed = QLabel(meters_summary(self.meters))
        listed.setObjectName("controlMeters")
        listed.setWordWrap(True)
        layout.addWidget(listed)
        if action.danger:
            warn = error_label()
            show_error(warn, self.tr("This changes the power supply of the tenants concerned."))
            layout.addWidget(warn)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        if action.params == "prices":
            for i, label in enumerate(cp.PRICE_LABELS):
                self._add(form, f"price{i}", _t(label), "0.0000")
        elif action.params == "alarms":
            self._add(form, "alarm1", _t(cp.ALARM1_LABEL), "0.00")
            self._add(form, "alarm2", _t(cp.ALARM2_LABEL), "0.00")
        elif action.params == "power":
            self._add(form, "power", _t(cp.POWER_LABEL), "0.00")
        self.reason = QLineEdit()
        self.reason.setObjectName("field_reason")
        self.reason.setPlaceholderText(self.tr("Why (written to the operation log)"))
        self.reason.textChanged.connect(self._validate)
        form.addRow(QCoreApplication.translate("meters", "Reason"), self.reason)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr("Send"))
        self.ok_button.setObjectName("controlSend")
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        enter_is(self.ok_button, self.cancel_button)  # Enter sends (when valid), Esc cancels
        self._busy = False
        self._validate()

    def _add(self, form: QFormLayout, key: str, label: str, placeholder: str) -> None:
        edit = amount_field(QLineEdit())  # prices, alarm amounts, power: all typed decimals
        edit.setObjectName(f"field_{key}")
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._validate)
        form.addRow(label, edit)
        self.fields[key] = edit

    def params(self) -> dict[str, Any]:
        """The command parameters from the fields (raises ValidationError)."""
        f = {k: e.text() for k, e in self.fields.items()}
        if self.action.params == "prices":
            return cp.price_params([f[f"price{i}"] for i in range(4)])
        if self.action.params == "alarms":
            return cp.alarm_params(f["alarm1"], f["alarm2"])
        if self.action.params == "power":
            return cp.power_params(f["power"])
        return {}

    def _check(self) -> tuple[dict[str, Any], str]:
        params = self.params()
        return params, cp.reason_text(self.reason.text())

    def _validate(self) -> bool:
        try:
            self._check()
        except UserError as err:
            typed = any(e.text().strip() for e in self.fields.values()) or bool(self.reason.text().strip())
            show_error(self.error, validation_text(err) if typed else "")
            self.ok_button.setEnabled(False)
            return False
        show_error(self.error, "")
        self.ok_button.setEnabled(not self._busy)
        return True

    def send(self) -> None:
        if self._busy or not self._validate():
            return
        params, reason = self._check()
        ids = [m.meter_id for m in self.meters]
        control, actor, kind = self.control, self.ui.actor, self.action.kind
        self._busy = True
        self.ok_button.setEnabled(False)

        def done(result: Any) -> None:
            self._busy = False
            batch_id = result if isinstance(result, str) else result.batch_id
            self.stored = () if isinstance(result, str) else tuple(result.stored)
            self.batch_id = batch_id
            self.accept()
            if self.stored:
                self.stored_in_console.emit(len(self.stored))
            if batch_id:
                self.submitted.emit(batch_id)

        def failed(f: TaskFailure) -> None:
            self._busy = False
            show_error(self.error, validation_text(f.error) if f.is_user_error else f.message)  # type: ignore[arg-type]
            self.ok_button.setEnabled(True)

        if self.action.params in ("alarms", "power"):  # thresholds: console-billed meters are stored at once
            self.ui.tasks.run(lambda: control.set_thresholds(actor, ids, params, reason), done, failed, owner=self)
            return
        self.ui.tasks.run(lambda: control.submit(actor, ids, kind, params, reason), done, failed, owner=self)

"""设置查询密码: the counter sets or resets a tenant's portal PIN (generated, or typed twice) and hands over the slip,
printed on the session's slip printer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.domain.pins import PIN_MAX_DIGITS, PIN_MIN_DIGITS, check_pin
from acrel_console.services.accounts import AccountInfo
from acrel_console.services.pin_slip import pin_slip_lines
from acrel_console.services.tenant_access import PinSlip
from acrel_console.ui.cashier.keyboard import KeyFormDialog
from acrel_console.ui.cashier.receipt_lines import ReceiptText
from acrel_console.ui.cashier.slip_dialog import SlipDialog
from acrel_console.ui.context import UiContext

GENERATE, TYPED = "generate", "typed"


class SetPinDialog(KeyFormDialog):
    """One account's portal PIN: a random 6-digit one (the default) or one the tenant chose, typed twice.
    `submitted` carries the service's PinSlip."""

    def __init__(self, ui: UiContext, account: AccountInfo, parent: QWidget | None = None) -> None:
        super().__init__(ui, self.tr("Set portal PIN: {name}").format(name=account.name), parent)
        self.account = account
        note = QLabel(self.tr("The tenant signs in to the self-service page (phone or kiosk) with account no. {no} and "
                              "this PIN. Setting it signs the tenant out everywhere and unlocks a locked sign-in.")
                      .format(no=account.account_no))
        note.setWordWrap(True)
        note.setObjectName("pinNote")
        self.form.addRow(note)
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Generate a {n}-digit PIN").format(n=PIN_MIN_DIGITS), GENERATE)
        self.mode.addItem(self.tr("Type the tenant's PIN"), TYPED)
        self.pin, self.again = QLineEdit(), QLineEdit()
        for edit in (self.pin, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(PIN_MAX_DIGITS)
        self.add_field("mode", self.tr("PIN"), self.mode)
        self.add_field("pin", self.tr("New PIN"), self.pin,
                       self.tr("{minimum} to {maximum} digits; not one digit repeated, not a run like 123456.")
                       .format(minimum=PIN_MIN_DIGITS, maximum=PIN_MAX_DIGITS))
        self.add_field("again", self.tr("New PIN again"), self.again)
        self.mode.currentIndexChanged.connect(lambda _i: self._mode_changed())
        self._mode_changed()

    def _mode_changed(self) -> None:
        typed = self.mode.currentData() == TYPED
        self.set_field_visible("pin", typed)
        self.set_field_visible("again", typed)
        self.revalidate()

    def values(self) -> dict[str, Any]:
        return {"mode": self.mode.currentData(), "pin": self.pin.text(), "again": self.again.text()}

    def check(self, v: dict[str, Any]) -> None:
        if v["mode"] != TYPED:
            return
        check_pin(v["pin"])  # the service's own rule (field 'pin')
        if v["again"] != v["pin"]:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The two PINs differ."), field="again")

    def submit(self, v: dict[str, Any]) -> PinSlip:
        ui = self.ui
        assert ui is not None
        return ui.services.tenant_pins.set_pin(ui.actor, self.account.account_no,
                                               v["pin"] if v["mode"] == TYPED else None)


def pin_slip_receipt(slip: PinSlip, zone: str) -> ReceiptText:
    """The PIN slip as the slip renderer draws it (the words the command line prints)."""
    lines = pin_slip_lines(slip, zone, QCoreApplication.translate)
    return ReceiptText(lines.site_name, lines.title, "", lines.rows, lines.footer)


class PinSlipDialog(SlipDialog):
    """The PIN slip: Print… on the session's printer, or Close (no PDF: the PIN is not kept in a file)."""

    def __init__(self, ui: UiContext, slip: PinSlip, parent: QWidget | None = None) -> None:
        super().__init__(ui, pin_slip_receipt(slip, ui.clock.zone_name), parent, slip_no=f"PIN-{slip.account_no}",
                         pdf=False)
        self.setObjectName("pinSlip")
        self.slip = slip

"""开户 (open an account: tenant, meters 一户多表, first top-up 开户首充, old balance 老表金额转入) and 加表 dialogs."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QListWidgetItem, QWidget

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.domain.meter_identity import meter_number
from acrel_console.services.accounts import AccountInfo
from acrel_console.services.money_common import amount_fen
from acrel_console.ui.amount_validator import attach as amount_field
from acrel_console.ui.cashier.labels import METHODS, method_label
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.context import UiContext
from acrel_console.ui.cashier.keyboard import KeyFormDialog



def meter_text(m: Any) -> str:
    """How a meter is named in pickers: number · room · building · model."""
    parts = [meter_number(m.meter_no), m.room or "—"]  # the 仪表编号, never the database id
    if getattr(m, "building", None):
        parts.append(m.building)
    parts.append(m.model)
    return " · ".join(parts)


def meter_id_of(m: Any) -> int:
    return int(getattr(m, "meter_id", None) or m.id)


class OpenAccountDialog(KeyFormDialog):
    """New tenant account. `meters` are the unopened meters offered (MeterLive or Meter values)."""

    def __init__(self, ui: UiContext, meters: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(ui, self.tr("Open account"), parent)
        self.setMinimumWidth(560)
        self.opening_sale_id: str | None = None  # made at the first submit, reused by a retry
        self.name = QLineEdit()
        self.room = QLineEdit()
        self.phone = QLineEdit()
        self.notes = QLineEdit()
        self.meters = QListWidget()
        self.meters.setMinimumHeight(140)
        for m in meters:
            item = QListWidgetItem(meter_text(m))
            item.setData(Qt.ItemDataRole.UserRole, meter_id_of(m))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.meters.addItem(item)
        if meters:
            self.meters.setCurrentRow(0)
        self.meters.itemChanged.connect(lambda _i: self.revalidate())
        self.credit = amount_field(QLineEdit())
        self.credit.setPlaceholderText(self.tr("optional"))
        self.method = QComboBox()
        for m in METHODS:
            self.method.addItem(method_label(m), m)
        self.old_balance = amount_field(QLineEdit())
        self.old_balance.setPlaceholderText(self.tr("optional"))
        self.add_field("name", self.tr("Tenant name"), self.name)
        self.add_field("room", self.tr("Shop/room"), self.room)
        self.add_field("phone", self.tr("Phone (SMS)"), self.phone)
        self.add_field("notes", self.tr("Notes"), self.notes)
        self.add_field("meters", self.tr("Meters (Space ticks)"), self.meters)
        self.add_field("opening_credit", self.tr("First top-up (yuan)"), self.credit)
        self.add_field("method", self.tr("Payment method"), self.method)
        self.add_field("old_balance", self.tr("Old meter balance (yuan)"), self.old_balance)
        self.meters.setToolTip(self.tr("Tick one or more unopened meters with Space (one account, several meters)."))
        self.old_balance.setToolTip(self.tr("Credit carried over from the previous system (老表金额转入)."))

    def checked_ids(self) -> list[int]:
        return [int(self.meters.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.meters.count())
                if self.meters.item(i).checkState() == Qt.CheckState.Checked]

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "room": self.room.text(), "phone": self.phone.text(),
                "notes": self.notes.text(), "meter_ids": self.checked_ids(), "opening_credit": self.credit.text().strip(),
                "method": self.method.currentData(), "old_balance": self.old_balance.text().strip()}

    def check(self, v: dict[str, Any]) -> None:
        if not v["name"].strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label} is required."), field="name", label="Name")
        if not v["meter_ids"]:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "An account needs at least one meter."), field="meters")
        for key in ("opening_credit", "old_balance"):
            if v[key]:
                amount_fen(v[key], key)

    def submit(self, v: dict[str, Any]) -> AccountInfo:
        accounts, actor = money_services(self.ui.services).accounts, self.ui.actor  # type: ignore[union-attr]
        if v["opening_credit"] and self.opening_sale_id is None:
            self.opening_sale_id = str(uuid.uuid4())
        return accounts.open_account(actor, v["name"], v["room"], v["meter_ids"], phone=v["phone"], notes=v["notes"],
                                     opening_credit=v["opening_credit"] or None, method=v["method"],
                                     opening_sale_id=self.opening_sale_id if v["opening_credit"] else None,
                                     old_balance=v["old_balance"] or None)


class AddMeterDialog(KeyFormDialog):
    """开户后加表: one more unopened meter for an open account."""

    def __init__(self, ui: UiContext, account: AccountInfo, meters: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(ui, self.tr("Add meter to {name}").format(name=account.name), parent)
        self.account = account
        self.meter = QComboBox()
        for m in meters:
            self.meter.addItem(meter_text(m), meter_id_of(m))
        self.add_field("meter", self.tr("Meter"), self.meter)

    def values(self) -> dict[str, Any]:
        return {"meter": self.meter.currentData()}

    def check(self, v: dict[str, Any]) -> None:
        if v["meter"] is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "No unopened meter is left."), field="meter")

    def submit(self, v: dict[str, Any]) -> AccountInfo:
        accounts, actor = money_services(self.ui.services).accounts, self.ui.actor  # type: ignore[union-attr]
        return accounts.add_meter(actor, self.account.account_id, int(v["meter"]))

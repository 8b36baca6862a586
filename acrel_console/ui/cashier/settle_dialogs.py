"""销户 (close an account), removing one meter, and 换表 (replace a meter): final readings (read, or entered when
the meter is dead), refund or transfer of the remaining balance; a settlement slip afterwards."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.domain.meter_identity import meter_number
from acrel_console.services.accounts import AccountInfo, MeterBalance, SettlementResult
from acrel_console.ui.amount_validator import attach as amount_field
from acrel_console.ui.cashier.account_dialogs import meter_id_of, meter_text
from acrel_console.ui.cashier.labels import METHODS, method_label
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.cashier.settle_presenter import FinalTexts, final_reading
from acrel_console.ui.context import UiContext
from acrel_console.ui.cashier.keyboard import KeyFormDialog



def best_remaining(m: MeterBalance) -> Decimal:
    """The value to start from: the meter's last read remaining (meter-side), else the ledger's credit."""
    return m.known_remaining if (m.meter_side and m.known_remaining is not None) else m.ledger_credit


class FinalReadingsBox(QWidget):
    """One row per meter: remaining (yuan), total energy (kWh, optional), 'entered: meter dead'."""

    def __init__(self, meters: list[MeterBalance], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Meter")), 0, 0)
        grid.addWidget(QLabel(self.tr("Remaining (yuan)")), 0, 1)
        grid.addWidget(QLabel(self.tr("Energy (kWh)")), 0, 2)
        self.rows: list[tuple[int, QLineEdit, QLineEdit, QCheckBox]] = []
        for i, m in enumerate(meters, 1):
            remaining = amount_field(QLineEdit(f"{best_remaining(m):.2f}"))
            remaining.setObjectName(f"remaining_{m.meter_id}")
            energy = amount_field(QLineEdit())
            energy.setPlaceholderText(self.tr("optional"))
            dead = QCheckBox(self.tr("meter dead: values entered"))
            dead.setToolTip(self.tr("The meter cannot be read; the values are typed in and logged as entered."))
            grid.addWidget(QLabel(meter_text(m)), i, 0)
            grid.addWidget(remaining, i, 1)
            grid.addWidget(energy, i, 2)
            grid.addWidget(dead, i, 3)
            self.rows.append((m.meter_id, remaining, energy, dead))

    def texts(self) -> list[FinalTexts]:
        return [FinalTexts(mid, r.text(), e.text(), d.isChecked()) for mid, r, e, d in self.rows]

    def editors(self) -> list[QWidget]:
        return [w for _m, r, e, d in self.rows for w in (r, e, d)]


class SettleDialog(KeyFormDialog):
    """销户 of a whole account (meter_id None) or removing one meter: final readings, refund or transfer."""

    def __init__(self, ui: UiContext, account: AccountInfo, targets: list[Any], meter_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        title = self.tr("Close account {no} · {name}") if meter_id is None else self.tr("Remove a meter from {name}")
        super().__init__(ui, title.format(no=account.account_no, name=account.name), parent)
        self.setMinimumWidth(640)
        self.account = account
        self.meter_id = meter_id
        meters = [m for m in account.meters if meter_id is None or m.meter_id == meter_id]
        self.finals = FinalReadingsBox(meters)
        self.settle = QComboBox()
        self.settle.addItem(self.tr("Refund to the tenant"), "refund")
        self.settle.addItem(self.tr("Transfer to another meter"), "transfer")
        self.method = QComboBox()
        for m in METHODS:
            self.method.addItem(method_label(m), m)
        self.transfer_to = QComboBox()
        for t in targets:
            if meter_id_of(t) not in {m.meter_id for m in meters}:
                self.transfer_to.addItem(meter_text(t), meter_id_of(t))
        self.reason = QLineEdit()
        self.add_field("finals", self.tr("Final readings"), self.finals)
        self.add_field("settle", self.tr("Remaining balance"), self.settle)
        self.add_field("method", self.tr("Refund paid by"), self.method)
        self.add_field("transfer_to", self.tr("Transfer to"), self.transfer_to)
        self.add_field("reason", self.tr("Reason"), self.reason)
        for e in self.finals.editors():
            if isinstance(e, QLineEdit):
                e.textChanged.connect(self.revalidate)
            elif isinstance(e, QCheckBox):
                e.toggled.connect(self.revalidate)
        self.settle.currentIndexChanged.connect(self._settle_changed)
        self._settle_changed()

    def _settle_changed(self) -> None:
        transfer = self.settle.currentData() == "transfer"
        self.set_field_visible("method", not transfer)
        self.set_field_visible("transfer_to", transfer)
        self.revalidate()

    def values(self) -> dict[str, Any]:
        return {"finals": self.finals.texts(), "settle": self.settle.currentData(), "method": self.method.currentData(),
                "transfer_to": self.transfer_to.currentData(), "reason": self.reason.text()}

    def check(self, v: dict[str, Any]) -> None:
        for t in v["finals"]:
            try:
                final_reading(t)
            except ValidationError as err:
                err.field = "finals"
                raise
        if v["settle"] == "transfer" and v["transfer_to"] is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Name the meter the balance moves to."),
                                  field="transfer_to")

    def submit(self, v: dict[str, Any]) -> SettlementResult:
        accounts, actor = money_services(self.ui.services).accounts, self.ui.actor  # type: ignore[union-attr]
        finals = {t.meter_id: final_reading(t) for t in v["finals"]}
        transfer_to = int(v["transfer_to"]) if v["settle"] == "transfer" else None
        if self.meter_id is None:
            return accounts.close_account(actor, self.account.account_id, finals, settle=v["settle"],
                                          method=v["method"], transfer_to=transfer_to, reason=v["reason"])
        return accounts.remove_meter(actor, self.account.account_id, self.meter_id, finals[self.meter_id],
                                     settle=v["settle"], method=v["method"], transfer_to=transfer_to,
                                     reason=v["reason"])


class ReplaceMeterDialog(KeyFormDialog):
    """新老表切换: the old meter's remaining (read, or entered for a dead meter) moves to a new, unopened meter."""

    def __init__(self, ui: UiContext, account: AccountInfo, old: MeterBalance, new_meters: list[Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(ui, self.tr("Replace meter {no}").format(no=meter_number(old.meter_no)), parent)
        self.setMinimumWidth(600)
        self.account, self.old = account, old
        self.finals = FinalReadingsBox([old])
        self.new_meter = QComboBox()
        for m in new_meters:
            self.new_meter.addItem(meter_text(m), meter_id_of(m))
        self.reason = QLineEdit()
        self.add_field("finals", self.tr("Old meter's final reading"), self.finals)
        self.add_field("new_meter", self.tr("New meter"), self.new_meter)
        self.add_field("reason", self.tr("Reason"), self.reason)
        for e in self.finals.editors():
            if isinstance(e, QLineEdit):
                e.textChanged.connect(self.revalidate)

    def values(self) -> dict[str, Any]:
        return {"final": self.finals.texts()[0], "new_meter": self.new_meter.currentData(), "reason": self.reason.text()}

    def check(self, v: dict[str, Any]) -> None:
        try:
            final_reading(v["final"])
        except ValidationError as err:
            err.field = "finals"
            raise
        if v["new_meter"] is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "No unopened meter is left."), field="new_meter")

    def submit(self, v: dict[str, Any]) -> SettlementResult:
        accounts, actor = money_services(self.ui.services).accounts, self.ui.actor  # type: ignore[union-attr]
        return accounts.replace_meter(actor, self.old.meter_id, int(v["new_meter"]), final_reading(v["final"]),
                                      reason=v["reason"])

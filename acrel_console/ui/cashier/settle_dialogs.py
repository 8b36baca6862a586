"""销户 (close an account), removing one meter, and 换表 (replace a meter). Nothing is typed as a reading: each meter
gives its credit back as the console reads it at the moment of sending; a meter that cannot be read is settled by
a claim a supervisor approves here, capped by the ledger. The page follows the settlement and prints the slip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.domain.meter_identity import meter_number
from acrel_console.services.account_changes import ChangeStatus, Claim
from acrel_console.services.accounts import AccountInfo, MeterBalance
from acrel_console.ui.amount_validator import attach as amount_field
from acrel_console.ui.cashier.account_dialogs import ExistingCreditBox, meter_id_of, meter_text
from acrel_console.ui.cashier.approval_box import ApprovalBox
from acrel_console.ui.cashier.keyboard import KeyFormDialog
from acrel_console.ui.cashier.labels import METHODS, method_label
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.cashier.settle_presenter import ClaimTexts, check_approval, check_existing_credit, claim_amount
from acrel_console.ui.context import UiContext


def balance_text(m: MeterBalance) -> str:
    """What the console knows of one meter: the tenant's ledger balance and the meter's last reading."""
    shown = "—" if m.known_remaining is None else f"{m.known_remaining:.2f}"
    return QCoreApplication.translate("SettleDialogs", "ledger {ledger} yuan · meter last showed {shown} yuan").format(
        ledger=f"{m.ledger_credit:.2f}", shown=shown)


class MetersBox(QWidget):
    """One row per meter: its balances, and 'cannot be read: claim' with the amount claimed."""

    def __init__(self, meters: list[MeterBalance], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.rows: list[tuple[int, QCheckBox, QLineEdit]] = []
        for i, m in enumerate(meters):
            dead = QCheckBox(self.tr("cannot be read: claim"))
            dead.setObjectName(f"claim_{m.meter_id}")
            dead.setToolTip(self.tr("The meter is broken or gone: a supervisor approves what it is taken to hold "
                                    "(never more than the ledger's balance)."))
            amount = amount_field(QLineEdit())
            amount.setObjectName(f"claimAmount_{m.meter_id}")
            amount.setPlaceholderText(self.tr("claimed yuan"))
            amount.setEnabled(False)
            dead.toggled.connect(amount.setEnabled)
            grid.addWidget(QLabel(meter_text(m)), i, 0)
            grid.addWidget(QLabel(balance_text(m)), i, 1)
            grid.addWidget(dead, i, 2)
            grid.addWidget(amount, i, 3)
            self.rows.append((m.meter_id, dead, amount))

    def claims(self) -> list[ClaimTexts]:
        return [ClaimTexts(mid, a.text()) for mid, d, a in self.rows if d.isChecked()]

    def editors(self) -> list[QWidget]:
        return [w for _m, d, a in self.rows for w in (d, a)]


def _claims(ui: UiContext, texts: list[ClaimTexts], approval: Any) -> dict[int, Claim]:
    if not texts:
        return {}
    approver = ApprovalBox.approver(ui.services, ui.actor, approval)
    return {t.meter_id: Claim(t.meter_id, claim_amount(t), approver, approval.reason) for t in texts}


class SettleDialog(KeyFormDialog):
    """销户 of a whole account (meter_id None) or removing one meter: refund or transfer what the meters give back."""

    def __init__(self, ui: UiContext, account: AccountInfo, targets: list[Any], meter_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        title = self.tr("Close account {no} · {name}") if meter_id is None else self.tr("Remove a meter from {name}")
        super().__init__(ui, title.format(no=account.account_no, name=account.name), parent)
        self.setMinimumWidth(720)
        self.account = account
        self.meter_id = meter_id
        meters = [m for m in account.meters if meter_id is None or m.meter_id == meter_id]
        self.meters_box = MetersBox(meters)
        note = QLabel(self.tr("Each meter is read as its credit is taken back; the drawer pays out only what the "
                              "meters confirm."))
        note.setWordWrap(True)
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
        self.approval = ApprovalBox()
        self.add_field("meters", self.tr("Meters"), self.meters_box)
        self.add_field("note", "", note)
        self.add_field("settle", self.tr("Remaining balance"), self.settle)
        self.add_field("method", self.tr("Refund paid by"), self.method)
        self.add_field("transfer_to", self.tr("Transfer to"), self.transfer_to)
        self.add_field("reason", self.tr("Reason"), self.reason)
        self.add_field("claims", self.tr("Claim"), QLabel())
        self.add_field("approval", self.tr("Approval"), self.approval)
        for e in self.meters_box.editors():
            if isinstance(e, QLineEdit):
                e.textChanged.connect(self._claims_changed)
            elif isinstance(e, QCheckBox):
                e.toggled.connect(self._claims_changed)
        for edit in self.approval.editors():
            edit.textChanged.connect(self.revalidate)
        self.settle.currentIndexChanged.connect(self._settle_changed)
        self._settle_changed()
        self._claims_changed()

    def _settle_changed(self) -> None:
        transfer = self.settle.currentData() == "transfer"
        self.set_field_visible("method", not transfer)
        self.set_field_visible("transfer_to", transfer)
        self.revalidate()

    def _claims_changed(self) -> None:
        self.set_field_visible("approval", bool(self.meters_box.claims()))
        self.revalidate()

    def values(self) -> dict[str, Any]:
        return {"claims": self.meters_box.claims(), "settle": self.settle.currentData(),
                "method": self.method.currentData(), "transfer_to": self.transfer_to.currentData(),
                "reason": self.reason.text(), "approval": self.approval.texts()}

    def check(self, v: dict[str, Any]) -> None:
        for t in v["claims"]:
            claim_amount(t)
        check_approval(v["approval"], bool(v["claims"]), self.ui.actor.name)  # type: ignore[union-attr]
        if v["settle"] == "transfer" and v["transfer_to"] is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Name the meter the balance moves to."),
                                  field="transfer_to")

    def submit(self, v: dict[str, Any]) -> ChangeStatus:
        ui = self.ui
        assert ui is not None
        accounts, actor = money_services(ui.services).accounts, ui.actor
        claims = _claims(ui, v["claims"], v["approval"])
        transfer_to = int(v["transfer_to"]) if v["settle"] == "transfer" else None
        if self.meter_id is None:
            return accounts.close_account(actor, self.account.account_id, settle=v["settle"], method=v["method"],
                                          transfer_to=transfer_to, reason=v["reason"], claims=claims)
        return accounts.remove_meter(actor, self.account.account_id, self.meter_id, settle=v["settle"],
                                     method=v["method"], transfer_to=transfer_to, reason=v["reason"],
                                     claim=claims.get(self.meter_id))


class ReplaceMeterDialog(KeyFormDialog):
    """新老表切换: the old meter's credit moves to a new, unopened meter (both read back); a dead old meter by claim."""

    def __init__(self, ui: UiContext, account: AccountInfo, old: MeterBalance, new_meters: list[Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(ui, self.tr("Replace meter {no}").format(no=meter_number(old.meter_no)), parent)
        self.setMinimumWidth(720)
        self.account, self.old = account, old
        self.meters_box = MetersBox([old])
        self.new_meter = QComboBox()
        for m in new_meters:
            self.new_meter.addItem(meter_text(m), meter_id_of(m))
        self.existing = ExistingCreditBox()
        self.reason = QLineEdit()
        self.approval = ApprovalBox()
        self.add_field("meters", self.tr("Old meter"), self.meters_box)
        self.add_field("new_meter", self.tr("New meter"), self.new_meter)
        self.add_field("existing_credit", self.tr("Credit already on the new meter"), self.existing)
        self.add_field("reason", self.tr("Reason"), self.reason)
        self.add_field("claims", self.tr("Claim"), QLabel())
        self.add_field("approval", self.tr("Approval"), self.approval)
        for e in self.meters_box.editors():
            if isinstance(e, QLineEdit):
                e.textChanged.connect(self._claims_changed)
            elif isinstance(e, QCheckBox):
                e.toggled.connect(self._claims_changed)
        for edit in self.approval.editors():
            edit.textChanged.connect(self.revalidate)
        self.existing.decision.currentIndexChanged.connect(lambda _i: self.revalidate())
        self.new_meter.currentIndexChanged.connect(lambda _i: self._new_changed())
        self._claims_changed()
        self._new_changed()

    def _claims_changed(self) -> None:
        self.set_field_visible("approval", bool(self.meters_box.claims()))
        self.revalidate()

    def _new_changed(self) -> None:
        mid = self.new_meter.currentData()
        if mid is not None:
            self.existing.load(self.ui, [int(mid)], lambda: self.new_meter.currentData() == mid,  # type: ignore[arg-type]
                               self.revalidate)

    def values(self) -> dict[str, Any]:
        return {"claims": self.meters_box.claims(), "new_meter": self.new_meter.currentData(),
                "existing_credit": self.existing.choice(), "reason": self.reason.text(),
                "approval": self.approval.texts()}

    def check(self, v: dict[str, Any]) -> None:
        if v["new_meter"] is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "No unopened meter is left."), field="new_meter")
        for t in v["claims"]:
            claim_amount(t)
        check_approval(v["approval"], bool(v["claims"]), self.ui.actor.name)  # type: ignore[union-attr]
        check_existing_credit([h for h in self.existing.holdings if h.meter_id == v["new_meter"]],
                              v["existing_credit"])

    def submit(self, v: dict[str, Any]) -> ChangeStatus:
        ui = self.ui
        assert ui is not None
        accounts, actor = money_services(ui.services).accounts, ui.actor
        claims = _claims(ui, v["claims"], v["approval"])
        return accounts.replace_meter(actor, self.old.meter_id, int(v["new_meter"]),
                                      existing_credit=v["existing_credit"], claim=claims.get(self.old.meter_id),
                                      reason=v["reason"])

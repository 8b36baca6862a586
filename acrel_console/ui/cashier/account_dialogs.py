"""开户 (open an account: tenant, meters 一户多表, their thresholds 告警金额1/2 and 功率阈值, the existing credit a
meter's reading shows taken over or cleared, first top-up 开户首充, a typed old balance 老表金额转入 as a
supervisor-approved claim) and 加表 dialogs."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.domain.meter_identity import meter_number
from acrel_console.services.accounts import AccountInfo
from acrel_console.services.money_common import amount_fen
from acrel_console.services.site_config import threshold_fields
from acrel_console.services.takeover import CLEAR, TAKE_OVER, MeterHolding
from acrel_console.ui.amount_validator import attach as amount_field
from acrel_console.ui.cashier.approval_box import ApprovalBox
from acrel_console.ui.cashier.keyboard import KeyFormDialog
from acrel_console.ui.cashier.labels import METHODS, method_label
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.cashier.receipt_lines import local_time
from acrel_console.ui.cashier.settle_presenter import check_approval, check_existing_credit, needs_decision
from acrel_console.ui.context import UiContext


def meter_text(m: Any) -> str:
    """How a meter is named in pickers: number · room · building · model."""
    parts = [meter_number(m.meter_no), m.room or "—"]  # the 仪表编号, never the database id
    if getattr(m, "building", None):
        parts.append(m.building)
    parts.append(m.model)
    return " · ".join(parts)


def meter_id_of(m: Any) -> int:
    return int(getattr(m, "meter_id", None) or m.id)


def holding_text(h: MeterHolding, zone: str = "Asia/Shanghai") -> str:
    """One line about what a meter holds before it is opened (translated)."""
    name = meter_number(h.meter_no)
    if not h.meter_side:
        return QCoreApplication.translate("AccountDialogs", "{meter}: balance kept by the console").format(meter=name)
    if h.remaining is None:
        return QCoreApplication.translate("AccountDialogs", "{meter}: never read; opened without a reading").format(
            meter=name)
    when = h.read_at_text or (local_time(h.read_at, zone)[:16] if h.read_at else "?")
    if not h.needs_decision:
        return QCoreApplication.translate("AccountDialogs", "{meter}: {amount} yuan, nothing to decide (read {at})") \
            .format(meter=name, amount=f"{h.remaining:.2f}", at=when)
    text = QCoreApplication.translate(
        "AccountDialogs", "{meter}: holds {amount} yuan this console did not sell (read {at}, purchase count {count})")
    line = text.format(meter=name, amount=f"{h.remaining - h.ledger_credit:.2f}", at=when, count=h.purchase_count)
    if not h.fresh:
        line += " — " + QCoreApplication.translate("AccountDialogs", "reading too old: refresh the meter first")
    return line


class ExistingCreditBox(QWidget):
    """The readings of the ticked meters and the take over / clear choice (shown when a meter needs one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QVBoxLayout

        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.lines = QLabel()
        self.lines.setObjectName("existingCreditLines")
        self.lines.setWordWrap(True)
        self.decision = QComboBox()
        self.decision.setObjectName("existingCreditDecision")
        self.decision.addItem(self.tr("— choose —"), None)
        self.decision.addItem(self.tr("Take it over as the tenant's opening balance"), TAKE_OVER)
        self.decision.addItem(self.tr("Clear it from the meter (zeroed, read back)"), CLEAR)
        layout.addWidget(self.lines)
        layout.addWidget(self.decision)
        self.holdings: list[MeterHolding] = []
        self.show_holdings([])

    def show_holdings(self, holdings: list[MeterHolding], zone: str = "Asia/Shanghai") -> None:
        self.holdings = holdings
        self.lines.setText("\n".join(holding_text(h, zone) for h in holdings) or self.tr("No meter ticked."))
        self.decision.setVisible(needs_decision(holdings))

    def choice(self) -> str | None:
        value = self.decision.currentData()
        return str(value) if value else None

    def load(self, ui: UiContext, meter_ids: list[int], still_wanted: Callable[[], bool],
             then: Callable[[], None]) -> None:
        """Ask the service what these meters hold (off the GUI thread) and show it, unless the choice moved on."""
        accounts, actor = money_services(ui.services).accounts, ui.actor

        def got(found: list[MeterHolding]) -> None:
            if still_wanted():
                self.show_holdings(found, ui.clock.zone_name)
                then()

        ui.tasks.run(lambda: accounts.holdings(actor, meter_ids), got, owner=self)


class OpenAccountDialog(KeyFormDialog):
    """New tenant account. `meters` are the unopened meters offered (MeterLive or Meter values)."""

    def __init__(self, ui: UiContext, meters: list[Any], parent: QWidget | None = None, zone: str = "Asia/Shanghai") \
            -> None:
        super().__init__(ui, self.tr("Open account"), parent)
        self.setMinimumWidth(600)
        self.zone = zone
        self.opening_sale_id: str | None = None  # made at the first submit, reused by a retry
        self._asked: tuple[int, ...] = ()
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
        self.meters.itemChanged.connect(lambda _i: self._meters_changed())
        self.existing = ExistingCreditBox()
        self.credit = amount_field(QLineEdit())
        self.credit.setPlaceholderText(self.tr("optional"))
        self.method = QComboBox()
        for m in METHODS:
            self.method.addItem(method_label(m), m)
        self.old_balance = amount_field(QLineEdit())
        self.old_balance.setPlaceholderText(self.tr("optional: a claim a supervisor approves"))
        self.approval = ApprovalBox()
        self.add_field("name", self.tr("Tenant name"), self.name)
        self.add_field("room", self.tr("Shop/room"), self.room)
        self.add_field("phone", self.tr("Phone (SMS)"), self.phone)
        self.add_field("notes", self.tr("Notes"), self.notes)
        self.add_field("meters", self.tr("Meters (Space ticks)"), self.meters)
        self.add_field("existing_credit", self.tr("Credit already on the meters"), self.existing)
        # 告警金额1/2 and 功率阈值 of the ticked meters (empty: the site default)
        self.alarm1, self.alarm2, self.overload = (amount_field(QLineEdit()) for _ in range(3))
        for edit in (self.alarm1, self.alarm2, self.overload):
            edit.setPlaceholderText(self.tr("site default"))
        self.add_field("alarm1_yuan", self.tr("Alarm amount 1 (yuan)"), self.alarm1,
                       self.tr("The ticked meters' own alarm 1; prepaid meters get it downloaded (read back)."))
        self.add_field("alarm2_yuan", self.tr("Alarm amount 2 (yuan)"), self.alarm2)
        self.add_field("overload_kw", self.tr("Power threshold (kW)"), self.overload)
        self.add_field("opening_credit", self.tr("First top-up (yuan)"), self.credit)
        self.add_field("method", self.tr("Payment method"), self.method)
        self.add_field("old_balance", self.tr("Old meter balance (yuan)"), self.old_balance)
        self.add_field("approval", self.tr("Approval"), self.approval)
        self.meters.setToolTip(self.tr("Tick one or more unopened meters with Space (one account, several meters)."))
        self.old_balance.setToolTip(self.tr("Credit carried over from the previous system (老表金额转入) that no meter "
                                            "reading shows: a claim, approved by a supervisor with a reason."))
        self.existing.decision.currentIndexChanged.connect(lambda _i: self.revalidate())
        for edit in self.approval.editors():
            edit.textChanged.connect(self.revalidate)
        self.old_balance.textChanged.connect(self._old_balance_changed)
        self._old_balance_changed()

    def _old_balance_changed(self) -> None:
        self.set_field_visible("approval", bool(self.old_balance.text().strip()))
        self.revalidate()

    def checked_ids(self) -> list[int]:
        return [int(self.meters.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.meters.count())
                if self.meters.item(i).checkState() == Qt.CheckState.Checked]

    def _meters_changed(self) -> None:
        """Ask the service what the ticked meters hold (off the GUI thread)."""
        ids = tuple(self.checked_ids())
        self._asked = ids
        self.existing.load(self.ui, list(ids), lambda: ids == self._asked, self.revalidate)  # type: ignore[arg-type]
        self.revalidate()

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "room": self.room.text(), "phone": self.phone.text(),
                "notes": self.notes.text(), "meter_ids": self.checked_ids(), "opening_credit": self.credit.text().strip(),
                "method": self.method.currentData(), "old_balance": self.old_balance.text().strip(),
                "existing_credit": self.existing.choice(), "approval": self.approval.texts(),
                "thresholds": {"alarm1_yuan": self.alarm1.text().strip(), "alarm2_yuan": self.alarm2.text().strip(),
                               "overload_kw": self.overload.text().strip()}}

    def check(self, v: dict[str, Any]) -> None:
        if not v["name"].strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label} is required."), field="name", label="Name")
        if not v["meter_ids"]:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "An account needs at least one meter."), field="meters")
        for key in ("opening_credit", "old_balance"):
            if v[key]:
                amount_fen(v[key], key)
        threshold_fields(v["thresholds"])  # the service's own rule: alarm 1 > alarm 2 >= 0, power in 10 W steps
        shown = [h for h in self.existing.holdings if h.meter_id in v["meter_ids"]]
        check_existing_credit(shown, v["existing_credit"])
        check_approval(v["approval"], bool(v["old_balance"]), self.ui.actor.name)  # type: ignore[union-attr]

    def submit(self, v: dict[str, Any]) -> AccountInfo:
        ui = self.ui
        assert ui is not None
        accounts, actor = money_services(ui.services).accounts, ui.actor
        if v["opening_credit"] and self.opening_sale_id is None:
            self.opening_sale_id = str(uuid.uuid4())
        approver = ApprovalBox.approver(ui.services, actor, v["approval"]) if v["old_balance"] else None
        return accounts.open_account(actor, v["name"], v["room"], v["meter_ids"], phone=v["phone"], notes=v["notes"],
                                     opening_credit=v["opening_credit"] or None, method=v["method"],
                                     opening_sale_id=self.opening_sale_id if v["opening_credit"] else None,
                                     old_balance=v["old_balance"] or None, existing_credit=v["existing_credit"],
                                     old_balance_approver=approver, old_balance_reason=v["approval"].reason,
                                     thresholds=v["thresholds"])


class AddMeterDialog(KeyFormDialog):
    """开户后加表: one more unopened meter for an open account (its existing credit decided as at opening)."""

    def __init__(self, ui: UiContext, account: AccountInfo, meters: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(ui, self.tr("Add meter to {name}").format(name=account.name), parent)
        self.account = account
        self.meter = QComboBox()
        for m in meters:
            self.meter.addItem(meter_text(m), meter_id_of(m))
        self.existing = ExistingCreditBox()
        self.add_field("meter", self.tr("Meter"), self.meter)
        self.add_field("existing_credit", self.tr("Credit already on the meter"), self.existing)
        self.meter.currentIndexChanged.connect(lambda _i: self._meter_changed())
        self.existing.decision.currentIndexChanged.connect(lambda _i: self.revalidate())
        self._meter_changed()

    def _meter_changed(self) -> None:
        mid = self.meter.currentData()
        if mid is not None:
            self.existing.load(self.ui, [int(mid)], lambda: self.meter.currentData() == mid,  # type: ignore[arg-type]
                               self.revalidate)

    def values(self) -> dict[str, Any]:
        return {"meter": self.meter.currentData(), "existing_credit": self.existing.choice()}

    def check(self, v: dict[str, Any]) -> None:
        if v["meter"] is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "No unopened meter is left."), field="meter")
        check_existing_credit([h for h in self.existing.holdings if h.meter_id == v["meter"]], v["existing_credit"])

    def submit(self, v: dict[str, Any]) -> AccountInfo:
        accounts, actor = money_services(self.ui.services).accounts, self.ui.actor  # type: ignore[union-attr]
        return accounts.add_meter(actor, self.account.account_id, int(v["meter"]), existing_credit=v["existing_credit"])

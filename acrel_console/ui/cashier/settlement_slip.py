"""The settlement slip of 销户 / removing a meter / 换表: each meter with what it gave back (confirmed by the meter or
by an approved claim), the total and what is still outstanding; shown with Save PDF and Print."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from acrel_console.services.account_changes import ChangeStatus, MeterSettlement
from acrel_console.services.accounts import AccountInfo
from acrel_console.ui.cashier.receipt_lines import ReceiptText, local_time
from acrel_console.ui.cashier.slip_dialog import SlipDialog
from acrel_console.ui.context import UiContext


def _yuan(value: Decimal) -> str:
    return f"{value:.2f} " + QCoreApplication.translate("SettlementSlip", "yuan")


def _meter_line(m: MeterSettlement) -> str:
    parts = [QCoreApplication.translate("SettlementSlip", "returned {amount}").format(amount=_yuan(m.returned))]
    if m.state == "claimed":
        parts[0] += " " + QCoreApplication.translate("SettlementSlip", "(claim approved by a supervisor)")
    if m.consumption:
        parts.append(QCoreApplication.translate("SettlementSlip", "used before settling {amount}").format(amount=_yuan(m.consumption)))
    if m.outstanding:
        parts.append(QCoreApplication.translate("SettlementSlip", "still outstanding {amount}").format(amount=_yuan(m.outstanding)))
    if m.not_returned:
        parts.append(QCoreApplication.translate("SettlementSlip", "NOT returned {amount}: the meter refused").format(amount=_yuan(m.not_returned)))
    if m.receipt_no:
        parts.append(m.receipt_no)
    return " · ".join(parts)


def settlement_text(site: str, what: str, account: AccountInfo, status: ChangeStatus, operator: str,
                    zone: str, at: datetime | None = None) -> ReceiptText:
    """what: close | remove | replace. Each meter, what it gave back, the totals and what is still outstanding."""
    titles = {"close": QCoreApplication.translate("SettlementSlip", "Account closing settlement"), "remove": QCoreApplication.translate("SettlementSlip", "Meter removal settlement"),
              "replace": QCoreApplication.translate("SettlementSlip", "Meter replacement settlement")}
    states = {"done": QCoreApplication.translate("SettlementSlip", "Settled"), "settling": QCoreApplication.translate("SettlementSlip", "Still settling: waiting for the meters"),
              "stuck": QCoreApplication.translate("SettlementSlip", "Not settled: a meter refused; nothing was paid for what it kept")}
    rows: list[tuple[str, str]] = [
        (QCoreApplication.translate("SettlementSlip", "Tenant"), account.name), (QCoreApplication.translate("SettlementSlip", "Account no."), account.account_no), (QCoreApplication.translate("SettlementSlip", "Shop/room"), account.room),
        (QCoreApplication.translate("SettlementSlip", "Time"), local_time(at or status.finished_at or status.started_at, zone)),
        (QCoreApplication.translate("SettlementSlip", "State"), states.get(status.state, status.state)),
    ]
    for m in status.meters:
        rows.append((QCoreApplication.translate("SettlementSlip", "Meter {no}").format(no=m.meter_no or m.meter_id), _meter_line(m)))
    total = status.paid_out + status.moved
    rows.append((QCoreApplication.translate("SettlementSlip", "Total returned"), _yuan(total)))
    if status.paid_out:
        rows.append((QCoreApplication.translate("SettlementSlip", "Paid out"), _yuan(status.paid_out)))
    if status.moved:
        rows.append((QCoreApplication.translate("SettlementSlip", "Moved to the other meter"), _yuan(status.moved)))
    rows.append((QCoreApplication.translate("SettlementSlip", "Still outstanding"), _yuan(status.outstanding + status.not_returned)))
    if status.trips:
        rows.append((QCoreApplication.translate("SettlementSlip", "Meter commands"), QCoreApplication.translate("SettlementSlip", "{n} queued (relay, prepaid mode)").format(n=len(status.trips))))
    rows.append((QCoreApplication.translate("SettlementSlip", "Operator"), operator))
    return ReceiptText(site, titles.get(what, titles["close"]), "", tuple(rows),
                       QCoreApplication.translate("SettlementSlip", "Signed by the tenant: ____________"))


class SettlementSlipDialog(SlipDialog):
    """The settlement slip with Print…, Save PDF… and Close."""

    def __init__(self, ui: UiContext, text: ReceiptText, parent: QWidget | None = None) -> None:
        super().__init__(ui, text, parent)
        self.setObjectName("settlementSlip")

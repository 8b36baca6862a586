"""The text of a receipt (slip), line by line, from the records service's ReceiptData: what every renderer
(preview, PDF, printer) draws. No painting here, so it is tested without a window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from acrel_console.domain.meter_identity import meter_number
from acrel_console.services.records import ReceiptData
from acrel_console.ui.cashier.labels import delivery_label, kind_label, method_label

PERIODS = (QT_TRANSLATE_NOOP("Receipt", "Spike"), QT_TRANSLATE_NOOP("Receipt", "Peak"),
           QT_TRANSLATE_NOOP("Receipt", "Flat"), QT_TRANSLATE_NOOP("Receipt", "Valley"))

# The slip's title by operation kind: a refund is not a sale receipt (售电单据 / 退电单据 / 冲正单据).
TITLES = {
    "sale": QT_TRANSLATE_NOOP("Receipt", "Electricity sale receipt"),
    "refund": QT_TRANSLATE_NOOP("Receipt", "Electricity refund slip"),
    "reversal": QT_TRANSLATE_NOOP("Receipt", "Sale reversal slip"),
    "transfer": QT_TRANSLATE_NOOP("Receipt", "Balance transfer slip"),
    "opening": QT_TRANSLATE_NOOP("Receipt", "Opening balance slip"),
}


def slip_title(kind: str) -> str:
    """The translated title of a slip of this operation kind."""
    return QCoreApplication.translate("Receipt", TITLES.get(kind, TITLES["sale"]))


@dataclass(frozen=True, slots=True)
class ReceiptText:
    """Title lines, the reprint mark ('' for an original), label/value rows and the footer."""

    title: str
    subtitle: str
    reprint_mark: str
    rows: tuple[tuple[str, str], ...]
    footer: str


def local_time(at: datetime, zone: str) -> str:
    try:
        tz = ZoneInfo(zone)
    except Exception:  # noqa: BLE001 - a bad zone name shows UTC rather than nothing
        tz = ZoneInfo("UTC")
    return at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")


def _prices(data: ReceiptData) -> str:
    if not data.prices:
        return "—"
    if len(data.prices) == 1 or len(set(data.prices)) == 1:
        return QCoreApplication.translate("Receipt", "{price} yuan/kWh").format(price=data.prices[0])
    if len(data.prices) == 4:
        return " ".join(f"{QCoreApplication.translate('Receipt', name)} {p}" for name, p in zip(PERIODS, data.prices))
    return " / ".join(str(p) for p in data.prices)


def receipt_text(data: ReceiptData, zone: str) -> ReceiptText:
    """Everything printed on one slip, translated."""
    amount = f"{data.amount} " + QCoreApplication.translate("Receipt", "yuan")
    rows: list[tuple[str, str]] = [
        (QCoreApplication.translate("Receipt", "Receipt no."), data.number),
        (QCoreApplication.translate("Receipt", "Time"), local_time(data.at, zone)),
        (QCoreApplication.translate("Receipt", "Type"), kind_label(data.kind)),
        (QCoreApplication.translate("Receipt", "Tenant"), data.tenant_name),
        (QCoreApplication.translate("Receipt", "Account no."), data.account_no),
        (QCoreApplication.translate("Receipt", "Shop/room"), data.room),
        (QCoreApplication.translate("Receipt", "Meter no."), meter_number(data.meter_no)),
        (QCoreApplication.translate("Receipt", "Amount"), amount),
        (QCoreApplication.translate("Receipt", "Payment"), method_label(data.method)),
        (QCoreApplication.translate("Receipt", "Price"), _prices(data)),
        (QCoreApplication.translate("Receipt", "Balance after"), "—" if data.balance_after is None else f"{data.balance_after} " + QCoreApplication.translate("Receipt", "yuan")),
        (QCoreApplication.translate("Receipt", "Purchase count"), "—" if data.purchase_count is None else str(data.purchase_count)),
        (QCoreApplication.translate("Receipt", "Operator"), data.operator),
    ]
    if data.original_receipt:
        rows.append((QCoreApplication.translate("Receipt", "Original receipt"), data.original_receipt))
    if data.approver:
        rows.append((QCoreApplication.translate("Receipt", "Approved by"), data.approver))
    if data.reason:
        rows.append((QCoreApplication.translate("Receipt", "Reason"), data.reason))
    if data.remark:
        rows.append((QCoreApplication.translate("Receipt", "Remark"), data.remark))
    if data.delivery_state:
        rows.append((QCoreApplication.translate("Receipt", "Delivery"), delivery_label(data.delivery_state)))
    mark = QCoreApplication.translate("Receipt", "REPRINT (copy {n})").format(n=data.print_count) if data.reprint else ""
    return ReceiptText(data.site_name, slip_title(data.kind), mark, tuple(rows),
                       QCoreApplication.translate("Receipt", "Keep this slip. The number is the same on every copy."))

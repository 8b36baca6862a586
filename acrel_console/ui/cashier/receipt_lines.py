"""The text of a receipt (slip), line by line, from the records service's ReceiptData: what every renderer
(preview, PDF, printer) draws. No painting here, so it is tested without a window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from acrel_console.services.records import ReceiptData
from acrel_console.ui.cashier.labels import delivery_label, kind_label, method_label

PERIODS = ("Spike", "Peak", "Flat", "Valley")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Receipt", text)


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
        return _tr("{price} yuan/kWh").format(price=data.prices[0])
    if len(data.prices) == 4:
        return " ".join(f"{_tr(name)} {p}" for name, p in zip(PERIODS, data.prices))
    return " / ".join(str(p) for p in data.prices)


def receipt_text(data: ReceiptData, zone: str) -> ReceiptText:
    """Everything printed on one slip, translated."""
    amount = f"{data.amount} " + _tr("yuan")
    rows: list[tuple[str, str]] = [
        (_tr("Receipt no."), data.number),
        (_tr("Time"), local_time(data.at, zone)),
        (_tr("Type"), kind_label(data.kind)),
        (_tr("Tenant"), data.tenant_name),
        (_tr("Account no."), data.account_no),
        (_tr("Shop/room"), data.room),
        (_tr("Meter"), data.meter_no or str(data.meter_id)),
        (_tr("Amount"), amount),
        (_tr("Payment"), method_label(data.method)),
        (_tr("Price"), _prices(data)),
        (_tr("Balance after"), "—" if data.balance_after is None else f"{data.balance_after} " + _tr("yuan")),
        (_tr("Purchase count"), "—" if data.purchase_count is None else str(data.purchase_count)),
        (_tr("Operator"), data.operator),
    ]
    if data.remark:
        rows.append((_tr("Remark"), data.remark))
    if data.delivery_state:
        rows.append((_tr("Delivery"), delivery_label(data.delivery_state)))
    mark = _tr("REPRINT (copy {n})").format(n=data.print_count) if data.reprint else ""
    return ReceiptText(data.site_name, _tr("Electricity sale receipt"), mark, tuple(rows),
                       _tr("Keep this slip. The number is the same on every copy."))

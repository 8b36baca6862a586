"""Cell text of report values by column kind: fen as yuan and 0.01 kWh as kWh with 2 decimals, site-local times."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from acrel_console.services.site_clock import text_in
from acrel_console.ui.site_time import site_clock
from acrel_console.services.export_formats import ColumnKind, hundredths_text

# Text cells the services fill with English words (payment methods, statement items, alarm labels) are
# translated in these contexts; anything without a translation (names, rooms) stays as it is.
TEXT_CONTEXTS = ("reports", "alarms")


def translate_text(value: str) -> str:
    """An English word a report service put in a text cell, in the current language (else unchanged)."""
    for context in TEXT_CONTEXTS:
        text = QCoreApplication.translate(context, value)
        if text != value:
            return text
    return value


def hundredths(value: Any) -> str:
    """Integer hundredths (fen, 0.01 kWh) as exact decimal text; anything else as text."""
    if type(value) is int:
        return hundredths_text(value)
    return "" if value is None else str(value)


def cell_text(kind: ColumnKind, value: Any, zone: tzinfo | None) -> str:
    """The on-screen text of one cell."""
    if value is None:
        return ""
    if kind in (ColumnKind.YUAN, ColumnKind.KWH):
        return hundredths(value)
    if kind is ColumnKind.DATETIME and isinstance(value, datetime):
        return text_in(value, zone or site_clock().zone, seconds=False)
    if kind is ColumnKind.DATE and isinstance(value, date):
        return value.isoformat()
    if kind is ColumnKind.PERCENT and isinstance(value, (Decimal, int)):
        return f"{(Decimal(value) * 100).quantize(Decimal('0.01'))}%"
    if kind is ColumnKind.TEXT and isinstance(value, str):
        return translate_text(value)
    return str(value)


def is_numeric(kind: ColumnKind) -> bool:
    """Right-aligned kinds."""
    return kind in (ColumnKind.YUAN, ColumnKind.KWH, ColumnKind.INT, ColumnKind.PERCENT)


# Operation kinds the tenant statement lists in its Item column (marked here so they get translated).
STATEMENT_ITEMS = (
    QT_TRANSLATE_NOOP("reports", "sale"),
    QT_TRANSLATE_NOOP("reports", "refund"),
    QT_TRANSLATE_NOOP("reports", "reversal"),
    QT_TRANSLATE_NOOP("reports", "opening"),
    QT_TRANSLATE_NOOP("reports", "transfer"),
)

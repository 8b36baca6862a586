"""售电查询 as one list description (ui/screen_table.py): the columns the records page shows and its sheet writes,
the totals lines under the table (财务收入 = 售电 − 冲正 − 退电: refunds and reversals are never added as
positive) and the words of the sale type and remark cells."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, tzinfo
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from acrel_console.domain.meter_identity import meter_number
from acrel_console.domain.money import yuan_to_fen
from acrel_console.services.export import ColumnKind
from acrel_console.services.records import RecordRow, RecordTotals
from acrel_console.ui.cashier.labels import delivery_label, kind_label, method_label, sale_type_label
from acrel_console.ui.screen_table import ScreenColumn, ScreenSheet


def type_text(r: RecordRow) -> str:
    return sale_type_label(r.sale_type) if r.sale_type else kind_label(r.kind)


def remark_text(r: RecordRow) -> str:
    parts = [p for p in (r.remark, r.reason) if p]
    if r.approver:
        parts.append(QCoreApplication.translate("RecordsPage", "approved by {name}").format(name=r.approver))
    return "; ".join(parts)


def _fen(value: Decimal | None) -> int | None:
    return None if value is None else yuan_to_fen(value)


def record_columns() -> tuple[ScreenColumn, ...]:
    """The Acrel columns of 售电查询 plus the delivery state (translated headers, raw values)."""
    T, Y, I, D = ColumnKind.TEXT, ColumnKind.YUAN, ColumnKind.INT, ColumnKind.DATETIME
    return (
        ScreenColumn(QCoreApplication.translate("RecordsPage", "Created"), D, lambda r: r.at),
        ScreenColumn(QCoreApplication.translate("RecordsPage", "Created by"), T, lambda r: r.operator),
        ScreenColumn(QCoreApplication.translate("RecordsPage", "Account no."), T, lambda r: r.account_no),
        ScreenColumn(QCoreApplication.translate("RecordsPage", "Tenant"), T, lambda r: r.tenant_name),
        ScreenColumn(QCoreApplication.translate("RecordsPage", "Meter no."), T, lambda r: meter_number(r.meter_no)),
        ScreenColumn(QCoreApplication.translate("RecordsPage", "Shop/room"), T, lambda r: r.room),
        ScreenColumn(QCoreApplication.translate("RecordsPage", "Amount"), Y, lambda r: _fen(r.amount)),
        ScreenColumn(QCoreApplication.translate("RecordsPage", "Payment method"), T, lambda r: method_label(r.method)),
        ScreenColumn(QCoreApplication.translate("RecordsPage", "Sale type"), T, type_text),
        ScreenColumn(QCoreApplication.translate("RecordsPage", "Purchases before"), I,
                     lambda r: r.purchase_count_before),
        ScreenColumn(QCoreApplication.translate("RecordsPage", "Total before"), Y,
                     lambda r: _fen(r.cumulative_before)),
        ScreenColumn(QCoreApplication.translate("RecordsPage", "Remark"), T, remark_text),
        ScreenColumn(QCoreApplication.translate("RecordsPage", "Delivery"), T,
                     lambda r: delivery_label(r.delivery_state)),
    )


def record_headers() -> list[str]:
    return [c.header for c in record_columns()]


def _yuan(v: Decimal) -> str:
    return f"{v:,.2f}"


def totals_lines(t: RecordTotals) -> tuple[tuple[str, str], ...]:
    """The totals under the list, as (label, value): what the page shows and the sheet writes below the rows."""
    lines = [
        (QCoreApplication.translate("RecordsPage", "Records"), str(t.count)),
        (QCoreApplication.translate("RecordsPage", "Sales"), _yuan(t.sales)),
        (QCoreApplication.translate("RecordsPage", "Reversals"), _yuan(t.reversals)),
        (QCoreApplication.translate("RecordsPage", "Refunds"), _yuan(t.refunds)),
        (QCoreApplication.translate("RecordsPage", "Income (sales − reversals − refunds)"), _yuan(t.income)),
    ]
    if t.by_method:
        lines.append((QCoreApplication.translate("RecordsPage", "Sales by method"),
                      "  ".join(f"{method_label(m)} {_yuan(v)}" for m, v in t.by_method.items())))
    return tuple(lines)


def records_sheet(site_name: str, period: str, by: str, zone: tzinfo, at: datetime,
                  filters: Iterable[tuple[str, str]] = (), totals: RecordTotals | None = None) -> ScreenSheet:
    """The sheet of 售电查询: the screen's columns, its filters in the head and its totals under the rows."""
    return ScreenSheet(QCoreApplication.translate("RecordsPage", "Sales records"), record_columns(), zone,
                       site_name=site_name, period_text=period, generated_by=by, generated_at=at,
                       filters=tuple(filters),
                       summary=totals_lines(totals) if totals is not None else ())

"""售电查询 to .xlsx through the shared export path (services.export): the table description and its rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from acrel_console.domain.money import yuan_to_fen
from acrel_console.services.export import Column, ColumnKind, ExportLabels, TableSpec
from acrel_console.services.records import RecordRow
from acrel_console.services.site_clock import SiteClock
from acrel_console.ui.cashier.labels import delivery_label, kind_label, method_label, sale_type_label



def record_headers() -> list[str]:
    """The Acrel columns of 售电查询 plus the delivery state (translated)."""
    return [QCoreApplication.translate("RecordsPage", "Created"), QCoreApplication.translate("RecordsPage", "Created by"), QCoreApplication.translate("RecordsPage", "Account no."), QCoreApplication.translate("RecordsPage", "Tenant"), QCoreApplication.translate("RecordsPage", "Meter no."), QCoreApplication.translate("RecordsPage", "Shop/room"),
            QCoreApplication.translate("RecordsPage", "Amount"), QCoreApplication.translate("RecordsPage", "Payment method"), QCoreApplication.translate("RecordsPage", "Sale type"), QCoreApplication.translate("RecordsPage", "Purchases before"),
            QCoreApplication.translate("RecordsPage", "Total before"), QCoreApplication.translate("RecordsPage", "Remark"), QCoreApplication.translate("RecordsPage", "Delivery")]


def type_text(r: RecordRow) -> str:
    return sale_type_label(r.sale_type) if r.sale_type else kind_label(r.kind)


def remark_text(r: RecordRow) -> str:
    parts = [p for p in (r.remark, r.reason) if p]
    if r.approver:
        parts.append(QCoreApplication.translate("RecordsPage", "approved by {name}").format(name=r.approver))
    return "; ".join(parts)


def records_table(site_name: str, period: str, by: str, clock: SiteClock) -> TableSpec:
    kinds = [ColumnKind.DATETIME, ColumnKind.TEXT, ColumnKind.TEXT, ColumnKind.TEXT, ColumnKind.TEXT, ColumnKind.TEXT,
             ColumnKind.YUAN, ColumnKind.TEXT, ColumnKind.TEXT, ColumnKind.INT, ColumnKind.YUAN, ColumnKind.TEXT,
             ColumnKind.TEXT]
    columns = tuple(Column(h, k, total=(i == 6)) for i, (h, k) in enumerate(zip(record_headers(), kinds)))
    return TableSpec(title=QCoreApplication.translate("RecordsPage", "Sales records"), columns=columns, site_name=site_name, period_text=period,
                     generated_by=by, generated_at=clock.now(), time_zone=clock.zone,
                     labels=ExportLabels().translated(QCoreApplication.translate))


def record_cells(rows: Iterable[RecordRow]) -> Iterable[Sequence[Any]]:
    """One sheet row per record; amounts in fen for the exact yuan columns."""
    for r in rows:
        yield (r.at, r.operator, r.account_no, r.tenant_name, r.meter_no, r.room, yuan_to_fen(r.amount),
               method_label(r.method), type_text(r), r.purchase_count_before,
               None if r.cumulative_before is None else yuan_to_fen(r.cumulative_before), remark_text(r),
               delivery_label(r.delivery_state))

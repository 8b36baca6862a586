"""抄表导出 of the Meters page: the table view's columns over every meter the page shows (the whole filtered set,
in the order on screen, not only the selected tiles), in the interface language, with the filters in the
sheet's head. Built on ui/screen_table.py, so the sheet cannot drift from the table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication

from acrel_console.domain.status import MeterStatus
from acrel_console.services.export import ColumnKind
from acrel_console.services.meter_views import MeterLive
from acrel_console.ui.meters.filter_boxes import LABELS, VALUE_LABELS
from acrel_console.ui.meters.live_model import COLUMNS
from acrel_console.ui.meters.meter_filter import ANY, MeterFilter
from acrel_console.ui.screen_table import ScreenColumn, ScreenSheet
from acrel_console.ui.theme import theme

# Raw values of the numeric and time columns (the others export the table's own words).
RAW: dict[str, tuple[ColumnKind, Callable[[MeterLive], Any]]] = {
    "address": (ColumnKind.INT, lambda m: m.address),
    "remaining": (ColumnKind.YUAN, lambda m: m.remaining_fen),
    "energy": (ColumnKind.KWH, lambda m: m.energy_total),
    "purchases": (ColumnKind.INT, lambda m: m.purchase_count),
    "alarm1": (ColumnKind.YUAN, lambda m: m.alarm1_fen),
    "alarm2": (ColumnKind.YUAN, lambda m: m.alarm2_fen),
    "pending": (ColumnKind.INT, lambda m: m.pending_commands),
    "last_seen": (ColumnKind.DATETIME, lambda m: m.last_seen),
    "failures": (ColumnKind.INT, lambda m: m.consecutive_failures),
}


def reading_columns() -> tuple[ScreenColumn, ...]:
    """The live table's columns, headers as the table shows them."""
    out = []
    for c in COLUMNS:
        kind, value = RAW.get(c.key, (ColumnKind.TEXT, c.text))
        out.append(ScreenColumn(QCoreApplication.translate("meters", c.header), kind, value))
    return tuple(out)


def filter_lines(f: MeterFilter, scope: str) -> tuple[tuple[str, str], ...]:
    """The page's filters in words: status chips, the tree's scope, the filter boxes, the search text."""
    def words(text: str) -> str:
        return QCoreApplication.translate("meters", text)

    lines: list[tuple[str, str]] = []
    if f.statuses:
        lines.append((QCoreApplication.translate("meters", "Status"),
                      ", ".join(theme().style(s).label() for s in MeterStatus if s in f.statuses)))
    if scope:
        lines.append((QCoreApplication.translate("meters", "Building / gateway"), scope))
    for name in LABELS:
        value = getattr(f, name)
        if value != ANY:
            lines.append((words(LABELS[name]), words(VALUE_LABELS[value])))
    if f.text.strip():
        lines.append((QCoreApplication.translate("meters", "Search"), f.text.strip()))
    return tuple(lines)


def readings_sheet(site_name: str, by: str, zone: tzinfo, at: datetime, filters: tuple[tuple[str, str], ...]
                   ) -> ScreenSheet:
    return ScreenSheet(QCoreApplication.translate("meters", "Meter readings"), reading_columns(), zone,
                       site_name=site_name, generated_by=by, generated_at=at, filters=filters)

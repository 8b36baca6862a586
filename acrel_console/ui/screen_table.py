"""One description of a list for the screen and for its Excel sheet, so that an export is what the screen shows.

A page describes its list once, as `ScreenColumn`s (translated header, column kind, the raw value of a row:
text, fen, 0.01 kWh, int, datetime ...), and gets from the same description

- `table_model(columns, time_text, parent)`: the Qt model of the screen, every cell through `screen_text`
  (numbers right-aligned; times through `time_text`, the site clock's `text`), so the screen and the sheet
  cannot format or pick their columns differently;
- `ScreenSheet(...).spec()` and `.rows(records)`: the services.export TableSpec and the raw rows.

The page exports the records it shows (`model.records()`: the same rows, in the same order, after the same
filters), names those filters in the sheet's head (`filters`: (label, value) pairs as the filter boxes
show them) and writes its totals line(s) under the table (`summary`), in the interface language.
`run_export` starts the export off the GUI thread through services.export.ExportJob.

tests/ui/sheet_compare.py reads a written sheet back and compares it cell by cell with the model: use it
for every list and report that has an Export button.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from acrel_console.services.export import Column as SheetColumn
from acrel_console.services.export import ColumnKind, ExportLabels, TableSpec
from acrel_console.ui.record_model import Column, RecordTableModel

NUMERIC = frozenset({ColumnKind.YUAN, ColumnKind.KWH, ColumnKind.INT, ColumnKind.PERCENT})


@dataclass(frozen=True)
class ScreenColumn:
    """One column of a list: translated header, kind, and the raw value of a record (None: empty cell).

    Raw values by kind: text -> str (already translated), yuan -> int fen, kwh -> int 0.01 kWh,
    int -> int, datetime -> aware datetime, date -> date, percent -> Decimal fraction."""

    header: str
    kind: ColumnKind
    value: Callable[[Any], Any]
    total: bool = False


def screen_text(kind: ColumnKind, value: Any, time_text: Callable[[datetime], str]) -> str:
    """How a raw value is shown on screen (and what the sheet's cell must read back as)."""
    if value is None:
        return ""
    if kind in (ColumnKind.YUAN, ColumnKind.KWH):
        return f"{Decimal(int(value)).scaleb(-2):,.2f}"
    if kind is ColumnKind.DATETIME and isinstance(value, datetime):
        return time_text(value)
    if kind is ColumnKind.DATE and isinstance(value, date):
        return value.isoformat()
    if kind is ColumnKind.PERCENT:
        return f"{(Decimal(value) * 100).quantize(Decimal('0.01'))}%"
    return str(value)


def table_model(columns: Sequence[ScreenColumn], time_text: Callable[[datetime], str],
                parent: Any = None) -> RecordTableModel:
    """The screen's model of these columns (a RecordTableModel: `set_records`, `records()`); `time_text` shows a
    datetime in the site's zone (pass the site clock's `text`)."""

    def shown(col: ScreenColumn) -> Callable[[Any], str]:
        return lambda record: screen_text(col.kind, col.value(record), time_text)

    return RecordTableModel([Column(c.header, shown(c), c.kind in NUMERIC) for c in columns], parent)


@dataclass(frozen=True)
class ScreenSheet:
    """What a page's Export writes: its title, the columns of the screen, the filters and totals shown."""

    title: str
    columns: tuple[ScreenColumn, ...]
    zone: tzinfo
    site_name: str = ""
    period_text: str = ""
    generated_by: str = ""
    generated_at: datetime | None = None
    filters: tuple[tuple[str, str], ...] = ()
    summary: tuple[tuple[str, str], ...] = ()

    def spec(self) -> TableSpec:
        return TableSpec(title=self.title,
                         columns=tuple(SheetColumn(c.header, c.kind, total=c.total) for c in self.columns),
                         site_name=self.site_name, period_text=self.period_text, generated_by=self.generated_by,
                         generated_at=self.generated_at, time_zone=self.zone,
                         labels=ExportLabels().translated(QCoreApplication.translate),
                         filters=self.filters, summary=self.summary)

    def rows(self, records: Iterable[Any]) -> Iterable[tuple[Any, ...]]:
        """The raw cells of each record, column by column (lazily: call it on the export's worker)."""
        getters = [c.value for c in self.columns]
        for record in records:
            yield tuple(get(record) for get in getters)


def filter_text(label: str, value: str | None) -> tuple[str, str] | None:
    """A (label, value) pair for the sheet's head, or None when the filter is not set."""
    return (label, value) if value else None


def filters_of(*pairs: tuple[str, str] | None) -> tuple[tuple[str, str], ...]:
    return tuple(p for p in pairs if p is not None)


def run_export(runner: Any, path: str, sheet: ScreenSheet, records: Sequence[Any], title: str) -> None:
    """Write `records` (a snapshot of what the screen shows) through an ExportRunner-like object with a
    progress dialog (`runner.start(path, spec, rows_factory, title, expected_rows)`)."""
    snapshot = list(records)
    runner.start(path, sheet.spec(), lambda: sheet.rows(snapshot), title, len(snapshot))

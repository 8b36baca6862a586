"""What every report returns: columns, rows, totals and an optional chart series."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.services.export import Column, ColumnKind, TableSpec

CONTEXT = "reports"  # translation context of titles and column headers


@dataclass(frozen=True, slots=True)
class ReportColumn:
    """A column: key, English header (translated with context 'reports'), kind, totalled."""

    key: str
    header: str
    kind: ColumnKind = ColumnKind.TEXT
    total: bool = False


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart the report center draws: x labels and one or more named series (same unit)."""

    kind: str  # "bar" | "line"
    x_labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]  # (English name, values in the column unit)
    unit: ColumnKind = ColumnKind.KWH


@dataclass(frozen=True, slots=True)
class Report:
    report_id: str
    title: str  # English; translate with context 'reports'
    period_text: str
    columns: tuple[ReportColumn, ...]
    rows: tuple[tuple[Any, ...], ...]
    chart: Chart | None = None
    notes: tuple[str, ...] = ()

    def totals(self) -> dict[str, int]:
        """Exact totals of the totalled columns."""
        out: dict[str, int] = {}
        for i, col in enumerate(self.columns):
            if col.total:
                out[col.key] = sum(int(r[i]) for r in self.rows if r[i] is not None)
        return out

    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def table_spec(self, translate: Any, *, site_name: str = "", generated_by: str = "",
                   generated_at: datetime | None = None, zone: Any = None) -> TableSpec:
        """The export description with translated title and headers (`translate(context, text)`)."""
        from acrel_console.services.export import ExportLabels

        return TableSpec(
            title=translate(CONTEXT, self.title),
            columns=tuple(Column(translate(CONTEXT, c.header), c.kind, total=c.total) for c in self.columns),
            site_name=site_name, period_text=self.period_text, generated_by=generated_by,
            generated_at=generated_at, time_zone=zone, labels=ExportLabels().translated(translate))


@dataclass(frozen=True, slots=True)
class Period:
    """A site-local day, month or year and its UTC bounds [start, end)."""

    kind: str  # day | month | year
    first_day: date
    end_day: date  # exclusive
    zone: ZoneInfo
    text: str = field(default="")

    @property
    def start_utc(self) -> datetime:
        return datetime.combine(self.first_day, time(0), self.zone).astimezone(timezone.utc)

    @property
    def end_utc(self) -> datetime:
        return datetime.combine(self.end_day, time(0), self.zone).astimezone(timezone.utc)

    def days(self) -> list[date]:
        n = (self.end_day - self.first_day).days
        return [self.first_day + timedelta(days=i) for i in range(n)]


def parse_period(kind: str, text: str, zone: ZoneInfo) -> Period:
    """'day' + 'YYYY-MM-DD', 'month' + 'YYYY-MM', 'year' + 'YYYY' in the site's time zone."""
    try:
        if kind == "day":
            d = date.fromisoformat(text)
            return Period(kind, d, d + timedelta(days=1), zone, d.isoformat())
        if kind == "month":
            y, m = (int(p) for p in text.split("-"))
            first = date(y, m, 1)
            end = date(y + (m == 12), m % 12 + 1, 1)
            return Period(kind, first, end, zone, f"{y:04d}-{m:02d}")
        if kind == "year":
            y = int(text)
            return Period(kind, date(y, 1, 1), date(y + 1, 1, 1), zone, f"{y:04d}")
    except ValueError:
        pass
    raise ValidationError(QT_TRANSLATE_NOOP("errors", "'{text}' is not a {kind} (use YYYY-MM-DD, YYYY-MM or YYYY)."),
                          field="date", text=text, kind=kind)


def custom_period(first: date, end_exclusive: date, zone: ZoneInfo) -> Period:
    """An arbitrary range of whole site-local days."""
    if end_exclusive <= first:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The period ends before it starts."), field="date")
    return Period("range", first, end_exclusive, zone, f"{first.isoformat()} – {(end_exclusive - timedelta(days=1)).isoformat()}")


def make_rows(rows: Sequence[Sequence[Any]]) -> tuple[tuple[Any, ...], ...]:
    return tuple(tuple(r) for r in rows)

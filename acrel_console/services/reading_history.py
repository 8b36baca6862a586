"""历史抄表记录: one meter's stored history readings over a date range, in pages (a year of 30-minute
readings is 17,520 rows: the screen fetches a page at a time off the GUI thread), and to .xlsx.

Columns as Acrel shows them: 剩余金额, 总电能, 尖/峰/平/谷电能, 实时功率, 是否欠费, 已开户, 强制模式, 合闸状态,
是否失连, 采集时间. 是否失连 (lost contact) marks a reading that came after a gap of more than three
history intervals: the meter was out of contact before it. 已开户 is whether an open account held the
meter at that moment (account membership history), not today.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from acrel_console.domain.roles import Permission
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.site_settings import load_all
from acrel_console.storage import reading_days
from acrel_console.storage.reading_codec import StoredReading
from acrel_console.storage.tables.ledger import AccountMeterRow, TenantAccountRow
from acrel_console.storage.tables.site import MeterRow

PAGE_ROWS = 500
MAX_PAGE_ROWS = 5000
GAP_INTERVALS = 3


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One history reading. Money in fen, energy in 0.01 kWh, power in W; None where not read."""

    read_at: datetime
    remaining_fen: int | None
    energy_total: int | None
    energy_by_period: tuple[int | None, int | None, int | None, int | None]
    power_w: int | None
    arrears: bool | None
    opened: bool
    forced: bool | None
    relay_closed: bool | None
    lost_contact: bool


@dataclass(frozen=True, slots=True)
class HistoryPage:
    """A page of readings, oldest first; `after` (the last reading's time: a meter has one reading a second)
    continues from here (None when this was the last)."""

    rows: tuple[HistoryRow, ...]
    total: int
    after: datetime | None


def _windows(s: Session, meter_id: int) -> list[tuple[datetime, datetime | None]]:
    """When open accounts held the meter: (from, until or None)."""
    q = (select(AccountMeterRow.added_at, AccountMeterRow.removed_at, TenantAccountRow.closed_at)
         .join(TenantAccountRow, AccountMeterRow.account_id == TenantAccountRow.id)
         .where(AccountMeterRow.meter_id == meter_id))
    out = []
    for added, removed, closed in s.execute(q):
        ends = [t for t in (removed, closed) if t is not None]
        out.append((added, min(ends) if ends else None))
    return out


def _opened(windows: list[tuple[datetime, datetime | None]], at: datetime) -> bool:
    return any(start <= at and (end is None or at < end) for start, end in windows)


class ReadingHistoryService:
    """The 历史抄表记录 screen and its export."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _range(self, since: date, until: date) -> tuple[datetime, datetime]:
        if until < since:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The end date is before the start date."), field="until")
        return self.ctx.site_clock.day_range(since, until)

    @requires(Permission.VIEW)
    def page(self, actor: Actor, meter_id: int, since: date, until: date, *,
             after: datetime | None = None, limit: int = PAGE_ROWS) -> HistoryPage:
        """Readings of `meter_id` on site days since..until (inclusive), oldest first, `limit` at a time."""
        start, end = self._range(since, until)
        limit = max(1, min(int(limit), MAX_PAGE_ROWS))
        with self.ctx.read() as s:
            if s.get(MeterRow, meter_id) is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {id}."), id=meter_id)
            gap = timedelta(seconds=GAP_INTERVALS * int(load_all(s)["history_interval_s"]))
            total = reading_days.count_between(s, meter_id, start, end)
            rows: list[StoredReading] = []
            for r in reading_days.between(s, meter_id, start if after is None else max(start, after), end):
                if after is not None and r.read_at <= after:
                    continue
                rows.append(r)
                if len(rows) > limit:
                    break
            more = len(rows) > limit
            rows = rows[:limit]
            before = reading_days.newest_before(s, meter_id, rows[0].read_at) if rows else None
            previous = before.read_at if before is not None else None
            windows = _windows(s, meter_id)
            out: list[HistoryRow] = []
            for r in rows:
                lost = previous is not None and r.read_at - previous > gap
                previous = r.read_at
                out.append(HistoryRow(
                    r.read_at, r.remaining_fen, r.energy_total,
                    (r.energy_p1, r.energy_p2, r.energy_p3, r.energy_p4), r.power_w,
                    None if r.remaining_fen is None else r.remaining_fen <= 0, _opened(windows, r.read_at),
                    r.forced, r.relay_closed, lost))
            last = rows[-1].read_at if more and rows else None
        return HistoryPage(tuple(out), total, last)
    @requires(Permission.VIEW)
    def iter_rows(self, actor: Actor, meter_id: int, since: date, until: date) -> Iterator[HistoryRow]:
        """Every reading of the range, page by page (for the export)."""
        after: datetime | None = None
        while True:
            page = self.page(actor, meter_id, since, until, after=after, limit=MAX_PAGE_ROWS)
            yield from page.rows
            if page.after is None:
                return
            after = page.after

    @requires(Permission.VIEW)
    def export(self, actor: Actor, meter_id: int, since: date, until: date, path: str | Path,
               translate: Any = None, progress: Any = None) -> Path:
        """The same columns as the screen, every row of the range, to a real .xlsx."""
        from acrel_console.services.export import Column, ColumnKind, TableSpec, export_xlsx

        tr = translate or (lambda _ctx, text: text)
        with self.ctx.read() as s:
            meter = s.get(MeterRow, meter_id)
            if meter is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {id}."), id=meter_id)
            label = meter.meter_no or f"{meter.room} #{meter.address}"
            site_name = str(load_all(s)["site_name"])
        yes, no = tr("export", WORDS["yes"]), tr("export", WORDS["no"])

        def flag(v: bool | None) -> str:
            return "" if v is None else (yes if v else no)

        def relay(v: bool | None) -> str:
            return "" if v is None else tr("export", WORDS["closed"] if v else WORDS["open"])

        rows = ([r.read_at, r.remaining_fen, r.energy_total, *r.energy_by_period,
                 None if r.power_w is None else r.power_w, flag(r.arrears), flag(r.opened), flag(r.forced),
                 relay(r.relay_closed), flag(r.lost_contact)]
                for r in self.iter_rows(actor, meter_id, since, until))
        table = TableSpec(title=f"{tr('export', WORDS['title'])} {label}",
                          columns=tuple(Column(tr("export", h), ColumnKind(k)) for h, k in COLUMNS),
                          site_name=site_name, period_text=f"{since.isoformat()} – {until.isoformat()}",
                          generated_by=actor.name, generated_at=self.ctx.clock(), time_zone=self.ctx.site_clock.zone,
                          sheet_name=tr("export", WORDS["title"]))
        target = Path(path)
        export_xlsx(target, table, rows, progress=progress)
        return target


# Screen and export columns (header, export kind), in Acrel's order with 采集时间 first for reading.
COLUMNS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("export", "Read at"), "datetime"),
    (QT_TRANSLATE_NOOP("export", "Remaining (yuan)"), "yuan"),
    (QT_TRANSLATE_NOOP("export", "Total energy (kWh)"), "kwh"),
    (QT_TRANSLATE_NOOP("export", "Spike (kWh)"), "kwh"),
    (QT_TRANSLATE_NOOP("export", "Peak (kWh)"), "kwh"),
    (QT_TRANSLATE_NOOP("export", "Flat (kWh)"), "kwh"),
    (QT_TRANSLATE_NOOP("export", "Valley (kWh)"), "kwh"),
    (QT_TRANSLATE_NOOP("export", "Power (W)"), "int"),
    (QT_TRANSLATE_NOOP("export", "In arrears"), "text"),
    (QT_TRANSLATE_NOOP("export", "Account open"), "text"),
    (QT_TRANSLATE_NOOP("export", "Forced mode"), "text"),
    (QT_TRANSLATE_NOOP("export", "Relay"), "text"),
    (QT_TRANSLATE_NOOP("export", "Lost contact"), "text"),
)
WORDS = {"title": QT_TRANSLATE_NOOP("export", "History readings"), "yes": QT_TRANSLATE_NOOP("export", "yes"),
         "no": QT_TRANSLATE_NOOP("export", "no"), "closed": QT_TRANSLATE_NOOP("export", "closed"),
         "open": QT_TRANSLATE_NOOP("export", "open")}

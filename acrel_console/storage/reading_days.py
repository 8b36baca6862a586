"""Raw history readings at rest: each meter's readings of a UTC day packed in one meter_reading_days row
(storage/reading_codec.py). Every reader and writer of raw readings goes through here.

A reading at a millisecond already stored for the meter is the same reading again (a sweep's results persisted
twice) and is not stored twice: `DayRows.add` says whether it was new, so the roll-ups count it once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, select, tuple_
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from acrel_console.storage.reading_codec import StoredReading, day_of, decode, encode, merge, stored_time
from acrel_console.storage.tables.readings import ReadingDayRow
from acrel_console.storage.tables.site import MeterRow

Key = tuple[int, date]
DAYS_PER_FETCH = 31


def newest_days(s: Session | Connection, meter_ids: Iterable[int]) -> dict[int, date]:
    """Each meter's newest day holding readings (one index seek per meter); meters without any are left out."""
    ids = list(meter_ids)
    if not ids:
        return {}
    newest = (select(func.max(ReadingDayRow.day)).where(ReadingDayRow.meter_id == MeterRow.id)
              .correlate(MeterRow).scalar_subquery())
    rows = s.execute(select(MeterRow.id, newest).where(MeterRow.id.in_(ids)))
    return {int(m): _as_date(d) for m, d in rows if d is not None}


def _as_date(d: date | str) -> date:
    return date.fromisoformat(d) if isinstance(d, str) else d


class DayRows:
    """Day rows of some meters loaded once, readings added in memory, written back by `flush()`."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self._rows: dict[Key, ReadingDayRow | None] = {}
        self._readings: dict[Key, list[StoredReading]] = {}
        self._dirty: set[Key] = set()
        self._newest_day: dict[int, date | None] = {}  # meters asked by newest(): their newest day, None if none

    def newest(self, meter_ids: Iterable[int]) -> dict[int, StoredReading]:
        """Each meter's newest stored reading (loads its newest day row)."""
        ids = [m for m in meter_ids if m not in self._newest_day]
        found = newest_days(self.s, ids)
        self._newest_day.update({m: found.get(m) for m in ids})
        keys = [k for k in found.items() if k not in self._rows]
        if keys:
            q = select(ReadingDayRow).where(tuple_(ReadingDayRow.meter_id, ReadingDayRow.day).in_(keys))
            for row in self.s.execute(q).scalars():
                self._keep(row)
        out: dict[int, StoredReading] = {}
        for (meter_id, _day), readings in sorted(self._readings.items()):
            if readings and meter_id in self._newest_day:
                out[meter_id] = readings[-1]
        return out

    def _keep(self, row: ReadingDayRow) -> None:
        key = (row.meter_id, row.day)
        self._rows[key] = row
        self._readings[key] = decode(row.day, row.packed)

    def _load(self, key: Key) -> list[StoredReading]:
        if key not in self._rows:
            known = key[0] in self._newest_day and key[1] > (self._newest_day[key[0]] or date.min)
            row = None if known else self.s.get(ReadingDayRow, key)  # a day after the newest has no row yet
            self._rows[key] = row
            self._readings[key] = decode(row.day, row.packed) if row is not None else []
        return self._readings[key]

    def add(self, meter_id: int, reading: StoredReading) -> bool:
        """Store a reading; False when the meter already has one at that millisecond (nothing changes)."""
        reading = _stored_time(reading)
        key = (meter_id, day_of(reading.read_at))
        merged, added = merge(self._load(key), [reading])
        if not added:
            return False
        self._readings[key] = merged
        self._dirty.add(key)
        return True

    def flush(self) -> None:
        """Write every changed day row."""
        for key in sorted(self._dirty):
            readings = self._readings[key]
            row = self._rows.get(key)
            if row is None:
                row = ReadingDayRow(meter_id=key[0], day=key[1])
                self.s.add(row)
                self._rows[key] = row
            row.packed = encode(key[1], readings)
            row.readings = len(readings)
        self._dirty.clear()
        self.s.flush()


def _stored_time(r: StoredReading) -> StoredReading:
    at = stored_time(r.read_at)
    return r if at == r.read_at else replace(r, read_at=at)


def add_readings(s: Session, meter_id: int, readings: Iterable[StoredReading]) -> int:
    """Store readings of one meter (imports, tests, benchmarks); returns how many were new."""
    rows = DayRows(s)
    added = sum(rows.add(meter_id, r) for r in readings)
    rows.flush()
    return added


def _day_rows(s: Session, meter_id: int, first: date, last: date) -> Iterator[ReadingDayRow]:
    """The meter's day rows from `first` to `last` (inclusive), oldest first, a month of rows at a time."""
    while first <= last:
        stop = min(last, first + timedelta(days=DAYS_PER_FETCH - 1))
        q = (select(ReadingDayRow).where(ReadingDayRow.meter_id == meter_id, ReadingDayRow.day >= first,
                                         ReadingDayRow.day <= stop).order_by(ReadingDayRow.day))
        yield from s.execute(q).scalars()
        first = stop + timedelta(days=1)


def between(s: Session, meter_id: int, start: datetime, end: datetime) -> Iterator[StoredReading]:
    """The meter's readings with start <= read_at < end, oldest first (decoded a day at a time)."""
    if end <= start:
        return
    for row in _day_rows(s, meter_id, day_of(start), day_of(end - timedelta(microseconds=1))):
        for r in decode(row.day, row.packed):
            if start <= r.read_at < end:
                yield r


def count_between(s: Session, meter_id: int, start: datetime, end: datetime) -> int:
    """How many readings with start <= read_at < end (whole days by their count, the two ends decoded)."""
    if end <= start:
        return 0
    first, last = day_of(start), day_of(end - timedelta(microseconds=1))
    inner = s.execute(select(func.coalesce(func.sum(ReadingDayRow.readings), 0)).where(
        ReadingDayRow.meter_id == meter_id, ReadingDayRow.day > first, ReadingDayRow.day < last)).scalar()
    edges = select(ReadingDayRow).where(ReadingDayRow.meter_id == meter_id, ReadingDayRow.day.in_({first, last}))
    counted = sum(1 for row in s.execute(edges).scalars() for r in decode(row.day, row.packed)
                  if start <= r.read_at < end)
    return int(inner or 0) + counted


def newest_before(s: Session, meter_id: int, at: datetime) -> StoredReading | None:
    """The meter's newest reading taken before `at`."""
    row = s.execute(select(ReadingDayRow).where(ReadingDayRow.meter_id == meter_id, ReadingDayRow.day <= day_of(at))
                    .order_by(ReadingDayRow.day.desc()).limit(1)).scalar()
    while row is not None:
        earlier = [r for r in decode(row.day, row.packed) if r.read_at < at]
        if earlier:
            return earlier[-1]
        row = s.execute(select(ReadingDayRow).where(ReadingDayRow.meter_id == meter_id, ReadingDayRow.day < row.day)
                        .order_by(ReadingDayRow.day.desc()).limit(1)).scalar()
    return None


def prune(s: Session, meter_ids: list[int], cut: datetime) -> int:
    """Delete the meters' readings taken before `cut`, keeping each meter's newest reading whatever its age;
    returns how many readings went. Whole days go by key; the day `cut` falls in is repacked."""
    newest = newest_days(s, meter_ids)
    cut_day = day_of(cut)
    old = s.execute(select(ReadingDayRow.meter_id, ReadingDayRow.day, ReadingDayRow.readings).where(
        ReadingDayRow.meter_id.in_(meter_ids), ReadingDayRow.day <= cut_day)).all()
    deleted = 0
    bound: dict[int, date] = {}  # per meter: every day before it goes whole
    trim: list[Key] = []
    for meter_id, day, count in old:
        day = _as_date(day)
        below = bound.setdefault(meter_id, min(cut_day, newest.get(meter_id, cut_day)))
        if day < below:
            deleted += int(count)
        else:
            trim.append((meter_id, day))
    for meter_id, below in bound.items():
        s.execute(delete(ReadingDayRow).where(ReadingDayRow.meter_id == meter_id, ReadingDayRow.day < below))
    for key in trim:
        row = s.get(ReadingDayRow, key)
        if row is None:  # pragma: no cover - read in this transaction
            continue
        readings = decode(row.day, row.packed)
        keep = [r for r in readings if r.read_at >= cut]
        if not keep and key[1] == newest.get(key[0]):
            keep = readings[-1:]
        if len(keep) == len(readings):
            continue
        deleted += len(readings) - len(keep)
        if keep:
            row.packed, row.readings = encode(row.day, keep), len(keep)
        else:
            s.delete(row)
    s.flush()
    return deleted


def of_meter(s: Session, meter_id: int) -> list[StoredReading]:
    """Every stored reading of one meter, oldest first (checks and tests)."""
    rows = s.execute(select(ReadingDayRow).where(ReadingDayRow.meter_id == meter_id).order_by(ReadingDayRow.day))
    return [r for row in rows.scalars() for r in decode(row.day, row.packed)]

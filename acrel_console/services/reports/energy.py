"""电能耗报表 and 复费率报表: energy per meter, tenant or building — a day by hour, a month by day, a year
by month — and the same split by tariff period (尖峰平谷)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.ledger.queries import meter_tenants
from acrel_console.services.export import ColumnKind
from acrel_console.services.reports.model import Chart, Period, Report, ReportColumn
from acrel_console.storage.tables.readings import DailyEnergyRow, ReadingRow
from acrel_console.storage.tables.site import BuildingRow, MeterRow

GROUPS = ("meter", "tenant", "building")
GROUP_HEADERS = {
    "meter": QT_TRANSLATE_NOOP("reports", "Room"),
    "tenant": QT_TRANSLATE_NOOP("reports", "Tenant"),
    "building": QT_TRANSLATE_NOOP("reports", "Building"),
}
PERIOD_HEADERS = (QT_TRANSLATE_NOOP("reports", "Spike"), QT_TRANSLATE_NOOP("reports", "Peak"),
                  QT_TRANSLATE_NOOP("reports", "Flat"), QT_TRANSLATE_NOOP("reports", "Valley"))
TOTAL_HEADER = QT_TRANSLATE_NOOP("reports", "Total")


def group_labels(s: Session, group: str) -> dict[int, str]:
    """meter id -> the label of its group (room, tenant name or building name)."""
    if group not in GROUPS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Group by meter, tenant or building, not '{group}'."),
                              field="group", group=group)
    meters = s.execute(select(MeterRow.id, MeterRow.room, MeterRow.meter_no, MeterRow.building_id)).all()
    if group == "meter":
        return {mid: (room or f"#{mid}") for mid, room, _no, _b in meters}
    if group == "building":
        names = dict(s.execute(select(BuildingRow.id, BuildingRow.name)).all())
        return {mid: ("—" if b is None else names.get(b, "—")) for mid, _r, _no, b in meters}
    tenants = meter_tenants(s)
    return {mid: (tenants[mid].name if mid in tenants else "—") for mid, _r, _n, _b in meters}


def _rows_from(buckets: dict[str, list[int]]) -> list[tuple[object, ...]]:
    return [(label, *buckets[label], sum(buckets[label])) for label in sorted(buckets)]


def _column_totals(buckets: dict[str, list[int]], n: int) -> tuple[int, ...]:
    """The sum over all groups of each of the first n columns."""
    return tuple(sum(b[i] for b in buckets.values()) for i in range(n))


def _chart(columns_x: list[str], buckets: dict[str, list[int]]) -> Chart:
    return Chart("bar", tuple(columns_x), ((QT_TRANSLATE_NOOP("reports", "Energy (kWh)"),
                                            _column_totals(buckets, len(columns_x))),))


def hourly_energy(s: Session, period: Period, meter_ids: Iterable[int] | None = None) -> dict[int, list[int]]:
    """meter id -> 24 hourly energies (0.01 kWh) of a site-local day, from the history readings.

    Each reading adds (reading - previous reading) to the hour of the later reading, as the daily
    aggregation does; a counter that went backwards adds nothing.
    """
    lookback = period.start_utc - timedelta(days=2)
    q = (select(ReadingRow.meter_id, ReadingRow.read_at, ReadingRow.energy_total)
         .where(ReadingRow.read_at >= lookback, ReadingRow.read_at < period.end_utc,
                ReadingRow.energy_total.is_not(None))
         .order_by(ReadingRow.meter_id, ReadingRow.read_at))
    if meter_ids is not None:
        q = q.where(ReadingRow.meter_id.in_(list(meter_ids)))
    out: dict[int, list[int]] = {}
    prev: dict[int, int] = {}
    start = period.start_utc
    for meter_id, read_at, total in s.execute(q):
        if total is None:  # excluded by the query; narrows the type
            continue
        last = prev.get(meter_id)
        prev[meter_id] = total
        if read_at < start or last is None:
            continue
        delta = total - last
        if delta <= 0:
            continue
        hour = read_at.astimezone(period.zone).hour
        out.setdefault(meter_id, [0] * 24)[hour] += delta
    return out


def energy_report(s: Session, period: Period, group: str = "meter") -> Report:
    """电能耗报表: a day by hour, a month by day, a year by month, per group."""
    labels = group_labels(s, group)
    header = GROUP_HEADERS[group]
    if period.kind == "day":
        x = [f"{h:02d}" for h in range(24)]
        buckets: dict[str, list[int]] = defaultdict(lambda: [0] * 24)
        for meter_id, hours in hourly_energy(s, period).items():
            b = buckets[labels.get(meter_id, f"#{meter_id}")]
            for i, v in enumerate(hours):
                b[i] += v
    else:
        days = period.days()
        if period.kind == "year":
            x = [f"{m:02d}" for m in range(1, 13)]
            index = {d: d.month - 1 for d in days}
        else:
            x = [f"{d.day:02d}" for d in days]
            index = {d: i for i, d in enumerate(days)}
        buckets = defaultdict(lambda: [0] * len(x))
        q = (select(DailyEnergyRow.meter_id, DailyEnergyRow.day, DailyEnergyRow.energy_total)
             .where(DailyEnergyRow.day >= period.first_day, DailyEnergyRow.day < period.end_day))
        for meter_id, day, energy in s.execute(q):
            buckets[labels.get(meter_id, f"#{meter_id}")][index[day]] += energy
    rows = _rows_from(buckets)
    columns = (ReportColumn("group", header),
               *(ReportColumn(f"c{i}", label, ColumnKind.KWH, total=True) for i, label in enumerate(x)),
               ReportColumn("total", TOTAL_HEADER, ColumnKind.KWH, total=True))
    title = QT_TRANSLATE_NOOP("reports", "Energy report")
    return Report("energy", title, period.text, columns, tuple(rows), _chart(x, buckets))


def tou_report(s: Session, period: Period, group: str = "meter") -> Report:
    """复费率报表: energy by tariff period 尖 峰 平 谷 and total over the period, per group."""
    labels = group_labels(s, group)
    buckets: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    q = (select(DailyEnergyRow.meter_id, DailyEnergyRow.energy_p1, DailyEnergyRow.energy_p2,
                DailyEnergyRow.energy_p3, DailyEnergyRow.energy_p4, DailyEnergyRow.energy_total)
         .where(DailyEnergyRow.day >= period.first_day, DailyEnergyRow.day < period.end_day))
    for meter_id, p1, p2, p3, p4, total in s.execute(q):
        b = buckets[labels.get(meter_id, f"#{meter_id}")]
        for i, v in enumerate((p1, p2, p3, p4, total)):
            b[i] += v or 0
    rows = tuple((label, *buckets[label]) for label in sorted(buckets))
    columns = (ReportColumn("group", GROUP_HEADERS[group]),
               *(ReportColumn(f"p{i + 1}", h, ColumnKind.KWH, total=True) for i, h in enumerate(PERIOD_HEADERS)),
               ReportColumn("total", TOTAL_HEADER, ColumnKind.KWH, total=True))
    chart = Chart("bar", PERIOD_HEADERS, ((QT_TRANSLATE_NOOP("reports", "Energy (kWh)"),
                                           _column_totals(buckets, 4)),))
    return Report("tou", QT_TRANSLATE_NOOP("reports", "Multi-rate energy report"), period.text, columns, rows, chart)


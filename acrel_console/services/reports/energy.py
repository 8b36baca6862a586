"""电能耗报表 and 复费率报表: energy per meter, tenant or building — a day by hour, a month by day, a year
by month — and the same split by tariff period (尖峰平谷)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.ledger.queries import meter_tenants
from acrel_console.services.export import ColumnKind
from acrel_console.services.reports.model import Chart, Period, Report, ReportColumn
from acrel_console.storage.reading_partitions import month_start, next_month
from acrel_console.storage.tables.readings import HOURS, DailyEnergyRow
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
    """meter id -> 24 hourly energies (0.01 kWh) of a site-local day, from the hourly roll-ups (a day's
    rows: one index range, whatever the years of history; the raw readings may be pruned)."""
    q = select(DailyEnergyRow.meter_id, *(getattr(DailyEnergyRow, h) for h in HOURS)).where(
        DailyEnergyRow.day == period.first_day)
    if meter_ids is not None:
        q = q.where(DailyEnergyRow.meter_id.in_(list(meter_ids)))
    return {int(meter_id): [int(v or 0) for v in hours] for meter_id, *hours in s.execute(q) if any(hours)}


def day_energy_total(s: Session, day: date) -> int:
    """The site's energy (0.01 kWh) on one site-local day, from the daily roll-ups (the dashboard)."""
    return int(s.execute(select(func.coalesce(func.sum(DailyEnergyRow.energy_total), 0))
                         .where(DailyEnergyRow.day == day)).scalar() or 0)


def period_months(period: Period) -> list[date]:
    """The first day of each month the period covers."""
    months, first = [], month_start(period.first_day)
    while first < period.end_day:
        months.append(first)
        first = next_month(first)
    return months


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
    elif period.kind == "year":  # each month's day rows summed by the database, from the covering index
        months = period_months(period)
        x = [f"{m.month:02d}" for m in months]
        buckets = defaultdict(lambda: [0] * len(x))
        for i, first in enumerate(months):
            by_meter = (select(DailyEnergyRow.meter_id, func.sum(DailyEnergyRow.energy_total))
                        .where(DailyEnergyRow.day >= first, DailyEnergyRow.day < next_month(first))
                        .group_by(DailyEnergyRow.meter_id))
            for meter_id, energy in s.execute(by_meter):
                buckets[labels.get(meter_id, f"#{meter_id}")][i] += int(energy or 0)
    else:
        days = period.days()
        x = [f"{d.day:02d}" for d in days]
        index = {d: i for i, d in enumerate(days)}
        buckets = defaultdict(lambda: [0] * len(x))
        by_day = select(DailyEnergyRow.meter_id, DailyEnergyRow.day, DailyEnergyRow.energy_total).where(
            DailyEnergyRow.day >= period.first_day, DailyEnergyRow.day < period.end_day)
        for meter_id, day, energy in s.execute(by_day):
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
    d = DailyEnergyRow
    q = (select(d.meter_id, func.sum(d.energy_p1), func.sum(d.energy_p2), func.sum(d.energy_p3),
                func.sum(d.energy_p4), func.sum(d.energy_total))
         .where(d.day >= period.first_day, d.day < period.end_day).group_by(d.meter_id))
    for meter_id, p1, p2, p3, p4, total in s.execute(q):
        b = buckets[labels.get(meter_id, f"#{meter_id}")]
        for i, v in enumerate((p1, p2, p3, p4, total)):
            b[i] += int(v or 0)
    rows = tuple((label, *buckets[label]) for label in sorted(buckets))
    columns = (ReportColumn("group", GROUP_HEADERS[group]),
               *(ReportColumn(f"p{i + 1}", h, ColumnKind.KWH, total=True) for i, h in enumerate(PERIOD_HEADERS)),
               ReportColumn("total", TOTAL_HEADER, ColumnKind.KWH, total=True))
    chart = Chart("bar", PERIOD_HEADERS, ((QT_TRANSLATE_NOOP("reports", "Energy (kWh)"),
                                           _column_totals(buckets, 4)),))
    return Report("tou", QT_TRANSLATE_NOOP("reports", "Multi-rate energy report"), period.text, columns, rows, chart)


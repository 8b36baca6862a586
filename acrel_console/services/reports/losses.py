"""损耗分析: each main meter (总表) against the sum of its sub-meters, over the period or by day / by month,
with the absolute loss (kWh) and the relative loss (a fraction to 0.0001, shown as 12.34 %), charted.

Energy comes from the daily roll-up (readings_daily). A meter of the group without a roll-up row in a
bucket (offline all day, or added later) is counted in 'meters without readings': that bucket's loss is
then not a loss but missing data, and its relative loss is left empty instead of misleading.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.services.export import ColumnKind as K
from acrel_console.services.reports.model import Chart, Period, Report
from acrel_console.services.reports.model import ReportColumn as C
from acrel_console.storage.tables.readings import DailyEnergyRow
from acrel_console.storage.tables.site import MeterRow

BY = ("total", "day", "month")
SHARE = Decimal("0.0001")  # the relative loss to two decimals of a percent (12.34 %)
MAIN_SERIES = QT_TRANSLATE_NOOP("reports", "Main energy")
SUB_SERIES = QT_TRANSLATE_NOOP("reports", "Sub-meter energy")
LOSS_SERIES = QT_TRANSLATE_NOOP("reports", "Loss (kWh)")


def loss_share(main_centi_kwh: int, loss_centi_kwh: int) -> Decimal | None:
    """The relative loss, a fraction quantised to 0.0001 half up (None without main energy)."""
    if not main_centi_kwh:
        return None
    return (Decimal(loss_centi_kwh) / Decimal(main_centi_kwh)).quantize(SHARE, rounding=ROUND_HALF_UP)


def _bucket(day: date, by: str) -> str:
    return day.isoformat() if by == "day" else day.strftime("%Y-%m")


def _buckets(period: Period, by: str) -> list[str]:
    return list(dict.fromkeys(_bucket(d, by) for d in period.days()))


def _groups(s: Session) -> tuple[dict[int, list[int]], dict[int, str]]:
    """main meter id -> its sub-meter ids (retired ones keep their history), and every meter's label."""
    meters = s.execute(select(MeterRow.id, MeterRow.room, MeterRow.meter_no, MeterRow.parent_meter_id)).all()
    children: dict[int, list[int]] = {}
    for mid, _room, _no, parent in meters:
        if parent is not None:
            children.setdefault(parent, []).append(mid)
    labels = {mid: (room or no or f"#{mid}") for mid, room, no, _p in meters}
    return children, labels


def _energy(s: Session, period: Period, meter_ids: Iterable[int], by: str) -> dict[tuple[int, str], int]:
    """(meter, bucket) -> energy in 0.01 kWh; a bucket the meter has no roll-up row in is absent."""
    out: dict[tuple[int, str], int] = defaultdict(int)
    q = (select(DailyEnergyRow.meter_id, DailyEnergyRow.day, DailyEnergyRow.energy_total)
         .where(DailyEnergyRow.day >= period.first_day, DailyEnergyRow.day < period.end_day,
                DailyEnergyRow.meter_id.in_(list(meter_ids))))
    for mid, day, energy in s.execute(q):
        out[(mid, "" if by == "total" else _bucket(day, by))] += int(energy or 0)
    return out


def loss_report(s: Session, period: Period, by: str = "total") -> Report:
    """损耗分析 over the period ('total': one row per main meter) or by day / by month (a row per main meter
    and bucket, charted main, sub-meter and loss energy per bucket)."""
    if by not in BY:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Loss analysis is by day, by month or over the whole "
                                                          "period, not '{by}'."), field="by", by=by)
    children, labels = _groups(s)
    mains = sorted(children, key=lambda m: (labels.get(m, ""), m))
    notes: tuple[str, ...] = ()
    if not mains:
        notes = (QT_TRANSLATE_NOOP("reports", "No main/sub-meter mapping is configured."),)
    energy = _energy(s, period, [m for main in mains for m in (main, *children[main])], by)
    if by == "total":
        return _whole_period(period, mains, children, labels, energy, notes)
    return _by_bucket(period, by, mains, children, labels, energy, notes)


def _whole_period(period: Period, mains: list[int], children: dict[int, list[int]], labels: dict[int, str],
                  energy: dict[tuple[int, str], int], notes: tuple[str, ...]) -> Report:
    rows: list[tuple[object, ...]] = []
    for main in mains:
        main_e = energy.get((main, ""), 0)
        sub_e = sum(energy.get((m, ""), 0) for m in children[main])
        rows.append((labels[main], len(children[main]), main_e, sub_e, main_e - sub_e,
                     loss_share(main_e, main_e - sub_e)))
    columns = (C("main", QT_TRANSLATE_NOOP("reports", "Main meter")),
               C("subs", QT_TRANSLATE_NOOP("reports", "Sub-meters"), K.INT),
               C("main_e", MAIN_SERIES, K.KWH, True), C("sub_e", SUB_SERIES, K.KWH, True),
               C("diff", QT_TRANSLATE_NOOP("reports", "Difference"), K.KWH, True),
               C("share", QT_TRANSLATE_NOOP("reports", "Loss"), K.PERCENT))
    return Report("loss", QT_TRANSLATE_NOOP("reports", "Loss analysis"), period.text, columns, tuple(rows),
                  notes=notes)


def _by_bucket(period: Period, by: str, mains: list[int], children: dict[int, list[int]], labels: dict[int, str],
               energy: dict[tuple[int, str], int], notes: tuple[str, ...]) -> Report:
    buckets = _buckets(period, by)
    rows: list[tuple[object, ...]] = []
    per_bucket = {b: [0, 0] for b in buckets}  # main, sub energy over every group
    for main in mains:
        group = (main, *children[main])
        for b in buckets:
            missing = sum(1 for m in group if (m, b) not in energy)
            main_e = energy.get((main, b), 0)
            sub_e = sum(energy.get((m, b), 0) for m in children[main])
            diff = main_e - sub_e
            rows.append((labels[main], b, len(children[main]), main_e, sub_e, diff,
                         None if missing else loss_share(main_e, diff), missing))
            per_bucket[b][0] += main_e
            per_bucket[b][1] += sub_e
    columns = (C("main", QT_TRANSLATE_NOOP("reports", "Main meter")),
               C("date", QT_TRANSLATE_NOOP("reports", "Date")),
               C("subs", QT_TRANSLATE_NOOP("reports", "Sub-meters"), K.INT),
               C("main_e", MAIN_SERIES, K.KWH, True), C("sub_e", SUB_SERIES, K.KWH, True),
               C("diff", LOSS_SERIES, K.KWH, True),
               C("share", QT_TRANSLATE_NOOP("reports", "Loss rate"), K.PERCENT),
               C("missing", QT_TRANSLATE_NOOP("reports", "Meters without readings"), K.INT))
    chart = loss_chart(tuple(buckets), [per_bucket[b][0] for b in buckets], [per_bucket[b][1] for b in buckets])
    if any(r[-1] for r in rows):
        notes += (QT_TRANSLATE_NOOP("reports", "A rate is left empty where a meter of the group has no readings."),)
    return Report("loss", QT_TRANSLATE_NOOP("reports", "Loss analysis"), period.text, columns, tuple(rows), chart,
                  notes)


def loss_chart(x_labels: tuple[str, ...], main: list[int], sub: list[int]) -> Chart:
    """Main, sub-meter and loss energy per bucket (bars; a line chart past a month of buckets)."""
    kind = "line" if len(x_labels) > 31 else "bar"
    return Chart(kind, x_labels, ((MAIN_SERIES, tuple(main)), (SUB_SERIES, tuple(sub)),
                                  (LOSS_SERIES, tuple(a - b for a, b in zip(main, sub)))))


def main_labels(report: Report) -> list[str]:
    """The main meters of a by-day/by-month loss report, in order (what the chart can show one of)."""
    if report.report_id != "loss" or not report.columns or report.columns[1].key != "date":
        return []
    return list(dict.fromkeys(str(r[0]) for r in report.rows))


def main_chart(report: Report, index: int) -> Chart | None:
    """One main meter's buckets of a by-day/by-month loss report."""
    labels = main_labels(report)
    if not 0 <= index < len(labels):
        return None
    rows = [r for r in report.rows if r[0] == labels[index]]
    return loss_chart(tuple(str(r[1]) for r in rows), [int(r[3]) for r in rows], [int(r[4]) for r in rows])

"""Reports over the ledger: 电销售报表 (by cashier, method, building), 电表综合报表, 电费收益报表,
reconciliation (ledger against meters) and the tenant statement."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, NotFound
from acrel_console.domain.money import cost_fen, price_to_units, yuan_to_fen
from acrel_console.ledger.book import ledger_credit_fen
from acrel_console.ledger.queries import meter_tenants
from acrel_console.services.holders import holders
from acrel_console.services.export import ColumnKind
from acrel_console.services.reports.model import Chart, Period, Report, ReportColumn
from acrel_console.services.site_settings import load_all
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import OperationRow, TenantRow
from acrel_console.storage.tables.meter_state import MeterStateRow
from acrel_console.storage.tables.readings import DailyEnergyRow
from acrel_console.storage.tables.site import BuildingRow, MeterRow

C = ReportColumn
K = ColumnKind
MONEY_KINDS = ("sale", "reversal", "refund")
BY = ("cashier", "method", "building")
METHOD_LABELS = {
    "cash": QT_TRANSLATE_NOOP("reports", "Cash"), "card": QT_TRANSLATE_NOOP("reports", "Card terminal"),
    "wechat": QT_TRANSLATE_NOOP("reports", "WeChat"), "alipay": QT_TRANSLATE_NOOP("reports", "Alipay"),
    "transfer": QT_TRANSLATE_NOOP("reports", "Bank transfer"),
}


def _bucket(period: Period, local_day: date) -> str:
    """The date column of the sales report: the day within a month/day period, the month within a year."""
    if period.kind == "year":
        return f"{local_day.year:04d}-{local_day.month:02d}"
    return local_day.isoformat()


def sales_report(s: Session, period: Period, by: str = "cashier") -> Report:
    """电销售报表: per seller (or method/building) and date: sales, reversals, refunds, 财务收入."""
    buildings = dict(s.execute(select(MeterRow.id, BuildingRow.name)
                               .outerjoin(BuildingRow, MeterRow.building_id == BuildingRow.id)).all())
    q = (select(OperationRow.kind, OperationRow.at, OperationRow.amount_fen, OperationRow.operator_name,
                OperationRow.method, OperationRow.meter_id)
         .where(OperationRow.kind.in_(MONEY_KINDS), OperationRow.at >= period.start_utc,
                OperationRow.at < period.end_utc))
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for kind, at, amount, operator, method, meter_id in s.execute(q):
        if by == "method":
            key = METHOD_LABELS.get(method or "", method or "—")
        elif by == "building":
            key = (None if meter_id is None else buildings.get(meter_id)) or "—"
        else:
            key = operator
        cells[(key, _bucket(period, at.astimezone(period.zone).date()))][MONEY_KINDS.index(kind)] += amount
    rows = []
    for (key, bucket) in sorted(cells):
        sales, reversals, refunds = cells[(key, bucket)]
        rows.append((key, bucket, sales, reversals, refunds, sales - reversals - refunds))
    first = {"cashier": QT_TRANSLATE_NOOP("reports", "Seller"), "method": QT_TRANSLATE_NOOP("reports", "Payment method"),
             "building": QT_TRANSLATE_NOOP("reports", "Building")}[by]
    columns = (C("key", first), C("date", QT_TRANSLATE_NOOP("reports", "Date")),
               C("sales", QT_TRANSLATE_NOOP("reports", "Sales"), K.YUAN, True),
               C("reversals", QT_TRANSLATE_NOOP("reports", "Reversals"), K.YUAN, True),
               C("refunds", QT_TRANSLATE_NOOP("reports", "Refunds"), K.YUAN, True),
               C("income", QT_TRANSLATE_NOOP("reports", "Financial income"), K.YUAN, True))
    per_key: dict[str, int] = defaultdict(int)
    for r in rows:
        per_key[r[0]] += int(r[5])
    chart = Chart("bar", tuple(per_key), ((QT_TRANSLATE_NOOP("reports", "Financial income"),
                                           tuple(per_key.values())),), K.YUAN)
    return Report("sales", QT_TRANSLATE_NOOP("reports", "Electricity sales report"), period.text, columns,
                  tuple(rows), chart)


def readings_before(s: Session, meter_ids: list[int], before: date) -> dict[int, tuple[int | None, int | None]]:
    """meter id -> (energy counter, remaining fen) at its last reading before the site-local day `before`,
    from the daily roll-ups (one index seek per meter; the raw readings may have been pruned)."""
    d = DailyEnergyRow
    last_day = (select(func.max(d.day)).where(d.meter_id == MeterRow.id, d.day < before)
                .correlate(MeterRow).scalar_subquery())
    days = select(MeterRow.id.label("meter_id"), last_day.label("day")).where(MeterRow.id.in_(meter_ids)).subquery()
    q = (select(d.meter_id, d.end_total, d.end_remaining_fen)
         .join(days, (d.meter_id == days.c.meter_id) & (d.day == days.c.day)))
    return {int(m): (total, remaining) for m, total, remaining in s.execute(q)}


def meter_summary(s: Session, period: Period) -> Report:
    """电表综合报表: per meter: previous/current reading, energy (x CT), balances, sales, amount used.

    Amount used = previous balance + net sales - current balance (what the meter deducted). The readings
    at the period's bounds come from the daily roll-ups: a handful of statements for any number of meters.
    """
    tenants = holders(s)
    net: dict[int, int] = defaultdict(int)
    for kind, meter_id, amount in s.execute(
            select(OperationRow.kind, OperationRow.meter_id, func.sum(OperationRow.amount_fen))
            .where(OperationRow.kind.in_(MONEY_KINDS), OperationRow.at >= period.start_utc,
                   OperationRow.at < period.end_utc, OperationRow.meter_id.is_not(None))
            .group_by(OperationRow.kind, OperationRow.meter_id)):
        if meter_id is not None:
            net[int(meter_id)] += int(amount or 0) if kind == "sale" else -int(amount or 0)
    meters = s.execute(select(MeterRow.id, MeterRow.meter_no, MeterRow.room, MeterRow.ct_ratio)
                       .where(MeterRow.retired.is_(False)).order_by(MeterRow.room)).all()
    ids = [m[0] for m in meters]
    before, after = readings_before(s, ids, period.first_day), readings_before(s, ids, period.end_day)
    rows = []
    for mid, meter_no, room, ct in meters:
        prev_e, prev_b = before.get(mid, (None, None))
        cur_e, cur_b = after.get(mid, (None, None))
        energy = (cur_e - prev_e) * ct if cur_e is not None and prev_e is not None else None
        used = (prev_b + net[mid] - cur_b) if prev_b is not None and cur_b is not None else None
        t = tenants.get(mid)
        rows.append((meter_no or str(mid), room, t.name if t else "", prev_e, cur_e, energy, ct,
                     prev_b, cur_b, net[mid], used))
    columns = (C("meter_no", QT_TRANSLATE_NOOP("reports", "Meter no.")), C("room", QT_TRANSLATE_NOOP("reports", "Room")),
               C("tenant", QT_TRANSLATE_NOOP("reports", "Tenant")),
               C("prev", QT_TRANSLATE_NOOP("reports", "Previous reading"), K.KWH),
               C("cur", QT_TRANSLATE_NOOP("reports", "Current reading"), K.KWH),
               C("energy", QT_TRANSLATE_NOOP("reports", "Energy used"), K.KWH, True),
               C("ct", QT_TRANSLATE_NOOP("reports", "CT ratio"), K.INT),
               C("prev_bal", QT_TRANSLATE_NOOP("reports", "Previous balance"), K.YUAN),
               C("cur_bal", QT_TRANSLATE_NOOP("reports", "Current balance"), K.YUAN),
               C("sales", QT_TRANSLATE_NOOP("reports", "Sales"), K.YUAN, True),
               C("used", QT_TRANSLATE_NOOP("reports", "Amount used"), K.YUAN, True))
    return Report("meter_summary", QT_TRANSLATE_NOOP("reports", "Meter summary report"), period.text, columns,
                  tuple(rows))


def _tier_start(day: date, tier_period: str) -> date:
    return day.replace(day=1, month=1) if tier_period == "year" else day.replace(day=1)


def revenue_report(s: Session, period: Period) -> Report:
    """电费收益报表: energy and revenue by tariff period (尖峰平谷) against the configured energy cost.

    Every meter with a tariff counts, meter-side and console-billed alike (a meter without period
    registers has its energy split by the day-period schedule when it is stored). TOU and flat: each
    period's energy at that period's price. Tiered: each day's energy priced across the tiers from what
    the tenant had already used in the tier period (month or year), shared over the day's periods in
    proportion to their energy. Rounded once per period (design §4)."""
    from acrel_console.services.tariffs import meter_body, tiered_exact

    settings = load_all(s)
    costs = [price_to_units(Decimal(settings[f"energy_cost_p{i}"])) for i in range(1, 5)]
    energy = [0, 0, 0, 0]
    exact: list[Decimal] = [Decimal(0)] * 4
    bodies: dict[int, Any] = {}
    at = period.end_utc - timedelta(seconds=1)
    tier_from = _tier_start(period.first_day, "year")  # early enough for month and year tier periods
    q = (select(DailyEnergyRow.meter_id, DailyEnergyRow.day, DailyEnergyRow.energy_total, DailyEnergyRow.energy_p1,
                DailyEnergyRow.energy_p2, DailyEnergyRow.energy_p3, DailyEnergyRow.energy_p4)
         .where(DailyEnergyRow.day >= tier_from, DailyEnergyRow.day < period.end_day)
         .order_by(DailyEnergyRow.meter_id, DailyEnergyRow.day))
    used: dict[tuple[int, date], int] = defaultdict(int)  # (meter, tier period start) -> energy used so far
    for meter_id, day, total, *parts in s.execute(q):
        if meter_id not in bodies:
            bodies[meter_id] = meter_body(s, meter_id, at)
        body = bodies[meter_id]
        split = [int(e or 0) for e in parts]
        day_total = int(total or 0)
        key = (meter_id, _tier_start(day, body.tier_period)) if body is not None and body.kind == "tiered" else None
        before = used[key] if key else 0
        if key:
            used[key] += day_total
        if day < period.first_day:
            continue
        for i, e in enumerate(split):
            energy[i] += e
        if body is None:
            continue
        if body.kind == "tiered":
            day_exact, _tiers = tiered_exact(body, sum(split), before)
            if sum(split):
                for i, e in enumerate(split):
                    exact[i] += Decimal(day_exact) * e / sum(split)
        else:
            for i, e in enumerate(split):
                exact[i] += e * body.prices[i]
    revenue = [yuan_to_fen(x / Decimal(10**6)) for x in exact]
    names = (QT_TRANSLATE_NOOP("reports", "Spike"), QT_TRANSLATE_NOOP("reports", "Peak"),
             QT_TRANSLATE_NOOP("reports", "Flat"), QT_TRANSLATE_NOOP("reports", "Valley"))
    rows = []
    for i, name in enumerate(names):
        cost = cost_fen(energy[i], costs[i])
        rows.append((name, energy[i], revenue[i], cost, revenue[i] - cost))
    columns = (C("period", QT_TRANSLATE_NOOP("reports", "Tariff period")),
               C("energy", QT_TRANSLATE_NOOP("reports", "Energy"), K.KWH, True),
               C("revenue", QT_TRANSLATE_NOOP("reports", "Revenue"), K.YUAN, True),
               C("cost", QT_TRANSLATE_NOOP("reports", "Energy cost"), K.YUAN, True),
               C("margin", QT_TRANSLATE_NOOP("reports", "Margin"), K.YUAN, True))
    chart = Chart("bar", names, ((QT_TRANSLATE_NOOP("reports", "Revenue"), tuple(revenue)),
                                 (QT_TRANSLATE_NOOP("reports", "Energy cost"), tuple(r[3] for r in rows))), K.YUAN)
    return Report("revenue", QT_TRANSLATE_NOOP("reports", "Electricity revenue report"), period.text, columns,
                  tuple(rows), chart)


def reconciliation(s: Session, now_text: str) -> Report:
    """Ledger credit of every meter against the meter's remaining amount, with pending/conflict deliveries.

    Difference = ledger credit - (meter remaining + credit still to deliver): what consumption since the
    last reading explains on meter-side meters; a large or negative one deserves a look.
    """
    tenants = meter_tenants(s)
    pending: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for meter_id, state, n, total in s.execute(
            select(MeterCommandRow.meter_id, MeterCommandRow.state, func.count(MeterCommandRow.id),
                   func.coalesce(func.sum(MeterCommandRow.amount_fen), 0))
            .where(MeterCommandRow.kind == "recharge", MeterCommandRow.state.in_(("pending", "sending", "conflict")))
            .group_by(MeterCommandRow.meter_id, MeterCommandRow.state)):
        slot = pending[meter_id]
        if state == "conflict":
            slot[1] += int(n)
        else:
            slot[0] += int(n)
            slot[2] += int(total or 0)  # coalesce already made it 0; narrows the type
    rows = []
    for m, st in s.execute(select(MeterRow, MeterStateRow).outerjoin(MeterStateRow, MeterStateRow.meter_id == MeterRow.id)
                           .where(MeterRow.retired.is_(False)).order_by(MeterRow.room)):
        if m.id not in tenants and m.id not in pending:
            continue
        ledger = ledger_credit_fen(s, m.id)
        remaining = st.remaining_fen if st else None
        p = pending[m.id] if m.id in pending else [0, 0, 0]
        diff = ledger - (remaining + p[2]) if remaining is not None else None
        rows.append((m.room, m.meter_no or str(m.id), tenants[m.id].name if m.id in tenants else "", ledger,
                     remaining, p[0], p[2], p[1], diff, st.last_success_at if st else None))
    columns = (C("room", QT_TRANSLATE_NOOP("reports", "Room")), C("meter_no", QT_TRANSLATE_NOOP("reports", "Meter no.")),
               C("tenant", QT_TRANSLATE_NOOP("reports", "Tenant")),
               C("ledger", QT_TRANSLATE_NOOP("reports", "Ledger balance"), K.YUAN, True),
               C("meter", QT_TRANSLATE_NOOP("reports", "Meter balance"), K.YUAN, True),
               C("pending", QT_TRANSLATE_NOOP("reports", "Pending deliveries"), K.INT, True),
               C("pending_fen", QT_TRANSLATE_NOOP("reports", "Pending amount"), K.YUAN, True),
               C("conflicts", QT_TRANSLATE_NOOP("reports", "Conflicts"), K.INT, True),
               C("diff", QT_TRANSLATE_NOOP("reports", "Difference"), K.YUAN, True),
               C("read_at", QT_TRANSLATE_NOOP("reports", "Meter read at"), K.DATETIME))
    return Report("reconciliation", QT_TRANSLATE_NOOP("reports", "Reconciliation"), now_text, columns, tuple(rows))


def tenant_statement(s: Session, tenant_id: int, period: Period) -> Report:
    """One tenant over a period: opening balance, each purchase/refund/reversal, consumption, closing."""
    tenant = s.get(TenantRow, tenant_id)
    if tenant is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No tenant {id}."), id=tenant_id)
    from acrel_console.ledger.invariants import meter_impact

    meter_ids = {m for (m,) in s.execute(select(OperationRow.meter_id).where(OperationRow.tenant_id == tenant_id,
                                                                           OperationRow.meter_id.is_not(None)))
                 if m is not None}
    meter_ids |= {m for m, t in meter_tenants(s).items() if t.tenant_id == tenant_id}
    rooms = dict(s.execute(select(MeterRow.id, MeterRow.room)).all())

    def balance_before(day: date) -> int:
        return sum(b or 0 for _e, b in readings_before(s, sorted(meter_ids), day).values())

    opening, closing = balance_before(period.first_day), balance_before(period.end_day)
    rows: list[tuple[Any, ...]] = [(None, QT_TRANSLATE_NOOP("reports", "Opening balance"), "", None, opening)]
    moved = 0
    for op in s.execute(select(OperationRow).where(OperationRow.tenant_id == tenant_id,
                                                   OperationRow.kind.in_(("sale", "refund", "reversal", "opening",
                                                                          "transfer")),
                                                   OperationRow.at >= period.start_utc, OperationRow.at < period.end_utc)
                        .order_by(OperationRow.at)).scalars():
        signed = meter_impact(op.kind, op.amount_fen) if op.kind != "transfer" else 0
        moved += signed
        rows.append((op.at, op.kind, rooms.get(op.meter_id or 0, ""), signed, None))
    consumption = opening + moved - closing
    rows.append((None, QT_TRANSLATE_NOOP("reports", "Consumption"), "", -consumption, None))
    rows.append((None, QT_TRANSLATE_NOOP("reports", "Closing balance"), "", None, closing))
    columns = (C("at", QT_TRANSLATE_NOOP("reports", "Time"), K.DATETIME), C("item", QT_TRANSLATE_NOOP("reports", "Item")),
               C("room", QT_TRANSLATE_NOOP("reports", "Room")), C("amount", QT_TRANSLATE_NOOP("reports", "Amount"), K.YUAN),
               C("balance", QT_TRANSLATE_NOOP("reports", "Balance"), K.YUAN))
    return Report("statement", QT_TRANSLATE_NOOP("reports", "Tenant statement"), f"{tenant.name} {period.text}",
                  columns, tuple(rows))

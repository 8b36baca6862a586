"""Tariffs: create, version, assign to meters (with price downloads by the delivery path), and
console-side billing of metering-only meters (design §6)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime


from sqlalchemy import func, select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from acrel_console.domain.money import fen_to_yuan
from acrel_console.domain.readings import MeterReading
from acrel_console.domain.roles import Permission
from acrel_console.domain.timewindows import parse_windows
from acrel_console.ledger import book, posting, tariffs
from acrel_console.ledger.tariffs import (  # re-exported: the UI builds tariff bodies without importing ledger/
    KINDS, MAX_PERIODS, MAX_TIERS, PERIOD_NAMES, IntervalBill, TariffBody, arrears_trip, bill_interval,
    download_prices, flat, parse_hhmm, tiered_exact, validate)

__all__ = ["TariffService", "TariffInfo", "AssignResult", "BillingOutcome", "TierOutcome", "tier_index", "TariffBody", "IntervalBill", "KINDS",
           "MAX_PERIODS", "MAX_TIERS", "PERIOD_NAMES", "arrears_trip", "bill_interval", "download_prices", "flat",
           "parse_hhmm", "tiered_exact", "validate", "meter_body"]
from acrel_console.services import audit, price_rollout
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.money_common import meter_side
from acrel_console.services.site_settings import load_all
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import (
    BillingStateRow, MeterTariffRow, OperationRow, TariffRow, TariffVersionRow, TierStateRow)
from acrel_console.storage.tables.site import MeterRow


@dataclass(frozen=True, slots=True)
class TariffInfo:
    tariff_id: int
    name: str
    kind: str
    version_id: int
    effective_from: datetime
    body: TariffBody
    versions: int


@dataclass(frozen=True, slots=True)
class AssignResult:
    tariff_id: int
    meter_ids: tuple[int, ...]
    download_command_ids: tuple[str, ...]  # price downloads queued for meter-side meters
    schedule_batch: str | None = None  # the 时段表 downloads (remote-control batch) of a TOU tariff


@dataclass(frozen=True, slots=True)
class BillingOutcome:
    """One console-side billing step for a metering-only meter."""

    meter_id: int
    energy_centi_kwh: int
    cost_fen: int
    balance_fen: int
    nonpositive_reads: int
    trip_command_id: str | None
    operation_id: str | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class TierOutcome:
    """One tiered step for a meter-side meter: the tier now, the price download queued when a boundary
    was crossed, and the difference booked (and delivered as a negative credit) for energy the meter
    charged at the lower price."""

    meter_id: int
    tier_index: int
    used_centi_kwh: int
    download_command_id: str | None
    adjustment_fen: int
    adjustment_operation_id: str | None
    adjustment_command_id: str | None


def tier_index(body: TariffBody, used_centi_kwh: int) -> int:
    """The tier a cumulative energy in the tier period falls in."""
    for i, (upper, _price) in enumerate(body.tiers):
        if upper is None or used_centi_kwh < upper:
            return i
    return len(body.tiers) - 1


def version_at(s: Session, tariff_id: int, at: datetime) -> TariffVersionRow | None:
    return s.execute(select(TariffVersionRow).where(TariffVersionRow.tariff_id == tariff_id,
                                                    TariffVersionRow.effective_from <= at)
                     .order_by(TariffVersionRow.effective_from.desc(), TariffVersionRow.id.desc()).limit(1)
                     ).scalar_one_or_none()


def meter_tariff_id(s: Session, meter_id: int, at: datetime) -> int | None:
    return s.execute(select(MeterTariffRow.tariff_id).where(MeterTariffRow.meter_id == meter_id,
                                                            MeterTariffRow.effective_from <= at)
                     .order_by(MeterTariffRow.effective_from.desc(), MeterTariffRow.id.desc()).limit(1)).scalar()


def meter_body(s: Session, meter_id: int, at: datetime) -> TariffBody | None:
    """The tariff body in force for a meter at a moment, or None."""
    tid = meter_tariff_id(s, meter_id, at)
    if tid is None:
        return None
    v = version_at(s, tid, at)
    return None if v is None else tariffs.from_json(v.body_json)


def tier_period_start(at_local: datetime, period: str) -> datetime:
    start = at_local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return start.replace(month=1) if period == "year" else start


class TariffService:
    """Price schemes and their assignment; billing for meters that do not hold a balance."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _info(self, s: Session, t: TariffRow, at: datetime | None = None) -> TariffInfo:
        v = version_at(s, t.id, at or self.ctx.clock())
        if v is None:  # only future versions: show the first
            v = s.execute(select(TariffVersionRow).where(TariffVersionRow.tariff_id == t.id)
                          .order_by(TariffVersionRow.effective_from).limit(1)).scalar_one()
        n = s.execute(select(func.count()).where(TariffVersionRow.tariff_id == t.id)).scalar() or 0
        return TariffInfo(t.id, t.name, t.kind, v.id, v.effective_from, tariffs.from_json(v.body_json), int(n))

    @requires(Permission.MANAGE_TARIFFS)
    def create(self, actor: Actor, name: str, body: TariffBody, effective_from: datetime | None = None,
               notes: str = "") -> TariffInfo:
        tariffs.validate(body)
        name = name.strip()
        if not name:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A tariff needs a name."), field="name")
        at = self.ctx.clock()
        with self.ctx.transaction() as s:
            if s.execute(select(TariffRow.id).where(TariffRow.name == name)).first():
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "A tariff named {name} already exists."), name=name)
            t = TariffRow(name=name, kind=body.kind, created_at=at, notes=notes)
            s.add(t)
            s.flush()
            s.add(TariffVersionRow(tariff_id=t.id, effective_from=effective_from or at, created_at=at,
                                   created_by=actor.name, body_json=tariffs.to_json(body)))
            s.flush()
            audit.append(s, actor, "tariff.create", f"tariff:{name}", after=json.loads(tariffs.to_json(body)), at=at)
            return self._info(s, t, effective_from or at)

    @requires(Permission.MANAGE_TARIFFS)
    def add_version(self, actor: Actor, tariff_id: int, body: TariffBody,
                    effective_from: datetime | None = None) -> TariffInfo:
        """A new version (prices change from effective_from on); the old versions stay."""
        tariffs.validate(body)
        at = self.ctx.clock()
        with self.ctx.transaction() as s:
            t = s.get(TariffRow, tariff_id)
            if t is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No tariff {id}."), id=tariff_id)
            if body.kind != t.kind:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "A new version keeps the tariff's kind ({kind})."),
                                      field="kind", kind=t.kind)
            before = version_at(s, t.id, at)
            row = TariffVersionRow(tariff_id=t.id, effective_from=effective_from or at, created_at=at,
                                   created_by=actor.name, body_json=tariffs.to_json(body))
            s.add(row)
            s.flush()
            cmds, schedule = price_rollout.queue_version(s, self.ctx, actor, row, at) \
                if row.effective_from <= at else ([], None)  # a later date: the roll-out job sends it then
            audit.append(s, actor, "tariff.version", f"tariff:{t.name}",
                         before=json.loads(before.body_json) if before else None,
                         after={**json.loads(tariffs.to_json(body)),
                                "effective_from": (effective_from or at).isoformat(), "downloads": len(cmds),
                                "schedule_batch": schedule}, at=at)
            return self._info(s, t, effective_from or at)

    @requires(Permission.VIEW)
    def list_tariffs(self, actor: Actor) -> list[TariffInfo]:
        with self.ctx.read() as s:
            return [self._info(s, t) for t in s.execute(select(TariffRow).order_by(TariffRow.name)).scalars()]

    @requires(Permission.VIEW)
    def get(self, actor: Actor, tariff_id: int, at: datetime | None = None) -> TariffInfo:
        with self.ctx.read() as s:
            t = s.get(TariffRow, tariff_id)
            if t is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No tariff {id}."), id=tariff_id)
            return self._info(s, t, at)

    @requires(Permission.VIEW)
    def meter_tariff(self, actor: Actor, meter_id: int, at: datetime | None = None) -> TariffInfo | None:
        with self.ctx.read() as s:
            tid = meter_tariff_id(s, meter_id, at or self.ctx.clock())
            t = None if tid is None else s.get(TariffRow, tid)
            return None if t is None else self._info(s, t, at)

    @requires(Permission.MANAGE_TARIFFS)
    def assign(self, actor: Actor, tariff_id: int, meter_ids: list[int], effective_from: datetime | None = None,
               download: bool = True) -> AssignResult:
        """Assign a tariff to one meter or a batch; meter-side meters get a price download (group 02),
        confirmed by read-back through the delivery path."""
        at = self.ctx.clock()
        when = effective_from or at
        with self.ctx.transaction() as s:
            t = s.get(TariffRow, tariff_id)
            if t is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No tariff {id}."), id=tariff_id)
            v = version_at(s, t.id, when)
            for mid in meter_ids:
                m = s.get(MeterRow, mid)
                if m is None or m.retired:
                    raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {id}."), id=mid)
                s.add(MeterTariffRow(meter_id=mid, tariff_id=t.id, effective_from=when, assigned_at=at,
                                     assigned_by=actor.name))
            s.flush()
            cmds: list[str] = []
            schedule_batch = None
            if download and v is not None and when <= at:  # a later date: the roll-out job sends it then
                cmds, schedule_batch = price_rollout.queue_version(s, self.ctx, actor, v, at, meter_ids, again=True)
            audit.append(s, actor, "tariff.assign", f"tariff:{t.name}",
                         after={"meters": meter_ids, "effective_from": when.isoformat(), "downloads": cmds,
                                "schedule_batch": schedule_batch}, at=at)
        return AssignResult(tariff_id, tuple(meter_ids), tuple(cmds), schedule_batch)

    @requires(Permission.CONTROL_METERS)
    def tier_step(self, actor: Actor, meter_id: int, reading: MeterReading) -> TierOutcome | None:
        """Tiered prices on a meter-side meter (design §6), called by the poller with a fresh reading: when
        the tenant's energy in the tier period crosses a boundary, queue the next tier's price download
        and book the difference for energy the meter still charged at its old price (an adjustment,
        delivered to the meter as a negative credit). None when the meter has no tiered tariff."""
        with self.ctx.transaction() as s:
            m = book.lock_meter(s, meter_id)
            if m is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {id}."), id=meter_id)
            tid = meter_tariff_id(s, meter_id, reading.read_at)
            body = meter_body(s, meter_id, reading.read_at)
            if body is None or tid is None or body.kind != "tiered" or reading.energy_total is None \
                    or not meter_side(m.model):
                return None
            now = self.ctx.clock()
            local = self.ctx.site_clock.local(reading.read_at)
            key = local.strftime("%Y" if body.tier_period == "year" else "%Y-%m")
            st = s.get(TierStateRow, meter_id)
            download_id: str | None = None
            if st is not None and st.download_command_id:
                state = s.execute(select(MeterCommandRow.state).where(
                    MeterCommandRow.id == st.download_command_id)).scalar()
                if state == "delivered":  # the meter charges the new price from now on
                    st.meter_price, st.download_command_id = body.tiers[st.tier_index][1], None
            if st is None or st.period_key != key or st.tariff_id != tid or reading.energy_total < st.start_energy:
                first_price = body.tiers[0][1]
                if st is not None and st.meter_price != first_price:
                    download_id = self._tier_download(s, actor, meter_id, first_price, now, "tier period starts")
                if st is None:
                    st = TierStateRow(meter_id=meter_id, meter_price=first_price, updated_at=now, tariff_id=tid,
                                      period_key=key, start_energy=reading.energy_total, tier_index=0,
                                      adjusted_energy=reading.energy_total)
                    s.add(st)
                st.tariff_id, st.period_key, st.start_energy, st.tier_index = tid, key, reading.energy_total, 0
                st.adjusted_energy, st.updated_at = reading.energy_total, now
                if download_id:
                    st.download_command_id = download_id
                return TierOutcome(meter_id, 0, 0, download_id, 0, None, None)
            used = reading.energy_total - st.start_energy
            idx = tier_index(body, used)
            if idx > st.tier_index:
                st.tier_index = idx
                download_id = self._tier_download(s, actor, meter_id, body.tiers[idx][1], now,
                                                  f"tier {idx + 1} reached")
                st.download_command_id = download_id
            # Energy since the last booking that the meter charged below the tier price: book the difference.
            exact, pos = 0, st.adjusted_energy - st.start_energy
            for i, (upper, price) in enumerate(body.tiers):
                lower = 0 if i == 0 else int(body.tiers[i - 1][0] or 0)
                top = used if upper is None else min(used, upper)
                span = max(0, top - max(pos, lower))
                exact += span * max(0, price - st.meter_price)
            fen = tariffs.exact_to_fen(exact)
            st.adjusted_energy, st.updated_at = reading.energy_total, now
            op_id = cmd_id = None
            if fen > 0:
                op_id = book.new_id()
                book.post(s, posting.adjustment(meter_id, -fen), id=op_id, kind="tier_adjustment", at=now,
                          meter_id=meter_id, amount_fen=fen, operator_id=actor.id, operator_name=actor.name,
                          reason=f"tier {idx + 1} price difference", energy_centi_kwh=used,
                          detail_json=json.dumps({"tier": idx, "meter_price": st.meter_price}, sort_keys=True))
                cmd_id = book.add_credit_command(s, self.ctx.site_key, meter_id=meter_id, amount_fen=-fen,
                                                 operation_id=op_id, created_by=actor.name, at=now,
                                                 reason="tier adjustment").id
            if download_id or op_id:
                audit.append(s, actor, "tariff.tier_step", f"meter:{meter_id}",
                             after={"tier": idx, "used_centi_kwh": used, "download": download_id,
                                    "adjustment_fen": fen, "operation": op_id}, at=now)
            return TierOutcome(meter_id, idx, used, download_id, fen, op_id, cmd_id)

    def _tier_download(self, s: Session, actor: Actor, meter_id: int, price: int, at: datetime, why: str) -> str:
        return book.add_command(s, self.ctx.site_key, meter_id=meter_id, kind="price_download", created_by=actor.name,
                                at=at, payload={"prices": [price] * 4}, reason=why, priority=5).id

    @requires(Permission.CONTROL_METERS)
    def bill_reading(self, actor: Actor, meter_id: int, reading: MeterReading) -> BillingOutcome:
        """Console-side billing step for a metering-only meter, called by the poller with a fresh reading:
        book the interval's cost (tariff in force), then apply the arrears rule (two consecutive fresh
        reads at or below zero, never inside no-trip hours) and queue a trip when it says so."""
        with self.ctx.transaction() as s:
            m = book.lock_meter(s, meter_id)
            if m is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {id}."), id=meter_id)
            settings = load_all(s)
            local = self.ctx.site_clock.local(reading.read_at)
            state = s.get(BillingStateRow, meter_id)
            by_period = reading.energy_by_period
            if state is None or state.energy_total is None or reading.energy_total is None:
                s.merge(BillingStateRow(meter_id=meter_id, energy_total=reading.energy_total,
                                        energy_by_period_json=json.dumps(list(by_period)) if by_period else "",
                                        read_at=reading.read_at, nonpositive_reads=0))
                return BillingOutcome(meter_id, 0, 0, book.ledger_credit_fen(s, meter_id), 0, None, None,
                                      "first reading: baseline")
            if state.read_at is not None and reading.read_at <= state.read_at:
                # The same reading twice (a command read-back republished, a slow sweep): not a fresh read,
                # so it neither bills nor counts towards the two-reads arrears rule.
                return BillingOutcome(meter_id, 0, 0, book.ledger_credit_fen(s, meter_id), state.nonpositive_reads,
                                      None, None, "not a fresh reading")
            delta = reading.energy_total - state.energy_total
            note, op_id, cost = "", None, 0
            body = meter_body(s, meter_id, reading.read_at)
            if delta < 0:
                note = "energy went backwards: re-based, nothing billed"
                audit.append(s, actor, "billing.rebase", f"meter:{meter_id}",
                             before={"energy_total": state.energy_total}, after={"energy_total": reading.energy_total},
                             at=self.ctx.clock())
            elif body is None:
                note = "no tariff assigned: nothing billed"
            elif delta > 0:
                prev_periods = json.loads(state.energy_by_period_json) if state.energy_by_period_json else None
                period_delta = (tuple(b - a for a, b in zip(prev_periods, by_period))
                                if by_period and prev_periods else None)
                used = 0
                if body.kind == "tiered":
                    start = tier_period_start(local, body.tier_period).astimezone(reading.read_at.tzinfo)
                    used = int(s.execute(select(func.coalesce(func.sum(OperationRow.energy_centi_kwh), 0)).where(
                        OperationRow.meter_id == meter_id, OperationRow.kind == "consumption",
                        OperationRow.at >= start)).scalar() or 0)
                bill = tariffs.bill_interval(body, delta, local, by_period_centi_kwh=period_delta,
                                             used_in_tier_period_centi_kwh=used)
                cost = bill.cost_fen
                if cost > 0:
                    op_id = book.new_id()
                    book.post(s, posting.consumption(meter_id, cost), id=op_id, kind="consumption",
                              at=self.ctx.clock(), meter_id=meter_id, amount_fen=cost, operator_id=actor.id,
                              operator_name=actor.name, energy_centi_kwh=bill.energy_centi_kwh,
                              detail_json=json.dumps({"energy_total": reading.energy_total,
                                                      "by_tier": list(bill.by_tier_centi_kwh)}))
            balance = book.ledger_credit_fen(s, meter_id)
            trip, streak = tariffs.arrears_trip(balance, state.nonpositive_reads, local.time(),
                                                parse_windows(settings["no_trip_hours"]))
            trip_id = None
            if trip and not reading.relay_closed == (False,):
                trip_id = book.add_command(s, self.ctx.site_key, meter_id=meter_id, kind="trip", created_by=actor.name,
                                           at=self.ctx.clock(), reason="arrears (console-side billing)", priority=5).id
            state.energy_total = reading.energy_total
            state.energy_by_period_json = json.dumps(list(by_period)) if by_period else ""
            state.read_at = reading.read_at
            state.nonpositive_reads = streak
            audit.append(s, actor, "billing.interval", f"meter:{meter_id}",
                         after={"energy_centi_kwh": max(delta, 0), "cost": str(fen_to_yuan(cost)),
                                "balance": str(fen_to_yuan(balance)), "trip": trip_id, "note": note},
                         at=self.ctx.clock())
            return BillingOutcome(meter_id, max(delta, 0), cost, balance, streak, trip_id, op_id, note)


def schedule_downloads(s: Session, ctx: ServiceContext, actor: Actor, name: str, body: TariffBody,
                       meter_ids: list[int]) -> str | None:
    """A TOU tariff's day-period schedule (时段表) goes to the meters whose profile takes one, through the
    remote-control queue (confirmed by read-back); the console bills and splits every other meter's
    energy by the same schedule itself. Returns the batch id (None: no meter takes one)."""
    from acrel_console.drivers.profiles import ProfileError, load_profile
    from acrel_console.services.remote_control import submit_in

    if body.kind != "tou":
        return None
    takers = []
    for mid in meter_ids:
        m = s.get(MeterRow, mid)
        try:
            takes = m is not None and meter_side(m.model) and load_profile(m.model).takes_schedule
        except ProfileError:
            takes = False
        if takes:
            takers.append(mid)
    if not takers:
        return None
    return submit_in(ctx, s, actor, takers, "schedule_download",
                     {"schedule": [list(p) for p in body.schedule]}, f"tariff {name}")

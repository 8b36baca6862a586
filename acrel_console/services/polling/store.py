"""Database side of polling: load a bus's meters and their poll state, persist a sweep's results
(meter_state, history readings, daily energy, bus health, offline/online log rows) in one transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from acrel_console.domain.energy_rollup import COUNTERS, site_hour, step
from acrel_console.domain.readings import MeterReading
from acrel_console.drivers.api import BusConfig
from acrel_console.services import audit
from acrel_console.services.base import Actor
from acrel_console.services.polling.backoff import OFFLINE, MeterPollState
from acrel_console.storage.tables.meter_state import BusHealthRow, MeterStateRow
from acrel_console.storage.reading_codec import StoredReading, stored_time
from acrel_console.storage.reading_days import DayRows
from acrel_console.storage.tables.readings import HOURS, DailyEnergyRow
from acrel_console.storage.tables.site import GatewayRow, MeterRow


@dataclass(frozen=True, slots=True)
class MeterTarget:
    """A meter as the bus worker needs it."""

    id: int
    address: int
    model: str
    room: str


@dataclass(frozen=True, slots=True)
class GatewayTarget:
    """A gateway (bus) as the poller needs it: id, name and how to reach it."""

    id: int
    name: str
    config: BusConfig
    enabled: bool
    zone: str = ""


def bus_config(row: GatewayRow) -> BusConfig:
    """The driver configuration of a gateway row."""
    return BusConfig(name=row.name, kind=row.kind, host=row.host, port=row.port, serial_port=row.serial_port,
                     baud=row.baud, parity=row.parity, stopbits=row.stopbits, timeout_ms=row.timeout_ms,
                     retries=row.retries, inter_frame_delay_ms=row.inter_frame_delay_ms,
                     local_echo=bool(row.local_echo))


def load_gateways(session: Session) -> list[GatewayTarget]:
    rows = session.execute(select(GatewayRow).order_by(GatewayRow.id)).scalars()
    return [GatewayTarget(r.id, r.name, bus_config(r), r.enabled, r.zone or "") for r in rows]


def load_meters(session: Session, gateway_id: int) -> list[MeterTarget]:
    q = (select(MeterRow).where(MeterRow.gateway_id == gateway_id, MeterRow.retired.is_(False))
         .order_by(MeterRow.address))
    return [MeterTarget(r.id, r.address, r.model, r.room) for r in session.execute(q).scalars()]


def load_states(session: Session, meter_ids: list[int]) -> dict[int, MeterPollState]:
    """Poll state from meter_state (back-off survives a restart); fresh state for unseen meters."""
    out = {mid: MeterPollState(mid) for mid in meter_ids}
    if not meter_ids:
        return out
    for r in session.execute(select(MeterStateRow).where(MeterStateRow.meter_id.in_(meter_ids))).scalars():
        out[r.meter_id] = MeterPollState(
            meter_id=r.meter_id, consecutive_failures=r.consecutive_failures, backoff_level=r.backoff_level,
            sweeps_skipped=r.sweeps_skipped, last_success_at=r.last_success_at, last_attempt_at=r.last_attempt_at,
            offline_since=r.offline_since, last_error=r.last_error, forced=r.forced)
    return out


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Decimal):
        return str(value)
    return value


def reading_values(reading: MeterReading) -> dict[str, Any]:
    """Every decoded live value as JSON-ready data (kept in meter_state.values_json)."""
    return {f.name: _json_value(getattr(reading, f.name)) for f in fields(reading)}


def clock_drift_s(reading: MeterReading, tz: ZoneInfo) -> int | None:
    """Meter clock minus console clock (site-local), whole seconds; None without a meter clock."""
    if reading.meter_clock is None:
        return None
    local_now = reading.read_at.astimezone(tz).replace(tzinfo=None)
    return int((reading.meter_clock.replace(tzinfo=None) - local_now).total_seconds())


def keep_power_of(reading: MeterReading) -> bool | None:
    """Keep power (保电) = forced control on with forced close (design §13)."""
    if reading.forced is None:
        return None
    return bool(reading.forced) and reading.forced_open is False


def relay_of(reading: MeterReading) -> bool | None:
    """Relay closed when every channel is closed; None when the profile has no relay bits."""
    return all(reading.relay_closed) if reading.relay_closed else None


@dataclass(slots=True)
class MeterOutcome:
    """What one sweep (or command read-back) learnt about one meter."""

    state: MeterPollState
    reading: MeterReading | None = None
    transition: str | None = None  # "offline" | "online"
    attempted: bool = True
    fields: frozenset[str] | None = None  # what a status read carried (None: a whole real-time reading)


def save_outcomes(session: Session, outcomes: list[MeterOutcome], *, tz: ZoneInfo, gateway_name: str,
                  addresses: dict[int, int], history_at: datetime | None, now: datetime) -> None:
    """Upsert meter_state for each outcome, log transitions once, store history when due."""
    ids = [o.state.meter_id for o in outcomes]
    existing = {r.meter_id: r for r in
                session.execute(select(MeterStateRow).where(MeterStateRow.meter_id.in_(ids))).scalars()} if ids else {}
    for o in outcomes:
        st = o.state
        row = existing.get(st.meter_id)
        if row is None:
            row = MeterStateRow(meter_id=st.meter_id)
            session.add(row)
        row.consecutive_failures = st.consecutive_failures
        row.backoff_level = st.backoff_level
        row.sweeps_skipped = st.sweeps_skipped
        row.last_success_at = st.last_success_at
        row.last_attempt_at = st.last_attempt_at
        row.offline_since = st.offline_since
        row.offline = st.offline
        row.last_error = st.last_error[:500]
        if o.reading is not None:
            _save_reading(row, o.reading, o.fields, tz)
        if o.transition is not None:
            target = f"{gateway_name}/{addresses.get(st.meter_id, '?')}"
            kind = "meter.offline" if o.transition == OFFLINE else "meter.online"
            after: dict[str, Any] = {"meter_id": st.meter_id, "failures": st.consecutive_failures}
            if o.transition == OFFLINE:
                after["error"] = st.last_error[:200]
                after["last_success_at"] = st.last_success_at.isoformat() if st.last_success_at else None
            audit.append(session, Actor.system(), kind, target, after=after, at=now)
    if history_at is not None:
        store_history(session, [o.reading for o in outcomes if o.reading is not None],
                      [o.state.meter_id for o in outcomes if o.reading is not None], tz)


def _save_reading(row: MeterStateRow, r: MeterReading, fields: frozenset[str] | None, tz: ZoneInfo) -> None:
    """Put a reading into the meter's state row: all of it, or (a status read) only the `fields` it carries,
    the rest staying as the last whole reading left them."""
    def carried(name: str) -> bool:
        return fields is None or name in fields

    values = reading_values(r)
    previous: dict[str, Any] = json.loads(row.values_json) if row.values_json else {}
    if fields is not None:
        values = {**previous, **{k: v for k, v in values.items() if k in fields or k == "read_at"}}
    if carried("remaining_fen"):
        row.remaining_fen = r.remaining_fen
    if carried("energy_total"):
        row.energy_total = r.energy_total
    if carried("purchase_count"):
        row.purchase_count = r.purchase_count
    if carried("relay_closed"):
        row.relay_closed = relay_of(r)
    if carried("over_limit"):
        row.over_limit = r.over_limit
    if carried("power_w"):
        row.power_w = r.power_total_w
    if r.forced is not None:  # from the block's bits or the force registers' read-back
        row.forced = r.forced
        row.keep_power = keep_power_of(r)
        row.forced_open = r.forced_open
    else:  # neither read: the force state stays as last known
        values["forced"], values["forced_open"] = previous.get("forced"), previous.get("forced_open")
    if carried("status_raw"):
        row.status_bits = r.status_raw
    if fields is None:
        row.meter_clock_drift_s = clock_drift_s(r, tz)
    row.values_json = json.dumps(values, ensure_ascii=False)


def _period(reading: MeterReading, i: int) -> int | None:
    return reading.energy_by_period[i] if reading.energy_by_period is not None else None


FLAT_PERIOD = 2  # 平: where energy goes when no tariff with a day-period schedule is assigned


def _schedule_period(session: Session, meter_id: int, at: datetime, tz: ZoneInfo) -> int:
    from acrel_console.services.tariffs import meter_body

    body = meter_body(session, meter_id, at)
    return FLAT_PERIOD if body is None else body.period_at(at.astimezone(tz).time())


def stored_reading(reading: MeterReading) -> StoredReading:
    """The history reading kept of a sweep's reading: its total active power, and closed when every channel is."""
    return StoredReading(
        stored_time(reading.read_at), energy_total=reading.energy_total, energy_p1=_period(reading, 0),
        energy_p2=_period(reading, 1), energy_p3=_period(reading, 2), energy_p4=_period(reading, 3),
        remaining_fen=reading.remaining_fen, purchase_count=reading.purchase_count,
        power_w=reading.power_total_w,
        relay_closed=all(reading.relay_closed) if reading.relay_closed else None, forced=reading.forced)


def store_history(session: Session, readings: list[MeterReading], meter_ids: list[int], tz: ZoneInfo) -> None:
    """Store one history reading per meter and add its energy since the previous reading to the roll-ups of
    its site-local day and hour (domain.energy_rollup). A reading already stored (same meter, same second)
    is not stored or counted again."""
    if not readings:
        return
    stored = DayRows(session)
    previous = stored.newest(meter_ids)
    keys = {(mid, site_hour(r.read_at, tz)[0]) for mid, r in zip(meter_ids, readings, strict=True)}
    days: dict[tuple[int, date], DailyEnergyRow] = {
        (d.meter_id, d.day): d for d in session.execute(select(DailyEnergyRow).where(
            DailyEnergyRow.meter_id.in_(meter_ids), DailyEnergyRow.day.in_({k[1] for k in keys}))).scalars()}
    for meter_id, reading in zip(meter_ids, readings, strict=True):
        new = stored_reading(reading)
        if not stored.add(meter_id, new):
            continue
        day, hour = site_hour(new.read_at, tz)
        key = (meter_id, day)
        daily = days.get(key)
        if daily is None:
            daily = DailyEnergyRow(meter_id=meter_id, day=day, energy_total=0, energy_p1=0, energy_p2=0,
                                   energy_p3=0, energy_p4=0, readings=0, resets=0, **{h: 0 for h in HOURS})
            session.add(daily)
            days[key] = daily
        prev = previous.get(meter_id)
        if prev is not None and prev.read_at <= new.read_at:
            added, reset = step([getattr(prev, c) for c in COUNTERS], [getattr(new, c) for c in COUNTERS])
            if reading.energy_by_period is None and added[0] > 0:
                # a meter without period registers (ADL400): the interval's energy goes to the period of the
                # day-period schedule (时段表) in force at the reading, as console billing prices it
                added[1 + _schedule_period(session, meter_id, new.read_at, tz)] += added[0]
            for col, value in zip(COUNTERS, added):
                setattr(daily, col, (getattr(daily, col) or 0) + value)
            setattr(daily, HOURS[hour], (getattr(daily, HOURS[hour]) or 0) + added[0])
            if reset:
                daily.resets = (daily.resets or 0) + 1
        daily.readings = (daily.readings or 0) + 1
        daily.end_total = reading.energy_total
        daily.end_remaining_fen = reading.remaining_fen
        daily.last_read_at = new.read_at
        if prev is None or prev.read_at <= new.read_at:
            previous[meter_id] = new
    stored.flush()


@dataclass(frozen=True, slots=True)
class HealthDelta:
    """Counters of one sweep (or command) to add to the bus's running totals."""

    requests: int = 0
    timeouts: int = 0
    crc_errors: int = 0
    frame_errors: int = 0
    exceptions: int = 0
    reconnects: int = 0


def save_health(session: Session, gateway_id: int, delta: HealthDelta, *, sweep_at: datetime | None,
                sweep_s: Decimal | None, online: int | None, total: int | None, connected: bool,
                last_error: str) -> BusHealthRow:
    row = session.get(BusHealthRow, gateway_id)
    if row is None:
        row = BusHealthRow(gateway_id=gateway_id, requests=0, timeouts=0, crc_errors=0, frame_errors=0,
                           exceptions=0, reconnects=0, meters_online=0, meters_total=0, connected=False, last_error="")
        session.add(row)
    row.requests = (row.requests or 0) + delta.requests
    row.timeouts = (row.timeouts or 0) + delta.timeouts
    row.crc_errors = (row.crc_errors or 0) + delta.crc_errors
    row.frame_errors = (row.frame_errors or 0) + delta.frame_errors
    row.exceptions = (row.exceptions or 0) + delta.exceptions
    row.reconnects = (row.reconnects or 0) + delta.reconnects
    if sweep_at is not None:
        row.last_sweep_at = sweep_at
        row.last_sweep_s = str(sweep_s) if sweep_s is not None else None
    if online is not None:
        row.meters_online = online
    if total is not None:
        row.meters_total = total
    row.connected = connected
    row.last_error = last_error[:500]
    session.flush()
    return row

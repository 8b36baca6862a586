"""The alarm engine (raise/clear on state transitions, restart-safe) and the alarm list use cases."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from acrel_console.domain.alarms import ALARM_LABELS, SEVERITY, AlarmKind, MeterAlarmInputs, desired_meter_alarms
from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound
from acrel_console.domain.money import format_yuan
from acrel_console.domain.roles import Permission
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.storage.tables.alarms import AlarmRow
from acrel_console.storage.tables.meter_state import MeterStateRow

log = logging.getLogger(__name__)

# Message templates (context "alarms"); params are filled in at raise time and kept for translation.
MESSAGES: dict[AlarmKind, str] = {
    AlarmKind.ALARM1: QT_TRANSLATE_NOOP("alarms", "{room}: balance {balance} yuan is at or below alarm 1."),
    AlarmKind.ALARM2: QT_TRANSLATE_NOOP("alarms", "{room}: balance {balance} yuan is at or below alarm 2."),
    AlarmKind.ARREARS: QT_TRANSLATE_NOOP("alarms", "{room}: in arrears, balance {balance} yuan."),
    AlarmKind.OVERLOAD: QT_TRANSLATE_NOOP("alarms", "{room}: power above the overload limit."),
    AlarmKind.UNDER_VOLTAGE: QT_TRANSLATE_NOOP("alarms", "{room}: voltage {voltage} V is too low."),
    AlarmKind.OFFLINE: QT_TRANSLATE_NOOP("alarms", "{room}: the meter does not answer."),
    AlarmKind.RELAY_OPEN: QT_TRANSLATE_NOOP("alarms", "{room}: the relay is open although the balance is {balance} yuan."),
    AlarmKind.GATEWAY_OFFLINE: QT_TRANSLATE_NOOP("alarms", "Gateway {gateway} cannot be reached: {error}"),
    AlarmKind.DELIVERY_CONFLICT: QT_TRANSLATE_NOOP("alarms", "{room}: delivery {command} needs an operator: {reason}"),
    AlarmKind.MAC_FAILURE: QT_TRANSLATE_NOOP("alarms", "Delivery {command} was refused: its MAC does not match (forged or altered)."),
    AlarmKind.RECONCILIATION: QT_TRANSLATE_NOOP("alarms", "{room}: ledger balance {ledger} yuan differs from the meter's {meter} yuan."),
    AlarmKind.INTEGRITY: QT_TRANSLATE_NOOP("alarms", "Integrity check failed: {problem}"),
    AlarmKind.PAYMENT: QT_TRANSLATE_NOOP("alarms", "{provider} {trade}: {problem}"),
    AlarmKind.RETURN_REFUSED: QT_TRANSLATE_NOOP(
        "alarms", "{room}: the meter refused to give back {amount} yuan; nothing was paid or moved for it."),
}

METER_KINDS = (AlarmKind.ALARM1, AlarmKind.ALARM2, AlarmKind.ARREARS, AlarmKind.OVERLOAD, AlarmKind.UNDER_VOLTAGE,
               AlarmKind.OFFLINE, AlarmKind.RELAY_OPEN)


@dataclass(frozen=True, slots=True)
class Alarm:
    id: int
    kind: AlarmKind
    target: str
    meter_id: int | None
    gateway_id: int | None
    severity: str
    active: bool
    raised_at: datetime
    cleared_at: datetime | None
    acknowledged_at: datetime | None
    acknowledged_by: str
    ack_comment: str
    message_template: str
    params: dict[str, Any]
    message: str  # English

    @property
    def label(self) -> str:
        return ALARM_LABELS[self.kind]


def _value(r: AlarmRow) -> Alarm:
    return Alarm(r.id, AlarmKind(r.kind), r.target, r.meter_id, r.gateway_id, r.severity, r.active, r.raised_at,
                 r.cleared_at, r.acknowledged_at, r.acknowledged_by, r.ack_comment, r.message_template,
                 json.loads(r.params_json or "{}"), r.message)


def raise_alarm(s: Session, kind: AlarmKind, target: str, at: datetime, *, meter_id: int | None = None,
                gateway_id: int | None = None, **params: Any) -> Alarm | None:
    """Raise an alarm unless one of this kind is already active for the target (then None)."""
    existing = s.execute(select(AlarmRow.id).where(AlarmRow.active.is_(True), AlarmRow.kind == kind.value,
                                                   AlarmRow.target == target)).first()
    if existing:
        return None
    template = MESSAGES[kind]
    try:
        message = template.format(**params)
    except (KeyError, IndexError):
        message = template
    row = AlarmRow(kind=kind.value, target=target, meter_id=meter_id, gateway_id=gateway_id, severity=SEVERITY[kind],
                   active=True, raised_at=at, message_template=template,
                   params_json=json.dumps(params, ensure_ascii=False, default=str), message=message)
    s.add(row)
    s.flush()
    return _value(row)


def clear_alarm(s: Session, kind: AlarmKind, target: str, at: datetime) -> bool:
    """Clear the active alarm of this kind for the target; True when one was active."""
    row = s.execute(select(AlarmRow).where(AlarmRow.active.is_(True), AlarmRow.kind == kind.value,
                                           AlarmRow.target == target)).scalar_one_or_none()
    if row is None:
        return False
    row.active, row.cleared_at = False, at
    return True


def _min_voltage(s: Session, meter_id: int) -> int | None:
    state = s.get(MeterStateRow, meter_id)
    if state is None or not state.values_json:
        return None
    try:
        volts = [int(v) for v in json.loads(state.values_json).get("voltage_dv") or [] if v]
    except (ValueError, TypeError, AttributeError):
        return None
    return min(volts) if volts else None


AlarmListener = Callable[[Alarm], None]


class AlarmEngine:
    """Turns poll results and events into alarms. State-based and idempotent: after a restart it compares
    the live state with the active alarms in the database, so nothing is raised twice or forgotten."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._listeners: list[AlarmListener] = []
        self._lock = threading.Lock()

    def subscribe(self, fn: AlarmListener) -> Callable[[], None]:
        """Call `fn(alarm)` (from a worker thread) for every newly raised alarm."""
        with self._lock:
            self._listeners.append(fn)

        def unsubscribe() -> None:
            with self._lock:
                if fn in self._listeners:
                    self._listeners.remove(fn)

        return unsubscribe

    def _notify(self, raised: list[Alarm]) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for alarm in raised:
            for fn in listeners:
                try:
                    fn(alarm)
                except Exception:  # noqa: BLE001 - a listener never breaks the engine
                    log.exception("alarm listener failed")

    def on_sweep(self, result: Any) -> None:
        """Poller listener: reconcile the alarms of every meter (and the gateway) in a SweepResult."""
        try:
            raised = self._apply_sweep(result)
        except Exception:  # noqa: BLE001 - the poller must never die because of alarms
            log.exception("alarm engine failed on a sweep result")
            return
        self._notify(raised)

    def _apply_sweep(self, result: Any) -> list[Alarm]:
        now = self.ctx.clock()
        raised: list[Alarm] = []
        with self.ctx.transaction() as s:
            for live in result.changed:
                raised += self.reconcile_meter(s, live, now)
            health = getattr(result, "health", None)
            if health is not None and getattr(result, "complete", True):
                target = f"gateway:{result.gateway_id}"
                connected = bool(getattr(health, "connected", True)) or result.succeeded > 0
                if not connected and result.attempted > 0:
                    a = raise_alarm(s, AlarmKind.GATEWAY_OFFLINE, target, now, gateway_id=result.gateway_id,
                                    gateway=result.gateway, error=result.error or getattr(health, "last_error", ""))
                    if a:
                        raised.append(a)
                elif connected:
                    clear_alarm(s, AlarmKind.GATEWAY_OFFLINE, target, now)
        return raised

    def reconcile_meter(self, s: Session, live: Any, now: datetime) -> list[Alarm]:
        """Raise/clear the meter alarms so that exactly the desired set is active."""
        desired = desired_meter_alarms(MeterAlarmInputs(
            status=live.status, relay_closed=live.relay_closed, forced_open=live.forced_open,
            overload=bool(live.overload), min_voltage_dv=_min_voltage(s, live.meter_id),
            remaining_fen=live.remaining_fen))
        target = f"meter:{live.meter_id}"
        raised: list[Alarm] = []
        for kind in METER_KINDS:
            if kind in desired:
                a = raise_alarm(s, kind, target, now, meter_id=live.meter_id, room=live.room,
                                balance=format_yuan(live.remaining_fen),
                                voltage=f"{(_min_voltage(s, live.meter_id) or 0) / 10:.1f}")
                if a:
                    raised.append(a)
            else:
                clear_alarm(s, kind, target, now)
        return raised

    def raise_event(self, kind: AlarmKind, target: str, *, meter_id: int | None = None, **params: Any) -> Alarm | None:
        """Raise an event alarm (delivery conflict, MAC failure, reconciliation, integrity) in its own
        transaction and notify listeners."""
        with self.ctx.transaction() as s:
            a = raise_alarm(s, kind, target, self.ctx.clock(), meter_id=meter_id, **params)
        if a:
            self._notify([a])
        return a


class AlarmService:
    """Alarm lists (实时报警 / 历史报警) and acknowledgement."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.VIEW)
    def active(self, actor: Actor, kind: AlarmKind | None = None) -> list[Alarm]:
        q = select(AlarmRow).where(AlarmRow.active.is_(True)).order_by(AlarmRow.raised_at.desc(), AlarmRow.id.desc())
        if kind is not None:
            q = q.where(AlarmRow.kind == kind.value)
        with self.ctx.read() as s:
            return [_value(r) for r in s.execute(q).scalars()]

    @requires(Permission.VIEW)
    def history(self, actor: Actor, *, since: datetime | None = None, until: datetime | None = None,
                kind: AlarmKind | None = None, meter_id: int | None = None, limit: int = 5000) -> list[Alarm]:
        q = select(AlarmRow).order_by(AlarmRow.raised_at.desc(), AlarmRow.id.desc()).limit(limit)
        if since is not None:
            q = q.where(AlarmRow.raised_at >= since)
        if until is not None:
            q = q.where(AlarmRow.raised_at < until)
        if kind is not None:
            q = q.where(AlarmRow.kind == kind.value)
        if meter_id is not None:
            q = q.where(AlarmRow.meter_id == meter_id)
        with self.ctx.read() as s:
            return [_value(r) for r in s.execute(q).scalars()]

    @requires(Permission.ACK_ALARMS)
    def acknowledge(self, actor: Actor, alarm_id: int, comment: str = "") -> Alarm:
        with self.ctx.transaction() as s:
            row = s.get(AlarmRow, alarm_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No alarm {id}."), id=alarm_id)
            if row.acknowledged_at is not None:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Alarm {id} was already acknowledged by {name}."),
                                    id=alarm_id, name=row.acknowledged_by)
            row.acknowledged_at, row.acknowledged_by, row.ack_comment = self.ctx.clock(), actor.name, comment.strip()
            audit.append(s, actor, "alarm.ack", f"{row.kind} {row.target}", after={"comment": row.ack_comment},
                         at=self.ctx.clock())
            return _value(row)

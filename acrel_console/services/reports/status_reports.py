"""Reports over the live state: 失联电表, 失联网关, 电参量, 实时报警, 历史报警; 损耗分析 (losses.py)."""

from __future__ import annotations

import json
from datetime import datetime, tzinfo
from decimal import Decimal
from typing import Any, SupportsInt

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from acrel_console.domain.alarms import ALARM_LABELS, AlarmKind
from acrel_console.domain.errors import QT_TRANSLATE_NOOP
from acrel_console.services.bus_health import health_value
from acrel_console.services.export import ColumnKind
from acrel_console.services.reports.model import Period, Report, ReportColumn
from acrel_console.storage.tables.alarms import AlarmRow
from acrel_console.storage.tables.meter_state import BusHealthRow, MeterStateRow
from acrel_console.storage.tables.site import GatewayRow, MeterRow

C = ReportColumn
K = ColumnKind


def offline_meters(s: Session, now_text: str) -> Report:
    """失联电表报表: meters marked offline, since when, their last values."""
    q = (select(MeterRow.room, MeterRow.meter_no, GatewayRow.name, MeterRow.address, MeterRow.model,
                MeterStateRow.offline_since, MeterStateRow.last_success_at, MeterStateRow.remaining_fen,
                MeterStateRow.energy_total, MeterStateRow.last_error)
         .join(GatewayRow, MeterRow.gateway_id == GatewayRow.id)
         .outerjoin(MeterStateRow, MeterStateRow.meter_id == MeterRow.id)
         .where(MeterRow.retired.is_(False))
         .where((MeterStateRow.offline.is_(True)) | (MeterStateRow.meter_id.is_(None)))
         .order_by(GatewayRow.name, MeterRow.address))
    rows = tuple(tuple(r) for r in s.execute(q))
    columns = (C("room", QT_TRANSLATE_NOOP("reports", "Room")), C("meter_no", QT_TRANSLATE_NOOP("reports", "Meter no.")),
               C("gateway", QT_TRANSLATE_NOOP("reports", "Gateway")), C("address", QT_TRANSLATE_NOOP("reports", "Address"), K.INT),
               C("model", QT_TRANSLATE_NOOP("reports", "Model")),
               C("offline_since", QT_TRANSLATE_NOOP("reports", "Offline since"), K.DATETIME),
               C("last_seen", QT_TRANSLATE_NOOP("reports", "Last seen"), K.DATETIME),
               C("remaining", QT_TRANSLATE_NOOP("reports", "Last balance"), K.YUAN),
               C("energy", QT_TRANSLATE_NOOP("reports", "Last energy"), K.KWH),
               C("error", QT_TRANSLATE_NOOP("reports", "Last error")))
    return Report("offline_meters", QT_TRANSLATE_NOOP("reports", "Offline meters"), now_text, columns, rows)


def offline_gateways(s: Session, now_text: str) -> Report:
    """失联网关报表: buses whose last sweep could not connect or reached no meter."""
    total = dict(s.execute(select(MeterRow.gateway_id, func.count(MeterRow.id)).where(MeterRow.retired.is_(False))
                           .group_by(MeterRow.gateway_id)).all())
    q = (select(GatewayRow, BusHealthRow).outerjoin(BusHealthRow, BusHealthRow.gateway_id == GatewayRow.id)
         .order_by(GatewayRow.name))
    rows = []
    for gw, health in s.execute(q):
        if not gw.enabled:
            continue
        connected = bool(health and health.connected)
        online = health.meters_online if health else 0
        if connected and online > 0:
            continue
        endpoint = gw.serial_port if gw.kind == "serial" else f"{gw.host}:{gw.port}"
        h = health_value(gw.id, gw.name, health)  # bus health (design §10): what the line did, in numbers
        rows.append((gw.name, gw.kind, endpoint, total.get(gw.id, 0), online, h.last_sweep_at,
                     None if h.last_sweep_s is None else str(h.last_sweep_s.quantize(Decimal("0.01"))), h.requests,
                     h.timeouts, h.crc_errors, h.reconnects, h.last_error))
    columns = (C("gateway", QT_TRANSLATE_NOOP("reports", "Gateway")), C("mode", QT_TRANSLATE_NOOP("reports", "Mode")),
               C("endpoint", QT_TRANSLATE_NOOP("reports", "Endpoint")),
               C("meters", QT_TRANSLATE_NOOP("reports", "Meters"), K.INT),
               C("online", QT_TRANSLATE_NOOP("reports", "Online"), K.INT),
               C("last_sweep", QT_TRANSLATE_NOOP("reports", "Last sweep"), K.DATETIME),
               C("sweep_s", QT_TRANSLATE_NOOP("reports", "Sweep duration (s)")),
               C("requests", QT_TRANSLATE_NOOP("reports", "Requests"), K.INT),
               C("timeouts", QT_TRANSLATE_NOOP("reports", "Timeouts"), K.INT),
               C("crc_errors", QT_TRANSLATE_NOOP("reports", "CRC errors"), K.INT),
               C("reconnects", QT_TRANSLATE_NOOP("reports", "Reconnects"), K.INT),
               C("error", QT_TRANSLATE_NOOP("reports", "Last error")))
    return Report("offline_gateways", QT_TRANSLATE_NOOP("reports", "Offline gateways"), now_text, columns, tuple(rows))


def _triple(values: dict[str, Any], key: str) -> list[Any]:  # parsed JSON
    raw = values.get(key) or []
    seq = list(raw) if isinstance(raw, (list, tuple)) else []
    return (seq + [None, None, None, None])[:4]


def electrical_parameters(s: Session, now_text: str) -> Report:
    """电参量监控: the latest voltages, currents, power, PF of every meter with the reading time."""
    q = (select(MeterRow.room, MeterRow.meter_no, MeterStateRow.values_json, MeterStateRow.last_success_at)
         .join(MeterStateRow, MeterStateRow.meter_id == MeterRow.id)
         .where(MeterRow.retired.is_(False), MeterStateRow.last_success_at.is_not(None))
         .order_by(MeterRow.room))
    rows = []
    for room, meter_no, values_json, read_at in s.execute(q):
        try:
            values = json.loads(values_json or "{}")
        except ValueError:
            values = {}
        u, i, p, pf = (_triple(values, k) for k in ("voltage_dv", "current_ca", "power_w", "pf_milli"))
        p_total = p[3] if p[3] is not None else p[0]
        pf_total = pf[3] if pf[3] is not None else pf[0]
        rows.append((room, meter_no, *[_dec(v, 1) for v in u[:3]], *[_dec(v, 2) for v in i[:3]],
                     _dec(p_total, 3), _dec(pf_total, 3), read_at))
    columns = (C("room", QT_TRANSLATE_NOOP("reports", "Room")), C("meter_no", QT_TRANSLATE_NOOP("reports", "Meter no.")),
               C("ua", "Ua (V)"), C("ub", "Ub (V)"), C("uc", "Uc (V)"),
               C("ia", "Ia (A)"), C("ib", "Ib (A)"), C("ic", "Ic (A)"),
               C("p", QT_TRANSLATE_NOOP("reports", "Power (kW)")), C("pf", QT_TRANSLATE_NOOP("reports", "Power factor")),
               C("read_at", QT_TRANSLATE_NOOP("reports", "Read at"), K.DATETIME))
    return Report("electrical", QT_TRANSLATE_NOOP("reports", "Electrical parameters"), now_text, columns, tuple(rows))


def _dec(value: SupportsInt | str | None, places: int) -> str | None:
    """An integer in 10**-places units as decimal text (W -> kW is places=3)."""
    if value is None:
        return None
    from decimal import Decimal

    return str((Decimal(int(value)) / (10**places)).quantize(Decimal(1).scaleb(-places)))


def _alarm_rows(s: Session, q: Select[AlarmRow]) -> tuple[tuple[object, ...], ...]:
    rooms = dict(s.execute(select(MeterRow.id, MeterRow.room)).all())
    out = []
    for r in s.execute(q).scalars():
        room = r.target if r.meter_id is None else rooms.get(r.meter_id, r.target)
        out.append((r.id, room, ALARM_LABELS[AlarmKind(r.kind)], r.message, r.raised_at,
                    r.cleared_at, r.acknowledged_by, r.acknowledged_at, r.ack_comment))
    return tuple(out)


ALARM_COLUMNS = (C("id", QT_TRANSLATE_NOOP("reports", "No."), K.INT), C("room", QT_TRANSLATE_NOOP("reports", "Room")),
                 C("kind", QT_TRANSLATE_NOOP("reports", "Alarm")), C("message", QT_TRANSLATE_NOOP("reports", "Message")),
                 C("raised", QT_TRANSLATE_NOOP("reports", "Raised at"), K.DATETIME),
                 C("cleared", QT_TRANSLATE_NOOP("reports", "Cleared at"), K.DATETIME),
                 C("ack_by", QT_TRANSLATE_NOOP("reports", "Acknowledged by")),
                 C("ack_at", QT_TRANSLATE_NOOP("reports", "Acknowledged at"), K.DATETIME),
                 C("comment", QT_TRANSLATE_NOOP("reports", "Comment")))


def realtime_alarms(s: Session, now_text: str) -> Report:
    """电表实时报警报表: the active alarms (alarm 1, alarm 2, arrears, open relay, overload, under-voltage ...)."""
    q = select(AlarmRow).where(AlarmRow.active.is_(True)).order_by(AlarmRow.raised_at.desc())
    return Report("alarms_active", QT_TRANSLATE_NOOP("reports", "Real-time alarms"), now_text, ALARM_COLUMNS,
                  _alarm_rows(s, q))


def alarm_history(s: Session, period: Period) -> Report:
    """电表报警记录历史报表: alarms raised in the period, cleared and acknowledged by whom."""
    q = (select(AlarmRow).where(AlarmRow.raised_at >= period.start_utc, AlarmRow.raised_at < period.end_utc)
         .order_by(AlarmRow.raised_at.desc()))
    return Report("alarms_history", QT_TRANSLATE_NOOP("reports", "Alarm history"), period.text, ALARM_COLUMNS,
                  _alarm_rows(s, q))


def loss_analysis(s: Session, period: Period, by: str = "total") -> Report:
    """损耗分析 (services.reports.losses)."""
    from acrel_console.services.reports.losses import loss_report

    return loss_report(s, period, by)


def now_text(at: datetime, zone: tzinfo) -> str:
    return at.astimezone(zone).strftime("%Y-%m-%d %H:%M")

"""Alarm engine: raised once per transition, cleared on recovery, restart-safe; acknowledgement logged."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

import pytest

from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.errors import ConflictError, PermissionDenied
from acrel_console.domain.roles import Role
from acrel_console.domain.status import MeterStatus
from acrel_console.services.alarms import AlarmEngine, AlarmService
from tests.services.helpers import Live, Sweep, make_services


def test_transitions_raise_once_and_clear(db_url: str) -> None:
    svc, admin = make_services(db_url)
    svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    m = svc.site.add_meter(admin, gateway="G", address=1, model="DDSY1352", room="A-101")
    t = [datetime(2026, 3, 1, 8, tzinfo=timezone.utc)]
    svc.ctx.clock = lambda: t[0]
    engine, alarms = AlarmEngine(svc.ctx), AlarmService(svc.ctx)
    seen: list[AlarmKind] = []
    engine.subscribe(lambda a: seen.append(a.kind))
    live = Live(m.id, "A-101", MeterStatus.ALARM1, True, False, False, 4000)
    for _ in range(3):  # the same state on every sweep raises one alarm
        engine.on_sweep(Sweep(1, "G", (live,), 1, 1))
        t[0] += timedelta(minutes=3)
    assert seen == [AlarmKind.ALARM1]
    engine.on_sweep(Sweep(1, "G", (replace(live, status=MeterStatus.ARREARS, remaining_fen=-10,
                                           relay_closed=False),), 1, 1))
    assert seen == [AlarmKind.ALARM1, AlarmKind.ARREARS]
    active = alarms.active(admin)
    assert [a.kind for a in active] == [AlarmKind.ARREARS]
    assert "A-101" in active[0].message and "-0.10" in active[0].message
    history = alarms.history(admin)
    assert {a.kind for a in history} == {AlarmKind.ALARM1, AlarmKind.ARREARS}
    assert next(a for a in history if a.kind is AlarmKind.ALARM1).cleared_at is not None
    # restart: a new engine over the same database raises nothing new for the same state
    engine2 = AlarmEngine(svc.ctx)
    again: list[AlarmKind] = []
    engine2.subscribe(lambda a: again.append(a.kind))
    engine2.on_sweep(Sweep(1, "G", (replace(live, status=MeterStatus.ARREARS, remaining_fen=-10,
                                            relay_closed=False),), 1, 1))
    assert again == []
    svc.close()


def test_ack_needs_right_and_is_logged(db_url: str) -> None:
    svc, admin = make_services(db_url)
    engine, alarms = AlarmEngine(svc.ctx), AlarmService(svc.ctx)
    a = engine.raise_event(AlarmKind.MAC_FAILURE, "command:abc", command="abc")
    assert a is not None and engine.raise_event(AlarmKind.MAC_FAILURE, "command:abc", command="abc") is None
    svc.operators.add(admin, "cash", Role.CASHIER, "cashpw12")
    cashier = svc.operators.login("cash", "cashpw12")
    with pytest.raises(PermissionDenied):
        alarms.acknowledge(cashier, a.id, "seen")
    acked = alarms.acknowledge(admin, a.id, "checked the row")
    assert acked.acknowledged_by == "admin" and acked.active  # acknowledged, still active until cleared
    with pytest.raises(ConflictError):
        alarms.acknowledge(admin, a.id, "again")
    assert any(e.kind == "alarm.ack" for e in svc.audit.list(admin))
    svc.close()


def test_gateway_offline_alarm(db_url: str) -> None:
    svc, admin = make_services(db_url)
    engine, alarms = AlarmEngine(svc.ctx), AlarmService(svc.ctx)

    @dataclass(frozen=True)
    class Health:
        connected: bool
        last_error: str = "connection refused"

    gw = svc.site.add_gateway(admin, name="GW3", kind="rtu-over-tcp", tcp="127.0.0.1:1503")
    engine.on_sweep(Sweep(gw.id, "GW3", (), 5, 0, health=Health(False), error="connection refused"))
    assert [a.kind for a in alarms.active(admin)] == [AlarmKind.GATEWAY_OFFLINE]
    assert "connection refused" in alarms.active(admin)[0].message
    engine.on_sweep(Sweep(gw.id, "GW3", (), 5, 5, health=Health(True)))
    assert alarms.active(admin) == []
    svc.close()

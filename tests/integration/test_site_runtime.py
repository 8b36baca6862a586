"""The site runtime end to end: simulator over TCP loopback, poller under the lease, alarm engine fed
by sweeps, maintenance jobs; a second runtime for the same site stays a workstation."""

from __future__ import annotations

from datetime import datetime

from acrel_console.domain.alarms import AlarmKind
from acrel_console.drivers.simulator import FakeClock, SimBus, SimMeter, start_tcp
from acrel_console.runtime import SiteRuntime
from acrel_console.services.accounts import AccountService
from tests.services.helpers import make_services


def test_runtime_polls_raises_alarms_and_holds_the_lease(sqlite_url: str) -> None:
    svc, admin = make_services(sqlite_url)
    bus = SimBus([SimMeter(address=1, remaining_fen=100_000), SimMeter(address=2, remaining_fen=-500),
                  SimMeter(address=3, remaining_fen=1_000)], clock=FakeClock(datetime(2026, 3, 2, 9, 0)))
    with start_tcp(bus, mode="rtu-over-tcp") as srv:
        svc.site.add_gateway(admin, name="G", kind="rtu-over-tcp", tcp=f"127.0.0.1:{srv.port}", timeout_ms=300)
        ids = [svc.site.add_meter(admin, gateway="G", address=a, model="DDSY1352", room=f"R{a}").id for a in (1, 2, 3)]
        AccountService(svc.ctx).open_account(admin, "T", "R", ids)
        runtime = SiteRuntime(svc, maintenance=True)
        other = SiteRuntime(svc, maintenance=False)
        try:
            assert runtime.start()
            assert not other.start()  # one dispatcher per site
            for fut in runtime.poller.sweep_now():
                fut.result(timeout=30)
            kinds = {(a.meter_id, a.kind) for a in svc.alarms.active(admin)}
            assert (ids[1], AlarmKind.ARREARS) in kinds
            assert (ids[2], AlarmKind.ALARM2) in kinds
            assert not any(m == ids[0] for m, _k in kinds)
            live = {m.meter_id: m for m in svc.meters.list_live(admin)}
            assert live[ids[0]].remaining_fen == 100_000
        finally:
            other.stop()
            runtime.stop()
    assert not runtime.running
    svc.close()


def test_arrears_alarm_texts_the_tenant_through_the_modem_simulator(sqlite_url: str) -> None:
    """Alarm engine -> SMS policy -> AT modem (pty simulator): the tenant gets one text per level per day."""
    from acrel_console.drivers.sms.modem_sim import ModemSimulator
    from acrel_console.services.base import Actor

    svc, admin = make_services(sqlite_url)
    bus = SimBus([SimMeter(address=1, remaining_fen=-500)], clock=FakeClock(datetime(2026, 3, 2, 9, 0)))
    # 10:00 in Shanghai: outside the default quiet hours
    svc.ctx.clock = lambda: datetime(2026, 3, 2, 2, 0, tzinfo=__import__("datetime").timezone.utc)
    with ModemSimulator() as modem, start_tcp(bus, mode="modbus-tcp") as srv:
        svc.settings.update(admin, {"sms_driver": "modem", "sms_modem_port": modem.port})
        svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp=f"127.0.0.1:{srv.port}", timeout_ms=300)
        mid = svc.site.add_meter(admin, gateway="G", address=1, model="DDSY1352", room="A-101").id
        AccountService(svc.ctx).open_account(admin, "张三", "A-101", [mid], phone="13800138000")
        runtime = SiteRuntime(svc, maintenance=False)
        try:
            assert runtime.start()
            for _ in range(2):
                for fut in runtime.poller.sweep_now():
                    fut.result(timeout=30)
            svc.sms.process_due(Actor.system())
        finally:
            runtime.stop()
        sent = [(m.decoded.number, m.decoded.text) for m in modem.sent]
    assert len(sent) == 1, sent
    number, text = sent[0]
    assert number.endswith("13800138000") and "欠费" in text and "张三" in text
    assert [m.status for m in svc.sms.messages(admin)] == ["sent"]
    svc.close()

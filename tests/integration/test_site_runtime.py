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


def test_console_side_billing_and_reconciliation_alarm(sqlite_url: str) -> None:
    """An ADL400 (metering only) is billed by the console from fresh readings; a meter-side meter showing
    more money than the ledger delivered raises a reconciliation alarm."""
    from decimal import Decimal

    from acrel_console.domain.alarms import AlarmKind
    from acrel_console.drivers.simulator import Model
    from acrel_console.services.tariffs import flat

    svc, admin = make_services(sqlite_url)
    svc.ctx.site_key = bytes.fromhex("0123456789ABCDEFFEDCBA9876543210")
    clock = FakeClock(datetime(2026, 3, 2, 9, 0))
    bus = SimBus([SimMeter(address=1, model=Model.ADL400, load_w=10_000),
                  SimMeter(address=2, remaining_fen=90_000)], clock=clock)
    with start_tcp(bus, mode="modbus-tcp") as srv:
        svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp=f"127.0.0.1:{srv.port}", timeout_ms=300)
        adl = svc.site.add_meter(admin, gateway="G", address=1, model="ADL400", room="M-1").id
        dd = svc.site.add_meter(admin, gateway="G", address=2, model="DDSY1352", room="D-2").id
        AccountService(svc.ctx).open_account(admin, "T", "R", [adl, dd])
        tariff = svc.tariffs.create(admin, "flat 1 yuan", flat(10_000))
        svc.tariffs.assign(admin, tariff.tariff_id, [adl], download=False)
        svc.vending.sell(admin, adl, Decimal("100.00"), "cash")
        runtime = SiteRuntime(svc, maintenance=False)
        try:
            assert runtime.start()
            for _ in range(2):
                for fut in runtime.poller.sweep_now():
                    fut.result(timeout=30)
                clock.advance(3600)  # 10 kW for an hour: 10 kWh = 10.00 yuan at 1 yuan/kWh
            for fut in runtime.poller.sweep_now():
                fut.result(timeout=30)
            runtime._check_reconciliation()  # noqa: SLF001 - the hourly job, run now
        finally:
            runtime.stop()
    from acrel_console.ledger.book import ledger_credit_fen

    with svc.ctx.read() as s:
        assert ledger_credit_fen(s, adl) == 100_00 - 2 * 10_00  # two fresh hours billed, the baseline not
    billed = [e for e in svc.audit.list(admin, kind="billing.interval") if '"cost":"10.00"' in e.after]
    assert len(billed) == 2
    kinds = {(a.meter_id, a.kind) for a in svc.alarms.active(admin)}
    assert (dd, AlarmKind.RECONCILIATION) in kinds  # 900.00 on the meter, nothing sold through the ledger
    assert (adl, AlarmKind.RECONCILIATION) not in kinds
    svc.close()


def test_after_sale_text_through_the_modem(sqlite_url: str) -> None:
    """充值提醒: with after-sale texts on, a delivered sale texts the tenant its amount and balance, once."""
    import time

    from acrel_console.drivers.sms.modem_sim import ModemSimulator

    svc, admin = make_services(sqlite_url)
    svc.ctx.site_key = bytes.fromhex("0123456789ABCDEFFEDCBA9876543210")
    bus = SimBus([SimMeter(address=1, remaining_fen=10_000)], clock=FakeClock(datetime(2026, 3, 2, 9, 0)))
    with ModemSimulator() as modem, start_tcp(bus, mode="modbus-tcp") as srv:
        svc.settings.update(admin, {"sms_driver": "modem", "sms_modem_port": modem.port, "sms_after_sale": True})
        svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp=f"127.0.0.1:{srv.port}", timeout_ms=300)
        mid = svc.site.add_meter(admin, gateway="G", address=1, model="DDSY1352", room="A-101").id
        AccountService(svc.ctx).open_account(admin, "张三", "A-101", [mid], phone="13800138000")
        runtime = SiteRuntime(svc, maintenance=False)
        try:
            assert runtime.start()
            for fut in runtime.poller.sweep_now():
                fut.result(timeout=30)
            sale = svc.vending.sell(admin, mid, "20.00", "cash")
            runtime.meters.dispatcher.poke()
            deadline = time.monotonic() + 20
            while svc.vending.delivery(admin, sale.command_id).state != "delivered" and time.monotonic() < deadline:
                time.sleep(0.05)
            runtime._send_due_texts()  # noqa: SLF001 - the 30-second job, run now
            runtime._send_due_texts()  # noqa: SLF001 - twice: still one text
        finally:
            runtime.stop()
        texts = [m.decoded.text for m in modem.sent]
    assert len(texts) == 1 and "20.00" in texts[0] and "120.00" in texts[0] and "现金" in texts[0], texts
    svc.close()

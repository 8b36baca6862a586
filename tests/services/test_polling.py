"""The poller against the simulator over real TCP loopback (Modbus-TCP and RTU-over-TCP framing)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from acrel_console.drivers.api import BusConfig, MeterBus
from acrel_console.drivers.bus import open_bus
from acrel_console.drivers.simulator.faults import Fault
from acrel_console.drivers.simulator.meter import Model
from acrel_console.services.meter_views import MeterViewService
from acrel_console.storage.tables.meter_state import MeterStateRow
from acrel_console.storage.tables.operators import AuditRow
from acrel_console.storage.reading_days import of_meter
from acrel_console.storage.tables.readings import DailyEnergyRow
from tests.integration.sim_site import SimSite, make_site, meters, wait_for


@pytest.fixture
def site(db_url: str):  # type: ignore[no-untyped-def]
    s = make_site(db_url)
    yield s
    s.close()


@pytest.fixture
def sqlite_site(sqlite_url: str):  # type: ignore[no-untyped-def]
    """SQLite only: bus-heavy tests whose database side is covered on both backends elsewhere."""
    s = make_site(sqlite_url)
    yield s
    s.close()


def _audit_kinds(site: SimSite, kind: str) -> list[tuple[str, str]]:
    """(target, operator) of the operation-log rows of one kind, in order."""
    with site.ctx.read() as s:
        return [(r.target, r.operator_name) for r in
                s.execute(select(AuditRow).where(AuditRow.kind == kind).order_by(AuditRow.id)).scalars()]


def test_one_sweep_reads_every_model_on_both_tcp_framings(site: SimSite) -> None:
    site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, range(1, 6), remaining_fen=12_345))
    site.add_bus("B", "rtu-over-tcp", meters(Model.DTSY1352, range(1, 4)) + meters(Model.ADF400L, range(37, 40)))
    with site.poller() as p:
        results = {r.gateway: r for r in p.run_once()}
    assert set(results) == {"A", "B"}
    assert (results["A"].succeeded, results["A"].failed) == (5, 0)
    assert (results["B"].succeeded, results["B"].failed) == (6, 0)
    assert results["A"].health is not None and results["A"].health.meters_online == 5
    assert results["B"].health is not None and results["B"].health.requests >= 6
    live = {m.room: m for r in results.values() for m in r.changed}
    assert live["A-001"].remaining_fen == 12_345 and live["A-001"].relay_closed is True
    assert live["B-037"].model == "ADF400L" and live["B-037"].last_seen is not None
    detail = MeterViewService(site.ctx).detail(site.admin, site.meter_ids[("B", 1)])
    assert len(detail.voltage_v) == 3 and detail.energy_by_period is not None and detail.meter_clock is not None


def test_offline_and_recovery_are_logged_once(site: SimSite) -> None:
    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, range(1, 4)))
    with site.poller() as p:
        p.run_once()
        bus.inject(2, Fault.SILENCE)
        for _ in range(6):
            p.run_once()
        offline = _audit_kinds(site, "meter.offline")
        assert offline == [("A/2", "system")]
        live = {m.address: m for m in MeterViewService(site.ctx).list_live(site.admin)}
        assert live[2].status.value == "offline" and live[1].status.value == "unopened"
        bus.clear_faults(2)
        wait_for(lambda: any((2 in {m.address for m in r.changed if m.consecutive_failures == 0})
                             for r in p.run_once()), what="recovery probe")
        for _ in range(3):
            p.run_once()
    assert _audit_kinds(site, "meter.online") == [("A/2", "system")]
    assert len(_audit_kinds(site, "meter.offline")) == 1


def test_backoff_skips_dead_meter_and_survives_restart(site: SimSite) -> None:
    bus = site.add_bus("A", "rtu-over-tcp", meters(Model.DDSY1352, range(1, 4)))
    bus.inject(3, Fault.SILENCE)
    pattern = []
    with site.poller() as p:
        for _ in range(9):
            r = p.run_once()[0]
            pattern.append("." if r.skipped else "P")
    assert "".join(pattern) == "PPP.P...P"
    with site.ctx.read() as s:
        st = s.get(MeterStateRow, site.meter_ids[("A", 3)])
        assert st is not None and st.offline and st.backoff_level == 3 and st.consecutive_failures == 5
    with site.poller() as p2:  # a restart: the back-off continues from the database
        skipped = [p2.run_once()[0].skipped for _ in range(8)]
    assert skipped == [1, 1, 1, 1, 1, 1, 1, 0]
    # 3 sweeps before offline try twice each (retries=1); the 3 back-off probes are single tries
    assert bus.stats.faults["silence"] == 3 * 2 + 3


def test_history_rows_and_daily_energy(site: SimSite) -> None:
    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, range(1, 3), load_w=0))
    bus.meter(1).energy = [100, 200, 300, 400]
    with site.poller() as p:
        p.run_once(history=True)
        bus.meter(1).energy = [110, 250, 300, 405]
        p.run_once(history=False)  # a status sweep stores no history row
        p.run_once(history=True)
    mid = site.meter_ids[("A", 1)]
    with site.ctx.read() as s:
        assert len(of_meter(s, mid)) == 2
        days = [(d.energy_p1, d.energy_p2, d.energy_p3, d.energy_p4, d.energy_total, d.readings, d.end_total)
                for d in s.execute(select(DailyEnergyRow).where(DailyEnergyRow.meter_id == mid)).scalars()]
    assert days == [(10, 50, 0, 5, 65, 2, 1065)]


class _BuggyBus:
    """Wraps a real bus; every read of address 2 raises a non-bus exception (a driver bug)."""

    def __init__(self, inner: MeterBus) -> None:
        self.inner = inner
        self.counters = inner.counters

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.inner, name)

    def read_realtime(self, address: int, model: str):  # type: ignore[no-untyped-def]
        if address == 2:
            raise RuntimeError("decoder bug")
        return self.inner.read_realtime(address, model)


def test_poller_survives_garbage_and_bugs(sqlite_site: SimSite) -> None:
    site = sqlite_site
    bus = site.add_bus("A", "rtu-over-tcp", meters(Model.DDSY1352, range(1, 10)), retries=0)
    with site.poller(bus_factory=lambda c: _BuggyBus(open_bus(c))) as p:
        p.run_once()
        with site.ctx.read() as s:
            before = {r.meter_id: (r.remaining_fen, r.energy_total) for r in s.execute(select(MeterStateRow)).scalars()}
        faults = {3: Fault.GARBAGE, 4: Fault.CRC_ERROR, 5: Fault.TRUNCATED, 6: Fault.WRONG_UNIT, 7: Fault.EXCEPTION,
                  8: Fault.CONNECTION_RESET, 9: Fault.LATE_REPLY}
        for addr, fault in faults.items():
            bus.inject(addr, fault)
        for _ in range(4):
            results = p.run_once()
            assert len(results) == 1
        r = results[0]
        assert r.succeeded == 1 and p.workers()[next(iter(p.workers()))].alive
        h = r.health
        assert h is not None and h.crc_errors >= 1 and h.frame_errors >= 1 and h.exceptions >= 1 and h.timeouts >= 1
        with site.ctx.read() as s:
            after = {r.meter_id: (r.remaining_fen, r.energy_total) for r in s.execute(select(MeterStateRow)).scalars()}
        for addr in [2, *faults]:
            mid = site.meter_ids[("A", addr)]
            assert after[mid] == before.get(mid, (None, None))  # bad input changed nothing
        offline = {t for t, _ in _audit_kinds(site, "meter.offline")}
        assert offline == {f"A/{a}" for a in [2, *faults]}
        bus.clear_faults()
        assert p.run_once()[0].succeeded >= 1


def test_unreachable_gateway_fails_fast_and_goes_offline(sqlite_site: SimSite) -> None:
    site = sqlite_site
    site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, range(1, 4)))
    site.servers[0].stop()  # the gateway refuses connections now
    with site.poller() as p:
        for _ in range(3):
            r = p.run_once()[0]
            assert r.failed == 3 and r.health is not None and not r.health.connected
    assert len(_audit_kinds(site, "meter.offline")) == 3


def test_settings_change_is_picked_up_without_restart(sqlite_site: SimSite) -> None:
    site = sqlite_site
    site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, range(1, 2)))
    p = site.poller(settings_refresh_s=0.05)
    p.start()
    try:
        assert p._scheduler is not None
        # status sweeps start at the pace (10 s), never slower than the status interval (the promise)
        assert p._scheduler.get_job("status").trigger.interval == timedelta(seconds=10)
        site.svc.settings.update(site.admin, {"status_cycle_s": 30, "history_interval_s": 600})
        wait_for(lambda: p._scheduler.get_job("status").trigger.interval == timedelta(seconds=30), what="reschedule")
        site.svc.settings.update(site.admin, {"status_interval_s": 20})
        wait_for(lambda: p.settings.status_interval_s == 20, what="settings refresh")
        wait_for(lambda: p._scheduler.get_job("status").trigger.interval == timedelta(seconds=20), what="reschedule")
        assert p._scheduler.get_job("history").trigger.interval == timedelta(seconds=600)
        site.svc.site.add_gateway(site.admin, name="B", kind="modbus-tcp", host="127.0.0.1", port=1)
        wait_for(lambda: len(p.workers()) == 2, what="new gateway picked up")
    finally:
        p.stop()
    assert p._scheduler is None


def test_command_runs_between_meters_of_a_running_sweep(sqlite_site: SimSite) -> None:
    site = sqlite_site
    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, range(1, 41)))
    bus.reply_latency_s = 0.01
    with site.poller() as p:
        p.run_once()
        worker = next(iter(p.workers().values()))
        start = bus.stats.requests
        fut = worker.request_sweep()
        wait_for(lambda: bus.stats.requests >= start + 2, what="sweep under way")
        seen = worker.submit(lambda w: bus.stats.requests - start).result(timeout=30)
        sweep = fut.result(timeout=30)
    assert 2 <= seen < 40 and sweep.succeeded == 40


def test_keep_power_and_forced_trip_show_without_a_command(sqlite_site: SimSite) -> None:
    """Forced states set elsewhere (another console, the meter's keypad) are read back by the sweep."""
    site = sqlite_site
    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1, 2, 3], remaining_fen=5_000))
    bus.meter(1).remaining_fen = -300
    bus.meter(1).force_all(True, False)  # keep power while in arrears
    bus.meter(2).force_all(True, True)  # forced trip with money left
    with site.poller() as p:
        p.run_once()
        live = {m.address: m for m in MeterViewService(site.ctx).list_live(site.admin)}
        assert (live[1].keep_power, live[1].relay_closed) == (True, True)
        assert (live[2].keep_power, live[2].forced_open, live[2].relay_closed) == (False, True, False)
        assert live[3].keep_power is False and live[3].forced is False
        reads = bus.stats.by_function.get(3, 0)
        p.run_once()  # force registers (0x0057/58) re-read only for the forced meters, never a status bit
        assert bus.stats.by_function.get(3, 0) - reads == 3 + 2
        bus.meter(2).force_all(False, False)  # released elsewhere: seen at the next sweep
        p.run_once()
    live = {m.address: m for m in MeterViewService(site.ctx).list_live(site.admin)}
    assert live[2].forced is False and live[2].relay_closed is True


class _NoForceBits:
    """A bus whose profile has no force bits in the real-time block (forced read back separately)."""

    def __init__(self, inner: MeterBus) -> None:
        self.inner = inner
        self.counters = inner.counters

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.inner, name)

    def read_realtime(self, address: int, model: str):  # type: ignore[no-untyped-def]
        import dataclasses

        return dataclasses.replace(self.inner.read_realtime(address, model), forced=None, forced_open=None)

    def read_status(self, address: int, model: str):  # type: ignore[no-untyped-def]
        import dataclasses

        return dataclasses.replace(self.inner.read_status(address, model), forced=None, forced_open=None)


def test_force_state_read_back_when_the_block_lacks_it(sqlite_site: SimSite) -> None:
    site = sqlite_site
    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1, 2, 3], remaining_fen=5_000))
    bus.meter(1).remaining_fen = -300
    bus.meter(1).force_all(True, False)
    with site.poller(bus_factory=lambda c: _NoForceBits(open_bus(c))) as p:
        p.run_once()  # unknown force state: read back for every meter
        assert bus.stats.by_function[3] == 3 + 3
        p.run_once()  # then only the forced (and the inconsistent) ones
        assert bus.stats.by_function[3] == 6 + 3 + 1
    live = {m.address: m for m in MeterViewService(site.ctx).list_live(site.admin)}
    assert live[1].keep_power is True and live[2].keep_power is False

"""Remote control through the dispatcher, against the simulator over TCP loopback: every command on
every prepaid model, batches with failures, read-back mismatch, cancel, resend, permissions, export."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from acrel_console.domain.errors import PermissionDenied, ValidationError
from acrel_console.domain.roles import Role
from acrel_console.drivers.bus import open_bus
from acrel_console.drivers.simulator.faults import Fault
from acrel_console.drivers.simulator.meter import Model
from acrel_console.services.base import Actor
from acrel_console.services.dispatcher import MeterRuntime
from acrel_console.services.remote_control import CommandProgress, RemoteControlService
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.operators import AuditRow
from tests.integration.sim_site import SimSite, make_site, meters, wait_for

KINDS = [("trip", {}), ("keep_power", {}), ("restore_prepaid", {}), ("close", {}),
         ("price_download", {"prices_yuan": ["1.5000", "1.2", "0.8", "0.45"]}),
         ("settings_download", {"alarm1_fen": 3000, "alarm2_fen": 1000, "overload_power_w": 5000}),
         ("clock_sync", {})]


@pytest.fixture
def site(db_url: str) -> Iterator[SimSite]:
    s = make_site(db_url)
    yield s
    s.close()


@pytest.fixture
def sqlite_site(sqlite_url: str) -> Iterator[SimSite]:
    """SQLite only: bus-heavy tests whose database side is covered on both backends elsewhere."""
    s = make_site(sqlite_url)
    yield s
    s.close()


def start_runtime(site: SimSite, bus_factory=None) -> tuple[MeterRuntime, RemoteControlService]:  # type: ignore[no-untyped-def]
    rc = RemoteControlService(site.ctx)
    rt = MeterRuntime(site.ctx, remote=rc, bus_factory=bus_factory)
    assert rt.start()
    return rt, rc


def run_batch(rc: RemoteControlService, actor: Actor, ids: list[int], kind: str, params: dict,  # type: ignore[type-arg]
              reason: str = "test") -> list[CommandProgress]:
    batch = rc.submit(actor, ids, kind, params, reason)
    return wait_for(lambda: (p := rc.batch_progress(actor, batch)) and all(x.done for x in p) and p,
                    what=f"batch {kind}")


@pytest.mark.parametrize("model, mode", [(Model.DDSY1352, "modbus-tcp"), (Model.DTSY1352, "rtu-over-tcp"),
                                         (Model.ADF400L, "rtu-over-tcp")])
def test_every_command_on_every_prepaid_model(sqlite_site: SimSite, model: Model, mode: str) -> None:
    site = sqlite_site
    first = 37 if model is Model.ADF400L else 1
    bus = site.add_bus("A", mode, meters(model, range(first, first + 2), remaining_fen=5_000))
    ids = sorted(site.meter_ids.values())
    rt, rc = start_runtime(site)
    try:
        for kind, params in KINDS:
            if model is Model.ADF400L and kind == "settings_download":
                # the simulator has no ADF per-circuit power-control block (0x0700) yet: alarms only
                params = {"alarm1_fen": 3000, "alarm2_fen": 1000}
            progress = run_batch(rc, site.admin, ids, kind, params)
            assert [(p.state, p.outcome) for p in progress] == [("delivered", "confirmed")] * 2, (kind, progress)
            m = bus.meter(first)
            if kind == "trip":
                assert not any(m.relay_closed)
            elif kind == "keep_power":
                assert all(m.relay_closed)
            elif kind == "price_download":
                assert list(m.prices) == [15000, 12000, 8000, 4500]
            elif kind == "settings_download":
                assert (m.alarm1_fen, m.alarm2_fen) == (3000, 1000)
    finally:
        rt.stop()
    with site.ctx.read() as s:
        kinds = [k for (k,) in s.execute(select(AuditRow.kind).where(AuditRow.kind.like("control.%")))]
    assert kinds.count("control.confirmed") == 2 * len(KINDS)
    assert {f"control.{k}" for k, _ in KINDS} <= set(kinds)


def test_close_refuses_a_meter_in_arrears_and_keep_power_powers_it(sqlite_site: SimSite) -> None:
    site = sqlite_site
    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1], remaining_fen=-50))
    mid = site.meter_ids[("A", 1)]
    rt, rc = start_runtime(site)
    try:
        assert not any(bus.meter(1).relay_closed)  # tripped by its own prepaid logic
        [p] = run_batch(rc, site.admin, [mid], "close", {})
        assert (p.state, p.outcome) == ("failed", "refused") and "keep power" in p.error
        [p] = run_batch(rc, site.admin, [mid], "keep_power", {})
        assert p.outcome == "confirmed" and all(bus.meter(1).relay_closed)
    finally:
        rt.stop()


def test_batch_with_silent_meters_reports_failures_and_resends(site: SimSite) -> None:
    bus = site.add_bus("A", "rtu-over-tcp", meters(Model.DDSY1352, range(1, 7)))
    bus.inject(2, Fault.SILENCE)
    bus.inject(5, Fault.SILENCE)
    ids = [site.meter_ids[("A", a)] for a in range(1, 7)]
    rt, rc = start_runtime(site)
    try:
        progress = run_batch(rc, site.admin, ids, "trip", {}, reason="maintenance")
        by_addr = {p.address: p for p in progress}
        assert {a for a, p in by_addr.items() if p.outcome == "no_reply"} == {2, 5}
        assert {a for a, p in by_addr.items() if p.outcome == "confirmed"} == {1, 3, 4, 6}
        assert all(p.reason == "maintenance" and p.created_by == "admin" for p in progress)
        summary = rc.batch_summary(site.admin, progress[0].batch_id)  # type: ignore[arg-type]
        assert (summary.total, summary.confirmed, summary.failed, summary.pending) == (6, 4, 2, 0)
        bus.clear_faults()
        assert rc.resend_failed(site.admin, progress[0].batch_id, "retry") == 2  # type: ignore[arg-type]
        batch = progress[0].batch_id
        wait_for(lambda: all(p.done for p in rc.batch_progress(site.admin, batch)), what="resend")  # type: ignore[arg-type]
        assert {p.outcome for p in rc.batch_progress(site.admin, batch)} == {"confirmed"}  # type: ignore[arg-type]
    finally:
        rt.stop()
    with site.ctx.read() as s:
        rows = [(k, r) for k, r in s.execute(select(AuditRow.kind, AuditRow.reason).where(AuditRow.kind == "control.no_reply"))]
    assert rows == [("control.no_reply", "maintenance")] * 2


class _DeafBus:
    """A meter that acknowledges switching and parameter writes but does not apply them."""

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner
        self.counters = inner.counters

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.inner, name)

    def force(self, *args) -> None:  # type: ignore[no-untyped-def]
        return None

    def write_money_params(self, *args) -> None:  # type: ignore[no-untyped-def]
        return None


def test_read_back_mismatch_is_reported_as_such(sqlite_site: SimSite) -> None:
    site = sqlite_site
    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1]))
    mid = site.meter_ids[("A", 1)]
    rt, rc = start_runtime(site, bus_factory=lambda c: _DeafBus(open_bus(c)))
    try:
        [p] = run_batch(rc, site.admin, [mid], "trip", {})
        assert (p.state, p.outcome) == ("failed", "mismatch") and p.error.startswith("read-back mismatch")
        assert p.result["relay"] == "closed"
        [p] = run_batch(rc, site.admin, [mid], "price_download", {"prices": [1, 2, 3, 4]})
        assert p.outcome == "mismatch" and p.result["mismatch"]["prices"]["expected"] == [1, 2, 3, 4]
    finally:
        rt.stop()
    assert all(bus.meter(1).relay_closed)
    with site.ctx.read() as s:
        assert s.execute(select(AuditRow.id).where(AuditRow.kind == "control.mismatch")).all()


def test_workstation_writes_cancel_leaves_nothing_to_run(site: SimSite) -> None:
    site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, range(1, 4)))
    rc = RemoteControlService(site.ctx)  # no dispatcher in this process: a workstation
    batch = rc.submit(site.admin, sorted(site.meter_ids.values()), "trip", {}, "night")
    assert {p.state for p in rc.batch_progress(site.admin, batch)} == {"pending"}
    assert rc.cancel(site.admin, batch, "changed my mind") == 3
    assert {(p.state, p.outcome) for p in rc.batch_progress(site.admin, batch)} == {("cancelled", "cancelled")}
    rt, _ = start_runtime(site)
    try:
        assert rt.dispatcher.scan() == 0
    finally:
        rt.stop()
    assert all(site.buses["A"].meter(a).relay_closed == (True,) for a in range(1, 4))


def test_bad_requests_write_nothing(site: SimSite) -> None:
    site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1]))
    mid = site.meter_ids[("A", 1)]
    rc = RemoteControlService(site.ctx)
    cashier = Actor(id=99, name="cash", role=Role.CASHIER)
    with pytest.raises(PermissionDenied):
        rc.submit(cashier, [mid], "trip", {}, "")
    for kind, params in [("explode", {}), ("price_download", {"prices": [1, 2, 3]}),
                         ("settings_download", {"alarm1_fen": 100, "alarm2_fen": 200}),
                         ("settings_download", {})]:
        with pytest.raises(ValidationError):
            rc.submit(site.admin, [mid], kind, params, "")
    with pytest.raises(Exception):
        rc.submit(site.admin, [mid, 999_999], "trip", {}, "")
    with site.ctx.read() as s:
        assert s.execute(select(MeterCommandRow.id)).all() == []


def test_a_forged_command_row_is_refused(site: SimSite) -> None:
    site.ctx.site_key = bytes(range(16))
    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1]))
    mid = site.meter_ids[("A", 1)]
    rc = RemoteControlService(site.ctx)
    batch = rc.submit(site.admin, [mid], "settings_download", {"overload_power_w": 5000}, "")
    with site.ctx.transaction() as s:
        row = s.execute(select(MeterCommandRow).where(MeterCommandRow.batch_id == batch)).scalar_one()
        row.payload_json = json.dumps({"overload_power_w": 100})  # altered after signing
    rt, _ = start_runtime(site)
    try:
        [p] = wait_for(lambda: [x for x in rc.batch_progress(site.admin, batch) if x.done], what="refusal")
    finally:
        rt.stop()
    assert p.outcome == "invalid" and "MAC" in p.error
    with site.ctx.read() as s:
        assert s.execute(select(AuditRow.id).where(AuditRow.kind == "alarm.mac_failure")).all()
    assert bus.stats.by_function.get(0x20, 0) == 0  # nothing was sent to the meter


def test_reading_export_writes_a_real_xlsx(site: SimSite, tmp_path: Path) -> None:
    site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, range(1, 4), remaining_fen=4_321))
    with site.poller() as p:
        p.run_once()
    rc = RemoteControlService(site.ctx)
    out = rc.export_readings(site.admin, None, tmp_path / "readings.xlsx")
    ws = openpyxl.load_workbook(out).active
    rows = [r for r in ws.iter_rows(values_only=True) if r and r[0] == "A"]
    assert len(rows) == 3 and rows[0][1] == 1 and float(rows[0][7]) == 43.21

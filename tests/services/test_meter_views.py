"""Meter views: `meter list --json` contract fields, counts per status, detail, tenant and status."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from acrel_console.drivers.simulator.faults import Fault
from acrel_console.drivers.simulator.meter import Model
from acrel_console.domain.status import MeterStatus
from acrel_console.services.meter_views import MeterViewService, meter_list_json
from acrel_console.services.bus_health import gateway_health
from tests.integration.sim_site import SimSite, make_site, meters

FIELDS = {"id", "gateway", "address", "model", "room", "status", "remaining_fen", "energy_kwh", "relay",
          "keep_power", "purchase_count", "last_seen"}


@pytest.fixture
def site(db_url: str) -> Iterator[SimSite]:
    s = make_site(db_url)
    yield s
    s.close()


def test_meter_list_json_contract_and_counts(site: SimSite) -> None:
    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, range(1, 4), remaining_fen=777))
    bus.meter(1).energy = [1, 2, 3, 12345]
    bus.inject(3, Fault.SILENCE)
    with site.poller() as p:
        for _ in range(3):
            p.run_once()
    rows = {r["address"]: r for r in meter_list_json(site.svc, site.admin)}
    assert all(FIELDS <= set(r) for r in rows.values())
    one = rows[1]
    assert one["status"] == "unopened" and one["remaining_fen"] == 777 and one["relay"] == "closed"
    assert one["energy_kwh"] == "123.51" and isinstance(one["purchase_count"], int)
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", one["last_seen"])
    assert rows[3]["status"] == "offline" and rows[3]["remaining_fen"] is None
    assert rows[3]["last_seen"] is None and rows[3]["relay"] is None
    counts = MeterViewService(site.ctx).counts(site.admin)
    assert counts[MeterStatus.UNOPENED] == 2 and counts[MeterStatus.OFFLINE] == 1 and set(counts) == set(MeterStatus)
    tally = MeterViewService(site.ctx).tally(site.admin)  # the Dashboard's counts, without a MeterLive per meter
    assert (tally.total, tally.unopened, tally.offline, tally.relay_closed, tally.relay_open) == (3, 2, 1, 2, 0)
    health = gateway_health(site.svc)
    [h] = health.values()
    assert h.meters_total == 3 and h.meters_online == 2 and h.as_json()["timeouts"] >= 3


def test_never_polled_meters_show_offline_with_nulls(site: SimSite) -> None:
    site.add_bus("A", "modbus-tcp", meters(Model.DTSY1352, [5]))
    [row] = meter_list_json(site.ctx, site.admin)
    assert row["status"] == "offline" and row["energy_kwh"] is None and row["keep_power"] is None
    detail = MeterViewService(site.ctx).detail(site.admin, row["id"])
    assert detail.voltage_v == () and detail.meter_clock is None

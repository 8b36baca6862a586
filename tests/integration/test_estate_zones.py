"""An estate on one PostgreSQL (issue 15): two zones of gateways (assigned with `gateway zone`), each polled
and served by its own `serve` runtime under its own lease, a standby that takes its zone over when the holder
dies, a workstation that sees every zone and whose sales each zone delivers, and a workstation's `poll` that
would talk to every gateway refused while the zones are served. Real PostgreSQL, simulator over real TCP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from acrel_console.app import Services, build_services
from acrel_console.cli import main
from acrel_console.drivers.simulator import runner
from acrel_console.drivers.simulator.bus import SimBus
from acrel_console.drivers.simulator.meter import Model, SimMeter
from acrel_console.ledger.mac import generate_site_key
from acrel_console.runtime import SiteRuntime
from acrel_console.storage.tables.commands import MeterCommandRow
from tests.integration.sim_site import ADMIN_PASSWORD, wait_for

pytestmark = pytest.mark.postgres
TTL_S = 2.0


@pytest.fixture
def estate(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    from acrel_console.cli import common
    from acrel_console.domain.errors import UserError

    monkeypatch.setattr(common, "_setup_translation", lambda: UserError.english)  # no QCoreApplication here
    monkeypatch.setenv("ACREL_PASSWORD", ADMIN_PASSWORD)
    key = generate_site_key()
    monkeypatch.setenv("ACREL_SITE_KEY", key.hex())  # every process of the estate, the CLI's too
    processes: list[Services] = []

    def process() -> Services:  # a process of its own: its own engine and context, the site's one key
        svc = build_services(pg_url)
        svc.ctx.site_key = key
        processes.append(svc)
        return svc

    ws = process()  # the workstation
    admin = ws.operators.create_first_admin("admin", ADMIN_PASSWORD)
    sims, servers, meters = {}, [], {}
    for zone in ("A", "B"):
        sim = SimBus([SimMeter(address=a, model=Model.DDSY1352, remaining_fen=1_000) for a in (1, 2)],
                     name=f"G{zone}", reply_latency_s=0.0)
        server = runner.start_tcp(sim, mode="modbus-tcp")
        servers.append(server)
        sims[zone] = sim
        ws.site.add_gateway(admin, name=f"G{zone}", kind="modbus-tcp", host="127.0.0.1", port=server.port,
                            timeout_ms=100, retries=1)
        meters[zone] = ws.site.add_meter(admin, gateway=f"G{zone}", address=1, model="DDSY1352",
                                         room=f"{zone}-101").id
        ws.site.add_meter(admin, gateway=f"G{zone}", address=2, model="DDSY1352", room=f"{zone}-102")
        ws.accounts.open_account(admin, f"Tenant {zone}", f"{zone}-101", [meters[zone]])
    for zone in ("A", "B"):  # an estate's gateways put in their zones from the command line
        assert main(["--db", pg_url, "--user", "admin", "gateway", "zone", zone, f"G{zone}"]) == 0
    runtimes: list[SiteRuntime] = []

    def serve(zone: str) -> SiteRuntime:  # what `serve --zone ZONE` runs
        rt = SiteRuntime(process(), zone=zone, lease_ttl_s=TTL_S)
        runtimes.append(rt)
        return rt

    yield {"ws": ws, "admin": admin, "sims": sims, "meters": meters, "serve": serve, "url": pg_url}
    for rt in runtimes:
        rt.stop()
    for server in servers:
        server.stop()
    for svc in processes:
        svc.close()


def _delivered(ws: Services, operation_id: str) -> bool:
    with ws.ctx.read() as s:
        state = s.execute(select(MeterCommandRow.state).where(MeterCommandRow.operation_id == operation_id)).scalar()
    return state == "delivered"


def test_two_zones_each_served_by_their_own_process_with_a_takeover(estate: dict[str, Any]) -> None:
    ws, admin, sims, meters = estate["ws"], estate["admin"], estate["sims"], estate["meters"]
    a1, a2, b = estate["serve"]("A"), estate["serve"]("A"), estate["serve"]("B")
    assert a1.start() and b.start()
    assert not a2.start()  # zone A's standby: A's lease is held
    assert {w.gateway.name for w in a1.poller.workers().values()} == {"GA"}
    assert {w.gateway.name for w in b.poller.workers().values()} == {"GB"}
    zones = ws.lease.zones(admin)  # a workstation sees every zone's service
    assert set(zones) == {"A", "B"} and zones["A"].holder == a1.lease.holder and zones["B"].holder == b.lease.holder
    assert all(info.serving for info in zones.values())
    # nobody holds the site's own lease, yet a workstation's `poll` (every gateway) is refused: the zones serve
    assert main(["--db", estate["url"], "--user", "admin", "poll", "--once"]) != 0
    wait_for(lambda: all(m.last_seen is not None for m in ws.meters.list_live(admin)), timeout_s=30,
             what="both zones polled")

    sale_b = ws.vending.sell(admin, meters["B"], "5.00", "cash")  # sold at the workstation, delivered by B
    wait_for(lambda: _delivered(ws, sale_b.operation_id), timeout_s=30, what="zone B's delivery")
    assert sims["B"].meter(1).remaining_fen == 1_500 and sims["A"].meter(1).remaining_fen == 1_000

    # zone A's holder dies (no release, no heartbeat): its standby takes the zone over when the lease expires
    a1.lease.stop_heartbeat()
    a1.meters.dispatcher.stop()
    a1.poller.stop()
    wait_for(lambda: a2.start(), timeout_s=TTL_S * 10, what="the standby taking zone A over")
    assert {w.gateway.name for w in a2.poller.workers().values()} == {"GA"}
    sale_a = ws.vending.sell(admin, meters["A"], "3.00", "cash")
    wait_for(lambda: _delivered(ws, sale_a.operation_id), timeout_s=30, what="zone A's delivery after the takeover")
    assert sims["A"].meter(1).remaining_fen == 1_300
    zones = ws.lease.zones(admin)
    assert zones["A"].holder == a2.lease.holder and zones["B"].holder == b.lease.holder  # B went on undisturbed
    assert b.running and not b.lost.is_set()

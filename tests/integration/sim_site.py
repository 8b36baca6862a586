"""Test helper: a database with gateways and meters served by the real simulator over TCP loopback."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from acrel_console.app import Services, build_services
from acrel_console.drivers.simulator import runner
from acrel_console.drivers.simulator.bus import SimBus
from acrel_console.drivers.simulator.meter import Model, SimMeter
from acrel_console.services.base import Actor
from acrel_console.services.polling import Poller, SweepResult

ADMIN_PASSWORD = "admin-secret"


@dataclass
class SimSite:
    """Services over a fresh database + simulator buses; `meter_ids[(gateway, address)]`."""

    svc: Services
    admin: Actor
    buses: dict[str, SimBus] = field(default_factory=dict)
    servers: list[Any] = field(default_factory=list)
    meter_ids: dict[tuple[str, int], int] = field(default_factory=dict)
    results: list[SweepResult] = field(default_factory=list)

    @property
    def ctx(self) -> Any:
        return self.svc.ctx

    def add_bus(self, name: str, mode: str, meters: list[SimMeter], *, timeout_ms: int = 80, retries: int = 1) -> SimBus:
        bus = SimBus(meters, name=name, reply_latency_s=0.0)
        server = runner.start_tcp(bus, mode=mode)
        self.servers.append(server)
        self.buses[name] = bus
        self.svc.site.add_gateway(self.admin, name=name, kind=mode, host="127.0.0.1", port=server.port,
                                  timeout_ms=timeout_ms, retries=retries)
        for m in meters:
            model = {Model.DDSY1352: "DDSY1352", Model.DTSY1352: "DTSY1352", Model.ADF400L: "ADF400L",
                     Model.ADL400: "ADL400"}[m.model]
            v = self.svc.site.add_meter(self.admin, gateway=name, address=m.address, model=model,
                                        room=f"{name}-{m.address:03d}")
            self.meter_ids[(name, m.address)] = v.id
        return bus

    def poller(self, **kw: Any) -> Poller:
        p = Poller(self.ctx, **kw)
        p.subscribe(self.results.append)
        return p

    def close(self) -> None:
        for s in self.servers:
            s.stop()
        self.svc.close()


def make_site(db_url: str) -> SimSite:
    svc = build_services(db_url)
    admin = svc.operators.create_first_admin("admin", ADMIN_PASSWORD)
    return SimSite(svc, admin)


def meters(model: Model, addresses: range | list[int], **fields: Any) -> list[SimMeter]:
    return [SimMeter(address=a, model=model, **fields) for a in addresses]


def wait_for(cond: Callable[[], Any], timeout_s: float = 15.0, what: str = "condition") -> Any:
    """Poll `cond` until truthy (a bound, not a timed assertion)."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = cond()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)

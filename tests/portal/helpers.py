"""Test world for the tenant portal: tenants with PINs and meters over a real database, the portal served
by uvicorn on loopback in a thread (real HTTP), and cheap scrypt for the PINs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import json

from acrel_console.portal.server import PortalThread
from acrel_console.services.tenant_access import LoginThrottle
from acrel_console.services.tenant_portal import TenantPortalService
from acrel_console.storage.tables.meter_state import MeterStateRow
from tests.ledger.helpers import World

PIN = "246813"


@dataclass
class Tenant:
    account_no: str
    meters: list[int]
    pin: str = PIN


@dataclass
class PortalWorld:
    world: World
    tenants: list[Tenant]
    url: str = ""
    service: TenantPortalService | None = field(default=None)

    @property
    def all_meters(self) -> list[int]:
        return [m for t in self.tenants for m in t.meters]


def add_tenants(w: World, layout: list[list[int]]) -> list[Tenant]:
    """One tenant per entry of `layout` (indexes into w.meters), each with PIN set at the counter."""
    out = []
    for i, indexes in enumerate(layout):
        meters = [w.meters[j] for j in indexes]
        no = w.accounts.open_account(w.cashier, f"租户{i + 1}", f"A-{101 + i}", meters,
                                     phone=f"1380013800{i}").account_no
        w.svc.tenant_pins.set_pin(w.cashier, no, PIN)
        out.append(Tenant(no, meters))
    return out


@contextmanager
def serving(service: TenantPortalService) -> Iterator[str]:
    """The portal over `service` on a free loopback port; yields its base URL."""
    thread = PortalThread(service).start()
    try:
        yield thread.url
    finally:
        thread.stop()


def portal_service(w: Any, max_failures: int = 20) -> TenantPortalService:
    """The tenant service over a world's (or a SimSite's) context and remote control."""
    return TenantPortalService(w.ctx, w.svc.control, throttle=LoginThrottle(max_failures=max_failures))


def seed_state(w: World, meter_id: int, **values: object) -> None:
    """The meter as the poller last saw it: online now, with these values (forced_open also goes to values_json)."""
    forced_open = values.pop("forced_open", None)
    with w.ctx.transaction() as s:
        row = s.get(MeterStateRow, meter_id) or MeterStateRow(meter_id=meter_id)
        row.last_success_at, row.consecutive_failures, row.offline = w.clock.now, 0, False
        row.values_json = json.dumps({"forced_open": forced_open})
        row.forced_open = forced_open
        for k, v in values.items():
            setattr(row, k, v)
        s.add(row)

"""Test world for the money tests: services over a real database, operators, meters, a fake bus."""

from __future__ import annotations

from typing import Any

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from acrel_console.app import Services, build_services
from acrel_console.services import passwords
from acrel_console.services.accounts import AccountService
from acrel_console.services.base import Actor
from acrel_console.services.shifts import ShiftService
from acrel_console.services.tariffs import TariffService
from acrel_console.services.vending import VendingService
from tests.sim.fakebus import FakeBus, ModelMeter

SITE_KEY = bytes.fromhex("0123456789ABCDEFFEDCBA9876543210")


class FakeClock:
    """A settable clock that moves forward a millisecond per call (orders rows deterministically)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 3, 1, 2, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=1)
        return self.now


@dataclass
class World:
    svc: Services
    admin: Actor
    cashier: Actor
    cashier2: Actor
    supervisor: Actor
    meters: list[int]
    addresses: dict[int, int]
    vending: VendingService
    accounts: AccountService
    tariffs: TariffService
    shifts: ShiftService
    bus: FakeBus
    clock: FakeClock = field(default_factory=FakeClock)

    @property
    def ctx(self):  # type: ignore[no-untyped-def]
        return self.svc.ctx

    def model(self, meter_id: int) -> ModelMeter:
        return self.bus.meters[self.addresses[meter_id]]

    def poll(self, *meter_ids: int) -> None:
        """A status sweep of these meters (all by default): their model values become the latest reading."""
        from acrel_console.storage.tables.meter_state import MeterStateRow

        with self.ctx.transaction() as s:
            for mid in meter_ids or tuple(self.meters):
                m = self.model(mid)
                row = s.get(MeterStateRow, mid) or MeterStateRow(meter_id=mid)
                s.add(row)
                row.remaining_fen, row.purchase_count = m.remaining_fen, m.purchase_count
                row.relay_closed, row.forced = m.relay_closed, m.forced
                row.last_success_at = row.last_attempt_at = self.clock()
                row.offline, row.consecutive_failures = False, 0


def hold_site_lease(ctx: Any) -> None:
    """Make this context the site's dispatcher (only the lease holder sends): any earlier holder, such as a
    test's process before its simulated restart, is taken over. Never renewed: the fake clock may run far
    ahead, and nothing else contends for it."""
    from sqlalchemy import delete

    from acrel_console.services.lease import SiteLease
    from acrel_console.storage.tables.readings import SiteLeaseRow

    with ctx.transaction() as s:
        s.execute(delete(SiteLeaseRow))
    assert SiteLease(ctx, ttl_s=10**9).acquire()


def make_world(db_url: str, n_meters: int = 3, clock: FakeClock | None = None) -> World:
    svc = build_services(db_url)
    clk = clock or FakeClock()
    svc.ctx.clock = clk
    svc.ctx.site_key = SITE_KEY
    # Test operators get a cheap scrypt cost (the stored hash names its cost, so logins stay correct).
    saved = passwords._N
    passwords._N = 2**4
    try:
        admin = svc.operators.create_first_admin("admin", "secret1")
        cashier, cashier2, supervisor = (
            Actor(i.id, i.name, i.role) for i in (svc.operators.add(admin, "cash1", "cashier", "secret1"),
                                                  svc.operators.add(admin, "cash2", "cashier", "secret1"),
                                                  svc.operators.add(admin, "boss", "supervisor", "secret1")))
    finally:
        passwords._N = saved
    svc.site.add_gateway(admin, name="g1", kind="modbus-tcp", host="127.0.0.1", port=1502)
    meters, addresses = [], {}
    bus = FakeBus(clock=clk)
    for i in range(n_meters):
        m = svc.site.add_meter(admin, gateway="g1", address=i + 1, model="DDSY1352", room=f"R{101 + i}",
                               meter_no=f"M{i + 1:04d}")
        meters.append(m.id)
        addresses[m.id] = m.address
        bus.meters[m.address] = ModelMeter()
    ctx = svc.ctx
    hold_site_lease(ctx)
    return World(svc, admin, cashier, cashier2, supervisor, meters, addresses, VendingService(ctx),
                  AccountService(ctx), TariffService(ctx), ShiftService(ctx), bus, clk)

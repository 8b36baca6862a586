"""What a tenant sees and may do (issue 16), at the service: only their own meters, records and commands
(every other id is NotFound), daily usage by tariff period in the site's days, switching through the
operators' command path under the site's rules and an hourly limit, logged as the tenant. Both backends."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import select

from acrel_console.domain.errors import NotFound, ValidationError
from acrel_console.domain.status import MeterStatus
from acrel_console.services import passwords
from acrel_console.services.tenant_access import TenantPrincipal
from acrel_console.services.tenant_portal import NotAllowed, RateLimited, TenantPortalService, switch_refusal
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.operators import AuditRow
from acrel_console.storage.tables.readings import DailyEnergyRow
from tests.ledger.helpers import World, make_world
from tests.portal.helpers import seed_state

PIN = "246813"
T = "tenant:000001"


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "_N", 2**4)


@pytest.fixture
def world(db_url: str) -> Iterator[World]:
    w = make_world(db_url, n_meters=4)
    yield w
    w.svc.close()


def _tenant(w: World, name: str, meters: list[int]) -> TenantPrincipal:
    no = w.accounts.open_account(w.cashier, name, f"room-{name}", meters).account_no
    w.svc.tenant_pins.set_pin(w.cashier, no, PIN)
    return TenantPortalService(w.ctx).login(no, PIN).principal


R = {"enabled": True, "status": MeterStatus.OPENED, "remaining_fen": 5000, "relay_closed": True, "keep_power": False,
     "switched_off": False, "last_force_by": None, "tenant": T, "busy": False}


@pytest.mark.parametrize("action, changes, allowed", [
    ("trip", {}, True),
    ("trip", {"enabled": False}, False),
    ("trip", {"busy": True}, False),
    ("trip", {"status": MeterStatus.OFFLINE}, False),
    ("trip", {"keep_power": True}, False),  # 保电 by the site office
    ("trip", {"switched_off": True}, False),
    ("trip", {"relay_closed": False}, False),  # already off by the meter's own arrears logic
    ("trip", {"status": MeterStatus.ARREARS, "remaining_fen": -100}, True),
    ("close", {}, False),  # not switched off
    ("close", {"switched_off": True, "relay_closed": False, "last_force_by": T}, True),
    ("close", {"switched_off": True, "relay_closed": False, "last_force_by": "alice"}, False),  # the office did it
    ("close", {"switched_off": True, "last_force_by": T, "remaining_fen": 0}, False),  # never into arrears
    ("close", {"switched_off": True, "last_force_by": T, "remaining_fen": None}, False),
    ("close", {"switched_off": True, "last_force_by": T, "status": MeterStatus.ARREARS, "remaining_fen": -1}, False),
    ("close", {"switched_off": True, "last_force_by": T, "enabled": False}, False),
    ("bogus", {}, False),
])
def test_switch_rules(action: str, changes: dict[str, object], allowed: bool) -> None:
    facts = {**R, **changes}
    assert (switch_refusal(action, **facts) is None) is allowed  # type: ignore[arg-type]


def test_a_tenant_sees_only_their_own_meters_records_and_usage(world: World) -> None:
    portal = TenantPortalService(world.ctx)
    m = world.meters
    a = _tenant(world, "A", [m[0], m[1]])
    b = _tenant(world, "B", [m[2]])
    world.vending.sell(world.cashier, m[0], Decimal("100.00"), "cash")
    world.vending.sell(world.cashier, m[2], Decimal("30.00"), "wechat")
    seed_state(world, m[0], remaining_fen=12_345, relay_closed=True)
    view = portal.me(a)
    assert [x.meter_id for x in view.meters] == [m[0], m[1]]
    assert view.meters[0].remaining == Decimal("123.45") and view.meters[0].status is MeterStatus.OPENED
    assert view.meters[0].pending_credit == Decimal("100.00") and view.meters[1].status is MeterStatus.OFFLINE
    assert [(r.amount, r.receipt_no is not None, r.delivery) for r in portal.recharges(a)] == \
        [(Decimal("100.00"), True, "pending")]
    assert [r.meter_id for r in portal.recharges(b)] == [m[2]]
    for principal, mine in ((a, {m[0], m[1]}), (b, {m[2]})):
        for other in [*m, 0, 10_000]:
            if other in mine:
                assert portal.usage(principal, other, 7).meter_id == other
                continue
            with pytest.raises(NotFound):
                portal.usage(principal, other)
            with pytest.raises(NotFound):
                portal.switch(principal, other, "trip")
    with pytest.raises(ValidationError):
        portal.usage(a, m[0], 0)


def test_usage_is_by_site_day_and_tariff_period(world: World) -> None:
    portal = TenantPortalService(world.ctx)
    a = _tenant(world, "A", [world.meters[0]])
    world.clock.now = datetime(2026, 3, 2, 17, 0, tzinfo=timezone.utc)  # 01:00 on 3 March in Shanghai
    with world.ctx.transaction() as s:
        for day, p in ((date(2026, 2, 28), (1, 2, 3, 4)), (date(2026, 3, 1), (100, 200, 300, 400)),
                       (date(2026, 3, 3), (5, 0, 0, 5))):
            s.add(DailyEnergyRow(meter_id=world.meters[0], day=day, energy_total=sum(p), energy_p1=p[0],
                                 energy_p2=p[1], energy_p3=p[2], energy_p4=p[3], readings=1, resets=0))
    u = portal.usage(a, world.meters[0], 5)
    assert [d.day for d in u.days] == [date(2026, 2, 27) + timedelta(days=i) for i in range(5)]
    assert [d.total for d in u.days] == [0, 10, 1000, 0, 10]
    assert u.month == "2026-03" and u.month_by_period == (105, 200, 300, 405) and u.month_total == 1010


def test_switching_takes_the_command_path_as_the_tenant_and_is_limited(world: World) -> None:
    portal = TenantPortalService(world.ctx)
    a = _tenant(world, "A", [world.meters[0]])
    with pytest.raises(NotAllowed):  # the site has not allowed it yet
        portal.switch(a, world.meters[0], "trip")
    world.svc.settings.update(world.admin, {"portal_tenant_control": True, "portal_control_per_hour": 2})
    seed_state(world, world.meters[0], remaining_fen=5_000, relay_closed=True)
    cmd = portal.switch(a, world.meters[0], "trip")
    assert (cmd.kind, cmd.state, cmd.done) == ("trip", "pending", False)
    with pytest.raises(NotAllowed):  # one at a time per meter
        portal.switch(a, world.meters[0], "trip")
    assert portal.command(a, cmd.command_id).command_id == cmd.command_id
    with world.ctx.transaction() as s:  # the dispatcher confirmed it by read-back
        row = s.get(MeterCommandRow, cmd.command_id)
        assert row is not None and row.created_by == a.actor.name
        row.state, row.completed_at = "delivered", world.clock.now
        row.result_json = json.dumps({"outcome": "confirmed"})
    seed_state(world, world.meters[0], remaining_fen=5_000, relay_closed=False, forced_open=True)
    assert portal.me(a).meters[0].close_refusal is None
    portal.switch(a, world.meters[0], "close")
    with world.ctx.transaction() as s:
        for row in s.execute(select(MeterCommandRow).where(MeterCommandRow.kind == "close")).scalars():
            row.state, row.completed_at = "failed", world.clock.now  # e.g. no reply
    with pytest.raises(RateLimited) as limited:  # two per hour
        portal.switch(a, world.meters[0], "close")
    assert 0 < limited.value.retry_after_s <= 3600
    world.clock.now += timedelta(hours=1, seconds=1)
    seed_state(world, world.meters[0], remaining_fen=5_000, relay_closed=False, forced_open=True)  # a fresh sweep
    portal.switch(a, world.meters[0], "close")
    with world.ctx.read() as s:
        logged = [(r.operator_name, r.kind) for r in s.execute(
            select(AuditRow).where(AuditRow.kind.like("control.%")).order_by(AuditRow.id)).scalars()]
    assert logged == [(a.actor.name, "control.trip"), (a.actor.name, "control.close"), (a.actor.name, "control.close")]
    b = _tenant(world, "B", [world.meters[1]])
    with pytest.raises(NotFound):  # another tenant's command
        portal.command(b, cmd.command_id)

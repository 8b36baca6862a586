"""Helpers for the Meters page tests (a site over the simulator, live values, a page) and their own checks."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from typing import Any

from acrel_console.app import Services
from acrel_console.domain.status import MeterStatus
from acrel_console.services.base import Actor
from acrel_console.services.meter_views import MeterLive

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def live(meter_id: int, **fields: Any) -> MeterLive:
    """A MeterLive value for model tests (an opened, online meter unless told otherwise)."""
    base: dict[str, Any] = dict(
        meter_id=meter_id, gateway_id=1 + (meter_id - 1) // 100, gateway=f"GW{1 + (meter_id - 1) // 100}",
        address=1 + (meter_id - 1) % 100, model="DDSY1352", room=f"R{meter_id:04d}", building_id=1,
        building="Building A", meter_no=f"{100000 + meter_id}", tenant_name=f"Tenant {meter_id}",
        account_no=f"{meter_id:06d}", status=MeterStatus.OPENED, remaining_fen=10_000, energy_total=12_345,
        purchase_count=3, relay_closed=True, forced=False, keep_power=False, forced_open=False, overload=False,
        alarm1_fen=5_000, alarm2_fen=2_000, last_seen=T0, consecutive_failures=0, offline_since=None,
        pending_commands=0, last_error="")
    base.update(fields)
    return MeterLive(**base)


def population(n: int) -> list[MeterLive]:
    """n meters with a mix of statuses (every 7th arrears, 11th offline, 13th unopened ...)."""
    out = []
    for i in range(1, n + 1):
        if i % 11 == 0:
            out.append(live(i, status=MeterStatus.OFFLINE, remaining_fen=None, relay_closed=None))
        elif i % 13 == 0:
            out.append(live(i, status=MeterStatus.UNOPENED, tenant_name=None, account_no=None))
        elif i % 7 == 0:
            out.append(live(i, status=MeterStatus.ARREARS, remaining_fen=-500, relay_closed=False, forced=True,
                            forced_open=True))
        elif i % 5 == 0:
            out.append(live(i, status=MeterStatus.ALARM2, remaining_fen=1_500, pending_commands=1))
        elif i % 3 == 0:
            out.append(live(i, status=MeterStatus.ALARM1, remaining_fen=4_000, keep_power=True, forced=True))
        else:
            out.append(live(i))
    return out


def sweep_of(meters: list[MeterLive], gateway_id: int = 1) -> Any:
    """A SweepResult carrying `meters` as its changed values."""
    from acrel_console.services.polling.results import SweepResult

    return SweepResult(gateway_id=gateway_id, gateway=f"GW{gateway_id}", kind="status", complete=True,
                       started_at=T0, duration_s=0.1, attempted=len(meters), succeeded=len(meters), failed=0,
                       skipped=0, changed=tuple(meters), transitions=(), health=None)


def drained(m: MeterLive, **fields: Any) -> MeterLive:
    return dataclasses.replace(m, **fields)


def configure_site(svc: Services, admin: Actor, port: int, n: int, *, kind: str = "modbus-tcp",
                   building: str = "Building A", gateway: str = "GW1", first_address: int = 1) -> list[int]:
    """A building, a gateway at 127.0.0.1:port and n DDSY1352 meters; returns the meter ids."""
    if building not in {b.name for b in svc.site.list_buildings(admin)}:
        svc.site.add_building(admin, building)
    svc.site.add_gateway(admin, name=gateway, kind=kind, host="127.0.0.1", port=port, timeout_ms=150, retries=0,
                         building=building)
    ids = []
    for a in range(first_address, first_address + n):
        m = svc.site.add_meter(admin, gateway=gateway, address=a, model="DDSY1352", room=f"{gateway}-{a:03d}",
                               meter_no=f"{880000 + a}")
        ids.append(m.id)
    return ids


def open_accounts(svc: Services, admin: Actor, meter_ids: list[int], names: list[str] | None = None) -> None:
    from acrel_console.services.accounts import AccountService

    accounts = getattr(svc, "accounts", None) or AccountService(svc.ctx)
    for i, mid in enumerate(meter_ids):
        name = names[i] if names else f"Tenant {mid}"
        accounts.open_account(admin, name, f"room {mid}", [mid])


@contextmanager
def simulated_site(svc: Services, admin: Actor, balances: dict[int, int]) -> Iterator[tuple[Any, Any, list[int]]]:
    """A simulator bus (address -> remaining fen; 0 fen = still there but in arrears), its server over
    Modbus-TCP loopback and the configured meters. Yields (sim bus, poller, meter ids); stops everything."""
    from acrel_console.drivers.simulator import FakeClock, SimBus, SimMeter, start_tcp
    from acrel_console.services.polling import Poller

    bus = SimBus([SimMeter(address=a, remaining_fen=fen) for a, fen in sorted(balances.items())],
                 clock=FakeClock(datetime(2026, 3, 2, 9, 0)), reply_latency_s=0.0)
    with start_tcp(bus, mode="modbus-tcp") as srv:
        ids = configure_site(svc, admin, srv.port, len(balances), first_address=min(balances))
        poller = Poller(svc.ctx)
        try:
            yield bus, poller, ids
        finally:
            poller.stop()


def test_population_has_every_status() -> None:
    statuses = {m.status for m in population(100)}
    assert statuses == set(MeterStatus)


def test_sweep_of_carries_the_values() -> None:
    ms = population(3)
    assert sweep_of(ms).changed == tuple(ms)
    assert T0 + timedelta(0) == ms[0].last_seen

"""One dispatcher per site: the lease row, contention, expiry, release; a second runtime stays idle."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from acrel_console.app import build_services
from acrel_console.drivers.simulator.meter import Model
from acrel_console.services.dispatcher import MeterRuntime
from acrel_console.services.lease import LeaseService, SiteLease, current_lease
from tests.integration.sim_site import make_site, meters


def test_lease_is_exclusive_expires_and_is_released(db_url: str) -> None:
    svc = build_services(db_url)
    now = [datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)]
    svc.ctx.clock = lambda: now[0]
    try:
        a = SiteLease(svc.ctx, ttl_s=30, holder="pc-a")
        b = SiteLease(svc.ctx, ttl_s=30, holder="pc-b")
        assert a.acquire() and not b.acquire()
        info = current_lease(svc.ctx)
        assert info is not None and info.holder == "pc-a" and info.active
        now[0] += timedelta(seconds=20)
        assert a.acquire()  # heartbeat renews
        now[0] += timedelta(seconds=29)
        assert not b.acquire()
        now[0] += timedelta(seconds=2)  # a stopped heart-beating: expired
        assert b.acquire() and not a.acquire()
        b.release()
        assert current_lease(svc.ctx) is None and a.acquire()
    finally:
        svc.close()


def test_second_runtime_does_not_run_while_the_first_holds_the_site(db_url: str) -> None:
    site = make_site(db_url)
    try:
        site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1]))
        first = MeterRuntime(site.ctx)
        second = MeterRuntime(site.ctx)
        assert first.start()
        try:
            assert not second.start() and second.poller.workers() == {}
            info = LeaseService(site.ctx).current(site.admin)
            assert info is not None and info.holder == first.lease.holder
        finally:
            first.stop()
        assert second.start()
        second.stop()
    finally:
        site.close()


def test_a_holder_that_stopped_beating_is_silent_before_its_lease_runs_out(db_url: str) -> None:
    """Issue 12 item 6: two missed heartbeats (ttl/6 each) make the holder `silent`; workstations name the
    time of its last heartbeat in the site's zone (not the machine's)."""
    from acrel_console.services.lease import heartbeat_s, no_service_since

    svc = build_services(db_url)
    now = [datetime(2026, 3, 2, 13, 4, tzinfo=timezone.utc)]  # 21:04 in Asia/Shanghai
    svc.ctx.clock = lambda: now[0]
    try:
        lease = SiteLease(svc.ctx, ttl_s=30, holder="serve")
        assert heartbeat_s(30) == 5 and lease.acquire()
        now[0] += timedelta(seconds=10)
        info = current_lease(svc.ctx)
        assert info is not None and info.serving and no_service_since(svc.ctx, info) is None
        now[0] += timedelta(seconds=2)  # 12 s without a beat: killed
        info = current_lease(svc.ctx)
        assert info is not None and info.active and info.silent and not info.serving
        assert no_service_since(svc.ctx, info) == "21:04"
        now[0] += timedelta(seconds=20)  # and then expired
        info = current_lease(svc.ctx)
        assert info is not None and not info.active and no_service_since(svc.ctx, info) == "21:04"
    finally:
        svc.close()

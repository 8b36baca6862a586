"""Polling, remote control and credit delivery on the lines sites actually have (issue 12), against
independent peers: pymodbus meters behind a gateway relay (close after each reply, dropped replies) or
on a serial pty that hears itself (local echo). Each test fails on the code before issue 12."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from acrel_console.services import deliveries
from acrel_console.services.bus_health import gateway_health
from acrel_console.services.meter_views import MeterViewService
from acrel_console.services.polling import Poller
from acrel_console.services.remote_control import RemoteControlService, execute_control_command
from acrel_console.storage.tables.commands import MeterCommandRow
from tests.peers.site import PeerSite, make_peer_site


@pytest.fixture
def site(sqlite_url: str) -> Iterator[PeerSite]:
    s = make_peer_site(sqlite_url)
    yield s
    s.close()


def _worker(poller: Poller, site: PeerSite, gateway: str) -> Any:
    [gid] = [g.id for g in poller.targets() if g.name == gateway]
    poller.ensure_workers()
    return poller.worker_for_gateway(gid)


def _control(site: PeerSite, poller: Poller, gateway: str, unit: int, kind: str,
             params: dict[str, Any] | None = None) -> Any:
    rc = RemoteControlService(site.ctx)
    batch = rc.submit(site.admin, [site.meter_ids[(gateway, unit)]], kind, params or {}, "test")
    with site.ctx.read() as s:
        cid = s.execute(select(MeterCommandRow.id).where(MeterCommandRow.batch_id == batch)).scalar_one()
    worker = _worker(poller, site, gateway)
    return worker.submit(lambda w: execute_control_command(site.ctx, w, cid)).result(timeout=60)


def _deliver(site: PeerSite, poller: Poller, gateway: str, command_id: str) -> deliveries.DeliveryOutcome:
    from acrel_console.services.lease import SiteLease, holds_site_lease

    assert holds_site_lease(site.ctx) or SiteLease(site.ctx).acquire()  # only the lease holder sends
    worker = _worker(poller, site, gateway)
    return worker.submit(lambda w: deliveries.execute_command(site.ctx, w.bus(), command_id)).result(timeout=60)


def _live(site: PeerSite) -> dict[tuple[str, int], Any]:
    return {(m.gateway, m.address): m for m in MeterViewService(site.ctx).list_live(site.admin)}


@pytest.mark.parametrize("kind", ["modbus-tcp", "rtu-over-tcp"])
def test_gateway_closing_after_every_reply_reads_controls_and_sells(site: PeerSite, kind: str) -> None:
    line = site.add_line("G", kind, range(1, 5), close_after_reply=True, timeout_ms=3000)
    with Poller(site.ctx) as poller:
        for _ in range(3):
            [r] = poller.run_once()
            assert (r.succeeded, r.failed) == (4, 0)  # every meter, every sweep
        res = _control(site, poller, "G", 2, "trip")
        assert res.outcome == "confirmed" and not line.peers.meter(2).relay_closed
        mid = site.meter_ids[("G", 3)]
        site.open_account(mid)
        sale = site.sell(mid, "50")
        out = _deliver(site, poller, "G", sale.command_id)
        assert out.state == "delivered" and line.peers.meter(3).recharges == [(5_000, 4)]
    health = {h.gateway: h for h in gateway_health(site.ctx).values()}["G"]
    assert line.gateway is not None
    assert health.reconnects >= 12 and health.timeouts == 0  # counted, persisted
    # at most one connect per transaction, and nothing sent twice
    assert line.gateway.stats.connections <= line.gateway.stats.requests == line.gateway.stats.replies


def test_keep_power_comes_from_the_force_registers(site: PeerSite) -> None:
    line = site.add_line("G", "rtu-over-tcp", [1, 2])
    with Poller(site.ctx) as poller:
        poller.run_once()
        assert _control(site, poller, "G", 1, "keep_power").outcome == "confirmed"
        for history in (False, False, True, False):
            poller.run_once(history=history)
            live = _live(site)
            assert live[("G", 1)].keep_power is True, "keep power lost by a sweep"
            assert live[("G", 2)].keep_power is False
        # released at the meter (another system): the force registers tell at the next sweep
        with line.peers.lock:
            line.peers.meter(1).regs[0x0057] = 0
            line.peers.meter(1).follow_relay()
        poller.run_once()
    assert _live(site)[("G", 1)].keep_power is False


def test_a_lost_reply_to_any_command_is_resolved_by_reading_back(site: PeerSite) -> None:
    line = site.add_line("G", "rtu-over-tcp", [1], retries=0)
    gw = line.gateway
    assert gw is not None
    with Poller(site.ctx) as poller:
        poller.run_once()
        for kind, params in (("trip", {}), ("keep_power", {}), ("restore_prepaid", {}),
                             ("price_download", {"prices": [13000, 11000, 9000, 6000]}),
                             ("settings_download", {"alarm1_fen": 3000, "alarm2_fen": 1000}),
                             ("clock_sync", {})):
            gw.drop_replies = 1  # the meter acts; its reply is lost on the way
            res = _control(site, poller, "G", 1, kind, params)
            assert (res.state, res.outcome) == ("delivered", "confirmed"), (kind, res.error)
            assert res.result.get("reply_lost"), kind
        assert line.peers.meter(1).forced == (False, False)
        # no contact at all: still failed, as no reply
        gw.drop_replies = 3
        res = _control(site, poller, "G", 1, "trip")
        assert (res.state, res.outcome) == ("failed", "no_reply")


def test_meter_without_remote_recharge_fails_the_delivery_at_once(site: PeerSite) -> None:
    from acrel_console.ledger.queries import meter_has_money_records

    line = site.add_line("G", "rtu-over-tcp", [1, 2], metering_only=(2,))
    line.peers.meter(2).set_money(0, line.peers.meter(2).purchase_count)  # empty: the sale is all the tenant has
    mid = site.meter_ids[("G", 2)]
    with Poller(site.ctx) as poller:
        poller.run_once()
        site.open_account(mid)
        sale = site.sell(mid, "30")
        out = _deliver(site, poller, "G", sale.command_id)
    assert out.state == "failed" and out.reason == deliveries.NO_REMOTE_RECHARGE
    assert out.attempts == 1 and line.peers.meter(2).vendor_requests == 1  # not retried
    with site.ctx.read() as s:
        assert meter_has_money_records(s, mid)  # the money stays on the tenant's account
    from acrel_console.services.vending import VendingService

    # the ledger check points an operator at it (reverse the sale)
    vending = VendingService(site.ctx)
    assert "delivery_failed" in {v.code for v in vending.check_ledger(site.admin)}
    boss = site.svc.operators.add(site.admin, "boss", "supervisor", "boss-secret1")
    boss = site.svc.operators.login("boss", "boss-secret1")
    back = vending.reverse(site.admin, sale.operation_id, boss, "meter takes no remote recharge")
    assert back.cancelled_command_id == sale.command_id and back.command_id is None  # nothing asked of the meter
    assert back.amount == sale.amount and back.receipt_no  # paid back at once
    assert vending.check_ledger(site.admin) == []
    assert line.peers.meter(2).vendor_requests == 1
    # translated for the cashier
    from acrel_console import i18n

    assert i18n.translate("errors", deliveries.NO_REMOTE_RECHARGE) != ""


def test_a_profile_can_mark_a_model_metering_only(site: PeerSite, tmp_path: Any,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from acrel_console.drivers.profiles import BUILTIN_DIR, load_profile

    text = (BUILTIN_DIR / "DDSY1352.toml").read_text(encoding="utf-8")
    (tmp_path / "DDSF1352.toml").write_text(
        text.replace('name = "DDSY1352"', 'name = "DDSF1352"\nmetering_only = true'), encoding="utf-8")
    monkeypatch.setenv("ACREL_PROFILES_DIR", str(tmp_path))
    assert not load_profile("DDSF1352").meter_side_balance
    line = site.add_line("G", "rtu-over-tcp", [1], model="DDSF1352")
    mid = site.meter_ids[("G", 1)]
    site.open_account(mid)
    sale = site.sell(mid, "20")
    assert sale.command_id is None  # the console keeps this meter's balance: nothing is sent
    assert line.peers.meter(1).vendor_requests == 0


@pytest.mark.parametrize("echo_skip,setting", [(0, False), (2, True)], ids=["whole-echo", "partial-echo-set"])
def test_an_echoing_line_sells_sets_clocks_and_downloads_prices(site: PeerSite, echo_skip: int,
                                                                setting: bool) -> None:
    line = site.add_line("S", "serial", [1, 2], retries=1, local_echo=setting, echo=True, echo_skip=echo_skip)
    mid = site.meter_ids[("S", 1)]
    with Poller(site.ctx) as poller:
        poller.run_once()
        site.open_account(mid)
        out = _deliver(site, poller, "S", site.sell(mid, "25").command_id)
        assert out.state == "delivered" and out.attempts == 1
        for kind, params in (("clock_sync", {}), ("price_download", {"prices": [13000, 11000, 9000, 6000]}),
                             ("trip", {}), ("restore_prepaid", {})):
            res = _control(site, poller, "S", 2, kind, params)
            assert res.outcome == "confirmed" and not res.result.get("reply_lost"), (kind, res.error)
        poller.run_once()
    assert line.link.echoed > 0
    health = {h.gateway: h for h in gateway_health(site.ctx).values()}["S"]
    assert health.crc_errors == 0 and health.timeouts == 0 and health.frame_errors == 0

"""The command line on real buses (issue 12): a sale to a meter without the vendor recharge ends within
the sale's wait with the reason; a workstation says plainly when no service holds the site; `control`
waits no longer than the lease. Independent pymodbus meters (tests/peers) behind the gateway relay."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from acrel_console.cli import main
from acrel_console.services.deliveries import NO_REMOTE_RECHARGE
from acrel_console.storage.tables.readings import SiteLeaseRow
from tests.peers.site import ADMIN_PASSWORD, SITE_KEY, PeerSite, make_peer_site


@pytest.fixture(autouse=True)
def _cli_env(monkeypatch: pytest.MonkeyPatch) -> None:
    from acrel_console.cli import common
    from acrel_console.domain.errors import UserError

    monkeypatch.setattr(common, "_setup_translation", lambda: UserError.english)  # no Qt app in this process
    monkeypatch.setenv("ACREL_SITE_KEY", SITE_KEY.hex())
    monkeypatch.setenv("ACREL_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("ACREL_LANG", "en")


@pytest.fixture
def site(sqlite_url: str) -> Iterator[PeerSite]:
    s = make_peer_site(sqlite_url)
    s.add_line("G", "rtu-over-tcp", [1, 2], metering_only=(2,))
    for unit in (1, 2):
        s.open_account(s.meter_ids[("G", unit)])
    yield s
    s.close()


def _cli(url: str, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any]:
    code = main(["--db", url, "--user", "admin", "--json", *argv])
    out = capsys.readouterr().out.strip()
    return code, json.loads(out) if out else None


def _dead_service(site: PeerSite, heartbeat_ago_s: float, expires_in_s: float) -> str:
    """The lease row a killed `serve` leaves: held, no longer renewed. Returns the heartbeat's HH:MM."""
    now = site.ctx.clock()
    beat = now - timedelta(seconds=heartbeat_ago_s)
    with site.ctx.transaction() as s:
        s.add(SiteLeaseRow(name="dispatcher", holder="dead:1:x", host="dead", pid=1, acquired_at=beat,
                           heartbeat_at=beat, expires_at=now + timedelta(seconds=expires_in_s)))
    return site.ctx.site_clock.local(beat).strftime("%H:%M")


@pytest.mark.timeout(120)
def test_sale_to_a_meter_without_remote_recharge_is_told_within_the_wait(site: PeerSite, sqlite_url: str,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    line = site.lines["G"]
    mid = site.meter_ids[("G", 2)]
    code, out = _cli(sqlite_url, capsys, "sell", "--meter", str(mid), "--amount", "30", "--wait", "10")
    assert code == 1
    assert out["delivery"]["state"] == "failed" and out["delivery"]["error"] == NO_REMOTE_RECHARGE
    assert out["delivery"]["attempts"] == 1 and line.peers.meter(2).vendor_requests == 1  # not 20 attempts
    code, text = main(["--db", sqlite_url, "--user", "admin", "sell", "--meter", str(mid), "--amount", "5",
                       "--wait", "10"]), capsys.readouterr().out
    assert code == 1 and "does not take remote recharge" in text


@pytest.mark.timeout(120)
def test_sale_while_the_service_is_dead_says_so(site: PeerSite, sqlite_url: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    since = _dead_service(site, heartbeat_ago_s=20, expires_in_s=25)  # killed 20 s ago, lease still held
    mid = site.meter_ids[("G", 1)]
    code, out = _cli(sqlite_url, capsys, "sell", "--meter", str(mid), "--amount", "40", "--wait", "1")
    assert code == 0 and out["delivery"]["state"] == "pending"
    assert out["note"] == (f"No site service since {since}; your sale is booked and will be delivered when it "
                           f"returns.")
    assert site.lines["G"].peers.meter(1).recharges == []  # nobody else touched the meter: the lease is held


@pytest.mark.timeout(60)
def test_control_waits_no_longer_than_the_lease(site: PeerSite, sqlite_url: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    since = _dead_service(site, heartbeat_ago_s=28, expires_in_s=2)  # the dead service's lease runs out in 2 s
    code, out = _cli(sqlite_url, capsys, "control", "G/1", "trip", "--reason", "unpaid")
    assert code == 0 and out["outcome"] == "confirmed", out
    assert out["note"] == f"No site service since {since}; the command runs from this workstation."
    assert not site.lines["G"].peers.meter(1).relay_closed

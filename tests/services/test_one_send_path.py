"""One code path decides what may be sent (issue 11): only the process holding the site lease sends (the
credit executor checks it itself, not only the dispatcher); the command line and the runtime reach meters
and the ledger only through services; a backup of a never-anchored database copied back is still found
(the fault simulation's seed 1293 delivered one sale twice); `deliveries reconcile` says what a restored
database's deliveries show."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from acrel_console.app import build_services
from acrel_console.services.deliveries import deliver_all, execute_credit_command
from acrel_console.services.lease import SiteLease, holds_site_lease
from tests.ledger.helpers import SITE_KEY, World, hold_site_lease, make_world

PACKAGE = Path(__file__).resolve().parents[2] / "acrel_console"


@pytest.fixture
def w(sqlite_url: str) -> World:
    world = make_world(sqlite_url)
    world.accounts.open_account(world.cashier, "Li Si", "B-2", [world.meters[0]])
    yield world
    world.svc.close()


def test_a_process_without_the_site_lease_sends_nothing(w: World) -> None:
    m = w.meters[0]
    sale = w.vending.sell(w.cashier, m, "100", "cash")
    other = build_services(w.ctx.db_url)  # a workstation with the right key but no lease
    other.ctx.site_key, other.ctx.clock = SITE_KEY, w.clock
    try:
        assert not holds_site_lease(other.ctx)
        out = execute_credit_command(other.ctx, w.bus, sale.command_id)
        assert out.waiting and out.state == "pending" and "site lease" in out.reason
        assert deliver_all(other.ctx, w.bus) == []  # the lease is held elsewhere: nothing done
        assert w.model(m).applied == []
    finally:
        other.close()
    assert execute_credit_command(w.ctx, w.bus, sale.command_id).state == "delivered"  # the holder sends


def test_losing_the_lease_stops_sending(w: World) -> None:
    sale = w.vending.sell(w.cashier, w.meters[0], "10", "cash")
    lease = w.ctx.extras["site_lease"]
    assert isinstance(lease, SiteLease)
    lease.release()
    assert not holds_site_lease(w.ctx)
    assert execute_credit_command(w.ctx, w.bus, sale.command_id).waiting
    assert w.model(w.meters[0]).applied == []


def test_a_never_anchored_database_copied_back_is_found(sqlite_url: str, tmp_path: Path) -> None:
    """The backup was made before the database had an identity (site_uid): put back by hand, its anchor was
    unknown, the delivered sale looked never sent, was renumbered and applied a second time."""
    w = make_world(sqlite_url)
    m = w.meters[0]
    w.accounts.open_account(w.cashier, "Li Si", "B-2", [m])
    sale = w.vending.sell(w.cashier, m, "131.14", "cash")
    snapshot = w.svc.backup.backup(w.admin, tmp_path / "first.backup")  # nothing was ever anchored before
    deliver_all(w.ctx, w.bus)
    assert w.model(m).applied == [(1, 13114)]
    db_file = Path(sqlite_url.split("///", 1)[1])
    w.svc.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db_file) + suffix).unlink(missing_ok=True)
    shutil.copyfile(snapshot.path, db_file)
    svc = build_services(sqlite_url)
    svc.ctx.site_key, svc.ctx.clock = SITE_KEY, w.clock
    hold_site_lease(svc.ctx)
    try:
        for _ in range(3):
            deliver_all(svc.ctx, w.bus)
        assert w.model(m).applied == [(1, 13114)]  # never twice
        assert svc.vending.delivery(w.admin, sale.command_id).state == "conflict"
    finally:
        svc.close()


def test_cli_deliveries_reconcile_says_what_the_meters_show(sqlite_url: str, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from acrel_console.cli import common, main
    from acrel_console.domain.errors import UserError
    from acrel_console.services import direct_delivery

    monkeypatch.setattr(common, "_setup_translation", lambda: UserError.english)
    w = make_world(sqlite_url)
    m = w.meters[0]
    w.accounts.open_account(w.cashier, "Li Si", "B-2", [m])
    w.model(m).down_calls = 10**6
    sale = w.vending.sell(w.cashier, m, "100", "cash")
    backup = w.svc.backup.backup(w.admin, tmp_path / "nightly.backup")
    w.model(m).down_calls = 0
    deliver_all(w.ctx, w.bus)
    w.svc.backup.restore(w.admin, backup.path)
    w.ctx.extras["site_lease"].release()  # no service runs
    w.svc.close()
    monkeypatch.setattr(direct_delivery, "_open_bus", lambda _config: w.bus)
    monkeypatch.setattr(w.bus, "close", lambda: None, raising=False)
    monkeypatch.setenv("ACREL_SITE_KEY", SITE_KEY.hex())
    monkeypatch.setenv("ACREL_PASSWORD", "secret1")
    code = main(["--db", sqlite_url, "--user", "admin", "deliveries", "reconcile"])
    out = capsys.readouterr().out
    assert code == 1, out  # a conflict for an operator to look at
    assert f"delivery {sale.command_id}: conflict" in out and "purchase count 1" in out
    assert w.model(m).applied == [(1, 10000)]


@pytest.mark.parametrize("path", sorted((PACKAGE / "cli").glob("*.py")) + [PACKAGE / "runtime.py"],
                         ids=lambda p: p.name)
def test_cli_and_runtime_reach_meters_and_tables_only_through_services(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    forbidden = [r"\bopen_bus\b", r"\bselect\(", r"storage\.tables", r"from sqlalchemy import",
                 r"sqlalchemy\.orm", r"drivers\.bus\b"]
    found = [p for p in forbidden if re.search(p, source)]
    assert not found, f"{path.name} uses {found}: go through a service"

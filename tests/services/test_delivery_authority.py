"""Money that cannot be replayed, restored twice or forged (issue 11): a restored backup, an edited or
replayed delivery row, a re-issue of a refused delivery and a workstation with the wrong site key never
put a sale on a meter twice. Each case failed on the code before issue 11 (one 100-yuan sale, 200 yuan on
the meter)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text

from acrel_console.app import build_services
from acrel_console.domain.errors import ConflictError
from acrel_console.services import site_anchor
from acrel_console.services.deliveries import deliver_all, execute_credit_command
from acrel_console.services.vending import VendingService
from acrel_console.storage.tables.operators import AuditRow
from tests.ledger.helpers import SITE_KEY, World, hold_site_lease, make_world


@pytest.fixture
def w(db_url: str) -> World:
    world = make_world(db_url)
    yield world
    world.svc.close()


def _open(w: World, i: int) -> int:
    w.accounts.open_account(w.cashier, f"Tenant {i}", f"A-{i}", [w.meters[i]])
    return w.meters[i]


def _state(w: World, command_id: str) -> str:
    return w.vending.delivery(w.admin, command_id).state


def test_restoring_a_backup_taken_while_pending_does_not_deliver_again(sqlite_url: str, tmp_path: Path) -> None:
    w = make_world(sqlite_url)
    m = _open(w, 0)
    w.model(m).down_calls = 10**6  # the meter is offline: the nightly backup holds the pending sale
    sale = w.vending.sell(w.cashier, m, "100", "cash")
    deliver_all(w.ctx, w.bus)
    backup = w.svc.backup.backup(w.admin, tmp_path / "nightly.backup")
    w.model(m).down_calls = 0
    deliver_all(w.ctx, w.bus)
    assert w.model(m).remaining_fen == 10000 and _state(w, sale.command_id) == "delivered"

    w.svc.backup.restore(w.admin, backup.path)
    found = deliver_all(w.ctx, w.bus)
    assert w.model(m).remaining_fen == 10000 and w.model(m).applied == [(1, 10000)]  # never twice
    assert _state(w, sale.command_id) == "conflict"  # held for an operator, with what the meter showed
    assert "restored database" in w.vending.delivery(w.admin, sale.command_id).error
    with w.ctx.read() as s:
        assert s.execute(select(AuditRow).where(AuditRow.kind == "delivery.reconcile")).first() is not None
    assert found == []  # nothing was left to send
    w.svc.close()


def _reopen(w: World):  # type: ignore[no-untyped-def]
    svc = build_services(w.ctx.db_url)
    svc.ctx.site_key, svc.ctx.clock = SITE_KEY, w.clock
    hold_site_lease(svc.ctx)  # the reopened console is the site's dispatcher
    return svc


def test_a_database_file_copied_back_is_detected_by_its_anchor(sqlite_url: str, tmp_path: Path) -> None:
    w = make_world(sqlite_url)
    m = _open(w, 0)
    w.model(m).down_calls = 10**6
    sale = w.vending.sell(w.cashier, m, "100", "cash")
    deliver_all(w.ctx, w.bus)
    site_anchor.advance(w.ctx)
    db_file = Path(sqlite_url.split("///", 1)[1])
    w.svc.close()
    shutil.copy(db_file, tmp_path / "copy.sqlite3")  # a plain file copy, no backup service
    w.model(m).down_calls = 0
    svc = _reopen(w)
    deliver_all(svc.ctx, w.bus)
    assert w.model(m).applied == [(1, 10000)]
    site_anchor.advance(svc.ctx)
    svc.close()
    shutil.copy(tmp_path / "copy.sqlite3", db_file)  # the older file is put back by hand
    svc = _reopen(w)
    deliver_all(svc.ctx, w.bus)
    assert w.model(m).applied == [(1, 10000)]
    assert VendingService(svc.ctx).delivery(w.admin, sale.command_id).state == "conflict"
    with svc.ctx.read() as s:
        assert s.execute(select(AuditRow).where(AuditRow.kind == "alarm.database_restored")).first() is not None
    svc.close()


def test_a_backup_taken_before_anything_was_anchored_is_still_recognised(sqlite_url: str, tmp_path: Path) -> None:
    """Fault simulation seed 1293: the first backup of a database that had no identity yet (none is made
    until something anchors the log) was put back after its pending sale was delivered; the copy named
    no anchor, so the sale was taken as never sent, renumbered and delivered a second time."""
    w = make_world(sqlite_url)
    m = _open(w, 0)
    w.model(m).down_calls = 10**6
    sale = w.vending.sell(w.cashier, m, "100", "cash")
    db_file = Path(sqlite_url.split("///", 1)[1])
    w.svc.close()
    shutil.copy(db_file, tmp_path / "first-night.sqlite3")  # the first copy, before any anchor was written
    w.model(m).down_calls = 0
    svc = _reopen(w)
    deliver_all(svc.ctx, w.bus)
    assert w.model(m).applied == [(1, 10000)]
    site_anchor.advance(svc.ctx)
    svc.close()
    shutil.copy(tmp_path / "first-night.sqlite3", db_file)
    svc = _reopen(w)
    deliver_all(svc.ctx, w.bus)
    assert w.model(m).applied == [(1, 10000)], "the sale went to the meter twice"
    assert VendingService(svc.ctx).delivery(w.admin, sale.command_id).state == "conflict"
    svc.close()


def test_two_deliverers_at_once_are_not_taken_for_a_replay(w: World) -> None:
    """A CLI pass beside the dispatcher (or a test's loop beside a test's own pass): the second deliverer loaded
    the row before the first one sent it. Its send is then in the log while the row it loaded claims never
    sent; that is not an older copy put back, and must not turn a delivered sale into a conflict."""
    m = _open(w, 0)
    sale = w.vending.sell(w.cashier, m, "100", "cash")

    def meanwhile(step: str) -> None:
        if step == "loaded":  # the other deliverer sends the same command now
            execute_credit_command(w.ctx, w.bus, sale.command_id)

    outcome = execute_credit_command(w.ctx, w.bus, sale.command_id, hook=meanwhile)
    assert outcome.state != "conflict", outcome.reason
    assert _state(w, sale.command_id) == "delivered" and w.model(m).applied == [(1, 10000)]
    assert w.vending.check_ledger(w.admin) == []


def test_a_delivered_row_edited_back_to_pending_is_refused_and_alarmed(w: World) -> None:
    m = _open(w, 0)
    _open(w, 1)
    sale = w.vending.sell(w.cashier, m, "100", "cash")
    with w.ctx.read() as s:
        original_mac = s.execute(text("SELECT mac FROM meter_commands WHERE id = :i"), {"i": sale.command_id}).scalar()
    deliver_all(w.ctx, w.bus)
    with w.ctx.transaction() as s:  # without the key: state and attempts reset, the MAC left as it was
        s.execute(text("UPDATE meter_commands SET state = 'pending', attempts = 0, completed_at = NULL "
                       "WHERE id = :i"), {"i": sale.command_id})
    out = execute_credit_command(w.ctx, w.bus, sale.command_id)
    assert out.state == "failed" and w.model(m).applied == [(1, 10000)]
    with pytest.raises(ConflictError):  # re-issuing the refused delivery would put the sale on the meter twice
        w.vending.reissue_conflict(w.cashier, sale.command_id, "looks unsent")
    assert w.model(m).applied == [(1, 10000)]

    sale2 = w.vending.sell(w.cashier, w.meters[1], "50", "cash")
    with w.ctx.read() as s:
        mac2 = s.execute(text("SELECT mac FROM meter_commands WHERE id = :i"), {"i": sale2.command_id}).scalar()
    deliver_all(w.ctx, w.bus)
    with w.ctx.transaction() as s:  # replay: the row as it was when created, its own original MAC
        s.execute(text("UPDATE meter_commands SET state = 'pending', attempts = 0, completed_at = NULL, "
                       "result_json = '', mac = :m WHERE id = :i"), {"m": mac2, "i": sale2.command_id})
    out = execute_credit_command(w.ctx, w.bus, sale2.command_id)
    assert out.state == "conflict" and "replayed" in out.reason
    assert w.model(w.meters[1]).applied == [(1, 5000)]
    with w.ctx.read() as s:
        kinds = list(s.execute(select(AuditRow.kind).where(AuditRow.kind == "alarm.mac_failure")).scalars())
    assert len(kinds) == 2
    assert original_mac


def test_a_workstation_with_the_wrong_site_key_never_signs_or_delivers(w: World) -> None:
    m = _open(w, 0)
    sale = w.vending.sell(w.cashier, m, "100", "cash")  # the site's key is recorded by its fingerprint
    other = build_services(w.ctx.db_url)
    other.ctx.site_key = bytes.fromhex("00112233445566778899AABBCCDDEEFF")
    other.ctx.clock = w.clock
    try:
        with pytest.raises(ConflictError, match="not the site's"):
            VendingService(other.ctx).sell(w.cashier, m, "5", "cash")
        hold_site_lease(other.ctx)  # even holding the site lease, the wrong key sends nothing
        outcomes = deliver_all(other.ctx, w.bus)
        assert outcomes and all(o.waiting and "not the site's" in o.reason for o in outcomes)
        assert w.model(m).applied == [] and _state(w, sale.command_id) == "pending"
    finally:
        other.close()
    hold_site_lease(w.ctx)
    deliver_all(w.ctx, w.bus)
    assert w.model(m).applied == [(1, 10000)]

"""The invariant check finds each kind of broken ledger (and nothing on a sound one)."""

from __future__ import annotations

import pytest
from sqlalchemy import text, update

from acrel_console.ledger import book, invariants
from acrel_console.services import audit
from acrel_console.services.deliveries import deliver_all
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import OperationRow
from acrel_console.storage.tables.meter_state import MeterStateRow
from tests.ledger.helpers import World, make_world


@pytest.fixture
def w(sqlite_url: str) -> World:
    world = make_world(sqlite_url, n_meters=2)
    world.accounts.open_account(world.cashier, "Xu", "1", world.meters)
    yield world
    world.svc.close()


def codes(w: World) -> set[str]:
    with w.ctx.read() as s:
        return {v.code for v in invariants.check(s, chain_check=audit.verify_chain)}


def test_sound_ledger_has_no_violations(w: World) -> None:
    w.vending.sell(w.cashier, w.meters[0], "10", "cash")
    deliver_all(w.ctx, w.bus)
    assert codes(w) == set()


def test_unbalanced_and_empty_operations(w: World) -> None:
    sale = w.vending.sell(w.cashier, w.meters[0], "10", "cash")
    deliver_all(w.ctx, w.bus)
    with w.ctx.transaction() as s:  # bypass the ORM guard, as a broken tool or a hand edit would
        s.execute(text("UPDATE ledger_entries SET amount_fen = amount_fen + 1 WHERE id = "
                       "(SELECT min(id) FROM ledger_entries)"))
        s.add(OperationRow(id="00000000-0000-4000-8000-00000000000a", kind="adjustment", at=w.clock(),
                           amount_fen=5, operator_name="x"))
    assert {"unbalanced", "no_entries"} <= codes(w)


def test_double_delivery_and_delivery_without_sale(w: World) -> None:
    sale = w.vending.sell(w.cashier, w.meters[0], "10", "cash")
    deliver_all(w.ctx, w.bus)
    with w.ctx.transaction() as s:
        twin = book.add_command(s, w.ctx.site_key, meter_id=w.meters[0], kind="recharge", created_by="x",
                                at=w.clock(), amount_fen=1000, expected_purchase_count=2,
                                operation_id=sale.operation_id)
        twin.state = "delivered"
        book.add_command(s, w.ctx.site_key, meter_id=w.meters[1], kind="recharge", created_by="x",
                         at=w.clock(), amount_fen=500, expected_purchase_count=1)
    found = codes(w)
    assert {"delivered_twice", "delivery_without_operation", "delivery_mismatch"} <= found


def test_sale_without_delivery(w: World) -> None:
    sale = w.vending.sell(w.cashier, w.meters[0], "10", "cash")
    with w.ctx.transaction() as s:
        s.execute(text("DELETE FROM meter_commands WHERE id = :i"), {"i": sale.command_id})
    assert {"operation_without_delivery", "delivery_mismatch"} <= codes(w)


def test_meter_showing_more_than_the_ledger(w: World) -> None:
    w.vending.sell(w.cashier, w.meters[0], "10", "cash")
    deliver_all(w.ctx, w.bus)
    with w.ctx.transaction() as s:
        s.add(MeterStateRow(meter_id=w.meters[0], purchase_count=1, remaining_fen=99999, last_success_at=w.clock()))
    assert "meter_above_ledger" in codes(w)


def test_meter_below_ledger_beyond_the_allowance(w: World) -> None:
    w.vending.sell(w.cashier, w.meters[0], "10", "cash")
    deliver_all(w.ctx, w.bus)
    with w.ctx.transaction() as s:
        s.add(MeterStateRow(meter_id=w.meters[0], purchase_count=1, remaining_fen=400, last_success_at=w.clock()))
    with w.ctx.read() as s:
        tight = {v.code for v in invariants.check(s, allowance=lambda _s, _m: 100)}
        loose = {v.code for v in invariants.check(s, allowance=lambda _s, _m: 600)}
    assert "meter_below_ledger" in tight and "meter_below_ledger" not in loose


def test_broken_operation_log(w: World) -> None:
    w.vending.sell(w.cashier, w.meters[0], "10", "cash")
    deliver_all(w.ctx, w.bus)
    with w.ctx.transaction() as s:
        s.execute(text("DELETE FROM audit_log WHERE id = 2"))
    assert "audit_chain" in codes(w)


def test_failed_delivery_is_reported(w: World) -> None:
    sale = w.vending.sell(w.cashier, w.meters[0], "10", "cash")
    with w.ctx.transaction() as s:
        s.execute(update(MeterCommandRow).where(MeterCommandRow.id == sale.command_id).values(state="failed"))
    assert "delivery_failed" in codes(w)

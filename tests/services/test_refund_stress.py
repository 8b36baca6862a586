"""Three cashiers refund 100 yuan on a 149.42 balance at the same instant, 100 rounds, on PostgreSQL (issue 11's
'seen once: three simultaneous refunds booked two'): never more than one is accepted, and the meter, the ledger
and the drawers agree after every round (SELECT ... FOR UPDATE on the meter; the cap is the ledger's balance)."""

from __future__ import annotations

import threading
from datetime import datetime, timezone

import pytest
from sqlalchemy import func, select

from acrel_console.domain.errors import UserError
from acrel_console.services.deliveries import deliver_all
from acrel_console.storage.tables.ledger import EntryRow, LedgerAccountRow
from tests.ledger.helpers import make_world

ROUNDS = 100


@pytest.mark.postgres
@pytest.mark.timeout(600)
def test_three_simultaneous_refunds_never_over_refund(pg_url: str) -> None:
    w = make_world(pg_url, n_meters=1)
    try:
        w.ctx.clock = lambda: datetime.now(timezone.utc)  # real clock: the fake one is not thread-safe
        m = w.meters[0]
        w.accounts.open_account(w.cashier, "Stress", "S-1", [m])
        w.vending.sell(w.cashier, m, "149.42", "cash")
        deliver_all(w.ctx, w.bus)
        cashiers = (w.cashier, w.cashier2, w.supervisor)
        for rnd in range(ROUNDS):
            barrier = threading.Barrier(3)
            accepted: list[str] = []
            refused: list[str] = []
            errors: list[BaseException] = []

            def refund(actor) -> None:  # type: ignore[no-untyped-def]
                try:
                    barrier.wait()
                    accepted.append(w.vending.refund(actor, m, "100", "cash").operation_id)
                except UserError as err:
                    refused.append(err.english())
                except BaseException as err:  # noqa: BLE001 - reported below
                    errors.append(err)

            threads = [threading.Thread(target=refund, args=(a,)) for a in cashiers]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
            assert not errors, errors
            assert len(accepted) == 1 and len(refused) == 2, (rnd, accepted, refused)
            deliver_all(w.ctx, w.bus)
            assert w.model(m).remaining_fen == 4942, rnd
            w.vending.sell(w.cashier, m, "100", "cash")  # back to 149.42 for the next round
            deliver_all(w.ctx, w.bus)
        with w.ctx.read() as s:
            drawers = s.execute(select(func.sum(EntryRow.amount_fen)).join(LedgerAccountRow).where(
                LedgerAccountRow.kind == "drawer")).scalar()
        assert drawers == w.model(m).remaining_fen == 14942  # paid in 149.42 + 100 x 100, paid out 100 x 100
        assert w.vending.check_ledger(w.admin) == []
    finally:
        w.svc.close()

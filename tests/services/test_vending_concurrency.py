"""Two cashiers selling to one meter at the same moment: consecutive purchase counts, right balance
(SQLite serialises with BEGIN IMMEDIATE; PostgreSQL with SELECT ... FOR UPDATE on the meter)."""

from __future__ import annotations

import threading
from datetime import datetime, timezone

from sqlalchemy import select

from acrel_console.services.deliveries import deliver_all
from acrel_console.storage.tables.commands import MeterCommandRow
from tests.ledger.helpers import make_world

PER_CASHIER = 8


def test_two_cashiers_one_meter(db_url: str) -> None:
    w = make_world(db_url, n_meters=2)
    try:
        w.ctx.clock = lambda: datetime.now(timezone.utc)  # real clock: the fake one is not thread-safe
        w.accounts.open_account(w.cashier, "Wang", "C-3", [w.meters[0], w.meters[1]])
        m = w.meters[0]
        barrier = threading.Barrier(2)
        errors: list[BaseException] = []
        results = []

        def sell(actor, amount: str) -> None:  # type: ignore[no-untyped-def]
            try:
                barrier.wait()
                for _ in range(PER_CASHIER):
                    results.append(w.vending.sell(actor, m, amount, "cash"))
                    # a sale on the other meter and a receipt number race alongside
                    w.vending.sell(actor, w.meters[1], "1", "cash")
            except BaseException as err:  # noqa: BLE001 - reported below
                errors.append(err)

        threads = [threading.Thread(target=sell, args=(w.cashier, "10")),
                   threading.Thread(target=sell, args=(w.cashier2, "20"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert not errors, errors
        counts = sorted(r.expected_purchase_count for r in results)
        assert counts == list(range(1, 2 * PER_CASHIER + 1))
        receipts = [r.receipt_no for r in results]
        assert len(set(receipts)) == len(receipts)
        with w.ctx.read() as s:
            mine = s.execute(select(MeterCommandRow.expected_purchase_count)
                             .where(MeterCommandRow.meter_id == m)).scalars().all()
        assert sorted(mine) == counts
        outs = deliver_all(w.ctx, w.bus)
        assert {o.state for o in outs} == {"delivered"}
        model = w.model(m)
        assert model.purchase_count == 2 * PER_CASHIER
        assert model.remaining_fen == PER_CASHIER * (1000 + 2000)
        assert w.model(w.meters[1]).remaining_fen == 2 * PER_CASHIER * 100
        acc = w.accounts.account_of_meter(w.admin, m)
        assert acc is not None and acc.meters[0].ledger_credit == model.remaining_fen / 100
        assert w.vending.check_ledger(w.admin) == []
    finally:
        w.svc.close()

"""SQLite writers of one process take turns in arrival order (issue 15: a cashier selling flat out starved the
dispatcher's deliveries, SQLite's busy handler favouring whoever asks again first)."""

from __future__ import annotations

import threading
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import text

from acrel_console.services.write_gate import FairWriteGate
from tests.ledger.helpers import make_world

TURNS = 8  # the dispatcher's writes measured while the cashier sells


def _wait_until(cond: object, what: str) -> None:
    """Spin on a state (not a time) for at most 10 s."""
    done = threading.Event()
    for _ in range(10_000):
        if cond():  # type: ignore[operator]
            return
        done.wait(0.001)
    raise AssertionError(f"never: {what}")


def test_the_dispatcher_writes_next_while_a_cashier_sells_flat_out(tmp_path: Path) -> None:
    w = make_world(f"sqlite:///{tmp_path / 'site.sqlite3'}", n_meters=2)
    w.ctx.clock = lambda: datetime.now(timezone.utc)  # real clock: the fake one is not thread-safe
    w.accounts.open_account(w.cashier, "Wang", "C-3", w.meters)
    stop, sold, errors = threading.Event(), [0], []

    def cashier() -> None:
        try:
            while not stop.is_set():
                w.vending.sell(w.cashier, w.meters[sold[0] % 2], "1", "cash")
                sold[0] += 1
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    seller = threading.Thread(target=cashier, name="cashier")
    seller.start()
    overtaken: list[int] = []  # sales completed between a dispatcher write's asking and its writing
    try:
        for _ in range(TURNS):
            before = sold[0]
            _wait_until(lambda: sold[0] > before or errors, "a sale")  # the cashier is mid-stream
            asked = sold[0]
            with w.ctx.transaction() as s:  # a delivery's state written (what the dispatcher does)
                s.execute(text("UPDATE meter_commands SET attempts = attempts WHERE id < 0"))
                overtaken.append(sold[0] - asked)
    finally:
        stop.set()
        seller.join(30)
        w.svc.close()
    assert not errors
    assert max(overtaken) <= 1, overtaken  # only the sale under way when it asked (without the gate: hundreds)


def test_writers_are_served_in_arrival_order_and_a_turn_nests() -> None:
    gate = FairWriteGate()
    order: list[str] = []
    holding, release = threading.Event(), threading.Event()

    def first() -> None:
        with gate, gate:  # a writer nesting its own turn never waits for itself
            order.append("first")
            holding.set()
            release.wait(10)

    def later(name: str) -> None:
        with gate:
            order.append(name)

    a = threading.Thread(target=first)
    a.start()
    assert holding.wait(10)
    waiting = []
    for k, name in enumerate(("dispatcher", "cashier", "poller")):  # each queues behind the one before
        t = threading.Thread(target=later, args=(name,))
        t.start()
        _wait_until(lambda k=k: gate.waiting == k + 1, f"{name} queued")
        waiting.append(t)
    release.set()
    for t in [a, *waiting]:
        t.join(10)
    assert order == ["first", "dispatcher", "cashier", "poller"] and gate.idle


def test_a_writer_out_of_patience_goes_on_to_sqlites_own_lock() -> None:
    gate = FairWriteGate(patience_s=0.01)  # a holder that waits for this writer would otherwise hang both
    holding, release, went_on = threading.Event(), threading.Event(), threading.Event()

    def holder() -> None:
        with gate:
            holding.set()
            release.wait(10)

    def impatient() -> None:
        with gate:
            went_on.set()

    a = threading.Thread(target=holder)
    a.start()
    assert holding.wait(10)
    b = threading.Thread(target=impatient)
    b.start()
    assert went_on.wait(10)  # while the holder still holds its turn
    b.join(10)
    release.set()
    a.join(10)
    assert gate.idle

"""Seeded fault simulation of online payment (issue 17): orders at the counter, the kiosk and the phone; payers who
pay, pay a wrong amount or walk away; notifications delivered, repeated, late, out of order, forged or lost; a
reply lost while querying the provider (the provider acted, the console never heard); the console killed between
a notification and the meter's delivery, or anywhere in a provider call or a delivery step, and restarted from its
database; cashiers cancelling as the payer pays; a meter's stored-credit limit dropping under a payment; a
supervisor deciding wrong-amount cases. The bus between the console and the model meters loses and delays frames.

Checked at the quiet end of every seed: `ledger check` is clean; every transaction the providers took is credited
exactly once (one sale of the paid amount, delivered once), or held for a decision, or paid back, and never both;
no unpaid order has a sale or any money; every online sale belongs to a paid order; drawers = meters + suspense
(not a fen created or lost); each meter holds what the ledger says and applied exactly the delivered commands.

ACREL_PAY_SIM_SEEDS=N runs N seeds (default 40, a few seconds); ACREL_SIM_SEED=K replays one seed.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from acrel_console.services.deliveries import deliver_all
from acrel_console.storage.tables.ledger import OperationRow
from acrel_console.storage.tables.payments import PaymentOrderRow
from tests.ledger.helpers import FakeClock
from tests.sim.fakebus import FakeBus, ModelMeter, random_plan
from tests.sim.pay_events import PaymentEvents, suspense_fen
from tests.sim.test_fault_simulation import check as ledger_and_meters
from tests.sim.world import Template, make_template, open_copy, reopen, run_seeds, seeds_from_env


class Crash(BaseException):
    """The console process dies here (kill -9): nothing in the console catches it, not even the sweep's guard."""


def run_seed(seed: int, template: Template, directory: Path) -> list[str]:
    """Run one seed; the broken invariants (empty = fine)."""
    rng = random.Random(seed)
    clock = FakeClock()
    url, svc = open_copy(template, directory, clock)
    models = {a: ModelMeter() for a in template.addresses.values()}
    bus = FakeBus(models, random_plan(rng, rng.choice((0.0, 0.1, 0.25))), clock)
    state: dict[str, Any] = {"svc": svc}

    def restart() -> None:
        state["svc"].close()
        state["svc"] = reopen(url, clock)

    pay = PaymentEvents(rng, template, clock, lambda: state["svc"], Crash)

    def dispatch() -> None:
        crash_at = rng.randint(1, 8) if rng.random() < 0.25 else None
        calls = {"n": 0}

        def hook(_step: str) -> None:
            calls["n"] += 1
            if calls["n"] == crash_at:
                raise Crash()

        try:
            deliver_all(state["svc"].ctx, bus, hook=hook)
        except Crash:
            restart()

    for _ in range(rng.randint(10, 30)):
        roll = rng.random()
        try:
            if roll < 0.08:
                pay.act("pay")  # a notification settles a sale, then the console dies before delivering it
                raise Crash()
            if roll < 0.3:
                dispatch()
            else:
                pay.act()
        except Crash:
            restart()
    # Quiet end: faults stop, late notifications arrive, every order is asked until it expires, meters catch up.
    pay.quiet()
    bus.plan = lambda _c, _a: None
    for m in models.values():
        m.down_calls = 0

    def deliver() -> None:
        for _ in range(10):
            if not deliver_all(state["svc"].ctx, bus):
                return

    pay.settle_all(deliver)
    deliver()
    problems = pay.check() + online_sales(state["svc"])
    with state["svc"].ctx.read() as s:
        held = -suspense_fen(s)
    problems += ledger_and_meters(state["svc"], template, models, held_fen=held)
    state["svc"].close()
    return problems


def online_sales(svc: Any) -> list[str]:
    """Every online sale belongs to exactly one paid (or supervisor-credited) order; no other order has a sale."""
    with svc.ctx.read() as s:
        sales = s.execute(select(func.count()).where(OperationRow.kind == "sale",
                                                     OperationRow.method.in_(("wechat", "alipay")))).scalar()
        paid = s.execute(select(func.count()).where(PaymentOrderRow.state.in_(("paid", "credited")))).scalar()
    return [] if sales == paid else [f"{sales} online sales for {paid} paid orders"]


@pytest.mark.timeout(600)
def test_payment_simulation(tmp_path: Path) -> None:
    failures = run_seeds(run_seed, make_template, seeds_from_env("ACREL_PAY_SIM_SEEDS", 40), tmp_path)
    assert not failures, f"{len(failures)} failing seeds:\n" + "\n".join(failures[:10])


def test_a_payment_seed_is_deterministic(tmp_path: Path) -> None:
    template = make_template(tmp_path)

    def trace() -> list[tuple[str, int, int | None]]:
        assert run_seed(3, template, tmp_path) == []
        svc = reopen(f"sqlite:///{tmp_path / 'seed.sqlite3'}", FakeClock())
        try:
            with svc.ctx.read() as s:
                return sorted((r.state, r.amount_fen, r.paid_fen) for r in s.execute(select(PaymentOrderRow)).scalars())
        finally:
            svc.close()

    first = trace()
    assert first and first == trace()

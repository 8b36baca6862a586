"""Seeded fault simulation of issue 10: a site taken over with money already on its meters. Model meters start with
the previous system's credit (or a debt) and keep using energy between any two calls (so readings go stale and
the tenant consumes between the console's reading and its frame); the console opens accounts with the credit
taken over or cleared, sells, refunds, reverses, closes accounts (销户), replaces meters (换表), while the bus loses
requests and replies, times out, reboots meters and duplicates frames, meters sometimes refuse to give credit back
(then the change is resumed, or settled by a supervisor's claim of what the meter really holds), and the console
is killed (-9) between any two delivery steps and restarted from its database.

Checked at the quiet end of every seed: `ledger check` is clean; no meter applied a command twice and every
delivered command is what its meter applied; nothing is still held; every 销户/换表 is done or stuck; per meter,
the tenant's ledger balance is never below what the meter holds (money lost) nor above it by more than the
energy the meter deducted (money created); closed and replaced meters hold nothing in the ledger; and the cash
that left the drawers is never more than what came in plus the credit taken over.

ACREL_SIM_SEEDS=N runs N seeds (default 400); ACREL_SIM_SEED=K replays one seed.
"""

from __future__ import annotations

import random
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from acrel_console.domain.errors import UserError
from acrel_console.domain.readings import MeterReading
from acrel_console.ledger import book, invariants
from acrel_console.ledger.queries import meter_tenant, open_meter_ids
from acrel_console.services import audit
from acrel_console.services.account_changes import Claim
from acrel_console.services.accounts import AccountService
from acrel_console.services.deliveries import deliver_all
from acrel_console.services.money_common import meter_side
from acrel_console.services.vending import VendingService
from acrel_console.storage.tables.changes import AccountChangeRow
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import EntryRow, LedgerAccountRow, OperationRow
from acrel_console.storage.tables.meter_state import MeterStateRow
from acrel_console.storage.tables.site import MeterRow
from tests.ledger.helpers import FakeClock
from tests.sim.fakebus import FakeBus, ModelMeter, random_plan
from tests.sim.world import Template, make_template, open_copy, reopen, run_seeds, seeds_from_env

N_METERS = 4


class Crash(Exception):
    """The console process dies here (kill -9)."""


class UsingBus(FakeBus):
    """The fake bus, with tenants using energy at random between any two calls."""

    def __init__(self, *args: Any, rng: random.Random, use_rate: float, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.rng, self.use_rate = rng, use_rate

    def _meter(self, address: int, call: str) -> tuple[ModelMeter, str | None]:
        m = self.meters.get(address)
        if m is not None and self.rng.random() < self.use_rate:
            m.use(self.rng.randint(1, 40))
        return super()._meter(address, call)


def run_seed(seed: int, template: Template, directory: Path) -> list[str]:
    rng = random.Random(seed)
    clock = FakeClock()
    url, svc = open_copy(template, directory, clock)
    models = {a: ModelMeter(purchase_count=rng.randint(0, 9),
                            remaining_fen=rng.choice((0, rng.randint(1, 90000), rng.randint(1, 90000), -rng.randint(1, 3000))))
              for a in template.addresses.values()}
    bus = UsingBus(models, random_plan(rng, rng.choice((0.0, 0.1, 0.25))), clock, rng=rng,
                   use_rate=rng.choice((0.0, 0.2, 0.5)))
    address = template.addresses
    state: dict[str, Any] = {"svc": svc}
    sales: list[str] = []

    def ctx() -> Any:
        return state["svc"].ctx

    def vending() -> VendingService:
        return VendingService(ctx())

    def accounts() -> AccountService:
        return AccountService(ctx())

    def poll(meter_id: int) -> None:
        """A status sweep of one meter (sometimes the only fresh reading for a while)."""
        m = models[address[meter_id]]
        reading = MeterReading(read_at=clock.now, type_code=7, remaining_fen=m.remaining_fen,
                               purchase_count=m.purchase_count)
        with ctx().transaction() as s:
            row = s.get(MeterStateRow, meter_id) or MeterStateRow(meter_id=meter_id)
            s.add(row)
            row.remaining_fen, row.purchase_count = reading.remaining_fen, reading.purchase_count
            row.last_success_at = row.last_attempt_at = clock()
            row.offline, row.consecutive_failures = False, 0

    def cashier() -> Any:
        return rng.choice(template.cashiers)

    def opened() -> list[int]:
        with ctx().read() as s:
            return sorted(open_meter_ids(s))

    def usable() -> list[int]:
        with ctx().read() as s:
            return [m for m in template.meters if not s.get(MeterRow, m).retired]

    def action() -> None:
        kind = rng.choices(("open", "sale", "refund", "reverse", "close", "replace", "poll", "refuse"),
                           (3, 6, 2, 2, 2, 1, 3, 1))[0]
        live = opened()
        free = [m for m in usable() if m not in live]
        try:
            if kind == "open" and free:
                mid = rng.choice(free)
                if rng.random() < 0.8:
                    poll(mid)
                credit = Decimal(rng.randint(1, 20000)) / 100 if rng.random() < 0.5 else None
                accounts().open_account(cashier(), f"T{rng.randint(1, 999)}", "R", [mid], opening_credit=credit,
                                        existing_credit=rng.choice(("take-over", "clear")))
            elif kind == "sale" and live:
                sales.append(vending().sell(cashier(), rng.choice(live), Decimal(rng.randint(1, 30000)) / 100,
                                            rng.choice(("cash", "wechat"))).operation_id)
            elif kind == "refund" and live:
                mid = rng.choice(live)
                if rng.random() < 0.5:
                    poll(mid)
                vending().refund(cashier(), mid, Decimal(rng.randint(1, 30000)) / 100)
            elif kind == "reverse" and sales:
                amount = None if rng.random() < 0.5 else Decimal(rng.randint(1, 5000)) / 100
                vending().reverse(cashier(), rng.choice(sales), template.supervisor, "sim", amount=amount)
            elif kind == "close" and live:
                acc = accounts().account_of_meter(cashier(), rng.choice(live))
                if acc is not None:
                    accounts().close_account(cashier(), acc.account_id, claims=claims_for(acc))
            elif kind == "replace" and live and free:
                old, new = rng.choice(live), rng.choice(free)
                poll(new)
                accounts().replace_meter(cashier(), old, new, existing_credit=rng.choice(("take-over", "clear")),
                                         claim=claims_for_meter(old))
            elif kind == "poll" and usable():
                poll(rng.choice(usable()))
            elif kind == "refuse":
                m = models[address[rng.choice(template.meters)]]
                m.refuse = not m.refuse  # a meter that will not give credit back (for a while)
        except UserError:
            pass  # refused with a reason: nothing written

    def claims_for_meter(mid: int) -> Claim | None:
        """A supervisor's claim for a refusing meter: what it really holds, within the ledger's balance."""
        m = models[address[mid]]
        if not m.refuse or rng.random() < 0.5:
            return None
        return Claim(mid, Decimal(max(0, m.remaining_fen)) / 100, template.supervisor, "meter will not answer")

    def claims_for(acc: Any) -> dict[int, Claim]:
        return {mb.meter_id: c for mb in acc.meters if (c := claims_for_meter(mb.meter_id)) is not None}

    def dispatch(faults: bool = True) -> None:
        crash_at = rng.randint(1, 14) if faults and rng.random() < 0.3 else None
        calls = {"n": 0}

        def hook(_step: str) -> None:
            calls["n"] += 1
            if faults and rng.random() < 0.15:
                action()  # the cashier works while the dispatcher is between two steps
            if calls["n"] == crash_at:
                raise Crash()

        try:
            deliver_all(ctx(), bus, hook=hook)
        except Crash:
            state["svc"].close()
            state["svc"] = reopen(url, clock)  # kill -9 and start again from the database

    for mid in template.meters:  # the site's first sweep ran before anyone opened an account
        poll(mid)
    for _ in range(rng.randint(4, 14)):
        (action if rng.random() < 0.6 else dispatch)()
    # Quiet end: faults stop, meters come back and answer, stuck changes are resumed, the dispatcher runs.
    bus.plan = lambda _c, _a: None
    bus.use_rate = 0.0
    for m in models.values():
        m.down_calls, m.refuse = 0, False
    for _ in range(8):
        dispatch(faults=False)
        with ctx().read() as s:
            stuck = [(c.kind, c.account_id, c.meter_id, c.new_meter_id) for c in s.execute(
                select(AccountChangeRow).where(AccountChangeRow.state == "stuck")).scalars()]
        for mid in opened():  # a clearing a meter refused at opening is tried again (its alarm says so)
            try:
                accounts().retry_clear(template.supervisor, mid)
            except UserError:
                pass
        for kind, account_id, meter_id, new_meter_id in stuck:
            try:
                if kind == "close":
                    accounts().close_account(template.supervisor, account_id)
                elif kind == "replace":
                    accounts().replace_meter(template.supervisor, int(meter_id), int(new_meter_id))
            except UserError:
                pass
    for mid in usable():
        poll(mid)
    problems = check(state["svc"], template, models)
    state["svc"].close()
    return problems


def check(svc: Any, template: Template, models: dict[int, ModelMeter]) -> list[str]:
    out: list[str] = []
    with svc.ctx.read() as s:
        out += [f"{v.code}: {v.message}" for v in
                invariants.check(s, meter_side=meter_side, chain_check=audit.verify_chain)]
        left = s.execute(select(func.count()).where(MeterCommandRow.state.in_(book.OUTSTANDING),
                                                   MeterCommandRow.kind == "recharge")).scalar()
        if left:
            out.append(f"{left} credit commands still outstanding after the quiet end")
        held = s.execute(select(func.coalesce(func.sum(EntryRow.amount_fen), 0)).join(LedgerAccountRow).where(
            LedgerAccountRow.code == "hold:returns")).scalar()
        if held:
            out.append(f"{held} fen still held after the quiet end")
        settling = s.execute(select(func.count()).where(AccountChangeRow.state == "settling")).scalar()
        if settling:
            out.append(f"{settling} account changes still settling")
        stuck_meters: set[int] = set()
        for ch in s.execute(select(AccountChangeRow).where(AccountChangeRow.state == "stuck")).scalars():
            stuck_meters |= {ch.meter_id} if ch.meter_id else {m for m, in s.execute(
                select(MeterStateRow.meter_id))}
        for meter_id, addr in template.addresses.items():
            model = models[addr]
            credit = book.ledger_credit_fen(s, meter_id)
            delivered = s.execute(select(MeterCommandRow.amount_fen).where(
                MeterCommandRow.meter_id == meter_id, MeterCommandRow.state == "delivered",
                MeterCommandRow.kind == "recharge")).scalars().all()
            if Counter(delivered) != Counter(a for _c, a in model.applied):
                out.append(f"meter {meter_id}: delivered {sorted(delivered)} but it applied "
                           f"{sorted(a for _c, a in model.applied)}")
            counts = Counter(c for c, _a in model.applied)
            if any(n > 1 for n in counts.values()):
                out.append(f"meter {meter_id} applied a purchase count twice")
            if meter_tenant(s, meter_id) is not None:
                if credit < model.remaining_fen:
                    out.append(f"meter {meter_id}: ledger {credit} fen below the meter's {model.remaining_fen} (lost)")
                if credit - model.remaining_fen > model.used_fen:
                    out.append(f"meter {meter_id}: ledger {credit} fen above the meter's {model.remaining_fen} by "
                               f"more than the {model.used_fen} fen it deducted (created)")
            elif credit != 0 and meter_id not in stuck_meters:
                out.append(f"meter {meter_id}: nobody holds it but the ledger gives {credit} fen")
        cash_out = -int(s.execute(select(func.coalesce(func.sum(EntryRow.amount_fen), 0)).join(LedgerAccountRow)
                                  .where(LedgerAccountRow.kind == "drawer", EntryRow.amount_fen < 0)).scalar())
        cash_in = int(s.execute(select(func.coalesce(func.sum(EntryRow.amount_fen), 0)).join(LedgerAccountRow)
                                .where(LedgerAccountRow.kind == "drawer", EntryRow.amount_fen > 0)).scalar())
        taken = int(s.execute(select(func.coalesce(func.sum(OperationRow.amount_fen), 0)).where(
            OperationRow.kind == "takeover", ~OperationRow.detail_json.like('%"debt":true%'))).scalar())
        if cash_out > cash_in + taken:
            out.append(f"paid out {cash_out} fen, more than the {cash_in} taken in and {taken} taken over")
    return out


@pytest.mark.timeout(1800)
def test_account_fault_simulation(tmp_path: Path) -> None:
    failures = run_seeds(run_seed, lambda d: make_template(d, n_meters=N_METERS, open_accounts=False),
                         seeds_from_env("ACREL_ACCOUNT_SIM_SEEDS", 400), tmp_path, parallel_above=50)
    assert not failures, f"{len(failures)} failing seeds:\n" + "\n".join(failures[:10])

"""Online payment events for the fault simulation (issue 17): orders made at the counter or on the tenant's phone,
payers who pay, pay a wrong amount or walk away, notifications delivered, repeated, late, forged or lost, the
runtime's sweeps, a cashier cancelling (sometimes as the payer pays), a meter's stored-credit limit dropping under
a payment, a supervisor deciding a case; every provider call may fail or kill the console before or after the
provider acted. And the checks: each paid transaction credited exactly once, or held, or paid back."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from acrel_console.domain.errors import UserError
from acrel_console.domain.payments import OPEN_STATES, held_id_for, order_id_of, out_trade_no, refund_id_for, sale_id_for
from acrel_console.ledger.posting import SUSPENSE
from acrel_console.services.payments import PaymentService
from acrel_console.services.tenant_access import TenantPrincipal
from acrel_console.services.tenant_portal import TenantPortalService
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import EntryRow, LedgerAccountRow, OperationRow
from acrel_console.storage.tables.payments import PaymentOrderRow
from acrel_console.storage.tables.site import MeterRow
from tests.ledger.helpers import FakeClock
from tests.sim.fakepay import FakePayClient, Provider, ProviderTrade, random_pay_plan
from tests.sim.world import Template

PROVIDERS = ("wechat", "alipay")
EVENTS = ("order", "pay", "late", "sweep", "cancel", "follow", "limit", "resolve", "forge")
WEIGHTS = (6, 6, 2, 3, 2, 1, 1, 2, 1)


class PaymentEvents:
    """The payment side of one seed. `svc()` is the console as it is now (a crash replaces it)."""

    def __init__(self, rng: random.Random, template: Template, clock: FakeClock, svc: Callable[[], Any],
                 crash: Callable[[], BaseException]) -> None:
        self.rng, self.template, self.clock, self.svc = rng, template, clock, svc
        self.providers = {p: Provider(p, clock) for p in PROVIDERS}
        rate = rng.choice((0.0, 0.05, 0.15))
        self.clients = {p: FakePayClient(self.providers[p], random_pay_plan(rng, rate), crash,
                                         refund_processing=lambda: rng.random() < 0.3) for p in PROVIDERS}
        self.shown: list[tuple[str, str]] = []  # (provider, order id) whose QR or page reached the payer
        self.phone: dict[str, TenantPrincipal] = {}  # order id -> the tenant following it on their phone

    def payments(self) -> PaymentService:
        return PaymentService(self.svc().ctx, dict(self.clients))

    def quiet(self) -> None:
        """Faults stop: every provider call answers."""
        for c in self.clients.values():
            c.plan = lambda _call: None

    # events ---------------------------------------------------------------------------------------------
    def act(self, kind: str | None = None) -> None:
        """One event (drawn from the seed unless given). Refusals are ordinary answers; a crash propagates."""
        kind = kind or self.rng.choices(EVENTS, WEIGHTS)[0]
        try:
            getattr(self, f"_{kind}")()
        except UserError:
            pass  # refused: the order is not made, or the case is not waiting any more

    def _order(self) -> None:
        meter = self.rng.choice(self.template.meters)
        provider = self.rng.choice(PROVIDERS)
        amount = Decimal(self.rng.randint(1, 30000)) / 100
        if self.rng.random() < 0.5:
            view = self.payments().start_counter(self.rng.choice(self.template.cashiers), meter, amount, provider)
        else:
            principal = self._principal(meter)
            portal = TenantPortalService(self.svc().ctx, payments=self.payments())
            view = portal.recharge(principal, meter, str(amount), provider, kiosk=self.rng.random() < 0.5)
            self.phone[view.order_id] = principal
        self.shown.append((provider, view.order_id))

    def _principal(self, meter_id: int) -> TenantPrincipal:
        from acrel_console.ledger.queries import meter_tenant

        with self.svc().ctx.read() as s:
            holder = meter_tenant(s, meter_id)
        if holder is None:
            raise UserError("unopened")
        return TenantPrincipal(holder.tenant_id, holder.account_no, holder.name, "sim", "sim", False, False)

    def _pay(self) -> None:
        waiting = [(p, o) for p, o in self.shown if self._waiting(p, o)]
        if not waiting:
            return
        provider, order_id = self.rng.choice(waiting)
        prov = self.providers[provider]
        no = out_trade_no(order_id)
        wrong = self.rng.random() < 0.12
        amount = max(1, prov.trades[no].amount_fen + self.rng.choice((-100, 100, -1))) if wrong else None
        trade = prov.pay(no, amount)
        assert trade is not None
        self._announce(provider, trade)

    def _announce(self, provider: str, trade: Any) -> None:
        """The provider's notification: delivered (perhaps repeated, perhaps with a second id), late, or lost."""
        prov = self.providers[provider]
        fate = self.rng.random()
        if fate < 0.2:
            return  # lost: only a query finds the payment
        note = prov.notification(trade)
        if fate < 0.4:
            prov.outbox.append(note)  # late: delivered by a later event
            return
        for _ in range(self.rng.choice((1, 1, 2, 3))):
            self._deliver(provider, note)
        if self.rng.random() < 0.15:
            self._deliver(provider, prov.notification(trade))  # the same transaction under a new id
        if self.rng.random() < 0.1:
            self._deliver(provider, prov.notification(trade, forged=True))

    def _deliver(self, provider: str, note: tuple[dict[str, str], bytes]) -> None:
        reply = self.payments().notification(provider, note[0], note[1])
        if reply.status >= 500:
            self.providers[provider].outbox.append(note)  # the provider tries again later

    def _forge(self) -> None:
        """Someone posts a 'paid' notification for an order nobody paid: a forged signature, or a genuine one a
        day old (replayed). Both must be refused; the order stays unpaid."""
        waiting = [(p, o) for p, o in self.shown if self._waiting(p, o)]
        if not waiting:
            return
        provider, order_id = self.rng.choice(waiting)
        prov = self.providers[provider]
        fake = ProviderTrade(out_trade_no(order_id), prov.trades[out_trade_no(order_id)].amount_fen, "paid",
                             f"FAKE{self.rng.randrange(10**9):09d}")
        fake.paid_fen = fake.amount_fen
        forged = self.rng.random() < 0.5
        self._deliver(provider, prov.notification(fake, forged=forged, age_s=0 if forged else 86400))

    def _waiting(self, provider: str, order_id: str) -> bool:
        t = self.providers[provider].trades.get(out_trade_no(order_id))
        return t is not None and t.state == "waiting"

    def _late(self) -> None:
        provider = self.rng.choice(PROVIDERS)
        outbox = self.providers[provider].outbox
        if outbox:
            self._deliver(provider, outbox.pop(self.rng.randrange(len(outbox))))

    def _sweep(self) -> None:
        self.clock.now += timedelta(seconds=self.rng.choice((1, 3, 5, 20, 60, 200, 650)))
        self.payments().sweep()

    def _cancel(self) -> None:
        counter = [(p, o) for p, o in self.shown if o not in self.phone]
        if not counter:
            return
        provider, order_id = self.rng.choice(counter)
        prov = self.providers[provider]
        if self.rng.random() < 0.5:  # the payer pays just as the cashier gives up: the close finds it paid
            def pay_first(no: str) -> None:
                trade = prov.pay(no)
                if trade is not None and self.rng.random() < 0.5:
                    prov.outbox.append(prov.notification(trade))
            prov.before_close = pay_first
        try:
            self.payments().cancel(self.rng.choice(self.template.cashiers), order_id)
        finally:
            prov.before_close = None

    def _follow(self) -> None:
        if self.phone:
            order_id = self.rng.choice(sorted(self.phone))
            TenantPortalService(self.svc().ctx, payments=self.payments()).recharge_order(self.phone[order_id], order_id)

    def _limit(self) -> None:
        """The stored-credit limit (囤积上限) of a meter drops under what is paid, or is lifted again."""
        meter = self.rng.choice(self.template.meters)
        limit = self.rng.choice((None, None, 100, 5000, 20000))
        self.svc().site.update_meter(self.template.admin, meter, max_credit_fen=limit)

    def _resolve(self) -> None:
        with self.svc().ctx.read() as s:
            held = sorted(s.execute(select(PaymentOrderRow.id).where(PaymentOrderRow.state == "held")).scalars())
        if held:
            action = self.rng.choice(("refund", "credit"))
            self.payments().resolve(self.template.supervisor, self.rng.choice(held), action, "sim: decided")

    def settle_all(self, deliver: Callable[[], object]) -> None:
        """The quiet end: late notifications arrive, every open order is asked until it expires, every refund is
        pushed through, every sale delivered."""
        for provider, prov in self.providers.items():
            while prov.outbox:
                self._deliver(provider, prov.outbox.pop(0))
        for _ in range(6):
            self.clock.now += timedelta(minutes=11)
            self.payments().sweep()
            deliver()
            with self.svc().ctx.read() as s:
                left = s.execute(select(func.count()).where(
                    PaymentOrderRow.state.in_(OPEN_STATES + ("refunding",)))).scalar()
            if not left:
                return

    # checks ---------------------------------------------------------------------------------------------
    def check(self) -> list[str]:
        """Every transaction the providers took is credited exactly once, or held in suspense, or paid back; no
        order is paid that the provider did not take; drawers + suspense = meters is checked by the caller."""
        out: list[str] = []
        with self.svc().ctx.read() as s:
            orders = {r.id: r for r in s.execute(select(PaymentOrderRow)).scalars()}
            for provider, prov in self.providers.items():
                for no, t in prov.trades.items():
                    row = orders.get(order_id_of(no) or "")
                    if row is None:
                        out.append(f"{provider} {no}: at the provider, no order here")
                        continue
                    out += _trade_problems(s, provider, t, row)
            for row in orders.values():
                if row.state in OPEN_STATES + ("refunding",):
                    out.append(f"order {row.id} still {row.state}/{row.refund_state} after the quiet end")
                if out_trade_no(row.id) not in self.providers[row.provider].trades and (
                        row.state not in ("failed", "expired") or row.operation_id is not None):
                    out.append(f"order {row.id} ({row.state}) unknown to {row.provider}")  # never reached it
        return out


def _trade_problems(s: Any, provider: str, t: Any, row: PaymentOrderRow) -> list[str]:
    tag = f"{provider} {t.out_trade_no} (order {row.state})"
    sale = s.get(OperationRow, sale_id_for(provider, t.transaction_id or ""))
    held = s.get(OperationRow, held_id_for(provider, t.transaction_id or ""))
    refund = s.get(OperationRow, refund_id_for(provider, t.transaction_id or ""))
    if t.state != "paid":
        if row.state not in ("expired", "cancelled", "failed") or row.transaction_id is not None:
            return [f"{tag}: {t.state} at the provider"]
        return []
    out = []
    if row.transaction_id != t.transaction_id or row.paid_fen != t.paid_fen:
        out.append(f"{tag}: paid {t.paid_fen} as {t.transaction_id}, order says {row.paid_fen} as {row.transaction_id}")
    if row.state in ("paid", "credited"):
        if sale is None or sale.amount_fen != t.paid_fen:
            out.append(f"{tag}: no sale of {t.paid_fen}")
        else:
            states = s.execute(select(MeterCommandRow.state).where(MeterCommandRow.operation_id == sale.id)).scalars().all()
            if states != ["delivered"]:
                out.append(f"{tag}: its sale's deliveries are {states}")
        if row.state == "paid" and t.paid_fen != row.amount_fen:
            out.append(f"{tag}: {t.paid_fen} paid for an order of {row.amount_fen}, credited without a decision")
        if t.refunded_fen:
            out.append(f"{tag}: credited and refunded {t.refunded_fen}")
        if row.state == "credited" and held is None:
            out.append(f"{tag}: credited by a decision without being held")
    elif row.state == "held":
        if held is None or held.amount_fen != t.paid_fen or sale is not None or t.refunded_fen:
            out.append(f"{tag}: held {held and held.amount_fen}, sale {sale is not None}, refunded {t.refunded_fen}")
    elif row.state == "refunded":
        if t.refunded_fen != t.paid_fen or refund is None or refund.amount_fen != t.paid_fen or sale is not None:
            out.append(f"{tag}: refunded {t.refunded_fen} of {t.paid_fen}, booked {refund and refund.amount_fen}")
    else:
        out.append(f"{tag}: paid at the provider")
    return out


def suspense_fen(s: Any) -> int:
    """The entries on the online suspense account (money held, negative: owed back or to be credited)."""
    return int(s.execute(select(func.coalesce(func.sum(EntryRow.amount_fen), 0))
                         .join(LedgerAccountRow, EntryRow.account_id == LedgerAccountRow.id)
                         .where(LedgerAccountRow.code == SUSPENSE)).scalar())


__all__ = ["PaymentEvents", "suspense_fen", "MeterRow"]

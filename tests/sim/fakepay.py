"""In-process payment providers for the fault simulation: the provider's own books (which outlive every console
crash) and a PaymentClient over them whose calls can fail or kill the console before or after the provider acted.

The loopback stand-ins of tests/payments prove the wire formats and signatures; here the point is the order of
events, so a provider is a few dictionaries and a seeded fault plan: thousands of seeds in seconds.

Provider rules modelled (as WeChat Pay v3 / Alipay behave): an order is created once per out_trade_no; a paid or
closed order cannot be paid again; closing a paid order is not an error (the query after it says paid); a refund is
idempotent by out_refund_no (a repeat answers the first refund) and never exceeds what was paid; a notification is
signed and carries its own id and time (here a flag stands for a forged signature)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from acrel_console.domain.payments import fresh
from acrel_console.drivers.payments.api import (Checkout, Notification, NotificationRefused, ProviderError,
                                                RefundResult, Trade)


@dataclass
class ProviderTrade:
    """One order as the provider keeps it."""

    out_trade_no: str
    amount_fen: int
    state: str = "waiting"  # waiting | paid | closed
    transaction_id: str | None = None
    paid_fen: int | None = None
    paid_at: datetime | None = None
    refunds: dict[str, tuple[int, str]] = field(default_factory=dict)  # out_refund_no -> (fen, done|processing)

    @property
    def refunded_fen(self) -> int:
        return sum(fen for fen, _state in self.refunds.values())

    def trade(self) -> Trade:
        return Trade(self.out_trade_no, self.state, self.transaction_id, self.paid_fen if self.state == "paid"
                     else None, self.paid_at, self.state.upper())


class Provider:
    """A provider's books: orders, payments, refunds, and the notifications it has still to send."""

    def __init__(self, name: str, clock: Callable[[], datetime]) -> None:
        self.name = name
        self.clock = clock
        self.trades: dict[str, ProviderTrade] = {}
        self.outbox: list[tuple[dict[str, str], bytes]] = []  # notifications not yet delivered (late ones)
        self.before_close: Callable[[str], None] | None = None  # the payer paying just as the close arrives
        self._txn = 0
        self._note = 0

    def pay(self, out_trade_no: str, amount_fen: int | None = None) -> ProviderTrade | None:
        """The payer pays (the order's amount, or another: a wrong-amount payment). None when it cannot be paid."""
        t = self.trades.get(out_trade_no)
        if t is None or t.state != "waiting":
            return None
        self._txn += 1
        t.state, t.transaction_id = "paid", f"{self.name[:2].upper()}{self._txn:010d}"
        t.paid_fen, t.paid_at = t.amount_fen if amount_fen is None else amount_fen, self.clock()
        return t

    def notification(self, t: ProviderTrade, *, forged: bool = False, age_s: int = 0) -> tuple[dict[str, str], bytes]:
        """A notification of a payment: a new id each time (a repeat of one already sent is the same bytes)."""
        self._note += 1
        at = self.clock()
        body = {"id": f"N{self._note}", "at": (at.timestamp() - age_s), "out_trade_no": t.out_trade_no,
                "transaction_id": t.transaction_id, "paid_fen": t.paid_fen, "state": t.state, "forged": forged}
        return {"Content-Type": "application/json"}, json.dumps(body).encode()


# A fault plan decides one provider call: None, or (phase, what) with phase 'before'/'after' the provider acted
# and what 'error' (a network error: ProviderError, retry) or 'crash' (the console dies).
PayFaultPlan = Callable[[str], tuple[str, str] | None]


class FakePayClient:
    """A PaymentClient over a Provider. `crash` makes the exception that stands for the console dying."""

    def __init__(self, provider: Provider, plan: PayFaultPlan, crash: Callable[[], BaseException],
                 refund_processing: Callable[[], bool] = lambda: False) -> None:
        self.world = provider
        self.provider = provider.name
        self.plan = plan
        self.crash = crash
        self.refund_processing = refund_processing

    def _fault(self, call: str, phase: str, fault: tuple[str, str] | None) -> None:
        if fault is None or fault[0] != phase:
            return
        if fault[1] == "crash":
            raise self.crash()
        raise ProviderError(f"{self.provider} {call}: timed out ({phase})", retry=True)

    def _act(self, call: str, action: Callable[[], object]) -> object:
        fault = self.plan(call)
        self._fault(call, "before", fault)
        result = action()
        self._fault(call, "after", fault)
        return result

    def create(self, out_trade_no: str, amount_fen: int, description: str, channel: str, *, expires_at: datetime,
               client_ip: str = "", openid: str = "", return_url: str = "") -> Checkout:
        def act() -> Checkout:
            self.world.trades.setdefault(out_trade_no, ProviderTrade(out_trade_no, amount_fen))
            if channel in ("native", "precreate"):
                return Checkout(qr_payload=f"sim://{self.provider}/{out_trade_no}")
            return Checkout(redirect_url=f"https://pay.example/{self.provider}/{out_trade_no}")
        result = self._act("create", act)
        assert isinstance(result, Checkout)
        return result

    def query(self, out_trade_no: str) -> Trade:
        def act() -> Trade:
            t = self.world.trades.get(out_trade_no)
            return Trade(out_trade_no, "unknown") if t is None else t.trade()
        result = self._act("query", act)
        assert isinstance(result, Trade)
        return result

    def close(self, out_trade_no: str) -> None:
        def act() -> None:
            if self.world.before_close is not None:
                self.world.before_close(out_trade_no)
            t = self.world.trades.get(out_trade_no)
            if t is not None and t.state == "waiting":
                t.state = "closed"
        self._act("close", act)

    def refund(self, out_trade_no: str, transaction_id: str, out_refund_no: str, refund_fen: int,
               total_fen: int, reason: str) -> RefundResult:
        def act() -> RefundResult:
            t = self.world.trades[out_trade_no]
            if t.state != "paid" or t.transaction_id != transaction_id or t.paid_fen != total_fen:
                raise ProviderError(f"refund of {transaction_id}: not this trade", retry=False)
            if out_refund_no not in t.refunds:
                if t.refunded_fen + refund_fen > (t.paid_fen or 0):
                    raise ProviderError("refund above the amount paid", retry=False)
                t.refunds[out_refund_no] = (refund_fen, "processing" if self.refund_processing() else "done")
            return RefundResult(out_refund_no, t.refunds[out_refund_no][1], f"RF{out_refund_no[:8]}")
        result = self._act("refund", act)
        assert isinstance(result, RefundResult)
        return result

    def query_refund(self, out_trade_no: str, out_refund_no: str) -> RefundResult:
        def act() -> RefundResult:
            t = self.world.trades.get(out_trade_no)
            if t is None or out_refund_no not in t.refunds:
                return RefundResult(out_refund_no, "failed")
            fen, _state = t.refunds[out_refund_no]
            t.refunds[out_refund_no] = (fen, "done")  # processing settles by the next query
            return RefundResult(out_refund_no, "done")
        result = self._act("refund_query", act)
        assert isinstance(result, RefundResult)
        return result

    def statement(self, day: str) -> bytes:
        raise ProviderError("no statements in the simulation", retry=False)

    def verify_notification(self, headers: dict[str, str], body: bytes, now: datetime) -> Notification:
        data = json.loads(body)
        if data["forged"]:
            raise NotificationRefused("signature", "the signature does not verify")
        at = datetime.fromtimestamp(data["at"], now.tzinfo)
        if not fresh(at, now):
            raise NotificationRefused("stale", "more than 5 minutes from the site clock")
        trade = Trade(data["out_trade_no"], data["state"], data["transaction_id"], data["paid_fen"])
        return Notification(data["id"], at, trade)

    def test_connection(self) -> str:
        return "simulated"


def random_pay_plan(rng: random.Random, rate: float) -> PayFaultPlan:
    """Provider-call faults drawn from the seed at the given rate (a quarter of them kill the console)."""
    def plan(_call: str) -> tuple[str, str] | None:
        if rng.random() >= rate:
            return None
        return rng.choice(("before", "after")), "crash" if rng.random() < 0.25 else "error"

    return plan

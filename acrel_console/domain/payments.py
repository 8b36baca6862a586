"""Online payment values and rules (WeChat Pay, Alipay): order states, amounts in the providers' units, the
ids a provider transaction becomes, notification freshness and the daily-statement (对账单) comparison."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

PROVIDERS = ("wechat", "alipay")  # the same codes as the ledger's payment methods
CHANNELS: dict[str, tuple[str, ...]] = {
    "wechat": ("native", "jsapi", "h5"),  # Native QR (counter, kiosk); JSAPI inside WeChat, H5 in a phone browser
    "alipay": ("precreate", "wap"),  # 当面付 precreate QR (counter, kiosk); 手机网站支付 wap pay (phone)
}
QR_CHANNELS = ("native", "precreate")
NOTIFY_TOLERANCE = timedelta(minutes=5)  # a notification further from the site clock than this is refused
ORDER_LIFETIME = timedelta(minutes=10)  # an unpaid QR order is closed after this

# Order states. open: waiting for the payer; paid: became a sale; held: money received but not credited
# (wrong amount: a supervisor's case; or a meter that cannot take it: refund follows); refunding/refunded:
# paid back through the provider; expired/cancelled: closed unpaid; failed: the provider refused to create it.
OPEN_STATES = ("creating", "open")
FINAL_STATES = ("paid", "expired", "cancelled", "failed", "refunded", "credited")
STATES = OPEN_STATES + FINAL_STATES + ("held", "refunding")

_NS = uuid.UUID("6f1c2a9e-3b1d-4c55-9a57-0c6f0b5d7e21")  # fixed: ids derived from provider ids never change


def sale_id_for(provider: str, transaction_id: str) -> str:
    """The ledger operation id of the sale a provider transaction becomes (idempotent by transaction id)."""
    return str(uuid.uuid5(_NS, f"sale:{provider}:{transaction_id}"))


def held_id_for(provider: str, transaction_id: str) -> str:
    """The ledger operation id of a payment received but not credited (held for a case or a refund)."""
    return str(uuid.uuid5(_NS, f"held:{provider}:{transaction_id}"))


def refund_id_for(provider: str, transaction_id: str) -> str:
    """The ledger operation id of the refund of a held payment (also the provider's out_refund_no, hex)."""
    return str(uuid.uuid5(_NS, f"refund:{provider}:{transaction_id}"))


def release_id_for(provider: str, transaction_id: str) -> str:
    """The ledger operation id that releases a held payment to be sold to the meter (a supervisor's decision)."""
    return str(uuid.uuid5(_NS, f"release:{provider}:{transaction_id}"))


def out_trade_no(order_id: str) -> str:
    """The merchant order number sent to the provider: the order's UUID as 32 hex digits (WeChat: 6-32 chars)."""
    return uuid.UUID(order_id).hex


def order_id_of(trade_no: str) -> str | None:
    """The order id back from a merchant order number, or None when it is not one of ours."""
    try:
        return str(uuid.UUID(hex=trade_no))
    except (ValueError, TypeError):
        return None


def yuan_text(fen: int) -> str:
    """Fen as Alipay's amount text ('12.50')."""
    return f"{Decimal(int(fen)).scaleb(-2):.2f}"


def fen_of_yuan_text(text: str) -> int:
    """Alipay's or a statement's amount text ('12.50', '¥12.50', '`12.50') to fen; ValueError when it is not one."""
    cleaned = str(text).strip().lstrip("`¥").replace(",", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"not an amount: {text!r}") from None
    if not value.is_finite() or value != value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP):
        raise ValueError(f"not an amount in yuan and fen: {text!r}")
    return int(value.scaleb(2))


def fresh(at: datetime, now: datetime, tolerance: timedelta = NOTIFY_TOLERANCE) -> bool:
    """True when a notification's own timestamp is within `tolerance` of the site clock (either way)."""
    return abs(at - now) <= tolerance


@dataclass(frozen=True, slots=True)
class StatementLine:
    """One row of a provider's daily statement or of the ledger's side of it."""

    kind: str  # payment | refund
    transaction_id: str  # the provider's transaction id (a refund row carries the paid transaction's id)
    out_trade_no: str
    amount_fen: int
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Difference:
    """The comparison of one transaction: matched, missing_ours (provider has it, the ledger not),
    missing_theirs (the ledger has it, the provider not) or amount (both, different amounts)."""

    result: str
    kind: str
    transaction_id: str
    out_trade_no: str
    theirs_fen: int | None
    ours_fen: int | None

    @property
    def is_difference(self) -> bool:
        return self.result != "matched"


RESULTS = ("matched", "missing_ours", "missing_theirs", "amount")


def compare(theirs: list[StatementLine], ours: list[StatementLine]) -> list[Difference]:
    """Every transaction of either side, keyed by (kind, transaction id); amounts summed per key (a
    transaction refunded in two parts is one refund line of the total). Sorted: differences first."""
    def totals(lines: list[StatementLine]) -> dict[tuple[str, str], tuple[int, str]]:
        out: dict[tuple[str, str], tuple[int, str]] = {}
        for line in lines:
            key = (line.kind, line.transaction_id)
            prior = out.get(key, (0, line.out_trade_no))
            out[key] = (prior[0] + line.amount_fen, prior[1] or line.out_trade_no)
        return out

    t, o = totals(theirs), totals(ours)
    found: list[Difference] = []
    for key in sorted(set(t) | set(o)):
        kind, txn = key
        tf, of = t.get(key), o.get(key)
        trade = (tf or of or (0, ""))[1]
        if tf is None:
            result = "missing_theirs"
        elif of is None:
            result = "missing_ours"
        else:
            result = "matched" if tf[0] == of[0] else "amount"
        found.append(Difference(result, kind, txn, trade, None if tf is None else tf[0], None if of is None else of[0]))
    return sorted(found, key=lambda d: (d.result == "matched", RESULTS.index(d.result), d.kind, d.transaction_id))

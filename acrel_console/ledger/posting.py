"""Balanced postings: one pure function per operation kind returns its entries (design §7).

Sign: debit positive. Drawer accounts (cash, card, ...) are assets: money in is positive. A meter's
prepaid account is the tenant's credit (a liability): a sale posts a negative amount there, so the
tenant's balance on a meter is minus the account's sum (see `prepaid_balance`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

METHODS = ("cash", "card", "wechat", "alipay", "transfer")
REVENUE_ENERGY = "revenue:energy"
ADJUSTMENT = "adjustment"
OPENING = "opening"
SUSPENSE = "suspense:online"  # online payments received but not credited to a meter (held, to refund or credit)
TAKEOVER = "equity:takeover"  # credit taken over from the previous system (a meter reading is its evidence)
HOLD = "hold:returns"  # credit on its way back from a meter, until the meter confirms (refund, reversal, 销户, 换表)


@dataclass(frozen=True, slots=True)
class Posting:
    """One entry before it is written: an account code and a signed amount in fen."""

    account: str
    amount_fen: int


class UnbalancedPosting(ValueError):
    """Entries of one operation do not sum to zero (a programming error, never stored)."""


def drawer(shift_id: int, method: str) -> str:
    """The drawer account of a cashier shift and a payment channel."""
    if method not in METHODS:
        raise ValueError(f"unknown payment method {method!r}")
    return f"drawer:{shift_id}:{method}"


def prepaid(meter_id: int) -> str:
    """The tenant's prepaid balance held for one meter."""
    return f"prepaid:{meter_id}"


def prepaid_balance(account_sum_fen: int) -> int:
    """Tenant credit on a meter from its prepaid account's entry sum (credit-normal)."""
    return -account_sum_fen


def check_balanced(postings: Sequence[Posting]) -> tuple[Posting, ...]:
    """Return the postings when they sum to zero and have at least two lines; raise otherwise."""
    if len(postings) < 2 or sum(p.amount_fen for p in postings) != 0:
        raise UnbalancedPosting(f"entries do not balance: {postings!r}")
    return tuple(postings)


def _positive(amount_fen: int) -> int:
    if amount_fen <= 0:
        raise ValueError("an operation amount is positive; its direction comes from its kind")
    return amount_fen


def sale(meter_id: int, shift_id: int, method: str, amount_fen: int) -> tuple[Posting, ...]:
    """Money into the drawer, credit to the tenant on the meter."""
    a = _positive(amount_fen)
    return check_balanced([Posting(drawer(shift_id, method), a), Posting(prepaid(meter_id), -a)])


def refund(meter_id: int, shift_id: int, method: str, amount_fen: int) -> tuple[Posting, ...]:
    """Credit taken back from the meter and paid out of the drawer (退电)."""
    a = _positive(amount_fen)
    return check_balanced([Posting(prepaid(meter_id), a), Posting(drawer(shift_id, method), -a)])


def reversal(meter_id: int, shift_id: int, method: str, amount_fen: int) -> tuple[Posting, ...]:
    """Counter-entry of a wrong sale (冲正): the same lines as a refund, kept apart by kind."""
    return refund(meter_id, shift_id, method, amount_fen)


def transfer(from_meter_id: int, to_meter_id: int, amount_fen: int) -> tuple[Posting, ...]:
    """Credit moved from one meter to another (换表, 销户 transfer)."""
    a = _positive(amount_fen)
    if from_meter_id == to_meter_id:
        raise ValueError("a transfer needs two different meters")
    return check_balanced([Posting(prepaid(from_meter_id), a), Posting(prepaid(to_meter_id), -a)])


def opening(meter_id: int, amount_fen: int) -> tuple[Posting, ...]:
    """An opening balance brought from an old system (老表金额转入)."""
    a = _positive(amount_fen)
    return check_balanced([Posting(OPENING, a), Posting(prepaid(meter_id), -a)])


def consumption(meter_id: int, amount_fen: int) -> tuple[Posting, ...]:
    """Energy used: the tenant's credit becomes revenue (console-side billing, or a reading that shows
    what the meter deducted)."""
    a = _positive(amount_fen)
    return check_balanced([Posting(prepaid(meter_id), a), Posting(REVENUE_ENERGY, -a)])


def adjustment(meter_id: int, amount_fen: int) -> tuple[Posting, ...]:
    """A signed correction of a meter's credit against the adjustment account (tier differences,
    a meter that shows more credit than booked). Positive amount = credit added to the tenant."""
    if amount_fen == 0:
        raise ValueError("an adjustment of zero is not an operation")
    return check_balanced([Posting(ADJUSTMENT, amount_fen), Posting(prepaid(meter_id), -amount_fen)])


def payment_held(shift_id: int, method: str, amount_fen: int) -> tuple[Posting, ...]:
    """An online payment received into the channel's drawer but not credited to any meter (a wrong amount
    for a supervisor, or a meter that cannot take it): held in suspense until refunded or released."""
    a = _positive(amount_fen)
    return check_balanced([Posting(drawer(shift_id, method), a), Posting(SUSPENSE, -a)])


def payment_out(shift_id: int, method: str, amount_fen: int) -> tuple[Posting, ...]:
    """A held online payment leaves suspense through the channel's drawer: refunded to the payer, or released
    to be sold to the meter (a supervisor's decision; the sale follows as its own operation)."""
    a = _positive(amount_fen)
    return check_balanced([Posting(SUSPENSE, a), Posting(drawer(shift_id, method), -a)])
def takeover(meter_id: int, amount_fen: int) -> tuple[Posting, ...]:
    """Credit a meter already held when the console took it over becomes the tenant's balance (signed:
    a negative amount takes over a debt). Booked against the take-over equity account."""
    if amount_fen == 0:
        raise ValueError("a take-over of zero is not an operation")
    return check_balanced([Posting(TAKEOVER, amount_fen), Posting(prepaid(meter_id), -amount_fen)])


def debt_cleared(meter_id: int, amount_fen: int) -> tuple[Posting, ...]:
    """A previous system's debt on a meter cleared by the site (the credit that brings the meter to zero)."""
    a = _positive(amount_fen)
    return check_balanced([Posting(TAKEOVER, a), Posting(prepaid(meter_id), -a)])


def hold(meter_id: int, amount_fen: int) -> tuple[Posting, ...]:
    """Credit asked back from a meter: out of the tenant's balance into the hold until the meter confirms."""
    a = _positive(amount_fen)
    return check_balanced([Posting(prepaid(meter_id), a), Posting(HOLD, -a)])


def release(meter_id: int, amount_fen: int) -> tuple[Posting, ...]:
    """The part of a hold the meter did not give back returns to the tenant's balance."""
    a = _positive(amount_fen)
    return check_balanced([Posting(HOLD, a), Posting(prepaid(meter_id), -a)])


def payout(shift_id: int, method: str, amount_fen: int) -> tuple[Posting, ...]:
    """What the meter confirmed it gave back is paid out of the drawer (退电, 冲正, 销户)."""
    a = _positive(amount_fen)
    return check_balanced([Posting(HOLD, a), Posting(drawer(shift_id, method), -a)])


def hold_transfer(to_meter_id: int, amount_fen: int) -> tuple[Posting, ...]:
    """What the old meter confirmed it gave back moves to another meter (换表, moving a balance)."""
    a = _positive(amount_fen)
    return check_balanced([Posting(HOLD, a), Posting(prepaid(to_meter_id), -a)])


def hold_cleared(amount_fen: int) -> tuple[Posting, ...]:
    """Credit the console cleared from a meter at opening goes back to the take-over equity account."""
    a = _positive(amount_fen)
    return check_balanced([Posting(HOLD, a), Posting(TAKEOVER, -a)])


def hold_used(amount_fen: int) -> tuple[Posting, ...]:
    """Held credit the meter used up before it could give it back (the meter deducted it itself)."""
    a = _positive(amount_fen)
    return check_balanced([Posting(HOLD, a), Posting(REVENUE_ENERGY, -a)])


def account_kind(code: str) -> str:
    """The chart kind of an account code: drawer, prepaid, revenue, adjustment, opening, equity, hold."""
    return code.split(":", 1)[0]

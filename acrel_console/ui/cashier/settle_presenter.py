"""What the 开户 / 销户 / 换表 dialogs check without Qt: the existing-credit decision a meter's reading asks for, and
claims typed for meters that cannot be read (a claim needs a supervisor and a reason; the service caps it)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError, ValidationError
from acrel_console.domain.money import parse_yuan
from acrel_console.services.takeover import MeterHolding, check_decision


@dataclass(frozen=True, slots=True)
class ClaimTexts:
    """One meter ticked 'cannot be read' and the remaining amount typed for it."""

    meter_id: int
    remaining: str


@dataclass(frozen=True, slots=True)
class ApprovalTexts:
    """The supervisor's second sign-in in the same dialog, and why."""

    name: str
    password: str
    reason: str


def claim_amount(t: ClaimTexts) -> Decimal:
    """The typed remaining amount of a claim (yuan, not negative)."""
    if not t.remaining.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter what meter {id} is claimed to hold."),
                              field="claims", id=t.meter_id)
    try:
        value = parse_yuan(t.remaining)
    except UserError as err:
        raise ValidationError(err.template, field="claims", **err.params) from None
    if value < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A claimed remaining amount cannot be negative."),
                              field="claims")
    return value


def check_approval(a: ApprovalTexts, needed: bool, me: str) -> None:
    """A claim (or a typed old balance) needs a supervisor other than the cashier, a password and a reason."""
    if not needed:
        return
    if not a.name.strip() or not a.password:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A supervisor signs in here to approve the claim."),
                              field="approval")
    if a.name.strip() == me:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The approver must be a different operator."),
                              field="approval")
    if not a.reason.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A claim needs a reason."), field="approval")


def check_existing_credit(holdings: list[MeterHolding], decision: str | None) -> None:
    """Refuse OK while a meter's credit waits for take over / clear (the service's own rule)."""
    for h in holdings:
        check_decision(h, decision)


def needs_decision(holdings: list[MeterHolding]) -> bool:
    return any(h.needs_decision for h in holdings)

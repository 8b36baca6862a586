"""Credit a meter already holds when this console gives it to a tenant (FIELD.md: meters already hold tenants'
money): what its latest reading says, and the cashier's decision — take it over (the tenant's opening balance,
booked from the take-over equity account with the reading as evidence) or clear it (zeroed on the meter with
read-back before anything else is delivered). Never decided silently (design §8.6).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, ValidationError
from acrel_console.domain.money import fen_to_yuan
from acrel_console.ledger import book, posting
from acrel_console.ledger.queries import TenantRef
from acrel_console.services import audit, returns
from acrel_console.services.base import Actor, ServiceContext
from acrel_console.services.money_common import dumps, meter_side
from acrel_console.services.site_settings import load_all
from acrel_console.storage.tables.site import MeterRow

TAKE_OVER = "take-over"
CLEAR = "clear"
DECISIONS = (TAKE_OVER, CLEAR)
FRESH_SWEEPS = 3  # a reading is fresh while the meter is not offline (design §5: 3 status intervals)


@dataclass(frozen=True, slots=True)
class MeterHolding:
    """What one meter holds by its latest reading (poll or delivery read-back), before a tenant gets it."""

    meter_id: int
    meter_no: str
    room: str
    meter_side: bool
    remaining: Decimal | None  # None: never read
    purchase_count: int | None
    read_at: datetime | None
    fresh: bool
    ledger_credit: Decimal  # what the ledger already gives whoever holds the meter
    outstanding: int  # credit commands still on their way
    read_at_text: str = ""  # the reading's time in the site's zone

    @property
    def unexplained_fen(self) -> int:
        """Credit (or debt, negative) on the meter that the ledger does not account for."""
        if not self.meter_side or self.remaining is None:
            return 0
        return int((self.remaining - self.ledger_credit) * 100)

    @property
    def needs_decision(self) -> bool:
        return self.unexplained_fen != 0


class ExistingCreditFound(ValidationError):
    """A meter about to be opened holds credit (or debt) this console did not sell: take over or clear."""


def fresh_after(s: Session, now: datetime) -> datetime:
    """Readings at or after this moment are fresh."""
    return now - timedelta(seconds=FRESH_SWEEPS * int(load_all(s)["status_interval_s"]))


def holding(s: Session, ctx: ServiceContext, meter: MeterRow, now: datetime) -> MeterHolding:
    """The meter's latest known money state (the newer of poll and read-back, as book.credit_state)."""
    st = book.credit_state(s, meter.id)
    remaining = None if st.known_remaining_fen is None else fen_to_yuan(st.known_remaining_fen)
    fresh = st.known_at is not None and st.known_at >= fresh_after(s, now)
    return MeterHolding(meter.id, meter.meter_no, meter.room, meter_side(meter.model), remaining, st.known_count,
                        st.known_at, fresh, fen_to_yuan(book.ledger_credit_fen(s, meter.id)), st.outstanding_count,
                        ctx.site_clock.text(st.known_at, seconds=False, empty="?"))


def reading_evidence(h: MeterHolding) -> dict[str, object]:
    """The reading a take-over cites (design §8.6: a reading of the meter, with its time and count)."""
    return {"kind": "reading", "source": "latest", "meter_id": h.meter_id,
            "read_at": h.read_at.isoformat() if h.read_at else None, "purchase_count": h.purchase_count,
            "remaining_fen": None if h.remaining is None else int(h.remaining * 100)}


def check_decision(h: MeterHolding, decision: str | None) -> None:
    """Refuse (changing nothing) when the meter's credit needs a decision that was not made, or when the
    reading it would rest on is stale."""
    if decision is not None and decision not in DECISIONS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Existing credit is either taken over or cleared."),
                              field="existing_credit")
    if not h.needs_decision:
        return
    if h.outstanding:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "errors", "Meter {meter} still has deliveries on their way: wait for them before opening it."),
            meter=h.meter_no or h.meter_id)
    if not h.fresh:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Meter {meter} was last read at {read_at}: read it again (refresh meter status) before "
                      "deciding about the {amount} yuan it showed."), field="existing_credit",
            meter=h.meter_no or h.meter_id, read_at=h.read_at_text, amount=str(fen_to_yuan(h.unexplained_fen)))
    if decision is None:
        raise ExistingCreditFound(QT_TRANSLATE_NOOP(
            "errors", "Meter {meter} holds {amount} yuan this console did not sell (read {read_at}, purchase count "
                      "{count}). Choose: take it over as the tenant's opening balance, or clear it from the meter. "
                      "Nothing was opened."), field="existing_credit", meter=h.meter_no or h.meter_id,
            amount=str(fen_to_yuan(h.unexplained_fen)), read_at=h.read_at_text, count=h.purchase_count)


def apply(s: Session, ctx: ServiceContext, actor: Actor, tenant: TenantRef, h: MeterHolding, decision: str | None,
          at: datetime, *, remark: str = "") -> list[str]:
    """Book the decision for one meter (inside the opening's transaction, meter locked). Returns the ids
    of the operations made (none when there is nothing unexplained)."""
    check_decision(h, decision)
    fen = h.unexplained_fen
    if fen == 0:
        return []
    evidence = reading_evidence(h)
    common = {"at": at, "meter_id": h.meter_id, "tenant_id": tenant.tenant_id, "account_id": tenant.account_id,
              "operator_id": actor.id, "operator_name": actor.name}
    oid = book.new_id()
    book.post(s, posting.takeover(h.meter_id, fen), id=oid, kind="takeover", amount_fen=abs(fen),
              reason=remark or ("taken over from the previous system" if decision == TAKE_OVER else "cleared at opening"),
              detail_json=dumps({"evidence": evidence, "no_delivery": True, "debt": fen < 0, "decision": decision}),
              **common)
    made = [oid]
    if decision == CLEAR:
        cid = book.new_id()
        if fen > 0:  # take it back from the meter: what the meter holds when the command is sent
            returns.request(s, ctx, actor, tenant, returns.ReturnRequest(h.meter_id, fen, "clear", sweep=True,
                                                                         reason="cleared at opening"), cid, at)
        else:  # the previous system's debt: credit that brings the meter back to zero
            book.post(s, posting.debt_cleared(h.meter_id, -fen), id=cid, kind="debt_cleared", amount_fen=-fen,
                      reason="debt cleared at opening", detail_json=dumps({"evidence": evidence}), **common)
            book.add_credit_command(s, ctx.site_key, meter_id=h.meter_id, amount_fen=-fen, operation_id=cid,
                                    created_by=actor.name, at=at, reason="clear debt")
        made.append(cid)
    audit.append(s, actor, "account.existing_credit", f"meter:{h.meter_id}",
                 after={"decision": decision, "amount_fen": fen, "reading": evidence, "operations": made,
                        "tenant": tenant.account_no}, at=at)
    return made



def retake(s: Session, ctx: ServiceContext, actor: Actor, tenant: TenantRef, meter_id: int, fen: int,
           evidence: dict[str, object], at: datetime) -> str:
    """Clear again what a refused clearing left on the meter: taken over from the refusal's read-back and swept
    again (the caller holds the meter lock and checked the refusal). Returns the new return's id."""
    common = {"at": at, "meter_id": meter_id, "tenant_id": tenant.tenant_id, "account_id": tenant.account_id,
              "operator_id": actor.id, "operator_name": actor.name}
    book.post(s, posting.takeover(meter_id, fen), id=book.new_id(), kind="takeover", amount_fen=fen,
              reason="cleared again at opening",
              detail_json=dumps({"evidence": evidence, "no_delivery": True, "debt": False, "decision": CLEAR}),
              **common)
    cid = book.new_id()
    returns.request(s, ctx, actor, tenant, returns.ReturnRequest(meter_id, fen, "clear", sweep=True,
                                                                 reason="cleared again"), cid, at)
    audit.append(s, actor, "account.existing_credit", f"meter:{meter_id}",
                 after={"decision": "clear again", "amount_fen": fen, "reading": evidence, "return": cid,
                        "tenant": tenant.account_no}, at=at)
    return cid

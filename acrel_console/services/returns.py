"""Credit coming back from a meter (退电, 冲正, 销户 and 换表 settlements, clearing a meter at opening): held in the
ledger while the meter is asked, and booked as paid out or moved only when the meter confirms it (design §8).

A request posts a `return_hold` (the tenant's balance -> the hold account) and a negative credit command in
one transaction; the cap checks run against the ledger, so three cashiers asking at once cannot take more
than the tenant holds. When the command ends, `command_final` runs in the same transaction that records
the meter's read-back:

    delivered  what the meter gave back is paid out of the requesting cashier's drawer (refund/reversal),
               moved to another meter (transfer) or returned to the take-over account (clear); a sweep
               that found less on the meter releases the rest (`return_release`) with the read-back as
               evidence;
    failed     the meter refused (or the command could not be sent): the whole hold is released, an
               alarm says so, nothing is paid;
    cancelled  a sweep found nothing to take back, or a never-sent command was withdrawn: released.

A sweep command takes back what the meter holds at the moment of sending, at most the hold (services.
deliveries fixes its amount from the reading taken just before the frame leaves).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.money import format_yuan
from acrel_console.domain.roles import Role
from acrel_console.ledger import book, mac, posting
from acrel_console.ledger.queries import TenantRef
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext
from acrel_console.services.money_common import SALE_TYPES, cumulative_fen, dumps, meter_side, open_shift
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import OperationRow, ReceiptRow
from acrel_console.storage.tables.site import MeterRow

HOLD_KIND = "return_hold"
RELEASE_KIND = "return_release"
PURPOSES = ("refund", "reversal", "close", "remove", "replace", "move", "clear")
PAYOUT_KIND = {"refund": "refund", "reversal": "reversal", "close": "refund", "remove": "refund"}
MOVE_PURPOSES = ("replace", "move")  # what comes back goes on to another meter (the hold names it: to_meter)
_NS = uuid.UUID("9d2f4c1e-6a57-4f0e-9a8b-3c1d2e5f7a60")


def derived_id(op_id: str, tag: str) -> str:
    """The id of an operation that follows from another (its settlement): the same every time, so a
    replayed settlement finds what it booked and books nothing twice."""
    return str(uuid.uuid5(_NS, f"{op_id}:{tag}"))


@dataclass(frozen=True, slots=True)
class ReturnRequest:
    """What to take back from one meter and what to do with it once the meter confirms."""

    meter_id: int
    fen: int  # the most to take back (exactly this unless sweep)
    purpose: str  # refund | reversal | close | remove | replace | clear
    method: str | None = None  # drawer channel of the payout
    reason: str = ""
    ref: str | None = None  # the sale a reversal undoes
    approver: str | None = None
    sweep: bool = False  # take what the meter holds when the command is sent, at most fen
    change_id: str | None = None  # the 销户 / 换表 this belongs to
    to_meter: int | None = None  # replace: the meter the credit moves on to
    remark: str = ""


@dataclass(frozen=True, slots=True)
class HoldState:
    """Where one return stands: waiting for the meter, returned (all or part), refused or nothing to take."""

    hold_id: str
    meter_id: int
    purpose: str
    held_fen: int
    state: str  # waiting | returned | refused | nothing
    returned_fen: int
    command_id: str | None
    command_state: str | None
    error: str
    settlement_id: str | None  # the payout / transfer / clear operation
    receipt_no: str | None
    read_back: dict[str, Any] | None


def detail_of(op: OperationRow) -> dict[str, Any]:
    try:
        value = json.loads(op.detail_json or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def request(s: Session, ctx: ServiceContext, actor: Actor, tenant: TenantRef | None, req: ReturnRequest,
            oid: str, at: datetime) -> MeterCommandRow:
    """Hold the credit and queue the negative credit command (caller holds the meter lock, checked the cap)."""
    if req.purpose not in PURPOSES:
        raise ValueError(f"unknown return purpose {req.purpose!r}")
    detail = {"purpose": req.purpose, "sweep": req.sweep, "change": req.change_id, "to_meter": req.to_meter}
    book.post(s, posting.hold(req.meter_id, req.fen), id=oid, kind=HOLD_KIND, at=at, meter_id=req.meter_id,
              tenant_id=tenant.tenant_id if tenant else None, account_id=tenant.account_id if tenant else None,
              amount_fen=req.fen, method=req.method, operator_id=actor.id, operator_name=actor.name,
              approver_name=req.approver, ref_operation_id=req.ref, reason=req.reason, remark=req.remark,
              to_meter_id=req.to_meter, detail_json=dumps(detail))
    cmd = book.add_credit_command(s, ctx.site_key, meter_id=req.meter_id, amount_fen=-req.fen, operation_id=oid,
                                  created_by=actor.name, at=at, reason=req.purpose,
                                  sweep_fen=req.fen if req.sweep else None)
    audit.append(s, actor, "return.request", f"meter:{req.meter_id}",
                 after={"operation_id": oid, "purpose": req.purpose, "amount_fen": req.fen, "sweep": req.sweep,
                        "command_id": cmd.id, "change": req.change_id, "ref": req.ref, "approver": req.approver,
                        "tenant": tenant.account_no if tenant else None}, reason=req.reason, at=at)
    return cmd


def read_back(row: MeterCommandRow) -> dict[str, Any] | None:
    """The meter's reading a finished command recorded, as ledger evidence (None when it read nothing)."""
    try:
        data = json.loads(row.result_json or "{}")
    except ValueError:
        return None
    if data.get("purchase_count") is None:
        return None
    return {"kind": "reading", "source": "readback", "command": row.id, "purchase_count": data["purchase_count"],
            "remaining_fen": data.get("remaining_fen"), "read_at": data.get("read_at")}


def _requester(op: OperationRow) -> Actor:
    return Actor(op.operator_id, op.operator_name, Role.CASHIER)


def _post(s: Session, lines: tuple[posting.Posting, ...], **fields: Any) -> None:
    if s.get(OperationRow, fields["id"]) is None:
        book.post(s, lines, **fields)


def _settled(s: Session, hold: OperationRow) -> bool:
    return any(s.get(OperationRow, derived_id(hold.id, tag)) is not None for tag in ("release", "settle"))


def command_final(s: Session, ctx: ServiceContext, row: MeterCommandRow) -> None:
    """A credit command ended (delivered, failed or cancelled): book what follows from it, once."""
    if row.kind != book.CREDIT_KIND or not row.operation_id or row.state not in ("delivered", "failed", "cancelled"):
        return
    op = s.get(OperationRow, row.operation_id)
    if op is None:
        return
    change = detail_of(op).get("change")
    if op.kind == HOLD_KIND:
        if not _settled(s, op):
            _settle(s, ctx, op, row)
    elif not (op.kind == "transfer" and row.meter_id == op.to_meter_id and row.state == "delivered"):
        return
    if change:
        from acrel_console.services.account_changes import advance

        advance(s, ctx, str(change))


def _settle(s: Session, ctx: ServiceContext, hold: OperationRow, row: MeterCommandRow) -> None:
    at = ctx.clock()
    detail = detail_of(hold)
    purpose = str(detail.get("purpose") or "refund")
    meter_id = int(hold.meter_id or 0)
    evidence = read_back(row)
    taken = -(row.amount_fen or 0) if row.state == "delivered" else 0
    rest = hold.amount_fen - taken
    common: dict[str, Any] = {"at": at, "meter_id": meter_id, "tenant_id": hold.tenant_id,
                              "account_id": hold.account_id, "operator_id": None, "operator_name": "system"}
    if rest > 0:
        why = "refused" if row.state == "failed" else ("nothing on the meter" if taken == 0 else "less on the meter")
        if purpose != "clear":
            lines = posting.release(meter_id, rest)  # still the tenant's
        elif row.state == "failed":
            lines = posting.hold_cleared(rest)  # never the tenant's: it stays on the meter, flagged, alarmed
        else:
            lines = posting.hold_used(rest)  # the meter used it between the reading and the clearing
        _post(s, lines, id=derived_id(hold.id, "release"), kind=RELEASE_KIND,
              amount_fen=rest, ref_operation_id=hold.id, reason=why,
              detail_json=dumps({"hold": hold.id, "command": row.id, "command_state": row.state,
                                 "error": row.error[:300], "evidence": evidence}), **common)
    if taken > 0:
        _book_taken(s, ctx, hold, row, purpose, taken, evidence, at)
    if row.state == "failed":
        from acrel_console.services.alarms import raise_alarm

        meter = s.get(MeterRow, meter_id)
        raise_alarm(s, AlarmKind.RETURN_REFUSED, f"operation:{hold.id}", at, meter_id=meter_id,
                    room=meter.room if meter is not None else f"#{meter_id}",
                    amount=format_yuan(hold.amount_fen), command=row.id, purpose=purpose)
        audit.append(s, Actor.system(), "return.refused", f"meter:{meter_id}",
                     after={"operation_id": hold.id, "purpose": purpose, "amount_fen": hold.amount_fen,
                            "command_id": row.id, "error": row.error}, reason=row.error, at=at)
    else:
        audit.append(s, Actor.system(), "return.confirmed", f"meter:{meter_id}",
                     after={"operation_id": hold.id, "purpose": purpose, "held_fen": hold.amount_fen,
                            "returned_fen": taken, "released_fen": rest, "command_id": row.id,
                            "read_back": evidence}, at=at)


def _book_taken(s: Session, ctx: ServiceContext, hold: OperationRow, row: MeterCommandRow, purpose: str, taken: int,
                evidence: dict[str, Any] | None, at: datetime) -> None:
    meter_id = int(hold.meter_id or 0)
    oid = derived_id(hold.id, "settle")
    detail = {"from_hold": hold.id, "command": row.id, "purpose": purpose, "evidence": evidence,
              "change": detail_of(hold).get("change")}
    common: dict[str, Any] = {"id": oid, "at": at, "meter_id": meter_id, "tenant_id": hold.tenant_id,
                              "account_id": hold.account_id, "amount_fen": taken, "reason": hold.reason,
                              "remark": hold.remark}
    if purpose in PAYOUT_KIND:
        kind = PAYOUT_KIND[purpose]
        method = hold.method or "cash"
        requester = _requester(hold)
        shift = open_shift(s, requester, at)
        receipt = f"R{book.next_number(s, 'receipt'):08d}"
        _post(s, posting.payout(shift, method, taken), kind=kind, sale_type=SALE_TYPES[kind], method=method,
              operator_id=hold.operator_id, operator_name=hold.operator_name, approver_name=hold.approver_name,
              shift_id=shift, ref_operation_id=hold.ref_operation_id, receipt_no=receipt,
              purchase_count_before=None if row.expected_purchase_count is None else row.expected_purchase_count - 1,
              cumulative_fen_before=cumulative_fen(s, meter_id),
              detail_json=dumps({**detail, "balance_after_fen": (evidence or {}).get("remaining_fen")}), **common)
        s.add(ReceiptRow(number=receipt, operation_id=oid, created_at=at))
    elif purpose in MOVE_PURPOSES:
        to_meter = int(hold.to_meter_id or 0)
        target = s.get(MeterRow, to_meter)
        _post(s, posting.hold_transfer(to_meter, taken), kind="transfer", to_meter_id=to_meter,
              operator_id=hold.operator_id, operator_name=hold.operator_name, detail_json=dumps(detail), **common)
        if target is not None and meter_side(target.model):
            book.lock_meter(s, to_meter)
            book.add_credit_command(s, ctx.site_key, meter_id=to_meter, amount_fen=taken, operation_id=oid,
                                    created_by=hold.operator_name, at=at, reason="transfer in")
    else:  # clear: the previous system's credit leaves the meter and the tenant's books
        _post(s, posting.hold_cleared(taken), kind="clear", operator_id=hold.operator_id,
              operator_name=hold.operator_name, detail_json=dumps(detail), **common)


def state_of(s: Session, hold: OperationRow) -> HoldState:
    """Where a return stands (for the cashier's result, the 销户 slip and the CLI)."""
    detail = detail_of(hold)
    cmd = s.execute(select(MeterCommandRow).where(MeterCommandRow.operation_id == hold.id,
                                                  MeterCommandRow.kind == book.CREDIT_KIND)
                    .order_by(MeterCommandRow.created_at.desc()).limit(1)).scalar_one_or_none()
    settle = s.get(OperationRow, derived_id(hold.id, "settle"))
    release = s.get(OperationRow, derived_id(hold.id, "release"))
    returned = settle.amount_fen if settle is not None else 0
    if settle is None and release is None:
        state = "waiting"
    elif settle is not None:
        state = "returned"
    elif cmd is not None and cmd.state == "failed":
        state = "refused"
    else:
        state = "nothing"
    return HoldState(hold.id, int(hold.meter_id or 0), str(detail.get("purpose") or ""), hold.amount_fen, state,
                     returned, cmd.id if cmd else None, cmd.state if cmd else None, cmd.error if cmd else "",
                     settle.id if settle else None, settle.receipt_no if settle else None,
                     read_back(cmd) if cmd is not None else None)


def last_hold(s: Session, meter_id: int, purpose: str) -> OperationRow | None:
    """The newest return of this purpose from a meter."""
    found = None
    for hold in s.execute(select(OperationRow).where(OperationRow.kind == HOLD_KIND, OperationRow.meter_id == meter_id)
                          .order_by(OperationRow.at, OperationRow.id)).scalars():
        if detail_of(hold).get("purpose") == purpose:
            found = hold
    return found


def open_holds_fen(s: Session, meter_id: int) -> int:
    """Credit of a meter held and not yet settled (part of no balance until the meter answers)."""
    total = 0
    for hold in s.execute(select(OperationRow).where(OperationRow.kind == HOLD_KIND,
                                                     OperationRow.meter_id == meter_id)).scalars():
        if not _settled(s, hold):
            total += hold.amount_fen
    return total


def cancel_unsent(s: Session, ctx: ServiceContext, actor: Actor, hold: OperationRow, reason: str) -> bool:
    """Withdraw a return whose command never left (the meter is dead or offline): released at once. False
    when the command was already sent (only the meter can tell then: wait for it)."""
    if _settled(s, hold):
        return True
    cmd = s.execute(select(MeterCommandRow).where(MeterCommandRow.operation_id == hold.id,
                                                  MeterCommandRow.kind == book.CREDIT_KIND,
                                                  MeterCommandRow.state.in_(book.OUTSTANDING))).scalar_one_or_none()
    if cmd is None or cmd.state != "pending" or cmd.attempts != 0:
        return False
    at = ctx.clock()
    cmd.state, cmd.completed_at, cmd.error = "cancelled", at, f"withdrawn by {actor.name}: {reason}"
    mac.sign_row(ctx.site_key, cmd)
    s.flush()
    book.resequence_after_cancel(s, ctx.site_key, cmd)
    _settle(s, ctx, hold, cmd)
    return True


"""销户, removing a meter and 换表 as changes that settle on the meters first (issue 10).

A change starts in one transaction: for every meter whose tenant balance (the ledger's) is positive it asks
the meter for the credit back with a sweep (services.returns: computed from the reading taken as the command is
sent, booked only as the meter confirms). It then advances each time one of its commands ends (`advance`,
called by returns.command_final in the dispatcher's transaction): a meter that gave back what it held has the
rest of the tenant's balance booked as consumption (the read-back is the evidence); when every meter is
settled the change finishes (销户: meters detached, account closed, trips queued; 换表: credit delivered to the
new meter, which is returned to prepaid mode, the old meter's alarms cleared and the meter retired).

A meter that refuses leaves the change `stuck` (account still closing, an alarm raised, nothing paid for it);
asking again resumes it, and a meter that cannot be read is settled by a supervisor-approved claim capped by
the ledger. The cash drawer is debited only for what meters (or approved claims) gave back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, ValidationError
from acrel_console.domain.money import fen_to_yuan, parse_yuan, yuan_to_fen
from acrel_console.domain.roles import Permission
from acrel_console.ledger import book, posting
from acrel_console.ledger.queries import TenantRef
from acrel_console.services import audit, returns
from acrel_console.services.base import Actor, ServiceContext, check_permission
from acrel_console.services.money_common import cumulative_fen, dumps, meter_side, open_shift
from acrel_console.services.site_settings import load_all
from acrel_console.storage.tables.alarms import AlarmRow
from acrel_console.storage.tables.changes import AccountChangeRow
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import AccountMeterRow, OperationRow, ReceiptRow, TenantAccountRow, TenantRow
from acrel_console.storage.tables.site import MeterRow

ACTIVE = ("settling", "stuck")
KINDS = ("close", "remove", "replace")


@dataclass(frozen=True, slots=True)
class Claim:
    """What a meter that cannot be read is taken to hold: typed, approved by a supervisor (a second sign-in in
    the same dialog), with a reason, and never more than the ledger says the tenant held."""

    meter_id: int
    remaining: Decimal | str
    approver: Actor
    reason: str


@dataclass(frozen=True, slots=True)
class MeterSettlement:
    """One meter of a change: what the ledger gave the tenant, what came back, what is still out."""

    meter_id: int
    meter_no: str
    room: str
    ledger_before: Decimal
    state: str  # waiting | returned | refused | nothing | claimed | ledger | none
    returned: Decimal  # confirmed by the meter (or an approved claim)
    outstanding: Decimal  # asked for and not confirmed yet
    not_returned: Decimal  # the meter refused it: still the tenant's, nothing paid
    consumption: Decimal  # booked as used at settlement
    read_remaining: Decimal | None  # the meter's read-back after settling
    read_count: int | None
    read_at: str | None
    receipt_no: str | None
    error: str


@dataclass(frozen=True, slots=True)
class ChangeStatus:
    """Where a 销户 / meter removal / 换表 stands, for the cashier, the slip and the CLI."""

    change_id: str
    kind: str
    account_id: int
    state: str  # settling | stuck | done
    problem: str
    settle: str
    meters: tuple[MeterSettlement, ...]
    paid_out: Decimal  # refunded out of the drawer so far
    moved: Decimal  # moved to another meter so far
    outstanding: Decimal  # asked for, not confirmed yet
    not_returned: Decimal  # refused by meters
    trips: tuple[str, ...]
    new_meter_id: int | None
    started_at: datetime
    finished_at: datetime | None

    @property
    def done(self) -> bool:
        return self.state == "done"


def account_state(closed_at: datetime | None, change_kind: str | None) -> str:
    """open | closing (a 销户 settling on its meters) | closed."""
    if closed_at is not None:
        return "closed"
    return "closing" if change_kind == "close" else "open"


def active_change(s: Session, account_id: int) -> AccountChangeRow | None:
    return s.execute(select(AccountChangeRow).where(AccountChangeRow.account_id == account_id,
                                                    AccountChangeRow.state.in_(ACTIVE))
                     .order_by(AccountChangeRow.started_at.desc()).limit(1)).scalar_one_or_none()


def blocking_change(s: Session, account_id: int, meter_id: int) -> AccountChangeRow | None:
    """The change that keeps money off this meter: a 销户 of its account, or a removal/换表 of the meter."""
    ch = active_change(s, account_id)
    if ch is None or (ch.kind != "close" and ch.meter_id != meter_id):
        return None
    return ch


def refuse_if_changing(s: Session, account_id: int, meter_id: int) -> None:
    ch = blocking_change(s, account_id, meter_id)
    if ch is not None:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "errors", "Meter {meter} is being settled ({kind}, {state}): no money moves on it until that is done."),
            meter=meter_id, kind=ch.kind, state=ch.state)


def _detail(ch: AccountChangeRow) -> dict[str, Any]:
    try:
        value = json.loads(ch.detail_json or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _set_detail(ch: AccountChangeRow, **values: Any) -> None:
    d = _detail(ch)
    d.update(values)
    ch.detail_json = dumps(d)


def _meters(ch: AccountChangeRow) -> list[int]:
    return [int(m) for m in _detail(ch).get("meters", [])]


def _holds(s: Session, change_id: str) -> list[OperationRow]:
    return list(s.execute(select(OperationRow).where(
        OperationRow.kind == returns.HOLD_KIND, OperationRow.detail_json.like(f'%"change":"{change_id}"%'))
        .order_by(OperationRow.at, OperationRow.id)).scalars())


def _change_ops(s: Session, change_id: str) -> list[OperationRow]:
    """Operations a change booked itself (claims, console-side refunds, consumption)."""
    return list(s.execute(select(OperationRow).where(
        OperationRow.kind != returns.HOLD_KIND, OperationRow.detail_json.like(f'%"change":"{change_id}"%'),
        OperationRow.detail_json.not_like('%"from_hold":"%')).order_by(OperationRow.at, OperationRow.id)).scalars())


def _outstanding_credit(s: Session, meter_id: int, change_id: str) -> bool:
    """Credit commands of the meter still on their way that are not this change's own returns."""
    own = {h.id for h in _holds(s, change_id)}
    for op_id, in s.execute(select(MeterCommandRow.operation_id).where(
            MeterCommandRow.meter_id == meter_id, MeterCommandRow.kind == book.CREDIT_KIND,
            MeterCommandRow.state.in_(("pending", "sending", "conflict")))):
        if op_id not in own:
            return True
    return False


def _claim_fen(claim: Claim) -> int:
    try:
        fen = yuan_to_fen(parse_yuan(claim.remaining))
    except ValidationError:
        raise
    except Exception:  # noqa: BLE001 - parse_yuan's own UserError: as a field error
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "'{text}' is not an amount in yuan."), field="claim",
                              text=str(claim.remaining)) from None
    if fen < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A claimed remaining amount cannot be negative."),
                              field="claim")
    return fen


def check_claim(actor: Actor, claim: Claim, ledger_fen: int) -> int:
    """The claim's amount in fen once it is approved, reasoned and within the ledger; else ValidationError."""
    check_permission(claim.approver, Permission.APPROVE_REVERSAL)
    if claim.approver.name == actor.name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The approver must be a different operator."),
                              field="approver")
    if not claim.reason.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A claim for a meter that cannot be read needs a reason."),
                              field="claim_reason")
    fen = _claim_fen(claim)
    if fen > max(ledger_fen, 0):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The claim of {claim} yuan is more than the {ledger} yuan the ledger says the tenant held on "
                      "meter {meter}."), field="claim", claim=str(fen_to_yuan(fen)),
            ledger=str(fen_to_yuan(max(ledger_fen, 0))), meter=claim.meter_id)
    return fen


# ---- starting / resuming -------------------------------------------------------------------------------------

def begin(s: Session, ctx: ServiceContext, actor: Actor, acc: TenantAccountRow, tenant: TenantRef, *, kind: str,
          change_id: str, meter_ids: list[int], settle: str, method: str | None, transfer_to: int | None,
          new_meter_id: int | None, reason: str, claims: dict[int, Claim]) -> AccountChangeRow:
    """Start (or resume) a change and ask every meter for what the tenant holds on it."""
    at = ctx.clock()
    ch = s.get(AccountChangeRow, change_id)
    if ch is None:
        running = active_change(s, acc.id)
        if running is not None:
            if running.kind != kind or (kind != "close" and running.meter_id != (meter_ids[0] if meter_ids else None)):
                raise ConflictError(QT_TRANSLATE_NOOP(
                    "errors", "Account {no} is in the middle of another change ({kind}): finish that first."),
                    no=tenant.account_no, kind=running.kind)
            ch = running  # asking again resumes it
        else:
            ch = AccountChangeRow(id=change_id, kind=kind, account_id=acc.id,
                                  meter_id=meter_ids[0] if kind != "close" else None, new_meter_id=new_meter_id,
                                  settle=settle, method=method, transfer_to=transfer_to, state="settling",
                                  started_at=at, started_by=actor.name, reason=reason, detail_json="{}")
            s.add(ch)
            s.flush()
            _set_detail(ch, meters=meter_ids, ledger_before={str(m): book.ledger_credit_fen(s, m) for m in meter_ids})
            audit.append(s, actor, f"account.{kind}.start", f"account:{tenant.account_no}",
                         after={"change": ch.id, "meters": meter_ids, "settle": settle, "transfer_to": transfer_to,
                                "new_meter": new_meter_id}, reason=reason, at=at)
    elif ch.state == "done":
        return ch
    for mid in _meters(ch):
        _settle_meter(s, ctx, actor, ch, tenant, mid, claims.get(mid), at)
    unknown = set(claims) - set(_meters(ch))
    if unknown:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Meter {id} is not part of this change."), field="claim",
                              id=min(unknown))
    ch.state, ch.problem = "settling", ""
    advance(s, ctx, ch.id)
    return ch


def _purpose(ch: AccountChangeRow) -> tuple[str, int | None]:
    if ch.kind == "replace":
        return "replace", ch.new_meter_id
    if ch.settle == "transfer":
        return "move", ch.transfer_to
    return ch.kind, None


def _settle_meter(s: Session, ctx: ServiceContext, actor: Actor, ch: AccountChangeRow, tenant: TenantRef,
                  meter_id: int, claim: Claim | None, at: datetime) -> None:
    meter = book.lock_meter(s, meter_id)
    assert meter is not None
    waiting = [h for h in _holds(s, ch.id) if h.meter_id == meter_id and returns.state_of(s, h).state == "waiting"]
    if waiting and claim is None:
        return  # already asked; the meter's answer advances the change
    if claim is not None:
        for h in waiting:
            if not returns.cancel_unsent(s, ctx, actor, h, "settled by an approved claim"):
                raise ConflictError(QT_TRANSLATE_NOOP(
                    "errors", "Meter {meter} was already asked for its credit and may have answered: wait for it "
                              "before settling it by a claim."), meter=meter.meter_no or meter_id)
    if _outstanding_credit(s, meter_id, ch.id):
        raise ConflictError(QT_TRANSLATE_NOOP(
            "errors", "Meter {id} has deliveries not yet confirmed: deliver, reverse or resolve them first."),
            id=meter_id)
    ledger = book.ledger_credit_fen(s, meter_id)
    purpose, to_meter = _purpose(ch)
    side = meter_side(meter.model)
    if claim is not None:
        _book_claim(s, ctx, actor, ch, tenant, meter, claim, ledger, purpose, to_meter, at)
        return
    if ledger < 0 or (side and _last_remaining(s, meter_id) < 0):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Meter {id} is in arrears: settle the debt with a sale first."), field="remaining", id=meter_id)
    if ledger == 0:
        return
    if side:
        returns.request(s, ctx, actor, tenant, returns.ReturnRequest(
            meter_id, ledger, purpose, method=ch.method, reason=ch.reason or purpose, sweep=True, change_id=ch.id,
            to_meter=to_meter), book.new_id(), at)
    else:  # console-side balance: the ledger is the balance, nothing to ask a meter for
        _book_out(s, ctx, actor, ch, tenant, meter_id, ledger, purpose, to_meter,
                  {"kind": "ledger", "ledger_fen": ledger}, at)


def _last_remaining(s: Session, meter_id: int) -> int:
    st = book.credit_state(s, meter_id)
    return st.known_remaining_fen if st.known_remaining_fen is not None else 0


def _book_claim(s: Session, ctx: ServiceContext, actor: Actor, ch: AccountChangeRow, tenant: TenantRef,
                meter: MeterRow, claim: Claim, ledger: int, purpose: str, to_meter: int | None, at: datetime) -> None:
    fen = check_claim(actor, claim, ledger)
    evidence = {"kind": "claim", "approver": claim.approver.name, "reason": claim.reason.strip(),
                "claimed_fen": fen, "ledger_fen": ledger}
    if ledger - fen > 0:
        book.post(s, posting.consumption(meter.id, ledger - fen), id=book.new_id(), kind="consumption", at=at,
                  meter_id=meter.id, tenant_id=tenant.tenant_id, account_id=tenant.account_id,
                  amount_fen=ledger - fen, operator_id=actor.id, operator_name=actor.name,
                  approver_name=claim.approver.name, reason=claim.reason.strip(),
                  detail_json=dumps({"change": ch.id, "evidence": evidence}))
    if fen > 0:
        _book_out(s, ctx, actor, ch, tenant, meter.id, fen, purpose, to_meter, evidence, at,
                  approver=claim.approver.name)
    claims = _detail(ch).get("claims", {})
    claims[str(meter.id)] = evidence
    _set_detail(ch, claims=claims)
    audit.append(s, actor, "account.claim", f"meter:{meter.id}",
                 after={"change": ch.id, "claimed_fen": fen, "ledger_fen": ledger, "approver": claim.approver.name},
                 reason=claim.reason.strip(), at=at)


def _book_out(s: Session, ctx: ServiceContext, actor: Actor, ch: AccountChangeRow, tenant: TenantRef, meter_id: int,
              fen: int, purpose: str, to_meter: int | None, evidence: dict[str, Any], at: datetime,
              approver: str | None = None) -> None:
    """Pay out or move a balance no meter has to confirm (an approved claim, or a console-side balance)."""
    oid = book.new_id()
    common: dict[str, Any] = {"id": oid, "at": at, "meter_id": meter_id, "tenant_id": tenant.tenant_id,
                              "account_id": tenant.account_id, "amount_fen": fen, "operator_id": actor.id,
                              "operator_name": actor.name, "approver_name": approver, "reason": ch.reason}
    detail = {"change": ch.id, "evidence": evidence, "no_delivery": True}
    if to_meter is None:
        method = ch.method or "cash"
        shift = open_shift(s, actor, at)
        receipt = f"R{book.next_number(s, 'receipt'):08d}"
        book.post(s, posting.refund(meter_id, shift, method, fen), kind="refund", sale_type="refund", method=method,
                  shift_id=shift, receipt_no=receipt, cumulative_fen_before=cumulative_fen(s, meter_id),
                  detail_json=dumps({**detail, "balance_after_fen": 0}), **common)
        s.add(ReceiptRow(number=receipt, operation_id=oid, created_at=at))
        return
    target = book.lock_meter(s, to_meter)
    book.post(s, posting.transfer(meter_id, to_meter, fen), kind="transfer", to_meter_id=to_meter,
              detail_json=dumps(detail), **common)
    if target is not None and meter_side(target.model):
        book.add_credit_command(s, ctx.site_key, meter_id=to_meter, amount_fen=fen, operation_id=oid,
                                created_by=actor.name, at=at, reason="transfer in")


# ---- advancing / finishing -----------------------------------------------------------------------------------

def _transfers_in(s: Session, ch: AccountChangeRow) -> list[MeterCommandRow]:
    """Credit commands that carry this change's money on to another meter."""
    ops = [derived for h in _holds(s, ch.id) if (derived := s.get(OperationRow, returns.derived_id(h.id, "settle")))
           is not None and derived.kind == "transfer"]
    ops += [o for o in _change_ops(s, ch.id) if o.kind == "transfer"]
    if not ops:
        return []
    return list(s.execute(select(MeterCommandRow).where(MeterCommandRow.operation_id.in_([o.id for o in ops]),
                                                        MeterCommandRow.kind == book.CREDIT_KIND,
                                                        MeterCommandRow.state != "cancelled")).scalars())


def advance(s: Session, ctx: ServiceContext, change_id: str) -> None:
    """Move a change on after one of its commands ended: book consumption of settled meters, mark it stuck
    when a meter refused, finish it when every meter is settled."""
    ch = s.get(AccountChangeRow, change_id)
    if ch is None or ch.state == "done":
        return
    at = ctx.clock()
    holds = _holds(s, ch.id)
    waiting = refused = False
    for mid in _meters(ch):
        mine = [h for h in holds if h.meter_id == mid]
        last = returns.state_of(s, mine[-1]) if mine else None
        if last is not None and last.state == "waiting":
            waiting = True
            continue
        if last is not None and last.state == "refused" and book.ledger_credit_fen(s, mid) > 0:
            refused = True
            continue
        credit = book.ledger_credit_fen(s, mid)
        if credit > 0 and last is not None and last.state in ("returned", "nothing"):
            _book_consumption(s, ch, mid, credit, last, at)
    for cmd in _transfers_in(s, ch):
        if cmd.state in book.OUTSTANDING:
            waiting = True
        elif cmd.state != "delivered":
            refused = True
    if refused:
        if ch.state != "stuck":
            ch.state = "stuck"
            ch.problem = "a meter did not give its credit back (or did not take it): ask again, or settle it by claim"
            audit.append(s, Actor.system(), f"account.{ch.kind}.stuck", f"account:{ch.account_id}",
                         after={"change": ch.id}, reason=ch.problem, at=at)
        return
    if waiting:
        return
    if any(book.ledger_credit_fen(s, m) > 0 for m in _meters(ch)):
        return  # not asked yet (resumed later)
    _finish(s, ctx, ch, at)


def _book_consumption(s: Session, ch: AccountChangeRow, meter_id: int, fen: int, last: returns.HoldState,
                      at: datetime) -> None:
    hold = s.get(OperationRow, last.hold_id)
    book.post(s, posting.consumption(meter_id, fen), id=returns.derived_id(last.hold_id, "consumption"),
              kind="consumption", at=at, meter_id=meter_id, tenant_id=hold.tenant_id if hold else None,
              account_id=ch.account_id, amount_fen=fen, operator_id=None, operator_name="system",
              reason="used before the meter was settled",
              detail_json=dumps({"change": ch.id, "evidence": last.read_back, "hold": last.hold_id}))


def _finish(s: Session, ctx: ServiceContext, ch: AccountChangeRow, at: datetime) -> None:
    who = ch.started_by
    acc = s.get(TenantAccountRow, ch.account_id)
    assert acc is not None
    tenant = s.get(TenantRow, acc.tenant_id)
    trips: list[str] = []
    if ch.kind == "close":
        trip = bool(load_all(s)["trip_on_close"])
        for mid in _meters(ch):
            _detach(s, acc.id, mid, who, ch.reason or "销户", at)
            meter = s.get(MeterRow, mid)
            if trip and meter is not None and meter_side(meter.model):
                trips.append(book.add_command(s, ctx.site_key, meter_id=mid, kind="trip", created_by=who, at=at,
                                              reason="销户", priority=5).id)
        acc.closed_at, acc.closed_by, acc.close_reason = at, who, ch.reason
    elif ch.kind == "remove":
        _detach(s, acc.id, int(ch.meter_id or 0), who, ch.reason or "remove meter", at)
    else:
        _finish_replace(s, ctx, ch, acc, who, at, trips)
    _clear_return_alarms(s, ch, at)
    ch.state, ch.finished_at, ch.problem = "done", at, ""
    _set_detail(ch, trips=trips)
    audit.append(s, Actor.system(), {"close": "account.close", "remove": "account.remove_meter",
                                     "replace": "meter.replace"}[ch.kind], f"account:{tenant.account_no if tenant else acc.id}",
                 after={"change": ch.id, "meters": _meters(ch), "new_meter": ch.new_meter_id, "trips": trips,
                        "by": who}, reason=ch.reason, at=at)


def _finish_replace(s: Session, ctx: ServiceContext, ch: AccountChangeRow, acc: TenantAccountRow, who: str,
                    at: datetime, queued: list[str]) -> None:
    old_id, new_id = int(ch.meter_id or 0), int(ch.new_meter_id or 0)
    _detach(s, acc.id, old_id, who, ch.reason or "换表", at)
    old = s.get(MeterRow, old_id)
    new = s.get(MeterRow, new_id)
    assert old is not None and new is not None
    s.execute(update(AlarmRow).where(AlarmRow.meter_id == old_id, AlarmRow.active.is_(True))
              .values(active=False, cleared_at=at))
    if meter_side(new.model):  # back to prepaid control: relay closed when the tenant has credit
        balance = book.ledger_credit_fen(s, new_id)
        queued.append(book.add_command(s, ctx.site_key, meter_id=new_id, kind="close" if balance > 0 else
                                       "restore_prepaid", created_by=who, at=at, reason="换表", priority=5).id)
    claimed = str(old_id) in _detail(ch).get("claims", {})
    if meter_side(old.model) and not claimed:  # its own prepaid logic trips it at zero (no forced keep-power)
        queued.append(book.add_command(s, ctx.site_key, meter_id=old_id, kind="restore_prepaid", created_by=who,
                                       at=at, reason="换表: retired", priority=5).id)
    old.retired, old.retired_at = True, at


def _detach(s: Session, account_id: int, meter_id: int, who: str, reason: str, at: datetime) -> None:
    am = s.execute(select(AccountMeterRow).where(AccountMeterRow.account_id == account_id,
                                                 AccountMeterRow.meter_id == meter_id,
                                                 AccountMeterRow.removed_at.is_(None))).scalar_one_or_none()
    if am is not None:
        am.removed_at, am.removed_by, am.removed_reason = at, who, reason


def _clear_return_alarms(s: Session, ch: AccountChangeRow, at: datetime) -> None:
    from acrel_console.domain.alarms import AlarmKind
    from acrel_console.services.alarms import clear_alarm

    for h in _holds(s, ch.id):
        clear_alarm(s, AlarmKind.RETURN_REFUSED, f"operation:{h.id}", at)


# ---- status ---------------------------------------------------------------------------------------------------

def status(s: Session, ch: AccountChangeRow) -> ChangeStatus:
    detail = _detail(ch)
    before = {int(k): int(v) for k, v in detail.get("ledger_before", {}).items()}
    holds = _holds(s, ch.id)
    own = _change_ops(s, ch.id)
    lines: list[MeterSettlement] = []
    paid = moved = out = refused_total = 0
    for mid in _meters(ch):
        meter = s.get(MeterRow, mid)
        states = [returns.state_of(s, h) for h in holds if h.meter_id == mid]
        returned = sum(st.returned_fen for st in states)
        waiting = sum(st.held_fen for st in states if st.state == "waiting")
        last = states[-1] if states else None
        not_back = last.held_fen if last is not None and last.state == "refused" else 0
        consumption = sum(o.amount_fen for o in own if o.meter_id == mid and o.kind == "consumption")
        direct = [o for o in own if o.meter_id == mid and o.kind in ("refund", "transfer")]
        returned += sum(o.amount_fen for o in direct)
        claimed = str(mid) in detail.get("claims", {})
        state = ("claimed" if claimed else last.state if last is not None else "ledger" if direct else "none")
        receipt = next((o.receipt_no for o in direct if o.receipt_no), None) or (last.receipt_no if last else None)
        rb = last.read_back if last is not None else None
        for st in states:
            if st.settlement_id is not None:
                op = s.get(OperationRow, st.settlement_id)
                if op is not None and op.kind == "refund":
                    paid += op.amount_fen
                elif op is not None:
                    moved += op.amount_fen
        for o in direct:
            if o.kind == "refund":
                paid += o.amount_fen
            else:
                moved += o.amount_fen
        out += waiting
        refused_total += not_back
        lines.append(MeterSettlement(
            mid, meter.meter_no if meter else "", meter.room if meter else "", fen_to_yuan(before.get(mid, 0)), state,
            fen_to_yuan(returned), fen_to_yuan(waiting), fen_to_yuan(not_back), fen_to_yuan(consumption),
            None if rb is None or rb.get("remaining_fen") is None else fen_to_yuan(int(rb["remaining_fen"])),
            None if rb is None else rb.get("purchase_count"), None if rb is None else rb.get("read_at"), receipt,
            last.error if last is not None and last.state == "refused" else ""))
    return ChangeStatus(ch.id, ch.kind, ch.account_id, ch.state, ch.problem, ch.settle, tuple(lines),
                        fen_to_yuan(paid), fen_to_yuan(moved), fen_to_yuan(out), fen_to_yuan(refused_total),
                        tuple(detail.get("trips", [])), ch.new_meter_id, ch.started_at, ch.finished_at)

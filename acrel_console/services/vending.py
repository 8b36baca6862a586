"""Selling electricity (售电), refunds (退电), reversals (冲正), deliveries and the ledger check.

Every credit-changing method takes a caller-made UUID (or makes one) and is idempotent by it: the
same id twice returns the first result and creates nothing. The operation, its entries, its receipt
number and its PENDING delivery command (with the MAC, design §8) commit in one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from acrel_console.domain.money import fen_to_yuan
from acrel_console.domain.roles import Permission
from acrel_console.ledger import book, invariants, posting
from acrel_console.ledger.invariants import Violation
from acrel_console.ledger.queries import TenantRef, meter_tenant
from acrel_console.services import audit, returns
from acrel_console.services.account_changes import refuse_if_changing
from acrel_console.services.base import Actor, ServiceContext, check_permission, requires
from acrel_console.services.money_common import (
    CREDIT_KIND, METHODS, REMARK_OPENING, SALE_TYPES, OperationResult, SaleResult, amount_fen, check_method, credit_estimate_fen, cumulative_fen,
    dumps, existing, held_by, locked_meter, meter_side, op_id, open_shift, result_of)
from acrel_console.services.site_settings import load_all
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import OperationRow, ReceiptRow, TenantAccountRow, TenantRow

__all__ = ["VendingService", "SaleResult", "OperationResult", "DeliveryInfo", "REMARK_OPENING", "METHODS",
           "CREDIT_KIND", "sell_in"]


@dataclass(frozen=True, slots=True)
class DeliveryInfo:
    """One meter command as the deliveries list and the cashier card show it."""

    command_id: str
    meter_id: int
    kind: str
    state: str
    amount: Decimal | None
    expected_purchase_count: int | None
    operation_id: str | None
    created_at: datetime
    created_by: str
    attempts: int
    error: str
    completed_at: datetime | None
    purchase_count: int | None  # read back
    remaining: Decimal | None  # read back


def delivery_info(r: MeterCommandRow) -> DeliveryInfo:
    data = json.loads(r.result_json) if r.result_json else {}
    rem = data.get("remaining_fen")
    return DeliveryInfo(r.id, r.meter_id, r.kind, r.state, None if r.amount_fen is None else fen_to_yuan(r.amount_fen),
                        r.expected_purchase_count, r.operation_id, r.created_at, r.created_by, r.attempts, r.error,
                        r.completed_at, data.get("purchase_count"), None if rem is None else fen_to_yuan(rem))


def max_credit_fen(s: Session, meter_max: int | None) -> int | None:
    """囤积上限 for a meter: its override, else the site setting; 0 means no limit."""
    limit = meter_max if meter_max is not None else int(load_all(s)["max_credit_fen"])
    return limit or None


def sell_in(s: Session, ctx: ServiceContext, actor: Actor, meter_id: int, fen: int, method: str,
            sale_id: str, remark: str = "", kind: str = "sale",
            evidence: dict[str, object] | None = None) -> OperationResult:
    """A sale (or, with kind='opening', an old-system balance whose `evidence` is an approved claim) inside the
    caller's transaction."""
    meter = locked_meter(s, meter_id)
    at = ctx.clock()  # read under the meter lock
    prior = existing(s, sale_id, kind, meter_id, fen)
    if prior is not None:
        return result_of(s, prior, duplicate=True)
    tenant = held_by(s, meter_id)
    refuse_if_changing(s, tenant.account_id, meter_id)
    side = meter_side(meter.model)
    state = book.credit_state(s, meter_id) if side else None
    before = credit_estimate_fen(s, meter_id, side, state)
    limit = max_credit_fen(s, meter.max_credit_fen)
    if limit is not None and before + fen > limit:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "This sale would bring meter {meter} to {after} yuan, above its maximum stored credit of "
                      "{limit} yuan (囤积上限)."), field="amount", meter=meter_id,
            after=str(fen_to_yuan(before + fen)), limit=str(fen_to_yuan(limit)))
    expected = state.next_purchase_count if state is not None else None
    shift = open_shift(s, actor, at) if kind == "sale" else None
    lines = posting.sale(meter_id, shift, method, fen) if shift is not None else posting.opening(meter_id, fen)
    receipt = f"R{book.next_number(s, 'receipt'):08d}" if kind == "sale" else None
    op = book.post(s, lines, id=sale_id, kind=kind, sale_type=SALE_TYPES.get(kind), at=at, meter_id=meter_id,
                   tenant_id=tenant.tenant_id, account_id=tenant.account_id, amount_fen=fen,
                   method=method if kind == "sale" else None, operator_id=actor.id, operator_name=actor.name,
                   shift_id=shift, remark=remark, receipt_no=receipt,
                   purchase_count_before=None if expected is None else expected - 1,
                   cumulative_fen_before=cumulative_fen(s, meter_id),
                   detail_json=dumps({"balance_after_fen": before + fen, "expected_purchase_count": expected,
                                      **({"evidence": evidence} if evidence else {})}))
    if receipt is not None:
        s.add(ReceiptRow(number=receipt, operation_id=sale_id, created_at=at))
    cmd = None
    if side:
        cmd = book.add_credit_command(s, ctx.site_key, meter_id=meter_id, amount_fen=fen, operation_id=sale_id,
                                      created_by=actor.name, at=at, reason=kind, state=state)
    audit.append(s, actor, f"{kind}.post", f"meter:{meter_id}",
                 after={"operation_id": sale_id, "amount_fen": fen, "method": op.method, "tenant": tenant.account_no,
                        "receipt_no": receipt, "command_id": cmd.id if cmd else None,
                        "expected_purchase_count": expected, "remark": remark}, at=at)
    return OperationResult(sale_id, kind, meter_id, fen_to_yuan(fen), cmd.id if cmd else None, receipt, expected,
                           fen_to_yuan(before + fen), None, False)


def _reversed_fen(s: Session, sale_id: str) -> int:
    """How much of a sale is reversed or being reversed: confirmed reversals plus returns still under way."""
    total = 0
    for op in s.execute(select(OperationRow).where(OperationRow.ref_operation_id == sale_id,
                                                   OperationRow.kind.in_(("reversal", returns.HOLD_KIND)))).scalars():
        if op.kind == "reversal":
            total += op.amount_fen
        elif returns.state_of(s, op).state == "waiting":
            total += op.amount_fen
    return total


def _resolve_alarms(s: Session, command_id: str, at: datetime) -> None:
    """An operator resolved the delivery: its conflict/MAC alarms are cleared (they stay in the history)."""
    from acrel_console.domain.alarms import AlarmKind
    from acrel_console.services.alarms import clear_alarm

    for kind in (AlarmKind.DELIVERY_CONFLICT, AlarmKind.MAC_FAILURE):
        clear_alarm(s, kind, f"command:{command_id}", at)


class VendingService:
    """Cashier operations over the ledger; results are frozen values, never ORM rows."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.SELL)
    def sell(self, actor: Actor, meter_id: int, amount: Decimal | str, method: str = "cash",
             sale_id: str | None = None, remark: str = "") -> SaleResult:
        """Sell credit to a meter: operation + entries + receipt number + PENDING delivery, one transaction."""
        fen = amount_fen(amount)
        check_method(method)
        oid = op_id(sale_id)
        with self.ctx.transaction() as s:
            return sell_in(s, self.ctx, actor, meter_id, fen, method, oid, remark.strip())

    @requires(Permission.SELL)
    def refund(self, actor: Actor, meter_id: int, amount: Decimal | str, method: str = "cash",
               refund_id: str | None = None, reason: str = "", ref_sale_id: str | None = None) -> OperationResult:
        """退电: ask the meter for credit back and pay it out once the meter confirms (read-back). Capped by what
        the ledger gives the tenant and by what the meter last showed; until the meter answers the amount is
        held (nothing is paid out, no receipt); a refusal releases it and raises an alarm."""
        fen = amount_fen(amount)
        check_method(method)
        oid = op_id(refund_id)
        with self.ctx.transaction() as s:
            meter = locked_meter(s, meter_id)
            prior = s.get(OperationRow, oid)
            if prior is not None:
                if prior.meter_id != meter_id or prior.amount_fen != fen or prior.kind not in (returns.HOLD_KIND,
                                                                                               "refund"):
                    raise ConflictError(QT_TRANSLATE_NOOP("errors", "The id {id} was already used for another "
                                                                    "operation."), id=oid)
                return self._result(s, prior, duplicate=True)
            tenant = held_by(s, meter_id)
            refuse_if_changing(s, tenant.account_id, meter_id)
            side = meter_side(meter.model)
            before = self._cap(s, meter_id, side, fen, "refund")
            if not side:  # console-side balance: the ledger is all there is
                return self._take_back(s, actor, kind="refund", oid=oid, meter_id=meter_id, side=side, tenant=tenant,
                                       fen=fen, method=method, before=before, reason=reason.strip(),
                                       ref=ref_sale_id, approver=None, cancel=None)
            return self._ask_back(s, actor, tenant, returns.ReturnRequest(
                meter_id, fen, "refund", method=method, reason=reason.strip(), ref=ref_sale_id), oid, before)

    def _cap(self, s: Session, meter_id: int, side: bool, fen: int, what: str) -> int:
        """What may be taken back: the tenant's balance by the ledger (net of returns under way), and on a
        meter-side meter no more than the meter last showed (less what is on its way). Refuses above it."""
        ledger = book.ledger_credit_fen(s, meter_id)
        shown = credit_estimate_fen(s, meter_id, side) if side else ledger
        cap = min(ledger, shown)
        if fen > cap:
            template = QT_TRANSLATE_NOOP(
                "errors", "A refund of {amount} yuan is more than meter {meter} can give back: the tenant's balance "
                          "is {ledger} yuan by the ledger, the meter last showed {shown} yuan.") if what == "refund" \
                else QT_TRANSLATE_NOOP(
                "errors", "A reversal of {amount} yuan is more than meter {meter} can give back: the tenant's balance "
                          "is {ledger} yuan by the ledger, the meter last showed {shown} yuan. Reverse a smaller amount.")
            raise ValidationError(template, field="amount", amount=str(fen_to_yuan(fen)), meter=meter_id,
                                  ledger=str(fen_to_yuan(ledger)), shown=str(fen_to_yuan(shown)))
        return cap

    def _ask_back(self, s: Session, actor: Actor, tenant: TenantRef, req: returns.ReturnRequest, oid: str,
                  before: int) -> OperationResult:
        cmd = returns.request(s, self.ctx, actor, tenant, req, oid, self.ctx.clock())
        kind = returns.PAYOUT_KIND.get(req.purpose, req.purpose)
        return OperationResult(oid, kind, req.meter_id, fen_to_yuan(req.fen), cmd.id, None,
                               cmd.expected_purchase_count, fen_to_yuan(before - req.fen), None, False,
                               awaiting_meter=True)

    def _result(self, s: Session, op: OperationRow, duplicate: bool = False) -> OperationResult:
        """An operation as the cashier sees it; a return shows where the meter's answer stands."""
        if op.kind != returns.HOLD_KIND:
            return result_of(s, op, duplicate)
        st = returns.state_of(s, op)
        base = result_of(s, op, duplicate)
        return OperationResult(op.id, returns.PAYOUT_KIND.get(st.purpose, st.purpose), base.meter_id,
                               fen_to_yuan(op.amount_fen), st.command_id, st.receipt_no, base.expected_purchase_count,
                               base.balance_after_expected, None, duplicate, awaiting_meter=st.state == "waiting",
                               returned=None if st.state == "waiting" else fen_to_yuan(st.returned_fen),
                               outcome=st.state)

    def _take_back(self, s: Session, actor: Actor, *, kind: str, oid: str, meter_id: int, side: bool, tenant: TenantRef,
                   fen: int, method: str, before: int, reason: str, ref: str | None, approver: Actor | None,
                   cancel: MeterCommandRow | None) -> OperationResult:
        """A refund or reversal no meter has to confirm: a console-side balance, or a sale whose delivery never
        left (cancelled instead of sending a negative credit)."""
        at = self.ctx.clock()
        shift = open_shift(s, actor, at)
        state = book.credit_state(s, meter_id) if side else None
        expected = None if state is None or cancel is not None else state.next_purchase_count
        detail: dict[str, object] = {"balance_after_fen": before - fen, "expected_purchase_count": expected,
                                     "no_delivery": cancel is None}
        if cancel is not None:
            detail["cancelled_command"] = cancel.id
            del detail["no_delivery"]
        lines = posting.refund(meter_id, shift, method, fen) if kind == "refund" else \
            posting.reversal(meter_id, shift, method, fen)
        receipt = f"R{book.next_number(s, 'receipt'):08d}"
        book.post(s, lines, id=oid, kind=kind, sale_type=SALE_TYPES[kind], at=at, meter_id=meter_id,
                  tenant_id=tenant.tenant_id, account_id=tenant.account_id,
                  amount_fen=fen, method=method, operator_id=actor.id, operator_name=actor.name,
                  approver_name=approver.name if approver else None, shift_id=shift, ref_operation_id=ref,
                  reason=reason, receipt_no=receipt,
                  purchase_count_before=None if expected is None else expected - 1,
                  cumulative_fen_before=cumulative_fen(s, meter_id), detail_json=dumps(detail))
        s.add(ReceiptRow(number=receipt, operation_id=oid, created_at=at))
        if cancel is not None:
            cancel.state = "cancelled"
            cancel.completed_at = at
            cancel.error = f"cancelled by reversal {oid}"
            s.flush()
            book.resequence_after_cancel(s, self.ctx.site_key, cancel)
        audit.append(s, actor, f"{kind}.post", f"meter:{meter_id}",
                     after={"operation_id": oid, "amount_fen": fen, "method": method, "ref": ref,
                            "approver": approver.name if approver else None, "receipt_no": receipt,
                            "cancelled_command": cancel.id if cancel is not None else None},
                     reason=reason, at=at)
        return OperationResult(oid, kind, meter_id, fen_to_yuan(fen), None, receipt, expected,
                               fen_to_yuan(before - fen), cancel.id if cancel is not None else None, False)

    @requires(Permission.SELL)
    def reverse(self, actor: Actor, sale_id: str, approver: Actor, reason: str, amount: Decimal | str | None = None,
                reversal_id: str | None = None) -> OperationResult:
        """冲正 of a wrong sale, approved by a supervisor (OperatorService.verify_approver), capped at the
        unreversed amount. It belongs to the sale's account: once that account is closed (or the meter left
        it) it is refused, never taken from the meter's next tenant. A never-sent or failed delivery of the
        full sale is cancelled; otherwise the credit is asked back from the meter and paid out when the meter
        confirms."""
        check_permission(approver, Permission.APPROVE_REVERSAL)
        if approver.name == actor.name:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The approver must be a different operator."),
                                  field="approver")
        if not reason.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A reversal needs a reason."), field="reason")
        oid = op_id(reversal_id)
        with self.ctx.transaction() as s:
            sale = s.get(OperationRow, op_id(sale_id))
            if sale is None or sale.kind != "sale":
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No sale {id}."), id=sale_id)
            meter = locked_meter(s, int(sale.meter_id or 0))
            done = s.get(OperationRow, oid)
            if done is not None:
                if done.kind not in ("reversal", returns.HOLD_KIND) or done.ref_operation_id != sale.id:
                    raise ConflictError(QT_TRANSLATE_NOOP("errors", "The id {id} was already used for another operation."),
                                        id=oid)
                return self._result(s, done, duplicate=True)
            tenant = self._sale_owner(s, sale, meter.id)
            refuse_if_changing(s, tenant.account_id, meter.id)
            open_fen = sale.amount_fen - _reversed_fen(s, sale.id)
            fen = open_fen if amount is None else amount_fen(amount)
            if open_fen <= 0:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Sale {id} is already fully reversed."), id=sale.id)
            if fen > open_fen:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "At most {open} yuan of this sale can still be reversed."), field="amount",
                    open=str(fen_to_yuan(open_fen)))
            side = meter_side(meter.model)
            cancel = None
            if side and fen == sale.amount_fen:
                q = select(MeterCommandRow).where(MeterCommandRow.operation_id == sale.id,
                                                  MeterCommandRow.kind == book.CREDIT_KIND)
                if s.get_bind().dialect.name == "postgresql":
                    q = q.with_for_update()
                cmd = s.execute(q).scalars().first()
                if cmd is not None and (cmd.state == "pending" and cmd.attempts == 0 or cmd.state == "failed"):
                    # A failed sale delivery is proven not applied (the frame never left, or the meter's count
                    # did not move: no remote recharge): asking the meter for it back could only fail too.
                    cancel = cmd
            # also when cancelling (a later refund may count on it); a failed delivery's money is in the ledger only
            before = self._cap(s, meter.id, side and (cancel is None or cancel.state != "failed"), fen, "reversal")
            if cancel is not None or not side:
                return self._take_back(s, actor, kind="reversal", oid=oid, meter_id=meter.id, side=side,
                                       tenant=tenant, fen=fen, method=sale.method or "cash", before=before,
                                       reason=reason.strip(), ref=sale.id, approver=approver, cancel=cancel)
            return self._ask_back(s, actor, tenant, returns.ReturnRequest(
                meter.id, fen, "reversal", method=sale.method or "cash", reason=reason.strip(), ref=sale.id,
                approver=approver.name), oid, before)

    @staticmethod
    def _sale_owner(s: Session, sale: OperationRow, meter_id: int) -> TenantRef:
        """The tenant who bought the sale, when the meter is still theirs; refused otherwise."""
        holder = meter_tenant(s, meter_id)
        if holder is None or holder.account_id != sale.account_id:
            owner = s.get(TenantAccountRow, sale.account_id) if sale.account_id is not None else None
            tenant = s.get(TenantRow, owner.tenant_id) if owner is not None else None
            raise ConflictError(QT_TRANSLATE_NOOP(
                "errors", "Sale {id} belongs to account {no} ({name}), which is closed or no longer holds meter "
                          "{meter}: its balance was settled when it closed. A reversal now would take the money from "
                          "the meter's next tenant; it is refused."), id=sale.id,
                no=tenant.account_no if tenant else "?", name=tenant.name if tenant else "?", meter=meter_id)
        return holder

    @requires(Permission.VIEW)
    def get_operation(self, actor: Actor, operation_id: str) -> OperationResult:
        with self.ctx.read() as s:
            op = s.get(OperationRow, op_id(operation_id))
            if op is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No operation {id}."), id=operation_id)
            return self._result(s, op)

    @requires(Permission.VIEW)
    def deliveries(self, actor: Actor, state: str | None = None, meter_id: int | None = None,
                   operation_id: str | None = None, limit: int = 1000) -> list[DeliveryInfo]:
        """Credit and download commands, newest first. state 'pending' includes 'sending' (unconfirmed)."""
        q = select(MeterCommandRow).order_by(MeterCommandRow.created_at.desc()).limit(limit)
        if state == "pending":
            q = q.where(MeterCommandRow.state.in_(book.OUTSTANDING))
        elif state:
            q = q.where(MeterCommandRow.state == state)
        if meter_id is not None:
            q = q.where(MeterCommandRow.meter_id == meter_id)
        if operation_id is not None:
            q = q.where(MeterCommandRow.operation_id == operation_id)
        with self.ctx.read() as s:
            return [delivery_info(r) for r in s.execute(q).scalars()]

    @requires(Permission.VIEW)
    def delivery(self, actor: Actor, command_id: str) -> DeliveryInfo:
        with self.ctx.read() as s:
            row = s.get(MeterCommandRow, command_id)
            if row is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No delivery {id}."), id=command_id)
            return delivery_info(row)

    @requires(Permission.SELL)
    def reissue_conflict(self, actor: Actor, command_id: str, reason: str) -> DeliveryInfo:
        """Deliver again (在线支付重新下发) after an operator checked the meter and found the credit NOT
        applied: a CONFLICT, or a FAILED delivery (refused, or a row whose MAC did not match). The old
        command is cancelled and the credit is queued again with a fresh count; the amount comes from the
        ledger operation, never from the (possibly altered) row. Logged with the reason."""
        if not reason.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Re-issuing a delivery needs a reason."), field="reason")
        with self.ctx.transaction() as s:
            row = s.get(MeterCommandRow, command_id)
            if row is None or row.state not in ("conflict", "failed") or row.kind != book.CREDIT_KIND:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Delivery {id} is not in conflict or failed."),
                                    id=command_id)
            op = s.get(OperationRow, row.operation_id) if row.operation_id else None
            if op is None:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Delivery {id} has no ledger operation; it cannot be "
                                                                "delivered again."), id=command_id)
            locked_meter(s, row.meter_id)
            from acrel_console.services.deliveries import delivered_in_log

            siblings = [str(i) for i in s.execute(select(MeterCommandRow.id).where(
                MeterCommandRow.operation_id == op.id, MeterCommandRow.meter_id == row.meter_id)).scalars()]
            delivered = delivered_in_log(s, siblings)
            if delivered is not None:  # issue 11: a row edited to look undelivered is not evidence
                raise ConflictError(QT_TRANSLATE_NOOP(
                    "errors", "The operation log shows delivery {id} of this operation reached the meter; it is not "
                              "delivered again."), id=delivered)
            sweep = book.sweep_cap(row)
            if op.kind == returns.HOLD_KIND and returns.state_of(s, op).state != "waiting":
                raise ConflictError(QT_TRANSLATE_NOOP(
                    "errors", "Delivery {id} was a return the meter refused and it is settled: nothing was paid. "
                              "Make a new one if the tenant still asks."), id=command_id)
            if op.kind == "transfer":
                amount = op.amount_fen if row.meter_id == op.to_meter_id else -op.amount_fen
            else:
                amount = invariants.meter_impact(op.kind, op.amount_fen)
            at = self.ctx.clock()
            row.state, row.completed_at = "cancelled", at
            _resolve_alarms(s, command_id, at)
            row.error = f"re-issued by {actor.name}: {reason.strip()}"
            s.flush()
            new = book.add_credit_command(s, self.ctx.site_key, meter_id=row.meter_id, amount_fen=amount,
                                          operation_id=op.id, created_by=actor.name, at=at, reason="reissue",
                                          sweep_fen=sweep)
            audit.append(s, actor, "delivery.reissue", f"command:{row.id}",
                         after={"new_command": new.id, "amount_fen": amount}, reason=reason.strip(), at=at)
            return delivery_info(new)

    @requires(Permission.SELL)
    def confirm_conflict_applied(self, actor: Actor, command_id: str, reason: str) -> DeliveryInfo:
        """After an operator checked a CONFLICT meter and found the credit applied: mark it delivered (logged)."""
        if not reason.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Confirming a delivery needs a reason."), field="reason")
        with self.ctx.transaction() as s:
            row = s.get(MeterCommandRow, command_id)
            if row is None or row.state != "conflict":
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Delivery {id} is not in conflict."), id=command_id)
            row.state, row.completed_at = "delivered", self.ctx.clock()
            _resolve_alarms(s, command_id, self.ctx.clock())
            row.error = f"confirmed applied by {actor.name}: {reason.strip()}"
            row.result_json = ""
            returns.command_final(s, self.ctx, row)  # a return confirmed by the operator is paid out now
            audit.append(s, actor, "delivery.confirm", f"command:{row.id}", reason=reason.strip(), at=self.ctx.clock())
            return delivery_info(row)

    @requires(Permission.VIEW)
    def check_ledger(self, actor: Actor) -> list[Violation]:
        """The invariants of design §7 (empty = sound), including the operation-log chain."""
        with self.ctx.read() as s:
            return invariants.check(s, meter_side=meter_side, chain_check=audit.verify_chain)

"""Helpers shared by the money services: meter checks, shifts, receipts numbers, result values."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, UserError, ValidationError
from acrel_console.domain.money import fen_to_yuan, parse_yuan, yuan_to_fen
from acrel_console.ledger import book, posting
from acrel_console.ledger.queries import TenantRef, meter_tenant
from acrel_console.services.base import Actor
from acrel_console.storage.tables.ledger import OperationRow, ShiftRow
from acrel_console.storage.tables.site import MeterRow

SALE_TYPES = {"sale": "normal", "reversal": "reversal", "refund": "refund"}  # records page 售电类型
METHODS = posting.METHODS  # payment methods: cash, card, wechat, alipay, transfer (UI imports them from here)
CREDIT_KIND = book.CREDIT_KIND  # meter_commands.kind of a credit delivery
REMARK_OPENING = "开户首充"


@lru_cache(maxsize=64)
def meter_side(model: str) -> bool:
    """True when the meter of this model holds and deducts the balance itself (design §6)."""
    try:
        from acrel_console.drivers.profiles import load_profile

        return bool(load_profile(model).meter_side_balance)
    except Exception:  # noqa: BLE001 - unknown model: deliver credit, the safe side
        return True


@dataclass(frozen=True, slots=True)
class OperationResult:
    """What a sale, refund, reversal or transfer produced. Money in yuan (Decimal)."""

    operation_id: str
    kind: str  # sale | refund | reversal | transfer | opening
    meter_id: int
    amount: Decimal
    command_id: str | None  # the credit delivery (None for console-side meters or a cancelled one)
    receipt_no: str | None
    expected_purchase_count: int | None
    balance_after_expected: Decimal | None  # meter's remaining once delivered (None if never read)
    cancelled_command_id: str | None = None  # reversal of a never-sent sale: the delivery cancelled
    duplicate: bool = False  # True when the id was already used: the first result, nothing created
    awaiting_meter: bool = False  # a refund/reversal asked of the meter: paid out only once it confirms
    returned: Decimal | None = None  # what the meter confirmed it gave back (None while waiting)
    outcome: str = ""  # a return: waiting | returned | refused | nothing


SaleResult = OperationResult


def amount_fen(amount: Decimal | str | int, field: str = "amount") -> int:
    """A positive amount in yuan to fen (typed text through domain.amount_input); ValidationError otherwise."""
    try:
        fen = yuan_to_fen(parse_yuan(amount, negative=False, field=field))
    except ValidationError:
        raise
    except UserError as err:  # parse_yuan's message, as a field error
        raise ValidationError(err.template, field=field, **err.params) from None
    if fen <= 0:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The amount must be greater than zero."), field=field)
    return fen


def check_method(method: str) -> str:
    if method not in posting.METHODS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown payment method '{method}'."), field="method",
                              method=method)
    return method


def op_id(value: str | None) -> str:
    if value is None:
        return book.new_id()
    try:
        return book.check_uuid(value)
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "'{id}' is not a UUID."), field="id", id=value) from None


def locked_meter(s: Session, meter_id: int) -> MeterRow:
    row = book.lock_meter(s, meter_id)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {id}."), id=meter_id)
    if row.retired:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "Meter {id} is retired."), id=meter_id)
    return row


def held_by(s: Session, meter_id: int) -> TenantRef:
    ref = meter_tenant(s, meter_id)
    if ref is None:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "Meter {id} is not opened: open an account for it first."),
                            id=meter_id)
    return ref


def open_shift(s: Session, actor: Actor, at: datetime) -> int:
    """The actor's open shift, opened on the first money operation."""
    sid = s.execute(select(ShiftRow.id).where(ShiftRow.cashier_name == actor.name, ShiftRow.closed_at.is_(None))
                    .order_by(ShiftRow.id.desc()).limit(1)).scalar()
    if sid is not None:
        return int(sid)
    row = ShiftRow(cashier_id=actor.id, cashier_name=actor.name, opened_at=at)
    s.add(row)
    s.flush()
    return row.id


def cumulative_fen(s: Session, meter_id: int) -> int:
    """Net purchases on a meter so far (购电总额): sales and opening balances less reversals and refunds."""
    rows = s.execute(select(OperationRow.kind, func.sum(OperationRow.amount_fen))
                     .where(OperationRow.meter_id == meter_id,
                            OperationRow.kind.in_(("sale", "opening", "reversal", "refund")))
                     .group_by(OperationRow.kind)).all()
    total = 0
    for kind, amount in rows:
        total += int(amount or 0) * (1 if kind in ("sale", "opening") else -1)
    return total


def credit_estimate_fen(s: Session, meter_id: int, side: bool, state: book.CreditState | None = None) -> int:
    """The tenant's credit on a meter once every outstanding delivery lands: the meter's last known
    remaining plus outstanding commands (meter-side), else the ledger's credit."""
    if side:
        st = state or book.credit_state(s, meter_id)
        if st.expected_remaining_fen is not None:
            return st.expected_remaining_fen
    return book.ledger_credit_fen(s, meter_id)


def result_of(s: Session, op: OperationRow, duplicate: bool = False) -> OperationResult:
    from acrel_console.storage.tables.commands import MeterCommandRow

    detail = json.loads(op.detail_json) if op.detail_json else {}
    cmd = s.execute(select(MeterCommandRow.id, MeterCommandRow.expected_purchase_count)
                    .where(MeterCommandRow.operation_id == op.id, MeterCommandRow.meter_id == op.meter_id)
                    .order_by(MeterCommandRow.created_at).limit(1)).first()
    bal = detail.get("balance_after_fen")
    return OperationResult(op.id, op.kind, int(op.meter_id or 0), fen_to_yuan(op.amount_fen),
                           cmd[0] if cmd else None, op.receipt_no,
                           cmd[1] if cmd else detail.get("expected_purchase_count"),
                           None if bal is None else fen_to_yuan(bal), detail.get("cancelled_command"), duplicate)


def existing(s: Session, operation_id: str, kind: str, meter_id: int | None, amount: int) -> OperationRow | None:
    """The operation already made with this id (idempotent replay), or None. A different request
    under the same id is a conflict."""
    op = s.get(OperationRow, operation_id)
    if op is None:
        return None
    if op.kind != kind or (meter_id is not None and op.meter_id != meter_id) or op.amount_fen != amount:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "The id {id} was already used for another operation."),
                            id=operation_id)
    return op


def dumps(value: dict[str, Any]) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

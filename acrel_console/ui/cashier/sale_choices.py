"""The sales of a meter a reversal can still apply to, with their unreversed amount (from the records service)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from acrel_console.services.base import Actor
from acrel_console.services.records import RecordQuery, RecordRow
from acrel_console.ui.cashier.money import MoneyServices


@dataclass(frozen=True, slots=True)
class SaleChoice:
    operation_id: str
    receipt_no: str | None
    at: datetime
    amount: Decimal
    open_amount: Decimal
    method: str | None
    operator: str
    delivery_state: str | None


def open_sales(money: MoneyServices, actor: Actor, meter_id: int, limit: int = 200) -> list[SaleChoice]:
    """The meter's sales, newest first, with what of each is not yet reversed (fully reversed ones left out)."""
    page = money.records.query(actor, RecordQuery(meter_id=meter_id, kinds=("sale", "reversal"), limit=limit))
    reversed_by: dict[str, Decimal] = {}
    for r in page.rows:
        if r.kind == "reversal" and r.ref_operation_id:
            reversed_by[r.ref_operation_id] = reversed_by.get(r.ref_operation_id, Decimal("0")) + r.amount
    out = []
    for r in page.rows:
        if r.kind != "sale":
            continue
        left = r.amount - reversed_by.get(r.operation_id, Decimal("0"))
        if left > 0:
            out.append(_choice(r, left))
    return out


def _choice(r: RecordRow, left: Decimal) -> SaleChoice:
    return SaleChoice(r.operation_id, r.receipt_no, r.at, r.amount, left, r.method, r.operator, r.delivery_state)

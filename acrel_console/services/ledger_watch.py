"""What the site runtime checks against the ledger on a schedule: reconciliation alarms (each meter's
remaining amount against the ledger) and the delivered sales whose after-sale text (充值提醒) is due."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.money import format_yuan
from acrel_console.ledger.book import ledger_credit_fen
from acrel_console.services.alarms import clear_alarm, raise_alarm
from acrel_console.services.base import Actor, ServiceContext
from acrel_console.services.vending import VendingService
from acrel_console.storage.tables.alarms import AlarmRow
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import OperationRow
from acrel_console.storage.tables.meter_state import MeterStateRow
from acrel_console.storage.tables.site import MeterRow

MISMATCH_CODES = ("meter_above_ledger", "meter_below_ledger")


def check_reconciliation(ctx: ServiceContext, vending: VendingService) -> int:
    """Ledger against meters: a meter showing more than the ledger delivered, or less than consumption
    explains, raises a reconciliation alarm; one that agrees again clears it. Returns the alarms raised."""
    violations = vending.check_ledger(Actor.system())
    mismatched = {v.ref: v for v in violations if v.code in MISMATCH_CODES}
    now = ctx.clock()
    raised = 0
    with ctx.transaction() as s:
        active = set(s.execute(select(AlarmRow.target).where(
            AlarmRow.active.is_(True), AlarmRow.kind == AlarmKind.RECONCILIATION.value)).scalars())
        for ref, violation in mismatched.items():
            meter = s.get(MeterRow, int(ref))
            state = s.get(MeterStateRow, int(ref))
            alarm = raise_alarm(s, AlarmKind.RECONCILIATION, f"meter:{ref}", now, meter_id=int(ref),
                                room=meter.room if meter is not None else f"#{ref}",
                                ledger=format_yuan(ledger_credit_fen(s, int(ref))),
                                meter=format_yuan(state.remaining_fen if state is not None else None),
                                detail=violation.message)
            raised += alarm is not None
        for target in active - {f"meter:{ref}" for ref in mismatched}:
            clear_alarm(s, AlarmKind.RECONCILIATION, target, now)
    return raised


@dataclass(frozen=True, slots=True)
class DeliveredSale:
    """A sale the meter confirmed: what its after-sale text says."""

    sale_id: str
    meter_id: int
    amount_fen: int
    method: str
    balance_fen: int | None
    completed_at: datetime | None


def delivered_sales_since(ctx: ServiceContext, since: datetime) -> list[DeliveredSale]:
    """Sales whose delivery completed after `since`, oldest first."""
    with ctx.read() as s:
        rows = s.execute(select(MeterCommandRow.meter_id, MeterCommandRow.result_json, MeterCommandRow.completed_at,
                                OperationRow.id, OperationRow.amount_fen, OperationRow.method)
                         .join(OperationRow, MeterCommandRow.operation_id == OperationRow.id)
                         .where(MeterCommandRow.state == "delivered", MeterCommandRow.completed_at > since,
                                OperationRow.kind == "sale")
                         .order_by(MeterCommandRow.completed_at)).all()
    out = []
    for meter_id, result_json, completed_at, op_id, amount_fen, method in rows:
        try:
            balance = json.loads(result_json).get("remaining_fen") if result_json else None
        except ValueError:
            balance = None
        out.append(DeliveredSale(str(op_id), int(meter_id), int(amount_fen or 0), str(method or ""),
                                 balance, completed_at))
    return out

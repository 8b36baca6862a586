"""A supervisor's online payment cases (issue 17): paid orders whose credit has not reached the meter, payments of a
wrong amount waiting for a decision, refunds owed to payers, and differences found in a provider's daily statement;
each with the actions the services allow on it now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.roles import Permission
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.payments import OrderView, order_view
from acrel_console.storage.tables.alarms import AlarmRow
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.payments import PaymentOrderRow

CASE_KINDS = ("undelivered", "amount", "refund", "statement")
STUCK_AFTER = timedelta(minutes=5)  # a delivery still pending after this is a case (before: on its way)
LIMIT = 500


@dataclass(frozen=True, slots=True)
class PaymentCase:
    """One thing a supervisor should look at. `actions` are what the services allow now:
    'deliver_again' (VendingService.reissue_conflict of `command_id`), 'refund' / 'credit' (PaymentService.resolve),
    'retry_refund' (PaymentService.retry_refund), 'acknowledge' (AlarmService.acknowledge of `alarm_id`)."""

    kind: str  # undelivered | amount | refund | statement
    raised_at: datetime
    provider: str
    transaction_id: str
    order: OrderView | None
    command_id: str | None  # undelivered: the sale's latest delivery
    delivery: str  # undelivered: that delivery's state
    alarm_id: int | None  # statement: the difference's alarm
    detail: str  # English: what is wrong (the statement difference, the provider's refusal, the delivery's error)
    actions: tuple[str, ...]


class PaymentCaseService:
    """支付异常处理: the cases, oldest first within each kind."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.VIEW)
    def cases(self, actor: Actor) -> list[PaymentCase]:
        now = self.ctx.clock()
        out: list[PaymentCase] = []
        with self.ctx.read() as s:
            for order, cmd in s.execute(
                    select(PaymentOrderRow, MeterCommandRow)
                    .join(MeterCommandRow, MeterCommandRow.operation_id == PaymentOrderRow.operation_id)
                    .where(PaymentOrderRow.state.in_(("paid", "credited")),
                           MeterCommandRow.state.notin_(("delivered", "cancelled")))
                    .order_by(MeterCommandRow.created_at).limit(LIMIT)):
                stuck = cmd.state in ("conflict", "failed")
                if not stuck and now - cmd.created_at < STUCK_AFTER:
                    continue  # on its way to the meter
                out.append(PaymentCase("undelivered", cmd.created_at, order.provider, order.transaction_id or "",
                                       order_view(s, order), cmd.id, cmd.state, None, cmd.error or "",
                                       ("deliver_again",) if stuck else ()))
            for order in s.execute(select(PaymentOrderRow).where(PaymentOrderRow.state.in_(("held", "refunding")))
                                   .order_by(PaymentOrderRow.paid_at).limit(LIMIT)).scalars():
                held = order.state == "held"
                out.append(PaymentCase("amount" if held else "refund", order.paid_at or order.created_at,
                                       order.provider, order.transaction_id or "", order_view(s, order), None, "", None,
                                       order.error or order.hold_reason,
                                       ("refund", "credit") if held else ("retry_refund",)))
            for alarm in s.execute(select(AlarmRow).where(
                    AlarmRow.active.is_(True), AlarmRow.kind == AlarmKind.PAYMENT.value,
                    AlarmRow.target.like("statement:%"), AlarmRow.acknowledged_at.is_(None))
                    .order_by(AlarmRow.raised_at).limit(LIMIT)).scalars():
                provider = alarm.target.split(":")[1] if alarm.target.count(":") >= 3 else ""
                out.append(PaymentCase("statement", alarm.raised_at, provider, alarm.target.rsplit(":", 1)[-1], None,
                                       None, "", alarm.id, alarm.message, ("acknowledge",)))
        return out


__all__ = ["PaymentCase", "PaymentCaseService", "CASE_KINDS"]

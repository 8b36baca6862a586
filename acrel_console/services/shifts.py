"""Cashier shifts: the summary (sales by method, refunds, reversals, expected cash) and the supervisor close."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound
from acrel_console.domain.money import fen_to_yuan, parse_yuan, yuan_to_fen
from acrel_console.domain.roles import Permission
from acrel_console.ledger.posting import METHODS
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.storage.tables.ledger import EntryRow, LedgerAccountRow, OperationRow, ShiftRow


@dataclass(frozen=True, slots=True)
class ShiftInfo:
    shift_id: int
    cashier: str
    opened_at: datetime
    closed_at: datetime | None
    closed_by: str | None


@dataclass(frozen=True, slots=True)
class ShiftSummary:
    """A shift's money: per payment method, in yuan. expected_by_method is each drawer's balance."""

    shift: ShiftInfo
    sales_by_method: dict[str, Decimal]
    refunds_by_method: dict[str, Decimal]
    reversals_by_method: dict[str, Decimal]
    sales_count: int
    refunds_count: int
    reversals_count: int
    expected_by_method: dict[str, Decimal]
    expected_cash: Decimal
    counted_cash: Decimal | None
    cash_difference: Decimal | None  # counted - expected


def _info(r: ShiftRow) -> ShiftInfo:
    return ShiftInfo(r.id, r.cashier_name, r.opened_at, r.closed_at, r.closed_by)


class ShiftService:
    """Shifts open on a cashier's first money operation; a supervisor closes them."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _summary(self, s: Session, row: ShiftRow) -> ShiftSummary:
        zero = {m: Decimal("0.00") for m in METHODS}
        by: dict[str, dict[str, Decimal]] = {"sale": dict(zero), "refund": dict(zero), "reversal": dict(zero)}
        counts = {"sale": 0, "refund": 0, "reversal": 0}
        for kind, method, total, n in s.execute(
                select(OperationRow.kind, OperationRow.method, func.sum(OperationRow.amount_fen), func.count())
                .where(OperationRow.shift_id == row.id, OperationRow.kind.in_(tuple(by)))
                .group_by(OperationRow.kind, OperationRow.method)):
            by[kind][method or "cash"] = fen_to_yuan(int(total or 0))
            counts[kind] += int(n)
        drawers = dict(zero)
        for method, total in s.execute(
                select(LedgerAccountRow.method, func.sum(EntryRow.amount_fen))
                .join(EntryRow, EntryRow.account_id == LedgerAccountRow.id)
                .where(LedgerAccountRow.shift_id == row.id).group_by(LedgerAccountRow.method)):
            if method is not None:  # drawer accounts (the only ones with a shift) always have one
                drawers[method] = fen_to_yuan(int(total or 0))
        counted = None if row.counted_cash_fen is None else fen_to_yuan(row.counted_cash_fen)
        return ShiftSummary(_info(row), by["sale"], by["refund"], by["reversal"], counts["sale"], counts["refund"],
                            counts["reversal"], drawers, drawers["cash"], counted,
                            None if counted is None else counted - drawers["cash"])

    def _get(self, s: Session, shift_id: int) -> ShiftRow:
        row = s.get(ShiftRow, shift_id)
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No shift {id}."), id=shift_id)
        return row

    @requires(Permission.VIEW)
    def current(self, actor: Actor) -> ShiftSummary | None:
        """The actor's open shift, if any."""
        with self.ctx.read() as s:
            row = s.execute(select(ShiftRow).where(ShiftRow.cashier_name == actor.name, ShiftRow.closed_at.is_(None))
                            .order_by(ShiftRow.id.desc()).limit(1)).scalar_one_or_none()
            return None if row is None else self._summary(s, row)

    @requires(Permission.VIEW)
    def summary(self, actor: Actor, shift_id: int) -> ShiftSummary:
        with self.ctx.read() as s:
            return self._summary(s, self._get(s, shift_id))

    @requires(Permission.VIEW)
    def list_shifts(self, actor: Actor, open_only: bool = False, cashier: str | None = None,
                    limit: int = 200) -> list[ShiftInfo]:
        q = select(ShiftRow).order_by(ShiftRow.id.desc()).limit(limit)
        if open_only:
            q = q.where(ShiftRow.closed_at.is_(None))
        if cashier:
            q = q.where(ShiftRow.cashier_name == cashier)
        with self.ctx.read() as s:
            return [_info(r) for r in s.execute(q).scalars()]

    @requires(Permission.CLOSE_SHIFT)
    def close(self, actor: Actor, shift_id: int, counted_cash: Decimal | str | None = None,
              note: str = "") -> ShiftSummary:
        """A supervisor closes a shift, optionally with the counted cash; the cashier's next sale opens a new one."""
        with self.ctx.transaction() as s:
            row = self._get(s, shift_id)
            if row.closed_at is not None:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Shift {id} is already closed."), id=shift_id)
            row.closed_at, row.closed_by, row.close_note = self.ctx.clock(), actor.name, note.strip()
            if counted_cash not in (None, ""):
                row.counted_cash_fen = yuan_to_fen(parse_yuan(counted_cash))
            s.flush()
            summary = self._summary(s, row)
            audit.append(s, actor, "shift.close", f"shift:{row.id}",
                         after={"cashier": row.cashier_name, "expected_cash": str(summary.expected_cash),
                                "counted_cash": None if summary.counted_cash is None else str(summary.counted_cash)},
                         reason=note.strip(), at=self.ctx.clock())
            return summary

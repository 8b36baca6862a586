"""The ledger's invariants (design §7): a check that returns violations instead of raising.

Checked: every operation balances and has entries; every credit operation on a meter-side meter has
its delivery command (or a reversal that cancelled it); no command delivered twice; no delivery
without an operation; commands that failed or conflict; per meter, the credit the ledger gives the
tenant against the meter's last known remaining amount (never less than the meter shows; not more
than the consumption since, when an allowance is given); and, when given, the operation-log chain.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import Session, aliased

from acrel_console.ledger import book, posting
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import EntryRow, LedgerAccountRow, OperationRow
from acrel_console.storage.tables.site import MeterRow

CREDIT_KINDS = ("sale", "refund", "reversal", "transfer", "opening")


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken invariant: a stable code, an English message and what it is about."""

    code: str
    message: str
    ref: str = ""


def meter_impact(kind: str, amount_fen: int) -> int:
    """How an operation of this kind changes the credit delivered to its (source) meter."""
    return amount_fen if kind in ("sale", "opening") else -amount_fen


def _unbalanced(s: Session) -> list[Violation]:
    q = (select(EntryRow.operation_id, func.sum(EntryRow.amount_fen)).group_by(EntryRow.operation_id)
         .having(func.sum(EntryRow.amount_fen) != 0))
    out = [Violation("unbalanced", f"operation {op} entries sum to {total} fen", op) for op, total in s.execute(q)]
    empty = select(OperationRow.id).where(~exists().where(EntryRow.operation_id == OperationRow.id))
    out += [Violation("no_entries", f"operation {op} has no entries", op) for op in s.execute(empty).scalars()]
    return out


def _commands(s: Session) -> list[Violation]:
    out: list[Violation] = []
    twice = (select(MeterCommandRow.operation_id, MeterCommandRow.meter_id, func.count())
             .where(MeterCommandRow.kind == book.CREDIT_KIND, MeterCommandRow.state == "delivered",
                    MeterCommandRow.operation_id.is_not(None))
             .group_by(MeterCommandRow.operation_id, MeterCommandRow.meter_id).having(func.count() > 1))
    out += [Violation("delivered_twice", f"operation {op} delivered {n} times to meter {m}", str(op))
            for op, m, n in s.execute(twice)]
    orphan = (select(MeterCommandRow.id).where(MeterCommandRow.kind == book.CREDIT_KIND)
              .where(~exists().where(OperationRow.id == MeterCommandRow.operation_id)))
    out += [Violation("delivery_without_operation", f"credit command {c} has no ledger operation", c)
            for c in s.execute(orphan).scalars()]
    bad = select(MeterCommandRow.id, MeterCommandRow.state, MeterCommandRow.error).where(
        MeterCommandRow.kind == book.CREDIT_KIND, MeterCommandRow.state.in_(("failed", "conflict")))
    out += [Violation(f"delivery_{state}", f"credit command {c} is {state}: {err}", c)
            for c, state, err in s.execute(bad)]
    return out


def _deliveries(s: Session, meter_side: Callable[[str], bool]) -> list[Violation]:
    out: list[Violation] = []
    side = {mid: meter_side(model) for mid, model in s.execute(select(MeterRow.id, MeterRow.model))}
    has_cmd = exists().where(MeterCommandRow.operation_id == OperationRow.id)
    lonely = select(OperationRow.id, OperationRow.kind, OperationRow.meter_id, OperationRow.detail_json).where(
        OperationRow.kind.in_(CREDIT_KINDS), ~has_cmd)
    for op, kind, meter_id, detail in s.execute(lonely):
        if meter_id is None or not side.get(meter_id, True):
            continue
        info = json.loads(detail) if detail else {}
        if kind == "reversal" and info.get("cancelled_command"):
            continue
        if info.get("no_delivery"):  # e.g. a transfer out of a dead, retired meter
            continue
        out.append(Violation("operation_without_delivery", f"{kind} {op} on meter {meter_id} has no delivery", op))
    # Per meter: credit the ledger sent to the meter == the amounts of its live (not cancelled) commands.
    # Aggregated in SQL (a million entries must check in seconds); detail_json is canonical JSON.
    delivered_op = ~OperationRow.detail_json.like('%"no_delivery":true%')
    signed = case((OperationRow.kind.in_(("sale", "opening")), OperationRow.amount_fen), else_=-OperationRow.amount_fen)
    impact: dict[int, int] = defaultdict(int)
    for meter_id, total in s.execute(select(OperationRow.meter_id, func.sum(signed)).where(
            OperationRow.kind.in_(CREDIT_KINDS), OperationRow.meter_id.is_not(None), delivered_op)
            .group_by(OperationRow.meter_id)):
        impact[meter_id] += int(total or 0)
    for to_meter, total in s.execute(select(OperationRow.to_meter_id, func.sum(OperationRow.amount_fen)).where(
            OperationRow.kind == "transfer", OperationRow.to_meter_id.is_not(None)).group_by(OperationRow.to_meter_id)):
        impact[to_meter] += int(total or 0)
    sent = dict(s.execute(select(MeterCommandRow.meter_id, func.sum(MeterCommandRow.amount_fen)).where(
        MeterCommandRow.kind == book.CREDIT_KIND, MeterCommandRow.state != "cancelled",
        MeterCommandRow.operation_id.is_not(None)).group_by(MeterCommandRow.meter_id)).all())
    for meter_id in sorted(set(impact) | set(sent)):
        if not side.get(meter_id, True):
            continue
        if impact.get(meter_id, 0) != int(sent.get(meter_id) or 0):
            out.append(Violation("delivery_mismatch",
                                 f"meter {meter_id}: ledger credit operations {impact.get(meter_id, 0)} fen, "
                                 f"delivery commands {int(sent.get(meter_id) or 0)} fen", str(meter_id)))
    return out


def _balances(s: Session, meter_side: Callable[[str], bool],
              allowance: Callable[[Session, int], int | None] | None) -> list[Violation]:
    out: list[Violation] = []
    prepaid = aliased(LedgerAccountRow)
    sums = dict(s.execute(select(prepaid.meter_id, func.sum(EntryRow.amount_fen))
                          .join(prepaid, EntryRow.account_id == prepaid.id)
                          .where(prepaid.kind == "prepaid").group_by(prepaid.meter_id)).all())
    undelivered: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for meter_id, state, total in s.execute(
            select(MeterCommandRow.meter_id, MeterCommandRow.state, func.sum(MeterCommandRow.amount_fen)).where(
                MeterCommandRow.kind == book.CREDIT_KIND,
                MeterCommandRow.state.in_(("pending", "sending", "failed", "conflict")))
            .group_by(MeterCommandRow.meter_id, MeterCommandRow.state)):
        undelivered[meter_id][state] = int(total or 0)
    states = book.credit_states(s)
    for meter_id, model, retired in s.execute(select(MeterRow.id, MeterRow.model, MeterRow.retired)):
        if retired or not meter_side(model):
            continue
        state = states.get(meter_id)
        if state is None or state.known_remaining_fen is None:
            continue
        ledger_credit = posting.prepaid_balance(int(sums.get(meter_id) or 0))
        pending = undelivered[meter_id]
        expected_on_meter = ledger_credit - sum(pending.values())
        diff = expected_on_meter - state.known_remaining_fen  # consumption not yet booked
        if diff + pending.get("sending", 0) < 0:
            out.append(Violation("meter_above_ledger",
                                 f"meter {meter_id} shows {state.known_remaining_fen} fen, the ledger gives "
                                 f"{expected_on_meter} fen delivered", str(meter_id)))
        if allowance is not None:
            allowed = allowance(s, meter_id)
            if allowed is not None and diff > allowed + pending.get("conflict", 0):
                out.append(Violation("meter_below_ledger",
                                     f"meter {meter_id} shows {state.known_remaining_fen} fen, {diff} fen less than "
                                     f"the ledger; consumption since the last reading allows {allowed}", str(meter_id)))
    return out


def check(session: Session, *, meter_side: Callable[[str], bool] = lambda _model: True,
          allowance: Callable[[Session, int], int | None] | None = None,
          chain_check: Callable[[Session], Any] | None = None) -> list[Violation]:
    """Every violation found (empty list = the ledger is sound). `chain_check(session)` returns an object
    with .ok/.first_broken_id/.problem (services.audit.verify_chain)."""
    out = _unbalanced(session) + _commands(session) + _deliveries(session, meter_side)
    out += _balances(session, meter_side, allowance)
    if chain_check is not None:
        report = chain_check(session)
        if not report.ok:
            out.append(Violation("audit_chain", f"operation log broken at row {report.first_broken_id}: "
                                 f"{report.problem}", str(report.first_broken_id)))
    return out

"""The ledger's invariants (design §7): a check that returns violations instead of raising.

Checked: every operation balances and has entries; every credit operation on a meter-side meter has
its delivery command (or a reversal that cancelled it); no command delivered twice; no delivery
without an operation; commands that failed or conflict (a refused return that was released is
settled, not failed); per meter, the credit the ledger gives the tenant against the meter's last
known remaining amount (never less than the meter shows; not more than the consumption since, when
an allowance is given); money put on a tenant's balance without cash carries a meter reading or a
supervisor-approved claim (design §8.6); a reversal belongs to its sale's account; and, when given,
the operation-log chain.

Built to check a million entries in seconds: set queries over covering indexes, and one pass each
over the credit operations and the credit commands.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, exists, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from acrel_console.ledger import book, posting
from acrel_console.ledger.queries import open_meter_ids
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import EntryRow, LedgerAccountRow, OperationRow
from acrel_console.storage.tables.meter_state import MeterStateRow
from acrel_console.storage.tables.site import MeterRow

CREDIT_KINDS = ("sale", "refund", "reversal", "transfer", "opening", "tier_adjustment", "return_hold",
                "return_release", "debt_cleared")
NOT_DELIVERED = ("pending", "sending", "failed", "conflict")
CREDIT_IN = ("sale", "opening", "debt_cleared", "return_release")  # kinds that add credit to their meter
NO_COMMAND = ("return_release",)  # the part of a hold the meter did not give back: nothing to send
EQUITY_KINDS = ("opening", "equity", "adjustment")  # accounts money can come from without cash


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken invariant: a stable code, an English message and what it is about."""

    code: str
    message: str
    ref: str = ""


def meter_impact(kind: str, amount_fen: int) -> int:
    """How an operation of this kind changes the credit delivered to its (source) meter."""
    return amount_fen if kind in CREDIT_IN else -amount_fen


def _unbalanced(s: Session) -> list[Violation]:
    q = (select(EntryRow.operation_id, func.sum(EntryRow.amount_fen)).group_by(EntryRow.operation_id)
         .having(func.sum(EntryRow.amount_fen) != 0))
    out = [Violation("unbalanced", f"operation {op} entries sum to {total} fen", op) for op, total in s.execute(q)]
    empty = select(OperationRow.id).where(~exists().where(EntryRow.operation_id == OperationRow.id))
    out += [Violation("no_entries", f"operation {op} has no entries", op) for op in s.execute(empty).scalars()]
    return out


@dataclass
class _Scan:
    """What one pass over the credit commands found, per meter and per operation."""

    sent: dict[int, int]  # meter -> amounts of live (not cancelled) commands with an operation
    undelivered: dict[int, dict[str, int]]  # meter -> state -> amount
    latest: dict[int, tuple[Any, str]]  # meter -> (completed_at as stored, command id) of the newest delivered
    op_ids: set[str]  # operations that have at least one command


def _released_holds(s: Session) -> set[str]:
    """Holds whose command the meter refused (or that were withdrawn): settled by a release, not outstanding."""
    return {str(r) for r in s.execute(select(OperationRow.ref_operation_id).where(
        OperationRow.kind == "return_release", OperationRow.detail_json.like('%"command_state":"failed"%')))
        .scalars() if r is not None}


def _scan_commands(s: Session, credit_ops: set[str]) -> tuple[list[Violation], _Scan]:
    out: list[Violation] = []
    delivered: Counter[tuple[str, int]] = Counter()
    sent: dict[int, int] = defaultdict(int)
    undelivered: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    latest: dict[int, tuple[Any, str]] = {}
    op_ids: set[str] = set()
    # Core rows, and completed_at compared as stored (no per-row type processing): a million rows stay cheap.
    rows = s.connection().execute(select(
        MeterCommandRow.id, MeterCommandRow.operation_id, MeterCommandRow.meter_id, MeterCommandRow.state,
        MeterCommandRow.amount_fen, type_coerce(MeterCommandRow.completed_at, String))
        .where(MeterCommandRow.kind == book.CREDIT_KIND))
    bad: list[str] = []
    released = _released_holds(s)
    for cid, op, meter, state, amount, done_at in rows:
        if state == "failed" and op in released:
            state = "cancelled"  # refused and released: it changed nothing and nothing is owed
        if op is None or op not in credit_ops:
            out.append(Violation("delivery_without_operation", f"credit command {cid} has no ledger operation", cid))
        else:
            op_ids.add(op)
            if state != "cancelled":
                sent[meter] += amount or 0
        if state == "delivered":
            if op is not None:
                delivered[(op, meter)] += 1
            if done_at is not None and (meter not in latest or done_at >= latest[meter][0]):
                latest[meter] = (done_at, cid)
        elif state in NOT_DELIVERED:
            undelivered[meter][state] += amount or 0
            if state in ("failed", "conflict"):
                bad.append(cid)
    for i in range(0, len(bad), 500):
        for cid, state, error in s.execute(select(MeterCommandRow.id, MeterCommandRow.state, MeterCommandRow.error)
                                           .where(MeterCommandRow.id.in_(bad[i:i + 500]))):
            out.append(Violation(f"delivery_{state}", f"credit command {cid} is {state}: {error}", cid))
    out += [Violation("delivered_twice", f"operation {op} delivered {n} times to meter {m}", op)
            for (op, m), n in delivered.items() if n > 1]
    return out, _Scan(sent, undelivered, latest, op_ids)


def _credit_ops(s: Session) -> list[tuple[str, str, int | None, int | None, int, bool, bool, bool]]:
    """(id, kind, meter, to_meter, amount, no_delivery, cancelled_a_delivery, from_hold) of every credit
    operation; the flags are read in SQL from the canonical detail JSON. A payout or transfer `from_hold`
    moves credit a meter already gave back (its hold and release carry the meter's side)."""
    no_delivery = OperationRow.detail_json.like('%"no_delivery":true%')
    cancelled = OperationRow.detail_json.like('%"cancelled_command":"%')
    from_hold = OperationRow.detail_json.like('%"from_hold":"%')
    rows = s.connection().execute(
        select(OperationRow.id, OperationRow.kind, OperationRow.meter_id, OperationRow.to_meter_id,
               OperationRow.amount_fen, no_delivery, cancelled, from_hold).where(OperationRow.kind.in_(CREDIT_KINDS)))
    return [(oid, kind, meter, to_meter, amount, nd, c, fh) for oid, kind, meter, to_meter, amount, nd, c, fh in rows]


def _deliveries(ops: list[Any], scan: _Scan, side: dict[int, bool]) -> list[Violation]:
    out: list[Violation] = []
    impact: dict[int, int] = defaultdict(int)
    for op, kind, meter, to_meter, amount, no_delivery, cancelled, from_hold in ops:
        if meter is not None and not no_delivery and not from_hold:
            impact[meter] += meter_impact(kind, amount)
        if kind == "transfer" and to_meter is not None:
            impact[to_meter] += amount
        if (op in scan.op_ids or meter is None or not side.get(meter, True) or no_delivery or kind in NO_COMMAND
                or (from_hold and kind != "transfer")):
            continue
        if kind == "reversal" and cancelled:
            continue
        out.append(Violation("operation_without_delivery", f"{kind} {op} on meter {meter} has no delivery", op))
    # Per meter: credit the ledger sent to the meter == the amounts of its live (not cancelled) commands.
    for meter in sorted(set(impact) | set(scan.sent)):
        if not side.get(meter, True):
            continue
        if impact.get(meter, 0) != scan.sent.get(meter, 0):
            out.append(Violation("delivery_mismatch",
                                 f"meter {meter}: ledger credit operations {impact.get(meter, 0)} fen, "
                                 f"delivery commands {scan.sent.get(meter, 0)} fen", str(meter)))
    return out


def _known(s: Session, scan: _Scan) -> dict[int, tuple[int | None, datetime | None]]:
    """meter -> (last known remaining, when): the newer of the poll and the newest delivery read-back."""
    known: dict[int, tuple[int | None, datetime | None, int | None]] = {
        m: (rem, at, cnt) for m, cnt, rem, at in s.execute(select(
            MeterStateRow.meter_id, MeterStateRow.purchase_count, MeterStateRow.remaining_fen,
            MeterStateRow.last_success_at).where(MeterStateRow.purchase_count.is_not(None)))}
    ids = [cid for _at, cid in scan.latest.values()]
    for i in range(0, len(ids), 500):
        for meter, result_json, done_at in s.execute(select(
                MeterCommandRow.meter_id, MeterCommandRow.result_json, MeterCommandRow.completed_at)
                .where(MeterCommandRow.id.in_(ids[i:i + 500]))):
            data = json.loads(result_json) if result_json else {}
            if data.get("purchase_count") is None:
                continue
            cur = known.get(meter)
            count = int(data["purchase_count"])
            if (cur is None or cur[1] is None or (done_at is not None and done_at >= cur[1])
                    or cur[2] is None or count > cur[2]):
                known[meter] = (int(data.get("remaining_fen") or 0), done_at, count)
    return {m: (v[0], v[1]) for m, v in known.items()}


def _balances(s: Session, scan: _Scan, side: dict[int, bool], retired: set[int],
              allowance: Callable[[Session, int], int | None] | None) -> list[Violation]:
    out: list[Violation] = []
    prepaid = aliased(LedgerAccountRow)
    sums = dict(s.execute(select(prepaid.meter_id, func.sum(EntryRow.amount_fen))
                          .join(prepaid, EntryRow.account_id == prepaid.id)
                          .where(prepaid.kind == "prepaid").group_by(prepaid.meter_id)).all())
    opened = open_meter_ids(s)
    for meter, (remaining, _at) in sorted(_known(s, scan).items()):
        if remaining is None or meter in retired or not side.get(meter, True):
            continue
        ledger_credit = posting.prepaid_balance(int(sums.get(meter) or 0))
        pending = scan.undelivered.get(meter, {})
        if meter not in opened and ledger_credit == 0 and not pending:
            continue  # nobody's in this ledger yet: credit on it is taken over or cleared when it is opened
        expected_on_meter = ledger_credit - sum(pending.values())
        diff = expected_on_meter - remaining  # consumption not yet booked
        if diff + pending.get("sending", 0) < 0:
            out.append(Violation("meter_above_ledger", f"meter {meter} shows {remaining} fen, the ledger gives "
                                 f"{expected_on_meter} fen delivered", str(meter)))
        if allowance is not None:
            allowed = allowance(s, meter)
            if allowed is not None and diff > allowed + pending.get("conflict", 0):
                out.append(Violation("meter_below_ledger",
                                     f"meter {meter} shows {remaining} fen, {diff} fen less than the ledger; "
                                     f"consumption since the last reading allows {allowed}", str(meter)))
    return out


def _evidence_problem(kind: str, amount: int, operator: str, approver: str | None, detail: dict[str, Any]) -> str:
    """Why an operation that put credit on a meter without cash lacks evidence ('' when it has it)."""
    ev = detail.get("evidence")
    if not isinstance(ev, dict):
        return "no meter reading or approved claim"
    if ev.get("kind") == "reading":
        if ev.get("purchase_count") is None or not ev.get("read_at") or ev.get("remaining_fen") is None:
            return "the reading lacks its time, purchase count or amount"
        if amount > abs(int(ev["remaining_fen"])):
            return f"{amount} fen is more than the reading's {ev['remaining_fen']} fen"
        return ""
    if ev.get("kind") == "claim":
        who = ev.get("approver") or approver
        if not who or who == operator or not str(ev.get("reason") or "").strip():
            return "the claim has no approver other than the operator, or no reason"
        cap = ev.get("ledger_fen")
        if cap is not None and amount > int(cap):
            return f"the claim of {amount} fen is more than the {cap} fen the ledger held"
        return ""
    return "its evidence is neither a meter reading nor an approved claim"


def _unevidenced(s: Session) -> list[Violation]:
    """Money that entered a tenant's balance without cash (or a provider payment): from an equity or
    adjustment account. Each such operation must carry a meter reading or a supervisor-approved claim."""
    to_acc, from_acc = aliased(LedgerAccountRow), aliased(LedgerAccountRow)
    into, out_of = aliased(EntryRow), aliased(EntryRow)
    q = (select(OperationRow.id, OperationRow.kind, OperationRow.meter_id, OperationRow.operator_name,
                OperationRow.approver_name, OperationRow.detail_json, into.amount_fen)
         .join(into, into.operation_id == OperationRow.id).join(to_acc, into.account_id == to_acc.id)
         .join(out_of, out_of.operation_id == OperationRow.id).join(from_acc, out_of.account_id == from_acc.id)
         .where(to_acc.kind == "prepaid", into.amount_fen < 0, from_acc.kind.in_(EQUITY_KINDS),
                out_of.amount_fen > 0))
    out: list[Violation] = []
    seen: set[str] = set()
    for oid, kind, meter, operator, approver, detail_json, amount in s.execute(q):
        if oid in seen:
            continue
        seen.add(oid)
        try:
            detail = json.loads(detail_json) if detail_json else {}
        except ValueError:
            detail = {}
        problem = _evidence_problem(kind, -int(amount), operator, approver, detail if isinstance(detail, dict) else {})
        if problem:
            out.append(Violation("credit_without_evidence", f"{kind} {oid} put {-int(amount)} fen on meter {meter} "
                                 f"without cash: {problem}", oid))
    return out


def _foreign_reversals(s: Session) -> list[Violation]:
    """A reversal (or its hold) must belong to the account of the sale it undoes."""
    sale = aliased(OperationRow)
    q = (select(OperationRow.id, OperationRow.account_id, sale.id, sale.account_id)
         .join(sale, OperationRow.ref_operation_id == sale.id)
         .where(sale.kind == "sale", OperationRow.kind.in_(("reversal", "return_hold")),
                OperationRow.account_id.is_not(None), OperationRow.account_id != sale.account_id))
    return [Violation("reversal_other_account", f"operation {oid} (account {acc}) reverses sale {sid} of "
                      f"account {sale_acc}", oid) for oid, acc, sid, sale_acc in s.execute(q)]


def check(session: Session, *, meter_side: Callable[[str], bool] = lambda _model: True,
          allowance: Callable[[Session, int], int | None] | None = None,
          chain_check: Callable[[Session], Any] | None = None) -> list[Violation]:
    """Every violation found (empty list = the ledger is sound). `chain_check(session)` returns an object
    with .ok/.first_broken_id/.problem (services.audit.verify_chain)."""
    side: dict[int, bool] = {}
    retired: set[int] = set()
    for mid, model, is_retired in session.execute(select(MeterRow.id, MeterRow.model, MeterRow.retired)):
        side[mid] = meter_side(model)
        if is_retired:
            retired.add(mid)
    out = _unbalanced(session)
    ops = _credit_ops(session)
    found, scan = _scan_commands(session, {op[0] for op in ops})
    out += found + _deliveries(ops, scan, side) + _balances(session, scan, side, retired, allowance)
    out += _unevidenced(session) + _foreign_reversals(session)
    if chain_check is not None:
        report = chain_check(session)
        if not report.ok:
            out.append(Violation("audit_chain", f"operation log broken at row {report.first_broken_id}: "
                                 f"{report.problem}", str(report.first_broken_id)))
    return out

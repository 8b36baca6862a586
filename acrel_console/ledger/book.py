"""Writing to the ledger inside a caller's transaction: accounts, operations with their entries,
numbers, meter locks, the meter's credit state and MAC-signed meter commands (design §7, §8)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError
from acrel_console.ledger import mac, posting
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import EntryRow, LedgerAccountRow, LedgerCounterRow, OperationRow
from acrel_console.storage.tables.meter_state import MeterStateRow
from acrel_console.storage.tables.site import MeterRow

CREDIT_KIND = "recharge"
OUTSTANDING = ("pending", "sending")  # a credit command that may still change the meter's count
PRIORITY_CREDIT = 10


def new_id() -> str:
    """A fresh operation/command id (UUID4 text)."""
    return str(uuid.uuid4())


def check_uuid(value: str) -> str:
    """Normalise a caller-made UUID; ValueError when it is not one."""
    return str(uuid.UUID(str(value)))


def _insert(session: Session, table: Any) -> Any:
    """INSERT with ON CONFLICT for the session's dialect (imported here: a read-only command never loads the
    PostgreSQL dialect, issue 15)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(table)


def lock_meter(session: Session, meter_id: int) -> MeterRow | None:
    """Serialise money work on one meter: SELECT ... FOR UPDATE on PostgreSQL; SQLite's BEGIN
    IMMEDIATE already holds the database write lock for the whole transaction."""
    q = select(MeterRow).where(MeterRow.id == meter_id)
    if session.get_bind().dialect.name == "postgresql":
        q = q.with_for_update()
    return session.execute(q).scalar_one_or_none()


def next_number(session: Session, counter: str) -> int:
    """Take the next value of a named counter (row-locked by the UPDATE until commit)."""
    bump = text("UPDATE ledger_counters SET value = value + 1 WHERE name = :n RETURNING value")
    value = session.execute(bump, {"n": counter}).scalar()
    if value is None:  # first use of this counter (safe when two transactions race to create it)
        session.execute(_insert(session, LedgerCounterRow.__table__).values(name=counter, value=0)
                        .on_conflict_do_nothing(index_elements=["name"]))
        value = session.execute(bump, {"n": counter}).scalar_one()
    return int(value)


def account_id(session: Session, code: str) -> int:
    """The id of a ledger account, created on first use (safe under concurrent first use)."""
    found = session.execute(select(LedgerAccountRow.id).where(LedgerAccountRow.code == code)).scalar()
    if found is not None:
        return int(found)
    kind = posting.account_kind(code)
    parts = code.split(":")
    values: dict[str, Any] = {"code": code, "kind": kind}
    if kind == "prepaid":
        values["meter_id"] = int(parts[1])
    elif kind == "drawer":
        values["shift_id"], values["method"] = int(parts[1]), parts[2]
    session.execute(_insert(session, LedgerAccountRow.__table__).values(**values)
                    .on_conflict_do_nothing(index_elements=["code"]))
    return int(session.execute(select(LedgerAccountRow.id).where(LedgerAccountRow.code == code)).scalar_one())


def post(session: Session, postings: Sequence[posting.Posting], **fields: Any) -> OperationRow:
    """Insert one operation and its balanced entries. `fields` are OperationRow columns (id, kind, at, ...)."""
    lines = posting.check_balanced(postings)
    op = OperationRow(**fields)
    session.add(op)
    session.flush()
    session.execute(cast(Table, EntryRow.__table__).insert(), [  # __table__ is typed FromClause; it is a Table
        {"operation_id": op.id, "account_id": account_id(session, p.account), "amount_fen": p.amount_fen}
        for p in lines])
    return op


def prepaid_sum(session: Session, meter_id: int) -> int:
    """The entry sum of a meter's prepaid account (tenant credit is minus this)."""
    code = posting.prepaid(meter_id)
    total = session.execute(select(func.coalesce(func.sum(EntryRow.amount_fen), 0))
                            .join(LedgerAccountRow, EntryRow.account_id == LedgerAccountRow.id)
                            .where(LedgerAccountRow.code == code)).scalar()
    return int(total or 0)


def ledger_credit_fen(session: Session, meter_id: int) -> int:
    """The tenant's credit on a meter according to the ledger."""
    return posting.prepaid_balance(prepaid_sum(session, meter_id))


@dataclass(frozen=True, slots=True)
class CreditState:
    """What the console knows about a meter's money: the last reading of count and remaining amount,
    and the credit commands still outstanding."""

    known_count: int | None
    known_remaining_fen: int | None
    known_at: datetime | None
    outstanding_count: int
    outstanding_fen: int

    @property
    def next_purchase_count(self) -> int:
        """The purchase count a new credit command expects (last known + outstanding + 1)."""
        return (self.known_count or 0) + self.outstanding_count + 1

    @property
    def expected_remaining_fen(self) -> int | None:
        """Remaining amount once every outstanding command is delivered (None when never read)."""
        if self.known_remaining_fen is None:
            return None
        return self.known_remaining_fen + self.outstanding_fen


def last_delivered_readback(session: Session, meter_id: int) -> tuple[int, int, datetime | None] | None:
    """(count, remaining, at) read back by the newest finished credit command of a meter (delivered, or refused
    and cancelled ones that read the meter: every read-back is a reading)."""
    row = session.execute(select(MeterCommandRow.result_json, MeterCommandRow.completed_at)
                          .where(MeterCommandRow.meter_id == meter_id, MeterCommandRow.kind == CREDIT_KIND,
                                 MeterCommandRow.state.in_(("delivered", "failed", "cancelled")),
                                 MeterCommandRow.result_json.like('%"purchase_count": %'),
                                 ~MeterCommandRow.result_json.like('%"purchase_count": null%'))
                          .order_by(MeterCommandRow.completed_at.desc()).limit(1)).first()
    if row is None or not row[0]:
        return None
    data = json.loads(row[0])
    if data.get("purchase_count") is None:
        return None
    return int(data["purchase_count"]), int(data.get("remaining_fen") or 0), row[1]


def credit_state(session: Session, meter_id: int) -> CreditState:
    """The meter's last known count/remaining (poll or delivery read-back, whichever is newer) and
    the outstanding credit commands."""
    count: int | None = None
    remaining: int | None = None
    at: datetime | None = None
    st = session.get(MeterStateRow, meter_id)
    if st is not None and st.purchase_count is not None:
        count, remaining, at = st.purchase_count, st.remaining_fen, st.last_success_at
    rb = last_delivered_readback(session, meter_id)
    if rb is not None and (at is None or rb[2] is None or rb[2] >= at or count is None or rb[0] > count):
        count, remaining, at = rb
    n, total = session.execute(
        select(func.count(MeterCommandRow.id), func.coalesce(func.sum(MeterCommandRow.amount_fen), 0))
        .where(MeterCommandRow.meter_id == meter_id, MeterCommandRow.kind == CREDIT_KIND,
               MeterCommandRow.state.in_(OUTSTANDING))).one()
    return CreditState(count, remaining, at, int(n or 0), int(total or 0))


def add_command(session: Session, site_key: bytes | None, *, meter_id: int, kind: str, created_by: str,
                at: datetime, amount_fen: int | None = None, expected_purchase_count: int | None = None,
                operation_id: str | None = None, payload: dict[str, Any] | None = None, reason: str = "",
                command_id: str | None = None, priority: int = PRIORITY_CREDIT,
                batch_id: str | None = None) -> MeterCommandRow:
    """Insert a PENDING meter command signed with the site key's MAC (in the caller's transaction)."""
    cid = command_id or new_id()
    payload_json = mac.canonical_payload(payload or {})
    row = MeterCommandRow(
        id=cid, meter_id=meter_id, kind=kind, state="pending", priority=priority, amount_fen=amount_fen,
        expected_purchase_count=expected_purchase_count, operation_id=operation_id, payload_json=payload_json,
        batch_id=batch_id, reason=reason, created_by=created_by, created_at=at, attempts=0)
    try:
        problem = key_problem(session, site_key)
        if problem:
            raise mac.SiteKeyError(problem)
        mac.sign_row(site_key, row)
    except mac.SiteKeyError as err:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "errors", "Meter commands cannot be signed: {problem}. Install the site key (ACREL_SITE_KEY or the "
                      "site.key file) first."), problem=str(err)) from None
    session.add(row)
    session.flush()
    return row


def add_credit_command(session: Session, site_key: bytes | None, *, meter_id: int, amount_fen: int,
                       operation_id: str, created_by: str, at: datetime, reason: str = "",
                       state: CreditState | None = None, sweep_fen: int | None = None) -> MeterCommandRow:
    """A credit delivery for an operation: expected purchase count = last known + outstanding + 1, and a
    per-meter sequence number. The caller holds the meter lock (lock_meter) so concurrent sales get
    consecutive counts.

    `sweep_fen` makes it a sweep: take back what the meter holds at the moment of sending, at most
    sweep_fen (the executor fixes the amount from the reading it takes just before sending; signed)."""
    state = state or credit_state(session, meter_id)  # the caller may pass the one it read under the lock
    seq = next_number(session, f"credit_seq:{meter_id}")
    payload: dict[str, Any] = {"seq": seq}
    if sweep_fen is not None:
        payload["sweep"] = sweep_fen
    return add_command(session, site_key, meter_id=meter_id, kind=CREDIT_KIND, amount_fen=amount_fen,
                       expected_purchase_count=state.next_purchase_count, operation_id=operation_id,
                       created_by=created_by, at=at, reason=reason, payload=payload)


def sweep_cap(row: MeterCommandRow) -> int | None:
    """The most a sweep command may take back (fen), or None when it is an ordinary credit command."""
    try:
        value = json.loads(row.payload_json or "{}").get("sweep")
    except ValueError:
        return None
    return None if value is None else int(value)


def credit_seq(row: MeterCommandRow) -> int:
    """The creation order of a credit command among its meter's (signed, in the payload). Delivery order
    follows it, never the clock or the (renumberable) purchase count."""
    try:
        return int(json.loads(row.payload_json or "{}").get("seq", 0))
    except ValueError:
        return 0


def resequence_after_cancel(session: Session, site_key: bytes | None, cancelled: MeterCommandRow) -> int:
    """After a never-sent credit command is cancelled, later never-sent commands of the same meter
    expect one count less; re-sign them. Returns how many were renumbered."""
    later = session.execute(select(MeterCommandRow).where(
        MeterCommandRow.meter_id == cancelled.meter_id, MeterCommandRow.kind == CREDIT_KIND,
        MeterCommandRow.state == "pending", MeterCommandRow.attempts == 0,
        MeterCommandRow.expected_purchase_count > (cancelled.expected_purchase_count or 0))).scalars().all()
    for row in later:
        row.expected_purchase_count = (row.expected_purchase_count or 1) - 1
        mac.sign_row(site_key, row)
    return len(later)


KEY_CHECK = "site_key_check"  # site_settings row: the site key's public fingerprint (mac.key_check_value)


def key_problem(session: Session, site_key: bytes | None) -> str:
    """'' when `site_key` is the site's (the first keyed process records its fingerprint), else why not.
    A workstation with another key may neither sign nor send (design §8, issue 11)."""
    from acrel_console.storage.tables.site import SiteSettingRow

    if site_key is None:
        return "no site key configured (ACREL_SITE_KEY or site.key)"
    mac.split_key(site_key)  # SiteKeyError for a malformed key
    mine = mac.key_check_value(site_key)
    row = session.get(SiteSettingRow, KEY_CHECK)
    if row is None:
        session.execute(_insert(session, SiteSettingRow.__table__).values(key=KEY_CHECK, value=mine)
                        .on_conflict_do_nothing(index_elements=["key"]))
        row = session.get(SiteSettingRow, KEY_CHECK)
    if row is not None and row.value != mine:
        return "this workstation's site key is not the site's (copy site.key from the service machine)"
    return ""

"""The hash-chained operation log (操作日志): append inside the change's transaction, verify, list."""

from __future__ import annotations

import builtins
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from acrel_console.domain.roles import Permission
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.storage.tables.operators import AuditRow

GENESIS = "0" * 64
_PG_AUDIT_LOCK = 0x41435245  # advisory lock id: one appender at a time keeps the chain linear


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    operator: str
    kind: str
    target: str
    before: str
    after: str
    reason: str


def _canonical(value: Any) -> str:
    if value is None or value == "":
        return ""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))


def row_hash(prev_hash: str, at: datetime, operator: str, kind: str, target: str,
             before_json: str, after_json: str, reason: str) -> str:
    """The chained hash of one row: covers its fields and the previous row's hash."""
    material = "\x1f".join(
        [prev_hash, at.isoformat(timespec="microseconds"), operator, kind, target, before_json, after_json, reason]
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def append(session: Session, actor: Actor, kind: str, target: str = "", *, before: Any = None,
           after: Any = None, reason: str = "", at: datetime) -> AuditRow:
    """Append one operation-log row in the caller's transaction (so change and log commit together)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_AUDIT_LOCK})
    last = session.execute(select(AuditRow.hash).order_by(AuditRow.id.desc()).limit(1)).scalar()
    prev = last or GENESIS
    before_json, after_json = _canonical(before), _canonical(after)
    row = AuditRow(
        at=at, operator_id=actor.id, operator_name=actor.name, kind=kind, target=target,
        before_json=before_json, after_json=after_json, reason=reason, prev_hash=prev,
        hash=row_hash(prev, at, actor.name, kind, target, before_json, after_json, reason),
    )
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True, slots=True)
class ChainReport:
    ok: bool
    rows_checked: int
    first_broken_id: int | None
    problem: str


def verify_chain(session: Session) -> ChainReport:
    """Walk the log in id order; name the first row whose link or hash does not match."""
    prev = GENESIS
    count = 0
    last_id = 0
    for row in session.execute(select(AuditRow).order_by(AuditRow.id)).scalars():
        count += 1
        if row.prev_hash != prev:
            return ChainReport(False, count, row.id, "link: previous hash does not match (a row was deleted or reordered)")
        expected = row_hash(prev, row.at, row.operator_name, row.kind, row.target, row.before_json,
                            row.after_json, row.reason)
        if expected != row.hash:
            return ChainReport(False, count, row.id, "hash: the row's content was changed")
        prev = row.hash
        last_id = row.id
    del last_id
    return ChainReport(True, count, None, "")


class AuditService:
    """Reading and verifying the operation log."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.VIEW)
    def verify(self, actor: Actor) -> ChainReport:
        with self.ctx.read() as s:
            return verify_chain(s)

    @requires(Permission.VIEW)
    def list(self, actor: Actor, *, operator: str | None = None, kind: str | None = None,
             since: datetime | None = None, until: datetime | None = None, limit: int = 1000) -> list[AuditEntry]:
        q = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
        if operator:
            q = q.where(AuditRow.operator_name == operator)
        if kind:
            q = q.where(AuditRow.kind.startswith(kind))
        if since:
            q = q.where(AuditRow.at >= since)
        if until:
            q = q.where(AuditRow.at < until)
        with self.ctx.read() as s:
            return [
                AuditEntry(r.id, r.at, r.operator_name, r.kind, r.target, r.before_json, r.after_json, r.reason)
                for r in s.execute(q).scalars()
            ]

    @requires(Permission.VIEW)
    def kinds(self, actor: Actor) -> builtins.list[str]:  # `list` here is the method above
        with self.ctx.read() as s:
            return sorted(k for (k,) in s.execute(select(AuditRow.kind).distinct()))

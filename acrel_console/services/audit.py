"""The hash-chained operation log (操作日志): append inside the change's transaction, verify, list.

Rows are chained with HMAC-SHA256 under a key derived from the site key (ledger.mac.derive_key), so a
row cannot be edited and the later hashes recomputed without the key. Rows written before the site had
a key (or by a process without one) carry the plain SHA-256 chain; once a keyed row appears, every later
row must be keyed. The head (row count and last hash) is anchored outside the database by
services.site_anchor (beside the site key and in every backup manifest), so deleting the newest rows, or
rewriting the chain with the key, is detected too.
"""

from __future__ import annotations

import builtins
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError
from acrel_console.domain.roles import Permission
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.storage.tables.operators import AuditRow

GENESIS = "0" * 64
KEYED = "k:"  # keyed rows' hashes start so (HMAC-SHA256, 248 bits kept); plain SHA-256 rows are bare hex
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
             before_json: str, after_json: str, reason: str, key: bytes | None = None) -> str:
    """The chained hash of one row: covers its fields and the previous row's hash; HMAC with `key`."""
    material = "\x1f".join(
        [prev_hash, at.isoformat(timespec="microseconds"), operator, kind, target, before_json, after_json, reason]
    ).encode("utf-8")
    if key is None:
        return hashlib.sha256(material).hexdigest()
    return KEYED + hmac.new(key, material, "sha256").hexdigest()[: 64 - len(KEYED)]


def log_key(session: Session) -> bytes | None:
    """The operation log's key for this session (from the ServiceContext that opened it), or None."""
    from acrel_console.ledger.mac import derive_key

    ctx = session.info.get("ctx")
    return derive_key(getattr(ctx, "site_key", None), "operation-log")


class LogKeyRefused(UserError):
    """This process may not write the operation log: the log is keyed and this process has no site key, or
    its key is not the site's. Its rows would break `audit verify` for everyone, so nothing is changed."""


def _check_writer(session: Session, key: bytes | None, prev: str) -> None:
    """Refuse to append an unkeyed row after keyed ones, or a row keyed with another site's key."""
    from acrel_console.ledger import book, mac
    from acrel_console.services.site_secrets import site_key_path
    from acrel_console.storage.tables.site import SiteSettingRow

    ctx = session.info.get("ctx")
    if key is None:
        if prev.startswith(KEYED):
            raise LogKeyRefused(QT_TRANSLATE_NOOP(
                "errors", "This computer has no site key, and the site's operation log is keyed: nothing was "
                          "changed. Copy site.key from the service machine to {path} (or set ACREL_SITE_KEY)."),
                path=str(site_key_path()))
        return
    extras = getattr(ctx, "extras", None)
    if extras is not None and extras.get("log_key_checked"):
        return
    recorded = session.get(SiteSettingRow, book.KEY_CHECK) is not None
    try:
        problem = book.key_problem(session, getattr(ctx, "site_key", None))
    except mac.SiteKeyError as err:
        problem = str(err)
    if problem:
        raise LogKeyRefused(QT_TRANSLATE_NOOP(
            "errors", "This computer's site key is not the site's, so it may not write the operation log: "
                      "nothing was changed. Copy site.key from the service machine to {path}."),
            path=str(site_key_path()))
    if extras is not None and recorded:
        extras["log_key_checked"] = True  # the fingerprint was already the site's: no need to ask again


def append(session: Session, actor: Actor, kind: str, target: str = "", *, before: Any = None,
           after: Any = None, reason: str = "", at: datetime) -> AuditRow:
    """Append one operation-log row in the caller's transaction (so change and log commit together)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_AUDIT_LOCK})
    last = session.execute(select(AuditRow.hash).order_by(AuditRow.id.desc()).limit(1)).scalar()
    prev = last or GENESIS
    key = log_key(session)
    _check_writer(session, key, prev)
    before_json, after_json = _canonical(before), _canonical(after)
    row = AuditRow(
        at=at, operator_id=actor.id, operator_name=actor.name, kind=kind, target=target,
        before_json=before_json, after_json=after_json, reason=reason, prev_hash=prev,
        hash=row_hash(prev, at, actor.name, kind, target, before_json, after_json, reason, key),
    )
    session.add(row)
    session.flush()
    return row


@dataclass(frozen=True, slots=True)
class ChainPoint:
    """Where a verified walk of the log ended: its last row, that row's hash, rows so far, keyed rows seen."""

    row_id: int
    hash: str
    count: int
    keyed_seen: bool


@dataclass(frozen=True, slots=True)
class ChainReport:
    ok: bool
    rows_checked: int
    first_broken_id: int | None
    problem: str
    head: ChainPoint | None = None  # where this walk ended, when sound (the next one may start there)


def verify_chain(session: Session, since: ChainPoint | None = None) -> ChainReport:
    """Walk the log in id order (from `since`, a point an earlier walk verified, when given); name the first
    row whose link or hash does not match, then hold the head against its anchor outside the database
    (services.site_anchor)."""
    key = log_key(session)
    prev = since.hash if since is not None else GENESIS
    count = since.count if since is not None else 0
    keyed_seen = since.keyed_seen if since is not None else False
    last_id = since.row_id if since is not None else 0
    unchecked = 0
    rows = select(AuditRow).order_by(AuditRow.id)
    if since is not None:
        rows = rows.where(AuditRow.id > since.row_id)
    for row in session.execute(rows).scalars():
        count += 1
        if row.prev_hash != prev:
            return ChainReport(False, count, row.id, "link: previous hash does not match (a row was deleted or reordered)")
        fields = (prev, row.at, row.operator_name, row.kind, row.target, row.before_json, row.after_json, row.reason)
        if row.hash.startswith(KEYED):
            keyed_seen = True
            if key is None:
                unchecked += 1  # only a process holding the site key can check a keyed row
            elif not hmac.compare_digest(row_hash(*fields, key=key), row.hash):
                return ChainReport(False, count, row.id, "hash: the row's content was changed")
        elif keyed_seen:
            return ChainReport(False, count, row.id, "hash: an unkeyed row after keyed ones (the chain was "
                                                     "recomputed without the site key)")
        elif row_hash(*fields) != row.hash:
            return ChainReport(False, count, row.id, "hash: the row's content was changed")
        prev, last_id = row.hash, row.id
    from acrel_console.services import site_anchor

    problem = site_anchor.head_problem(session, count, prev)
    if problem:
        return ChainReport(False, count, None, problem)
    if unchecked:
        return ChainReport(True, count, None, f"links only: {unchecked} keyed rows need the site key to be checked")
    return ChainReport(True, count, None, "", ChainPoint(last_id, prev, count, keyed_seen))


def _shown(kind: str, text: str) -> str:
    """A row's before/after as anyone may read it: an SMS gateway credential an older version logged with
    its URL is masked (the row itself stays as chained)."""
    if kind != "settings.update":
        return text
    from acrel_console.services.sms_secrets import mask_credentials

    return mask_credentials(text)


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
                AuditEntry(r.id, r.at, r.operator_name, r.kind, r.target, _shown(r.kind, r.before_json),
                           _shown(r.kind, r.after_json), r.reason)
                for r in s.execute(q).scalars()
            ]

    @requires(Permission.VIEW)
    def kinds(self, actor: Actor) -> builtins.list[str]:  # `list` here is the method above
        with self.ctx.read() as s:
            return sorted(k for (k,) in s.execute(select(AuditRow.kind).distinct()))

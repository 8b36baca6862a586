"""The operation log's head (row count and last hash) anchored outside the database, beside the site key.

A database restored from an older backup, or one whose newest log rows were deleted, has fewer rows than
its anchor; one whose chain was rewritten (even with the key) shows another hash at the anchored row.
Either way `head_problem` says so, `verify_chain` fails, and deliveries treat the database as restored
(services.deliveries: nothing is renumbered, every open delivery is reconciled against its meter first).

The anchor file is per database (the site_uid setting names it), HMAC-signed with a key derived from the
site key, and written only forward: `advance` never moves it back; `rebase` does, and is logged (after a
restore has been reconciled). Backups carry the head in their manifest (services.backup).
"""

from __future__ import annotations

import hmac
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from acrel_console.ledger.mac import derive_key
from acrel_console.services.site_secrets import ANCHOR_DIR, secrets_dir, write_private
from acrel_console.storage.tables.operators import AuditRow
from acrel_console.storage.tables.site import SiteSettingRow

UID_KEY = "site_uid"  # a site_settings row no SettingSpec declares: the database's identity


@dataclass(frozen=True, slots=True)
class Head:
    """How many rows the operation log has and the hash of its last row."""

    count: int
    last_hash: str


class AnchorForged(Exception):
    """The anchor file's signature does not match: it was edited outside this program."""


def _key(session: Session) -> bytes | None:
    ctx = session.info.get("ctx")
    return derive_key(getattr(ctx, "site_key", None), "anchor")


def site_uid(session: Session) -> str | None:
    row = session.get(SiteSettingRow, UID_KEY)
    return row.value if row is not None else None


def anchor_path(uid: str) -> Path:
    return secrets_dir() / ANCHOR_DIR / f"{uid}.json"


def current_head(session: Session) -> Head:
    count = int(session.execute(select(func.count()).select_from(AuditRow)).scalar() or 0)
    last = session.execute(select(AuditRow.hash).order_by(AuditRow.id.desc()).limit(1)).scalar()
    return Head(count, last or "")


def _sign(key: bytes | None, body: dict[str, Any]) -> str:
    if key is None:
        return ""
    text = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hmac.new(key, text, "sha256").hexdigest()


def read_anchor(session: Session) -> Head | None:
    """The anchored head of this database (None when it has none yet); AnchorForged when altered."""
    uid = site_uid(session)
    if uid is None:
        return None
    path = anchor_path(uid)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        body = {"site": data["site"], "count": int(data["count"]), "hash": str(data["hash"])}
    except (ValueError, KeyError, TypeError):
        raise AnchorForged(str(path)) from None
    key = _key(session)
    if body["site"] != uid or (key is not None and not hmac.compare_digest(_sign(key, body), str(data.get("mac")))):
        raise AnchorForged(str(path))
    return Head(body["count"], body["hash"])


def head_problem(session: Session, count: int, last_hash: str) -> str:
    """'' when the log (count rows, last hash) extends its anchor; otherwise what is wrong."""
    try:
        anchor = read_anchor(session)
    except AnchorForged:
        return "anchor: the anchor file beside the site key was altered"
    if anchor is None or anchor.count == 0:
        return ""
    if count < anchor.count:
        return (f"tail: the log has {count} rows but {anchor.count} were anchored (rows deleted at the end, or an "
                f"older backup restored)")
    at = session.execute(select(AuditRow.hash).order_by(AuditRow.id).offset(anchor.count - 1).limit(1)).scalar()
    if not hmac.compare_digest(str(at or ""), anchor.last_hash):
        return (f"anchor: row {anchor.count} is not the anchored one (the chain was rewritten, or an older backup "
                f"was restored)")
    return ""


def database_problem(ctx: Any) -> str:
    """'' when this database extends its anchor, else the problem (restored, truncated or rewritten)."""
    with ctx.read() as s:
        head = current_head(s)
        return head_problem(s, head.count, head.last_hash)


def _write(ctx: Any, uid: str, head: Head) -> None:
    body = {"site": uid, "count": head.count, "hash": head.last_hash}
    key = derive_key(ctx.site_key, "anchor")
    write_private(anchor_path(uid), json.dumps({**body, "mac": _sign(key, body)}, sort_keys=True) + "\n")


def ensure_uid(ctx: Any) -> str:
    """The database's identity, made on first need. Made when the services open a database (app), so that
    every copy of the file, by a backup or by hand, carries the name of its anchor."""
    with ctx.read() as s:
        uid = site_uid(s)
    if uid is not None:
        return uid
    with ctx.transaction() as s:
        uid = site_uid(s)
        if uid is None:
            uid = str(uuid.uuid4())
            s.add(SiteSettingRow(key=UID_KEY, value=uid))
        return uid


def advance(ctx: Any) -> Head | None:
    """Move the anchor forward to the current head; None (nothing written) when the database does not
    extend the anchor (a restore or a truncation waits for `rebase` after reconciliation)."""
    uid = ensure_uid(ctx)
    with ctx.read() as s:
        head = current_head(s)
        if head_problem(s, head.count, head.last_hash):
            return None
        try:
            anchored = read_anchor(s)
        except AnchorForged:
            return None
    if anchored != head:
        _write(ctx, uid, head)
    return head


def rebase(ctx: Any) -> Head:
    """Anchor the current head even if it is behind (after a restore was reconciled; the caller logs it)."""
    uid = ensure_uid(ctx)
    with ctx.read() as s:
        head = current_head(s)
    _write(ctx, uid, head)
    return head

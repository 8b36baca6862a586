"""Which open deliveries a restored (or truncated) database held: they are reconciled against their meters
before anything is sent and are never renumbered (design §8 points 4-5, issue 11).

A restore through BackupService marks them; a database found behind its anchor (a file copied back, rows
deleted at the end of the log) is marked by `check_restore` the first time a sender looks. The mark lives
in site_settings and shrinks as the marked commands reach a final state.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from acrel_console.ledger import book
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.site import SiteSettingRow

RESTORED_KEY = "deliveries_reconcile"


def mark_restored(session: Session, why: str) -> list[str]:
    """Pin every open credit delivery of this database (in the caller's transaction); returns their ids."""
    ids = sorted(str(i) for i in session.execute(select(MeterCommandRow.id).where(
        MeterCommandRow.kind == book.CREDIT_KIND, MeterCommandRow.state.in_(book.OUTSTANDING))).scalars())
    ids = sorted(set(ids) | pinned_ids(session))
    value = json.dumps({"why": why, "commands": ids})
    row = session.get(SiteSettingRow, RESTORED_KEY)
    if row is None:
        session.add(SiteSettingRow(key=RESTORED_KEY, value=value))
    else:
        row.value = value
    session.flush()
    return ids


def pinned_ids(session: Session) -> set[str]:
    """The open deliveries that came from a restored database (empty when none)."""
    row = session.get(SiteSettingRow, RESTORED_KEY)
    if row is None or not row.value:
        return set()
    try:
        return {str(i) for i in json.loads(row.value).get("commands", [])}
    except (ValueError, AttributeError):
        return set()


def release_final(session: Session) -> None:
    """Drop marked commands that reached a final state; the mark goes when none is left."""
    pinned = pinned_ids(session)
    if not pinned:
        return
    still = {str(i) for i in session.execute(select(MeterCommandRow.id).where(
        MeterCommandRow.id.in_(pinned), MeterCommandRow.state.in_(book.OUTSTANDING))).scalars()}
    row = session.get(SiteSettingRow, RESTORED_KEY)
    if row is None:
        return
    if not still:
        session.delete(row)
    elif still != pinned:
        data: dict[str, Any] = json.loads(row.value)
        row.value = json.dumps({"why": data.get("why", ""), "commands": sorted(still)})

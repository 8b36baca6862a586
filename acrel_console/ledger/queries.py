"""Read-only ledger questions other layers ask (which meters are held by open accounts, ...)."""

from __future__ import annotations

from sqlalchemy.orm import Session


def open_meter_ids(session: Session) -> set[int]:
    """Ids of meters held by an open tenant account (filled in by the ledger work)."""
    return set()


def meter_has_money_records(session: Session, meter_id: int) -> bool:
    """True when any ledger record names the meter (then it is retired, never deleted)."""
    return False

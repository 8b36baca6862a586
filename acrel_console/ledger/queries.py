"""Read-only ledger questions other layers ask (which meters are held by open accounts, who holds
a meter, whether a meter has money records)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import AccountMeterRow, OperationRow, TenantAccountRow, TenantRow


@dataclass(frozen=True, slots=True)
class TenantRef:
    """Who holds a meter: for the meter grid and the cashier's search."""

    tenant_id: int
    account_id: int
    account_no: str  # 用户编号
    name: str  # 用户名
    room: str  # 商铺号 / 房间号
    phone: str


def _open_memberships() -> Select[int, int, int, str, str, str, str]:
    """meter id, account id and the tenant's TenantRef columns: columns, not TenantRow entities (20,000 meters'
    holders without ORM hydration, issue 15)."""
    return (select(AccountMeterRow.meter_id, TenantAccountRow.id, TenantRow.id, TenantRow.account_no, TenantRow.name,
                   TenantRow.room, TenantRow.phone)
            .join(TenantAccountRow, AccountMeterRow.account_id == TenantAccountRow.id)
            .join(TenantRow, TenantAccountRow.tenant_id == TenantRow.id)
            .where(AccountMeterRow.removed_at.is_(None), TenantAccountRow.closed_at.is_(None)))


def open_meter_ids(session: Session, meter_ids: Collection[int] | None = None) -> set[int]:
    """Ids of meters held by an open tenant account (of `meter_ids` only, when given)."""
    q = (select(AccountMeterRow.meter_id).join(TenantAccountRow, AccountMeterRow.account_id == TenantAccountRow.id)
         .where(AccountMeterRow.removed_at.is_(None), TenantAccountRow.closed_at.is_(None)))
    if meter_ids is not None:
        q = q.where(AccountMeterRow.meter_id.in_(list(meter_ids)))
    return {int(m) for m in session.execute(q).scalars()}


def meter_tenants(session: Session, meter_ids: Collection[int] | None = None) -> dict[int, TenantRef]:
    """meter id -> the tenant of the open account that holds it (of `meter_ids` only, when given)."""
    q = _open_memberships()
    if meter_ids is not None:
        q = q.where(AccountMeterRow.meter_id.in_(list(meter_ids)))
    return {int(meter_id): TenantRef(tenant_id, int(account_id), account_no, name, room, phone)
            for meter_id, account_id, tenant_id, account_no, name, room, phone in session.execute(q)}


def meter_tenant(session: Session, meter_id: int) -> TenantRef | None:
    """The tenant holding one meter, or None when the meter is unopened."""
    row = session.execute(_open_memberships().where(AccountMeterRow.meter_id == meter_id)).first()
    if row is None:
        return None
    _m, account_id, tenant_id, account_no, name, room, phone = row
    return TenantRef(tenant_id, int(account_id), account_no, name, room, phone)


def meter_has_money_records(session: Session, meter_id: int) -> bool:
    """True when any ledger record names the meter (then it is retired, never deleted)."""
    for q in (select(OperationRow.id).where(OperationRow.meter_id == meter_id),
              select(OperationRow.id).where(OperationRow.to_meter_id == meter_id),
              select(AccountMeterRow.id).where(AccountMeterRow.meter_id == meter_id),
              select(MeterCommandRow.id).where(MeterCommandRow.meter_id == meter_id,
                                               MeterCommandRow.operation_id.is_not(None))):
        if session.execute(q.limit(1)).first() is not None:
            return True
    return False


def prepaid_credits(session: Session, meter_ids: list[int]) -> dict[int, int]:
    """meter id -> the tenant's credit on it according to the ledger (fen), for many meters in one query
    (console-billed meters: their balance lives here, not in the meter)."""
    from sqlalchemy import func

    from acrel_console.ledger import posting
    from acrel_console.storage.tables.ledger import EntryRow, LedgerAccountRow

    if not meter_ids:
        return {}
    codes = {posting.prepaid(m): m for m in meter_ids}
    rows = session.execute(select(LedgerAccountRow.code, func.coalesce(func.sum(EntryRow.amount_fen), 0))
                           .join(EntryRow, EntryRow.account_id == LedgerAccountRow.id)
                           .where(LedgerAccountRow.code.in_(list(codes)))
                           .group_by(LedgerAccountRow.code)).all()
    out = {m: 0 for m in meter_ids}
    for code, total in rows:
        out[codes[str(code)]] = posting.prepaid_balance(int(total or 0))
    return out

"""The Accounts page's list (开户管理): accounts a page at a time in two statements whatever their number, each
row what the list shows (tenant, room, phone, how many meters, opened, state). An account's meters and
balances are read only for the account chosen (AccountService.get_account)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select

from acrel_console.domain.roles import Permission
from acrel_console.services.account_changes import ACTIVE, account_state
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.storage.tables.changes import AccountChangeRow
from acrel_console.storage.tables.ledger import AccountMeterRow, TenantAccountRow, TenantRow
from acrel_console.storage.tables.site import MeterRow

PAGE_ROWS = 200
MAX_PAGE_ROWS = 1000


@dataclass(frozen=True, slots=True)
class AccountLine:
    """One account as the list shows it."""

    account_id: int
    tenant_id: int
    account_no: str  # 用户编号
    name: str
    room: str
    phone: str
    meter_count: int  # meters the account holds now
    opened_at: datetime
    opened_by: str
    closed_at: datetime | None
    change_kind: str | None = None  # a 销户 / removal / 换表 under way (issue 10)
    change_state: str | None = None  # settling | stuck

    @property
    def state(self) -> str:
        """open | closing (a 销户 settling on its meters) | closed."""
        return account_state(self.closed_at, self.change_kind)


@dataclass(frozen=True, slots=True)
class AccountPage:
    """Accounts `offset`.. of `total` matching, newest first."""

    lines: tuple[AccountLine, ...]
    total: int
    offset: int

    @property
    def more(self) -> bool:
        return self.offset + len(self.lines) < self.total


class AccountListService:
    """Accounts listed a page at a time (VIEW right)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.VIEW)
    def page(self, actor: Actor, search: str | None = None, include_closed: bool = False, offset: int = 0,
             limit: int = PAGE_ROWS) -> AccountPage:
        """Accounts newest first; `search` matches name, room, phone, 用户编号 or a held meter's number, room or id."""
        limit = max(1, min(int(limit), MAX_PAGE_ROWS))
        offset = max(0, int(offset))
        held = (select(func.count(AccountMeterRow.id))
                .where(AccountMeterRow.account_id == TenantAccountRow.id, AccountMeterRow.removed_at.is_(None))
                .correlate(TenantAccountRow).scalar_subquery())
        change = (select(AccountChangeRow.kind, AccountChangeRow.state)
                  .where(AccountChangeRow.account_id == TenantAccountRow.id, AccountChangeRow.state.in_(ACTIVE))
                  .correlate(TenantAccountRow).order_by(AccountChangeRow.started_at.desc()).limit(1))
        change_kind = change.with_only_columns(AccountChangeRow.kind).scalar_subquery()
        change_state = change.with_only_columns(AccountChangeRow.state).scalar_subquery()
        where: list[ColumnElement[bool]] = []
        if not include_closed:
            where.append(TenantAccountRow.closed_at.is_(None))
        text = (search or "").strip()
        if text:
            like = f"%{text}%"
            meter_hit = (select(AccountMeterRow.account_id).join(MeterRow, AccountMeterRow.meter_id == MeterRow.id)
                         .where(or_(MeterRow.meter_no.like(like), MeterRow.room.like(like),
                                    MeterRow.id == (int(text) if text.isdigit() else -1))))
            where.append(or_(TenantRow.name.like(like), TenantRow.room.like(like), TenantRow.phone.like(like),
                             TenantRow.account_no.like(like), TenantAccountRow.id.in_(meter_hit)))
        q = (select(TenantAccountRow.id, TenantRow.id, TenantRow.account_no, TenantRow.name, TenantRow.room,
                    TenantRow.phone, held, TenantAccountRow.opened_at, TenantAccountRow.opened_by,
                    TenantAccountRow.closed_at, change_kind, change_state)
             .join(TenantRow, TenantAccountRow.tenant_id == TenantRow.id).where(*where)
             .order_by(TenantAccountRow.id.desc()).offset(offset).limit(limit))
        count = (select(func.count(TenantAccountRow.id)).join(TenantRow, TenantAccountRow.tenant_id == TenantRow.id)
                 .where(*where))
        with self.ctx.read() as s:
            lines = tuple(AccountLine(int(a), int(t), no, name, room, phone, int(n or 0), opened, by, closed, ck, cs)
                          for a, t, no, name, room, phone, n, opened, by, closed, ck, cs in s.execute(q))
            total = int(s.execute(count).scalar() or 0)
        return AccountPage(lines, total, offset)

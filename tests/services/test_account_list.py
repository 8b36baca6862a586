"""The Accounts page's list (issue 15): a page of accounts in two statements whatever their number; search,
closed accounts and the meter count as the list shows them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, update

from acrel_console.services.account_list import AccountListService
from acrel_console.storage.tables.ledger import TenantAccountRow
from tests.services.helpers import make_services


def test_accounts_are_listed_a_page_at_a_time_in_two_statements(db_url: str) -> None:
    svc, admin = make_services(db_url)
    svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    ids = [svc.site.add_meter(admin, gateway="G", address=a, model="DDSY1352", room=f"R{a:02d}",
                              meter_no=f"M{a:04d}").id for a in range(1, 41)]
    accounts = [svc.accounts.open_account(admin, f"Tenant {k}", f"Shop {k}", ids[2 * k:2 * k + 2], phone=f"139{k:04d}")
                for k in range(20)]
    with svc.ctx.transaction() as s:  # one account closed (by any writer)
        s.execute(update(TenantAccountRow).where(TenantAccountRow.id == accounts[3].account_id)
                  .values(closed_at=svc.ctx.clock(), closed_by="admin"))
    listing = AccountListService(svc.ctx)
    statements: list[Any] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.startswith("BEGIN"):  # SQLite's BEGIN of a read snapshot is not a query
            statements.append(statement)

    event.listen(svc.ctx.engine, "before_cursor_execute", count)
    try:
        first = listing.page(admin, limit=5)
        used_small = len(statements)
        everything = listing.page(admin, limit=1000)
        used_big = len(statements) - used_small
    finally:
        event.remove(svc.ctx.engine, "before_cursor_execute", count)
    assert used_small == used_big == 2
    assert (len(first.lines), first.total, first.more) == (5, 19, True)
    assert [line.name for line in first.lines] == [f"Tenant {k}" for k in (19, 18, 17, 16, 15)]  # newest first
    assert {line.meter_count for line in everything.lines} == {2} and len(everything.lines) == 19
    last = listing.page(admin, offset=15, limit=5)
    assert (len(last.lines), last.more) == (4, False)
    assert [line.name for line in listing.page(admin, search="M0015").lines] == ["Tenant 7"]  # a held meter
    assert [line.name for line in listing.page(admin, search="1390012").lines] == ["Tenant 12"]  # phone
    closed = listing.page(admin, search="Tenant 3", include_closed=True)
    assert [(line.name, line.closed_at is not None) for line in closed.lines] == [("Tenant 3", True)]
    svc.close()

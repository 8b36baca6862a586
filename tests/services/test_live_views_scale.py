"""Live views at scale (issue 15): the tenant map is cached and updated from the change log that database
triggers write (whoever wrote the change), never reloaded per call; a list of any size costs a fixed
number of statements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, select, text, update

from acrel_console.domain.status import MeterStatus
from acrel_console.services import holders
from acrel_console.services.meter_views import MeterViewService
from acrel_console.storage.tables.ledger import AccountMeterRow, TenantAccountRow
from acrel_console.storage.tables.meter_state import MeterHolderChangeRow
from tests.integration.sim_site import SimSite, make_site


@pytest.fixture
def site(db_url: str) -> Iterator[SimSite]:
    s = make_site(db_url)
    s.svc.site.add_gateway(s.admin, name="G", kind="modbus-tcp", host="127.0.0.1", port=1)
    for a in range(1, 7):
        s.meter_ids[("G", a)] = s.svc.site.add_meter(s.admin, gateway="G", address=a, model="DDSY1352",
                                                      room=f"R{a}").id
    yield s
    s.close()


def _tenants(site: SimSite) -> dict[int, str | None]:
    return {m.address: m.tenant_name for m in MeterViewService(site.ctx).list_live(site.admin)}


def test_tenant_map_follows_every_writer_without_reloading(site: SimSite) -> None:
    ids = site.meter_ids
    assert set(_tenants(site).values()) == {None}
    assert holders.reloads(site.ctx) == 1
    acc = site.svc.accounts.open_account(site.admin, "Zhao", "R1", [ids[("G", 1)], ids[("G", 2)]])
    site.svc.accounts.open_account(site.admin, "Qian", "R3", [ids[("G", 3)]])
    assert _tenants(site) == {1: "Zhao", 2: "Zhao", 3: "Qian", 4: None, 5: None, 6: None}
    # another workstation (any writer, plain SQL): a meter taken out, then the account closed
    with site.ctx.transaction() as s:
        s.execute(update(AccountMeterRow).where(AccountMeterRow.meter_id == ids[("G", 2)])
                  .values(removed_at=site.ctx.clock(), removed_by="other"))
    assert _tenants(site)[2] is None and _tenants(site)[1] == "Zhao"
    with site.ctx.transaction() as s:
        s.execute(update(TenantAccountRow).where(TenantAccountRow.id == acc.account_id)
                  .values(closed_at=site.ctx.clock(), closed_by="other"))
    live = {m.address: m for m in MeterViewService(site.ctx).list_live(site.admin)}
    assert live[1].tenant_name is None and live[1].status is MeterStatus.OFFLINE  # never read: offline first
    assert live[3].tenant_name == "Qian" and live[3].account_no is not None
    assert holders.reloads(site.ctx) == 1  # updated meter by meter, never reloaded


def test_a_change_committed_out_of_order_is_still_seen(site: SimSite) -> None:
    """PostgreSQL may commit a lower change id after a higher one was read: the skipped id is re-read."""
    ids = site.meter_ids
    _tenants(site)
    acc = site.svc.accounts.open_account(site.admin, "Sun", "R4", [ids[("G", 4)]])
    with site.ctx.read() as s:
        last = s.execute(select(MeterHolderChangeRow.id).order_by(MeterHolderChangeRow.id.desc())).scalars().first()
    with site.ctx.transaction() as s:  # id last+2 commits first, naming an unrelated meter
        s.execute(text("INSERT INTO meter_holder_changes (id, meter_id) VALUES (:i, :m)"),
                  {"i": last + 2, "m": ids[("G", 6)]})
    assert _tenants(site)[5] is None
    with site.ctx.transaction() as s:  # then the real change with the lower id
        s.add(AccountMeterRow(account_id=acc.account_id, meter_id=ids[("G", 5)], added_at=site.ctx.clock(),
                              added_by="other"))
        s.flush()
        s.execute(text("DELETE FROM meter_holder_changes WHERE id > :i"), {"i": last})
        s.execute(text("INSERT INTO meter_holder_changes (id, meter_id) VALUES (:i, :m)"),
                  {"i": last + 1, "m": ids[("G", 5)]})
        s.execute(text("INSERT INTO meter_holder_changes (id, meter_id) VALUES (:i, :m)"),
                  {"i": last + 2, "m": ids[("G", 6)]})
    assert _tenants(site)[5] == "Sun"
    assert holders.reloads(site.ctx) == 1


def test_a_restored_older_database_reloads_the_map(site: SimSite) -> None:
    ids = site.meter_ids
    site.svc.accounts.open_account(site.admin, "Li", "R1", [ids[("G", 1)]])
    assert _tenants(site)[1] == "Li"
    with site.ctx.transaction() as s:  # what a restore of an older backup looks like to this process
        s.execute(text("DELETE FROM account_meters"))
        s.execute(text("DELETE FROM meter_holder_changes"))
    assert _tenants(site)[1] is None
    assert holders.reloads(site.ctx) == 2


def test_the_live_list_costs_a_fixed_number_of_statements(site: SimSite) -> None:
    ids = site.meter_ids
    site.svc.accounts.open_account(site.admin, "Zhou", "R1", [ids[("G", a)] for a in range(1, 7)])
    views = MeterViewService(site.ctx)
    views.list_live(site.admin)
    counts = []
    for extra in (0, 40):
        for a in range(10, 10 + extra):
            site.svc.site.add_meter(site.admin, gateway="G", address=a, model="DDSY1352", room=f"X{a}")
        statements: list[Any] = []

        def count(*_args: Any) -> None:
            statements.append(1)

        event.listen(site.ctx.engine, "before_cursor_execute", count)
        try:
            assert len(views.list_live(site.admin)) == 6 + extra
        finally:
            event.remove(site.ctx.engine, "before_cursor_execute", count)
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 8

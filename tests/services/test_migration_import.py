"""Migration import (issue 10): a sheet with Acrel-3200's 开户查询 and 抄表导出 columns, every row checked against its
meter's reading, differences listed before anything is committed, all or nothing, balances taken over from the
readings, a migration report read back from the .xlsx."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from acrel_console.domain.errors import PermissionDenied
from acrel_console.services.migration_import import MigrationRefused, MigrationService
from acrel_console.storage.tables.ledger import OperationRow, TenantRow
from tests.ledger.helpers import World, make_world


@pytest.fixture
def w(db_url: str) -> World:
    world = make_world(db_url, n_meters=4)
    for i, mid in enumerate(world.meters):
        world.model(mid).remaining_fen, world.model(mid).purchase_count = (12000, 30550, 800, 0)[i], (5, 2, 9, 0)[i]
    world.poll()
    yield world
    assert world.vending.check_ledger(world.admin) == []
    world.svc.close()


def sheet(path: Path, accounts: list[tuple], readings: list[tuple]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "开户查询"
    ws.append(["用户编号", "用户名", "商铺号", "联系电话", "仪表编号", "开户时间"])
    for row in accounts:
        ws.append(list(row))
    ws2 = wb.create_sheet("抄表导出")
    ws2.append(["仪表编号", "商铺号", "剩余金额", "总电能", "购电次数", "告警金额1", "采集时间"])
    for row in readings:
        ws2.append(list(row))
    wb.save(path)
    return path


def tenants(w: World) -> int:
    with w.ctx.read() as s:
        return int(s.execute(select(func.count()).select_from(TenantRow)).scalar())


def test_a_sheet_is_checked_against_the_meters_then_imported_all_or_nothing(w: World, tmp_path: Path) -> None:
    svc = MigrationService(w.ctx)
    accounts = [("224", "王记便利店", "A-101", "13800000001", "M0001", "2019-03-01"),
                ("224", "王记便利店", "A-102", "13800000001", "M0002", "2019-03-01"),  # 一户多表
                ("225", "李记奶茶", "A-103", "13800000002", "M0003", "2020-05-01"),
                ("226", "Ghost", "A-109", "", "M0099", "2020-05-01")]
    readings = [("M0001", "A-101", 120.00, 1000.5, 5, 50, "2026-02-28 23:00"),
                ("M0002", "A-102", 305.50, 200, 2, 50, "2026-02-28 23:00"),
                ("M0003", "A-103", 8.50, 10, 9, 50, "2026-02-28 23:00"),  # the meter shows 8.00: used since
                ("M0099", "A-109", 1, 1, 1, 50, "2026-02-28 23:00")]
    path = sheet(tmp_path / "acrel.xlsx", accounts, readings)
    plan = svc.plan(w.cashier, path)
    by = {r.meter_no: r for r in plan.rows}
    assert by["M0001"].state == "ok" and by["M0001"].live_remaining_fen == 12000
    assert by["M0003"].state == "difference" and by["M0003"].difference_fen == -50
    assert by["M0099"].state == "problem" and "no meter has this number" in by["M0099"].problems
    assert plan.tenants == 3 and plan.problems == 1 and plan.differences == 1
    with pytest.raises(MigrationRefused):
        svc.commit(w.cashier, path, accept_differences=True)
    assert tenants(w) == 0  # nothing written
    report = svc.write_report(w.cashier, plan, tmp_path / "check.xlsx")
    ws = load_workbook(report).active
    cells = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    assert any(row[1] == "M0099" and row[11] == "problem" for row in cells)

    path = sheet(tmp_path / "acrel2.xlsx", accounts[:3], readings[:3])
    with pytest.raises(MigrationRefused) as err:  # the difference must be looked at
        svc.commit(w.cashier, path)
    assert "differ" in err.value.english() and tenants(w) == 0
    with pytest.raises(PermissionDenied):
        auditor = w.svc.operators.add(w.admin, "aud", "auditor", "secret1")
        svc.commit(w.svc.operators.login(auditor.name, "secret1"), path, accept_differences=True)
    done = svc.commit(w.cashier, path, accept_differences=True)
    assert done.committed and done.tenants == 2 and done.taken_over_fen == 12000 + 30550 + 800
    wang = w.accounts.find_account(w.cashier, "王记便利店")
    assert [m.ledger_credit for m in wang.meters] == [Decimal("120.00"), Decimal("305.50")]
    assert "224" in wang.notes and wang.phone == "13800000001"
    assert w.accounts.find_account(w.cashier, "李记奶茶").meters[0].ledger_credit == Decimal("8.00")  # the meter's
    with w.ctx.read() as s:
        ops = s.execute(select(OperationRow.detail_json).where(OperationRow.kind == "takeover")).scalars().all()
    assert len(ops) == 3 and all('"kind":"reading"' in d for d in ops)
    report = svc.write_report(w.cashier, done, tmp_path / "report.xlsx")
    rows = list(load_workbook(report).active.iter_rows(values_only=True))
    imported = [r for r in rows if r[1] in ("M0001", "M0002", "M0003")]
    assert len(imported) == 3 and all(r[12] for r in imported)  # each with its new account number
    assert any("differs" in str(r[11]) and "remaining: sheet 8.50, meter 8.00" in str(r[13]) for r in imported)
    with pytest.raises(MigrationRefused):  # importing twice: the meters are taken now
        svc.commit(w.cashier, path, accept_differences=True)


def test_a_stale_reading_or_a_missing_name_blocks_the_import(w: World, tmp_path: Path) -> None:
    w.clock.now = w.clock.now.replace(hour=w.clock.now.hour + 2)  # two hours since the last sweep
    path = sheet(tmp_path / "a.xlsx", [("1", "", "A-1", "", "M0001", "")], [("M0001", "A-1", 120, 0, 5, 0, "")])
    plan = MigrationService(w.ctx).plan(w.cashier, path)
    assert plan.rows[0].state == "problem"
    assert any("fresh reading" in p for p in plan.rows[0].problems)
    assert any("name" in p for p in plan.rows[0].problems)
    w.poll()

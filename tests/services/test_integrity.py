"""The start-up integrity check on SQLite and PostgreSQL: clean, broken audit chain, broken ledger, a damaged
SQLite file, an unreachable database; the alarm it raises and clears; it never blocks a sale."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select, text

from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.errors import PermissionDenied
from acrel_console.services.base import ServiceContext
from acrel_console.services.deliveries import deliver_all
from acrel_console.services.integrity import (ALARM_AUDIT_KIND, IntegrityService, check_integrity,
                                              run_integrity_check, snapshot_session)
from acrel_console.storage.engine import make_engine, make_session_factory
from acrel_console.storage.tables.alarms import AlarmRow
from acrel_console.storage.tables.ledger import OperationRow
from acrel_console.storage.tables.operators import AuditRow
from tests.ledger.helpers import World, make_world


@pytest.fixture
def w(db_url: str) -> World:
    world = make_world(db_url)
    yield world
    world.svc.close()


def _trade(w: World) -> None:
    w.accounts.open_account(w.cashier, "Zhang San", "A-101", [w.meters[0]], opening_credit="50")
    w.accounts.open_account(w.cashier, "Li Si", "A-102", [w.meters[1]])
    w.vending.sell(w.cashier, w.meters[0], "100", "cash")
    w.vending.sell(w.cashier2, w.meters[1], "20.50", "wechat")
    deliver_all(w.ctx, w.bus)


@dataclass(frozen=True)
class _Alarm:
    active: bool
    severity: str
    message: str


def _alarms(w: World) -> list[_Alarm]:
    with w.ctx.read() as s:
        return [_Alarm(a.active, a.severity, a.message) for a in s.execute(
            select(AlarmRow).where(AlarmRow.kind == AlarmKind.INTEGRITY.value).order_by(AlarmRow.id)).scalars()]


def _audit_kinds(w: World) -> list[str]:
    with w.ctx.read() as s:
        return list(s.execute(select(AuditRow.kind).order_by(AuditRow.id)).scalars())


def test_clean_site_passes_and_raises_nothing(w: World) -> None:
    _trade(w)
    report = run_integrity_check(w.ctx)
    assert report.state == "ok" and report.ok and report.issues == ()
    assert report.ledger_ok is True and report.audit_ok is True
    assert report.database_ok is (True if report.backend == "sqlite" else None)
    assert report.audit_rows == len(_audit_kinds(w)) > 5
    assert not report.alarm_raised and _alarms(w) == [] and ALARM_AUDIT_KIND not in _audit_kinds(w)
    assert "integrity OK" in report.summary()


def test_edited_operation_log_row_fails_raises_alarm_then_clears_when_sound(w: World) -> None:
    _trade(w)
    with w.ctx.transaction() as s:
        victim_id, victim_reason = s.execute(select(AuditRow.id, AuditRow.reason).order_by(AuditRow.id)
                                             .offset(3).limit(1)).one()
        s.execute(text("UPDATE audit_log SET reason = 'edited' WHERE id = :i"), {"i": victim_id})
    report = run_integrity_check(w.ctx)
    assert report.state == "failed" and report.audit_ok is False and report.ledger_ok is True
    assert [(i.area, i.code, i.ref) for i in report.issues] == [("audit", "audit_chain", str(victim_id))]
    assert report.alarm_raised
    alarms = _alarms(w)
    assert len(alarms) == 1 and alarms[0].active and alarms[0].severity == "critical"
    assert f"row {victim_id}" in alarms[0].message
    assert _audit_kinds(w)[-1] == ALARM_AUDIT_KIND
    # A second failing check does not stack a second active alarm.
    run_integrity_check(w.ctx)
    assert len(_alarms(w)) == 1
    # Repaired (the row put back): the next check clears the alarm.
    with w.ctx.transaction() as s:
        s.execute(text("UPDATE audit_log SET reason = :r WHERE id = :i"), {"r": victim_reason, "i": victim_id})
    assert run_integrity_check(w.ctx).ok
    assert [a.active for a in _alarms(w)] == [False]


def test_unbalanced_ledger_operation_is_reported(w: World) -> None:
    _trade(w)
    with w.ctx.transaction() as s:  # bypass the append-only guard the way a hand-edited database would
        op = s.execute(select(OperationRow.id).where(OperationRow.kind == "sale").limit(1)).scalar_one()
        s.execute(text("UPDATE ledger_entries SET amount_fen = amount_fen + 1 WHERE id = "
                       "(SELECT MIN(id) FROM ledger_entries WHERE operation_id = :op)"), {"op": op})
    report = check_integrity(w.ctx)
    assert report.state == "failed" and report.ledger_ok is False and report.audit_ok is True
    assert ("ledger", "unbalanced", op) in [(i.area, i.code, i.ref) for i in report.issues]


def test_damaged_sqlite_file_is_reported_by_quick_check(tmp_path: Path) -> None:
    w = make_world(f"sqlite:///{tmp_path / 'site.sqlite3'}")
    _trade(w)
    for _ in range(30):  # enough rows for several pages of audit_log
        w.svc.site.add_building(w.admin, f"B{_:03d}", notes="x" * 500)
    w.svc.close()
    path = tmp_path / "site.sqlite3"
    copy = tmp_path / "damaged.sqlite3"
    shutil.copy(path, copy)
    data = bytearray(copy.read_bytes())
    page = 4096
    for offset in range(page * 3 + 100, len(data) - page, page):  # scribble inside every later page
        data[offset:offset + 64] = b"\xff" * 64
    copy.write_bytes(data)
    engine = make_engine(f"sqlite:///{copy}")
    ctx = ServiceContext(engine=engine, session_factory=make_session_factory(engine), db_url=f"sqlite:///{copy}")
    report = run_integrity_check(ctx)
    engine.dispose()
    assert report.state == "failed" and report.database_ok is False
    assert report.issues and {i.area for i in report.issues} == {"database"}
    # quick_check finds broken pages; scribbled row text (pages still well formed) fails the reads instead
    assert {i.code for i in report.issues} & {"quick_check", "read_failed"}


def test_unreachable_database_is_a_state_not_an_exception() -> None:
    url = "postgresql+psycopg://nobody:x@127.0.0.1:9/nowhere?connect_timeout=2"
    engine = make_engine(url)
    ctx = ServiceContext(engine=engine, session_factory=make_session_factory(engine), db_url=url)
    report = run_integrity_check(ctx)
    engine.dispose()
    assert report.state == "unavailable" and report.error and not report.ok
    assert "could not run" in report.summary()


def test_missing_sqlite_file_is_unavailable(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'gone.sqlite3'}"
    engine = make_engine(url)
    ctx = ServiceContext(engine=engine, session_factory=make_session_factory(engine), db_url=url)
    report = check_integrity(ctx)
    assert report.state == "unavailable" and "does not exist" in report.error


def test_snapshot_does_not_block_a_sale_and_does_not_see_it(w: World) -> None:
    _trade(w)
    with snapshot_session(w.ctx) as snap:
        before = snap.execute(select(OperationRow.id)).scalars().all()
        # A cashier sells while the check holds its snapshot: the sale commits at once (no lock wait) ...
        w.vending.sell(w.cashier, w.meters[0], "5", "cash")
        # ... and the check keeps reading the state it started with.
        assert snap.execute(select(OperationRow.id)).scalars().all() == before
    with w.ctx.read() as s:
        assert len(s.execute(select(OperationRow.id)).scalars().all()) == len(before) + 1


def test_service_method_needs_maintain_and_keeps_last_report(w: World) -> None:
    service = IntegrityService(w.ctx)
    with pytest.raises(PermissionDenied):
        service.check(w.cashier)
    report = service.check(w.admin)
    assert report.ok and service.last is report

"""The operation log's hash chain: intact after changes, and the first edited/deleted row is named."""

from __future__ import annotations

from sqlalchemy import text

from tests.services.helpers import make_services


def _populate(svc, admin) -> None:  # type: ignore[no-untyped-def]
    for i in range(5):
        svc.site.add_building(admin, f"B{i}", floor=str(i))


def test_chain_intact_and_edit_detected(db_url: str) -> None:
    svc, admin = make_services(db_url)
    _populate(svc, admin)
    report = svc.audit.verify(admin)
    assert report.ok and report.rows_checked == 6
    with svc.ctx.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET target = 'forged' WHERE id = 3"))
    report = svc.audit.verify(admin)
    assert not report.ok and report.first_broken_id == 3 and report.problem.startswith("hash")
    svc.close()


def test_deleted_row_detected(db_url: str) -> None:
    svc, admin = make_services(db_url)
    _populate(svc, admin)
    with svc.ctx.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = 4"))
    report = svc.audit.verify(admin)
    assert not report.ok and report.first_broken_id == 5 and report.problem.startswith("link")
    svc.close()


def test_filters(db_url: str) -> None:
    svc, admin = make_services(db_url)
    _populate(svc, admin)
    assert len(svc.audit.list(admin, kind="building")) == 5
    assert svc.audit.list(admin, operator="nobody") == []
    assert "building.add" in svc.audit.kinds(admin)
    svc.close()

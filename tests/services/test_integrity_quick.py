"""The quick integrity check (issue 15): years of readings do not lengthen it (the history tables are left to
the nightly full check) and the operation log is verified from where this process last left it; the full
check still reads everything."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from acrel_console.services import integrity
from acrel_console.services.integrity import check_integrity
from tests.ledger.helpers import make_world


def test_quick_check_verifies_the_log_since_the_last_check(db_url: str) -> None:
    w = make_world(db_url)
    w.accounts.open_account(w.cashier, "Zhang San", "A-101", [w.meters[0]], opening_credit="50")
    first = check_integrity(w.ctx, full=False)  # no earlier walk in this process: the whole log
    assert first.ok and not first.full and first.audit_rows >= 2
    head = w.ctx.extras[integrity.CHAIN_HEAD]
    assert head.count == first.audit_rows
    w.accounts.open_account(w.cashier, "Li Si", "A-102", [w.meters[1]])
    second = check_integrity(w.ctx, full=False)
    assert second.ok and second.audit_rows > first.audit_rows
    assert w.ctx.extras[integrity.CHAIN_HEAD].row_id > head.row_id
    with w.ctx.engine.begin() as conn:  # an older row edited: left to the full (nightly) check, which finds it
        original = conn.execute(text("SELECT target FROM audit_log WHERE id = 1")).scalar()
        conn.execute(text("UPDATE audit_log SET target = 'x' WHERE id = 1"))
    assert check_integrity(w.ctx, full=False).ok
    full = check_integrity(w.ctx, full=True)
    assert full.state == "failed" and full.full and {i.area for i in full.issues} == {"audit"}
    with w.ctx.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET target = :t WHERE id = 1"), {"t": original})
        last = conn.execute(text("SELECT max(id) FROM audit_log")).scalar()
    w.accounts.open_account(w.cashier, "Wang Wu", "A-103", [w.meters[2]])
    with w.ctx.engine.begin() as conn:  # a row added since the last check, then edited: found at once
        conn.execute(text("UPDATE audit_log SET target = 'x' WHERE id = :i"), {"i": last + 1})
    third = check_integrity(w.ctx, full=False)
    assert third.state == "failed" and {i.area for i in third.issues} == {"audit"}
    w.svc.close()


def test_quick_check_leaves_out_the_history_tables(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w = make_world(f"sqlite:///{tmp_path / 'site.sqlite3'}")
    checked: list[str] = []
    real_connect = integrity.sqlite3.connect

    class Spy:
        def __init__(self, con: object) -> None:
            self.con = con

        def execute(self, sql: str, *args: object) -> object:
            if sql.startswith("PRAGMA quick_check"):
                checked.append(sql)
            return self.con.execute(sql, *args)  # type: ignore[attr-defined]

        def __getattr__(self, name: str) -> object:
            return getattr(self.con, name)

        def __setattr__(self, name: str, value: object) -> None:
            if name == "con":
                object.__setattr__(self, name, value)
            else:
                setattr(self.con, name, value)

    monkeypatch.setattr(integrity.sqlite3, "connect", lambda *a, **k: Spy(real_connect(*a, **k)))
    assert check_integrity(w.ctx, full=False).ok
    assert checked and not any("meter_reading_days" in c or "meter_daily_energy" in c for c in checked)
    assert any('"ledger_entries"' in c for c in checked) and any('"audit_log"' in c for c in checked)
    checked.clear()
    assert check_integrity(w.ctx, full=True).ok
    assert checked == ["PRAGMA quick_check(50)"]  # the whole file
    w.svc.close()

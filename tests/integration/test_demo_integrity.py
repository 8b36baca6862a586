"""A fresh demo site starts with a sound ledger (issue 10: it showed '完整性: 177 处问题' after its first sweep, every
simulated meter's starting balance unbooked): the balances are read and taken over at set-up."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from acrel_console.services.demo_site import prepare_demo
from acrel_console.services.integrity import check_integrity
from acrel_console.services.polling import Poller
from acrel_console.storage.tables.ledger import OperationRow


def test_a_fresh_demo_is_green_after_its_first_sweep(tmp_path: Path) -> None:
    site = prepare_demo(f"sqlite:///{tmp_path / 'demo.sqlite3'}", use_pty=False)
    try:
        poller = Poller(site.services.ctx)
        try:
            poller.run_once()
        finally:
            poller.stop()
        report = check_integrity(site.services.ctx)
        assert report.ok, report.summary()
        with site.services.ctx.read() as s:
            taken = s.execute(select(func.count()).where(OperationRow.kind == "takeover")).scalar()
            evidence = s.execute(select(OperationRow.detail_json).where(OperationRow.kind == "takeover")
                                 .limit(1)).scalar()
        assert taken > 150 and '"kind":"reading"' in evidence and '"purchase_count":' in evidence
    finally:
        site.stop()

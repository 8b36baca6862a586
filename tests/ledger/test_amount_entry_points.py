"""Every amount entry point reads typed yuan through domain.amount_input (issue 11 item 5): the CLI's sell,
refund, reverse, account open and close refuse '1,50', '0,5' and '1e30' with one translated line and
change nothing (the cashier form's side is tests/ui/test_amount_fields.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from acrel_console.app import build_services
from acrel_console.cli import main
from acrel_console.storage.tables.ledger import OperationRow
from tests.ledger.helpers import SITE_KEY

BAD = ("1,50", "0,5", "1e30", "NaN", "-5", "+5", "1" * 500)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'amounts.sqlite3'}"
    svc = build_services(url)
    admin = svc.operators.create_first_admin("admin", "secret1")
    svc.operators.add(admin, "cash1", "cashier", "secret1")
    svc.site.add_gateway(admin, name="g1", kind="modbus-tcp", host="127.0.0.1", port=1, timeout_ms=100)
    meter = svc.site.add_meter(admin, gateway="g1", address=1, model="DDSY1352", room="R1").id
    svc.close()
    monkeypatch.setenv("ACREL_SITE_KEY", SITE_KEY.hex())
    monkeypatch.setenv("ACREL_PASSWORD", "secret1")
    monkeypatch.setenv("ACREL_APPROVER_PASSWORD", "secret1")
    yield url, meter


def _operations(url: str) -> int:
    svc = build_services(url)
    try:
        with svc.ctx.read() as s:
            return int(s.execute(select(func.count()).select_from(OperationRow)).scalar() or 0)
    finally:
        svc.close()


@pytest.mark.parametrize("amount", BAD)
def test_cli_money_commands_refuse_malformed_amounts(site, amount: str, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    url, meter = site
    assert main(["--db", url, "--user", "cash1", "account", "open", "--name", "Li", "--room", "B",
                 "--meter", str(meter)]) == 0
    capsys.readouterr()
    before = _operations(url)
    commands = [
        ["sell", "--meter", str(meter), "--amount", amount, "--wait", "0"],
        ["refund", "--meter", str(meter), "--amount", amount, "--wait", "0"],
        ["reverse", "--sale", "00000000-0000-4000-8000-000000000000", "--approver", "cash1", "--reason", "x",
         "--amount", amount, "--wait", "0"],
        ["account", "open", "--name", "Wu", "--room", "C", "--meter", str(meter), "--credit", amount],
        ["account", "close", "000001", "--claim", f"{meter}={amount}", "--approver", "admin", "--claim-reason", "x"],
    ]
    for argv in commands:
        code = main(["--db", url, "--user", "cash1", *argv])
        err = capsys.readouterr().err
        assert code != 0, argv
        assert err.count("\n") == 1 and err.startswith("acrel-console: ") and "Traceback" not in err, (argv, err)
    assert _operations(url) == before

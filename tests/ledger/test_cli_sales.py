"""The issue-4 CLI end to end: account open, sell (delivered inline over Modbus-TCP loopback to the
simulator, confirmed by read-back), idempotent --id, refund, reverse with an approver, deliveries
list, ledger check, account show/list/close."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from pathlib import Path

import pytest

from acrel_console.app import build_services
from acrel_console.cli import main
from acrel_console.drivers.simulator import FakeClock as SimClock
from acrel_console.drivers.simulator import SimBus, SimMeter, start_tcp
from tests.ledger.helpers import SITE_KEY


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    bus = SimBus([SimMeter(address=1, remaining_fen=0), SimMeter(address=2, remaining_fen=0)],
                 clock=SimClock(datetime(2026, 3, 2, 9, 0)))
    with start_tcp(bus, mode="modbus-tcp") as srv:
        url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
        svc = build_services(url)
        admin = svc.operators.create_first_admin("admin", "secret1")
        svc.operators.add(admin, "cash1", "cashier", "secret1")
        svc.operators.add(admin, "boss", "supervisor", "boss-pass")
        svc.site.add_gateway(admin, name="g1", kind="modbus-tcp", host="127.0.0.1", port=srv.port, timeout_ms=500)
        ids = [svc.site.add_meter(admin, gateway="g1", address=a, model="DDSY1352", room=f"R{a}").id for a in (1, 2)]
        svc.close()
        monkeypatch.setenv("ACREL_SITE_KEY", SITE_KEY.hex())
        monkeypatch.setenv("ACREL_PASSWORD", "secret1")
        monkeypatch.setenv("ACREL_APPROVER_PASSWORD", "boss-pass")
        yield url, ids, bus


ERR: list[str] = []


def run(url: str, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, object]:
    code = main(["--db", url, "--user", "cash1", "--json", *argv])
    captured = capsys.readouterr()
    ERR.append(captured.err)
    out = captured.out.strip()
    return code, json.loads(out.splitlines()[-1]) if out else None


def test_cli_sales_flow(site, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    url, (m1, m2), bus = site
    code, acc = run(url, "account", "open", "--name", "Zhang", "--room", "A-1", "--meter", str(m1), "--meter",
                    str(m2), "--phone", "138", capsys=capsys)
    assert code == 0 and acc["account_no"] == "000001" and len(acc["meters"]) == 2

    sale_id = str(uuid.uuid4())
    code, out = run(url, "sell", "--meter", str(m1), "--amount", "100.00", "--method", "wechat", "--id", sale_id,
                    "--wait", "10", capsys=capsys)
    assert code == 0 and out["delivery"]["state"] == "delivered", out
    assert bus.meter(1).remaining_fen == 10000 and bus.meter(1).purchase_count == 1
    code, again = run(url, "sell", "--meter", str(m1), "--amount", "100.00", "--method", "wechat", "--id", sale_id,
                      capsys=capsys)
    assert code == 0 and again["operation"]["duplicate"] and bus.meter(1).purchase_count == 1

    code, out = run(url, "refund", "--meter", str(m1), "--amount", "30", capsys=capsys)
    assert code == 0 and out["delivery"]["state"] == "delivered" and bus.meter(1).remaining_fen == 7000

    code, out = run(url, "reverse", "--sale", sale_id, "--approver", "boss", "--reason", "wrong meter",
                    "--amount", "50", capsys=capsys)
    assert code == 0 and out["delivery"]["state"] == "delivered" and bus.meter(1).remaining_fen == 2000

    code, out = run(url, "sell", "--meter", str(m2), "--amount", "5", "--wait", "0", capsys=capsys)
    assert code == 0 and out["delivery"]["state"] == "pending"  # --wait 0: reported pending
    code, listed = run(url, "deliveries", "list", "--state", "pending", capsys=capsys)
    assert [d["meter_id"] for d in listed] == [m2]

    code, show = run(url, "account", "show", "000001", capsys=capsys)
    assert code == 0 and show["name"] == "Zhang"
    code, lst = run(url, "account", "list", capsys=capsys)
    assert [a["account_no"] for a in lst] == ["000001"]

    code, out = run(url, "sell", "--meter", str(m2), "--amount", "1", capsys=capsys)  # delivers both, in order
    assert out["delivery"]["state"] == "delivered" and bus.meter(2).remaining_fen == 600
    code, chk = run(url, "ledger", "check", capsys=capsys)
    assert code == 0 and chk["ok"]

    code, closed = run(url, "account", "close", "000001", capsys=capsys)  # the meters say what they hold
    assert code == 0 and closed["state"] == "done", closed
    assert closed["paid_out"] == "26.00" and len(closed["trips"]) == 2
    assert bus.meter(1).remaining_fen == 0 and bus.meter(2).remaining_fen == 0
    code, err = run(url, "sell", "--meter", str(m1), "--amount", "1", capsys=capsys)
    assert code == 2  # the meter is unopened now


def test_cli_refuses_bad_input_and_reports_violations(site, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    url, (m1, _m2), _bus = site
    run(url, "account", "open", "--name", "Li", "--room", "B", "--meter", str(m1), capsys=capsys)
    code, _ = run(url, "sell", "--meter", str(m1), "--amount", "1.234", capsys=capsys)
    assert code == 2 and "two decimals" in ERR[-1]
    svc = build_services(url)
    with svc.ctx.transaction() as s:  # corrupt the chain: the check must fail
        from sqlalchemy import text
        s.execute(text("UPDATE audit_log SET reason = 'edited' WHERE id = 1"))
    svc.close()
    code, chk = run(url, "ledger", "check", capsys=capsys)
    assert code == 1 and not chk["ok"] and chk["violations"][0]["code"] == "audit_chain"

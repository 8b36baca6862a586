"""The command line of issue 10 against simulated meters over Modbus-TCP loopback: `account open` on a meter that
shows credit exits non-zero naming the amount and the two choices and changes nothing, then opens with
--existing-credit take-over or clear; `migrate import` checks a sheet against live readings, commits all or
nothing and writes the report; `ledger check` passes after each."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from acrel_console.app import build_services
from acrel_console.cli import main
from acrel_console.drivers.simulator import FakeClock as SimClock
from acrel_console.drivers.simulator import SimBus, SimMeter, start_tcp
from tests.ledger.helpers import SITE_KEY


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    bus = SimBus([SimMeter(address=1, remaining_fen=50000, purchase_count=7),
                  SimMeter(address=2, remaining_fen=12345, purchase_count=3),
                  SimMeter(address=3, remaining_fen=800, purchase_count=1)],
                 clock=SimClock(datetime(2026, 3, 2, 9, 0)))
    with start_tcp(bus, mode="modbus-tcp") as srv:
        url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
        svc = build_services(url)
        admin = svc.operators.create_first_admin("admin", "secret1")
        svc.operators.add(admin, "cash1", "cashier", "secret1")
        svc.site.add_gateway(admin, name="g1", kind="modbus-tcp", host="127.0.0.1", port=srv.port, timeout_ms=500)
        ids = [svc.site.add_meter(admin, gateway="g1", address=a, model="DDSY1352", room=f"R{a}",
                                  meter_no=f"M{a:04d}").id for a in (1, 2, 3)]
        svc.close()
        monkeypatch.setenv("ACREL_SITE_KEY", SITE_KEY.hex())
        monkeypatch.setenv("ACREL_PASSWORD", "secret1")
        yield url, ids, bus


def run(url: str, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, object, str]:
    code = main(["--db", url, "--user", "cash1", "--json", *argv])
    captured = capsys.readouterr()
    out = captured.out.strip()
    return code, json.loads(out.splitlines()[-1]) if out else None, captured.err


def test_open_needs_a_decision_on_existing_credit(site, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    url, (m1, m2, _m3), bus = site
    code, out, err = run(url, "account", "open", "--name", "Wang", "--room", "A-1", "--meter", str(m1),
                         "--credit", "10", capsys=capsys)
    assert code != 0 and out is None
    message = json.loads(err)["error"]
    assert "500.00" in message and "take it over" in message and "clear" in message and "purchase count 7" in message
    code, accounts, _err = run(url, "account", "list", capsys=capsys)
    assert accounts == []  # nothing was opened
    code, acc, _err = run(url, "account", "open", "--name", "Wang", "--room", "A-1", "--meter", str(m1),
                          "--credit", "10", "--existing-credit", "take-over", capsys=capsys)
    assert code == 0 and acc["meters"][0]["ledger_credit"] == "510.00"
    assert bus.meter(1).remaining_fen == 51000  # the top-up delivered on top of what was there
    code, acc, _err = run(url, "account", "open", "--name", "Li", "--room", "A-2", "--meter", str(m2),
                          "--existing-credit", "clear", capsys=capsys)
    assert code == 0 and acc["meters"][0]["ledger_credit"] == "0.00" and bus.meter(2).remaining_fen == 0
    code, chk, _err = run(url, "ledger", "check", capsys=capsys)
    assert code == 0 and chk["ok"], chk


def test_migrate_import_checks_then_commits_and_reports(site, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    url, _ids, _bus = site
    wb = Workbook()
    ws = wb.active
    ws.title = "抄表导出"
    ws.append(["用户编号", "用户名", "商铺号", "仪表编号", "剩余金额", "购电次数"])
    ws.append([224, "王记", "R1", "M0001", 500.00, 7])
    ws.append([224, "王记", "R2", "M0002", 123.40, 3])  # the meter shows 123.45
    ws.append([225, "李记", "R3", "M0003", 8.00, 1])
    path = tmp_path / "acrel.xlsx"
    wb.save(path)
    report = tmp_path / "report.xlsx"
    code, plan, _err = run(url, "migrate", "import", str(path), "--report", str(report), capsys=capsys)
    assert code == 0 and not plan["committed"]  # checked only
    code, plan, _err = run(url, "migrate", "import", str(path), "--commit", capsys=capsys)
    assert code == 1 and not plan["committed"]  # a difference not accepted: nothing imported
    code, accounts, _err = run(url, "account", "list", capsys=capsys)
    assert accounts == []
    code, plan, _err = run(url, "migrate", "import", str(path), "--commit", "--accept-differences", "--report",
                           str(report), capsys=capsys)
    assert code == 0 and plan["committed"]
    code, accounts, _err = run(url, "account", "list", capsys=capsys)
    assert sorted(len(a["meters"]) for a in accounts) == [1, 2]
    rows = list(load_workbook(report).active.iter_rows(values_only=True))
    assert any(r[1] == "M0002" and "123.40" in str(r[13]) and "123.45" in str(r[13]) for r in rows)
    code, chk, _err = run(url, "ledger", "check", capsys=capsys)
    assert code == 0 and chk["ok"], chk


def test_a_refused_clearing_is_tried_again(site, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    """Issue 10 left a clearing the meter refused at opening with only an alarm: nothing on the command line (or
    in the window) asked the meter again. `account retry-clear` does, once; the alarm clears."""
    from acrel_console.drivers.simulator import Fault
    from acrel_console.services.base import Actor

    url, (_m1, m2, _m3), bus = site
    bus.inject(2, Fault.EXCEPTION, count=1, functions={0x20})  # the meter refuses the clearing once
    code, acc, _err = run(url, "account", "open", "--name", "Li", "--room", "A-2", "--meter", str(m2),
                          "--existing-credit", "clear", capsys=capsys)
    assert code == 0 and bus.meter(2).remaining_fen == 12345  # refused: still on the meter, not the tenant's
    svc = build_services(url)
    try:
        [alarm] = [a for a in svc.alarms.active(Actor.system()) if a.kind.value == "return_refused"]
        assert alarm.params["purpose"] == "clear" and alarm.meter_id == m2
    finally:
        svc.close()
    code, out, err = run(url, "account", "retry-clear", str(m2), capsys=capsys)
    assert code == 0, err
    assert (out["clearing"]["state"], out["clearing"]["returned_fen"]) == ("returned", 12345)
    assert bus.meter(2).remaining_fen == 0 and acc["meters"][0]["ledger_credit"] == "0.00"
    code, out, err = run(url, "account", "retry-clear", str(m2), capsys=capsys)
    assert code == 2 and "has no refused clearing to try again" in err and out is None  # nothing twice
    svc = build_services(url)
    try:
        assert not [a for a in svc.alarms.active(Actor.system()) if a.kind.value == "return_refused"]
    finally:
        svc.close()
    code, chk, _err = run(url, "ledger", "check", capsys=capsys)
    assert code == 0 and chk["ok"], chk

"""Issue 14 from the command line: an operator gets a role made in the role editor by its name (the CLI no
longer limits --role to the built-in ones), and `report loss --by day` gives the loss by day."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from acrel_console.storage.tables.readings import DailyEnergyRow
from tests.test_cli_reports import run


def test_custom_role_and_loss_by_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from acrel_console.app import build_services

    env = dict(os.environ, ACREL_DATA_DIR=str(tmp_path / "d"), ACREL_PASSWORD="admin-pw1", ACREL_LANG="en",
               ACREL_NEW_PASSWORD="night-pw1")
    run(env, "init", "--admin", "admin")
    monkeypatch.setenv("ACREL_DATA_DIR", env["ACREL_DATA_DIR"])  # the site key beside the data, as the CLI has it
    svc = build_services(f"sqlite:///{tmp_path / 'd' / 'acrel-console.sqlite3'}")
    try:
        admin = svc.operators.login("admin", "admin-pw1")
        svc.roles.copy_role(admin, "auditor", "Night desk")
    finally:
        svc.close()
    run(env, "--user", "admin", "operator", "add", "night1", "--role", "Night desk")
    listed = run(env, "--user", "admin", "operator", "list").stdout
    assert "night1" in listed and "Night desk" in listed
    bad = run(env, "--user", "admin", "operator", "role", "night1", "pilot", ok=False)
    assert bad.returncode != 0 and "Unknown role 'pilot'" in bad.stderr and "Traceback" not in bad.stderr
    run(env, "--user", "admin", "gateway", "add", "--name", "G", "--tcp", "127.0.0.1:1", "--mode", "modbus-tcp")
    for address, room in ((1, "MAIN"), (2, "S-1")):
        run(env, "--user", "admin", "meter", "add", "--gateway", "G", "--address", str(address), "--model", "ADL400",
            "--room", room)
    svc = build_services(f"sqlite:///{tmp_path / 'd' / 'acrel-console.sqlite3'}")
    try:
        admin = svc.operators.login("admin", "admin-pw1")
        main, sub = (m.id for m in svc.site.list_meters(admin))
        svc.site.update_meter(admin, sub, main_meter=main)
        with svc.ctx.transaction() as s:
            s.add(DailyEnergyRow(meter_id=main, day=date(2026, 3, 2), energy_total=1000))
            s.add(DailyEnergyRow(meter_id=sub, day=date(2026, 3, 2), energy_total=875))
    finally:
        svc.close()
    out = json.loads(run(env, "--json", "--user", "admin", "report", "loss", "--period", "month", "--date", "2026-03",
                         "--by", "day").stdout)
    assert out["report"] == "loss" and len(out["rows"]) == 31
    [day2] = [r for r in out["rows"] if r["date"] == "2026-03-02"]
    assert (day2["main_e"], day2["diff"], str(day2["share"])) == (1000, 125, "0.1250"), day2  # 12.50 %

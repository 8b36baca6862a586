"""`report ...` and `alarms ...` from the command line, with --json and --xlsx read back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

EXE = Path(sys.executable).with_name("acrel-console")


def run(env: dict[str, str], *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(EXE), *args], env=env, capture_output=True, text=True, timeout=120)
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


def test_reports_cli(tmp_path: Path) -> None:
    env = dict(os.environ, ACREL_DATA_DIR=str(tmp_path / "d"), ACREL_PASSWORD="admin-pw1", ACREL_LANG="en")
    run(env, "init", "--admin", "admin")
    run(env, "--user", "admin", "gateway", "add", "--name", "G", "--tcp", "127.0.0.1:1", "--mode", "modbus-tcp")
    run(env, "--user", "admin", "meter", "add", "--gateway", "G", "--address", "1", "--model", "DDSY1352",
        "--room", "A-101")
    out = json.loads(run(env, "--json", "--user", "admin", "report", "offline").stdout)
    assert out["report"] == "offline_meters" and out["rows"][0]["room"] == "A-101"
    xlsx = tmp_path / "sales.xlsx"
    out = json.loads(run(env, "--json", "--user", "admin", "report", "sales", "--period", "month", "--date",
                         "2026-03", "--xlsx", str(xlsx)).stdout)
    assert out["totals"] == {"sales": 0, "reversals": 0, "refunds": 0, "income": 0}
    wb = load_workbook(xlsx)
    assert wb.active.cell(1, 1).value == "Electricity sales report"
    text = run(env, "--user", "admin", "report", "energy", "--period", "day", "--date", "2026-03-01").stdout
    assert "Energy report" in text and "Room" in text
    bad = run(env, "--user", "admin", "report", "energy", "--period", "month", "--date", "2026-13", ok=False)
    assert bad.returncode == 2 and "2026-13" in bad.stderr
    assert json.loads(run(env, "--json", "--user", "admin", "alarms", "list").stdout) == []
    zh = run(dict(env, ACREL_LANG="zh_CN"), "--user", "admin", "report", "offline").stdout
    assert "A-101" in zh

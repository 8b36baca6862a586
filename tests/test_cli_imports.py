"""`meter list --json` imports only what it uses (issue 15: a short command paid for every service, the GUI
toolkit and the drivers it never calls): the modules it loaded, read in the command's own process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from acrel_console.app import build_services

# what a meter list never needs: the toolkit, workbooks, Modbus, migrations, payment SDKs, the portal's web stack,
# charts, the delivery MAC's cipher, the PostgreSQL dialect on a SQLite site, and the tables of other areas
NOT_NEEDED = ("PySide6", "shiboken6", "openpyxl", "pymodbus", "serial", "alembic", "alipay", "wechatpayv3",
              "cryptography", "OpenSSL", "httpx", "requests", "jinja2", "starlette", "uvicorn", "pyqtgraph", "numpy",
              "segno", "apscheduler", "Crypto", "sqlalchemy.dialects.postgresql", "acrel_console.ui",
              "acrel_console.portal", "acrel_console.drivers.payments", "acrel_console.drivers.transports",
              "acrel_console.cli.sales", "acrel_console.cli.payments", "acrel_console.cli.reports",
              "acrel_console.services.polling", "acrel_console.services.reports", "acrel_console.services.payments",
              "acrel_console.storage.tables.readings", "acrel_console.storage.tables.payments",
              "acrel_console.storage.tables.sms", "acrel_console.storage.tables.portal")

LOADED = """
import contextlib, io, json, sys
from acrel_console.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "rows": len(json.loads(out.getvalue())), "modules": sorted(sys.modules)}))
"""


def test_meter_list_json_loads_only_what_it_uses(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'site.sqlite3'}"
    svc = build_services(url)  # the site key in ACREL_DATA_DIR (tests/conftest.py), where the command finds it
    admin = svc.operators.create_first_admin("admin", "admin-pw1")
    svc.site.add_gateway(admin, name="G1", kind="modbus-tcp", host="127.0.0.1", port=1502)
    svc.site.add_meter(admin, gateway="G1", address=1, model="DDSY1352", room="A-101")
    svc.close()
    env = {**os.environ, "ACREL_PASSWORD": "admin-pw1"}
    proc = subprocess.run([sys.executable, "-c", LOADED, "--db", url, "--user", "admin", "--json", "meter", "list"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["code"] == 0 and result["rows"] == 1
    loaded = [m for m in result["modules"] if any(m == n or m.startswith(n + ".") for n in NOT_NEEDED)]
    assert loaded == []


def test_each_command_registers_only_its_own_group() -> None:
    from acrel_console import cli

    every = cli.build_parser()
    commands = next(a for a in every._actions if a.dest == "command").choices
    assert set(commands) == set(cli.COMMAND_GROUPS)  # every command is mapped to its group, nothing else
    for command, group in cli.COMMAND_GROUPS.items():
        own = next(a for a in cli.build_parser(command)._actions if a.dest == "command").choices
        assert command in own and {cli.COMMAND_GROUPS[c] for c in own} == {group}
    assert cli.command_word(["--db", "sqlite:///x", "--json", "--user=a", "meter", "list"]) == "meter"
    assert cli.command_word(["--json"]) is None

"""The foundation CLI contract, run as a real subprocess of the installed entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).with_name("acrel-console")


def run(args: list[str], env: dict[str, str], ok: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(EXE), *args], env=env, capture_output=True, text=True, timeout=120)
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    e = dict(os.environ)
    e.update(ACREL_DATA_DIR=str(tmp_path / "data"), ACREL_PASSWORD="admin-pw1", ACREL_LANG="en")
    e.pop("ACREL_DB", None)
    return e


def test_contract_end_to_end(env: dict[str, str], tmp_path: Path) -> None:
    run(["init", "--admin", "admin"], env)
    assert (tmp_path / "data" / "acrel-console.sqlite3").exists()  # the default embedded database
    run(["--user", "admin", "building", "add", "A栋", "--floor", "1-3"], env)
    run(["--user", "admin", "gateway", "add", "--name", "G1", "--tcp", "127.0.0.1:1502", "--mode", "rtu-over-tcp",
         "--timeout-ms", "300", "--retries", "0"], env)
    run(["gateway", "add", "--name", "S1", "--serial", "/dev/ttyUSB0", "--baud", "9600", "--parity", "E",
         "--stopbits", "1", "--user", "admin"], env)  # global option after the command
    run(["--user", "admin", "meter", "add", "--gateway", "G1", "--address", "3", "--model", "DDSY1352", "--room",
         "A-101", "--building", "A栋"], env)
    meters = json.loads(run(["--json", "--user", "admin", "meter", "list"], env).stdout)
    assert len(meters) == 1
    m = meters[0]
    for key in ("id", "gateway", "address", "model", "room", "status", "remaining_fen", "energy_kwh", "relay",
                "keep_power", "purchase_count", "last_seen"):
        assert key in m
    assert m["status"] == "offline" and m["remaining_fen"] is None
    gws = json.loads(run(["--user", "admin", "gateway", "list", "--json"], env).stdout)
    assert {g["name"] for g in gws} == {"G1", "S1"}
    env2 = dict(env, ACREL_NEW_PASSWORD="cashier-pw")
    run(["--user", "admin", "operator", "add", "cash", "--role", "cashier"], env2)
    denied = run(["--user", "cash", "building", "add", "X"], dict(env, ACREL_PASSWORD="cashier-pw"), ok=False)
    assert denied.returncode != 0 and "may not do this" in denied.stderr and denied.stdout == ""
    dup = run(["--user", "admin", "meter", "add", "--gateway", "G1", "--address", "3", "--model", "DDSY1352",
               "--room", "A-102"], env, ok=False)
    assert dup.returncode != 0 and "already used" in dup.stderr
    verify = json.loads(run(["--json", "--user", "admin", "audit", "verify"], env).stdout)
    assert verify["ok"] is True
    log = json.loads(run(["--json", "--user", "admin", "audit", "list", "--kind", "meter"], env).stdout)
    assert [e["kind"] for e in log] == ["meter.add"]


def test_errors_translated_to_chinese(env: dict[str, str]) -> None:
    run(["init", "--admin", "admin"], env)
    proc = run(["--user", "admin", "meter", "add", "--gateway", "nope", "--address", "1", "--model", "DDSY1352",
                "--room", "x"], dict(env, ACREL_LANG="zh_CN"), ok=False)
    assert proc.returncode == 2
    qm = Path(__file__).resolve().parent.parent / "resources" / "translations" / "acrel_zh_CN.qm"
    if qm.exists():
        assert "nope" in proc.stderr and "No gateway" not in proc.stderr


def test_audit_verify_names_broken_row(env: dict[str, str], tmp_path: Path) -> None:
    import sqlite3

    run(["init", "--admin", "admin"], env)
    run(["--user", "admin", "building", "add", "B1"], env)
    db = sqlite3.connect(tmp_path / "data" / "acrel-console.sqlite3")
    db.execute("UPDATE audit_log SET reason = 'x' WHERE id = 2")
    db.commit()
    db.close()
    proc = run(["--user", "admin", "audit", "verify"], env, ok=False)
    assert proc.returncode == 1 and "row 2" in proc.stdout


def test_no_user_is_a_clear_error(env: dict[str, str]) -> None:
    run(["init"], env)  # a database to refuse the command on (a missing one is refused first)
    proc = run(["building", "list"], env, ok=False)
    assert proc.returncode == 2 and "--user" in proc.stderr


def test_unreachable_database_is_one_clear_line(env: dict[str, str]) -> None:
    proc = run(["--db", "postgresql+psycopg://nobody:x@127.0.0.1:1/none", "--user", "admin", "meter", "list"], env,
               ok=False)
    assert proc.returncode == 2 and proc.stderr.startswith("acrel-console: The database cannot be reached")
    assert "Traceback" not in proc.stderr


def test_init_writes_a_private_site_key_once(env: dict[str, str], tmp_path: Path) -> None:
    out = json.loads(run(["--json", "init", "--admin", "admin"], env).stdout)
    key = Path(out["site_key"])
    assert out["site_key_created"] and key.exists() and (key.stat().st_mode & 0o077) == 0
    assert len(bytes.fromhex(key.read_text().strip())) == 16
    again = json.loads(run(["--json", "init"], env).stdout)
    assert again["site_key_created"] is False and key.read_text() == key.read_text()


def test_cli_in_process_creates_no_qt_application(tmp_path: Path) -> None:
    """A stray QCoreApplication would make every later QWidget abort the test process. Checked in a fresh
    interpreter: a test process may already hold the suite's QApplication (it skipped then, under xdist)."""
    code = ("import sys\n"
            "from PySide6.QtCore import QCoreApplication\n"
            "from acrel_console.cli import main\n"
            "rc = main(['--user', 'nobody', 'building', 'list'])\n"
            "sys.exit(0 if rc == 2 and QCoreApplication.instance() is None else 1)\n")
    env = {**os.environ, "ACREL_LANG": "zh_CN", "ACREL_DATA_DIR": str(tmp_path / "data")}
    env.pop("ACREL_DB", None)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() and "nobody" not in done.stdout  # an error, translated, on stderr

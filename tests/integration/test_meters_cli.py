"""`acrel-console poll --once`, `control`, `serve` and `demo --no-gui` against the simulator."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from acrel_console.cli import main
from acrel_console.drivers.simulator.faults import Fault
from acrel_console.drivers.simulator.meter import Model
from tests.integration.sim_site import ADMIN_PASSWORD, SimSite, make_site, meters


@pytest.fixture(autouse=True)
def _no_qt_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """An error exit would create a QCoreApplication to translate the message; later widget tests in
    the same process then abort (a QCoreApplication is not a QApplication). English is enough here."""
    from acrel_console.cli import common
    from acrel_console.domain.errors import UserError

    monkeypatch.setattr(common, "_setup_translation", lambda: UserError.english)
    monkeypatch.setenv("ACREL_PASSWORD", ADMIN_PASSWORD)  # poll and serve sign in as a named operator


@pytest.fixture
def site(sqlite_url: str) -> Iterator[SimSite]:
    s = make_site(sqlite_url)
    yield s
    s.close()


def test_poll_once_exits_zero_with_offline_meters(site: SimSite, sqlite_url: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    bus = site.add_bus("A", "rtu-over-tcp", meters(Model.DDSY1352, range(1, 4)))
    bus.inject(2, Fault.SILENCE)
    site.add_bus("B", "modbus-tcp", meters(Model.DTSY1352, [1]))
    assert main(["--db", sqlite_url, "--user", "admin", "poll", "--once", "--json"]) == 0
    rows = {r["gateway"]: r for r in json.loads(capsys.readouterr().out)}
    assert (rows["A"]["ok"], rows["A"]["failed"], rows["B"]["ok"]) == (2, 1, 1)
    assert main(["--db", sqlite_url, "--user", "admin", "poll", "--once", "--gateway", "B", "--json"]) == 0
    assert [r["gateway"] for r in json.loads(capsys.readouterr().out)] == ["B"]
    assert main(["--db", sqlite_url, "--user", "admin", "poll", "--once", "--gateway", "nope"]) == 2


def test_poll_once_fails_when_nothing_could_run(site: SimSite, sqlite_url: str) -> None:
    site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1]))
    site.servers[0].stop()
    assert main(["--db", sqlite_url, "--user", "admin", "poll", "--once"]) == 1


def test_control_returns_after_read_back(site: SimSite, sqlite_url: str, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    bus = site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1, 2]))
    bus.inject(2, Fault.SILENCE)
    monkeypatch.setenv("ACREL_PASSWORD", ADMIN_PASSWORD)
    base = ["--db", sqlite_url, "--user", "admin"]
    assert main([*base, "control", "A/1", "trip", "--reason", "unpaid", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["outcome"] == "confirmed" and not any(bus.meter(1).relay_closed)
    assert main([*base, "control", str(site.meter_ids[("A", 1)]), "restore-prepaid"]) == 0
    assert all(bus.meter(1).relay_closed)
    capsys.readouterr()
    assert main([*base, "control", "A/2", "keep-power"]) == 1
    assert "no_reply" in capsys.readouterr().out


def _spawn(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "acrel_console", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env)


def _read_until(proc: subprocess.Popen[str], marker: str) -> list[str]:
    lines = []
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line)
        if marker in line:
            return lines
    raise AssertionError("".join(lines))


def test_serve_holds_the_lease_and_stops_cleanly_on_sigterm(site: SimSite, sqlite_url: str) -> None:
    site.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1]))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = _spawn(["--db", sqlite_url, "--user", "admin", "serve"], env)
    try:
        _read_until(proc, "serving:")
        assert main(["--db", sqlite_url, "--user", "admin", "poll", "--once"]) == 2  # the service polls; a second poller may not
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=60)
        assert proc.returncode == 0 and "stopped" in out
    finally:
        if proc.poll() is None:
            proc.kill()


def test_demo_no_gui_runs_headless_until_interrupted(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ACREL_DATA_DIR": str(tmp_path)}
    proc = _spawn(["--db", db, "demo", "--no-gui"], env)
    try:
        lines = _read_until(proc, "demo:")
        assert any(line.startswith("GW-A: 127.0.0.1:") for line in lines)
        assert "212 meters" in lines[-1]
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=60)
        assert proc.returncode == 0
    finally:
        if proc.poll() is None:
            proc.kill()


def test_gateway_add_local_echo_and_health_reconnects(sqlite_url: str, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 12: `gateway add --local-echo`; `gateway list --json` carries the reconnect count."""
    site = make_site(sqlite_url)
    try:
        monkeypatch.setenv("ACREL_PASSWORD", ADMIN_PASSWORD)
        base = ["--db", sqlite_url, "--user", "admin"]
        assert main([*base, "gateway", "add", "--name", "E1", "--tcp", "127.0.0.1:4999", "--mode", "rtu-over-tcp",
                     "--local-echo"]) == 0
        assert "local echo" in capsys.readouterr().out
        assert main([*base, "--json", "gateway", "list"]) == 0
        [gw] = [g for g in json.loads(capsys.readouterr().out) if g["name"] == "E1"]
        assert gw["local_echo"] is True and gw["health"]["reconnects"] == 0
    finally:
        site.close()

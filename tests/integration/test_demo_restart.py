"""The demo started twice in a row, headless, as `scripts/demo.sh` starts it: every demo role signs in, the
simulated meters keep what they held (a sale delivered in the first run is still on its meter in the
second), tenants are not opened again, and `demo --reset` starts over. Real processes, real Modbus on
loopback, the real SQLite file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from acrel_console.domain.errors import NotFound
from acrel_console.services.demo_site import DEMO_OPERATORS

pytestmark = pytest.mark.slow
READY = "demo operators:"


class Demo:
    """`acrel-console demo --no-gui --no-pty` in its own process group, stopped with Ctrl-C (SIGINT)."""

    def __init__(self, data: Path, *extra: str) -> None:
        env = {**os.environ, "ACREL_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
        args = [a for a in extra if a != "--gui"] if "--gui" in extra else ["--no-gui", *extra]
        self.proc = subprocess.Popen([sys.executable, "-m", "acrel_console", "demo", "--no-pty", *args],
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     start_new_session=True)
        self.lines: list[str] = []
        deadline = time.monotonic() + 90
        assert self.proc.stdout is not None
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            self.lines.append(line)
            if line.startswith(READY):
                return
        self.stop()
        raise AssertionError("the demo did not start:\n" + "".join(self.lines))

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        assert self.proc.returncode == 0, "".join(self.lines) + (self.proc.stdout.read() if self.proc.stdout else "")


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "demo-data"
    monkeypatch.setenv("ACREL_DATA_DIR", str(folder))  # this process reads the demo's site key from there
    yield folder


def _services(data: Path):  # type: ignore[no-untyped-def]
    from acrel_console.app import build_services

    return build_services(f"sqlite:///{data / 'demo.sqlite3'}")


def _wait(check, what: str, timeout_s: float = 180.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


def _read_remaining(demo: Demo, gateway: str, address: int, model: str) -> int:
    """The meter's remaining amount read over Modbus at the endpoint the demo printed (not the console's view)."""
    from acrel_console.drivers.api import BusConfig
    from acrel_console.drivers.bus import open_bus

    endpoint = next(line.split(": ", 1)[1].strip() for line in demo.lines if line.startswith(f"{gateway}: "))
    host, port = endpoint.rsplit(":", 1)
    kind = "modbus-tcp" if gateway == "GW-A" else "rtu-over-tcp"
    bus = open_bus(BusConfig(gateway, kind, host=host, port=int(port), timeout_ms=1000))
    try:
        remaining = bus.read_realtime(address, model).remaining_fen
    finally:
        bus.close()
    assert remaining is not None
    return int(remaining)


def _integrity_ok(svc) -> None:  # type: ignore[no-untyped-def]
    """The start-up integrity check (ledger against the meters' readings, the log) is green."""
    from acrel_console.services.integrity import check_integrity

    report = _wait(lambda: (r := check_integrity(svc.ctx)).ok and r, "integrity OK", 120.0)
    assert report.ok


def test_demo_twice_keeps_meters_and_tenants_and_every_role_signs_in(data: Path) -> None:
    first = Demo(data)
    try:
        svc = _services(data)
        actors = {name: svc.operators.login(name, password) for name, password, _role in DEMO_OPERATORS}
        assert {a.role for a in actors.values()} == {role for _n, _p, role in DEMO_OPERATORS}
        admin, cashier = actors["admin"], actors["cashier"]
        opened = {a.account_id for a in svc.accounts.list_accounts(admin)}
        meter = _wait(lambda: next((m for m in svc.meters.list_live(admin) if m.status in ("opened", "alarm1")
                                    and m.model == "DDSY1352" and m.remaining_fen is not None), None),
                      "the first sweep")  # the demo announces itself before its first sweep ends
        sale = svc.vending.sell(cashier, meter.meter_id, "50", "cash")
        _wait(lambda: svc.vending.delivery(admin, sale.command_id).state == "delivered", "the sale's delivery")
        before = _read_remaining(first, meter.gateway, meter.address, meter.model)
        _integrity_ok(svc)
        svc.close()
    finally:
        first.stop()
    assert (data / "demo-meters.json").exists()

    second = Demo(data)
    try:
        svc = _services(data)
        for name, password, _role in DEMO_OPERATORS:
            svc.operators.login(name, password)
        admin = svc.operators.login("admin", "admin123")
        assert {a.account_id for a in svc.accounts.list_accounts(admin)} == opened  # nobody opened again
        after = _read_remaining(second, meter.gateway, meter.address, meter.model)
        # The meter kept the 50 yuan it was sold (it only loses what it used since, a few fen at most).
        assert 0 <= before - after < 500, (before, after)
        _integrity_ok(svc)  # the meters and the ledger still agree after the restart (balances taken over once)
        svc.close()
    finally:
        second.stop()

    third = Demo(data, "--reset")
    try:
        assert any("reset" in line for line in third.lines)
        svc = _services(data)
        admin = svc.operators.login("admin", "admin123")
        with pytest.raises(NotFound):  # a new database: the old sale is gone
            svc.vending.delivery(admin, sale.command_id)
        svc.close()
    finally:
        third.stop()


def test_ctrl_c_at_the_sign_in_window_stops_the_demo_cleanly(data: Path) -> None:
    """The demo's window (offscreen) waiting at sign-in; Ctrl-C in its terminal ends it with exit 0 and no
    traceback (it used to raise KeyboardInterrupt inside a Qt callback) and saves the meters."""
    demo = Demo(data, "--gui")
    time.sleep(2)  # the sign-in window is up
    demo.stop()
    rest = demo.proc.stdout.read() if demo.proc.stdout else ""
    assert "Traceback" not in "".join(demo.lines) + rest
    assert (data / "demo-meters.json").exists()

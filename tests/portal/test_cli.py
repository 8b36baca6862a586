"""The portal's commands: `account set-pin` (PIN from ACREL_NEW_PIN or generated, the slip printed, bad input
refused with a clear message), `portal` serving on its port, and `serve` starting the portal when the site
enables it in Settings (real processes, real HTTP, stopped by signals)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from acrel_console.cli import main
from acrel_console.services import passwords
from acrel_console.services.tenant_portal import TenantPortalService
from tests.ledger.helpers import SITE_KEY, make_world


@pytest.fixture(autouse=True)
def _no_qt_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Error messages in English without creating a QCoreApplication (see tests/integration/test_meters_cli.py)."""
    from acrel_console.cli import common
    from acrel_console.domain.errors import UserError

    monkeypatch.setattr(common, "_setup_translation", lambda: UserError.english)
    monkeypatch.setenv("ACREL_SITE_KEY", SITE_KEY.hex())  # the site's key, as make_world signs with it


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _site(url: str) -> tuple[str, str]:
    """A site with cashier cash1 (password secret1) and one tenant; (account no., db url)."""
    w = make_world(url, n_meters=1)
    no = w.accounts.open_account(w.cashier, "王五", "B-201", [w.meters[0]]).account_no
    w.svc.close()
    return no, url


def test_set_pin_prints_the_slip_and_the_pin_works(sqlite_url: str, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(passwords, "_N", 2**4)
    no, url = _site(sqlite_url)
    base = ["--db", url, "--user", "cash1"]
    monkeypatch.setenv("ACREL_PASSWORD", "secret1")
    monkeypatch.delenv("ACREL_NEW_PIN", raising=False)
    assert main([*base, "account", "set-pin", no]) == 2
    assert "ACREL_NEW_PIN" in capsys.readouterr().err
    monkeypatch.setenv("ACREL_NEW_PIN", "123456")
    assert main([*base, "account", "set-pin", no]) == 2
    assert "too easy to guess" in capsys.readouterr().err
    monkeypatch.setenv("ACREL_NEW_PIN", "582046")
    assert main([*base, "account", "set-pin", no]) == 0
    slip = capsys.readouterr().out
    assert all(x in slip for x in (no, "王五", "B-201", "PIN: 582046", "Operator: cash1", "change the PIN"))
    assert main([*base, "--json", "account", "set-pin", "999999", "--generate"]) == 2
    capsys.readouterr()
    assert main([*base, "--json", "account", "set-pin", no, "--generate"]) == 0
    generated = json.loads(capsys.readouterr().out)["pin"]
    assert len(generated) == 6 and generated.isdigit() and generated != "582046"
    from acrel_console.app import build_services

    svc = build_services(url)
    try:
        assert TenantPortalService(svc.ctx).login(no, generated).principal.account_no == no
    finally:
        svc.close()


def _spawn(args: list[str]) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ACREL_PASSWORD": "secret1"}  # serve signs in
    return subprocess.Popen([sys.executable, "-m", "acrel_console", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env)


def _read_until(proc: subprocess.Popen[str], marker: str) -> str:
    assert proc.stdout is not None
    lines = []
    for line in proc.stdout:
        lines.append(line)
        if marker in line:
            return line
    raise AssertionError("".join(lines))


def _get(url: str) -> tuple[int, str]:
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.status, r.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _stop(proc: subprocess.Popen[str], sig: int) -> int:
    proc.send_signal(sig)
    try:
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    return proc.returncode


def test_portal_command_serves_until_interrupted(sqlite_url: str) -> None:
    _site(sqlite_url)
    port = _free_port()
    proc = _spawn(["--db", sqlite_url, "portal", "--port", str(port)])
    try:
        assert f"http://127.0.0.1:{port}/" in _read_until(proc, "tenant portal:")
        status, html = _get(f"http://127.0.0.1:{port}/login?lang=zh_CN")
        assert status == 200 and "用户查询系统" in html
    finally:
        assert _stop(proc, signal.SIGINT) == 0


def test_serve_starts_the_portal_when_the_site_enables_it(sqlite_url: str) -> None:
    from acrel_console.app import build_services
    from acrel_console.services.base import Actor

    _site(sqlite_url)
    port = _free_port()
    svc = build_services(sqlite_url)
    svc.settings.update(Actor.system(), {"portal_enabled": True, "portal_port": port})
    svc.close()
    proc = _spawn(["--db", sqlite_url, "--user", "admin", "serve"])
    try:
        assert f"127.0.0.1:{port}" in _read_until(proc, "tenant portal:")
        status, _html = _get(f"http://127.0.0.1:{port}/login")
        assert status == 200
    finally:
        assert _stop(proc, signal.SIGTERM) == 0

"""`serve` and `poll` run as a named service operator (issue 11): without a sign-in, or as an operator
without the run-service right, they stop with one line; the 'service' role polls and serves (its password
from a credential file, as systemd and NSSM hand it over), every start is logged under its name, and it
may not sell or configure."""

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
from acrel_console.domain.errors import PermissionDenied
from acrel_console.drivers.simulator.meter import Model
from tests.integration.sim_site import SimSite, make_site, meters
from tests.integration.test_meters_cli import _read_until, _spawn

SERVICE_PASSWORD = "svc-Pa55word-long"


@pytest.fixture
def site(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[SimSite]:
    from acrel_console.cli import common
    from acrel_console.domain.errors import UserError

    monkeypatch.setattr(common, "_setup_translation", lambda: UserError.english)  # no Qt in this process
    monkeypatch.delenv("ACREL_PASSWORD", raising=False)
    monkeypatch.delenv("ACREL_USER", raising=False)
    s = make_site(sqlite_url)
    s.add_bus("A", "modbus-tcp", meters(Model.DDSY1352, [1, 2]))
    s.svc.operators.add(s.admin, "acrel-service", "service", SERVICE_PASSWORD)
    s.svc.operators.add(s.admin, "cash1", "cashier", SERVICE_PASSWORD)
    yield s
    s.close()


def test_poll_needs_a_sign_in(site: SimSite, sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", sqlite_url, "poll", "--once"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "needs --user" in err


def test_poll_refuses_an_operator_without_the_right(site: SimSite, sqlite_url: str,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACREL_PASSWORD", SERVICE_PASSWORD)
    assert main(["--db", sqlite_url, "--user", "cash1", "poll", "--once"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "run_service" in err


def test_service_operator_polls_with_a_credential_file(site: SimSite, sqlite_url: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "service.password"
    secret.write_text(SERVICE_PASSWORD + "\n")
    monkeypatch.setenv("ACREL_USER", "acrel-service")
    monkeypatch.setenv("ACREL_PASSWORD_FILE", str(secret))
    assert main(["--db", sqlite_url, "--json", "poll", "--once"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["ok"] == 2
    starts = [e for e in site.svc.audit.list(site.admin, kind="service.start")]
    assert [(e.operator, e.target) for e in starts] == [("acrel-service", "poll")]
    monkeypatch.setenv("ACREL_PASSWORD_FILE", str(tmp_path / "missing"))
    assert main(["--db", sqlite_url, "poll", "--once"]) == 2
    assert "Cannot read the password file" in capsys.readouterr().err


def test_the_service_role_may_not_sell_or_configure(site: SimSite) -> None:
    me = site.svc.operators.login("acrel-service", SERVICE_PASSWORD)
    with pytest.raises(PermissionDenied):
        site.svc.vending.sell(me, site.meter_ids[("A", 1)], "10", "cash")
    with pytest.raises(PermissionDenied):
        site.svc.site.add_building(me, "X")


def test_serve_runs_as_the_service_operator(site: SimSite, sqlite_url: str, tmp_path: Path) -> None:
    secret = tmp_path / "service.password"
    secret.write_text(SERVICE_PASSWORD + "\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ACREL_LANG": "en"}
    env.pop("ACREL_PASSWORD", None)
    bare = subprocess.run([sys.executable, "-m", "acrel_console", "--db", sqlite_url, "serve"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert bare.returncode == 2 and bare.stderr.count("\n") == 1 and "needs --user" in bare.stderr
    proc = _spawn(["--db", sqlite_url, "serve", "--user", "acrel-service", "--password-file", str(secret)], env)
    try:
        _read_until(proc, "serving:")
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=60)
        assert proc.returncode == 0 and "stopped" in out
    finally:
        if proc.poll() is None:
            proc.kill()
    starts = site.svc.audit.list(site.admin, kind="service.start")
    assert [(e.operator, e.target) for e in starts] == [("acrel-service", "serve")]

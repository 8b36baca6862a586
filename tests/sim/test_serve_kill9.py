"""Real crash test: `acrel-console serve` is killed with SIGKILL at random points while sales stream in
(at least 20 times), restarted, and at the end every sale is on its meter exactly once and the ledger
invariants hold. Slow (a process start per round): runs with ACREL_CRASH_TEST=1."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from acrel_console.app import build_services
from acrel_console.drivers.simulator import SimBus, SimMeter, start_tcp
from acrel_console.ledger import book
from acrel_console.services import passwords
from acrel_console.services.accounts import AccountService
from acrel_console.services.base import Actor
from acrel_console.services.vending import VendingService
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.readings import SiteLeaseRow
from tests.ledger.helpers import SITE_KEY

ROUNDS = int(os.environ.get("ACREL_CRASH_ROUNDS", "20"))
pytestmark = pytest.mark.skipif(os.environ.get("ACREL_CRASH_TEST") != "1",
                                reason="slow real-process crash test: set ACREL_CRASH_TEST=1")


def _serve(url: str, env: dict[str, str]) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-m", "acrel_console", "serve", "--db", url, "--user", "admin"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.startswith("serving"):
            return proc
        if not line and proc.poll() is not None:
            break
    proc.kill()
    raise AssertionError("serve did not start")


@pytest.mark.timeout(1200)
def test_kill_serve_during_sales(tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("ACREL_CRASH_SEED", "4")))
    sim = SimBus([SimMeter(address=a, remaining_fen=0, load_w=0) for a in (1, 2, 3)])
    with start_tcp(sim, mode="modbus-tcp") as srv:
        url = f"sqlite:///{tmp_path / 'crash.sqlite3'}"
        svc = build_services(url)
        svc.ctx.site_key = SITE_KEY
        saved, passwords._N = passwords._N, 2**4
        admin = svc.operators.create_first_admin("admin", "secret1")
        passwords._N = saved
        svc.site.add_gateway(admin, name="g1", kind="modbus-tcp", host="127.0.0.1", port=srv.port, timeout_ms=300)
        meters = [svc.site.add_meter(admin, gateway="g1", address=a, model="DDSY1352", room=f"R{a}").id
                  for a in (1, 2, 3)]
        AccountService(svc.ctx).open_account(admin, "Crash", "C", meters)
        vending = VendingService(svc.ctx)
        env = {**os.environ, "ACREL_SITE_KEY": SITE_KEY.hex(), "ACREL_DATA_DIR": str(tmp_path / "data"),
               "ACREL_PASSWORD": "secret1"}
        cashier = Actor(admin.id, admin.name, admin.role)
        sold: dict[int, int] = {m: 0 for m in meters}
        for _round in range(ROUNDS):
            with svc.ctx.transaction() as s:  # the killed process's lease would expire in 30 s: fast-forward
                s.execute(update(SiteLeaseRow).values(expires_at=datetime.now(timezone.utc) - timedelta(seconds=1)))
            proc = _serve(url, env)
            for _ in range(rng.randint(1, 4)):
                m = rng.choice(meters)
                fen = rng.randint(1, 9999)
                vending.sell(cashier, m, f"{fen / 100:.2f}", "cash")
                sold[m] += fen
                time.sleep(rng.random() * 0.3)
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
        with svc.ctx.transaction() as s:
            s.execute(update(SiteLeaseRow).values(expires_at=datetime.now(timezone.utc) - timedelta(seconds=1)))
        proc = _serve(url, env)
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                with svc.ctx.read() as s:
                    left = s.execute(select(func.count()).where(MeterCommandRow.kind == book.CREDIT_KIND,
                                                                MeterCommandRow.state.in_(book.OUTSTANDING))).scalar()
                if not left:
                    break
                time.sleep(0.5)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(30)
        assert not left, f"{left} deliveries still outstanding"
        for i, m in enumerate(meters):
            assert sim.meter(i + 1).remaining_fen == sold[m], (m, sim.meter(i + 1).remaining_fen, sold[m])
        assert vending.check_ledger(admin) == []
        svc.close()

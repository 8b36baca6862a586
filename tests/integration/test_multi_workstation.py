"""A multi-workstation site end to end on a real PostgreSQL server: one `acrel-console serve` process, the
simulator on loopback, two workstations (CLI processes, and services in this process with no poller) whose
commands the service executes; a second `serve` stands by (one dispatcher per site, the lease) and takes over
when the first stops; each workstation reads the service's lease and bus health.

The database outage tests stop and start PostgreSQL, so they run on a THROWAWAY cluster this module creates
with initdb/pg_ctl in a temporary directory on a free port (as the `postgres` user when run as root); never
on the shared cluster. Skipped, with the reason shown, without ACREL_TEST_PG_URL (the suite's sign that a
PostgreSQL server is available) or without initdb/pg_ctl.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from acrel_console.drivers.simulator import Fault, runner
from acrel_console.drivers.simulator.bus import SimBus
from acrel_console.drivers.simulator.meter import Model, SimMeter

PASSWORD = "site-secret-1"
SITE_KEY = "0123456789ABCDEFFEDCBA9876543210"
WAIT_S = 90.0  # upper bound for anything the service must do (lease ttl 30 s + heartbeat 10 s + a sweep)


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for cand in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(cand)
    return None


def _skip_reason() -> str | None:
    if not os.environ.get("ACREL_TEST_PG_URL"):
        return "multi-workstation tests need PostgreSQL: set ACREL_TEST_PG_URL (scripts/test.sh does)"
    if not (_pg_bin("initdb") and _pg_bin("pg_ctl")):
        return "multi-workstation tests need initdb and pg_ctl for a throwaway cluster"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return "running as root: need runuser to start the throwaway cluster as the postgres user"
    return None


pytestmark = [pytest.mark.postgres, pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or "")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """A private PostgreSQL cluster (trust auth on 127.0.0.1) that tests may stop and start."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="acrel-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        self._pg(_pg_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                 "--no-sync")
        self.start()

    def _pg(self, *cmd: Any) -> None:
        argv = [str(c) for c in cmd]
        if self.as_postgres:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        subprocess.run(argv, check=True, capture_output=True, text=True, timeout=120)

    def start(self) -> None:
        self._pg(_pg_bin("pg_ctl"), "-D", self.data, "-l", self.dir / "server.log", "-w", "-t", "60", "-o",
                 f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off", "start")

    def stop(self) -> None:
        self._pg(_pg_bin("pg_ctl"), "-D", self.data, "-w", "-t", "60", "-m", "fast", "stop")

    def url(self, db: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{db}"

    def create_db(self, name: str) -> str:
        from sqlalchemy import create_engine, text

        engine = create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return self.url(name)

    def destroy(self) -> None:
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    c = Cluster()
    yield c
    c.destroy()


class Proc:
    """A long-running CLI process whose output lines are collected by a thread."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.p = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  bufsize=1)
        self.lines: list[str] = []
        self._eof = False  # the process closed its output (exited)
        self._cv = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.p.stdout is not None
        for line in self.p.stdout:
            with self._cv:
                self.lines.append(line.rstrip("\n"))
                self._cv.notify_all()
        with self._cv:
            self._eof = True
            self._cv.notify_all()

    def wait_for(self, pattern: str, after: int = 0, timeout: float = WAIT_S) -> str:
        """The first output line (from index `after`) matching `pattern`; fails after `timeout`."""
        rx = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._cv:
            while True:
                for line in self.lines[after:]:
                    if rx.search(line):
                        return line
                left = deadline - time.monotonic()
                if left <= 0 or self._eof:
                    pytest.fail(f"no line matching {pattern!r} (exit {self.p.poll()}):\n" + self.text())
                self._cv.wait(min(left, 0.5))

    def text(self) -> str:
        with self._cv:
            return "\n".join(self.lines[-60:])

    @property
    def alive(self) -> bool:
        return self.p.poll() is None

    def stop(self) -> int:
        if self.alive:
            self.p.terminate()
        try:
            return self.p.wait(45)
        except subprocess.TimeoutExpired:
            self.p.kill()
            return self.p.wait(10)


class Site:
    """The site: database URL, simulator, CLI runner, in-process workstation services."""

    def __init__(self, url: str, home: Path) -> None:
        self.url = url
        self.home = home
        self.bus = SimBus([SimMeter(address=a, model=Model.DDSY1352, remaining_fen=0) for a in (1, 2, 3)],
                          name="GW1", reply_latency_s=0.0)
        self.server = runner.start_tcp(self.bus, mode="modbus-tcp")
        self.procs: list[Proc] = []
        self.meter_ids: dict[int, int] = {}

    def env(self, who: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ACREL_")}
        (self.home / who).mkdir(parents=True, exist_ok=True)
        env.update(ACREL_DATA_DIR=str(self.home / who), ACREL_DB=self.url, ACREL_PASSWORD=PASSWORD,
                   ACREL_NEW_PASSWORD=PASSWORD, ACREL_SITE_KEY=SITE_KEY, ACREL_LANG="en",
                   QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
        return env

    def cli(self, who: str, *args: str, user: str | None = None, ok: bool = True,
            timeout: float = 180) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "acrel_console", *(["--user", user] if user else []), *args]
        proc = subprocess.run(argv, env=self.env(who), capture_output=True, text=True, timeout=timeout)
        if ok:
            assert proc.returncode == 0, f"{args}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
        return proc

    def cli_json(self, who: str, *args: str, user: str | None = None) -> Any:
        return json.loads(self.cli(who, "--json", *args, user=user).stdout)

    def serve(self, who: str) -> Proc:
        p = Proc([sys.executable, "-m", "acrel_console", "--user", "admin", "serve"], self.env(who))
        self.procs.append(p)
        return p

    def setup(self) -> None:
        """The site as an administrator configures it (through the services, in this process)."""
        ws = self.workstation()
        try:
            admin = ws.operators.create_first_admin("admin", PASSWORD)
            for name, role in (("ops1", "operator"), ("cash1", "cashier"), ("cash2", "cashier")):
                ws.operators.add(admin, name, role, PASSWORD)
            ws.site.add_gateway(admin, name="GW1", kind="modbus-tcp", host="127.0.0.1", port=self.server.port,
                                timeout_ms=300, retries=0)
            for a in (1, 2, 3):
                m = ws.site.add_meter(admin, gateway="GW1", address=a, model="DDSY1352", room=f"A-10{a}")
                self.meter_ids[a] = int(m.id)
            # Sweep every 10 s (the minimum) so that a waiting delivery is retried soon after the meter answers.
            ws.settings.update(admin, {"status_interval_s": 10})
        finally:
            ws.close()

    def workstation(self) -> Any:
        """Services in this process, as a GUI workstation has them (no poller, no dispatcher)."""
        from acrel_console.app import build_services

        svc = build_services(self.url)
        svc.ctx.site_key = bytes.fromhex(SITE_KEY)
        return svc

    def close(self) -> None:
        for p in self.procs:
            p.stop()
        self.server.stop()


@pytest.fixture
def site(cluster: Cluster, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Site]:
    name = re.sub(r"[^a-z0-9]", "_", request.node.name.lower())[:40]
    s = Site(cluster.create_db(name), tmp_path)
    s.setup()
    yield s
    s.close()


def _lease(ws: Any) -> Any:
    from acrel_console.services.lease import LeaseService

    admin = ws.operators.login("admin", PASSWORD)
    return LeaseService(ws.ctx).current(admin)


def _wait(cond: Any, what: str, timeout: float = WAIT_S, proc: Proc | None = None) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = cond()
        except Exception as exc:  # noqa: BLE001 - e.g. the database is still coming back
            value, last = None, exc
        else:
            last = None
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}" + (f" (last error: {last})" if last else "")
                        + (f"\nserve output:\n{proc.text()}" if proc else ""))
        time.sleep(0.2)


# --- the site -------------------------------------------------------------------------------------------


def test_two_workstations_queue_commands_the_one_service_executes(site: Site) -> None:
    m1, m2 = site.meter_ids[1], site.meter_ids[2]
    serve = site.serve("server")
    serve.wait_for(r"^serving: 1 gateway")
    ws = site.workstation()
    try:
        # Each workstation sees who runs the site and the last sweep of the bus.
        lease = _wait(lambda: _lease(ws), "the lease")
        assert lease.active and lease.pid == serve.p.pid
        admin = ws.operators.login("admin", PASSWORD)
        health = _wait(lambda: [h for h in ws.bus_health.list(admin) if h.last_sweep_at is not None],
                       "a first sweep")
        assert health[0].gateway == "GW1" and health[0].connected and health[0].meters_total == 3
        gw = site.cli_json("ws2", "gateway", "list", user="cash1")
        assert gw[0]["health"]["last_sweep_at"] is not None

        # Workstation 1 (operator, CLI): keep power on meter 1 (no credit, so its relay starts open), then
        # restore prepaid mode; the service executes each and confirms it by read-back.
        assert site.bus.meter(1).relay_closed[0] is False
        out = site.cli_json("ws1", "control", str(m1), "keep-power", "--reason", "test", user="ops1")
        assert out["state"] == "delivered" and out["outcome"] == "confirmed", out
        assert site.bus.meter(1).relay_closed[0] is True
        out = site.cli_json("ws1", "control", str(m1), "restore-prepaid", "--reason", "test", user="ops1")
        assert out["outcome"] == "confirmed", out
        assert site.bus.meter(1).relay_closed[0] is False

        # Workstation 2 (cashier, CLI): open an account and sell; the service delivers the credit.
        site.cli("ws2", "account", "open", "--name", "Zhang San", "--room", "A-102", "--meter", str(m2),
                 user="cash1")
        sale = site.cli_json("ws2", "sell", "--meter", str(m2), "--amount", "88.80", "--wait", "60", user="cash1")
        assert sale["delivery"]["state"] == "delivered", sale
        assert site.bus.meter(2).remaining_fen == 8880 and site.bus.meter(2).purchase_count == 1

        # Workstation 3 (services in-process, as the GUI): a sale queued here is delivered by the service.
        from acrel_console.services.vending import VendingService

        cash2 = ws.operators.login("cash2", PASSWORD)
        vending = VendingService(ws.ctx)
        r = vending.sell(cash2, m2, "11.20", "wechat")
        _wait(lambda: vending.delivery(cash2, r.command_id).state == "delivered", "the delivery")
        assert site.bus.meter(2).remaining_fen == 10000
        assert vending.check_ledger(admin) == []
        assert serve.alive
    finally:
        ws.close()


@pytest.mark.slow
def test_second_serve_stands_by_and_takes_over_when_the_first_stops(site: Site) -> None:
    first = site.serve("server-a")
    first.wait_for(r"^serving:")
    second = site.serve("server-b")
    line = second.wait_for(r"^standby: the site's dispatcher runs at ")
    assert f":{first.p.pid}:" in line  # names the holder (host:pid:id)
    assert second.alive and not any(x.startswith("serving") for x in second.lines)
    ws = site.workstation()
    try:
        assert _lease(ws).pid == first.p.pid
        assert first.stop() == 0
        assert "stopped" in first.lines[-1]
        second.wait_for(r"^serving:")
        assert _wait(lambda: (_lease(ws) or None) and _lease(ws).pid == second.p.pid, "the take-over")
        out = site.cli_json("ws1", "control", str(site.meter_ids[3]), "trip", user="ops1")
        assert out["outcome"] == "confirmed"
    finally:
        ws.close()


# --- database outages (throwaway cluster only) -----------------------------------------------------------


@pytest.mark.slow
def test_database_outage_mid_run_loses_no_queued_work_and_serve_resumes(site: Site, cluster: Cluster) -> None:
    m2 = site.meter_ids[2]
    serve = site.serve("server")
    serve.wait_for(r"^serving:")
    site.cli("ws2", "account", "open", "--name", "Li Si", "--room", "A-102", "--meter", str(m2), user="cash1")
    site.bus.inject(2, Fault.SILENCE, count=None)  # the meter is unreachable: the sale's delivery must wait
    sale = site.cli_json("ws2", "sell", "--meter", str(m2), "--amount", "50", "--wait", "0", user="cash1")
    command_id = sale["delivery"]["command_id"]
    assert sale["delivery"]["state"] in ("pending", "sending")

    cluster.stop()
    try:
        # While the database is down, a workstation gets a clear error and nothing half-done.
        down = site.cli("ws1", "control", str(site.meter_ids[1]), "trip", user="ops1", ok=False)
        assert down.returncode != 0
        # The outage lasts one lease heartbeat period (ttl/3 = 10 s) after serve first meets it: serve must
        # live through its poller, dispatcher and lease all failing, and not exit.
        mark = len(serve.lines)
        serve.wait_for(r"OperationalError|Connection refused|not reachable", after=mark - 1)
        time.sleep(11)
        assert serve.alive, serve.text()
    finally:
        cluster.start()
    site.bus.clear_faults(2)

    ws = site.workstation()
    try:
        from acrel_console.services.vending import VendingService

        cash1 = ws.operators.login("cash1", PASSWORD)
        vending = VendingService(ws.ctx)
        _wait(lambda: vending.delivery(cash1, command_id).state == "delivered", "the queued delivery after the outage",
              proc=serve)
        assert site.bus.meter(2).remaining_fen == 5000 and site.bus.meter(2).purchase_count == 1
        out = site.cli_json("ws1", "control", str(site.meter_ids[1]), "trip", user="ops1")
        assert out["outcome"] == "confirmed"
        assert _lease(ws).pid == serve.p.pid and serve.alive
        assert vending.check_ledger(ws.operators.login("admin", PASSWORD)) == []
    finally:
        ws.close()


def test_workstation_command_with_the_database_down_gets_one_clear_line(site: Site, cluster: Cluster) -> None:
    cluster.stop()
    try:
        down = site.cli("ws1", "control", str(site.meter_ids[1]), "trip", user="ops1", ok=False)
    finally:
        cluster.start()
    assert down.returncode == 2, down.stderr[-800:]
    assert down.stderr.startswith("acrel-console: ") and "Traceback" not in down.stderr, down.stderr[-800:]


def test_database_unreachable_at_start_serve_waits_and_starts_when_it_comes_back(site: Site,
                                                                                  cluster: Cluster) -> None:
    cluster.stop()
    try:
        serve = site.serve("server")
        time.sleep(5)  # serve meets a dead database at start
        assert serve.alive, f"serve exited {serve.p.returncode} with the database down:\n{serve.text()}"
    finally:
        cluster.start()
    serve.wait_for(r"^serving:")
    out = site.cli_json("ws1", "control", str(site.meter_ids[1]), "trip", user="ops1")
    assert out["outcome"] == "confirmed"


# --- PostgreSQL backup while cashiers sell (pg_dump/pg_restore; throwaway cluster, not the shared one) ---------


def test_pg_backup_during_a_stream_of_sales_restores_sound(cluster: Cluster, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump/pg_restore not installed")
    from acrel_console.app import build_services
    from acrel_console.services.backup import BackupService
    from acrel_console.services.deliveries import deliver_all
    from acrel_console.services.integrity import check_integrity
    from tests.ledger.helpers import make_world

    monkeypatch.setenv("ACREL_DATA_DIR", str(tmp_path / "data"))
    w = make_world(cluster.create_db("stream_src"), n_meters=4)
    w.ctx.clock = lambda: datetime.now(timezone.utc)
    for i, m in enumerate(w.meters):
        w.accounts.open_account(w.cashier, f"Tenant {i}", f"R{i}", [m], opening_credit="10")
    deliver_all(w.ctx, w.bus)
    stop = threading.Event()
    sold = [0, 0]
    errors: list[BaseException] = []

    def sell(k: int, actor: Any, meters: list[int]) -> None:
        n = 0
        while not stop.is_set():
            try:
                w.vending.sell(actor, meters[n % 2], "2.50", "cash")
                deliver_all(w.ctx, w.bus, set(meters))
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)
                return
            n += 1
            sold[k] = n

    threads = [threading.Thread(target=sell, args=(0, w.cashier, w.meters[:2])),
               threading.Thread(target=sell, args=(1, w.cashier2, w.meters[2:]))]
    for t in threads:
        t.start()
    try:
        _wait(lambda: sum(sold) >= 20, "20 sales before the backup")
        info = BackupService(w.ctx).backup(w.admin, tmp_path / "site.dump")
        during = sum(sold)
        _wait(lambda: sum(sold) >= during + 20, "20 sales after the backup")
    finally:
        stop.set()
        for t in threads:
            t.join(30)
    assert errors == []
    assert info.verified and Path(info.path).stat().st_size > 0
    other = build_services(cluster.create_db("stream_dst"))
    other.ctx.site_key = w.ctx.site_key  # the same site's key: its log rows are keyed (issue 11)
    try:
        BackupService(other.ctx).restore(w.admin, info.path)
        report = check_integrity(other.ctx)
        assert report.ok, report.summary()
        from sqlalchemy import func, select

        from acrel_console.storage.tables.ledger import OperationRow

        with other.ctx.read() as s:
            restored = s.execute(select(func.count()).select_from(OperationRow)).scalar_one()
        assert 4 + 20 <= restored < 4 + sum(sold)  # a snapshot from inside the stream
    finally:
        other.close()
        w.svc.close()

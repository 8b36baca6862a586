"""Tenant portal under load: 200 tenants refreshing their phone page at once, and what that does to the
console's own sale latency.

Three processes, as on a site's PC: the portal (`acrel-console portal`, uvicorn), a load generator (200
concurrent tenants, each signed in with its own session, refreshing /home back to back: a closed loop
with no think time, far harsher than people), and this process selling at the counter
(VendingService.sell, commit with WAL + synchronous=FULL) on the same SQLite file.

Measured in the same run:
  - portal: p50/p99 of a static file (/static/portal.css, the framework's floor) and of the tenant page
    (/home: session check + the tenant's meters, balances, statuses), both at the same concurrency;
  - sales: median/p99 with the portal idle, then while the 200 tenants refresh.

Run: .venv/bin/python benchmarks/bench_portal.py [--quick] [--tenants 200] [--seconds 20] [--db URL]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KEY = bytes.fromhex("0123456789ABCDEFFEDCBA9876543210")
PIN = "246813"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


# ---- the site ------------------------------------------------------------------------------------

def build_site(url: str, tenants: int) -> list[str]:
    """`tenants` tenants with one meter each (online, with 40 days of history), a PIN and a first sale."""
    from acrel_console.app import build_services
    from acrel_console.services import passwords
    from acrel_console.services.base import Actor
    from acrel_console.storage.tables.meter_state import MeterStateRow
    from acrel_console.storage.tables.readings import DailyEnergyRow

    passwords._N = 2**4  # setup only: sign-in (scrypt) is not what is measured
    svc = build_services(url)
    svc.ctx.site_key = KEY
    admin = svc.operators.create_first_admin("admin", "secret1")
    cashier_info = svc.operators.add(admin, "cash1", "cashier", "secret1")
    cashier = Actor(cashier_info.id, cashier_info.name, cashier_info.role)
    accounts = []
    rnd = random.Random(16)
    for g in range(-(-tenants // 100)):
        svc.site.add_gateway(admin, name=f"G{g}", kind="modbus-tcp", host="127.0.0.1", port=1502 + g)
    now = svc.ctx.clock()
    for i in range(tenants):
        m = svc.site.add_meter(admin, gateway=f"G{i // 100}", address=i % 100 + 1, model="DDSY1352",
                               room=f"A-{i + 1:03d}", meter_no=f"23{i:05d}")
        no = svc.accounts.open_account(cashier, f"T{i}", f"A-{i + 1:03d}", [m.id]).account_no
        svc.tenant_pins.set_pin(cashier, no, PIN)
        svc.vending.sell(cashier, m.id, "100.00", "cash")
        with svc.ctx.transaction() as s:
            s.add(MeterStateRow(meter_id=m.id, last_success_at=now, consecutive_failures=0, offline=False,
                                remaining_fen=rnd.randint(-500, 50_000), relay_closed=True, forced=False,
                                keep_power=False, energy_total=rnd.randint(0, 10**6), purchase_count=1, values_json="{}"))
            for d in range(40):
                p = [rnd.randint(0, 300) for _ in range(4)]
                s.add(DailyEnergyRow(meter_id=m.id, day=(now - timedelta(days=d)).date(), energy_total=sum(p),
                                     energy_p1=p[0], energy_p2=p[1], energy_p3=p[2], energy_p4=p[3], readings=48,
                                     resets=0))
        accounts.append(no)
    svc.close()
    return accounts


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_portal(url: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    """The portal process; its output goes to a file (a pipe nobody reads would stall it once full)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ACREL_SITE_KEY": KEY.hex()}
    out = log.open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "acrel_console", "--db", url, "portal", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if b"tenant portal:" in log.read_bytes():
            return proc
        time.sleep(0.1)
    raise RuntimeError(f"the portal did not start: {log.read_text(errors='replace')[-2000:]}")


# ---- the load generator (a separate process: --load) ----------------------------------------------

async def _tenant(base: str, account_no: str, path: str, clock: dict[str, Any], latencies: list[float],
                  errors: list[str]) -> None:
    """One tenant: sign in, wait for the start, refresh `path` until the deadline."""
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=180) as client:
        async with clock["gate"]:  # sign in a few at a time (not measured; the machine may be busy)
            r = await client.post("/api/login", json={"account_no": account_no, "pin": PIN})
        clock["ready"] += 1
        if r.status_code != 200:
            errors.append(f"login {r.status_code}")
            return
        await clock["start"].wait()
        while time.monotonic() < clock["deadline"]:
            t = time.perf_counter()
            r = await client.get(path)
            latencies.append(time.perf_counter() - t)
            if r.status_code != 200:
                errors.append(str(r.status_code))


async def _load(base: str, accounts: list[str], path: str, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors: list[str] = []
    clock: dict[str, Any] = {"ready": 0, "start": asyncio.Event(), "deadline": 0.0, "gate": asyncio.Semaphore(20)}
    tasks = [asyncio.create_task(_tenant(base, a, path, clock, latencies, errors)) for a in accounts]
    while clock["ready"] < len(accounts):  # everyone signs in first (not measured)
        await asyncio.sleep(0.05)
    print("READY", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)  # the benchmark says go
    began = time.monotonic()
    clock["deadline"] = began + seconds
    clock["start"].set()
    await asyncio.gather(*tasks)
    return {"latencies": latencies, "errors": errors, "seconds": time.monotonic() - began}


def run_load(base: str, accounts: list[str], path: str, seconds: float) -> None:
    result = asyncio.run(_load(base, accounts, path, seconds))
    print(json.dumps(result), flush=True)


# ---- the counter ------------------------------------------------------------------------------------

def sales(url: str, n: int) -> list[float]:
    from acrel_console.app import build_services
    from acrel_console.domain.roles import Role
    from acrel_console.services.base import Actor
    from acrel_console.services.meter_views import build_live

    svc = build_services(url, migrate_schema=False)
    svc.ctx.site_key = KEY
    cashier = Actor(2, "cash1", Role.CASHIER)
    with svc.ctx.read() as s:
        ids = [m.meter_id for m in build_live(s, None, svc.ctx.clock())]
    times = []
    for i in range(n):
        t = time.perf_counter()
        svc.vending.sell(cashier, ids[i % len(ids)], "10.00", "cash")
        times.append(time.perf_counter() - t)
        time.sleep(0.02)  # a busy counter, not a loop: the portal gets the CPU between sales too
    svc.close()
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="8 s per phase, 60 sales")
    ap.add_argument("--tenants", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=None)
    ap.add_argument("--db", default=None, help="database URL (default: a new SQLite file)")
    ap.add_argument("--load", nargs=3, metavar=("BASE", "PATH", "SECONDS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.load:
        accounts = json.loads(sys.stdin.readline())
        run_load(args.load[0], accounts, args.load[1], float(args.load[2]))
        return 0
    seconds = args.seconds or (8.0 if args.quick else 20.0)
    n_sales = 60 if args.quick else 200
    with tempfile.TemporaryDirectory() as d:
        url = args.db or f"sqlite:///{Path(d) / 'portal.sqlite3'}"
        t0 = time.monotonic()
        accounts = build_site(url, args.tenants)
        print(f"site: {args.tenants} tenants, 1 meter each, 40 days of history ({time.monotonic() - t0:.0f} s)",
              flush=True)
        port = free_port()
        portal_log = Path(d) / "portal.log"
        portal = start_portal(url, port, portal_log)
        base = f"http://127.0.0.1:{port}"
        try:
            idle_sales = sales(url, n_sales)
            static = load_phase(base, accounts, "/static/portal.css", seconds, None, 0)
            home = load_phase(base, accounts, "/home", seconds, url, n_sales)
        finally:
            portal.terminate()
            try:
                portal.wait(60)
            except subprocess.TimeoutExpired:
                portal.kill()
            problems = sorted({line for line in portal_log.read_text(errors="replace").splitlines()
                               if "Error" in line and not line.startswith(" ")})
    busy_sales = home["sales"]
    ms = 1000.0
    rows = [
        (f"static file, {args.tenants} concurrent (baseline), p50", f"{pct(static['latencies'], 50) * ms:.1f} ms",
         f"{len(static['latencies']) / static['seconds']:.0f} req/s"),
        (f"static file, {args.tenants} concurrent (baseline), p99", f"{pct(static['latencies'], 99) * ms:.1f} ms", ""),
        (f"tenant page /home, {args.tenants} concurrent, p50", f"{pct(home['latencies'], 50) * ms:.1f} ms",
         f"{len(home['latencies']) / home['seconds']:.0f} pages/s; "
         f"{pct(home['latencies'], 50) / pct(static['latencies'], 50):.1f}x baseline"),
        (f"tenant page /home, {args.tenants} concurrent, p99", f"{pct(home['latencies'], 99) * ms:.1f} ms",
         f"{pct(home['latencies'], 99) / pct(static['latencies'], 99):.1f}x baseline; errors "
         f"{len(home['errors']) + len(static['errors'])}"),
        (f"sale commit, portal idle ({n_sales}) (baseline), median", f"{statistics.median(idle_sales) * ms:.2f} ms", ""),
        ("sale commit, portal idle (baseline), p99", f"{pct(idle_sales, 99) * ms:.2f} ms", ""),
        (f"sale commit, {args.tenants} tenants refreshing, median", f"{statistics.median(busy_sales) * ms:.2f} ms",
         f"{statistics.median(busy_sales) / statistics.median(idle_sales):.1f}x baseline"),
        (f"sale commit, {args.tenants} tenants refreshing, p99", f"{pct(busy_sales, 99) * ms:.2f} ms",
         f"{pct(busy_sales, 99) / pct(idle_sales, 99):.1f}x baseline"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>10}  note")
    print("-" * (width + 40))
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>10}  {note}")
    print(f"portal, load generator and counter are three processes on this machine ({os.cpu_count()} CPUs); "
          "closed loop, no think time; SQLite WAL + synchronous=FULL.")
    if problems:
        print("portal log errors:\n  " + "\n  ".join(problems[:5]))
    return 1 if home["errors"] or static["errors"] or problems else 0


def load_phase(base: str, accounts: list[str], path: str, seconds: float, url: str | None,
               n_sales: int) -> dict[str, Any]:
    """Sign every tenant in (not measured), then `seconds` of refreshing `path`; sales meanwhile if `url`."""
    proc = subprocess.Popen([sys.executable, __file__, "--load", base, path, str(seconds)], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(json.dumps(accounts) + "\n")
    proc.stdin.flush()
    line = proc.stdout.readline()
    if "READY" not in line:
        raise RuntimeError(f"load generator: {line}")
    proc.stdin.write("go\n")
    proc.stdin.flush()
    during: list[float] = []
    if url is not None:
        time.sleep(min(1.0, seconds / 10))  # the load is running
        during = sales(url, n_sales)
    out, _ = proc.communicate(timeout=seconds * 10 + 120)
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["sales"] = during
    return result


if __name__ == "__main__":
    raise SystemExit(main())

"""Scale benchmark (issue 15: an estate on one console): every figure of the issue against a baseline measured
in the same run, with the ratio and the aim.

Sections (all by default; `--only status,readings,gui,cli,deliveries` picks some; benchmarks/run_all.py runs
them all, `--quick` passed on):
  readings    a year (quick: 90 days) of 30-minute readings of 2,000 (quick: 200) meters: database size against
              the aim, the day-by-hour report against the old read_at range over the raw readings, the dashboard
              data against the same site without history, the meter summary against bare SQL of its inputs.
  gui         20,000 meters (quick: 4,000): sign-in to a painted meter grid, each page switch to its loaded
              state and the longest GUI-thread stall, against an empty site.
  cli         `meter list --json` at 2,000 meters against a bare script (SQLAlchemy and the same SELECT) and
              against python + sqlite3 + json.
  status      status age p50/p99/max at 8 buses x 32 (and x 247 without --quick) meters, 9600 baud through the
              pacing relay: the short status read published as read against the old sweep (the whole
              48-register block every sweep, published in chunks of 64), both back to back; the defaults
              (pace 10 s) against the old default (a sweep every 180 s; full run, largest size); and the
              oldest status while a history sweep runs, against the promise (180 s).
  deliveries  a cashier selling flat out on SQLite (quick: 40 meters on 4 simulated buses, 20 s; else 100, 60 s):
              deliveries per second against a backlog delivered with nobody selling, and sale-to-delivered p50.

Generated data goes through the product's schema (migrations, services, simulator over real transports).
Run:  .venv/bin/python benchmarks/bench_scale.py [--quick] [--only SECTION,...]
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ACREL_LANG", "en")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BAUD = 9600
LATENCY_S = 0.002
TIMEOUT_MS = 100
BUSES = 8
PROMISE_S = 180
STATUS_SIZES: list[int] = []  # --status-meters: meters per bus of the status section, instead of its default


@dataclass
class Row:
    """One printed figure: what was measured, its baseline (same run), the aim."""

    section: str
    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    aim: str = ""

    def text(self) -> str:
        ratio = f"{self.value / self.baseline:7.3f}" if self.baseline else "      —"
        base = f"{self.baseline:10.3f}" if self.baseline is not None else "         —"
        return (f"{self.section:10} {self.name:46} {self.value:10.3f} {self.unit:4} {base}  {ratio}  "
                f"{self.aim:14} {self.baseline_name}")


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)

    def add(self, *args: Any, **kw: Any) -> None:
        row = Row(*args, **kw)
        self.rows.append(row)
        print("  " + row.text(), flush=True)

    def print(self) -> None:
        print(f"\n{'section':10} {'figure':46} {'measured':>10} {'unit':4} {'baseline':>10}  {'ratio':>7}  "
              f"{'aim':14} baseline is")
        for row in self.rows:
            print(row.text())


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


# --------------------------------------------------------------------------------------------------------
# status age


class _WholeBlockOnly:
    """The old sweep: a bus without the short status read, so every status sweep reads the whole block."""

    read_status = None

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.counters = inner.counters

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class AgeSampler:
    """Listens to the poller and samples, for every meter, how old the status the console shows is."""

    def __init__(self, meter_ids: list[int]) -> None:
        self.seen: dict[int, datetime] = {}
        self.ids = meter_ids
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def on_result(self, result: Any) -> None:
        for m in result.changed:
            if m.last_seen is not None:
                self.seen[m.meter_id] = m.last_seen

    def all_seen(self) -> bool:
        return all(i in self.seen for i in self.ids)

    def start(self, every_s: float = 0.25) -> None:
        self.samples = []
        self._stop.clear()

        def run() -> None:
            while not self._stop.wait(every_s):
                now = datetime.now(timezone.utc)
                self.samples.extend((now - self.seen[i]).total_seconds() for i in self.ids if i in self.seen)

        self._thread = threading.Thread(target=run, name="age-sampler", daemon=True)
        self._thread.start()

    def stop(self) -> list[float]:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        return self.samples


def _wait(cond: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not cond():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(0.1)


def status_section(report: Report, quick: bool) -> None:
    from acrel_console.app import build_services
    from acrel_console.drivers.bus import open_bus
    from acrel_console.drivers.relay import start_paced_link
    from acrel_console.drivers.simulator import runner
    from acrel_console.drivers.simulator.bus import SimBus
    from acrel_console.drivers.simulator.meter import Model, SimMeter
    from acrel_console.services.base import Actor
    from acrel_console.services.polling import Poller

    sizes = STATUS_SIZES or ([32] if quick else [32, 247])
    for n in sizes:
        tmp = Path(tempfile.mkdtemp(prefix="bench-scale-status-"))
        svc = build_services(f"sqlite:///{tmp / 'site.sqlite3'}")
        admin = Actor.system()
        lines = []
        try:
            for b in range(BUSES):
                sim = SimBus([SimMeter(address=a, model=Model.DDSY1352) for a in range(1, n + 1)], name=f"L{b}",
                             reply_latency_s=LATENCY_S)
                server = runner.start_tcp(sim, mode="rtu-over-tcp")
                link = start_paced_link(BAUD, ("127.0.0.1", server.port))
                lines.append((server, link))
                svc.site.add_gateway(admin, name=f"L{b}", kind="serial", serial_port=link.console_path, baud=BAUD,
                                     timeout_ms=TIMEOUT_MS, retries=1)
                for a in range(1, n + 1):
                    svc.site.add_meter(admin, gateway=f"L{b}", address=a, model="DDSY1352", room=f"L{b}-{a:03d}")
            ids = [m.meter_id for m in svc.meters.list_live(admin)]

            def whole_block() -> Any:
                return Poller(svc.ctx, bus_factory=lambda c: _WholeBlockOnly(open_bus(c)))

            # back to back (pace 1 s): the short status read against the whole block in chunks of 64
            svc.settings.update(admin, {"status_cycle_s": 1})
            old_b2b, _ = _ages(whole_block(), ids, old=True)
            new_b2b, _ = _ages(Poller(svc.ctx), ids)
            # the defaults: pace 10 s (new) against the old default, a sweep every 180 s
            svc.settings.update(admin, {"status_cycle_s": 10})
            new_default, during_history = _ages(Poller(svc.ctx), ids, history=True)
            old_default: list[float] = []
            if not quick and n == sizes[-1]:
                svc.settings.update(admin, {"status_cycle_s": 180})
                old_default, _ = _ages(whole_block(), ids, old=True, sweeps=1)
        finally:
            for server, link in lines:
                link.stop()
                server.stop()
            svc.close()
        label = f"{BUSES}x{n}"
        for name, p in (("p50", 50), ("p99", 99), ("max", 100)):
            report.add("status", f"status age {name}, {label}, back to back", percentile(new_b2b, p), "s",
                       percentile(old_b2b, p), "whole block, chunks of 64", "")
        for name, p in (("p50", 50), ("p99", 99), ("max", 100)):
            report.add("status", f"status age {name}, {label}, defaults", percentile(new_default, p), "s",
                       percentile(old_default, p) if old_default else None,
                       "old default: whole block every 180 s" if old_default else "(old default: full run only)",
                       "<= 15 s" if name == "p99" else "")
        report.add("status", f"oldest status during a history sweep, {label}", max(during_history), "s",
                   float(PROMISE_S), "the promise (status interval)", "<= 1.0 x")


def _ages(poller: Any, ids: list[int], *, old: bool = False, history: bool = False,
          sweeps: int = 3) -> tuple[list[float], list[float]]:
    """Status ages sampled over `sweeps` sweeps of every bus, after the first two; with `history`, also the
    ages while a history sweep (and the status sweep after it) runs."""
    sampler = AgeSampler(ids)
    poller.subscribe(sampler.on_result)
    poller.ensure_workers()
    if old:
        for w in poller.workers().values():
            w._flush_s = float("inf")  # published in chunks of 64 meters only

    def after(more: int, what: str) -> None:
        done = {gid: w.sweeps_done for gid, w in poller.workers().items()}
        _wait(lambda: all(w.sweeps_done >= done[g] + more for g, w in poller.workers().items()), 1800, what)

    poller.start()
    try:
        _wait(sampler.all_seen, 900, "every meter read once")
        after(1, "a sweep")
        sampler.start()
        after(sweeps, f"{sweeps} sweeps")
        ages = sampler.stop()
        if not history:
            return ages, []
        sampler.start()
        for f in poller.sweep_now(history=True):
            f.result(timeout=1800)
        after(1, "a status sweep after the history sweep")
        return ages, sampler.stop()
    finally:
        poller.stop()


# --------------------------------------------------------------------------------------------------------
# a year of readings

def _timed(fn: Callable[[], Any], repeat: int = 3) -> float:
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def _year_site(url: str, meters: int, days: int, end: Any) -> tuple[Any, Any, list[int], float]:
    """A site of `meters` meters (200 per gateway, one account per 10 meters, a few hundred sales) and `days`
    days of 30-minute history readings up to `end`: raw readings packed into meter_reading_days (as the poller
    stores them, storage/reading_codec.py) and their hourly and daily
    roll-ups by the product's rule (domain.energy_rollup), through the migrated schema. Returns the services,
    the admin, the meter ids and the seconds the dashboard took before any history was stored."""
    import random
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from acrel_console.app import build_services
    from acrel_console.domain.energy_rollup import roll_up
    from acrel_console.storage.reading_codec import StoredReading, day_of, encode
    from acrel_console.ui.reports.dashboard_data import load_dashboard

    from acrel_console.ledger.mac import generate_site_key

    svc = build_services(url)
    svc.ctx.site_key = generate_site_key()
    admin = svc.operators.create_first_admin("admin", "bench-pass")
    zone = ZoneInfo("Asia/Shanghai")
    for g in range((meters + 199) // 200):
        svc.site.add_gateway(admin, name=f"G{g:02d}", kind="modbus-tcp", host=f"10.0.{g}.1", port=502)
    ids = [svc.site.add_meter(admin, gateway=f"G{i // 200:02d}", address=i % 200 + 1, model="DDSY1352",
                              room=f"R{i:05d}").id for i in range(meters)]
    for k in range(0, meters, 10):
        svc.accounts.open_account(admin, f"Tenant {k // 10}", f"R{k:05d}", ids[k:k + 10])
    empty_dashboard = _timed(lambda: load_dashboard(svc, admin))
    rnd = random.Random(15)
    start = datetime.combine(end - timedelta(days=days - 1), datetime.min.time(), zone).astimezone(timezone.utc)
    hours = [((start + timedelta(minutes=30 * k)).astimezone(zone).hour) for k in range(days * 48)]
    raw = svc.ctx.engine.raw_connection()
    try:
        cur = raw.cursor()
        insert = "INSERT INTO meter_reading_days (meter_id, day, readings, packed) VALUES (?, ?, ?, ?)"
        day_cols = ("meter_id", "day", "energy_total", "energy_p1", "energy_p2", "energy_p3", "energy_p4",
                    "end_total", "end_remaining_fen", "readings", "resets", "last_read_at",
                    *(f"h{h:02d}" for h in range(24)))
        insert_day = (f"INSERT INTO meter_daily_energy ({', '.join(day_cols)}) "
                      f"VALUES ({', '.join('?' * len(day_cols))})")
        for mid in ids:
            load = 20 + rnd.randrange(200)  # 0.01 kWh per half hour at full load
            periods, remaining, count = [0, 0, 0, 0], 50_000, 1
            days_of: dict[Any, list[StoredReading]] = {}
            series = []
            for k, hour in enumerate(hours):
                p = 0 if 10 <= hour < 12 else 1 if 8 <= hour < 22 else 3 if hour < 6 else 2
                used = load * (3 if 8 <= hour < 22 else 1) // 2
                periods[p] += used
                remaining -= used
                if remaining < 5_000:
                    remaining += 100_000
                    count += 1
                total = sum(periods)
                # a sweep reaches the meter some seconds into the half hour
                at = start + timedelta(minutes=30 * k, milliseconds=rnd.randrange(0, 20_000))
                days_of.setdefault(day_of(at), []).append(StoredReading(
                    at, total, periods[0], periods[1], periods[2], periods[3], remaining_fen=remaining,
                    purchase_count=count, power_w=used * 20 + rnd.randrange(0, 300), relay_closed=True, forced=False))
                series.append((mid, at, (total, *periods), remaining))
            cur.executemany(insert, [(mid, d.isoformat(), len(rs), encode(d, rs)) for d, rs in days_of.items()])
            cur.executemany(insert_day, [
                (t.meter_id, t.day.isoformat(), *t.energy, t.end_total, t.end_remaining_fen, t.readings, t.resets,
                 t.last_read_at.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f") if t.last_read_at else None,
                 *t.hours) for t in roll_up(series, zone)])
            raw.commit()
    finally:
        raw.close()
    sales = svc.vending
    for k in range(0, meters, max(1, meters // 300)):
        sales.sell(admin, ids[k], "50.00", "cash")
    return svc, admin, ids, empty_dashboard


def readings_section(report: Report, quick: bool) -> None:
    from datetime import date, timedelta

    from sqlalchemy import text

    from acrel_console.services.reports.sales import readings_before
    from acrel_console.storage import reading_days
    from acrel_console.ui.reports.dashboard_data import load_dashboard

    meters, days = (200, 90) if quick else (2000, 365)
    end = date(2026, 12, 31)
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-readings-"))
    path = tmp / "site.sqlite3"
    os.environ["ACREL_DATA_DIR"] = str(tmp)
    t0 = time.perf_counter()
    svc, admin, ids, empty_dashboard = _year_site(f"sqlite:///{path}", meters, days, end)
    built = time.perf_counter() - t0
    label = f"{days} d x {meters}"
    print(f"  built {label} ({days * 48 * meters:,} raw readings) in {built:.0f} s", flush=True)
    try:
        wal = path.with_name(path.name + "-wal")
        size_gb = (path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)) / 1e9
        report.add("readings", f"database size, {label}", size_gb, "GB", 1.5 * meters * days / (2000 * 365),
                   "the aim (1.5 GB a year of 2,000), scaled", "<= 1.0 x")
        rs = svc.reports
        day = rs.period(admin, "day", (end - timedelta(days=1)).isoformat())

        def raw_day_by_hour() -> None:  # the report from the raw readings: every meter's readings of the day
            with svc.ctx.read() as s:
                for mid in ids:
                    list(reading_days.between(s, mid, day.start_utc - timedelta(hours=1), day.end_utc))

        report.add("readings", f"day-by-hour energy report, {label}", _timed(lambda: rs.energy(admin, day)), "s",
                   _timed(raw_day_by_hour, 1), "the day's raw readings, every meter", "<= 0.5 s")
        report.add("readings", f"dashboard data, {label}", _timed(lambda: load_dashboard(svc, admin)), "s",
                   empty_dashboard, "the same site without history", "<= 0.3 s")
        month = rs.period(admin, "month", "2026-11")

        def bare_summary() -> None:  # the same inputs in bare SQL: meters, bounds from the roll-ups, sales
            with svc.ctx.read() as s:
                s.execute(text("SELECT id, meter_no, room, ct_ratio FROM meters WHERE retired = 0")).fetchall()
                readings_before(s, ids, month.first_day)
                readings_before(s, ids, month.end_day)
                s.execute(text("SELECT kind, meter_id, sum(amount_fen) FROM ledger_operations WHERE at >= :a AND "
                               "at < :b GROUP BY kind, meter_id"), {"a": month.start_utc.replace(tzinfo=None),
                                                                   "b": month.end_utc.replace(tzinfo=None)}).fetchall()

        report.add("readings", f"meter summary report, {label}", _timed(lambda: rs.meter_summary(admin, month)), "s",
                   _timed(bare_summary), "bare SQL of the same inputs", "<= 2.0 x")
        year = rs.period(admin, "year", "2026")
        report.add("readings", f"yearly energy report, {label}", _timed(lambda: rs.energy(admin, year), 1), "s",
                   _timed(lambda: rs.energy(admin, month), 1), "the monthly report", "")
    finally:
        svc.close()


# --------------------------------------------------------------------------------------------------------
# a site of 20,000 meters in the GUI, and the command line


def big_site(url: str, meters: int, per_account: int = 4) -> tuple[Any, Any]:
    """`meters` meters (200 per gateway, 5 buildings), each polled once (meter_state), 90% of them held by
    accounts of `per_account` meters: bulk inserts into the product's tables (a quick configuration of
    20,000 meters through the services would take longer than the benchmark)."""
    import random

    from sqlalchemy import insert

    from acrel_console.app import build_services
    from acrel_console.storage.tables.ledger import AccountMeterRow, TenantAccountRow, TenantRow
    from acrel_console.storage.tables.meter_state import MeterStateRow
    from acrel_console.storage.tables.site import BuildingRow, GatewayRow, MeterRow

    svc = build_services(url)
    admin = svc.operators.create_first_admin("admin", "bench-pass")
    now = svc.ctx.clock()
    rnd = random.Random(15)
    accounts = meters // per_account * 9 // 10
    with svc.ctx.transaction() as s:
        s.execute(insert(BuildingRow), [{"name": f"B{b}"} for b in range(1, 6)])
        s.execute(insert(GatewayRow), [{"name": f"GW-{g:03d}", "kind": "modbus-tcp", "host": f"10.1.{g}.1",
                                        "port": 502, "building_id": 1 + g % 5} for g in range(1, meters // 200 + 2)])
        if not meters:
            return svc, admin
        s.execute(insert(MeterRow), [{"id": i, "gateway_id": 1 + (i - 1) // 200, "address": 1 + (i - 1) % 200,
                                      "model": "DDSY1352", "room": f"{chr(65 + i % 5)}-{i:05d}",
                                      "building_id": 1 + i % 5, "meter_no": f"{880000 + i}", "created_at": now}
                                     for i in range(1, meters + 1)])
        s.execute(insert(MeterStateRow), [{
            "meter_id": i, "last_success_at": now, "last_attempt_at": now, "offline": False,
            "remaining_fen": rnd.randrange(-2_000, 90_000), "energy_total": rnd.randrange(10**6),
            "purchase_count": rnd.randrange(40), "relay_closed": i % 17 != 0, "forced": i % 23 == 0,
            "keep_power": i % 23 == 0, "forced_open": False, "over_limit": False, "values_json": "{}",
            "last_error": "", "consecutive_failures": 0, "backoff_level": 0, "sweeps_skipped": 0}
            for i in range(1, meters + 1)])
        if accounts:
            s.execute(insert(TenantRow), [{"id": a, "account_no": f"{a:06d}", "name": f"租户{a}", "room": f"R{a}",
                                           "phone": f"138{a:08d}", "created_at": now} for a in range(1, accounts + 1)])
            s.execute(insert(TenantAccountRow), [{"id": a, "tenant_id": a, "opened_at": now, "opened_by": "admin"}
                                                 for a in range(1, accounts + 1)])
            s.execute(insert(AccountMeterRow), [{"account_id": 1 + (i - 1) // per_account, "meter_id": i,
                                                 "added_at": now, "added_by": "admin"}
                                                for i in range(1, accounts * per_account + 1)])
    return svc, admin


class StallWatch:
    """The longest time the GUI thread did not get to run a 5 ms timer (a stall), while running."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def start(self) -> None:
        self.longest, self._last = 0.0, time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def _pump_until(cond: Callable[[], bool], timeout_s: float = 120.0) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout_s
    while not cond():
        if time.monotonic() > deadline:
            raise RuntimeError("the GUI did not get there")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def _gui_run(svc: Any, admin: Any, pages: list[str]) -> dict[str, float]:
    """Sign-in to a painted meter grid, then each page in turn to its loaded, painted state; the longest GUI
    stall over all of it. Seconds."""
    from PySide6.QtCore import QEvent, QObject

    from acrel_console.ui.context import UiContext
    from acrel_console.ui.main_window import MainWindow
    from acrel_console.ui.pages import preload_page_modules
    from acrel_console.ui.prefs import Prefs
    from acrel_console.ui.tasks import TaskRunner

    class Painted(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0

        def eventFilter(self, _obj: Any, event: Any) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    out: dict[str, float] = {}
    expected = len(svc.meters.list_live(admin))
    tasks = TaskRunner()
    watch = StallWatch()
    prefs = Prefs()
    prefs.last_page = "meters"
    t0 = time.perf_counter()  # the sign-in dialog: run_gui loads the page modules meanwhile
    preloaded: list[Any] = []
    tasks.run(preload_page_modules, preloaded.append, quiet=True)
    _pump_until(lambda: bool(preloaded))
    out["sign-in"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    window = MainWindow(UiContext(svc, admin, tasks, prefs))
    window.resize(1366, 768)
    window.show()
    out["window"] = time.perf_counter() - t0  # building and showing the window (the GUI thread's own work)
    watch.start()  # from here on, every stall counts: loads, page builds, page switches
    meters_page = window.page("meters")
    painted = Painted()
    meters_page.grid.viewport().installEventFilter(painted)
    _pump_until(lambda: meters_page.model.rowCount() == expected and not tasks.busy)
    meters_page.grid.viewport().repaint()  # painted with the loaded meters (a synchronous paint)
    assert painted.count > 0
    out["grid"] = time.perf_counter() - t0
    for page_id in pages:
        t0 = time.perf_counter()
        page = window.show_page(page_id)
        _pump_until(lambda: not tasks.busy)  # what the page loads for the operator (quiet refreshes go on)
        page.repaint()
        out[page_id] = time.perf_counter() - t0
    out["stall"] = watch.stop()
    window.close()
    window.deleteLater()
    tasks.wait_idle(30_000)
    return out


def gui_section(report: Report, quick: bool) -> None:
    from PySide6.QtWidgets import QApplication

    meters = 4_000 if quick else 20_000
    app = QApplication.instance() or QApplication([])
    logging.getLogger("acrel_console.services.integrity").setLevel(logging.CRITICAL)  # generated ledgers differ
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-gui-"))
    os.environ["ACREL_DATA_DIR"] = str(tmp)
    os.environ["ACREL_CONFIG_DIR"] = str(tmp / "config")
    pages = ["dashboard", "meters", "accounts", "cashier", "records", "reports", "alarms", "settings", "operators"]
    empty_svc, empty_admin = big_site(f"sqlite:///{tmp / 'empty.sqlite3'}", 0)
    svc, admin = big_site(f"sqlite:///{tmp / 'big.sqlite3'}", meters)
    try:
        empty = _gui_run(empty_svc, empty_admin, pages)
        big = _gui_run(svc, admin, pages)
    finally:
        svc.close()
        empty_svc.close()
    label = f"{meters:,} meters"
    report.add("gui", f"sign-in to a painted grid, {label}", big["grid"], "s", empty["grid"], "an empty site",
               "<= 2 s")
    for page_id in pages:
        report.add("gui", f"switch to {page_id}, loaded, {label}", big[page_id], "s", empty[page_id],
                   "an empty site", "<= 0.5 s")
    report.add("gui", f"longest GUI-thread stall once shown, {label}", big["stall"], "s", empty["stall"],
               "an empty site", "<= 0.1 s")
    report.add("gui", f"building and showing the window, {label}", big["window"], "s", empty["window"],
               "an empty site", "")
    report.add("gui", "page modules loaded while the operator signs in", empty["sign-in"], "s", big["sign-in"],
               "the same, already loaded", "")
    del app


def cli_section(report: Report, quick: bool) -> None:
    import subprocess

    meters = 2_000
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-cli-"))
    url = f"sqlite:///{tmp / 'site.sqlite3'}"
    env = {**os.environ, "ACREL_DATA_DIR": str(tmp), "ACREL_PASSWORD": "bench-pass"}
    svc, _admin = big_site(url, meters)
    svc.close()
    bare = tmp / "bare.py"
    bare.write_text(  # the same rows with the same stack, nothing else: the floor for this command
        "import json, sys\nfrom sqlalchemy import create_engine, text\n"
        "engine = create_engine(sys.argv[1])\n"
        "with engine.connect() as conn:\n"
        "    rows = conn.execute(text('SELECT m.id, g.name, m.address, m.model, m.room, s.remaining_fen, '\n"
        "        's.energy_total, s.relay_closed, s.keep_power, s.purchase_count, s.last_success_at FROM meters m '\n"
        "        'JOIN gateways g ON g.id = m.gateway_id LEFT JOIN meter_state s ON s.meter_id = m.id')).all()\n"
        "print(json.dumps([list(map(str, r)) for r in rows]))\n")
    plain = tmp / "plain.py"
    plain.write_text("import json, sqlite3, sys\ncon = sqlite3.connect(sys.argv[1])\n"
                     "print(json.dumps(con.execute('SELECT * FROM meters').fetchall()))\n")

    def run(args: list[str]) -> float:
        t0 = time.perf_counter()
        subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - t0

    python = sys.executable
    cli = [python, "-m", "acrel_console", "--db", url, "--user", "admin", "--json", "meter", "list"]
    reps = 3 if quick else 5
    run(cli)  # warm the file cache
    measured = statistics.median(run(cli) for _ in range(reps))
    base = statistics.median(run([python, str(bare), url]) for _ in range(reps))
    floor = statistics.median(run([python, str(plain), str(tmp / "site.sqlite3")]) for _ in range(reps))
    report.add("cli", f"meter list --json, {meters:,} meters", measured, "s", base,
               "bare script: SQLAlchemy + the same SELECT", "<= 3.0 x")
    report.add("cli", f"meter list --json, {meters:,} meters", measured, "s", floor,
               "python + sqlite3 + json only", "")


# --------------------------------------------------------------------------------------------------------
# deliveries while a cashier sells flat out (SQLite)


def _delivery_site(tmp: Path, meters: int, buses: int) -> tuple[Any, Any, list[int], list[Any]]:
    from acrel_console.app import build_services
    from acrel_console.drivers.simulator import runner
    from acrel_console.drivers.simulator.bus import SimBus
    from acrel_console.drivers.simulator.meter import Model, SimMeter
    from acrel_console.ledger.mac import generate_site_key

    os.environ["ACREL_DATA_DIR"] = str(tmp)
    svc = build_services(f"sqlite:///{tmp / 'site.sqlite3'}")
    svc.ctx.site_key = generate_site_key()
    admin = svc.operators.create_first_admin("admin", "bench-pass")
    servers, ids = [], []
    per_bus = meters // buses
    for b in range(buses):
        sim = SimBus([SimMeter(address=a, model=Model.DDSY1352, remaining_fen=10_000) for a in range(1, per_bus + 1)],
                     name=f"S{b}", reply_latency_s=0.0)
        server = runner.start_tcp(sim, mode="modbus-tcp")
        servers.append(server)
        svc.site.add_gateway(admin, name=f"S{b}", kind="modbus-tcp", host="127.0.0.1", port=server.port,
                             timeout_ms=200, retries=1)
        for a in range(1, per_bus + 1):
            ids.append(svc.site.add_meter(admin, gateway=f"S{b}", address=a, model="DDSY1352", room=f"S{b}-{a}").id)
    for k in range(0, len(ids), 4):
        svc.accounts.open_account(admin, f"Tenant {k}", f"Shop {k}", ids[k:k + 4])
    return svc, admin, ids, servers


def _delivered_between(svc: Any, a: Any, b: Any) -> list[tuple[Any, Any]]:
    from sqlalchemy import select

    from acrel_console.storage.tables.commands import MeterCommandRow

    with svc.ctx.read() as s:
        return [(c, d) for c, d in s.execute(select(MeterCommandRow.created_at, MeterCommandRow.completed_at).where(
            MeterCommandRow.state == "delivered", MeterCommandRow.completed_at >= a,
            MeterCommandRow.completed_at < b))]


def deliveries_section(report: Report, quick: bool) -> None:
    from acrel_console.services.dispatcher import MeterRuntime

    meters, buses, window_s = (40, 4, 20.0) if quick else (100, 4, 60.0)
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-deliveries-"))
    svc, admin, ids, servers = _delivery_site(tmp, meters, buses)
    runtime = MeterRuntime(svc.ctx, remote=svc.control)
    try:
        # nobody selling: a backlog of sales delivered (the baseline)
        for k in range(int(window_s * 5)):
            svc.vending.sell(admin, ids[k % len(ids)], "1.00", "cash")
        assert runtime.start()
        _pump_deliveries(svc)
        idle_rate = _rate(svc)
        # a cashier selling flat out meanwhile
        stop = threading.Event()
        sold = [0]

        def sell() -> None:
            k = 0
            while not stop.is_set():
                svc.vending.sell(admin, ids[k % len(ids)], "1.00", "cash")
                k += 1
                sold[0] += 1

        seller = threading.Thread(target=sell, name="cashier", daemon=True)
        t_start = svc.ctx.clock()
        seller.start()
        time.sleep(window_s)
        t_end = svc.ctx.clock()
        stop.set()
        seller.join(30)
        done = _delivered_between(svc, t_start, t_end)
        rate = len(done) / (t_end - t_start).total_seconds()
        latency = percentile([(d - c).total_seconds() for c, d in done if c >= t_start], 50) if done else float("nan")
        sale_rate = sold[0] / (t_end - t_start).total_seconds()
    finally:
        runtime.stop()
        for server in servers:
            server.stop()
        svc.close()
    report.add("deliveries", f"deliveries/s while selling flat out ({sale_rate:.0f} sales/s), SQLite", rate, "/s",
               idle_rate, "deliveries/s with nobody selling", ">= 10 /s")
    report.add("deliveries", "sale to delivered p50 while selling, SQLite", latency, "s", None, "", "")


def _pump_deliveries(svc: Any) -> None:
    """Wait until no credit command is outstanding."""
    from sqlalchemy import func, select

    from acrel_console.storage.tables.commands import MeterCommandRow

    def outstanding() -> int:
        with svc.ctx.read() as s:
            return int(s.execute(select(func.count()).select_from(MeterCommandRow).where(
                MeterCommandRow.state.in_(("pending", "sending")))).scalar() or 0)

    _wait(lambda: outstanding() == 0, 900, "the backlog delivered")


def _rate(svc: Any) -> float:
    """Deliveries per second of the backlog just delivered (first to last completion)."""
    from sqlalchemy import func, select

    from acrel_console.storage.tables.commands import MeterCommandRow

    with svc.ctx.read() as s:
        first, last, n = s.execute(select(func.min(MeterCommandRow.completed_at), func.max(MeterCommandRow.completed_at),
                                          func.count()).where(MeterCommandRow.state == "delivered")).one()
    return (n - 1) / max((last - first).total_seconds(), 1e-6) if n > 1 else float("nan")


SECTIONS: dict[str, Callable[[Report, bool], None]] = {
    "status": status_section,
    "readings": readings_section,
    "gui": gui_section,
    "cli": cli_section,
    "deliveries": deliveries_section,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller sizes (a few minutes)")
    parser.add_argument("--only", default="", help="comma-separated sections: " + ", ".join(SECTIONS))
    parser.add_argument("--status-meters", default="", metavar="N[,N]",
                        help="meters per bus in the status section (default 32, and 247 without --quick)")
    args = parser.parse_args()
    STATUS_SIZES[:] = [int(n) for n in args.status_meters.split(",") if n]
    chosen = [s for s in args.only.split(",") if s] or list(SECTIONS)
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}")
    report = Report()
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as root:
        tempfile.tempdir = root  # every section's databases (up to ~1 GB) go with the run
        try:
            for name in chosen:
                started = time.monotonic()
                print(f"-- {name}", flush=True)
                SECTIONS[name](report, args.quick)
                print(f"   ({name}: {time.monotonic() - started:.0f} s)", flush=True)
        finally:
            tempfile.tempdir = None
    report.print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

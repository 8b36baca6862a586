"""Benchmark of the Meters page grid: 20,000 meters in the live model, one sweep batch applied.

Run:  .venv/bin/python benchmarks/bench_grid.py [--quick] [--meters 20000]

Measures the GUI-thread time of applying one SweepResult to the real MetersPage (offscreen, 1366x768):
`apply_sweep` (row index map, dataChanged on the changed rows, legend counts, status line) plus the event
processing that follows (proxy re-filter of those rows, view update and repaint of the visible tiles).
Baseline in the same run: the same batch applied as a full model reset (beginResetModel/endResetModel,
i.e. set_meters with the whole list) followed by the same event processing. Aim (issue 3): <= 30 ms per
update, no full model reset per update.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ACREL_LANG", "en")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

AIM_MS = 30.0
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def population(n: int) -> list[Any]:
    from acrel_console.domain.status import MeterStatus
    from acrel_console.services.meter_views import MeterLive

    out = []
    statuses = list(MeterStatus)
    for i in range(1, n + 1):
        gw = 1 + (i - 1) // 128  # 128 meters per bus, as a sweep of one RS485 line
        status = MeterStatus.OPENED if i % 4 else statuses[i % len(statuses)]
        out.append(MeterLive(
            meter_id=i, gateway_id=gw, gateway=f"GW-{gw:03d}", address=1 + (i - 1) % 128, model="DDSY1352",
            room=f"{chr(65 + gw % 5)}{i:05d}", building_id=1 + gw % 5, building=f"Building {gw % 5}",
            meter_no=f"{880000 + i}", tenant_name=f"租户{i}", account_no=f"{i:06d}", status=status,
            remaining_fen=(i * 7919) % 100_000 - 5_000, energy_total=i * 100, purchase_count=i % 50,
            relay_closed=i % 17 != 0, forced=i % 23 == 0, keep_power=i % 23 == 0, forced_open=False,
            overload=False, alarm1_fen=5_000, alarm2_fen=2_000, last_seen=T0, consecutive_failures=0,
            offline_since=None, pending_commands=0, last_error=""))
    return out


def batch_for(meters: list[Any], gateway_id: int, tick: int) -> list[Any]:
    """A bus's sweep: every meter of the gateway read again (balances fall, ~10% change status)."""
    from acrel_console.domain.status import MeterStatus

    out = []
    for m in meters:
        if m.gateway_id != gateway_id:
            continue
        status = m.status
        if (m.meter_id + tick) % 10 == 0:
            status = MeterStatus.ARREARS if status != MeterStatus.ARREARS else MeterStatus.OPENED
        out.append(dataclasses.replace(m, remaining_fen=(m.remaining_fen or 0) - 1 - tick, status=status,
                                       last_seen=T0 + timedelta(seconds=180 * (tick + 1))))
    return out


def sweep(changed: list[Any], gateway_id: int) -> Any:
    from acrel_console.services.polling.results import SweepResult

    return SweepResult(gateway_id=gateway_id, gateway=f"GW-{gateway_id:03d}", kind="status", complete=True,
                       started_at=T0, duration_s=1.0, attempted=len(changed), succeeded=len(changed), failed=0,
                       skipped=0, changed=tuple(changed), transitions=(), health=None)


def build_page(db_dir: Path, meters: list[Any]) -> tuple[Any, Any]:
    from PySide6.QtWidgets import QApplication

    from acrel_console.app import build_services
    from acrel_console.domain.roles import Role
    from acrel_console.services.base import Actor
    from acrel_console.ui.context import UiContext
    from acrel_console.ui.fonts import setup_fonts
    from acrel_console.ui.pages.meters_page import create_page
    from acrel_console.ui.prefs import Prefs
    from acrel_console.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    setup_fonts(app)  # type: ignore[arg-type]
    os.environ["ACREL_CONFIG_DIR"] = str(db_dir / "config")
    svc = build_services(f"sqlite:///{db_dir / 'bench.sqlite3'}")
    ui = UiContext(svc, Actor(id=None, name="bench", role=Role.ADMINISTRATOR), TaskRunner(), Prefs())
    page = create_page(ui)
    page.resize(1366, 768)
    page.show()
    page._loaded_meters(meters)  # what the initial load's task callback does, without the database
    settle(app)
    return app, page


def settle(app: Any) -> None:
    for _ in range(3):
        app.processEvents()


def timed(app: Any, fn: Any) -> float:
    start = time.perf_counter()
    fn()
    settle(app)
    return (time.perf_counter() - start) * 1000


def run(n: int, reps: int) -> list[tuple[str, int, list[float]]]:
    from acrel_console.domain.status import MeterStatus
    from acrel_console.ui.pages.meters_page import TABLE

    meters = population(n)
    gateways = sorted({m.gateway_id for m in meters})
    rows: list[tuple[str, int, list[float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        app, page = build_page(Path(tmp), meters)
        resets: list[int] = []
        page.model.modelReset.connect(lambda: resets.append(1))
        tick = 0

        def incremental(label: str, chunk: int | None = None) -> None:
            nonlocal tick
            times = []
            for r in range(reps):
                gw = gateways[(r * 7 + tick) % len(gateways)]
                batch = batch_for(page.model.meters(), gw, tick)
                if chunk is not None:
                    batch = batch[:chunk]
                tick += 1
                times.append(timed(app, lambda b=batch, g=gw: page.apply_sweep(sweep(b, g))))
            rows.append((label, len(batch), times))

        page.apply_sweep(sweep(batch_for(page.model.meters(), gateways[-1], 99), gateways[-1]))  # warm-up
        settle(app)
        incremental("grid, chunk of 64 (mid-sweep publish)", 64)
        incremental("grid, one bus of 128")
        page.set_filter(page.proxy.meter_filter.with_(statuses=frozenset({MeterStatus.ARREARS, MeterStatus.OPENED})))
        settle(app)
        incremental("grid, status filter on (rows enter/leave)")
        page.set_filter(page.proxy.meter_filter.with_(statuses=frozenset()))
        page.set_view(TABLE)
        settle(app)
        incremental("table view, one bus of 128")
        # a site workstation (no poller in the process) re-reads every meter and applies the lot:
        # 20,000 values compared, the ~1% that changed signalled
        page.set_view(0)
        settle(app)
        times = []
        for r in range(max(2, reps // 4)):
            current = page.model.meters()
            fresh = [dataclasses.replace(m, remaining_fen=(m.remaining_fen or 0) - 1) if i % 100 == r else m
                     for i, m in enumerate(current)]
            times.append(timed(app, lambda f=fresh: page.apply_meters(f)))
        rows.append((f"workstation re-read: all {len(fresh):,}, 1% changed", len(fresh) // 100, times))
        assert not resets, "an incremental update reset the model"
        page.set_view(0)
        settle(app)
        # the page lays 20,000 tiles out in batches over several event-loop turns; for the baseline the
        # whole layout a reset causes is counted (single pass), since the GUI thread pays all of it
        from PySide6.QtWidgets import QListView

        page.grid.setLayoutMode(QListView.LayoutMode.SinglePass)
        times = []
        for r in range(max(2, reps // 4)):
            gw = gateways[(r * 5 + tick) % len(gateways)]
            batch = {m.meter_id: m for m in batch_for(page.model.meters(), gw, tick)}
            tick += 1
            full = [batch.get(m.meter_id, m) for m in page.model.meters()]
            times.append(timed(app, lambda f=full: page.model.set_meters(f)))
        rows.append(("baseline: full model reset, grid", len(batch), times))
        # operator actions (not per update; shown for reference): a search, clearing it, a column sort
        from acrel_console.ui.meters.live_model import COLUMN_KEYS

        page.grid.setLayoutMode(QListView.LayoutMode.Batched)
        settle(app)
        for label, action in (
                ("action: search a tenant (55% shown)",
                 lambda: page.set_filter(page.proxy.meter_filter.with_(text="租户1"))),
                ("action: clear the search", lambda: page.set_filter(page.proxy.meter_filter.with_(text=""))),
                ("action: sort by remaining amount", lambda: page.proxy.sort(COLUMN_KEYS.index("remaining")))):
            rows.append((label, 0, [timed(app, action)]))
        page.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 meters, fewer repetitions")
    parser.add_argument("--meters", type=int, default=None)
    parser.add_argument("--reps", type=int, default=None)
    args = parser.parse_args(argv)
    n = args.meters or (5_000 if args.quick else 20_000)
    reps = args.reps or (6 if args.quick else 20)
    started = time.perf_counter()
    rows = run(n, reps)
    baseline = statistics.median(next(r for r in rows if r[0].startswith("baseline"))[2])
    print(f"\nMeters page grid, {n:,} meters, offscreen 1366x768, {reps} updates per scenario "
          f"(GUI-thread ms: apply_sweep + event processing)")
    header = f"{'scenario':44} {'rows':>5} {'median':>8} {'max':>8} {'vs reset':>9}  aim <= {AIM_MS:.0f} ms"
    print(header)
    print("-" * len(header))
    worst_ok = True
    for label, size, times in rows:
        med, worst = statistics.median(times), max(times)
        is_base = label.startswith(("baseline", "action"))
        verdict = "" if is_base else ("ok" if med <= AIM_MS else "OVER")
        if not is_base and med > AIM_MS:
            worst_ok = False
        shown = str(size) if size else "-"
        print(f"{label:44} {shown:>5} {med:>8.1f} {worst:>8.1f} {med / baseline:>8.2f}x  {verdict}")
    print(f"(total {time.perf_counter() - started:.1f} s)")
    return 0 if worst_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

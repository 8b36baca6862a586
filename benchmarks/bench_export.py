"""Benchmark of the shared .xlsx export: 100,000 rows x 10 columns, time and peak memory, with baselines.

Run:  .venv/bin/python benchmarks/bench_export.py [--rows 100000]
Each scenario runs in its own subprocess so its peak RSS (getrusage ru_maxrss) is its own; the
"added" column is the peak minus the RSS right after imports. Targets (issue 5): <= 15 s and
<= 150 MB for 100,000 rows, and the GUI thread never stalled > 100 ms (measured here as the
longest gap of a 10 ms ticker on the main thread while the export runs in a worker thread).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

SCENARIOS = ("export_xlsx", "export_xlsx_in_thread", "csv_writer", "openpyxl_write_only_plain", "openpyxl_default")
DEFAULT_SCALED_ROWS = 10_000  # openpyxl_default keeps the whole sheet in memory: run 10k, scale x rows/10k


def rows(n: int) -> Iterator[tuple[Any, ...]]:
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for i in range(n):
        yield (
            f"{100000 + i}",
            f"商铺{i % 997}号 张三",
            (i * 7919) % 5_000_000 - 100_000,
            (i * 104729) % 10_000_000,
            i % 400,
            date(2026, 1, 1) + timedelta(days=i % 365),
            start + timedelta(minutes=i),
            Decimal(i % 1000) / 1000,
            (i * 31) % 100_000,
            "正常" if i % 3 else "欠费",
        )


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def run_scenario(name: str, n: int, out_dir: Path) -> dict[str, Any]:
    from acrel_console.services.export import Column, ColumnKind, TableSpec, export_xlsx

    columns = (
        Column("表号"), Column("用户名"), Column("售电金额", ColumnKind.YUAN, total=True),
        Column("用电量", ColumnKind.KWH, total=True), Column("次数", ColumnKind.INT, total=True),
        Column("日期", ColumnKind.DATE), Column("抄表时间", ColumnKind.DATETIME), Column("比例", ColumnKind.PERCENT),
        Column("余额", ColumnKind.YUAN), Column("状态"),
    )
    table = TableSpec(title="电表综合报表", columns=columns, site_name="基准站点", period_text="2026",
                      generated_by="bench", generated_at=datetime.now(timezone.utc), time_zone=ZoneInfo("Asia/Shanghai"))
    import openpyxl

    base = rss_mb()
    stall_ms = None
    measured_rows = n
    t0 = time.perf_counter()
    if name == "export_xlsx":
        export_xlsx(out_dir / "a.xlsx", table, rows(n))
    elif name == "export_xlsx_in_thread":
        worker = threading.Thread(target=export_xlsx, args=(out_dir / "b.xlsx", table, rows(n)))
        worker.start()
        last = time.perf_counter()
        worst = 0.0
        while worker.is_alive():
            time.sleep(0.010)
            now = time.perf_counter()
            worst = max(worst, now - last - 0.010)
            last = now
        worker.join()
        stall_ms = round(worst * 1000, 1)
    elif name == "csv_writer":
        with open(out_dir / "c.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow([c.header for c in columns])
            w.writerows(rows(n))
    elif name == "openpyxl_write_only_plain":
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet()
        ws.append([c.header for c in columns])
        for r in rows(n):
            ws.append([v.replace(tzinfo=None) if isinstance(v, datetime) else v for v in r])
        wb.save(out_dir / "d.xlsx")
    elif name == "openpyxl_default":
        measured_rows = min(n, DEFAULT_SCALED_ROWS)
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append([c.header for c in columns])
        for r in rows(measured_rows):
            ws.append([v.replace(tzinfo=None) if isinstance(v, datetime) else v for v in r])
        wb.save(out_dir / "e.xlsx")
    else:
        raise SystemExit(f"unknown scenario {name}")
    seconds = time.perf_counter() - t0
    scale = n / measured_rows
    return {
        "scenario": name,
        "rows": measured_rows,
        "seconds": round(seconds, 2),
        "seconds_for_n": round(seconds * scale, 2),
        "peak_rss_mb": round(rss_mb(), 1),
        "added_mb": round(rss_mb() - base, 1),
        "added_mb_for_n": round((rss_mb() - base) * scale, 1),
        "scaled": scale != 1,
        "max_stall_ms": stall_ms,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="20,000 rows instead of 100,000")
    parser.add_argument("--scenario", choices=SCENARIOS, help="(internal) run one scenario and print JSON")
    args = parser.parse_args()
    if args.quick and args.rows == 100_000:
        args.rows = 20_000
    if args.scenario:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(run_scenario(args.scenario, args.rows, Path(tmp))))
        return 0

    results = []
    for name in SCENARIOS:
        proc = subprocess.run(
            [sys.executable, __file__, "--scenario", name, "--rows", str(args.rows)],
            capture_output=True, text=True, check=True, env=dict(os.environ),
        )
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    print(f"{args.rows:,} rows x 10 columns (python {sys.version.split()[0]}, {os.cpu_count()} cpus)")
    head = f"{'scenario':28} {'rows run':>9} {'s':>7} {'s @N':>7} {'peak MB':>8} {'added MB':>9} {'stall ms':>9}"
    print(head)
    print("-" * len(head))
    for r in results:
        stall = "" if r["max_stall_ms"] is None else f"{r['max_stall_ms']:.1f}"
        mark = " (scaled)" if r["scaled"] else ""
        print(f"{r['scenario']:28} {r['rows']:>9,} {r['seconds']:>7.2f} {r['seconds_for_n']:>7.2f} "
              f"{r['peak_rss_mb']:>8.1f} {r['added_mb_for_n']:>9.1f} {stall:>9}{mark}")
    ours = results[0]
    ok = ours["seconds"] <= 15 and ours["peak_rss_mb"] <= 150
    stall = results[1]["max_stall_ms"]
    print(f"target <= 15 s and <= 150 MB peak: {'met' if ok else 'MISSED'}; longest main-thread stall {stall} ms "
          f"(target <= 100 ms)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

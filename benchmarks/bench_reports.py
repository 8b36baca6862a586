"""Report speed: one year of history for 2,000 meters (daily aggregates for the year, 30-minute readings
for the last week); monthly, yearly and day-by-hour energy reports, against a bare SQL baseline over the
same rows in the same run."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text  # noqa: E402

from acrel_console.storage.reading_days import between  # noqa: E402

SH = ZoneInfo("Asia/Shanghai")


def build(url: str, meters: int, days: int, reading_days: int) -> tuple[object, object]:
    from acrel_console.app import build_services
    from acrel_console.storage.reading_codec import StoredReading, day_of, encode

    svc = build_services(url)
    admin = svc.operators.create_first_admin("admin", "bench-pass")
    svc.site.add_building(admin, "A")
    svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    end = date(2026, 12, 31)
    # addresses are unique per bus: spread meters over gateways of 200
    with svc.ctx.engine.begin() as conn:
        for g in range(2, meters // 200 + 2):
            conn.execute(text("INSERT INTO gateways (name, kind, host, port, baud, parity, stopbits, timeout_ms, "
                              "retries, inter_frame_delay_ms, enabled, notes) VALUES "
                              "(:n, 'modbus-tcp', '127.0.0.1', 1502, 9600, 'N', 1, 500, 1, 0, 1, '')"), {"n": f"G{g}"})
        conn.execute(text("INSERT INTO meters (gateway_id, address, model, room, building_id, ct_ratio, meter_no, "
                          "retired, created_at, notes) VALUES (:g, :a, 'DDSY1352', :r, 1, 1, '', 0, :t, '')"),
                     [{"g": 1 + i // 200, "a": i % 200 + 1, "r": f"R{i:05d}", "t": "2026-01-01 00:00:00"}
                      for i in range(meters)])
        ids = [r[0] for r in conn.execute(text("SELECT id FROM meters ORDER BY id"))]
        rows = []
        for n in range(days):
            d = end - timedelta(days=days - 1 - n)
            for mid in ids:
                e = 500 + (mid * 7 + n * 13) % 900
                rows.append({"m": mid, "d": d, "e": e, "p1": e // 10, "p2": e // 4, "p3": e // 3,
                             "p4": e - e // 10 - e // 4 - e // 3})
            if len(rows) > 50_000:
                _insert_daily(conn, rows)
                rows = []
        _insert_daily(conn, rows)
        start = datetime.combine(end - timedelta(days=reading_days - 1), datetime.min.time(), SH).astimezone(timezone.utc)
        batch = []
        for mid in ids:  # raw readings packed a UTC day per row, as the poller stores them
            by_day: dict[date, list[StoredReading]] = {}
            for k in range(reading_days * 48 + 1):
                at = start + timedelta(minutes=30 * k)
                by_day.setdefault(day_of(at), []).append(StoredReading(at, 100_000 + k * (mid % 50 + 1)))
            batch += [{"m": mid, "d": d, "n": len(rs), "p": encode(d, rs)} for d, rs in by_day.items()]
            if len(batch) > 5_000:
                _insert_readings(conn, batch)
                batch = []
        _insert_readings(conn, batch)
    return svc, admin


def _insert_daily(conn: object, rows: list[dict[str, object]]) -> None:
    if rows:
        conn.execute(text("INSERT INTO meter_daily_energy (meter_id, day, energy_total, energy_p1, energy_p2, "  # type: ignore[attr-defined]
                          "energy_p3, energy_p4, readings, resets) VALUES (:m, :d, :e, :p1, :p2, :p3, :p4, 48, 0)"),
                     rows)


def _insert_readings(conn: object, rows: list[dict[str, object]]) -> None:
    if rows:
        conn.execute(text("INSERT INTO meter_reading_days (meter_id, day, readings, packed) "  # type: ignore[attr-defined]
                          "VALUES (:m, :d, :n, :p)"), rows)


def timed(fn: object, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    meters, days, reading_days = (400, 365, 2) if args.quick else (2000, 365, 7)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ACREL_DATA_DIR"] = tmp
        t0 = time.perf_counter()
        svc, admin = build(f"sqlite:///{tmp}/bench.sqlite3", meters, days, reading_days)
        build_s = time.perf_counter() - t0
        rs = svc.reports  # type: ignore[attr-defined]
        month = rs.period(admin, "month", "2026-11")
        year = rs.period(admin, "year", "2026")
        day = rs.period(admin, "day", "2026-12-30")

        def baseline_month() -> None:
            with svc.ctx.engine.connect() as conn:  # type: ignore[attr-defined]
                conn.execute(text("SELECT meter_id, day, energy_total FROM meter_daily_energy "
                                  "WHERE day >= '2026-11-01' AND day < '2026-12-01'")).fetchall()

        def baseline_day() -> None:  # every meter's raw readings of the day
            with svc.ctx.read() as s:  # type: ignore[attr-defined]
                for mid in range(1, meters + 1):
                    list(between(s, mid, day.start_utc - timedelta(hours=1), day.end_utc))

        rows = [
            ("monthly energy report (by day)", timed(lambda: rs.energy(admin, month), 3), timed(baseline_month, 3), 2.0),
            ("monthly energy by building", timed(lambda: rs.energy(admin, month, "building"), 3), timed(baseline_month, 3), 2.0),
            ("yearly energy report (by month)", timed(lambda: rs.energy(admin, year), 1), None, None),
            ("day by hour (30-min readings)", timed(lambda: rs.energy(admin, day), 3), timed(baseline_day, 3), None),
        ]
        print(f"\n{meters} meters, {days} days of daily aggregates, {reading_days} days of 30-minute readings "
              f"(built in {build_s:.1f} s)")
        print(f"{'report':36} {'seconds':>9} {'baseline s':>11} {'ratio':>7} {'aim':>8}")
        for name, secs, base, aim in rows:
            ratio = f"{secs / base:.1f}x" if base else "—"
            aim_text = f"<= {aim:.0f} s" if aim else ""
            print(f"{name:36} {secs:9.3f} {('%.3f' % base) if base else '—':>11} {ratio:>7} {aim_text:>8}")
        svc.close()  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

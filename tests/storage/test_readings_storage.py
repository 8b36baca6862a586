"""Readings at scale (issue 15): hourly and daily roll-ups written as readings arrive equal the sums of the raw
readings (also for readings stored before the upgrade); raw readings are pruned after the retention period
keeping what they must; reports still work on pruned history; PostgreSQL partitions readings by month."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session

from acrel_console.domain.energy_rollup import COUNTERS
from acrel_console.domain.readings import MeterReading
from acrel_console.services.polling.store import store_history
from acrel_console.services.readings_retention import months_back, prune_readings
from acrel_console.services.reports.service import ReportService
from acrel_console.storage import migrate, reading_partitions
from acrel_console.storage.engine import make_engine
from acrel_console.storage.reading_days import of_meter
from acrel_console.storage.tables.readings import HOURS, DailyEnergyRow
from tests.services.helpers import make_services

SH = ZoneInfo("Asia/Shanghai")


def _readings(seed: int, start: datetime, count: int) -> list[MeterReading]:
    """Half-hourly readings with random consumption, a counter reset, a gap and an unknown counter."""
    rnd = random.Random(seed)
    out, total, periods, at = [], 50_000, [10_000, 20_000, 15_000, 5_000], start
    for i in range(count):
        at += timedelta(minutes=30 if i % 97 else 300)  # now and then a few hours without a reading
        if i == count // 2:
            total, periods = 100, [25, 25, 25, 25]  # meter replaced: counters start again
        else:
            added = [rnd.randrange(0, 40) for _ in range(4)]
            periods = [p + a for p, a in zip(periods, added)]
            total += sum(added)
        unknown = i % 53 == 0
        out.append(MeterReading(at, None, energy_total=None if unknown else total,
                                energy_by_period=None if unknown else tuple(periods),  # type: ignore[arg-type]
                                remaining_fen=rnd.randrange(-500, 90_000)))
    return out


def _raw_sums(s: object, meter_id: int) -> dict[date, tuple[list[int], list[int]]]:
    """Day -> (counter sums, hour sums) recomputed independently from the raw rows."""
    rows = of_meter(s, meter_id)  # type: ignore[arg-type]
    out: dict[date, tuple[list[int], list[int]]] = {}
    prev = None
    for r in rows:
        local = r.read_at.astimezone(SH)
        sums, hours = out.setdefault(local.date(), ([0] * 5, [0] * 24))
        if prev is not None:
            for i, c in enumerate(COUNTERS):
                a, b = getattr(prev, c), getattr(r, c)
                if a is not None and b is not None and b >= a:
                    sums[i] += b - a
                    if i == 0:
                        hours[local.hour] += b - a
        prev = r
    return out


def test_roll_ups_written_as_readings_arrive_equal_the_raw_sums(db_url: str) -> None:
    svc, admin = make_services(db_url)
    svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    ids = [svc.site.add_meter(admin, gateway="G", address=a, model="DDSY1352", room=f"R{a}").id for a in (1, 2)]
    start = datetime(2026, 3, 1, 15, 10, tzinfo=timezone.utc)  # 23:10 in Shanghai
    series = {mid: _readings(mid, start, 300) for mid in ids}
    for k in range(300):  # one history sweep at a time, as the poller stores them
        with svc.ctx.transaction() as s:
            store_history(s, [series[m][k] for m in ids], ids, SH)
    with svc.ctx.read() as s:
        for mid in ids:
            raw = _raw_sums(s, mid)
            days = {d.day: d for d in s.execute(select(DailyEnergyRow).where(DailyEnergyRow.meter_id == mid)).scalars()}
            assert set(days) == set(raw) and len(days) >= 7
            for day, (sums, hours) in raw.items():
                d = days[day]
                assert [d.energy_total, d.energy_p1, d.energy_p2, d.energy_p3, d.energy_p4] == sums, day
                assert [getattr(d, h) for h in HOURS] == hours, day
                assert sum(hours) == d.energy_total
            assert sum(d.resets for d in days.values()) == 1
    svc.close()


def test_readings_stored_before_the_upgrade_get_their_hours(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0005_live")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO gateways (name, kind, host, port, baud, parity, stopbits, timeout_ms, retries, "
                          "inter_frame_delay_ms, enabled, notes, local_echo) VALUES "
                          "('G', 'modbus-tcp', '127.0.0.1', 1502, 9600, 'N', 1, 500, 1, 0, true, '', false)"))
        conn.execute(text("INSERT INTO meters (gateway_id, address, model, room, ct_ratio, meter_no, retired, "
                          "created_at, notes) VALUES (1, 1, 'DDSY1352', 'R1', 1, '', false, :t, '')"),
                     {"t": datetime(2026, 1, 1, tzinfo=timezone.utc)})
        at = datetime(2026, 3, 1, 16, 30, tzinfo=timezone.utc)  # 00:30 on March 2nd in Shanghai
        for i, total in enumerate((1000, 1100, 1250, 1000, 1400)):  # the 4th went backwards
            conn.execute(text("INSERT INTO meter_readings (meter_id, read_at, energy_total) VALUES (1, :t, :e)"),
                         {"t": at + timedelta(hours=i), "e": total})
        conn.execute(text("INSERT INTO meter_daily_energy (meter_id, day, energy_total, energy_p1, energy_p2, "
                          "energy_p3, energy_p4, readings, resets) VALUES (1, :d, 650, 0, 0, 0, 0, 5, 1)"),
                     {"d": date(2026, 3, 2)})
    migrate.upgrade(engine)
    with engine.connect() as conn:
        hours = conn.execute(text("SELECT " + ", ".join(HOURS) + " FROM meter_daily_energy")).one()
        assert list(hours) == [0, 100, 150, 0, 400] + [0] * 19
        assert conn.execute(text("SELECT sum(readings) FROM meter_reading_days")).scalar() == 5
        assert reading_partitions.partitioned(conn) == (conn.dialect.name == "postgresql")
    engine.dispose()


def test_pruning_keeps_the_period_and_each_meters_newest_reading(db_url: str) -> None:
    svc, admin = make_services(db_url)
    svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    a, b = (svc.site.add_meter(admin, gateway="G", address=x, model="DDSY1352", room=f"R{x}").id for x in (1, 2))
    now = datetime(2027, 4, 20, 4, 0, tzinfo=timezone.utc)
    svc.ctx.clock = lambda: now
    old = datetime(2025, 11, 3, 2, 0, tzinfo=timezone.utc)
    with svc.ctx.engine.begin() as conn:  # the coming months exist on PostgreSQL, as the nightly job keeps them
        reading_partitions.ensure_months(conn, old.date(), date(2027, 6, 1))
    with svc.ctx.transaction() as s:
        for k in range(0, 18):  # meter a: a reading every month; meter b: silent since its old reading
            store_history(s, [MeterReading(old + timedelta(days=30 * k), None, energy_total=1000 + k)], [a], SH)
        store_history(s, [MeterReading(old, None, energy_total=5)], [b], SH)
    cut = datetime.combine(months_back(date(2027, 4, 20), 13), datetime.min.time(), SH).astimezone(timezone.utc)
    result = prune_readings(svc.ctx)  # default: 13 months
    assert result.cutoff == cut
    with svc.ctx.read() as s:
        kept = {(m, r.read_at) for m in (a, b) for r in of_meter(s, m)}
        days = s.execute(select(func.count()).select_from(DailyEnergyRow)).scalar()
    expected_a = {(a, old + timedelta(days=30 * k)) for k in range(18) if old + timedelta(days=30 * k) >= cut}
    assert kept == expected_a | {(b, old)}  # b's only reading is its newest: kept
    assert days == 19  # the roll-ups are never pruned
    # the reports read the roll-ups: a pruned month still has its energy
    rs = ReportService(svc.ctx)
    month = rs.energy(admin, rs.period(admin, "month", "2025-12"))
    assert month.totals()["total"] == 1
    summary = rs.meter_summary(admin, rs.period(admin, "month", "2025-12"))
    row = next(r for r in summary.rows if r[1] == "R1")
    assert (row[3], row[4]) == (1000, 1001)  # previous and current reading, from the daily roll-ups
    prune_readings(svc.ctx, keep_months=1)
    with svc.ctx.read() as s:
        assert {r.read_at for r in of_meter(s, a)} == {
            old + timedelta(days=30 * 17)}
    svc.close()


@pytest.mark.postgres
def test_postgresql_drops_whole_months_and_creates_the_next(pg_url: str) -> None:
    svc, admin = make_services(pg_url)
    svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    a = svc.site.add_meter(admin, gateway="G", address=1, model="DDSY1352", room="R1").id
    now = datetime(2027, 4, 20, 4, 0, tzinfo=timezone.utc)
    svc.ctx.clock = lambda: now
    with svc.ctx.engine.begin() as conn:
        assert reading_partitions.partitioned(conn)
        reading_partitions.ensure_months(conn, date(2025, 1, 1), date(2027, 4, 1))
    with svc.ctx.transaction() as s:
        for k in range(24):
            at = datetime(2025, 5, 10, tzinfo=timezone.utc) + timedelta(days=30 * k)
            store_history(s, [MeterReading(at, None, energy_total=k)], [a], SH)
    result = prune_readings(svc.ctx)
    with svc.ctx.engine.connect() as conn:
        months = reading_partitions.months(conn)
        left = conn.execute(text("SELECT min(day) FROM meter_reading_days")).scalar()
    assert date(2025, 5, 1) in result.dropped_months and date(2025, 5, 1) not in months
    assert date(2027, 6, 1) in months  # two months ahead of the site's today
    assert left is not None and left >= result.cutoff.date()
    with svc.ctx.transaction() as s:  # new readings still go in (into their month, not the default)
        store_history(s, [MeterReading(now, None, energy_total=99)], [a], SH)
    with svc.ctx.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM meter_reading_days_default")).scalar() == 0
    svc.close()


def _partition_old_table(conn: object) -> None:
    """PostgreSQL: meter_readings as releases up to 0010 left it, partitioned by month (here: one DEFAULT)."""
    for sql in ("ALTER TABLE meter_readings RENAME TO meter_readings_plain",
                "CREATE TABLE meter_readings (LIKE meter_readings_plain INCLUDING DEFAULTS) PARTITION BY RANGE (read_at)",
                "CREATE TABLE meter_readings_default PARTITION OF meter_readings DEFAULT",
                "INSERT INTO meter_readings SELECT * FROM meter_readings_plain",
                "DROP TABLE meter_readings_plain CASCADE"):
        conn.exec_driver_sql(sql)  # type: ignore[attr-defined]


def test_the_upgrade_packs_every_stored_reading_and_each_moment_once(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0010_zones")
    at = datetime(2026, 3, 1, 23, 59, 30, 250_000, tzinfo=timezone.utc)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO gateways (name, kind, host, port, baud, parity, stopbits, timeout_ms, retries, "
                          "inter_frame_delay_ms, enabled, notes, local_echo, zone) VALUES "
                          "('G', 'modbus-tcp', '127.0.0.1', 1502, 9600, 'N', 1, 500, 1, 0, true, '', false, '')"))
        conn.execute(text("INSERT INTO meters (gateway_id, address, model, room, ct_ratio, meter_no, retired, "
                          "created_at, notes) VALUES (1, 1, 'DDSY1352', 'R1', 1, '', false, :t, '')"),
                     {"t": datetime(2026, 1, 1, tzinfo=timezone.utc)})
        sqlite = conn.dialect.name == "sqlite"
        rows = [(at, 1000, 10, 20, 30, 40, -150, 3, 2200, True, False),
                (at, 1000, 10, 20, 30, 40, -150, 3, 2200, True, False),  # the same moment stored twice
                (at + timedelta(minutes=1), None, None, None, None, None, 9000, None, None, None, None),
                (at + timedelta(minutes=31), 1020, 10, 20, 50, 40, 8990, 4, 0, False, True)]
        for r in rows:
            conn.execute(text("INSERT INTO meter_readings (meter_id, read_at, energy_total, energy_p1, energy_p2, "
                              "energy_p3, energy_p4, remaining_fen, purchase_count, power_w, relay_closed, forced) "
                              "VALUES (1, :t, :e, :p1, :p2, :p3, :p4, :r, :c, :w, :rc, :f)"),
                         {"t": r[0].replace(tzinfo=None) if sqlite else r[0], "e": r[1], "p1": r[2], "p2": r[3],
                          "p3": r[4], "p4": r[5], "r": r[6], "c": r[7], "w": r[8], "rc": r[9], "f": r[10]})
        if not sqlite:
            _partition_old_table(conn)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert "meter_readings" not in inspect(engine).get_table_names()
        assert reading_partitions.partitioned(conn) == (conn.dialect.name == "postgresql")
        days = conn.execute(text("SELECT day, readings FROM meter_reading_days ORDER BY day")).all()
    assert [(str(d), n) for d, n in days] == [("2026-03-01", 1), ("2026-03-02", 2)]  # UTC days
    with Session(engine) as s:
        stored = of_meter(s, 1)
    assert [(r.read_at, r.values(), r.relay_closed, r.forced) for r in stored] == [
        (r[0], r[1:9], r[9], r[10]) for r in (rows[0], rows[2], rows[3])]
    engine.dispose()


def test_the_downgrade_unpacks_every_reading(db_url: str) -> None:
    from alembic import command

    engine = make_engine(db_url)
    migrate.upgrade(engine)
    svc, admin = make_services(db_url)
    svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    mid = svc.site.add_meter(admin, gateway="G", address=1, model="DDSY1352", room="R1").id
    start = datetime(2026, 3, 1, 10, tzinfo=timezone.utc)
    series = [MeterReading(start + timedelta(minutes=30 * k, milliseconds=k), None, energy_total=1000 + k,
                           remaining_fen=500 - k) for k in range(100)]
    with svc.ctx.transaction() as s:
        for r in series:
            store_history(s, [r], [mid], SH)
    svc.close()
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010_zones")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT read_at, energy_total, remaining_fen FROM meter_readings ORDER BY read_at")).all()
    at = [t if isinstance(t, datetime) else datetime.fromisoformat(t) for t, _e, _r in rows]
    assert [a.replace(tzinfo=None) for a in at] == [r.read_at.replace(tzinfo=None) for r in series]
    assert [(e, r) for _t, e, r in rows] == [(r.energy_total, r.remaining_fen) for r in series]
    engine.dispose()

"""Raw readings packed a day per row (issue 15: a year × 2,000 meters ≤ 1.5 GB): every value and flag comes back
exactly, a realistic day costs ~15 bytes a reading, a reading persisted twice is stored and counted once."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from acrel_console.domain.readings import MeterReading
from acrel_console.services.polling.store import store_history
from acrel_console.storage.reading_codec import (
    StoredReading,
    day_start,
    decode,
    encode,
    merge,
    stored_time,
)
from acrel_console.storage.reading_days import add_readings, between, count_between, newest_before, of_meter
from acrel_console.storage.tables.readings import DailyEnergyRow
from tests.services.helpers import make_services

DAY = date(2026, 3, 1)
SH = ZoneInfo("Asia/Shanghai")


def _random_day(rnd: random.Random, n: int) -> list[StoredReading]:
    times = sorted(rnd.sample(range(86_400_000), n))
    out = []
    for t in times:
        def value(lo: int, hi: int) -> int | None:
            return None if rnd.random() < 0.15 else rnd.randrange(lo, hi)
        flag = rnd.choice((None, True, False))
        out.append(StoredReading(day_start(DAY) + timedelta(milliseconds=t), value(0, 2**40), value(0, 10**9),
                                 value(0, 10**6), value(0, 100), value(0, 3), value(-10**7, 10**7),
                                 value(0, 70_000), value(-50_000, 2**31), relay_closed=flag,
                                 forced=rnd.choice((None, True, False))))
    return out


@pytest.mark.parametrize("seed", range(40))
def test_every_value_and_flag_comes_back(seed: int) -> None:
    rnd = random.Random(seed)
    readings = _random_day(rnd, rnd.choice((0, 1, 2, 48, 300)))
    assert decode(DAY, encode(DAY, readings)) == readings


def test_a_realistic_day_costs_about_fifteen_bytes_a_reading() -> None:
    rnd = random.Random(7)
    total, periods, money, out = 1_234_567, [100_000, 300_000, 500_000, 334_567], 80_000, []
    for k in range(48):  # a shop: 0-3 kWh each half hour, billed as it goes
        used = rnd.randrange(0, 300)
        periods[k * 4 // 48] += used
        total += used
        money -= used * 60 // 100
        at = day_start(DAY) + timedelta(minutes=30 * k, milliseconds=rnd.randrange(0, 9000))
        out.append(StoredReading(at, total, periods[0], periods[1], periods[2], periods[3], remaining_fen=money,
                                 purchase_count=12,
                                 power_w=rnd.randrange(0, 6000), relay_closed=True, forced=False))
    packed = encode(DAY, out)
    assert decode(DAY, packed) == out
    assert len(packed) / 48 <= 17  # one row a reading was ~111 bytes in SQLite


def test_out_of_order_or_outside_the_day_is_refused() -> None:
    at = day_start(DAY) + timedelta(hours=1)
    with pytest.raises(ValueError):
        encode(DAY, [StoredReading(at), StoredReading(at - timedelta(seconds=1))])
    with pytest.raises(ValueError):
        encode(DAY, [StoredReading(at), StoredReading(at)])
    with pytest.raises(ValueError):
        encode(DAY, [StoredReading(at + timedelta(days=1))])
    with pytest.raises(ValueError):
        decode(DAY, b"\x09\x00")  # a pack version this code does not know


def test_merge_sorts_and_keeps_the_first_of_a_repeated_moment() -> None:
    t = [day_start(DAY) + timedelta(hours=h) for h in range(4)]
    day, added = merge([StoredReading(t[0], 1), StoredReading(t[2], 3)], [StoredReading(t[1], 2),
                                                                          StoredReading(t[2], 99)])
    assert [(r.read_at, r.energy_total) for r in day] == [(t[0], 1), (t[1], 2), (t[2], 3)]
    assert added == [StoredReading(t[1], 2)]
    assert stored_time(datetime(2026, 3, 1, 1, 2, 3, 456789, tzinfo=timezone.utc)).microsecond == 456000


def test_a_reading_persisted_twice_is_stored_and_counted_once(db_url: str) -> None:
    """Before: the same sweep's reading stored again was a second row and the day said 2 readings."""
    svc, admin = make_services(db_url)
    svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    mid = svc.site.add_meter(admin, gateway="G", address=1, model="DDSY1352", room="R1").id
    at = datetime(2026, 3, 1, 2, 0, 0, 123456, tzinfo=timezone.utc)
    first = MeterReading(at, None, energy_total=1000, energy_by_period=(0, 0, 1000, 0))
    second = MeterReading(at + timedelta(minutes=30), None, energy_total=1100, energy_by_period=(0, 0, 1100, 0))
    for reading in (first, second, second):
        with svc.ctx.transaction() as s:
            store_history(s, [reading], [mid], SH)
    with svc.ctx.read() as s:
        stored = of_meter(s, mid)
        [daily] = s.execute(select(DailyEnergyRow.readings, DailyEnergyRow.energy_total, DailyEnergyRow.energy_p3)
                            .where(DailyEnergyRow.meter_id == mid)).all()
    assert [r.energy_total for r in stored] == [1000, 1100]
    assert tuple(daily) == (2, 100, 100)
    svc.close()


def test_readers_cross_day_rows(db_url: str) -> None:
    svc, admin = make_services(db_url)
    svc.site.add_gateway(admin, name="G", kind="modbus-tcp", tcp="127.0.0.1:1502")
    mid = svc.site.add_meter(admin, gateway="G", address=1, model="DDSY1352", room="R1").id
    start = datetime(2026, 2, 27, 22, tzinfo=timezone.utc)
    readings = [StoredReading(start + timedelta(hours=5 * k), energy_total=k) for k in range(40)]  # 8 days
    with svc.ctx.transaction() as s:
        assert add_readings(s, mid, reversed(readings)) == 40  # any order in, sorted at rest
        assert add_readings(s, mid, readings[:3]) == 0
    a, b = start + timedelta(hours=23), start + timedelta(hours=131)
    with svc.ctx.read() as s:
        inside = [r for r in readings if a <= r.read_at < b]
        assert list(between(s, mid, a, b)) == inside
        assert count_between(s, mid, a, b) == len(inside) == 22
        assert newest_before(s, mid, a) == readings[4]
        assert newest_before(s, mid, start) is None
        assert of_meter(s, mid) == readings
    svc.close()

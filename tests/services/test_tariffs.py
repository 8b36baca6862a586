"""Tariffs: validation, versions, assignment, interval billing boundaries and the arrears-trip rule."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from decimal import Decimal

import pytest

from acrel_console.domain.errors import ValidationError
from acrel_console.domain.readings import MeterReading
from acrel_console.domain.timewindows import parse_windows
from acrel_console.ledger import tariffs
from acrel_console.ledger.tariffs import TariffBody, arrears_trip, bill_interval
from acrel_console.services.site_settings import SiteSettingsService
from tests.ledger.helpers import World, make_world

TOU = TariffBody("tou", (15000, 12000, 8000, 4000), ((0, 3), (480, 2), (600, 1), (1080, 0), (1260, 2)))
TIERED = TariffBody("tiered", (5000,) * 4, tiers=((20000, 5000), (40000, 6000), (None, 8000)))  # 200/400 kWh
LOCAL = datetime(2026, 3, 5, 12, 0)


@pytest.mark.parametrize("body,energy,at,expected_fen", [
    (tariffs.flat(5880), 100, LOCAL, 59),  # 1 kWh x 0.588 = 0.588 -> 0.59 (half up)
    (tariffs.flat(5000), 1, LOCAL, 1),  # 0.01 kWh x 0.5 = 0.005 -> 0.01
    (tariffs.flat(4999), 1, LOCAL, 0),  # 0.004999 -> 0.00
    (TOU, 100, LOCAL.replace(hour=7, minute=59), 40),  # 谷 until 08:00
    (TOU, 100, LOCAL.replace(hour=8, minute=0), 80),  # 平 from 08:00
    (TOU, 100, LOCAL.replace(hour=20, minute=59), 150),  # 尖 18:00-21:00
    (TOU, 100, LOCAL.replace(hour=23, minute=59), 80),
])
def test_bill_interval_boundaries(body: TariffBody, energy: int, at: datetime, expected_fen: int) -> None:
    assert bill_interval(body, energy, at).cost_fen == expected_fen


def test_tou_uses_the_meters_period_energy_when_given() -> None:
    bill = bill_interval(TOU, 400, LOCAL, by_period_centi_kwh=(100, 100, 100, 100))
    assert bill.cost_fen == 150 + 120 + 80 + 40


@pytest.mark.parametrize("used,energy,expected_fen,split", [
    (0, 10000, 5000, (10000, 0, 0)),
    (19000, 2000, 500 + 600, (1000, 1000, 0)),  # crosses 200 kWh
    (39900, 200, 60 + 80, (0, 100, 100)),  # crosses 400 kWh
    (50000, 100, 80, (0, 0, 100)),
])
def test_tiered_splits_over_the_boundary(used: int, energy: int, expected_fen: int, split: tuple[int, ...]) -> None:
    bill = bill_interval(TIERED, energy, LOCAL, used_in_tier_period_centi_kwh=used)
    assert (bill.cost_fen, bill.by_tier_centi_kwh) == (expected_fen, split)
    assert tariffs.download_prices(TIERED, used) in ((5000,) * 4, (6000,) * 4, (8000,) * 4)


@pytest.mark.parametrize("balance,before,at,trip,streak", [
    (100, 1, time(12), False, 0),
    (0, 0, time(12), False, 1),  # first read at zero: not yet
    (0, 1, time(12), True, 2),  # second consecutive: trip
    (-5, 1, time(19), False, 2),  # inside the no-trip window 18:00-09:30
    (-5, 2, time(9, 30), True, 3),  # window ends at 09:30
    (-5, 2, time(9, 29), False, 3),
])
def test_arrears_trip_rule(balance: int, before: int, at: time, trip: bool, streak: int) -> None:
    assert arrears_trip(balance, before, at, parse_windows("18:00-09:30")) == (trip, streak)


@pytest.mark.parametrize("body", [
    TariffBody("flat", (1, 2, 1, 1)), TariffBody("tou", (0, 1, 1, 1)), TariffBody("tou", (1, 1, 1, 1), ((60, 1),)),
    TariffBody("tou", (1, 1, 1, 1), tuple((i * 60, 0) for i in range(15))),
    TariffBody("tiered", (1, 1, 1, 1), tiers=((100, 1), (50, 2), (None, 3))),
    TariffBody("tiered", (1, 1, 1, 1), tiers=((100, 1),)), TariffBody("weird", (1, 1, 1, 1))])
def test_invalid_bodies_are_refused(body: TariffBody) -> None:
    with pytest.raises(ValidationError):
        tariffs.validate(body)


@pytest.fixture
def w(db_url: str) -> World:
    world = make_world(db_url, n_meters=2)
    yield world
    world.svc.close()


def test_versions_and_assignment(w: World) -> None:
    t = w.tariffs.create(w.admin, "Flat", tariffs.flat(6000))
    later = w.clock.now + timedelta(days=10)
    w.tariffs.add_version(w.admin, t.tariff_id, tariffs.flat(7000), effective_from=later)
    assert w.tariffs.get(w.admin, t.tariff_id).body.prices[0] == 6000
    assert w.tariffs.get(w.admin, t.tariff_id, at=later + timedelta(seconds=1)).body.prices[0] == 7000
    assert w.tariffs.get(w.admin, t.tariff_id).versions == 2
    res = w.tariffs.assign(w.admin, t.tariff_id, w.meters)
    assert len(res.download_command_ids) == 2
    assert w.tariffs.meter_tariff(w.admin, w.meters[0]).name == "Flat"
    with pytest.raises(ValidationError):
        w.tariffs.add_version(w.admin, t.tariff_id, TOU)


def test_console_side_billing_books_consumption_and_trips_after_two_reads(w: World) -> None:
    m = w.meters[0]
    SiteSettingsService(w.ctx).update(w.admin, {"no_trip_hours": "", "timezone": "UTC"})
    t = w.tariffs.create(w.admin, "Flat", tariffs.flat(10000))
    w.tariffs.assign(w.admin, t.tariff_id, [m], download=False)
    w.accounts.open_account(w.cashier, "Chen", "1", [m])
    w.vending.sell(w.cashier, m, "1.50", "cash")

    def read(energy: int) -> MeterReading:
        return MeterReading(read_at=w.clock(), type_code=None, energy_total=energy)

    assert w.tariffs.bill_reading(w.admin, m, read(1000)).note.startswith("first reading")
    out = w.tariffs.bill_reading(w.admin, m, read(1100))  # 1 kWh at 1 yuan
    assert (out.cost_fen, out.balance_fen, out.trip_command_id) == (100, 50, None)
    out = w.tariffs.bill_reading(w.admin, m, read(1150))
    assert (out.balance_fen, out.nonpositive_reads, out.trip_command_id) == (0, 1, None)
    out = w.tariffs.bill_reading(w.admin, m, read(1150))
    assert out.nonpositive_reads == 2 and out.trip_command_id is not None
    acc = w.accounts.account_of_meter(w.admin, m)
    assert acc is not None and acc.meters[0].ledger_credit == Decimal("0.00")


def test_tiered_meter_side_boundary_downloads_next_price_and_books_the_difference(w: World) -> None:
    from datetime import datetime as dt

    from acrel_console.services.deliveries import deliver_all

    m = w.meters[0]
    SiteSettingsService(w.ctx).update(w.admin, {"timezone": "UTC"})
    w.accounts.open_account(w.cashier, "Tier", "T", [m])
    w.vending.sell(w.cashier, m, "50", "cash")
    t = w.tariffs.create(w.admin, "Tiers", TIERED)
    res = w.tariffs.assign(w.admin, t.tariff_id, [m])
    deliver_all(w.ctx, w.bus)
    assert w.model(m).prices == (5000,) * 4 and len(res.download_command_ids) == 1

    def step(energy: int, at: dt | None = None):  # type: ignore[no-untyped-def]
        return w.tariffs.tier_step(w.admin, m, MeterReading(read_at=at or w.clock(), type_code=None,
                                                              energy_total=energy))

    assert step(100000).tier_index == 0
    assert step(119000).adjustment_fen == 0
    out = step(121000)  # 210 kWh: 10 kWh above the 200 kWh boundary were charged 0.1 yuan/kWh too little
    assert out.tier_index == 1 and out.download_command_id and out.adjustment_fen == 100
    deliver_all(w.ctx, w.bus)
    assert w.model(m).prices == (6000,) * 4 and w.model(m).remaining_fen == 4900
    assert step(122000).adjustment_fen == 0  # the meter charges the tier price now
    nxt = step(123000, at=dt(2026, 4, 1, 0, 5, tzinfo=timezone.utc))  # a new month: back to tier 1's price
    assert nxt.tier_index == 0 and nxt.download_command_id
    deliver_all(w.ctx, w.bus)
    assert w.model(m).prices == (5000,) * 4
    acc = w.accounts.account_of_meter(w.admin, m)
    assert acc is not None and acc.meters[0].ledger_credit == Decimal("49.00")
    assert w.vending.check_ledger(w.admin) == []

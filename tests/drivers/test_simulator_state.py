"""Simulated meter behaviour with a fake clock: energy by TOU period, money, relay, reboot, demo."""

from __future__ import annotations

import struct
from datetime import datetime

import pytest

from acrel_console.drivers.simulator import (
    DEFAULT_SCHEDULE,
    FakeClock,
    Fault,
    Model,
    SimBus,
    SimMeter,
    build_demo_population,
    make_bus,
    parse_units,
)
from acrel_console.drivers.simulator.probe import purchase_pdu, read_pdu, write_pdu
from acrel_console.drivers.simulator.tariff import FLAT, PEAK, SPIKE, VALLEY

MONDAY_9 = datetime(2026, 3, 2, 9, 0, 0)
ELEVEN = datetime(2026, 3, 2, 11, 0, 0)  # peak until 19:00
PRICES = [20_000, 10_000, 5_000, 2_500]  # 2.00 / 1.00 / 0.50 / 0.25 yuan/kWh


def _bus(at: datetime = MONDAY_9, **kw: object) -> SimBus:
    fields: dict[str, object] = dict(address=1, load_w=1000, remaining_fen=100_000, prices=list(PRICES))
    fields.update(kw)
    return SimBus([SimMeter(**fields)], clock=FakeClock(at))  # type: ignore[arg-type]


def test_energy_and_balance_follow_the_fake_clock() -> None:
    bus = _bus()
    bus.advance(3600)  # 09:00-10:00 peak, 1 kWh
    m = bus.meter(1)
    assert m.energy == [0, 100, 0, 0]
    assert m.remaining_fen == 100_000 - 100  # 1 kWh x 1.00 yuan
    bus.advance(1800)  # 10:00-10:30 spike, 0.5 kWh at 2.00
    assert m.energy == [50, 100, 0, 0] and m.remaining_fen == 100_000 - 200
    bus.advance(0)
    assert m.energy_total == 150


def test_one_step_across_period_boundaries_splits_energy() -> None:
    bus = _bus(at=datetime(2026, 3, 2, 6, 30))
    bus.advance(4 * 3600)  # 06:30-10:30: valley 0.5, flat 1, peak 2, spike 0.5 kWh
    m = bus.meter(1)
    assert m.energy == [50, 200, 100, 50]
    assert m.remaining_fen == 100_000 - (100 + 200 + 50 + 12)  # valley 12.5 fen, remainder carried
    bus.advance(1800)  # spike another 0.5 kWh = 100 fen; the carried 0.5 fen stays carried
    assert m.remaining_fen == 100_000 - 362 - 100
    bus.advance(1800)  # 11:00-11:30 peak 0.5 kWh = 50 fen
    assert m.remaining_fen == 100_000 - 362 - 150


def test_small_steps_equal_one_big_step() -> None:
    a, b = _bus(load_w=777), _bus(load_w=777)
    a.advance(7 * 3600 + 17)
    for _ in range(7 * 60):
        b.advance(60.0 + 17 / 420)
    ma, mb = a.meter(1), b.meter(1)
    assert ma.energy == mb.energy and ma.remaining_fen == mb.remaining_fen


def test_relay_opens_at_zero_and_energy_stops() -> None:
    bus = _bus(at=ELEVEN, remaining_fen=150)  # 1.5 kWh of peak at 1.00 yuan
    bus.advance(3 * 3600 / 4)  # 0.75 h
    assert bus.meter(1).relay_closed == (True,)
    bus.advance(3 * 3600)
    m = bus.meter(1)
    assert m.remaining_fen == 0 and m.relay_closed == (False,)
    assert m.energy_total == 150
    assert m.status_lo() & 0x20 and m.status_hi() & 0x20 == 0
    # recharge closes it again by itself
    reply = bus.process(1, purchase_pdu(1_000, 1))
    assert reply is not None and reply.pdu is not None and reply.pdu[3] == 0
    assert bus.meter(1).relay_closed == (True,)


def test_trip_happens_at_the_exact_unit() -> None:
    bus = _bus(at=ELEVEN, remaining_fen=150)
    bus.advance(5399)  # 149 units of 0.01 kWh (36 s each at 1000 W)
    assert bus.meter(1).remaining_fen == 1 and bus.meter(1).relay_closed == (True,)
    bus.advance(1)
    assert bus.meter(1).remaining_fen == 0 and bus.meter(1).relay_closed == (False,)


def test_overdraft_moves_the_trip_point() -> None:
    bus = _bus(at=ELEVEN, remaining_fen=100, overdraft_fen=50)
    bus.advance(4 * 3600)
    m = bus.meter(1)
    assert m.remaining_fen == -50 and m.relay_closed == (False,) and m.energy_total == 150


def test_keep_power_deducts_below_zero_unless_restored() -> None:
    bus = _bus(remaining_fen=100)
    reply = bus.process(1, write_pdu(0x0057, [1, 0]))
    assert reply is not None and reply.pdu == write_pdu(0x0057, [1, 0])[:5]
    bus.advance(3600)  # peak 1 kWh
    m = bus.meter(1)
    assert m.remaining_fen == 0 and m.relay_closed == (True,)
    bus.advance(3600)  # 10-11 spike 1 kWh = 200 fen
    assert m.remaining_fen == -200 and m.relay_closed == (True,)
    bus.process(1, write_pdu(0x0057, [0]))
    assert bus.meter(1).relay_closed == (False,)
    bus.advance(3600)
    assert bus.meter(1).remaining_fen == -200


def test_forced_trip_stops_energy_with_money_left() -> None:
    bus = _bus()
    bus.process(1, write_pdu(0x0057, [1, 1]))
    bus.advance(3600)
    m = bus.meter(1)
    assert m.energy_total == 0 and m.remaining_fen == 100_000 and m.relay_closed == (False,)


def test_alarm_bits_follow_thresholds() -> None:
    bus = _bus(remaining_fen=2_100, alarm1_fen=2_000, alarm2_fen=1_000)
    m = bus.meter(1)
    assert m.status_lo() & 0xE0 == 0
    bus.advance(3600 * 0.5)  # 50 fen: 2050
    assert bus.meter(1).status_lo() & 0xE0 == 0
    bus.advance(3600 * 0.5)  # 2000 -> alarm 1
    assert bus.meter(1).status_lo() & 0xE0 == 0x40
    bus.meter(1).remaining_fen = 1_000
    assert bus.meter(1).status_lo() & 0xE0 == 0xC0


def test_fee_control_off_no_deduction_no_trip() -> None:
    bus = _bus(remaining_fen=0, fee_control_on=False)
    bus.advance(3600)
    m = bus.meter(1)
    assert m.energy_total == 100 and m.remaining_fen == 0 and m.relay_closed == (True,)
    assert m.status_lo() == 0


def test_three_phase_forced_channel_keeps_partial_load() -> None:
    bus = _bus(model=Model.DTSY1352, load_w=3000, remaining_fen=100)
    m = bus.meter(1)
    m.forced[2], m.forced_open[2] = True, False  # L3 kept on
    bus.advance(3600)
    m = bus.meter(1)
    assert m.relay_closed == (False, False, True)
    assert m.energy_total > 100  # L3 kept consuming after the trip
    assert m.remaining_fen < 0


def test_reboot_keeps_money_and_count_and_drops_forced_mode() -> None:
    bus = _bus(purchase_count=4)
    bus.process(1, write_pdu(0x0057, [1, 1]))
    bus.inject(1, Fault.REBOOT, count=1)
    assert bus.process(1, read_pdu(0x0200, 48)) is not None  # swallowed by the reboot
    m = bus.meter(1)
    assert m.reboots == 1 and m.forced == [False, False, False]
    assert m.remaining_fen == 100_000 and m.purchase_count == 4
    reply = bus.process(1, read_pdu(0x0224, 1))
    assert reply is not None and reply.pdu is not None and reply.pdu[2] == 0x20


def test_meter_clock_and_tou_use_the_meter_offset() -> None:
    bus = _bus()
    data = bytes((0, 0, 23, 1, 2, 3, 26, 0, 0, 0))  # meter set to 23:00:00 (valley)
    body = struct.pack(">BBBHB", 0x20, 0x03, 0x54, 5, 10) + data
    reply = bus.process(1, body)
    assert reply is not None and reply.pdu is not None and reply.pdu[3] == 0
    assert bus.meter_clock(1) == datetime(2026, 3, 2, 23, 0, 0)
    bus.advance(3600)
    assert bus.meter(1).energy == [0, 0, 0, 100]


def test_schedule_and_units_parsing() -> None:
    day = 86_400_000
    assert DEFAULT_SCHEDULE.period_at(3 * day + 6 * 3_600_000) == VALLEY
    assert DEFAULT_SCHEDULE.period_at(3 * day + 7 * 3_600_000) == FLAT
    assert DEFAULT_SCHEDULE.period_at(3 * day + 12 * 3_600_000) == PEAK
    assert DEFAULT_SCHEDULE.period_at(3 * day + 20 * 3_600_000) == SPIKE
    assert parse_units("1-3, 7,9-10") == [1, 2, 3, 7, 9, 10]
    with pytest.raises(ValueError):
        parse_units("0-3")
    with pytest.raises(ValueError):
        parse_units("5-2")
    assert make_bus("1-36", Model.ADF400L).addresses == list(range(1, 37))


def test_adl400_register_map() -> None:
    bus = SimBus(
        [SimMeter(address=4, model=Model.ADL400, load_w=3000, energy=[0, 0, 12_345, 0], ct_ratio=40)],
        clock=FakeClock(MONDAY_9),
    )
    reply = bus.process(4, read_pdu(0x0000, 2))
    assert reply is not None and reply.pdu == bytes((3, 4)) + struct.pack(">I", 12_345)
    pdu = bus.process(4, read_pdu(0x0061, 6)).pdu  # type: ignore[union-attr]
    u = struct.unpack(">6H", pdu[2:])
    assert u[:3] == (2200, 2200, 2200) and u[3] == 1000 * 1_000_000 // (2200 * 950)
    pdu = bus.process(4, read_pdu(0x0164, 8)).pdu  # type: ignore[union-attr]
    assert struct.unpack(">4i", pdu[2:]) == (1000, 1000, 1000, 3000)
    pdu = bus.process(4, read_pdu(0x017F, 1)).pdu  # type: ignore[union-attr]
    assert struct.unpack(">h", pdu[2:])[0] == 950
    pdu = bus.process(4, read_pdu(0x008E, 1)).pdu  # type: ignore[union-attr]
    assert struct.unpack(">H", pdu[2:])[0] == 40
    assert bus.process(4, read_pdu(0x0200, 48)).pdu == bytes((0x83, 2))  # type: ignore[union-attr]
    assert bus.process(4, purchase_pdu(100, 1)).pdu == bytes((0xA0, 1))  # type: ignore[union-attr]
    bus.advance(3600)
    assert bus.meter(4).energy_total == 12_345 + 300


def test_demo_population_has_every_kind_of_meter() -> None:
    site = build_demo_population(seed=7)
    assert len(site.buses) >= 3 and site.meter_count >= 200
    meters = [m for b in site.buses for m in b.bus.meters()]
    prepaid = [m for m in meters if m.model.prepaid]
    assert any(m.remaining_fen <= 0 for m in prepaid)
    assert any(m.alarm2_fen < m.remaining_fen <= m.alarm1_fen for m in prepaid)
    assert any(0 < m.remaining_fen <= m.alarm2_fen for m in prepaid)
    assert {m.model for m in meters} == set(Model)
    silent = [
        (b, a) for b in site.buses for a in b.bus.addresses if b.bus.process(a, read_pdu(0x0000, 2)).pdu is None  # type: ignore[union-attr]
    ]
    assert silent
    again = build_demo_population(seed=7)
    assert [m.remaining_fen for b in again.buses for m in b.bus.meters()] == [m.remaining_fen for m in meters]


def test_tou_tables_read_back() -> None:
    bus = SimBus([SimMeter(address=1), SimMeter(address=2, model=Model.DTSY1352)], clock=FakeClock(MONDAY_9))
    pdu = bus.process(1, read_pdu(0x2006, 21)).pdu  # type: ignore[union-attr]
    assert pdu is not None and pdu[1] == 42
    assert pdu[2:2 + 9] == bytes((4, 0, 0, 3, 0, 7, 2, 0, 8))  # valley 00:00, flat 07:00, peak 08:00
    assert bus.process(2, read_pdu(0x2000, 21)).pdu[2:5] == bytes((4, 0, 0))  # type: ignore[union-attr, index]
    assert bus.process(2, read_pdu(0x0028, 6)).pdu[2:5] == bytes((1, 1, 1))  # type: ignore[union-attr, index]
    assert bus.process(1, read_pdu(0x0028, 6)).pdu == bytes((0x83, 2))  # type: ignore[union-attr]


def test_scaled_clock_runs_faster() -> None:
    import time

    from acrel_console.drivers.simulator import ScaledClock

    clock = ScaledClock(speed=1000)
    a = clock.now_ms()
    time.sleep(0.05)
    assert clock.now_ms() - a >= 1000 * 50 * 0.9

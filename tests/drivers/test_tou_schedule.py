"""The day-period schedule (时段表) download, issue 14: the client writes what the profile says, the
independent simulator takes it (and then accrues energy by it), and the read-back shows it; models whose
profile takes no schedule are refused before anything is sent."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from acrel_console.drivers import tou
from acrel_console.drivers.api import BusConfig, ExceptionReply, InvalidRequest
from acrel_console.drivers.bus import ModbusMeterBus, open_bus
from acrel_console.drivers.profiles import load_profile
from acrel_console.drivers.simulator.registers import register_map

sim = pytest.importorskip("acrel_console.drivers.simulator")

# 谷 00:00-08:00, 峰 08:00-11:30, 尖 11:30-13:00, 平 13:00-22:00, 谷 22:00-
SCHEDULE = ((0, 3), (480, 1), (690, 0), (780, 2), (1320, 3))


@pytest.fixture
def wired() -> Iterator[tuple[object, ModbusMeterBus]]:
    clock = sim.FakeClock(datetime(2026, 3, 2, 9, 0))
    simbus = sim.SimBus([sim.SimMeter(address=1, model=sim.Model.DDSY1352, load_w=6_000),
                         sim.SimMeter(address=2, model=sim.Model.DTSY1352),
                         sim.SimMeter(address=3, model=sim.Model.ADF400L),
                         sim.SimMeter(address=4, model=sim.Model.ADL400)], clock=clock, reply_latency_s=0.0)
    running = sim.start_tcp(simbus, mode="rtu-over-tcp")
    bus = open_bus(BusConfig(name="sim", kind="rtu-over-tcp", host="127.0.0.1", port=running.port,
                             timeout_ms=400, retries=0))
    assert isinstance(bus, ModbusMeterBus)
    try:
        yield simbus, bus
    finally:
        bus.close()
        running.stop()


def test_profiles_say_which_models_take_a_schedule() -> None:
    assert {n: load_profile(n).takes_schedule for n in ("DDSY1352", "DTSY1352", "ADF400L", "ADF400L-3P", "ADL400")} \
        == {"DDSY1352": True, "DTSY1352": True, "ADF400L": False, "ADF400L-3P": False, "ADL400": False}


@pytest.mark.parametrize("address, model", [(1, "DDSY1352"), (2, "DTSY1352")])
def test_download_and_read_back(wired, address: int, model: str) -> None:  # type: ignore[no-untyped-def]
    simbus, bus = wired
    before = bus.read_schedule(address, model)
    assert before.zones[0] == (1, 1, 1) and not before.follows(SCHEDULE)
    with simbus.locked():
        simbus.meter(address).tou_zones = [2, 1, 6] + [1, 1, 1] + [0] * 6  # a summer zone on schedule 2
    bus.write_schedule(address, model, SCHEDULE)
    after = bus.read_schedule(address, model)
    assert after.schedule == SCHEDULE and after.zones == ((1, 1, 1), (0, 0, 0), (0, 0, 0), (0, 0, 0))
    assert after.follows(SCHEDULE)
    assert simbus.meter(address).schedule.points == SCHEDULE
    spec = load_profile(model).tou
    assert spec is not None
    words = register_map(simbus.meter(address), datetime(2026, 3, 2, 9, 0))
    raw = b"".join(words[spec.schedule_reg + i].to_bytes(2, "big") for i in range(21))
    assert raw[:6] == bytes((4, 0, 0, 2, 0, 8)) and raw[-3:] == bytes((4, 0, 22))  # 谷 00:00, 峰 08:00 ... repeated


def test_the_simulated_meter_accrues_energy_by_the_downloaded_schedule(wired) -> None:  # type: ignore[no-untyped-def]
    simbus, bus = wired
    bus.write_schedule(1, "DDSY1352", SCHEDULE)
    with simbus.locked():
        m = simbus.meter(1)
        start = list(m.energy)
    simbus.clock.advance(3600)  # 09:00-10:00 is 峰 in the new schedule (尖 10-11 in the shipped one)
    reading = bus.read_realtime(1, "DDSY1352")
    assert reading.energy_by_period is not None
    grown = [b - a for a, b in zip(start, reading.energy_by_period)]
    assert grown[1] == 600 and grown[0] == grown[2] == grown[3] == 0  # 6 kW x 1 h = 6.00 kWh, all 峰


def test_models_without_a_schedule_and_bad_schedules_are_refused(wired) -> None:  # type: ignore[no-untyped-def]
    simbus, bus = wired
    for address, model in ((3, "ADF400L"), (4, "ADL400")):
        with pytest.raises(InvalidRequest):
            bus.write_schedule(address, model, SCHEDULE)
    for bad in ((), ((60, 1),), ((0, 1), (0, 2)), ((0, 5),), tuple((i * 60, 1) for i in range(15))):
        with pytest.raises(InvalidRequest):
            bus.write_schedule(1, "DDSY1352", bad)
    # the simulator refuses a schedule that does not start at 00:00 written by someone else
    from acrel_console.drivers import pdu

    request, spec = pdu.write_multiple_request(0x2006, tou.padded(bytes((2, 0, 1)) * 14))
    with pytest.raises(ExceptionReply):
        pdu.check_reply(bus._exchange(1, request, spec, retry=False), spec)
    assert simbus.meter(1).schedule == sim.DEFAULT_SCHEDULE


def test_codec_round_trip() -> None:
    data = tou.encode_schedule(SCHEDULE, 14)
    assert len(data) == 42 and tou.decode_schedule(data) == SCHEDULE
    assert tou.decode_schedule(tou.encode_schedule(((0, 2),), 14)) == ((0, 2),)

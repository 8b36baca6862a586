"""Integration: the MeterBus clients against the independent meter simulator, on every transport."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from acrel_console.domain.readings import ForceMode, MoneyParams
from acrel_console.drivers.api import BusConfig, ExceptionReply, MeterTimeout
from acrel_console.drivers.bus import ModbusMeterBus, open_bus

sim = pytest.importorskip("acrel_console.drivers.simulator")

TRANSPORTS = ["modbus-tcp", "rtu-over-tcp", "serial"]
MODELS = [("DDSY1352", "DDSY1352", 7, 1), ("DTSY1352", "DTSY1352", 5, 3), ("ADF400L", "ADF400L", 10, 1),
          ("ADF400L-3P", "ADF400L-3P", 10, 3)]


def _population() -> object:
    clock = sim.FakeClock(datetime(2026, 3, 2, 9, 0))
    return sim.SimBus(
        [
            sim.SimMeter(address=1, model=sim.Model.DDSY1352, remaining_fen=10_000, purchase_count=3),
            sim.SimMeter(address=2, model=sim.Model.DTSY1352, remaining_fen=5_000, purchase_count=0),
            sim.SimMeter(address=37, model=sim.Model.ADF400L, remaining_fen=700, purchase_count=12),
            # a three-phase user on the same board: circuits 40 (L1), 41 (L2), 42 (L3)
            sim.SimMeter(address=40, model=sim.Model.ADF400L, three_phase=True, remaining_fen=900, purchase_count=2),
            sim.SimMeter(address=61, model=sim.Model.ADL400),
        ],
        clock=clock,
        reply_latency_s=0.0,
    )


@pytest.fixture(params=TRANSPORTS)
def wired(request: pytest.FixtureRequest) -> Iterator[tuple[object, ModbusMeterBus]]:
    simbus = _population()
    kind = request.param
    if kind == "serial":
        path, stop = sim.start_pty(simbus)
        config = BusConfig(name="sim", kind="serial", serial_port=path, baud=9600, timeout_ms=400, retries=0)
    else:
        running = sim.start_tcp(simbus, mode=kind)
        stop = running.stop
        config = BusConfig(name="sim", kind=kind, host="127.0.0.1", port=running.port, timeout_ms=400, retries=0)
    bus = open_bus(config)
    assert isinstance(bus, ModbusMeterBus)
    try:
        yield simbus, bus
    finally:
        bus.close()
        stop()


ADDRESS = {"DDSY1352": 1, "DTSY1352": 2, "ADF400L": 37, "ADF400L-3P": 40}


@pytest.mark.parametrize(("model", "_p", "type_code", "phases"), MODELS)
def test_realtime_recharge_and_read_back(wired: tuple[object, ModbusMeterBus], model: str, _p: str,
                                         type_code: int, phases: int) -> None:
    simbus, bus = wired
    address = ADDRESS[model]
    meter = simbus.meter(address)  # type: ignore[attr-defined]
    r = bus.read_realtime(address, model)
    assert r.type_code == type_code
    assert r.remaining_fen == meter.remaining_fen and r.purchase_count == meter.purchase_count
    assert len(r.relay_closed) == phases and all(r.relay_closed)
    assert r.meter_clock == datetime(2026, 3, 2, 9, 0)
    assert r.forced is None  # the real-time block carries no trusted force state (issue 12)
    assert bus.read_force_state(address, model) == (False, False)
    count = r.purchase_count
    assert count is not None and r.remaining_fen is not None
    ack = bus.recharge(address, model, 2_500, count + 1)
    assert ack.applied and ack.purchase_count == count + 1 and ack.remaining_fen == r.remaining_fen + 2_500
    back = bus.read_realtime(address, model)
    assert (back.purchase_count, back.remaining_fen) == (count + 1, r.remaining_fen + 2_500)
    dup = bus.recharge(address, model, 2_500, count + 1)
    assert not dup.applied and dup.remaining_fen == r.remaining_fen + 2_500
    with pytest.raises(ExceptionReply) as ei:
        bus.recharge(address, model, 2_500, count + 5)
    assert ei.value.code == 4
    mp = bus.read_money_params(address, model)
    assert mp.purchase_count == count + 1 and mp.prices == tuple(meter.prices)


@pytest.mark.parametrize(("model", "_p", "type_code", "phases"), MODELS)
def test_force_and_settings(wired: tuple[object, ModbusMeterBus], model: str, _p: str, type_code: int,
                            phases: int) -> None:
    simbus, bus = wired
    address = ADDRESS[model]
    bus.force(address, model, ForceMode.TRIP)
    r = bus.read_realtime(address, model)
    assert r.forced is None and not r.relay_closed[0]
    assert bus.read_force_state(address, model) == (True, True)
    bus.force(address, model, ForceMode.KEEP_POWER)
    r = bus.read_realtime(address, model)
    assert r.relay_closed[0] and bus.read_force_state(address, model) == (True, False)
    bus.force(address, model, ForceMode.RESTORE_PREPAID)
    assert bus.read_force_state(address, model) == (False, False)
    # ADF400L: per-circuit power control at 0x0700 (hardware doc §3.3) in client and simulator alike
    # (the simulator used to refuse it with exception 2); a three-phase user's goes to each circuit.
    overload = 6_000
    bus.write_money_params(address, model, MoneyParams(prices=(13_000, 11_000, 8_000, 5_000),
                                                       alarm1_fen=3_000, alarm2_fen=1_000, overdraft_fen=200,
                                                       overload_power_w=overload))
    mp = bus.read_money_params(address, model)
    assert mp.prices == (13_000, 11_000, 8_000, 5_000)
    assert (mp.alarm1_fen, mp.alarm2_fen, mp.overdraft_fen) == (3_000, 1_000, 200)
    assert mp.overload_power_w == overload
    bus.set_clock(address, model, datetime(2026, 3, 2, 9, 30, 0))
    assert bus.read_realtime(address, model).meter_clock == datetime(2026, 3, 2, 9, 30, 0)


def test_adf_three_phase_user_power_control_per_circuit(wired: tuple[object, ModbusMeterBus]) -> None:
    simbus, bus = wired
    bus.write_money_params(40, "ADF400L-3P", MoneyParams(overload_power_w=4_500))
    user = simbus.meter(40)  # type: ignore[attr-defined]
    assert [pc.max_power_ckw for pc in user.power_control] == [450, 450, 450]  # L1 at 40, L2 at 41, L3 at 42
    assert bus.read_money_params(40, "ADF400L-3P").overload_power_w == 4_500
    with simbus.locked():  # type: ignore[attr-defined]
        user.power_control[2].max_power_ckw = 300  # L3 changed at the meter: the phases disagree
    assert bus.read_money_params(40, "ADF400L-3P").overload_power_w is None
    assert bus.read_money_params(37, "ADF400L").overload_power_w is not None  # the single circuit next to it
    r = bus.read_realtime(40, "ADF400L-3P")
    assert len(r.voltage_dv) == 3 and r.extra["circuit_single_phase"] == 0


def test_adl400(wired: tuple[object, ModbusMeterBus]) -> None:
    simbus, bus = wired
    simbus.meter(61).energy[1] = 4321  # type: ignore[attr-defined]
    r = bus.read_realtime(61, "ADL400")
    assert r.voltage_dv == (2200, 2200, 2200) and r.remaining_fen is None
    assert r.secondary_side and r.pt_ratio == 1 and r.ct_ratio == 1


def test_late_reply_from_simulator_is_discarded(wired: tuple[object, ModbusMeterBus]) -> None:
    simbus, bus = wired
    simbus.inject(2, sim.Fault.LATE_REPLY, count=1, delay_s=0.6)  # type: ignore[attr-defined]
    with pytest.raises(MeterTimeout):
        bus.read_realtime(2, "DTSY1352")
    # The next requests must get their own answers, whatever moment the late reply lands in.
    for _ in range(3):
        assert bus.read_realtime(1, "DDSY1352").type_code == 7
    assert bus.read_money_params(1, "DDSY1352").purchase_count == 3


def test_cipher_through_simulator() -> None:
    from acrel_console.drivers import tea16

    simbus = _population()
    simbus.meter(1).run_mode |= 0x20  # type: ignore[attr-defined]
    running = sim.start_tcp(simbus, mode="rtu-over-tcp")
    plain = open_bus(BusConfig(name="p", kind="rtu-over-tcp", host="127.0.0.1", port=running.port, timeout_ms=400))
    ciph = open_bus(BusConfig(name="c", kind="rtu-over-tcp", host="127.0.0.1", port=running.port, timeout_ms=400,
                              cipher_key=tea16.DEFAULT_KEY))
    try:
        with pytest.raises(ExceptionReply):
            plain.recharge(1, "DDSY1352", 100, 4)
        plain.close()
        ack = ciph.recharge(1, "DDSY1352", 100, 4)
        assert ack.applied and ack.purchase_count == 4
        ciph.set_clock(1, "DDSY1352", datetime(2026, 3, 2, 10, 0))  # group 03 stays plain
        assert ciph.read_realtime(1, "DDSY1352").purchase_count == 4
    finally:
        plain.close()
        ciph.close()
        running.stop()

"""MeterBus clients over real TCP loopback against the scripted fake server (all three transports)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import datetime

import pytest

from acrel_console.domain.readings import ForceMode, MoneyParams
from acrel_console.drivers import tea16
from acrel_console.drivers.api import (
    BusConfig,
    BusUnavailable,
    CrcError,
    ExceptionReply,
    FrameError,
    InvalidRequest,
    MeterTimeout,
)
from acrel_console.drivers.bus import ModbusMeterBus, open_bus
from acrel_console.drivers.crc import append_crc

from .fake_server import FakeMeter, FakeServer

KINDS = ["rtu-over-tcp", "modbus-tcp", "serial"]
RTU_KINDS = ["rtu-over-tcp", "serial"]


def _config(kind: str, port: int, **kw: object) -> BusConfig:
    base: dict[str, object] = {"name": "t", "kind": kind, "timeout_ms": 300, "retries": 0}
    if kind == "serial":
        base["serial_port"] = f"socket://127.0.0.1:{port}"
        base["baud"] = 115200
    else:
        base["host"], base["port"] = "127.0.0.1", port
    base.update(kw)
    return BusConfig(**base)  # type: ignore[arg-type]


@pytest.fixture
def meters() -> dict[int, FakeMeter]:
    return {1: FakeMeter.acrel(), 2: FakeMeter.acrel(type_code=5, remaining_fen=-50, count=9)}


def _server(kind: str, meters: dict[int, FakeMeter], **kw: object) -> FakeServer:
    return FakeServer(meters, "mbap" if kind == "modbus-tcp" else "rtu", **kw)  # type: ignore[arg-type]


@pytest.fixture(params=KINDS)
def setup(request: pytest.FixtureRequest, meters: dict[int, FakeMeter]) -> Iterator[tuple[FakeServer, ModbusMeterBus]]:
    server = _server(request.param, meters)
    bus = open_bus(_config(request.param, server.port))
    assert isinstance(bus, ModbusMeterBus)
    yield server, bus
    bus.close()
    server.stop()


@pytest.fixture(params=RTU_KINDS)
def rtu_setup(request: pytest.FixtureRequest, meters: dict[int, FakeMeter]) -> Iterator[tuple[FakeServer, ModbusMeterBus]]:
    server = _server(request.param, meters)
    bus = open_bus(_config(request.param, server.port))
    assert isinstance(bus, ModbusMeterBus)
    yield server, bus
    bus.close()
    server.stop()


def test_read_realtime(setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    server, bus = setup
    r = bus.read_realtime(1, "DDSY1352")
    assert r.type_code == 7 and r.remaining_fen == 12345 and r.purchase_count == 3
    assert r.energy_total == 123456 and r.voltage_dv == (2201,) and r.power_total_w == 1150
    assert r.relay_closed == (True,) and r.fee_control_enabled is True
    assert r.meter_clock == datetime(2026, 11, 24, 10, 30, 5)
    r2 = bus.read_realtime(2, "DTSY1352")
    assert r2.type_code == 5 and r2.remaining_fen == -50 and len(r2.relay_closed) == 3
    assert bus.counters.requests == 2 and bus.counters.timeouts == 0
    # The request on the wire is exactly one FC03 of 0x0200 x 48.
    assert server.requests[0][-8:-2] == bytes.fromhex("01 03 02 00 00 30") or server.requests[0].endswith(
        bytes.fromhex("01 03 02 00 00 30"))


def test_recharge_and_read_back(setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    server, bus = setup
    ack = bus.recharge(1, "DDSY1352", 10000, 4)
    assert ack.applied and ack.remaining_fen == 22345 and ack.purchase_count == 4
    r = bus.read_realtime(1, "DDSY1352")
    assert (r.remaining_fen, r.purchase_count) == (22345, 4)
    dup = bus.recharge(1, "DDSY1352", 10000, 4)
    assert not dup.applied and dup.remaining_fen == 22345
    with pytest.raises(ExceptionReply) as ei:
        bus.recharge(1, "DDSY1352", 10000, 6)
    assert ei.value.code == 4 and bus.counters.exceptions == 1
    refund = bus.recharge(1, "DDSY1352", -345, 5)
    assert refund.applied and refund.remaining_fen == 22000
    assert server.meters[1].vendor_requests[0] == (1, 0, bytes.fromhex("00 00 27 10 00 04 00 00"))
    mp = bus.read_money_params(1, "DDSY1352")
    assert mp.purchase_count == 5 and mp.remaining_fen == 22000 and mp.fee_control_on is True


def test_force_modes(setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    server, bus = setup
    m = server.meters[1]
    bus.force(1, "DDSY1352", ForceMode.TRIP)
    assert m.writes[-1] == (0x0057, [1, 1])
    r = bus.read_realtime(1, "DDSY1352")
    assert r.relay_closed == (False,) and r.forced is None  # only the force registers tell (issue 12)
    assert bus.read_force_state(1, "DDSY1352") == (True, True)
    bus.force(1, "DDSY1352", ForceMode.KEEP_POWER)
    assert m.writes[-1] == (0x0057, [1, 0])
    assert bus.read_force_state(1, "DDSY1352") == (True, False)
    r = bus.read_realtime(1, "DDSY1352")
    assert r.relay_closed == (True,) and r.forced is None
    bus.force(1, "DDSY1352", ForceMode.RESTORE_PREPAID)
    assert m.writes[-1] == (0x0057, [0, 0])
    assert bus.read_force_state(1, "DDSY1352") == (False, False)
    with pytest.raises(InvalidRequest):
        bus.force(1, "ADL400", ForceMode.TRIP)


def test_money_params_download(setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    server, bus = setup
    params = MoneyParams(prices=(12000, 10000, 8000, 5000), alarm1_fen=2000, alarm2_fen=1000,
                         overdraft_fen=500, overload_power_w=8000, remaining_fen=999999)
    bus.write_money_params(1, "DDSY1352", params)
    back = bus.read_money_params(1, "DDSY1352")
    assert back.prices == (12000, 10000, 8000, 5000)
    assert (back.alarm1_fen, back.alarm2_fen, back.overdraft_fen) == (2000, 1000, 500)
    assert back.overload_power_w == 8000
    assert back.remaining_fen == 12345  # money is never written by a parameter download
    group2 = [r for r in server.meters[1].vendor_requests if r[0] == 2][0]
    assert group2[2][2] == 0 and group2[2][7] == 0 and group2[2][20] == 1 and group2[2][29] == 1
    # The group 04 write kept the power increment and PF read back from the meter.
    group4 = [r for r in server.meters[1].vendor_requests if r[0] == 4][0]
    assert group4[2][3:9] == bytes.fromhex("03 20 00 32 01 90")
    with pytest.raises(InvalidRequest):
        bus.write_money_params(1, "DDSY1352", MoneyParams(alarm1_fen=10))  # alarm 2 missing
    with pytest.raises(InvalidRequest):
        bus.write_money_params(1, "DDSY1352", MoneyParams(overload_power_w=1234))


def test_set_clock(setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    server, bus = setup
    bus.set_clock(1, "DDSY1352", datetime(2026, 11, 22, 13, 4, 5))
    assert server.meters[1].vendor_requests[-1] == (3, 0x54, bytes.fromhex("05 04 0D 00 16 0B 1A 00 00 00"))


def test_bad_requests_raise_invalid_request(setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    server, bus = setup
    with pytest.raises(InvalidRequest):
        bus.read_realtime(1, "NO_SUCH_MODEL")
    with pytest.raises(InvalidRequest):
        bus.read_realtime(300, "DDSY1352")
    with pytest.raises(InvalidRequest):
        bus.recharge(1, "DDSY1352", 2**31, 4)
    with pytest.raises(InvalidRequest):
        bus.recharge(1, "ADL400", 100, 4)
    assert server.requests == []


def test_adl400_several_blocks(setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    server, bus = setup
    m = FakeMeter()
    m.set32(0x000A, 98765)
    m.registers[0x008D], m.registers[0x008E] = 1, 40
    m.set32(0x016A, -1500)
    server.meters[3] = m
    r = bus.read_realtime(3, "ADL400")
    assert r.energy_total == 98765 and r.power_total_w == -1500 and r.secondary_side
    assert r.primary_energy_total() == 98765 * 40 and r.remaining_fen is None
    assert r.relay_closed == () and r.forced is None
    assert bus.counters.requests == 4


def test_silence_times_out_and_reads_retry(setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    server, bus = setup
    server.faults.extend(["silence"])
    with pytest.raises(MeterTimeout):
        bus.read_realtime(1, "DDSY1352")
    assert bus.counters.timeouts == 1
    retrying = ModbusMeterBus(_config(bus.config.kind, server.port, retries=2))
    try:
        server.faults.extend(["silence", "silence"])
        assert retrying.read_realtime(1, "DDSY1352").purchase_count == 3
        assert retrying.counters.requests == 3 and retrying.counters.timeouts == 2
        assert retrying.counters.by_kind["retries"] == 2
    finally:
        retrying.close()


def test_recharge_is_never_retried(setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    server, _ = setup
    bus = ModbusMeterBus(_config(_kind(server, setup[1]), server.port, retries=3))
    try:
        server.faults.extend(["silence"])
        with pytest.raises(MeterTimeout):
            bus.recharge(1, "DDSY1352", 500, 4)
        assert bus.counters.requests == 1
        # The meter did apply it; reading back tells (design §8.3).
        assert bus.read_realtime(1, "DDSY1352").purchase_count == 4
    finally:
        bus.close()


def _kind(server: FakeServer, bus: ModbusMeterBus) -> str:
    return bus.config.kind


def test_late_reply_is_discarded_not_taken(setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    server, bus = setup
    server.faults.append("late")
    with pytest.raises(MeterTimeout):
        bus.recharge(1, "DDSY1352", 700, 4)
    # The late 0x20 reply arrives in front of the next read's reply: discarded, counted.
    r = bus.read_realtime(1, "DDSY1352")
    assert r.purchase_count == 4 and r.remaining_fen == 12345 + 700
    assert bus.counters.late_replies_discarded == 1
    # A late reply of another unit's real-time read in front of this unit's read.
    server.faults.append("late")
    with pytest.raises(MeterTimeout):
        bus.read_realtime(2, "DTSY1352")
    assert bus.read_realtime(1, "DDSY1352").type_code == 7
    assert bus.counters.late_replies_discarded == 2


def test_wrong_unit_reply(setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    server, bus = setup
    server.faults.append("wrong_unit")
    with pytest.raises((MeterTimeout, FrameError)):
        bus.read_realtime(1, "DDSY1352")
    if bus.config.kind != "modbus-tcp":
        assert bus.counters.late_replies_discarded == 1 and bus.counters.timeouts == 1
        server.faults.append("wrong_unit_then_ok")
        assert bus.read_realtime(1, "DDSY1352").type_code == 7
        assert bus.counters.late_replies_discarded == 2
    else:
        assert bus.counters.frame_errors == 1


def test_crc_error_then_retry(setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    server, bus = setup
    if bus.config.kind == "modbus-tcp":
        pytest.skip("no CRC in Modbus-TCP")
    server.faults.append("crc")
    with pytest.raises(CrcError):
        bus.read_realtime(1, "DDSY1352")
    assert bus.counters.crc_errors == 1
    retrying = ModbusMeterBus(_config(bus.config.kind, server.port, retries=1))
    try:
        server.faults.append("crc")
        assert retrying.read_realtime(1, "DDSY1352").type_code == 7
        assert retrying.counters.crc_errors == 1 and retrying.counters.requests == 2
    finally:
        retrying.close()


def test_truncated_reply(setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    server, bus = setup
    server.faults.append("truncate")
    with pytest.raises(FrameError):
        bus.read_realtime(1, "DDSY1352")
    assert bus.counters.frame_errors == 1
    assert bus.read_realtime(1, "DDSY1352").type_code == 7  # (Modbus-TCP reconnected by itself)


def test_noise_and_echo_are_skipped(rtu_setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    server, bus = rtu_setup
    server.faults.extend(["noise", "echo"])
    assert bus.read_realtime(1, "DDSY1352").type_code == 7
    assert bus.counters.by_kind["noise_bytes"] == 3
    assert bus.read_money_params(1, "DDSY1352").purchase_count == 3
    # The echoed request is recognised as our own echo: neither a late reply nor a CRC error.
    assert bus.counters.by_kind["echo_bytes"] == 8
    assert bus.counters.late_replies_discarded == 0 and bus.counters.crc_errors == 0


def test_exception_reply_is_not_retried(setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    server, _ = setup
    bus = ModbusMeterBus(_config(setup[1].config.kind, server.port, retries=3))
    try:
        server.faults.append("exception:2")
        with pytest.raises(ExceptionReply) as ei:
            bus.read_realtime(1, "DDSY1352")
        assert (ei.value.function, ei.value.code) == (3, 2)
        assert bus.counters.requests == 1 and bus.counters.exceptions == 1
    finally:
        bus.close()


def test_connection_reset_then_reconnect(setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    # A reset or close after a read request: reconnect at once and read on (issue 12), counted.
    server, bus = setup
    server.faults.append("reset")
    if bus.config.kind == "serial":  # a serial line (here pyserial's socket:// URL) is not a gateway
        with pytest.raises(BusUnavailable):
            bus.read_realtime(1, "DDSY1352")
        assert bus.read_realtime(1, "DDSY1352").type_code == 7
        return
    assert bus.read_realtime(1, "DDSY1352").type_code == 7
    assert server.connections == 2 and bus.counters.reconnects == 1
    server.faults.append("close")
    assert bus.read_realtime(1, "DDSY1352").type_code == 7
    assert server.connections == 3 and bus.counters.reconnects == 2
    # A credit write is never sent twice by the transport: the reply is lost, the caller reads back.
    server.faults.append("close")
    with pytest.raises(MeterTimeout):
        bus.recharge(1, "DDSY1352", 500, 4)
    assert sum(1 for r in server.requests if r[-1 if bus.config.kind == "modbus-tcp" else 1] == 0x20) <= 1
    assert bus.read_realtime(1, "DDSY1352").purchase_count == 3  # closed before answering: not applied


def _free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@pytest.mark.parametrize("kind", KINDS)
def test_connection_refused(kind: str) -> None:
    bus = open_bus(_config(kind, _free_port()))
    with pytest.raises(BusUnavailable):
        bus.read_realtime(1, "DDSY1352")
    with pytest.raises(BusUnavailable):
        bus.connect()
    assert bus.counters.connect_failures == 2


def test_missing_serial_port() -> None:
    bus = open_bus(BusConfig(name="s", kind="serial", serial_port="/dev/does-not-exist-acrel"))
    with pytest.raises(BusUnavailable):
        bus.read_realtime(1, "DDSY1352")


def test_bad_configs() -> None:
    with pytest.raises(BusUnavailable):
        open_bus(BusConfig(name="x", kind="carrier-pigeon", host="h", port=1))
    with pytest.raises(BusUnavailable):
        open_bus(BusConfig(name="x", kind="modbus-tcp", host="h", port=1, cipher_key=tea16.DEFAULT_KEY))
    with pytest.raises(BusUnavailable):
        open_bus(BusConfig(name="x", kind="rtu-over-tcp"))


@pytest.mark.parametrize("kind", RTU_KINDS)
def test_link_cipher(kind: str, meters: dict[int, FakeMeter]) -> None:
    server = FakeServer(meters, "rtu", cipher_key=tea16.DEFAULT_KEY)
    bus = open_bus(_config(kind, server.port, cipher_key=tea16.DEFAULT_KEY))
    try:
        ack = bus.recharge(1, "DDSY1352", 10000, 4)
        assert ack.applied and ack.purchase_count == 4
        assert server.requests[-1] == append_crc(bytes.fromhex("01 20 01 00 00 04 08 00 00 27 10 00 04 00 00"))
        server.faults.append("exception:4")
        with pytest.raises(ExceptionReply):
            bus.recharge(1, "DDSY1352", 10000, 5)
    finally:
        bus.close()
        server.stop()


def test_vendor20_force_from_a_site_profile(tmp_path: object, monkeypatch: pytest.MonkeyPatch,
                                            meters: dict[int, FakeMeter]) -> None:
    """A site switches ADF circuits through group 05 by editing the profile, not the code."""
    import pathlib

    from acrel_console.drivers.profiles import BUILTIN_DIR

    site = pathlib.Path(str(tmp_path))
    text = (BUILTIN_DIR / "DTSY1352.toml").read_text(encoding="utf-8")
    text = text.replace('name = "DTSY1352"', 'name = "DTSY1352-G5"').replace(
        'method = "registers"', 'method = "vendor20"')
    (site / "DTSY1352-G5.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("ACREL_PROFILES_DIR", str(site))
    server = FakeServer(meters, "rtu")
    bus = open_bus(_config("rtu-over-tcp", server.port))
    try:
        bus.force(2, "DTSY1352-G5", ForceMode.TRIP)
        bus.force(2, "DTSY1352-G5", ForceMode.RESTORE_PREPAID)
        sent = server.meters[2].vendor_requests
        assert sent[0] == (5, 0, bytes.fromhex("01 01 01 01 01 01 01 01 01 00"))
        assert sent[1] == (5, 0, bytes.fromhex("01 00 00 01 00 00 01 00 00 00"))
        assert server.meters[2].writes == []  # no FC10 to 0x0057
        with pytest.raises(InvalidRequest):
            bus.read_force_state(2, "DTSY1352-G5")
    finally:
        bus.close()
        server.stop()


def test_gateway_no_answer_exception_is_a_timeout(setup: tuple[FakeServer, ModbusMeterBus]) -> None:
    server, _ = setup
    bus = ModbusMeterBus(_config(setup[1].config.kind, server.port, retries=1))
    try:
        server.faults.extend(["exception:11", "exception:11"])
        with pytest.raises(MeterTimeout):
            bus.read_realtime(1, "DDSY1352")
        assert bus.counters.timeouts == 2 and bus.counters.exceptions == 0 and bus.counters.requests == 2
        server.faults.append("exception:10")
        with pytest.raises(MeterTimeout):
            bus.recharge(1, "DDSY1352", 100, 4)  # never retried, even as a "timeout"
        assert bus.counters.requests == 3
        with pytest.raises(InvalidRequest):
            bus.read_realtime(0, "DDSY1352")  # broadcast address: no reply would ever come
    finally:
        bus.close()

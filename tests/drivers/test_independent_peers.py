"""The console's bus against an independent peer (pymodbus 3.16 serving Acrel meters, tests/peers) over
Modbus-TCP, RTU-over-TCP and a serial pty, through the gateway behaviours sites actually have
(tests/peers/gateway_relay.py, and the pacing relay's local echo for the serial line): close after
each reply, one client only, added latency, local echo, split frames, dropped replies (issue 12)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest

from acrel_console.domain.readings import ForceMode, MoneyParams
from acrel_console.drivers.api import BusConfig, BusUnavailable, ExceptionReply, MeterTimeout
from acrel_console.drivers.bus import ModbusMeterBus
from acrel_console.drivers.relay import start_paced_link
from tests.integration.sim_site import wait_for
from tests.peers.gateway_relay import Gateway
from tests.peers.pymodbus_meter import PymodbusMeters

MODEL = "DDSY1352"
UNITS = range(1, 7)
BAUD = 38400


@dataclass
class Line:
    """Peer meters, the relay in front of them and how the console reaches it."""

    peers: PymodbusMeters
    config: BusConfig
    gateway: Gateway | None = None
    link: Any = None

    def bus(self, **changes: Any) -> ModbusMeterBus:
        from dataclasses import replace

        return ModbusMeterBus(replace(self.config, **changes))

    def stop(self) -> None:
        if self.gateway is not None:
            self.gateway.stop()
        if self.link is not None:
            self.link.stop()
        self.peers.stop()


def make_line(kind: str, **gateway: Any) -> Line:
    """kind: modbus-tcp | rtu-over-tcp (through a Gateway relay with `gateway` options) | serial (a pty
    pair through the pacing relay at 38400 baud)."""
    peers = PymodbusMeters(UNITS, metering_only=[6])
    if kind == "serial":
        link = start_paced_link(BAUD)
        peers.start("serial", link.meter_path)
        return Line(peers, BusConfig("S", "serial", serial_port=link.console_path, baud=BAUD, timeout_ms=400,
                                     retries=1), link=link)
    peers.start("tcp" if kind == "modbus-tcp" else "rtu-over-tcp")
    gw = Gateway(("127.0.0.1", peers.port), **gateway)
    return Line(peers, BusConfig("G", kind, host="127.0.0.1", port=gw.port, timeout_ms=400, retries=1), gw)


@pytest.fixture
def line(request: pytest.FixtureRequest) -> Iterator[Line]:
    made = make_line(request.param)
    yield made
    made.stop()


def _every_operation(bus: ModbusMeterBus, peers: PymodbusMeters, unit: int = 1) -> None:
    """Read, trip / keep power / restore, credit, price and settings download, clock: each confirmed."""
    r = bus.read_realtime(unit, MODEL)
    assert (r.type_code, r.remaining_fen, r.purchase_count, r.relay_closed) == (7, 10_000, 3, (True,))
    bus.force(unit, MODEL, ForceMode.TRIP)
    assert bus.read_force_state(unit, MODEL) == (True, True) and not peers.meter(unit).relay_closed
    bus.force(unit, MODEL, ForceMode.KEEP_POWER)
    assert bus.read_force_state(unit, MODEL) == (True, False) and peers.meter(unit).relay_closed
    bus.force(unit, MODEL, ForceMode.RESTORE_PREPAID)
    assert bus.read_force_state(unit, MODEL) == (False, False)
    ack = bus.recharge(unit, MODEL, 2_500, 4)
    assert ack.applied and (ack.remaining_fen, ack.purchase_count) == (12_500, 4)
    assert peers.meter(unit).recharges == [(2_500, 4)]
    bus.write_money_params(unit, MODEL, MoneyParams(prices=(13000, 11000, 9000, 6000), alarm1_fen=3000,
                                                    alarm2_fen=1000, overload_power_w=8000))
    got = bus.read_money_params(unit, MODEL)
    assert (got.prices, got.alarm1_fen, got.alarm2_fen, got.overload_power_w) == (
        (13000, 11000, 9000, 6000), 3000, 1000, 8000)
    bus.set_clock(unit, MODEL, datetime(2026, 5, 6, 7, 8, 9))
    assert bus.read_realtime(unit, MODEL).meter_clock == datetime(2026, 5, 6, 7, 8, 9)


@pytest.mark.parametrize("line", ["modbus-tcp", "rtu-over-tcp", "serial"], indirect=True)
def test_every_operation_against_pymodbus(line: Line) -> None:
    bus = line.bus()
    try:
        _every_operation(bus, line.peers)
        with pytest.raises(ExceptionReply) as ei:  # a metering-only meter: illegal function
            bus.recharge(6, MODEL, 100, 4)
        assert ei.value.code == 1
        assert bus.counters.crc_errors == 0 and bus.counters.timeouts == 0
    finally:
        bus.close()


@pytest.mark.parametrize("kind", ["modbus-tcp", "rtu-over-tcp"])
def test_gateway_closing_after_every_reply(kind: str) -> None:
    line = make_line(kind, close_after_reply=True)
    bus = line.bus(timeout_ms=3000)  # a loaded test machine must not turn into timeouts and retries here
    try:
        transactions = 0
        for _sweep in range(3):
            for unit in UNITS:
                assert bus.read_realtime(unit, MODEL).type_code == 7  # every meter, every sweep
                transactions += 1
        _every_operation(bus, line.peers, unit=2)
        transactions += bus.counters.requests - transactions
        assert line.gateway is not None
        # reconnect at once: at most one connect per transaction, no retries, nothing failed
        assert line.gateway.stats.connections <= bus.counters.requests
        assert bus.counters.requests == transactions and bus.counters.by_kind.get("retries", 0) == 0
        assert bus.counters.reconnects == line.gateway.stats.connections - 1
        assert bus.counters.timeouts == 0 and bus.counters.connect_failures == 0
    finally:
        bus.close()
        line.stop()


@pytest.mark.parametrize("kind", ["modbus-tcp", "rtu-over-tcp"])
def test_gateway_with_one_client_only(kind: str) -> None:
    line = make_line(kind, one_client=True)
    first, second = line.bus(), line.bus()
    try:
        assert first.read_realtime(1, MODEL).type_code == 7
        with pytest.raises(BusUnavailable):  # the gateway takes it and closes it at once: a clear failure
            second.read_realtime(2, MODEL)
        first.close()
        assert line.gateway is not None
        wait_for(lambda: line.gateway is not None and line.gateway.clients == 0, what="the gateway to see the close")
        assert second.read_realtime(2, MODEL).type_code == 7  # the slot is free again
        assert line.gateway.stats.refused >= 1
    finally:
        first.close()
        second.close()
        line.stop()


@pytest.mark.parametrize("kind", ["modbus-tcp", "rtu-over-tcp"])
def test_gateway_latency_and_split_frames(kind: str) -> None:
    line = make_line(kind, latency_s=0.25, split=3, split_gap_s=0.003)
    bus = line.bus(timeout_ms=1000)
    try:
        _every_operation(bus, line.peers)
        assert bus.counters.timeouts == 0 and bus.counters.crc_errors == 0 and bus.counters.frame_errors == 0
    finally:
        bus.close()
        line.stop()


@pytest.mark.parametrize("kind", ["modbus-tcp", "rtu-over-tcp"])
def test_dropped_replies(kind: str) -> None:
    line = make_line(kind)
    gw = line.gateway
    assert gw is not None
    bus = line.bus()
    try:
        gw.drop_replies = 1  # a read: retried, answered
        assert bus.read_realtime(1, MODEL).type_code == 7
        assert bus.counters.by_kind["retries"] == 1
        gw.drop_replies = 1  # a credit write: never resent blindly; the meter did apply it
        with pytest.raises(MeterTimeout):
            bus.recharge(1, MODEL, 700, 4)
        assert line.peers.meter(1).recharges == [(700, 4)]
        assert bus.read_realtime(1, MODEL).purchase_count == 4  # the read-back tells
    finally:
        bus.close()
        line.stop()


def test_rtu_over_tcp_gateway_with_local_echo() -> None:
    line = make_line("rtu-over-tcp", local_echo=True)
    bus = line.bus()
    try:
        _every_operation(bus, line.peers)
        # recognised as echo: no CRC errors, no retries, one request per operation
        assert bus.counters.crc_errors == 0 and bus.counters.by_kind.get("retries", 0) == 0
        assert bus.counters.by_kind["echo_bytes"] > 0
    finally:
        bus.close()
        line.stop()


@pytest.mark.parametrize("skip,setting", [(0, False), (0, True), (2, True)],
                         ids=["whole-echo-detected", "whole-echo-set", "partial-echo-set"])
def test_serial_line_with_local_echo(skip: int, setting: bool) -> None:
    line = make_line("serial")
    line.link.local_echo = True
    line.link.echo_skip = skip
    bus = line.bus(local_echo=setting)
    try:
        _every_operation(bus, line.peers)
        assert bus.counters.crc_errors == 0 and bus.counters.by_kind.get("retries", 0) == 0
        assert line.link.echoed > 0
    finally:
        bus.close()
        line.stop()

"""Every injectable fault, observed on the wire (RTU-over-TCP and Modbus-TCP)."""

from __future__ import annotations

import socket
import struct
import time
from collections.abc import Iterator
from datetime import datetime

import pytest

from acrel_console.drivers.simulator import FakeClock, Fault, SimBus, SimMeter, crc_ok, start_tcp
from acrel_console.drivers.simulator.probe import MbapClient, RtuStream, purchase_pdu, read_pdu, write_pdu


@pytest.fixture
def bus() -> SimBus:
    return SimBus(
        [SimMeter(address=a, remaining_fen=1_000, purchase_count=3) for a in (1, 2)],
        clock=FakeClock(datetime(2026, 3, 2, 12, 0)),
    )


@pytest.fixture
def rtu(bus: SimBus) -> Iterator[RtuStream]:
    with start_tcp(bus, mode="rtu-over-tcp") as srv, RtuStream.tcp("127.0.0.1", srv.port) as c:  # type: ignore[arg-type]
        yield c


@pytest.fixture
def mbap(bus: SimBus) -> Iterator[MbapClient]:
    with start_tcp(bus, mode="modbus-tcp") as srv, MbapClient("127.0.0.1", srv.port) as c:  # type: ignore[arg-type]
        yield c


READ = read_pdu(0x021F, 3)


def test_silence_for_count_requests_then_normal(bus: SimBus, rtu: RtuStream) -> None:
    bus.inject(1, Fault.SILENCE, count=2)
    assert rtu.request(1, purchase_pdu(500, 4), timeout=0.2) == b""
    assert bus.meter(1).purchase_count == 3  # not processed: the write was lost
    assert rtu.request(2, READ)[0] == 2  # other meters unaffected
    assert rtu.request(1, READ, timeout=0.2) == b""
    assert crc_ok(rtu.request(1, READ))
    assert bus.stats.faults == {"silence": 2}


def test_drop_reply_processes_the_write(bus: SimBus, rtu: RtuStream) -> None:
    bus.inject(1, Fault.DROP_REPLY, count=1)
    assert rtu.request(1, purchase_pdu(500, 4), timeout=0.2) == b""
    assert bus.meter(1).purchase_count == 4 and bus.meter(1).remaining_fen == 1_500
    frame = rtu.request(1, purchase_pdu(500, 4))  # resend is a duplicate
    assert frame[4] == 1


def test_late_reply_overlaps_the_next_request(bus: SimBus, rtu: RtuStream) -> None:
    bus.inject(1, Fault.LATE_REPLY, count=1, delay_s=0.8)
    t0 = time.monotonic()
    assert rtu.request(1, read_pdu(0x0221, 1), timeout=0.15) == b""
    # the line serves the next request while the late reply is pending
    frame = rtu.request(2, READ, timeout=0.6)
    assert frame[0] == 2 and crc_ok(frame)
    late = rtu.recv_frame(timeout=2.0)
    assert time.monotonic() - t0 >= 0.8
    assert late[:3] == bytes((1, 3, 2)) and late[3:5] == b"\x00\x03" and crc_ok(late)


def test_unknown_unit_on_modbus_tcp_gateway_exception(bus: SimBus, mbap: MbapClient) -> None:
    assert mbap.request(9, READ, timeout=0.2) is None  # default: silence, like an RTU line
    bus.unknown_unit_exception = 0x0B  # a gateway that answers "target device failed to respond"
    assert mbap.request(9, READ) == bytes((0x83, 0x0B))


def test_crc_error_reply(bus: SimBus, rtu: RtuStream) -> None:
    bus.inject(1, Fault.CRC_ERROR, count=1)
    frame = rtu.request(1, READ)
    assert len(frame) == 11 and frame[:3] == bytes((1, 3, 6)) and not crc_ok(frame)
    assert crc_ok(rtu.request(1, READ))


def test_wrong_unit_in_reply(bus: SimBus, rtu: RtuStream, mbap: MbapClient) -> None:
    bus.inject(1, Fault.WRONG_UNIT, count=2)
    frame = rtu.request(1, READ)
    assert frame[0] == 2 and crc_ok(frame)
    mbap.send(1, READ)
    got = mbap.recv()
    assert got is not None and got[1] == 2


def test_exception_reply_not_processed(bus: SimBus, rtu: RtuStream) -> None:
    bus.inject(1, Fault.EXCEPTION, count=1, code=6, functions={0x20})
    assert crc_ok(rtu.request(1, READ))  # reads pass: only 0x20 is affected
    frame = rtu.request(1, purchase_pdu(500, 4))
    assert frame[:3] == bytes((1, 0xA0, 6)) and crc_ok(frame)
    assert bus.meter(1).purchase_count == 3


def test_truncated_reply(bus: SimBus, rtu: RtuStream, mbap: MbapClient) -> None:
    bus.inject(1, Fault.TRUNCATED, count=2)
    frame = rtu.request(1, READ, timeout=0.3)
    assert 0 < len(frame) < 11
    mbap.send(1, READ)
    assert mbap.recv(timeout=0.3) is None  # header promises more bytes than arrive


def test_reboot_is_silent_once_and_keeps_money(bus: SimBus, rtu: RtuStream) -> None:
    rtu.request(1, write_pdu(0x0057, [1, 1]))
    assert rtu.request(1, read_pdu(0x0224, 1))[3] == 0x00
    bus.inject(1, Fault.REBOOT, count=1)
    assert rtu.request(1, READ, timeout=0.2) == b""
    frame = rtu.request(1, read_pdu(0x021F, 6))
    assert struct.unpack(">iH", frame[3:9]) == (1_000, 3)
    assert frame[3 + 10] == 0x20  # forced trip lost with the RAM state: relay closed again


def test_connection_reset(bus: SimBus) -> None:
    for mode in ("rtu-over-tcp", "modbus-tcp"):
        bus.inject(1, Fault.CONNECTION_RESET, count=1)
        with start_tcp(bus, mode=mode) as srv:
            sock = socket.create_connection(("127.0.0.1", srv.port), 2)  # type: ignore[arg-type]
            sock.settimeout(2)
            if mode == "modbus-tcp":
                sock.sendall(struct.pack(">HHHB", 1, 0, 6, 1) + READ)
            else:
                from acrel_console.drivers.simulator import with_crc

                sock.sendall(with_crc(bytes((1,)) + READ))
            with pytest.raises((ConnectionResetError, ConnectionError)):
                if sock.recv(100) == b"":
                    raise ConnectionError("EOF")
            sock.close()
            with MbapClient("127.0.0.1", srv.port) if mode == "modbus-tcp" else RtuStream.tcp("127.0.0.1", srv.port) as c:  # type: ignore[arg-type, attr-defined]
                assert c.request(1, READ) not in (None, b"")  # a new connection works


def test_garbage_reply(bus: SimBus, rtu: RtuStream) -> None:
    bus.inject(1, Fault.GARBAGE, count=1, length=5)
    frame = rtu.request(1, READ, timeout=0.5)
    assert len(frame) == 5


def test_crc_error_on_modbus_tcp_corrupts_payload(bus: SimBus, mbap: MbapClient) -> None:
    good = mbap.request(1, READ)
    bus.inject(1, Fault.CRC_ERROR, count=1)
    bad = mbap.request(1, READ)
    assert good is not None and bad is not None and len(bad) == len(good) and bad != good


def test_bad_request_crc_is_ignored(bus: SimBus, rtu: RtuStream) -> None:
    from acrel_console.drivers.simulator import with_crc

    frame = bytearray(with_crc(bytes((1,)) + READ))
    frame[-1] ^= 0x55
    rtu.send_raw(bytes(frame))
    assert rtu.recv_frame(timeout=0.2) == b""
    assert bus.stats.bad_frames == 1
    assert crc_ok(rtu.request(1, READ))


def test_clear_faults_and_permanent_silence(bus: SimBus, rtu: RtuStream) -> None:
    bus.inject(2, Fault.SILENCE)  # until cleared
    for _ in range(3):
        assert rtu.request(2, READ, timeout=0.1) == b""
    bus.clear_faults(2)
    assert crc_ok(rtu.request(2, READ))

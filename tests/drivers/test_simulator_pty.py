"""Simulator on a real pty (pyserial), the TEA16 cipher, the CLI entry point, clean shutdown."""

from __future__ import annotations

import os
import socket
import struct
import threading
import time
from datetime import datetime

from acrel_console.drivers.simulator import (
    FakeClock,
    SimBus,
    SimMeter,
    crc_ok,
    run_simulator_cli,
    start_pty,
    start_tcp,
    with_crc,
)
from acrel_console.drivers.simulator import tea16
from acrel_console.drivers.simulator.probe import RtuStream, purchase_pdu, read_pdu, write_pdu


def _bus() -> SimBus:
    return SimBus(
        [SimMeter(address=a, remaining_fen=a * 1000, purchase_count=2) for a in (1, 2, 3)],
        clock=FakeClock(datetime(2026, 3, 2, 12, 0)),
    )


def test_pty_serves_rtu_and_stops_cleanly() -> None:
    before = set(threading.enumerate())
    bus = _bus()
    path, stop = start_pty(bus)
    assert os.path.exists(path)
    with RtuStream.serial(path) as port:
        for a in (1, 2, 3):
            frame = port.request(a, read_pdu(0x021F, 2))
            assert crc_ok(frame) and frame[0] == a
            assert struct.unpack(">i", frame[3:7])[0] == a * 1000
        frame = port.request(2, purchase_pdu(250, 3))
        assert len(frame) == 15 and crc_ok(frame) and frame[4] == 0
        assert struct.unpack(">iH", frame[5:11]) == (2250, 3)
    stop()
    stop()
    assert set(threading.enumerate()) == before


def _encrypted(unit: int, pdu: bytes) -> bytes:
    return tea16.encrypt(with_crc(bytes((unit,)) + pdu))


def test_cipher_required_when_run_mode_bit5_set() -> None:
    bus = _bus()
    with start_tcp(bus, mode="rtu-over-tcp") as srv, RtuStream.tcp("127.0.0.1", srv.port) as c:  # type: ignore[arg-type]
        # cipher off: a ciphertext frame is noise, nobody answers
        c.send_raw(_encrypted(1, purchase_pdu(100, 3)))
        assert c.recv_frame(timeout=0.3) == b""
        assert bus.stats.bad_frames == 1
        # switch encryption on (run mode 0x41 | 0x20)
        assert crc_ok(c.request(1, write_pdu(0x0022, [0x61])))
        assert c.request(1, purchase_pdu(100, 3))[1:3] == bytes((0xA0, 0x01))  # plaintext refused
        c.send_raw(_encrypted(1, purchase_pdu(100, 3)))
        frame = c.recv_frame(timeout=1.0)
        assert len(frame) == 15 and crc_ok(frame) and frame[4] == 0  # plain reply
        assert bus.meter(1).remaining_fen == 1100 and bus.meter(1).purchase_count == 3
        assert bus.stats.enciphered == 1
        # reads stay plain
        assert crc_ok(c.request(1, read_pdu(0x0221, 1)))


def test_doc_example_ciphertext_is_accepted() -> None:
    bus = SimBus([SimMeter(address=1, remaining_fen=0, purchase_count=0, run_mode=0x61)], clock=FakeClock())
    with start_tcp(bus, mode="rtu-over-tcp") as srv, RtuStream.tcp("127.0.0.1", srv.port) as c:  # type: ignore[arg-type]
        c.send_raw(bytes.fromhex("327CFFAA63C382E2F429F7E0BDE3C6E41542D68F"))  # hardware doc §1.6
        frame = c.recv_frame(timeout=1.0)
        assert frame[1:5] == bytes((0x20, 0x01, 0x00, 0x00))
    assert bus.meter(1).remaining_fen == 10_000 and bus.meter(1).purchase_count == 1


def test_run_simulator_cli_until_stopped() -> None:
    before = set(threading.enumerate())
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = threading.Event()
    result: list[int] = []
    t = threading.Thread(
        target=lambda: result.append(
            run_simulator_cli(f"127.0.0.1:{port}", "rtu-over-tcp", "1-36", "dtsy1352", 3, stop_event=done)
        )
    )
    t.start()
    frame = b""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not frame:
        try:
            with RtuStream.tcp("127.0.0.1", port) as c:
                frame = c.request(36, read_pdu(0x0200, 1))
        except OSError:
            time.sleep(0.05)
    assert frame[:5] == bytes((36, 3, 2, 0, 5))  # DTSY1352 type code
    done.set()
    t.join(5)
    assert result == [0]
    assert set(threading.enumerate()) == before
    assert run_simulator_cli("127.0.0.1:0", "modbus-tcp", "1-3", "nope", 1) == 2
    assert run_simulator_cli("127.0.0.1:0", "modbus-tcp", "0-3", "ddsy1352", 1) == 2

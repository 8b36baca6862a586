"""The pacing relay: wire time per byte, both directions, impairments, simulator behind it."""

from __future__ import annotations

import os
import select
import struct
import threading
import time
from datetime import datetime

import serial

from acrel_console.drivers.relay import Direction, char_time_s, start_paced_link
from acrel_console.drivers.simulator import FakeClock, SimBus, SimMeter, crc_ok, start_pty, start_tcp
from acrel_console.drivers.simulator.probe import RtuStream, read_pdu


def _read_n(fd: int, n: int, timeout: float = 3.0) -> bytes:
    buf = b""
    deadline = time.monotonic() + timeout
    while len(buf) < n and time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            buf += os.read(fd, n - len(buf))
    return buf


def test_char_time() -> None:
    assert abs(char_time_s(9600) - 10 / 9600) < 1e-12
    assert abs(char_time_s(9600, parity="E") - 11 / 9600) < 1e-12
    assert abs(char_time_s(2400, stopbits=2) - 11 / 2400) < 1e-12


def test_100_bytes_take_the_wire_time_both_ways() -> None:
    before = set(threading.enumerate())
    payload = bytes(range(100))
    with start_paced_link(9600) as link:
        assert link.meter_path is not None
        with serial.Serial(link.console_path, 9600, timeout=0.05) as console:
            meter_fd = os.open(link.meter_path, os.O_RDWR | os.O_NOCTTY)
            try:
                t0 = time.monotonic()
                console.write(payload)
                got = _read_n(meter_fd, 100)
                elapsed = time.monotonic() - t0
                assert got == payload
                assert elapsed >= 0.9 * 100 * 10 / 9600
                t0 = time.monotonic()
                os.write(meter_fd, payload)
                back = b""
                deadline = time.monotonic() + 3
                while len(back) < 100 and time.monotonic() < deadline:
                    back += console.read(100 - len(back))
                elapsed = time.monotonic() - t0
                assert back == payload
                assert elapsed >= 0.9 * 100 * 10 / 9600
            finally:
                os.close(meter_fd)
        assert link.stats.forwarded == {Direction.TO_METER: 100, Direction.TO_CONSOLE: 100}
    assert set(threading.enumerate()) == before


def test_parity_adds_a_bit() -> None:
    with start_paced_link(9600, parity="E") as link:
        with serial.Serial(link.console_path, 9600, timeout=0.05) as console:
            fd = os.open(link.meter_path, os.O_RDWR | os.O_NOCTTY)  # type: ignore[arg-type]
            try:
                t0 = time.monotonic()
                console.write(bytes(100))
                assert len(_read_n(fd, 100)) == 100
                assert time.monotonic() - t0 >= 0.9 * 100 * 11 / 9600
            finally:
                os.close(fd)


def _bus() -> SimBus:
    return SimBus([SimMeter(address=a, remaining_fen=a * 10) for a in (1, 2)], clock=FakeClock(datetime(2026, 3, 2, 12)))


def test_simulator_pty_behind_the_relay() -> None:
    before = set(threading.enumerate())
    bus = _bus()
    path, stop = start_pty(bus)
    try:
        with start_paced_link(9600, path) as link, RtuStream.serial(link.console_path) as port:
            t0 = time.monotonic()
            frame = port.request(2, read_pdu(0x0200, 48), timeout=2.0)
            elapsed = time.monotonic() - t0
            assert len(frame) == 101 and crc_ok(frame)
            wire = (8 + 101) * 10 / 9600
            assert elapsed >= 0.9 * wire + bus.reply_latency_s
            assert struct.unpack(">i", frame[3 + 62 : 3 + 66])[0] == 20
    finally:
        stop()
    assert set(threading.enumerate()) == before


def test_impairments_drop_corrupt_delay_over_tcp_target() -> None:
    bus = _bus()
    with start_tcp(bus, mode="rtu-over-tcp") as srv:
        with start_paced_link(19200, ("127.0.0.1", srv.port)) as link, RtuStream.serial(link.console_path) as port:  # type: ignore[arg-type]
            req = read_pdu(0x021F, 2)
            assert crc_ok(port.request(1, req))
            link.corrupt_next(Direction.TO_CONSOLE, 1)
            frame = port.request(1, req)
            assert len(frame) == 9 and not crc_ok(frame)
            link.drop_next(Direction.TO_CONSOLE, 2)
            frame = port.request(1, req, timeout=0.5)
            assert len(frame) == 7
            link.drop_next(Direction.TO_METER, 1)  # the meter sees a broken request: no reply
            assert port.request(1, req, timeout=0.3) == b""
            time.sleep(0.1)  # let the simulator's inter-frame gap expire
            link.delay_next(Direction.TO_CONSOLE, 0.3)
            t0 = time.monotonic()
            frame = port.request(1, req, timeout=1.0)
            assert crc_ok(frame) and time.monotonic() - t0 >= 0.3
            assert link.stats.corrupted[Direction.TO_CONSOLE] == 1
            assert link.stats.dropped == {Direction.TO_METER: 1, Direction.TO_CONSOLE: 2}
    assert bus.stats.bad_frames >= 1


def test_hook_and_random_noise_are_seeded() -> None:
    seen: list[int] = []

    def hook(direction: Direction, byte: int) -> bytes:
        if direction is Direction.TO_METER:
            seen.append(byte)
        return bytes((byte,))

    with start_paced_link(115200, hook=hook, seed=3) as link:
        link.set_noise(Direction.TO_METER, drop_rate=0.5)
        with serial.Serial(link.console_path, 115200, timeout=0.05) as console:
            fd = os.open(link.meter_path, os.O_RDWR | os.O_NOCTTY)  # type: ignore[arg-type]
            try:
                console.write(bytes(range(200)))
                got = _read_n(fd, 200, timeout=1.0)
            finally:
                os.close(fd)
        assert 40 < len(got) < 160
        assert got == bytes(seen)
        assert link.stats.dropped[Direction.TO_METER] == 200 - len(got)

"""Serial RTU specifics: silent interval and inter-frame delay (with a fake clock, no timed
assertions), and faults injected on a paced 9600-baud pty line into the simulator."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from acrel_console.drivers import transports as tr
from acrel_console.drivers.api import BusConfig, BusCounters, CrcError, FrameError, MeterTimeout
from acrel_console.drivers.bus import ModbusMeterBus, open_bus
from acrel_console.drivers.crc import append_crc
from acrel_console.drivers.pdu import read_holding_request


def test_timing_arithmetic() -> None:
    assert tr.char_time_s(9600) == 10 / 9600
    assert tr.char_time_s(9600, "E") == 11 / 9600
    assert tr.silent_interval_s(9600) == 3.5 * 10 / 9600
    assert tr.silent_interval_s(115200) == 0.00175
    assert tr.wire_minimum_s(8, 101, 9600) == 109 * 10 / 9600 + 3.5 * 10 / 9600


class _FakePort:
    """Answers every FC03 of unit 1 at once; records writes."""

    def __init__(self) -> None:
        self.written: list[bytes] = []
        self.pending = b""
        self.timeout = 0.0

    @property
    def in_waiting(self) -> int:
        return len(self.pending)

    def write(self, data: bytes) -> int:
        self.written.append(data)
        _, spec = read_holding_request(0x0200, 2)
        self.pending = append_crc(bytes((1, 3, 4, 0, 7, 0, 0)))
        return len(data)

    def read(self, n: int) -> bytes:
        out, self.pending = self.pending[:n], self.pending[n:]
        return out

    def close(self) -> None:
        pass


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, s: float) -> None:
        self.sleeps.append(s)
        self.now += s


@pytest.mark.parametrize(("baud", "delay_ms", "expected_gap"), [
    (9600, 0, 3.5 * 10 / 9600),     # at least the 3.5-character silence
    (1200, 0, 3.5 * 10 / 1200),
    (9600, 20, 0.020),              # a longer configured inter-frame delay wins
])
def test_silence_before_each_request(monkeypatch: pytest.MonkeyPatch, baud: int, delay_ms: int,
                                     expected_gap: float) -> None:
    clock = _Clock()
    monkeypatch.setattr(tr.time, "monotonic", clock.monotonic)
    monkeypatch.setattr(tr.time, "sleep", clock.sleep)
    t = tr.SerialRtuTransport(BusConfig(name="s", kind="serial", serial_port="/dev/null", baud=baud,
                                        inter_frame_delay_ms=delay_ms), BusCounters())
    t._port = _FakePort()  # type: ignore[assignment]
    request, spec = read_holding_request(0x0200, 2)
    for _ in range(3):
        assert t.exchange(1, request, spec) == bytes((3, 4, 0, 7, 0, 0))
    # The first request follows the port opening long ago: no wait; then exactly the gap each time.
    assert clock.sleeps[-2:] == [pytest.approx(expected_gap), pytest.approx(expected_gap)]
    assert len(t._port.written) == 3  # type: ignore[attr-defined]


sim = pytest.importorskip("acrel_console.drivers.simulator")
relay = pytest.importorskip("acrel_console.drivers.relay")


@pytest.fixture
def paced() -> Iterator[tuple[object, ModbusMeterBus]]:
    simbus = sim.SimBus([sim.SimMeter(address=a) for a in (1, 2)],
                        clock=sim.FakeClock(datetime(2026, 3, 2, 9, 0)), reply_latency_s=0.0)
    running = sim.start_tcp(simbus, mode="rtu-over-tcp")
    link = relay.start_paced_link(9600, ("127.0.0.1", running.port))
    bus = open_bus(BusConfig(name="p", kind="serial", serial_port=link.console_path, baud=9600,
                             timeout_ms=300, retries=0))
    assert isinstance(bus, ModbusMeterBus)
    try:
        yield link, bus
    finally:
        bus.close()
        link.stop()
        running.stop()


def test_paced_line_faults(paced: tuple[object, ModbusMeterBus]) -> None:
    link, bus = paced
    to_console = relay.Direction.TO_CONSOLE
    assert bus.read_realtime(1, "DDSY1352").type_code == 7
    link.corrupt_next(to_console, 1)  # type: ignore[attr-defined]
    with pytest.raises((CrcError, FrameError)):
        bus.read_realtime(1, "DDSY1352")
    assert bus.counters.crc_errors + bus.counters.frame_errors == 1
    link.drop_next(to_console, 3)  # type: ignore[attr-defined]
    with pytest.raises(FrameError):
        bus.read_realtime(2, "DDSY1352")  # 3 bytes short: truncated
    link.drop_next(to_console, 101)  # type: ignore[attr-defined]  # the whole reply
    with pytest.raises(MeterTimeout):
        bus.read_realtime(2, "DDSY1352")
    # After all that the line still works, with no stale bytes taken for answers.
    for a in (1, 2, 1):
        r = bus.read_realtime(a, "DDSY1352")
        assert r.type_code == 7 and r.purchase_count == 0

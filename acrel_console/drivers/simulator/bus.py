"""SimBus: the meters on one RS485 line (by address), their clock, faults, and request handling."""

from __future__ import annotations

import random
import struct
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from acrel_console.drivers.simulator import vendor
from acrel_console.drivers.simulator.clock import Clock, FakeClock, RealClock, from_ms
from acrel_console.drivers.simulator.faults import Fault, Injection, Reply
from acrel_console.drivers.simulator.meter import Model, SimMeter
from acrel_console.drivers.simulator.registers import part_register_map, register_map, write_registers

DEFAULT_REPLY_LATENCY_S = 0.002
MAX_READ_REGS = 125
MAX_WRITE_REGS = 123


@dataclass(slots=True)
class BusStats:
    """Counters of what the simulated line saw (read them in tests and benchmarks)."""

    requests: int = 0
    replies: int = 0
    exceptions: int = 0
    bad_frames: int = 0  # request frames with a bad CRC or undecodable (meters stay silent)
    unknown_unit: int = 0
    enciphered: int = 0
    faults: dict[str, int] = field(default_factory=dict)
    by_function: dict[int, int] = field(default_factory=dict)
    reads: dict[tuple[int, int], int] = field(default_factory=dict)  # FC03 (start, count) -> requests


def exception_pdu(function: int, code: int) -> bytes:
    """Exception reply PDU: function | 0x80, code."""
    return bytes(((function | 0x80) & 0xFF, code))


class SimBus:
    """Meters sharing one line. Thread-safe: servers and tests may use it from different threads.

    `reply_latency_s` is how long a meter takes to start answering (default 2 ms); benchmarks add
    it to the wire time. `clock` is a `FakeClock` (tests; step it with `advance`) or `RealClock`.
    """

    def __init__(
        self,
        meters: Iterable[SimMeter] = (),
        *,
        clock: Clock | None = None,
        reply_latency_s: float = DEFAULT_REPLY_LATENCY_S,
        name: str = "bus",
        seed: int = 0,
    ) -> None:
        self.name = name
        self.clock: Clock = clock if clock is not None else RealClock()
        self.reply_latency_s = reply_latency_s
        self.stats = BusStats()
        # Modbus-TCP only: None = an unknown unit id is not answered; e.g. 0x0B = the gateway
        # answers "target device failed to respond" at once
        self.unknown_unit_exception: int | None = None
        self._lock = threading.RLock()
        self._meters: dict[int, SimMeter] = {}
        # A three-phase ADF400L user takes three consecutive addresses: L2/L3 circuits at +1/+2
        # answer their own power control (hardware doc §3.1); address -> (user address, channel)
        self._parts: dict[int, tuple[int, int]] = {}
        self._faults: dict[int, list[Injection]] = {}
        self._rng = random.Random(seed)
        for m in meters:
            self.add(m)

    # ----- population -------------------------------------------------------------------------
    def add(self, meter: SimMeter) -> SimMeter:
        with self._lock:
            parts = ([meter.address + 1, meter.address + 2]
                     if meter.model is Model.ADF400L and meter.three_phase else [])
            for a in (meter.address, *parts):
                if a in self._meters or a in self._parts or a > 247:
                    raise ValueError(f"address {a} already on bus {self.name}")
            meter.advance_to(self.clock.now_ms())
            self._meters[meter.address] = meter
            for ch, a in enumerate(parts, 1):
                self._parts[a] = (meter.address, ch)
            return meter

    def remove(self, address: int) -> None:
        with self._lock:
            self._meters.pop(address, None)
            self._faults.pop(address, None)
            for part in [a for a, (user, _ch) in self._parts.items() if user == address]:
                del self._parts[part]

    @property
    def addresses(self) -> list[int]:
        with self._lock:
            return sorted(self._meters)

    def meter(self, address: int) -> SimMeter:
        """The meter at `address`, brought up to the clock's now (KeyError if absent)."""
        with self._lock:
            m = self._meters[address]
            m.advance_to(self.clock.now_ms())
            return m

    def meters(self) -> list[SimMeter]:
        with self._lock:
            return [self.meter(a) for a in sorted(self._meters)]

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the bus lock while changing several meter fields at once from a test."""
        with self._lock:
            yield

    def meter_clock(self, address: int) -> datetime:
        """The meter's own clock (bus clock + the offset set by group 03/54)."""
        with self._lock:
            return from_ms(self.clock.now_ms() + self._meters[address].clock_offset_ms)

    # ----- time -------------------------------------------------------------------------------
    def advance(self, seconds: float) -> None:
        """Step a FakeClock and bring every meter up to date (TypeError on a real clock)."""
        if not isinstance(self.clock, FakeClock):
            raise TypeError("advance() needs a FakeClock")
        with self._lock:
            self.clock.advance(seconds)
            self.sync()

    def sync(self) -> None:
        """Bring every meter up to the clock's now."""
        with self._lock:
            now = self.clock.now_ms()
            for m in self._meters.values():
                m.advance_to(now)

    # ----- faults -----------------------------------------------------------------------------
    def inject(
        self,
        address: int,
        fault: Fault,
        count: int | None = None,
        *,
        delay_s: float = 1.0,
        code: int = 4,
        length: int = 7,
        functions: Iterable[int] | None = None,
    ) -> Injection:
        """Make the next `count` requests to `address` (None = all until cleared) suffer `fault`.
        Several injections queue up: the oldest still active applies first."""
        inj = Injection(
            fault=fault,
            count=count,
            delay_s=delay_s,
            code=code,
            length=length,
            functions=frozenset(functions) if functions is not None else None,
        )
        with self._lock:
            self._faults.setdefault(address, []).append(inj)
        return inj

    def clear_faults(self, address: int | None = None) -> None:
        with self._lock:
            if address is None:
                self._faults.clear()
            else:
                self._faults.pop(address, None)

    def reboot(self, address: int) -> None:
        """Reboot a meter now (see Fault.REBOOT for what survives)."""
        with self._lock:
            self.meter(address).reboot()

    def _take_fault(self, address: int, function: int) -> Injection | None:
        queue = self._faults.get(address)
        if not queue:
            return None
        for inj in queue:
            if inj.matches(function):
                if inj.count is not None:
                    inj.count -= 1
                    if inj.count <= 0:
                        queue.remove(inj)
                return inj
        return None

    def cipher_keys(self) -> set[tuple[int, int, int, int]]:
        """Keys of meters whose run mode has encryption on (for recognising enciphered frames)."""
        with self._lock:
            return {m.cipher_key for m in self._meters.values() if m.encryption_on}

    # ----- requests ---------------------------------------------------------------------------
    def process(self, unit: int, pdu: bytes, *, enciphered: bool = False) -> Reply | None:
        """Handle one request PDU for `unit`; None when nobody on the bus answers."""
        if not pdu:
            return None
        function = pdu[0]
        with self._lock:
            self.stats.requests += 1
            self.stats.by_function[function] = self.stats.by_function.get(function, 0) + 1
            if enciphered:
                self.stats.enciphered += 1
            m = self._meters.get(unit)
            part = self._parts.get(unit)
            if m is None and part is not None:
                return self._part_reply(unit, part, pdu)
            if m is None:
                self.stats.unknown_unit += 1
                return None
            now = self.clock.now_ms()
            m.advance_to(now)
            inj = self._take_fault(unit, function)
            fault = inj.fault if inj else None
            if fault is not None:
                self.stats.faults[fault.value] = self.stats.faults.get(fault.value, 0) + 1
            if inj is not None and fault is not None and not fault.processed:  # fault is set only with inj
                return self._unprocessed(unit, function, inj)
            answer = self._answer(m, pdu, now, enciphered)
            if answer[0] & 0x80:
                self.stats.exceptions += 1
            reply = Reply(unit=unit, pdu=answer, delay_s=self.reply_latency_s, fault=fault)
            if fault is Fault.DROP_REPLY:
                reply.pdu = None
            elif fault is Fault.LATE_REPLY and inj is not None:
                reply.late = True
                reply.delay_s = self.reply_latency_s + inj.delay_s
            elif fault is Fault.CRC_ERROR:
                reply.corrupt = True
            elif fault is Fault.WRONG_UNIT:
                reply.unit = unit % 247 + 1
            elif fault is Fault.TRUNCATED:
                reply.truncate = True
            if reply.pdu is not None:
                self.stats.replies += 1
            return reply

    def _unprocessed(self, unit: int, function: int, inj: Injection) -> Reply | None:
        fault = inj.fault
        if fault is Fault.SILENCE:
            return Reply(unit=unit, pdu=None, fault=fault)
        if fault is Fault.REBOOT:
            self._meters[unit].reboot()
            return Reply(unit=unit, pdu=None, fault=fault)
        if fault is Fault.CONNECTION_RESET:
            return Reply(unit=unit, pdu=None, reset=True, fault=fault)
        if fault is Fault.GARBAGE:
            junk = bytes(self._rng.randrange(256) for _ in range(inj.length))
            return Reply(unit=unit, pdu=None, garbage=junk, delay_s=self.reply_latency_s, fault=fault)
        # EXCEPTION
        self.stats.exceptions += 1
        self.stats.replies += 1
        return Reply(
            unit=unit, pdu=exception_pdu(function, inj.code), delay_s=self.reply_latency_s, fault=fault
        )

    def _part_reply(self, unit: int, part: tuple[int, int], pdu: bytes) -> Reply:
        """The L2/L3 circuit of a three-phase ADF user: FC03 of its power control, 0x20 group 04."""
        m = self._meters[part[0]]
        ch = part[1]
        now = self.clock.now_ms()
        m.advance_to(now)
        function = pdu[0]
        if function == 0x03 and len(pdu) == 5:
            start, count = struct.unpack(">HH", pdu[1:5])
            regs = part_register_map(m, ch)
            try:
                answer = bytes((0x03, 2 * count)) + b"".join(regs[a].to_bytes(2, "big")
                                                             for a in range(start, start + count))
            except KeyError:
                answer = exception_pdu(function, 2)
        elif function == vendor.FC_VENDOR and len(pdu) >= 3 and pdu[1] == vendor.GROUP_POWER and pdu[2] == 0:
            channel = {1: 0x0D, 2: 0x1A}[ch]  # the same settings as the user's channel L2/L3
            try:
                handled = vendor.handle(m, pdu[:2] + bytes((channel,)) + pdu[3:], now, False)
                answer = handled[:2] + b"\x00" + handled[3:]  # answered as this circuit's own channel 0
            except vendor.VendorError as exc:
                answer = exception_pdu(function, exc.code)
        else:
            answer = exception_pdu(function, 1 if function not in (0x03, 0x10) else 2)
        if answer[0] & 0x80:
            self.stats.exceptions += 1
        self.stats.replies += 1
        return Reply(unit=unit, pdu=answer, delay_s=self.reply_latency_s)

    def _answer(self, m: SimMeter, pdu: bytes, now_ms: int, enciphered: bool) -> bytes:
        function = pdu[0]
        if function == 0x03:
            if len(pdu) != 5:
                return exception_pdu(function, 3)
            start, count = struct.unpack(">HH", pdu[1:5])
            self.stats.reads[(start, count)] = self.stats.reads.get((start, count), 0) + 1
            if not 1 <= count <= MAX_READ_REGS:
                return exception_pdu(function, 3)
            regs = register_map(m, from_ms(now_ms + m.clock_offset_ms))
            try:
                words = [regs[a] for a in range(start, start + count)]
            except KeyError:
                return exception_pdu(function, 2)
            return bytes((0x03, 2 * count)) + b"".join(w.to_bytes(2, "big") for w in words)
        if function == 0x10:
            if len(pdu) < 6:
                return exception_pdu(function, 3)
            start, count = struct.unpack(">HH", pdu[1:5])
            nbytes = pdu[5]
            data = pdu[6:]
            if not 1 <= count <= MAX_WRITE_REGS or nbytes != 2 * count or len(data) != nbytes:
                return exception_pdu(function, 3)
            values = [int.from_bytes(data[i : i + 2], "big") for i in range(0, nbytes, 2)]
            if not write_registers(m, start, values):
                return exception_pdu(function, 2)
            return pdu[:5]
        if function == vendor.FC_VENDOR:
            try:
                return vendor.handle(m, pdu, now_ms, enciphered)
            except vendor.VendorError as exc:
                return exception_pdu(function, exc.code)
        return exception_pdu(function, 1)


def parse_units(spec: str) -> list[int]:
    """"1-36" or "1-10,20,30-32" -> sorted unique addresses (ValueError outside 1..247)."""
    out: set[int] = set()
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            lo_s, hi_s = part.split("-", 1)
            lo, hi = int(lo_s), int(hi_s)
            if lo > hi:
                raise ValueError(f"bad unit range {part!r}")
            out.update(range(lo, hi + 1))
        else:
            out.add(int(part))
    if not out or min(out) < 1 or max(out) > 247:
        raise ValueError("units must be within 1..247")
    return sorted(out)


def make_bus(
    units: str | Iterable[int],
    model: Model | str = Model.DDSY1352,
    *,
    clock: Clock | None = None,
    reply_latency_s: float = DEFAULT_REPLY_LATENCY_S,
    name: str = "bus",
    **meter_fields: Any,  # SimMeter fields, passed through
) -> SimBus:
    """A bus with one meter of `model` at each address in `units` (same initial fields)."""
    addresses = parse_units(units) if isinstance(units, str) else list(units)
    mdl = Model(model)
    meters = [SimMeter(address=a, model=mdl, **meter_fields) for a in addresses]
    return SimBus(meters, clock=clock, reply_latency_s=reply_latency_s, name=name)

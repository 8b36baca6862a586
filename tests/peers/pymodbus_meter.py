"""Acrel prepaid meters served by pymodbus 3.16: an independent peer, not the project's simulator.

Written from shared/hardware/acrel-and-dlt645.md and design §13 with pymodbus's own server, framers
and CRC (nothing imported from acrel_console), so that a test against it checks the console against
another implementation of the wire, not against itself. Each unit keeps 0x0800 holding registers
(SimDevice/SimData, pymodbus's 3.16 data model) and an `action` hook that plays the meter:

- 0x0200 x48 real-time block: type code, U/I/P, energy, remaining (INT32 fen), purchase count, status
  (0x0224 hi bit 5 = relay L1 closed, lo bit 3 = fee control), clock (YY MM DD WW hh mm ss binary);
- 0x0057/0x0058 force control (FC10): 1/1 forced open, 1/0 forced close (keep power), 0/x prepaid;
  the relay follows at once (prepaid: closed while remaining > 0);
- 0x0400 x25 money read-back, 0x0480 x7 power-control read-back (0x0481 max power, 0.01 kW);
- vendor function 0x20 (a custom PDU registered on the server): group 01 purchase (count must be
  current + 1; equal = duplicate ignored; else exception 04), group 02 flagged money parameters,
  group 03/0x54 clock, group 04 power control. Reply: 20 GG CC ST RRRR KKKK 00 00.
  A metering-only unit answers 0x20 with exception 01 (illegal function), as old firmware does.

`PymodbusMeters(...).start("tcp" | "rtu-over-tcp")` or `.start("serial", link.meter_path)` (the meter
side of a pty pair made by drivers.relay.start_paced_link) runs the server in its own thread and event
loop; `.port` is the TCP port; `.stop()` joins everything.
"""

from __future__ import annotations

import asyncio
import logging
import struct
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pymodbus.constants import ExcCodes
from pymodbus.framer import FramerType
from pymodbus.pdu import ExceptionResponse, ModbusPDU
from pymodbus.server import ModbusSerialServer, ModbusTcpServer
from pymodbus.simulator import DataType, SimData, SimDevice

logging.getLogger("pymodbus").setLevel(logging.CRITICAL)
logging.getLogger("pymodbus_internal").setLevel(logging.CRITICAL)

REGISTERS = 0x0800
STATUS, FORCE_ENABLE, FORCE_OPEN = 0x0224, 0x0057, 0x0058


@dataclass
class PeerMeter:
    """One unit's registers and what it was asked to do."""

    unit: int
    metering_only: bool = False
    regs: list[int] = field(default_factory=lambda: [0] * REGISTERS)
    recharges: list[tuple[int, int]] = field(default_factory=list)  # (amount fen, count) applied
    vendor_requests: int = 0
    force_writes: int = 0

    def u32(self, reg: int) -> int:
        return (self.regs[reg] << 16) | self.regs[reg + 1]

    def i32(self, reg: int) -> int:
        v = self.u32(reg)
        return v - (1 << 32) if v & 0x80000000 else v

    def put32(self, reg: int, value: int) -> None:
        v = value & 0xFFFFFFFF
        self.regs[reg], self.regs[reg + 1] = v >> 16, v & 0xFFFF

    @property
    def remaining_fen(self) -> int:
        return self.i32(0x021F)

    @property
    def purchase_count(self) -> int:
        return self.regs[0x0221]

    @property
    def forced(self) -> tuple[bool, bool]:
        """(force control on, forced open)."""
        return bool(self.regs[FORCE_ENABLE]), bool(self.regs[FORCE_ENABLE]) and bool(self.regs[FORCE_OPEN])

    @property
    def relay_closed(self) -> bool:
        return bool(self.regs[STATUS] & (1 << 13))

    def set_money(self, remaining_fen: int, count: int) -> None:
        self.put32(0x021F, remaining_fen)
        self.put32(0x0414, remaining_fen)
        self.regs[0x0221] = self.regs[0x0401] = count
        self.follow_relay()

    def follow_relay(self) -> None:
        """The relay after a force write or a money change (design §13)."""
        on, opened = self.forced
        closed = (not opened) if on else self.remaining_fen > 0
        self.regs[STATUS] = (self.regs[STATUS] & ~(1 << 13)) | ((1 << 13) if closed else 0)

    def set_clock(self, at: datetime) -> None:
        wd = (at.weekday() + 1) % 7
        raw = bytes((at.year - 2000, at.month, at.day, wd, at.hour, at.minute, at.second, 0))
        for i in range(4):
            self.regs[0x0228 + i] = (raw[2 * i] << 8) | raw[2 * i + 1]


def _meter(unit: int, metering_only: bool, remaining_fen: int, count: int) -> PeerMeter:
    m = PeerMeter(unit, metering_only)
    r = m.regs
    r[0x0200] = 7  # DDSY1352
    r[0x0201], r[0x0204], r[0x0207], r[0x020A] = 2203, 512, 1100, 1100
    r[0x020F] = r[0x0212] = 960
    r[0x0213] = r[0x0214] = 1
    m.put32(0x0215, 100_000 + unit)
    m.put32(0x021B, 100_000 + unit)
    r[STATUS] = 1 << 3  # fee control on
    r[0x0400] = 1
    r[0x0402:0x040A] = [0, 12000, 0, 10000, 0, 8000, 0, 5000]
    m.put32(0x040A, 2000)
    m.put32(0x040C, 1000)
    r[0x0481] = 500  # 5.00 kW overload power
    r[0x0482], r[0x0483] = 100, 500
    m.set_money(remaining_fen, count)
    m.set_clock(datetime(2026, 3, 2, 9, 0, 0))
    return m


def _vendor_pdu_class(meters: dict[int, PeerMeter], lock: threading.Lock) -> type[ModbusPDU]:
    """A 0x20 PDU class bound to these meters (pymodbus registers classes, not instances)."""

    class AcrelVendor(ModbusPDU):
        function_code = 0x20
        rtu_byte_count_pos = 6  # unit, fc, group, channel, count hi, count lo, byte count

        def __init__(self, **kw: Any) -> None:
            super().__init__(**kw)
            self.group = self.channel = 0
            self.payload = b""
            self.reply = b""

        def decode(self, data: bytes) -> None:
            self.group, self.channel = data[0], data[1]
            self.payload = bytes(data[5:5 + data[4]])

        def encode(self) -> bytes:
            return self.reply

        async def datastore_update(self, context: Any, device_id: int) -> ModbusPDU:
            with lock:
                m = meters.get(device_id)
                if m is None:
                    return ExceptionResponse(0x20, ExcCodes.GATEWAY_NO_RESPONSE)
                m.vendor_requests += 1
                if m.metering_only:
                    return ExceptionResponse(0x20, ExcCodes.ILLEGAL_FUNCTION)
                status = _apply_vendor(m, self.group, self.payload)
                if status is None:
                    return ExceptionResponse(0x20, ExcCodes.DEVICE_FAILURE)  # 04
                out = AcrelVendor(dev_id=device_id, transaction_id=self.transaction_id)
                out.reply = bytes((self.group, self.channel, status)) + struct.pack(
                    ">iH", m.remaining_fen, m.purchase_count) + b"\x00\x00"
                return out

    return AcrelVendor


def _apply_vendor(m: PeerMeter, group: int, data: bytes) -> int | None:
    """Status 0 applied / 1 duplicate; None = refuse (exception 04)."""
    if group == 0x01:
        amount, count = struct.unpack(">iH", data[:6])
        if count == m.purchase_count:
            return 1
        if count != m.purchase_count + 1 or m.remaining_fen + amount < 0:
            return None
        m.set_money(m.remaining_fen + amount, count)
        m.put32(0x0412, m.i32(0x0412) + max(amount, 0))
        m.recharges.append((amount, count))
        return 0
    if group == 0x02 and len(data) >= 51:
        if data[0]:
            m.regs[0x0400] = data[1]
        if data[20]:
            m.put32(0x040A, struct.unpack(">i", data[21:25])[0])
            m.put32(0x040C, struct.unpack(">i", data[25:29])[0])
        if data[29]:
            for i in range(4):
                m.put32(0x0402 + 2 * i, struct.unpack(">i", data[30 + 4 * i:34 + 4 * i])[0])
        if data[46]:
            m.put32(0x040E, struct.unpack(">i", data[47:51])[0])
        return 0
    if group == 0x03 and len(data) >= 7:
        ss, mi, hh, _wd, dd, mo, yy = data[:7]
        m.set_clock(datetime(2000 + yy, mo, dd, hh, mi, ss))
        return 0
    if group == 0x04 and len(data) >= 9:
        if data[2]:
            m.regs[0x0481], m.regs[0x0482], m.regs[0x0483] = struct.unpack(">HHH", data[3:9])
        return 0
    return None


class PymodbusMeters:
    """Several units on one line, served by pymodbus over TCP, RTU-over-TCP or a serial pty."""

    def __init__(self, units: Iterable[int], *, metering_only: Iterable[int] = (), remaining_fen: int = 10_000,
                 count: int = 3, serial_parity: str = "N") -> None:
        only = set(metering_only)
        self.lock = threading.Lock()
        self.meters = {u: _meter(u, u in only, remaining_fen, count) for u in units}
        self.requests = 0
        self.port = 0
        self._parity = serial_parity
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: Any = None
        self._thread: threading.Thread | None = None

    def meter(self, unit: int) -> PeerMeter:
        return self.meters[unit]

    def _device(self, unit: int) -> SimDevice:
        async def action(fc: int, start: int, address: int, count: int, current: list[int],
                         values: list[int] | list[bool] | None) -> ExcCodes | None:
            with self.lock:
                self.requests += 1
                m = self.meters[unit]
                if values is None:  # a read: serve this meter's registers
                    current[address - start:address - start + count] = m.regs[address:address + count]
                    return None
                regs = [int(v) for v in values]
                m.regs[address:address + len(regs)] = regs
                if address <= FORCE_OPEN and address + len(regs) > FORCE_ENABLE:
                    m.force_writes += 1
                    m.follow_relay()
                return None

        return SimDevice(id=unit, simdata=[SimData(0, count=REGISTERS, values=0, datatype=DataType.REGISTERS)],
                         action=action)

    def start(self, mode: str, serial_port: str = "") -> PymodbusMeters:
        """mode: tcp (Modbus-TCP) | rtu-over-tcp | serial (`serial_port`: the meter side of a pty pair,
        e.g. a PacedLink's meter_path; the console opens the other side)."""
        ready = threading.Event()
        failure: list[BaseException] = []

        async def serve() -> None:
            devices = [self._device(u) for u in self.meters]
            custom = [_vendor_pdu_class(self.meters, self.lock)]
            if mode == "serial":
                server: Any = ModbusSerialServer(devices, framer=FramerType.RTU, port=serial_port, baudrate=9600,
                                                 parity=self._parity, custom_pdu=custom)
            else:
                framer = FramerType.SOCKET if mode == "tcp" else FramerType.RTU
                server = ModbusTcpServer(devices, framer=framer, address=("127.0.0.1", 0), custom_pdu=custom)
            await server.serve_forever(background=True)
            if mode != "serial":
                self.port = server.transport.sockets[0].getsockname()[1]
            self._server = server

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                loop.run_until_complete(serve())
            except BaseException as exc:  # noqa: BLE001 - reported to start()
                failure.append(exc)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._server.shutdown())
            loop.close()

        self._thread = threading.Thread(target=run, name=f"pymodbus-{mode}", daemon=True)
        self._thread.start()
        ready.wait(10)
        if failure:
            raise failure[0]
        return self

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)

    def __enter__(self) -> PymodbusMeters:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

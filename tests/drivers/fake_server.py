"""A tiny scripted Modbus meter server over TCP loopback (RTU-over-TCP or Modbus-TCP framing).

It keeps registers per unit, answers FC03/FC10 and vendor 0x20 (purchase, money params, clock),
and applies one scripted fault per request from `faults` (a FIFO): silence, a late reply (held and
sent just before the next request's reply, so no timing is involved), wrong unit, CRC error,
truncation, noise, bus echo, exception, connection reset/close.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections import deque
from dataclasses import dataclass, field

from acrel_console.drivers import mbap, tea16, vendor20
from acrel_console.drivers.crc import append_crc, crc_ok
from acrel_console.drivers.profiles import load_profile


@dataclass
class FakeMeter:
    """State of one unit: registers (address -> UINT16) and prepaid counters."""

    registers: dict[int, int] = field(default_factory=dict)
    writes: list[tuple[int, list[int]]] = field(default_factory=list)
    vendor_requests: list[tuple[int, int, bytes]] = field(default_factory=list)

    def get(self, reg: int) -> int:
        return self.registers.get(reg, 0)

    def set32(self, reg: int, value: int) -> None:
        v = value & 0xFFFFFFFF
        self.registers[reg] = v >> 16
        self.registers[reg + 1] = v & 0xFFFF

    def get32s(self, reg: int) -> int:
        v = (self.get(reg) << 16) | self.get(reg + 1)
        return v - (1 << 32) if v & 0x80000000 else v

    @classmethod
    def acrel(cls, type_code: int = 7, remaining_fen: int = 12345, count: int = 3) -> FakeMeter:
        m = cls()
        m.registers[0x0200] = type_code
        m.registers[0x0201] = 2201
        m.registers[0x0204] = 523
        m.registers[0x0207] = 1150
        m.registers[0x020A] = 1150
        m.set32(0x0215, 123456)
        m.set32(0x021F, remaining_fen)
        m.registers[0x0221] = count
        m.registers[0x0224] = (1 << 13) | (1 << 3)  # relay L1 closed, fee control on
        m.registers[0x0228] = (26 << 8) | 11  # 2026-11
        m.registers[0x0229] = (24 << 8) | 2  # 24th, Tuesday
        m.registers[0x022A] = (10 << 8) | 30  # 10:30
        m.registers[0x022B] = 5 << 8  # :05
        m.registers[0x0400] = 1
        m.registers[0x0401] = count
        m.set32(0x0414, remaining_fen)
        m.registers[0x0481] = 1000  # 10.00 kW
        m.registers[0x0482] = 50
        m.registers[0x0483] = 400
        return m


class FakeServer:
    """Serve `meters` on 127.0.0.1:<port> with framing "rtu" or "mbap"."""

    def __init__(self, meters: dict[int, FakeMeter], framing: str = "rtu",
                 cipher_key: tuple[int, int, int, int] | None = None) -> None:
        self.meters = meters
        self.framing = framing
        self.cipher_key = cipher_key
        self.faults: deque[str] = deque()
        self.requests: list[bytes] = []
        self.connections = 0
        self._held: list[bytes] = []
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(4)
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._listener.close()

    # -- protocol -----------------------------------------------------------------------------
    def answer(self, unit: int, pdu: bytes) -> bytes | None:
        """Reply PDU for a request PDU (None = unknown unit: stay silent like a dead meter)."""
        meter = self.meters.get(unit)
        if meter is None:
            return None
        fc = pdu[0]
        if fc == 0x03:
            start, count = struct.unpack(">HH", pdu[1:5])
            data = b"".join(meter.get(start + i).to_bytes(2, "big") for i in range(count))
            return bytes((3, 2 * count)) + data
        if fc == 0x10:
            start, count = struct.unpack(">HH", pdu[1:5])
            vals = [int.from_bytes(pdu[6 + 2 * i : 8 + 2 * i], "big") for i in range(count)]
            meter.writes.append((start, vals))
            for i, v in enumerate(vals):
                meter.registers[start + i] = v
            if start == 0x0057:
                forced, opened = meter.get(0x57), meter.get(0x58)
                closed = not (forced and opened)
                meter.registers[0x0224] = (meter.get(0x0224) & ~(1 << 13)) | (int(closed) << 13)
                meter.registers[0x0225] = (int(bool(forced)) << 3) | int(bool(forced) and closed)
            return pdu[:5]
        if fc == 0x20:
            group, channel, data = vendor20.parse_request(pdu)
            meter.vendor_requests.append((group, channel, data))
            status = 0
            if group == 1:
                amount, count = vendor20.decode_purchase_data(data)
                current = meter.get(0x0221)
                if count == current:
                    status = 1
                elif count != current + 1:
                    return bytes((0xA0, 4))
                else:
                    meter.set32(0x021F, meter.get32s(0x021F) + amount)
                    meter.registers[0x0221] = count
                    meter.registers[0x0401] = count
                    meter.set32(0x0414, meter.get32s(0x021F))
            elif group == 2:
                prof = load_profile("DDSY1352")
                assert prof.money_params is not None
                vals = vendor20.decode_flagged(data, prof.money_params.items)
                for i in range(1, 5):
                    if f"price{i}" in vals:
                        meter.set32(0x0402 + 2 * (i - 1), vals[f"price{i}"])
                for name, reg in (("alarm1_fen", 0x040A), ("alarm2_fen", 0x040C), ("overdraft_fen", 0x040E)):
                    if name in vals:
                        meter.set32(reg, vals[name])
                if "fee_control_on" in vals:
                    meter.registers[0x0400] = vals["fee_control_on"]
            elif group == 4:
                meter.registers[0x0481] = int.from_bytes(data[3:5], "big")
            return vendor20.encode_reply(group, channel, status, meter.get32s(0x021F), meter.get(0x0221))
        return bytes((fc | 0x80, 1))

    # -- serving ------------------------------------------------------------------------------
    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except (socket.timeout, OSError):
                continue
            self.connections += 1
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        """Serve one connection (each in its own thread; requests are serialised by a lock)."""
        conn.settimeout(0.1)
        buf = bytearray()
        with conn:
            while not self._stop.is_set():
                try:
                    data = conn.recv(4096)
                except socket.timeout:
                    continue
                except OSError:
                    return
                if not data:
                    return
                buf += data
                while True:
                    req = self._take_request(buf)
                    if req is None:
                        break
                    with self._lock:
                        keep = self._respond(conn, *req)
                    if not keep:
                        return

    def _take_request(self, buf: bytearray) -> tuple[int, bytes, int] | None:
        """(unit, pdu, transaction) of the first complete request, removed from buf."""
        if self.framing == "mbap":
            frames, used = mbap.split(buf)
            if not frames:
                return None
            fr = frames[0]
            del buf[: 6 + 1 + len(fr.pdu)]
            return fr.unit, fr.pdu, fr.transaction
        if self.cipher_key is not None:
            for n in range(4, len(buf) + 1, 4):
                plain = tea16.decrypt(bytes(buf[:n]), self.cipher_key)
                length = _rtu_request_length(plain)
                if length and length <= n and crc_ok(plain[:length]):
                    del buf[:n]
                    self.requests.append(plain[:length])
                    return plain[0], bytes(plain[1 : length - 2]), -1
            return None
        length = _rtu_request_length(bytes(buf))
        if length is None or len(buf) < length:
            return None
        frame = bytes(buf[:length])
        del buf[:length]
        self.requests.append(frame)
        return frame[0], frame[1:-2], -1

    def _frame(self, unit: int, pdu: bytes, tid: int) -> bytes:
        if self.framing == "mbap":
            return mbap.build(tid, unit, pdu)
        frame = append_crc(bytes((unit,)) + pdu)
        if self.cipher_key is not None and pdu[0] & 0x7F == 0x20:
            return tea16.encrypt(frame, self.cipher_key)
        return frame

    def _respond(self, conn: socket.socket, unit: int, pdu: bytes, tid: int) -> bool:
        fault = self.faults.popleft() if self.faults else ""
        if self.framing == "mbap":
            self.requests.append(mbap.build(tid, unit, pdu))
        if fault == "reset":
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False
        if fault == "close":
            return False
        reply_pdu = self.answer(unit, pdu)
        out = b"".join(self._held)
        self._held.clear()
        if reply_pdu is not None:
            reply = self._frame(unit, reply_pdu, tid)
            if fault == "late":
                self._held.append(reply)
                reply = b""
            elif fault == "silence":
                reply = b""
            elif fault == "wrong_unit":
                reply = self._frame((unit + 1) & 0xFF, reply_pdu, tid)
            elif fault == "wrong_unit_then_ok":
                reply = self._frame((unit + 1) & 0xFF, reply_pdu, tid) + reply
            elif fault == "wrong_tid_then_ok":
                reply = self._frame(unit, reply_pdu, (tid - 5) & 0xFFFF) + reply
            elif fault == "crc":
                reply = reply[:-1] + bytes((reply[-1] ^ 0x5A,))
            elif fault == "truncate":
                reply = reply[:-3]
            elif fault == "noise":
                reply = b"\xff\x00\xfe" + reply
            elif fault == "echo":
                reply = self._frame(unit, pdu, tid) + reply
            elif fault.startswith("exception:"):
                reply = self._frame(unit, bytes((pdu[0] | 0x80, int(fault.split(":")[1]))), tid)
            out += reply
        if out:
            conn.sendall(out)
        return True


def _rtu_request_length(buf: bytes) -> int | None:
    if len(buf) < 2:
        return None
    fc = buf[1]
    if fc in (0x03, 0x04, 0x06, 0x01, 0x02, 0x05):
        return 8
    if fc in (0x10, 0x20, 0x0F):
        return 9 + buf[6] if len(buf) >= 7 else None
    return 4

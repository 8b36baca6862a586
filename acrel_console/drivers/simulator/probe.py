"""A minimal raw client for poking a simulator (tests, debugging): raw bytes in, raw bytes out.

Deliberately dumb: it builds requests by hand and returns the reply bytes undecoded, so tests can
check every byte. Not the console's driver.
"""

from __future__ import annotations

import socket
import struct
import time

from acrel_console.drivers.simulator.crc import with_crc


def read_pdu(start: int, count: int) -> bytes:
    return struct.pack(">BHH", 0x03, start, count)


def write_pdu(start: int, values: list[int]) -> bytes:
    return struct.pack(">BHHB", 0x10, start, len(values), 2 * len(values)) + b"".join(
        struct.pack(">H", v) for v in values
    )


def vendor_pdu(group: int, channel: int, data: bytes) -> bytes:
    """0x20 request laid out like FC 0x10: group, channel, register count, byte count, data."""
    return struct.pack(">BBBHB", 0x20, group, channel, len(data) // 2, len(data)) + data


def purchase_pdu(amount_fen: int, count: int) -> bytes:
    return vendor_pdu(0x01, 0x00, struct.pack(">iH", amount_fen, count) + b"\x00\x00")


def rtu_reply_length(pdu_start: bytes) -> int | None:
    """Expected RTU reply length from its first 3 bytes (addr, fc, x), or None if unknown."""
    if len(pdu_start) < 3:
        return None
    fc = pdu_start[1]
    if fc & 0x80:
        return 5
    if fc in (0x03, 0x04):
        return 5 + pdu_start[2]
    if fc in (0x06, 0x10):
        return 8
    if fc == 0x20:
        return 15
    return None


class RtuStream:
    """RTU frames over a byte stream: a TCP socket (RTU-over-TCP) or a serial port / pty."""

    def __init__(self, sock: socket.socket | None = None, serial_port: object | None = None) -> None:
        self._sock = sock
        self._ser = serial_port

    @classmethod
    def tcp(cls, host: str, port: int, timeout: float = 2.0) -> RtuStream:
        return cls(sock=socket.create_connection((host, port), timeout))

    @classmethod
    def serial(cls, path: str, baud: int = 9600) -> RtuStream:
        import serial  # pyserial

        return cls(serial_port=serial.Serial(path, baud, timeout=0.05))

    def send_raw(self, data: bytes) -> None:
        if self._sock is not None:
            self._sock.sendall(data)
        else:
            self._ser.write(data)  # type: ignore[union-attr]

    def _recv_some(self, wait: float) -> bytes:
        if self._sock is not None:
            self._sock.settimeout(max(0.001, wait))
            try:
                data = self._sock.recv(512)
            except (socket.timeout, TimeoutError):
                return b""
            if data == b"":
                raise ConnectionError("closed by peer")
            return data
        self._ser.timeout = max(0.001, min(wait, 0.05))  # type: ignore[union-attr]
        return self._ser.read(512)  # type: ignore[union-attr, no-any-return]

    def recv_frame(self, timeout: float = 1.0, gap: float = 0.05) -> bytes:
        """Bytes of one reply: until its expected length, or `gap` of silence after some bytes,
        or `timeout` with nothing (b"")."""
        buf = b""
        deadline = time.monotonic() + timeout
        last = None
        while True:
            now = time.monotonic()
            if not buf and now >= deadline:
                return buf
            if buf and last is not None and now - last >= gap:
                return buf
            want = rtu_reply_length(buf)
            if want is not None and len(buf) >= want:
                return buf
            wait = (deadline - now) if not buf else gap - (now - (last or now))
            chunk = self._recv_some(max(0.001, min(wait, 0.05)))
            if chunk:
                buf += chunk
                last = time.monotonic()

    def request(self, unit: int, pdu: bytes, timeout: float = 1.0) -> bytes:
        self.send_raw(with_crc(bytes((unit,)) + pdu))
        return self.recv_frame(timeout)

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
        if self._ser is not None:
            self._ser.close()  # type: ignore[attr-defined]

    def __enter__(self) -> RtuStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class MbapClient:
    """Modbus-TCP requests by hand (returns (transaction id, unit, pdu) or None on timeout)."""

    def __init__(self, host: str, port: int, timeout: float = 2.0) -> None:
        self.sock = socket.create_connection((host, port), timeout)
        self.tid = 0

    def send(self, unit: int, pdu: bytes) -> int:
        self.tid = (self.tid + 1) & 0xFFFF
        self.sock.sendall(struct.pack(">HHHB", self.tid, 0, len(pdu) + 1, unit) + pdu)
        return self.tid

    def recv(self, timeout: float = 1.0) -> tuple[int, int, bytes] | None:
        self.sock.settimeout(timeout)
        try:
            header = self._exact(7)
            tid, _pid, length, unit = struct.unpack(">HHHB", header)
            return tid, unit, self._exact(length - 1)
        except (socket.timeout, TimeoutError):
            return None

    def _exact(self, n: int) -> bytes:
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise ConnectionError("closed by peer")
            buf += chunk
        return buf

    def request(self, unit: int, pdu: bytes, timeout: float = 1.0) -> bytes | None:
        self.send(unit, pdu)
        got = self.recv(timeout)
        return None if got is None else got[2]

    def close(self) -> None:
        self.sock.close()

    def __enter__(self) -> MbapClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

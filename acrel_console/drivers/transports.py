"""Byte transports for one bus: serial RTU (pyserial), RTU-over-TCP and Modbus-TCP (MBAP) sockets.

Decision: a small hand-written framer over sockets/pyserial, not pymodbus 3.16. Reasons:
- The discard rule of design §8.4 needs the raw byte stream: a late reply on an RTU line must be
  recognised by unit id, function code, length and echoed address/group and dropped (and counted)
  before the next request's answer is taken; pymodbus's framers resynchronise on their own terms
  and expose neither the discarded frames nor a way to match replies against our own spec.
- The TEA16 link cipher enciphers the whole RTU ADU (address and CRC included): no pymodbus framer
  can carry that without replacing the framer itself.
- Timing: one synchronous worker thread per bus (design §3) fits a blocking socket/serial call with
  an exact deadline; pymodbus's sync client over sockets measured 9 req/s (STACK.md item 6) and its
  async client would need an event loop per bus thread. Here a request costs one write and reads
  until the expected length, with the 3.5-character silence and the inter-frame delay as the only
  waits, which is what a sweep at <= 1.05x the wire minimum needs.
- Vendor function 0x20 would need a custom PDU class registered on client and server anyway.
The cost is ~400 lines that are fully unit- and fuzz-tested (tests/drivers).

Every transport exchanges one request PDU for one reply PDU (normal, or a 2-byte exception
`fc|0x80, code`) and raises only api.BusError subclasses: BusUnavailable (cannot open/connect,
connection reset or closed; the next call reconnects), MeterTimeout, CrcError, FrameError.
"""

from __future__ import annotations

import select
import socket
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Protocol

from acrel_console.drivers import mbap, rtu, tea16
from acrel_console.drivers.api import BusConfig, BusCounters, BusUnavailable, CrcError, FrameError, MeterTimeout
from acrel_console.drivers.crc import crc16
from acrel_console.drivers.pdu import EXCEPTION_FLAG, ReplySpec

CONNECT_TIMEOUT_MIN_S = 1.0
HIGH_BAUD_T35_S = 0.00175  # Modbus spec: fixed 1.75 ms above 19200 baud


def bits_per_char(parity: str, stopbits: int) -> int:
    """Start bit + 8 data bits + parity bit (if any) + stop bits."""
    return 1 + 8 + (0 if parity.upper() == "N" else 1) + stopbits


def char_time_s(baud: int, parity: str = "N", stopbits: int = 1) -> float:
    """Seconds one character takes on the wire."""
    return bits_per_char(parity, stopbits) / baud


def silent_interval_s(baud: int, parity: str = "N", stopbits: int = 1) -> float:
    """The Modbus RTU 3.5-character inter-frame silence (1.75 ms above 19200 baud)."""
    if baud > 19200:
        return HIGH_BAUD_T35_S
    return 3.5 * char_time_s(baud, parity, stopbits)


def wire_minimum_s(request_bytes: int, reply_bytes: int, baud: int, parity: str = "N", stopbits: int = 1) -> float:
    """The least time one request/reply can take on a serial line: both frames' characters plus
    one 3.5-character silence (what a sweep is measured against)."""
    return (request_bytes + reply_bytes) * char_time_s(baud, parity, stopbits) + silent_interval_s(
        baud, parity, stopbits)


class Transport(ABC):
    """One connection to a bus; used by exactly one thread."""

    def __init__(self, config: BusConfig, counters: BusCounters) -> None:
        self.config = config
        self.counters = counters
        self.timeout_s = max(config.timeout_ms, 1) / 1000.0
        self.gap_s = max(config.inter_frame_delay_ms, 0) / 1000.0
        self._last_activity = 0.0

    def _fail(self, what: str, exc: BaseException | None = None) -> BusUnavailable:
        """Drop the connection and count it: the next call reconnects. Returned for the caller to raise."""
        self.close()
        self.counters.connect_failures += 1
        return BusUnavailable(f"bus {self.config.name}: {what}" + (f" ({exc})" if exc else ""))

    def _count(self, kind: str, n: int = 1) -> None:
        self.counters.by_kind[kind] = self.counters.by_kind.get(kind, 0) + n

    @property
    @abstractmethod
    def is_open(self) -> bool:
        """True while connected."""

    @abstractmethod
    def open(self) -> None:
        """Connect/open; BusUnavailable on failure."""

    @abstractmethod
    def close(self) -> None:
        """Disconnect; never raises."""

    @abstractmethod
    def exchange(self, unit: int, pdu: bytes, spec: ReplySpec,
                 cipher_key: tuple[int, int, int, int] | None = None) -> bytes:
        """Send one request, return the reply PDU (normal or 2-byte exception)."""

    def _wait_gap(self, gap: float) -> None:
        wait = self._last_activity + gap - time.monotonic()
        if wait > 0:
            time.sleep(wait)


class _RtuStream(Transport):
    """RTU framing over a byte stream (serial port or TCP socket)."""

    def __init__(self, config: BusConfig, counters: BusCounters) -> None:
        super().__init__(config, counters)
        self._char_s = 0.0  # wire time per character; 0 on TCP

    @abstractmethod
    def _write(self, data: bytes) -> None: ...

    @abstractmethod
    def _read(self, timeout: float, want: int) -> bytes:
        """Bytes available within `timeout` (b"" on timeout), waiting for up to `want` bytes when
        that many are known to be due; BusUnavailable if the line is gone."""

    @abstractmethod
    def _drain(self) -> bytes:
        """Whatever is already received, without waiting."""

    def _min_gap(self) -> float:
        return self.gap_s

    def _discard_stale(self) -> None:
        stale = self._drain()
        if stale:
            frames, noise = count_frames(stale)
            self.counters.late_replies_discarded += frames
            if noise:
                self._count("noise_bytes", noise)

    def exchange(self, unit: int, pdu: bytes, spec: ReplySpec,
                 cipher_key: tuple[int, int, int, int] | None = None) -> bytes:
        if not self.is_open:
            self.open()
        self._wait_gap(self._min_gap())
        self._discard_stale()
        frame = rtu.build_adu(unit, pdu)
        wire = tea16.encrypt(frame, cipher_key) if cipher_key else frame
        self.counters.requests += 1
        self._write(wire)
        sent = time.monotonic()
        ours_len = spec.length + 3
        reply_wire = (ours_len + (-ours_len) % 4 if cipher_key else ours_len) * self._char_s
        # The timeout runs from the end of our transmission; the reply's own wire time is added.
        deadline = sent + len(wire) * self._char_s + self.timeout_s + reply_wire
        head = bytes((unit,)) + spec.prefix
        buf = bytearray()
        result: rtu.ScanResult | None = None
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            # Once our reply's header is in, the rest of it is due: wait for it in one read.
            want = ours_len - len(buf) if (not cipher_key and buf[: len(head)] == head) else 1
            chunk = self._read(remaining, max(want, 1))
            if chunk:
                self._last_activity = time.monotonic()
                buf += chunk
            elif time.monotonic() >= deadline:
                break
            if not cipher_key and len(buf) < ours_len and buf[: len(head)] == head:
                continue  # our reply, still arriving: nothing to decide yet
            if cipher_key:
                plain = _decrypt_reply(buf, unit, spec, cipher_key)
                if plain is not None:
                    self._last_activity = time.monotonic()
                    return plain
            result = rtu.scan(buf, unit, spec)
            if result.outcome in (rtu.Outcome.REPLY, rtu.Outcome.EXCEPTION):
                self.counters.late_replies_discarded += result.late_frames
                if result.noise_bytes:
                    self._count("noise_bytes", result.noise_bytes)
                if result.consumed < len(buf):
                    frames, noise = count_frames(bytes(buf[result.consumed :]))
                    self.counters.late_replies_discarded += frames
                    if noise:
                        self._count("noise_bytes", noise)
                return result.pdu
            if result.outcome is rtu.Outcome.CRC_ERROR:
                self.counters.late_replies_discarded += result.late_frames
                self.counters.crc_errors += 1
                raise CrcError(f"CRC error in the reply from unit {unit}")
        self._last_activity = max(self._last_activity, time.monotonic())
        result = rtu.scan(buf, unit, spec) if buf else None
        if result is not None:
            self.counters.late_replies_discarded += result.late_frames
            if result.noise_bytes:
                self._count("noise_bytes", result.noise_bytes)
            if result.partial_ours or result.noise_bytes or (result.consumed < len(buf) and not cipher_key):
                # Something answered but it is not a frame: a garbled reply, not silence.
                self.counters.frame_errors += 1
                raise FrameError(f"truncated or malformed reply from unit {unit} ({len(buf)} bytes)")
            if cipher_key and len(buf) > result.consumed:
                self.counters.frame_errors += 1
                raise FrameError(f"undecipherable reply from unit {unit} ({len(buf)} bytes)")
        self.counters.timeouts += 1
        raise MeterTimeout(f"no reply from unit {unit}")


def _decrypt_reply(buf: bytearray, unit: int, spec: ReplySpec, key: tuple[int, int, int, int]) -> bytes | None:
    """The reply PDU if `buf` starts with an enciphered reply or exception for (unit, spec)."""
    for clear_len in (spec.length + 3, 5):
        padded = clear_len + (-clear_len) % 4
        if len(buf) < padded:
            continue
        plain = tea16.decrypt(bytes(buf[:padded]), key)[:clear_len]
        if crc16(plain[:-2]) != int.from_bytes(plain[-2:], "little") or plain[0] != unit:
            continue
        body = plain[1:-2]
        if spec.matches(body) or (clear_len == 5 and body[0] == spec.function | EXCEPTION_FLAG):
            return body
    return None


def count_frames(data: bytes) -> tuple[int, int]:
    """(complete CRC-valid frames, noise bytes) in stale bytes that arrived outside any exchange."""
    impossible = ReplySpec(0x100, 0, b"\xff\xff")  # matches nothing
    res = rtu.scan(data, -1, impossible)
    return res.late_frames, len(data) - sum(len(f) for f in res.discarded)


class RtuOverTcpTransport(_RtuStream):
    """Raw RTU frames in a TCP stream (a transparent serial server / gateway)."""

    def __init__(self, config: BusConfig, counters: BusCounters) -> None:
        super().__init__(config, counters)
        if not config.host or not config.port:
            raise BusUnavailable(f"bus {config.name}: host and port are required")
        self._sock: socket.socket | None = None

    @property
    def is_open(self) -> bool:
        return self._sock is not None

    def open(self) -> None:
        self._sock = _connect(self.config, self.timeout_s, self.counters)

    def close(self) -> None:
        _close_sock(self._sock)
        self._sock = None

    def _write(self, data: bytes) -> None:
        assert self._sock is not None
        try:
            self._sock.settimeout(self.timeout_s)
            self._sock.sendall(data)
        except OSError as exc:
            raise self._fail("send failed", exc) from None

    def _read(self, timeout: float, want: int) -> bytes:
        assert self._sock is not None
        try:
            self._sock.settimeout(max(timeout, 0.0001))
            data = self._sock.recv(4096)
        except (socket.timeout, TimeoutError):
            return b""
        except OSError as exc:
            raise self._fail("connection lost", exc) from None
        if not data:
            raise self._fail("connection closed by the gateway")
        return data

    def _drain(self) -> bytes:
        return _drain_sock(self._sock, self._fail)


class _SerialPort(Protocol):
    """The part of a pyserial port used here (pyserial ships no type information)."""

    timeout: float | None

    @property
    def in_waiting(self) -> int: ...

    def write(self, data: bytes, /) -> int | None: ...

    def read(self, size: int = 1, /) -> bytes: ...

    def close(self) -> None: ...


class SerialRtuTransport(_RtuStream):
    """Modbus RTU on a serial port (pyserial; `serial_port` may also be a pyserial URL)."""

    def __init__(self, config: BusConfig, counters: BusCounters) -> None:
        super().__init__(config, counters)
        if not config.serial_port:
            raise BusUnavailable(f"bus {config.name}: serial port is required")
        self._char_s = char_time_s(config.baud, config.parity, config.stopbits)
        self.t35_s = silent_interval_s(config.baud, config.parity, config.stopbits)
        self._port: _SerialPort | None = None

    @property
    def is_open(self) -> bool:
        return self._port is not None

    def _min_gap(self) -> float:
        return max(self.t35_s, self.gap_s)

    def open(self) -> None:
        import serial  # pyserial

        cfg = self.config
        try:
            self._port = serial.serial_for_url(
                cfg.serial_port,
                baudrate=cfg.baud,
                bytesize=8,
                parity=cfg.parity.upper(),
                stopbits=cfg.stopbits,
                timeout=self.timeout_s,
                write_timeout=self.timeout_s + 64 * self._char_s * 4,
            )
        except (serial.SerialException, OSError, ValueError) as exc:
            self._port = None
            self.counters.connect_failures += 1
            raise BusUnavailable(f"bus {cfg.name}: cannot open {cfg.serial_port} ({exc})") from None
        self._last_activity = time.monotonic()

    def close(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except Exception:  # noqa: BLE001 - closing must never raise
                pass

    def _open_port(self) -> _SerialPort:
        if self._port is None:
            raise OSError("port is closed")  # turned into BusUnavailable by the caller's handler
        return self._port

    def _write(self, data: bytes) -> None:
        try:
            self._open_port().write(data)
        except Exception as exc:  # noqa: BLE001 - pyserial raises SerialException/OSError/timeouts
            raise self._fail("write failed", exc) from None

    def _read(self, timeout: float, want: int) -> bytes:
        try:
            port = self._open_port()
            port.timeout = max(timeout, 0.0001)
            n = port.in_waiting
            return port.read(max(n, want, 1))
        except Exception as exc:  # noqa: BLE001
            raise self._fail("read failed", exc) from None

    def _drain(self) -> bytes:
        out = bytearray()
        try:
            port = self._open_port()
            while True:
                n = port.in_waiting
                if n <= 0:
                    break
                port.timeout = 0
                chunk = port.read(n)
                if not chunk:
                    break
                out += chunk
        except Exception as exc:  # noqa: BLE001
            raise self._fail("read failed", exc) from None
        return bytes(out)


class ModbusTcpTransport(Transport):
    """Modbus-TCP (MBAP): replies are matched by transaction id, then unit and function."""

    def __init__(self, config: BusConfig, counters: BusCounters) -> None:
        super().__init__(config, counters)
        if not config.host or not config.port:
            raise BusUnavailable(f"bus {config.name}: host and port are required")
        self._sock: socket.socket | None = None
        self._tid = 0
        self._buf = bytearray()

    @property
    def is_open(self) -> bool:
        return self._sock is not None

    def open(self) -> None:
        self._buf.clear()
        self._sock = _connect(self.config, self.timeout_s, self.counters)

    def close(self) -> None:
        _close_sock(self._sock)
        self._sock = None
        self._buf.clear()

    def _split(self) -> list[mbap.MbapFrame]:
        try:
            frames, used = mbap.split(self._buf)
        except mbap.MbapError as exc:
            self.close()
            self.counters.frame_errors += 1
            raise FrameError(f"bus {self.config.name}: Modbus-TCP stream out of sync ({exc})") from None
        del self._buf[:used]
        return frames

    def exchange(self, unit: int, pdu: bytes, spec: ReplySpec,
                 cipher_key: tuple[int, int, int, int] | None = None) -> bytes:
        if cipher_key:
            raise BusUnavailable(f"bus {self.config.name}: the link cipher needs an RTU line, not Modbus-TCP")
        if not self.is_open:
            self.open()
        self._wait_gap(self.gap_s)
        self._buf += _drain_sock(self._sock, self._fail)
        stale = self._split()
        self.counters.late_replies_discarded += len(stale)
        self._tid = (self._tid + 1) & 0xFFFF
        tid = self._tid
        assert self._sock is not None
        self.counters.requests += 1
        try:
            self._sock.settimeout(self.timeout_s)
            self._sock.sendall(mbap.build(tid, unit, pdu))
        except OSError as exc:
            raise self._fail("send failed", exc) from None
        deadline = time.monotonic() + self.timeout_s
        while True:
            for fr in self._split():
                if fr.transaction != tid:
                    self.counters.late_replies_discarded += 1
                    continue
                self._last_activity = time.monotonic()
                body = fr.pdu
                if fr.unit != unit or not body or body[0] & 0x7F != spec.function:
                    self.counters.frame_errors += 1
                    raise FrameError(f"reply to transaction {tid} is for unit {fr.unit}/function {body[:1].hex()}")
                if spec.matches(body) or spec.is_exception(body):
                    return body
                self.counters.frame_errors += 1
                raise FrameError(f"malformed reply from unit {unit}: {body[:8].hex()}")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                self._sock.settimeout(remaining)
                data = self._sock.recv(4096)
            except (socket.timeout, TimeoutError):
                break
            except OSError as exc:
                raise self._fail("connection lost", exc) from None
            if not data:
                raise self._fail("connection closed by the gateway")
            self._buf += data
        self._last_activity = time.monotonic()
        if self._buf:
            # Part of a frame: the rest may still come and the stream cannot resync; reconnect.
            self.counters.frame_errors += 1
            self.close()
            raise FrameError(f"truncated reply from unit {unit}")
        self.counters.timeouts += 1
        raise MeterTimeout(f"no reply from unit {unit}")


def _connect(config: BusConfig, timeout_s: float, counters: BusCounters) -> socket.socket:
    try:
        sock = socket.create_connection((config.host, config.port), timeout=max(timeout_s, CONNECT_TIMEOUT_MIN_S))
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except OSError as exc:
        counters.connect_failures += 1
        raise BusUnavailable(f"bus {config.name}: cannot connect to {config.host}:{config.port} ({exc})") from None
    return sock


def _close_sock(sock: socket.socket | None) -> None:
    if sock is not None:
        try:
            sock.close()
        except OSError:
            pass


def _drain_sock(sock: socket.socket | None, fail: Callable[..., BusUnavailable]) -> bytes:
    out = bytearray()
    if sock is None:
        return b""
    try:
        while True:
            ready, _, _ = select.select([sock], [], [], 0)
            if not ready:
                break
            data = sock.recv(4096)
            if not data:
                raise fail("connection closed by the gateway")
            out += data
    except OSError as exc:
        raise fail("connection lost", exc) from None
    return bytes(out)


def make_transport(config: BusConfig, counters: BusCounters) -> Transport:
    """The transport for config.kind (serial | modbus-tcp | rtu-over-tcp)."""
    kinds: dict[str, Callable[[BusConfig, BusCounters], Transport]] = {
        "serial": SerialRtuTransport, "modbus-tcp": ModbusTcpTransport, "rtu-over-tcp": RtuOverTcpTransport}
    try:
        cls = kinds[config.kind]
    except KeyError:
        raise BusUnavailable(f"bus {config.name}: unknown bus kind {config.kind!r}") from None
    return cls(config, counters)

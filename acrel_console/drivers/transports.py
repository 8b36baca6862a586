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

import errno
import select
import socket
import termios
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Protocol

from acrel_console.drivers import mbap, rtu, tea16
from acrel_console.drivers.api import (BusConfig, BusCounters, BusUnavailable, CrcError, FloodError, FrameError,
                                       MeterTimeout, PortSettingRefused)
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


class _PeerClosed(Exception):
    """The gateway closed or reset the TCP connection. `sent`: our request had left; `partial`: part
    of a reply had come. Handled inside Transport.exchange (reconnect at once), never raised further."""

    def __init__(self, what: str, sent: bool, partial: bool = False) -> None:
        super().__init__(what)
        self.sent = sent
        self.partial = partial


MAX_RECONNECTS_PER_EXCHANGE = 2


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

    def exchange(self, unit: int, pdu: bytes, spec: ReplySpec,
                 cipher_key: tuple[int, int, int, int] | None = None, *, resend: bool = True) -> bytes:
        """Send one request, return the reply PDU (normal or 2-byte exception).

        A connection the gateway closed or reset is reopened at once and the exchange carries on
        (counted in `counters.reconnects`): found before sending, the request simply goes on the new
        connection; found after sending with no reply byte, the request is sent again only when
        `resend` (reads and idempotent writes) - a credit write or clock set is never sent twice
        here: the caller gets MeterTimeout and reads the meter back (design §8.4)."""
        reconnects = 0
        while True:
            try:
                if not self.is_open:
                    self.open()
                self._before_request(resend)
                return self._exchange_once(unit, pdu, spec, cipher_key)
            except _PeerClosed as closed:
                self._peer_closed(closed)
                if closed.sent and closed.partial:
                    self.counters.frame_errors += 1
                    raise FrameError(f"bus {self.config.name}: connection closed in the middle of the reply "
                                     f"from unit {unit}") from None
                if closed.sent and not resend:
                    self.counters.timeouts += 1
                    raise MeterTimeout(f"bus {self.config.name}: the gateway closed the connection after the "
                                       f"request to unit {unit}; no reply (not resent)") from None
                reconnects += 1
                if reconnects > MAX_RECONNECTS_PER_EXCHANGE:
                    self.counters.connect_failures += 1
                    raise BusUnavailable(f"bus {self.config.name}: the gateway closes every connection "
                                         f"before answering ({closed})") from None

    def _before_request(self, resend: bool) -> None:
        """Hook run on an open connection before each request (TCP: proactive reconnect)."""

    def _peer_closed(self, closed: _PeerClosed) -> None:
        """The gateway closed the connection: drop ours (the next open counts as a reconnect)."""
        self.close()

    @abstractmethod
    def _exchange_once(self, unit: int, pdu: bytes, spec: ReplySpec,
                       cipher_key: tuple[int, int, int, int] | None) -> bytes:
        """One request/reply on the open connection; _PeerClosed when the gateway closed it."""

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
            self._count_discarded(stale)

    def _count_discarded(self, data: bytes | bytearray) -> None:
        frames, noise = count_frames(data)
        self.counters.late_replies_discarded += frames
        if noise:
            self._count("noise_bytes", noise)

    def _settle(self, deadline: float) -> None:
        """After a flood: read and discard until the line is quiet (or the deadline), so the flood does
        not spill into the next meter's exchange."""
        quiet = max(4 * self._char_s, 0.005)
        dropped = 0
        while time.monotonic() < deadline:
            chunk = self._read(min(quiet, max(deadline - time.monotonic(), 0.0001)), 1)
            if not chunk:
                break
            dropped += len(chunk)
        if dropped:
            self._count("noise_bytes", dropped)

    def _exchange_once(self, unit: int, pdu: bytes, spec: ReplySpec,
                       cipher_key: tuple[int, int, int, int] | None) -> bytes:
        self._wait_gap(self._min_gap())
        self._discard_stale()
        frame = rtu.build_adu(unit, pdu)
        wire = tea16.encrypt(frame, cipher_key) if cipher_key else frame
        self.counters.requests += 1
        self._write(wire)
        sent = time.monotonic()
        ours_len = spec.length + 3
        reply_wire = (ours_len + (-ours_len) % 4 if cipher_key else ours_len) * self._char_s
        echo_s = len(wire) * self._char_s if self.config.local_echo else 0.0
        # The timeout runs from the end of our transmission; the reply's own wire time (and, on a line
        # set to echo, the echo's) is added.
        deadline = sent + len(wire) * self._char_s + self.timeout_s + reply_wire + echo_s
        scanner = rtu.ReplyScanner(unit, spec, echo=wire, echo_window=len(wire) if self.config.local_echo else 0,
                                   limit=rtu.FLOOD_LIMIT + len(wire))
        got = 0
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            chunk = self._read(remaining, scanner.wanted())
            if chunk:
                got += len(chunk)
                self._last_activity = time.monotonic()
                result = scanner.feed(chunk, deadline)
            elif time.monotonic() >= deadline:
                break
            else:
                continue
            if cipher_key:
                plain = _decrypt_reply(scanner.data, scanner.reply_start(), unit, spec, cipher_key)
                if plain is not None:
                    self._note_echo(scanner)
                    return plain
            if result.outcome in (rtu.Outcome.REPLY, rtu.Outcome.EXCEPTION):
                self._note_scan(scanner)
                if result.consumed < len(scanner.data):
                    self._count_discarded(scanner.data[result.consumed :])
                return result.pdu
            if result.outcome is rtu.Outcome.CRC_ERROR:
                self._note_scan(scanner)
                self.counters.crc_errors += 1
                raise CrcError(f"CRC error in the reply from unit {unit}")
            if result.outcome is rtu.Outcome.FLOOD:
                self._note_scan(scanner)
                self.counters.frame_errors += 1
                self._count("floods")
                self._settle(deadline)
                raise FloodError(f"unit {unit} flooded the line: {len(scanner.data)} bytes without its reply; "
                                 f"cut off")
        self._last_activity = max(self._last_activity, time.monotonic())
        self._note_scan(scanner)
        if scanner.garbled() and not (cipher_key and scanner.result.noise_bytes == 0 and not scanner.result.partial_ours
                                      and scanner.pos >= len(scanner.data)):
            # Something answered but it is not a frame: a garbled reply, not silence.
            self.counters.frame_errors += 1
            what = "undecipherable" if cipher_key else "truncated or malformed"
            raise FrameError(f"{what} reply from unit {unit} ({got} bytes)")
        self.counters.timeouts += 1
        raise MeterTimeout(f"no reply from unit {unit}")

    def _note_echo(self, scanner: rtu.ReplyScanner) -> None:
        if scanner.result.echo_bytes:
            self._count("echo_bytes", scanner.result.echo_bytes)

    def _note_scan(self, scanner: rtu.ReplyScanner) -> None:
        res = scanner.result
        self.counters.late_replies_discarded += res.late_frames
        if res.noise_bytes:
            self._count("noise_bytes", res.noise_bytes)
        self._note_echo(scanner)


def _decrypt_reply(buf: bytearray, start: int, unit: int, spec: ReplySpec,
                   key: tuple[int, int, int, int]) -> bytes | None:
    """The reply PDU if `buf[start:]` begins with an enciphered reply or exception for (unit, spec)."""
    for clear_len in (spec.length + 3, 5):
        padded = clear_len + (-clear_len) % 4
        if len(buf) - start < padded:
            continue
        plain = tea16.decrypt(bytes(buf[start : start + padded]), key)[:clear_len]
        if crc16(plain[:-2]) != int.from_bytes(plain[-2:], "little") or plain[0] != unit:
            continue
        body = plain[1:-2]
        if spec.matches(body) or (clear_len == 5 and body[0] == spec.function | EXCEPTION_FLAG):
            return body
    return None


def count_frames(data: bytes | bytearray) -> tuple[int, int]:
    """(complete CRC-valid frames, noise bytes) in stale bytes that arrived outside any exchange."""
    impossible = ReplySpec(0x100, 0, b"\xff\xff")  # matches nothing
    res = rtu.scan(data, -1, impossible)
    return res.late_frames, len(data) - res.late_bytes


class _TcpLink:
    """The socket side shared by both TCP transports: connect, reconnect at once when the gateway
    closed or reset the connection, and learn gateways that close after every reply."""

    config: BusConfig
    counters: BusCounters
    timeout_s: float
    _sock: socket.socket | None

    def _tcp_init(self, config: BusConfig) -> None:
        if not config.host or not config.port:
            raise BusUnavailable(f"bus {config.name}: host and port are required")
        self._sock = None
        self._replies_on_conn = 0
        self._closes_after_reply = False  # learned: the gateway closes after each reply
        self._reopen_counts = False  # the next open is a reconnect (the gateway closed the last one)

    @property
    def is_open(self) -> bool:
        return self._sock is not None

    def _tcp_open(self) -> None:
        self._sock = _connect(self.config, self.timeout_s, self.counters)
        self._replies_on_conn = 0
        if self._reopen_counts:
            self.counters.reconnects += 1
            self._reopen_counts = False

    def _tcp_close(self) -> None:
        _close_sock(self._sock)
        self._sock = None

    def _note_closed(self, closed: _PeerClosed) -> None:
        if self._replies_on_conn >= 1:
            self._closes_after_reply = True
        self._reopen_counts = True

    def _note_reply(self) -> None:
        self._replies_on_conn += 1
        if self._replies_on_conn >= 2:
            self._closes_after_reply = False  # this gateway keeps connections open

    def _peer_closed(self, closed: _PeerClosed) -> None:
        self._note_closed(closed)
        self.close()  # type: ignore[attr-defined]

    def _before_request(self, resend: bool) -> None:
        """A credit write or clock set (not resendable) never goes on a connection a gateway that
        closes after every reply is about to close: reconnect first."""
        if not resend and self._closes_after_reply and self._replies_on_conn >= 1:
            self.close()  # type: ignore[attr-defined]
            self._reopen_counts = True
            self.open()  # type: ignore[attr-defined]

    def _send(self, data: bytes) -> None:
        assert self._sock is not None
        try:
            self._sock.settimeout(self.timeout_s)
            self._sock.sendall(data)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError) as exc:
            raise _PeerClosed(f"send failed ({exc})", sent=False) from None
        except OSError as exc:
            raise _PeerClosed(f"send failed ({exc})", sent=False) from None

    def _recv(self, timeout: float, partial: bool) -> bytes:
        """Bytes within `timeout` (b"" on timeout); _PeerClosed when the gateway closed or reset."""
        assert self._sock is not None
        try:
            self._sock.settimeout(max(timeout, 0.0001))
            data = self._sock.recv(4096)
        except (socket.timeout, TimeoutError):
            return b""
        except OSError as exc:
            raise _PeerClosed(f"connection lost ({exc})", sent=True, partial=partial) from None
        if not data:
            raise _PeerClosed("connection closed by the gateway", sent=True, partial=partial)
        return data

    def _drain_tcp(self) -> bytes:
        """Whatever is already received, without waiting; _PeerClosed(sent=False) if the gateway
        closed the connection since the last exchange (found before sending: nothing is lost)."""
        out = bytearray()
        sock = self._sock
        if sock is None:
            return b""
        try:
            while len(out) < 1 << 20:
                ready, _, _ = select.select([sock], [], [], 0)
                if not ready:
                    break
                data = sock.recv(65536)
                if not data:
                    raise _PeerClosed("connection closed by the gateway", sent=False)
                out += data
        except OSError as exc:
            raise _PeerClosed(f"connection lost ({exc})", sent=False) from None
        return bytes(out)


class RtuOverTcpTransport(_TcpLink, _RtuStream):
    """Raw RTU frames in a TCP stream (a transparent serial server / gateway)."""

    def __init__(self, config: BusConfig, counters: BusCounters) -> None:
        _RtuStream.__init__(self, config, counters)
        self._tcp_init(config)
        self._received = 0

    def open(self) -> None:
        self._tcp_open()

    def close(self) -> None:
        self._tcp_close()

    def _exchange_once(self, unit: int, pdu: bytes, spec: ReplySpec,
                       cipher_key: tuple[int, int, int, int] | None) -> bytes:
        self._received = 0
        reply = _RtuStream._exchange_once(self, unit, pdu, spec, cipher_key)
        self._note_reply()
        return reply

    def _write(self, data: bytes) -> None:
        self._send(data)

    def _read(self, timeout: float, want: int) -> bytes:
        data = self._recv(timeout, partial=self._received > 0)
        self._received += len(data)
        return data

    def _drain(self) -> bytes:
        return self._drain_tcp()


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
        except (serial.SerialException, OSError, ValueError, termios.error) as exc:
            self._port = None
            self.counters.connect_failures += 1
            refused = refused_setting(cfg, exc)
            if refused is not None:
                raise PortSettingRefused(cfg.serial_port or "", refused,
                                         f"bus {cfg.name}: cannot open {cfg.serial_port}: this port does not "
                                         f"support {refused}") from None
            raise BusUnavailable(f"bus {cfg.name}: cannot open {cfg.serial_port} ({exc})") from None
        if not parity_applied(self._port, cfg.parity):
            self.close()
            self.counters.connect_failures += 1
            setting = f"parity {cfg.parity.upper()}"
            raise PortSettingRefused(cfg.serial_port or "", setting, f"bus {cfg.name}: cannot open "
                                     f"{cfg.serial_port}: this port does not support {setting}")
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


class ModbusTcpTransport(_TcpLink, Transport):
    """Modbus-TCP (MBAP): replies are matched by transaction id, then unit and function."""

    def __init__(self, config: BusConfig, counters: BusCounters) -> None:
        Transport.__init__(self, config, counters)
        self._tcp_init(config)
        self._tid = 0
        self._buf = bytearray()

    def open(self) -> None:
        self._buf.clear()
        self._tcp_open()

    def close(self) -> None:
        self._tcp_close()
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
                 cipher_key: tuple[int, int, int, int] | None = None, *, resend: bool = True) -> bytes:
        if cipher_key:
            raise BusUnavailable(f"bus {self.config.name}: the link cipher needs an RTU line, not Modbus-TCP")
        return Transport.exchange(self, unit, pdu, spec, None, resend=resend)

    def _exchange_once(self, unit: int, pdu: bytes, spec: ReplySpec,
                       cipher_key: tuple[int, int, int, int] | None) -> bytes:
        self._wait_gap(self.gap_s)
        self._buf += self._drain_tcp()
        stale = self._split()
        self.counters.late_replies_discarded += len(stale)
        self._tid = (self._tid + 1) & 0xFFFF
        tid = self._tid
        self.counters.requests += 1
        self._send(mbap.build(tid, unit, pdu))
        deadline = time.monotonic() + self.timeout_s
        received = 0
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
                    self._note_reply()
                    return body
                self.counters.frame_errors += 1
                raise FrameError(f"malformed reply from unit {unit}: {body[:8].hex()}")
            if received > MBAP_FLOOD_LIMIT:
                self.close()
                self.counters.frame_errors += 1
                self._count("floods")
                raise FloodError(f"unit {unit}: {received} bytes without its reply; cut off")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            data = self._recv(remaining, partial=bool(self._buf))
            received += len(data)
            self._buf += data
        self._last_activity = time.monotonic()
        if self._buf:
            # Part of a frame: the rest may still come and the stream cannot resync; reconnect.
            self.counters.frame_errors += 1
            self.close()
            raise FrameError(f"truncated reply from unit {unit}")
        self.counters.timeouts += 1
        raise MeterTimeout(f"no reply from unit {unit}")


MBAP_FLOOD_LIMIT = 16 * 260  # bytes of other transactions' frames in one exchange before it is cut off


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


def parity_applied(port: object, parity: str) -> bool:
    """False when the open port silently dropped the parity asked for (a Linux pty accepts the first
    tcsetattr with PARENB and ignores it; a second one fails with EINVAL). True when it cannot tell."""
    fd = getattr(port, "fd", None)
    if not isinstance(fd, int) or parity.upper() not in ("E", "O"):
        return True
    try:
        cflag = termios.tcgetattr(fd)[2]
    except (termios.error, OSError):
        return True
    return bool(cflag & termios.PARENB)


def refused_setting(config: BusConfig, exc: BaseException) -> str | None:
    """Which line setting a serial port refused ("parity E", "baud 38400", "2 stop bits"), when the
    open failed with EINVAL (a pty refuses even parity; some adapters refuse a baud rate); None for
    any other failure (missing, busy, no permission). Found by opening again with one setting changed
    at a time."""
    code = exc.args[0] if isinstance(exc, termios.error) and exc.args else getattr(exc, "errno", None)
    if code != errno.EINVAL:
        return None
    import serial  # pyserial

    trials = (("parity", {"parity": "N"}, f"parity {config.parity.upper()}"),
              ("baud", {"baudrate": 9600}, f"baud {config.baud}"),
              ("stopbits", {"stopbits": 1}, f"{config.stopbits} stop bits"))
    base = {"baudrate": config.baud, "parity": config.parity.upper(), "stopbits": config.stopbits}
    for _name, change, text in trials:
        if all(base[k] == v for k, v in change.items()):
            continue
        try:
            port = serial.serial_for_url(config.serial_port, **{**base, **change}, timeout=0.1)
        except Exception:  # noqa: BLE001 - this setting was not (the only) one refused
            continue
        port.close()
        return text
    return f"{config.baud} 8{config.parity.upper()}{config.stopbits}"


def check_serial_port(config: BusConfig) -> PortSettingRefused | None:
    """Open the serial port of `config` with its settings and close it again: the refusal naming the
    port and the setting when the port exists here and refuses them, else None (a port missing on this
    machine may be the service's: not an error here)."""
    import serial  # pyserial

    if config.kind != "serial" or not config.serial_port or "://" in config.serial_port:
        return None
    try:
        port = serial.serial_for_url(config.serial_port, baudrate=config.baud, parity=config.parity.upper(),
                                     stopbits=config.stopbits, timeout=0.1)  # (timeout 0 skips parity)
    except (serial.SerialException, OSError, ValueError, termios.error) as exc:
        refused = refused_setting(config, exc)
        if refused is None:
            return None
        return PortSettingRefused(config.serial_port, refused,
                                  f"cannot open {config.serial_port}: this port does not support {refused}")
    applied = parity_applied(port, config.parity)
    port.close()
    if not applied:
        setting = f"parity {config.parity.upper()}"
        return PortSettingRefused(config.serial_port, setting,
                                  f"cannot open {config.serial_port}: this port does not support {setting}")
    return None


def make_transport(config: BusConfig, counters: BusCounters) -> Transport:
    """The transport for config.kind (serial | modbus-tcp | rtu-over-tcp)."""
    kinds: dict[str, Callable[[BusConfig, BusCounters], Transport]] = {
        "serial": SerialRtuTransport, "modbus-tcp": ModbusTcpTransport, "rtu-over-tcp": RtuOverTcpTransport}
    try:
        cls = kinds[config.kind]
    except KeyError:
        raise BusUnavailable(f"bus {config.name}: unknown bus kind {config.kind!r}") from None
    return cls(config, counters)

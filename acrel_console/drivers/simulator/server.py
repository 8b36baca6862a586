"""Asyncio servers putting a SimBus on the wire: Modbus-TCP, RTU-over-TCP and RTU on a pty.

Decision: our own small asyncio server instead of pymodbus's. The meter side must answer a vendor
function (0x20) with its own request layout, recognise TEA16 ciphertext, and misbehave on demand
(silence, late reply that overlaps the next request, bad CRC, wrong unit, truncation, garbage,
connection reset, reboot); pymodbus's server decodes and answers inside its own framer and
transaction manager, where those faults cannot be injected byte-exactly. Our server also stays
independent of the client, which may use pymodbus.

One server = one line: requests are served strictly one at a time across all its connections
(an asyncio lock), each normal reply is sent after `bus.reply_latency_s`; a late reply is sent
from a separate task so the line serves the next request meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import struct
import termios
import tty
from collections.abc import Callable

from acrel_console.drivers.simulator.bus import SimBus, exception_pdu
from acrel_console.drivers.simulator.crc import crc_ok, with_crc
from acrel_console.drivers.simulator.faults import Reply
from acrel_console.drivers.simulator.framing import MAX_FRAME, decipher, split_frame

MODE_MODBUS_TCP = "modbus-tcp"
MODE_RTU_OVER_TCP = "rtu-over-tcp"
MODE_PTY = "pty"
MODES = (MODE_MODBUS_TCP, MODE_RTU_OVER_TCP, MODE_PTY)
DEFAULT_GAP_S = 0.03  # silence that ends an RTU frame whose length is not known from its header
IDLE_TIMEOUT_S = 3600.0  # a TCP connection idle this long is closed
MAX_LATE_TASKS = 64


class _Line:
    """Shared by every connection of one server: the sequencing lock and pending late replies."""

    def __init__(self, bus: SimBus, gap_s: float) -> None:
        self.bus = bus
        self.gap_s = gap_s
        self.lock = asyncio.Lock()
        self.late: set[asyncio.Task[None]] = set()

    def send_late(self, delay: float, write: Callable[[bytes], None], data: bytes) -> None:
        if len(self.late) >= MAX_LATE_TASKS:
            return

        async def later() -> None:
            await asyncio.sleep(delay)
            with contextlib.suppress(Exception):
                write(data)

        task = asyncio.get_running_loop().create_task(later())
        self.late.add(task)
        task.add_done_callback(self.late.discard)

    async def cancel_late(self) -> None:
        for task in list(self.late):
            task.cancel()
        for task in list(self.late):
            with contextlib.suppress(BaseException):
                await task


def _rtu_reply_bytes(reply: Reply) -> bytes:
    if reply.garbage:
        return reply.garbage
    assert reply.pdu is not None
    frame = bytearray(with_crc(bytes((reply.unit,)) + reply.pdu))
    if reply.corrupt:
        frame[-1] ^= 0xFF
    if reply.truncate:
        frame = frame[: max(1, len(frame) // 2)]
    return bytes(frame)


def _mbap_reply_bytes(tid: int, reply: Reply) -> bytes:
    if reply.garbage:
        return reply.garbage
    assert reply.pdu is not None
    pdu = bytearray(reply.pdu)
    if reply.corrupt:
        pdu[-1] ^= 0xFF
    frame = struct.pack(">HHHB", tid, 0, len(pdu) + 1, reply.unit) + bytes(pdu)
    if reply.truncate:
        frame = frame[: max(1, len(frame) // 2)]
    return frame


async def _emit(line: _Line, reply: Reply, data: bytes, write: Callable[[bytes], None]) -> None:
    if reply.late:
        line.send_late(reply.delay_s, write, data)
        return
    if reply.delay_s > 0:
        await asyncio.sleep(reply.delay_s)
    write(data)


async def _serve_rtu_stream(
    line: _Line,
    reader: asyncio.StreamReader,
    write: Callable[[bytes], None],
    reset: Callable[[], None] | None,
) -> None:
    """Read RTU requests from a byte stream until EOF; answer through `write`."""
    buf = bytearray()
    while True:
        timeout = line.gap_s if buf else IDLE_TIMEOUT_S
        try:
            chunk = await asyncio.wait_for(reader.read(MAX_FRAME), timeout)
        except asyncio.TimeoutError:
            chunk = None
        if chunk == b"":
            return
        if chunk:
            buf += chunk
            while True:
                frame = split_frame(buf)
                if frame is None:
                    break
                if not await _handle_rtu(line, frame, False, write, reset):
                    return
            if len(buf) > MAX_FRAME:
                line.bus.stats.bad_frames += 1
                buf.clear()
            continue
        if not buf:
            continue
        # inter-frame gap: whatever is buffered is one frame (plain with an odd layout, or cipher)
        data = bytes(buf)
        buf.clear()
        plain = decipher(data, line.bus.cipher_keys())
        if plain is not None:
            if not await _handle_rtu(line, plain, True, write, reset):
                return
            continue
        if crc_ok(data):
            if not await _handle_rtu(line, data, False, write, reset):
                return
        else:
            line.bus.stats.bad_frames += 1


async def _handle_rtu(
    line: _Line,
    frame: bytes,
    enciphered: bool,
    write: Callable[[bytes], None],
    reset: Callable[[], None] | None,
) -> bool:
    """Process one RTU frame; False when the connection must end (reset)."""
    unit, pdu = frame[0], frame[1:-2]
    if unit == 0:
        return True  # broadcast: not simulated, no reply
    async with line.lock:
        reply = line.bus.process(unit, pdu, enciphered=enciphered)
        if reply is None:
            return True
        if reply.reset:
            if reset is not None:
                reset()
                return False
            return True
        if reply.pdu is None and not reply.garbage:
            return True
        await _emit(line, reply, _rtu_reply_bytes(reply), write)
    return True


def _rst(writer: asyncio.StreamWriter) -> Callable[[], None]:
    def reset() -> None:
        sock = writer.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()

    return reset


def _writer_fn(writer: asyncio.StreamWriter) -> Callable[[bytes], None]:
    def write(data: bytes) -> None:
        if not writer.is_closing():
            writer.write(data)

    return write


class SimServer:
    """One listening endpoint for a SimBus (use `start_server`; stop with `await close()`)."""

    def __init__(self, bus: SimBus, mode: str, gap_s: float = DEFAULT_GAP_S) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        self.bus = bus
        self.mode = mode
        self.host: str | None = None
        self.port: int | None = None
        self.slave_path: str | None = None
        self._line = _Line(bus, gap_s)
        self._server: asyncio.base_events.Server | None = None
        self._conns: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()
        self._pty_fds: tuple[int, int] | None = None
        self._pty_task: asyncio.Task[None] | None = None

    @property
    def reply_latency_s(self) -> float:
        return self.bus.reply_latency_s

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        if self.mode == MODE_PTY:
            await self._start_pty()
            return
        self._server = await asyncio.start_server(self._on_client, host, port)
        sock = self._server.sockets[0]
        self.host, self.port = sock.getsockname()[:2]

    async def _on_client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._conns.add(task)
        self._writers.add(writer)
        try:
            if self.mode == MODE_MODBUS_TCP:
                await self._serve_mbap(reader, writer)
            else:
                await _serve_rtu_stream(self._line, reader, _writer_fn(writer), _rst(writer))
        except (ConnectionError, asyncio.IncompleteReadError, OSError):
            pass
        finally:
            self._writers.discard(writer)
            self._conns.discard(task)
            if not writer.is_closing():
                writer.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(writer.wait_closed(), 1.0)

    async def _serve_mbap(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        write = _writer_fn(writer)
        while True:
            try:
                header = await asyncio.wait_for(reader.readexactly(7), IDLE_TIMEOUT_S)
            except asyncio.TimeoutError:
                return
            tid, pid, length, unit = struct.unpack(">HHHB", header)
            if pid != 0 or not 2 <= length <= 254:
                self.bus.stats.bad_frames += 1
                return  # not Modbus-TCP: drop the connection like a gateway would
            pdu = await asyncio.wait_for(reader.readexactly(length - 1), 5.0)
            async with self._line.lock:
                reply = self.bus.process(unit, pdu)
                if reply is None:
                    code = self.bus.unknown_unit_exception
                    if code is not None and pdu:
                        write(_mbap_reply_bytes(tid, Reply(unit=unit, pdu=exception_pdu(pdu[0], code))))
                    continue
                if reply.reset:
                    _rst(writer)()
                    return
                if reply.pdu is None and not reply.garbage:
                    continue
                await _emit(self._line, reply, _mbap_reply_bytes(tid, reply), write)

    async def _start_pty(self) -> None:
        master, slave = os.openpty()
        tty.setraw(slave, termios.TCSANOW)
        self.slave_path = os.ttyname(slave)
        self._pty_fds = (master, slave)
        os.set_blocking(master, False)
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader(limit=4096)

        def on_readable() -> None:
            try:
                data = os.read(master, 1024)
            except BlockingIOError:
                return
            except OSError:
                data = b""
            if data:
                reader.feed_data(data)

        loop.add_reader(master, on_readable)

        def write(data: bytes) -> None:
            view = memoryview(data)
            while view:
                try:
                    n = os.write(master, view)
                except BlockingIOError:
                    return  # the console is not reading: drop (bounded, like a real line)
                except OSError:
                    return
                view = view[n:]

        self._pty_task = loop.create_task(_serve_rtu_stream(self._line, reader, write, None))

    async def close(self) -> None:
        """Stop listening, drop connections, cancel late replies, release the pty."""
        if self._server is not None:
            self._server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        for task in list(self._conns):
            task.cancel()
        for task in list(self._conns):
            with contextlib.suppress(BaseException):
                await task
        if self._server is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2.0)
            self._server = None
        await self._line.cancel_late()
        if self._pty_task is not None:
            self._pty_task.cancel()
            with contextlib.suppress(BaseException):
                await self._pty_task
            self._pty_task = None
        if self._pty_fds is not None:
            master, slave = self._pty_fds
            asyncio.get_running_loop().remove_reader(master)
            for fd in (master, slave):
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._pty_fds = None


async def start_server(
    bus: SimBus, mode: str, host: str = "127.0.0.1", port: int = 0, gap_s: float = DEFAULT_GAP_S
) -> SimServer:
    """Start serving `bus` in the running loop (mode: modbus-tcp | rtu-over-tcp | pty)."""
    server = SimServer(bus, mode, gap_s)
    await server.start(host, port)
    return server

"""Pacing relay: emulates a slow serial line (e.g. 9600 8N1) between a pty and a pty or TCP socket.

A pty ignores the baud rate (STACK.md item 6), so the console would see an infinitely fast bus.
`start_paced_link` opens a fresh pty for the console and relays bytes to and from the meter side
(a simulator's pty path, or a TCP endpoint speaking RTU-over-TCP), releasing each byte one
character time after the previous one in the same direction: char time = (start + data bits +
parity bit + stop bits) / baud, i.e. 10/baud for 8N1, 11/baud for 8E1. A byte never arrives before
its own wire time has passed since it was sent. Tests inject faults here: drop, corrupt or delay
the next bytes in either direction, or pass a `hook` that rewrites every byte; `local_echo` makes the
console hear its own requests as a two-wire adapter does (wholly, or without the first `echo_skip`
bytes of each frame).

Two threads (one per direction), every wait bounded (50 ms poll), bounded chunk size; `stop()`
joins them and closes every descriptor it opened.
"""

from __future__ import annotations

import enum
import os
import random
import select
import socket
import termios
import threading
import time
import tty
from collections.abc import Callable
from dataclasses import dataclass, field

POLL_S = 0.05
CHUNK = 256
JOIN_TIMEOUT_S = 5.0


class Direction(str, enum.Enum):
    """Which way a byte travels."""

    TO_METER = "to_meter"
    TO_CONSOLE = "to_console"


def char_time_s(baud: int, bytesize: int = 8, parity: str = "N", stopbits: float = 1) -> float:
    """Seconds one character occupies the line: (1 start + data + parity + stop bits) / baud."""
    if baud <= 0:
        raise ValueError("baud must be positive")
    parity_bits = 0 if parity.upper() == "N" else 1
    return (1 + bytesize + parity_bits + stopbits) / baud


# hook(direction, byte) -> bytes to send instead (b"" drops it)
ByteHook = Callable[[Direction, int], bytes]


@dataclass(slots=True)
class LinkStats:
    """Bytes seen per direction and what the impairments did."""

    forwarded: dict[Direction, int] = field(default_factory=lambda: {d: 0 for d in Direction})
    dropped: dict[Direction, int] = field(default_factory=lambda: {d: 0 for d in Direction})
    corrupted: dict[Direction, int] = field(default_factory=lambda: {d: 0 for d in Direction})


class _Endpoint:
    """A readable/writable descriptor: a pty master/slave fd or a connected socket."""

    def __init__(self, fd: int | None = None, sock: socket.socket | None = None) -> None:
        self.fd = fd
        self.sock = sock

    def _raw_fd(self) -> int:
        if self.fd is None:
            raise OSError("endpoint has neither a socket nor a descriptor")
        return self.fd

    def fileno(self) -> int:
        return self.sock.fileno() if self.sock is not None else self._raw_fd()

    def read(self) -> bytes:
        """Whatever is available (b"" = nothing now); raises EOFError when the peer is gone."""
        try:
            if self.sock is not None:
                data = self.sock.recv(CHUNK)
                if data == b"":
                    raise EOFError
                return data
            return os.read(self._raw_fd(), CHUNK)
        except (BlockingIOError, InterruptedError):
            return b""
        except OSError as exc:  # EIO on a pty whose other side is closed
            raise EOFError from exc

    def write(self, data: bytes) -> None:
        deadline = time.monotonic() + 1.0
        view = memoryview(data)
        while view:
            try:
                n = self.sock.send(view) if self.sock is not None else os.write(self._raw_fd(), view)
                view = view[n:]
            except (BlockingIOError, InterruptedError):
                if time.monotonic() > deadline:
                    return  # the reader is stuck: the byte is lost, as on a real line
                time.sleep(0.001)
            except OSError:
                return

    def close(self) -> None:
        if self.sock is not None:
            try:
                self.sock.close()
            except OSError:
                pass
        elif self.fd is not None:
            try:
                os.close(self.fd)
            except OSError:
                pass


def _open_pty() -> tuple[int, int, str]:
    master, slave = os.openpty()
    tty.setraw(slave, termios.TCSANOW)
    os.set_blocking(master, False)
    return master, slave, os.ttyname(slave)


def _open_tty_path(path: str) -> int:
    fd = os.open(path, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
    tty.setraw(fd, termios.TCSANOW)
    return fd


class PacedLink:
    """A running relay. `console_path`: the pty the console opens; `meter_path`: the second pty
    when no target was given (the meter side opens it). Context manager; `stop()` is idempotent."""

    def __init__(
        self,
        baud: int,
        console: _Endpoint,
        meter: _Endpoint,
        console_path: str,
        meter_path: str | None,
        keep_open: list[int],
        char_time: float,
        hook: ByteHook | None,
        seed: int,
    ) -> None:
        self.baud = baud
        self.char_time_s = char_time
        self.console_path = console_path
        self.meter_path = meter_path
        self.hook = hook
        # Local echo (a two-wire RS485 adapter hears its own transmission): every byte the console
        # sends comes back to it as it goes out on the line; `echo_skip` first bytes of each frame are
        # not heard (an adapter whose receiver turns on late echoes partially). Settable while running.
        self.local_echo = False
        self.echo_skip = 0
        self.echoed = 0
        self.stats = LinkStats()
        self._console = console
        self._meter = meter
        self._keep_open = keep_open
        self._lock = threading.Lock()
        self._drop: dict[Direction, int] = {d: 0 for d in Direction}
        self._corrupt: dict[Direction, int] = {d: 0 for d in Direction}
        self._delay: dict[Direction, float] = {d: 0.0 for d in Direction}
        self._drop_rate: dict[Direction, float] = {d: 0.0 for d in Direction}
        self._noise_rate: dict[Direction, float] = {d: 0.0 for d in Direction}
        self._rng = random.Random(seed)
        self._stop = threading.Event()
        self._stopped = False
        self._threads = [
            threading.Thread(
                target=self._pump, args=(console, meter, Direction.TO_METER), name="relay-to-meter", daemon=True
            ),
            threading.Thread(
                target=self._pump, args=(meter, console, Direction.TO_CONSOLE), name="relay-to-console", daemon=True
            ),
        ]
        for t in self._threads:
            t.start()

    # ----- impairments ------------------------------------------------------------------------
    def drop_next(self, direction: Direction, n: int = 1) -> None:
        """Lose the next `n` bytes travelling `direction`."""
        with self._lock:
            self._drop[direction] += n

    def corrupt_next(self, direction: Direction, n: int = 1) -> None:
        """Flip one random bit in each of the next `n` bytes travelling `direction`."""
        with self._lock:
            self._corrupt[direction] += n

    def delay_next(self, direction: Direction, seconds: float) -> None:
        """Hold the line for `seconds` before the next byte travelling `direction`."""
        with self._lock:
            self._delay[direction] += seconds

    def set_noise(self, direction: Direction, drop_rate: float = 0.0, noise_rate: float = 0.0) -> None:
        """Random impairment per byte: probability to drop it / to flip one bit (seeded RNG)."""
        with self._lock:
            self._drop_rate[direction] = drop_rate
            self._noise_rate[direction] = noise_rate

    def _impair(self, direction: Direction, byte: int) -> tuple[bytes, float]:
        with self._lock:
            delay = self._delay[direction]
            self._delay[direction] = 0.0
            if self._drop[direction] > 0:
                self._drop[direction] -= 1
                self.stats.dropped[direction] += 1
                return b"", delay
            if self._drop_rate[direction] and self._rng.random() < self._drop_rate[direction]:
                self.stats.dropped[direction] += 1
                return b"", delay
            if self._corrupt[direction] > 0 or (
                self._noise_rate[direction] and self._rng.random() < self._noise_rate[direction]
            ):
                if self._corrupt[direction] > 0:
                    self._corrupt[direction] -= 1
                self.stats.corrupted[direction] += 1
                byte ^= 1 << self._rng.randrange(8)
        out = bytes((byte,))
        if self.hook is not None:
            out = self.hook(direction, byte)
        return out, delay

    # ----- the pump ---------------------------------------------------------------------------
    def _pump(self, src: _Endpoint, dst: _Endpoint, direction: Direction) -> None:
        line_free_at = 0.0  # when the line has finished sending the previous character
        frame_pos = 0  # position of the next byte in the frame being sent (for a partial echo)
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([src], [], [], POLL_S)
            except (OSError, ValueError):
                return
            if not ready:
                continue
            try:
                data = src.read()
            except EOFError:
                if self._stop.wait(POLL_S):
                    return
                continue
            arrived = time.monotonic()
            if direction is Direction.TO_METER and arrived - line_free_at > 3.5 * self.char_time_s:
                frame_pos = 0  # a new frame starts after a silence
            for byte in data:
                out, delay = self._impair(direction, byte)
                start = max(arrived, line_free_at) + delay
                for b in out or b"":
                    done = start + self.char_time_s
                    self._sleep_until(done)
                    if self._stop.is_set():
                        return
                    self.stats.forwarded[direction] += 1  # before the write: readers may check
                    dst.write(bytes((b,)))
                    if direction is Direction.TO_METER and self.local_echo:
                        if frame_pos >= self.echo_skip:
                            src.write(bytes((b,)))
                            self.echoed += 1
                        frame_pos += 1
                    start = done
                if out:
                    line_free_at = start
                else:
                    line_free_at = start + self.char_time_s  # a dropped byte still used the line

    def _sleep_until(self, t: float) -> None:
        while True:
            left = t - time.monotonic()
            if left <= 0 or self._stop.is_set():
                return
            time.sleep(min(left, POLL_S))

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self._stop.set()
        for t in self._threads:
            t.join(JOIN_TIMEOUT_S)
        self._console.close()
        self._meter.close()
        for fd in self._keep_open:
            try:
                os.close(fd)
            except OSError:
                pass

    def __enter__(self) -> PacedLink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_paced_link(
    baud: int = 9600,
    target: str | tuple[str, int] | None = None,
    *,
    bytesize: int = 8,
    parity: str = "N",
    stopbits: float = 1,
    hook: ByteHook | None = None,
    seed: int = 0,
    connect_timeout_s: float = 5.0,
) -> PacedLink:
    """Start a paced line. `target`: a tty path (e.g. the simulator's pty), ("host", port) of an
    RTU-over-TCP endpoint, or None (a second pty is created: `link.meter_path`). The console opens
    `link.console_path` (pyserial, any baud: the relay does the timing)."""
    ct = char_time_s(baud, bytesize, parity, stopbits)
    c_master, c_slave, c_path = _open_pty()
    keep = [c_slave]  # held open so the master never sees EIO between console sessions
    try:
        meter_path: str | None = None
        if target is None:
            m_master, m_slave, meter_path = _open_pty()
            keep.append(m_slave)
            meter = _Endpoint(fd=m_master)
        elif isinstance(target, tuple):
            sock = socket.create_connection(target, connect_timeout_s)
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            meter = _Endpoint(sock=sock)
        else:
            meter = _Endpoint(fd=_open_tty_path(target))
    except BaseException:
        for fd in (c_master, *keep):
            os.close(fd)
        raise
    return PacedLink(baud, _Endpoint(fd=c_master), meter, c_path, meter_path, keep, ct, hook, seed)


def main(argv: list[str] | None = None) -> int:
    """`python -m acrel_console.drivers.relay --baud 9600 --target HOST:PORT|/dev/pts/N`."""
    import argparse

    ap = argparse.ArgumentParser(description="Paced serial line between a new pty and a target")
    ap.add_argument("--baud", type=int, default=9600)
    ap.add_argument("--parity", default="N", choices=["N", "E", "O"])
    ap.add_argument("--target", default=None, help="HOST:PORT (RTU-over-TCP) or a tty path")
    args = ap.parse_args(argv)
    target: str | tuple[str, int] | None = args.target
    if args.target and ":" in args.target and not args.target.startswith("/"):
        host, port = args.target.rsplit(":", 1)
        target = (host, int(port))
    link = start_paced_link(args.baud, target, parity=args.parity)
    print(f"console side: {link.console_path}" + (f"  meter side: {link.meter_path}" if link.meter_path else ""))
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        link.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

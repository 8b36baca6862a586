"""Run simulator servers from synchronous code: each in a background thread with its own loop."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from acrel_console.drivers.simulator.bus import SimBus
from acrel_console.drivers.simulator.server import (
    DEFAULT_GAP_S,
    MODE_PTY,
    MODES,
    SimServer,
    start_server,
)

T = TypeVar("T")
START_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 10.0


class LoopThread:
    """An asyncio loop running in a daemon thread; `call` runs a coroutine there and waits."""

    def __init__(self, name: str = "acrel-sim") -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_forever()
        finally:
            with contextlib.suppress(Exception):
                self.loop.run_until_complete(self.loop.shutdown_asyncgens())
            self.loop.close()

    def call(self, coro: Coroutine[Any, Any, T], timeout: float = START_TIMEOUT_S) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> None:
        if self.loop.is_running():
            self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()


class RunningServer:
    """A SimBus served on one endpoint from a background thread. Context manager; `stop()` is
    idempotent and joins the thread."""

    def __init__(self, bus: SimBus, server: SimServer, thread: LoopThread) -> None:
        self.bus = bus
        self._server = server
        self._thread = thread
        self._stopped = False

    @property
    def mode(self) -> str:
        return self._server.mode

    @property
    def host(self) -> str | None:
        return self._server.host

    @property
    def port(self) -> int | None:
        return self._server.port

    @property
    def slave_path(self) -> str | None:
        """For mode "pty": the device the console opens with pyserial."""
        return self._server.slave_path

    @property
    def reply_latency_s(self) -> float:
        return self.bus.reply_latency_s

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        with contextlib.suppress(Exception):
            self._thread.call(self._server.close(), STOP_TIMEOUT_S)
        self._thread.stop()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(
    bus: SimBus,
    mode: str,
    host: str = "127.0.0.1",
    port: int = 0,
    gap_s: float = DEFAULT_GAP_S,
) -> RunningServer:
    """Serve `bus` in a new background thread (mode: modbus-tcp | rtu-over-tcp | pty)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    thread = LoopThread(name=f"acrel-sim-{bus.name}-{mode}")
    try:
        server = thread.call(start_server(bus, mode, host, port, gap_s))
    except BaseException:
        thread.stop()
        raise
    return RunningServer(bus, server, thread)


def start_tcp(
    bus: SimBus, host: str = "127.0.0.1", port: int = 0, mode: str = "modbus-tcp"
) -> RunningServer:
    """Modbus-TCP (MBAP, unit id = address) or RTU-over-TCP; port 0 picks a free port (.port)."""
    if mode == MODE_PTY:
        raise ValueError("use start_pty for a pty")
    return start(bus, mode, host, port)


def start_pty(bus: SimBus) -> tuple[str, Callable[[], None]]:
    """Serve `bus` as RTU on a fresh pty; returns (slave path for pyserial, stop function)."""
    running = start(bus, MODE_PTY)
    assert running.slave_path is not None
    return running.slave_path, running.stop

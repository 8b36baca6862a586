"""Running the portal on uvicorn in a background thread: `acrel-console portal` (which waits for a signal),
`serve` when the site enables it, the kiosk on a one-PC site, tests and the benchmark."""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from dataclasses import dataclass, field

import uvicorn

from acrel_console.portal.app import create_app
from acrel_console.services.tenant_portal import TenantPortalService

log = logging.getLogger(__name__)
START_TIMEOUT_S = 15.0


def bind(host: str, port: int) -> socket.socket:
    """A listening socket (port 0: any free port), so the caller knows the port before serving."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def make_config(tenants: TenantPortalService, host: str, port: int, forwarded_allow_ips: str = "127.0.0.1",
                access_log: bool = False) -> uvicorn.Config:
    """uvicorn settings: proxy headers are trusted from `forwarded_allow_ips` only (the reverse proxy), so the
    client address and https scheme seen by the portal are the real ones behind nginx."""
    return uvicorn.Config(create_app(tenants), host=host, port=port, proxy_headers=True,
                          forwarded_allow_ips=forwarded_allow_ips, access_log=access_log, log_level="warning",
                          lifespan="off", server_header=False, timeout_keep_alive=15)


@dataclass
class PortalThread:
    """The portal served from a daemon thread; `url` once started; `stop()` ends it gracefully."""

    tenants: TenantPortalService
    host: str = "127.0.0.1"
    port: int = 0
    forwarded_allow_ips: str = "127.0.0.1"
    access_log: bool = False
    _server: uvicorn.Server | None = field(default=None, init=False)
    _thread: threading.Thread | None = field(default=None, init=False)
    _sock: socket.socket | None = field(default=None, init=False)

    @property
    def url(self) -> str:
        host = self.host if self.host not in ("0.0.0.0", "::") else "127.0.0.1"
        return f"http://{host}:{self.port}"

    def start(self) -> PortalThread:
        self._sock = bind(self.host, self.port)
        self.port = self._sock.getsockname()[1]
        self._server = uvicorn.Server(make_config(self.tenants, self.host, self.port, self.forwarded_allow_ips,
                                                   self.access_log))
        server, sock = self._server, self._sock

        def run() -> None:
            try:
                asyncio.run(server.serve(sockets=[sock]))
            except Exception:  # noqa: BLE001 - reported; the console carries on without its portal
                log.exception("the tenant portal stopped")

        self._thread = threading.Thread(target=run, name="portal", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not server.started and self._thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        if not server.started:
            self.stop()
            raise RuntimeError("the tenant portal did not start")
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(10)
        if self._sock is not None:
            self._sock.close()
        self._server = self._thread = self._sock = None

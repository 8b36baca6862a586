"""A small TCP relay that behaves like the gateways sites actually have (shared/FIELD.md, "Gateways").

Console -> relay (listening on 127.0.0.1:port) -> target meter server (RTU-over-TCP or Modbus-TCP).
Behaviours, all options of `Gateway`, changeable while it runs:

- close_after_reply: the gateway closes the connection after every reply it forwards;
- one_client: a second connection while one is open is accepted and closed at once;
- latency_s: every reply is held this long (cellular or busy converters);
- local_echo: every request's bytes come straight back before the reply (a 2-wire line hearing itself);
- split: replies are forwarded in pieces of this many bytes, `split_gap_s` apart (transparent
  converters split frames arbitrarily);
- drop_replies: the next N replies are swallowed (the meter answered, the reply was lost);
- flood: {unit: n}: an RTU request to that unit is answered by the relay with n copies of the unit's
  own address byte (a babbling meter), after the latency.

`stats` counts connections accepted and refused, requests and replies forwarded, replies dropped.
One thread per connection, every wait bounded; `stop()` joins them all.
"""

from __future__ import annotations

import select
import socket
import threading
import time
from dataclasses import dataclass, field

POLL_S = 0.05


@dataclass
class RelayStats:
    connections: int = 0
    refused: int = 0
    requests: int = 0
    replies: int = 0
    dropped: int = 0
    echoed_bytes: int = 0


@dataclass
class Gateway:
    """Options (see module doc) and the running relay."""

    target: tuple[str, int]
    close_after_reply: bool = False
    one_client: bool = False
    latency_s: float = 0.0
    local_echo: bool = False
    split: int = 0
    split_gap_s: float = 0.002
    drop_replies: int = 0
    flood: dict[int, int] = field(default_factory=dict)
    stats: RelayStats = field(default_factory=RelayStats)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(8)
        self.port: int = self._listener.getsockname()[1]
        self._active = 0
        self._threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._accept_loop, name="gateway-relay", daemon=True)
        self._accept.start()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self._listener], [], [], POLL_S)
            if not ready:
                continue
            try:
                client, _addr = self._listener.accept()
            except OSError:
                return
            with self._lock:
                busy = self.one_client and self._active > 0
                if busy:
                    self.stats.refused += 1
                else:
                    self._active += 1
                    self.stats.connections += 1
            if busy:
                client.close()
                continue
            t = threading.Thread(target=self._serve, args=(client,), name="gateway-relay-conn", daemon=True)
            self._threads.append(t)
            t.start()

    def _serve(self, client: socket.socket) -> None:
        upstream: socket.socket | None = None
        try:
            upstream = socket.create_connection(self.target, 5)
            for s in (client, upstream):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            while not self._stop.is_set():
                ready, _, _ = select.select([client, upstream], [], [], POLL_S)
                if client in ready:
                    data = client.recv(4096)
                    if not data:
                        return
                    with self._lock:
                        self.stats.requests += 1
                        echo = self.local_echo
                    if echo:
                        client.sendall(data)
                        with self._lock:
                            self.stats.echoed_bytes += len(data)
                    babble = self.flood.get(data[0], 0)
                    if babble:
                        if not self._forward(client, bytes((data[0],)) * babble):
                            return
                        continue
                    upstream.sendall(data)
                if upstream in ready:
                    data = upstream.recv(4096)
                    if not data:
                        return
                    if not self._forward(client, data):
                        return
        except OSError:
            return
        finally:
            for s in (client, upstream):
                if s is not None:
                    try:
                        s.close()
                    except OSError:
                        pass
            with self._lock:
                self._active -= 1

    def _forward(self, client: socket.socket, data: bytes) -> bool:
        """Send one reply on (or not); False when the connection is to be closed."""
        with self._lock:
            if self.drop_replies > 0:
                self.drop_replies -= 1
                self.stats.dropped += 1
                return True
            latency, split, gap, close = self.latency_s, self.split, self.split_gap_s, self.close_after_reply
        if latency:
            time.sleep(latency)
        if split > 0:
            for i in range(0, len(data), split):
                client.sendall(data[i:i + split])
                time.sleep(gap)
        else:
            client.sendall(data)
        with self._lock:
            self.stats.replies += 1
        return not close

    @property
    def clients(self) -> int:
        """Connections being served now."""
        with self._lock:
            return self._active

    def stop(self) -> None:
        self._stop.set()
        self._accept.join(5)
        try:
            self._listener.close()
        except OSError:
            pass
        for t in self._threads:
            t.join(5)

    def __enter__(self) -> Gateway:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

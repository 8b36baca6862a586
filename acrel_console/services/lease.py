"""One dispatcher/poller per site (design §2): a database lease row renewed by heartbeat, visible to
every workstation (status bar: who runs the site's dispatcher, since when, last heartbeat).

Works on SQLite and PostgreSQL alike (a row in site_lease; SQLite's BEGIN IMMEDIATE and PostgreSQL's
row lock / primary key serialise contenders). A holder that stops heart-beating loses the lease when it
expires (ttl), so a crashed service is replaced without manual action. Times are the holders' clocks:
keep workstation clocks in sync (NTP) — the ttl (default 30 s) tolerates a few seconds of skew.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError

from acrel_console.domain.roles import Permission
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.storage.tables.readings import SiteLeaseRow

log = logging.getLogger(__name__)
LEASE_NAME = "dispatcher"
DEFAULT_TTL_S = 30.0


@dataclass(frozen=True, slots=True)
class LeaseInfo:
    """Who holds the site lease. `active` = not expired at `now`."""

    holder: str
    host: str
    pid: int
    acquired_at: datetime
    heartbeat_at: datetime
    expires_at: datetime
    active: bool
    mine: bool


def _info(row: SiteLeaseRow, now: datetime, me: str | None) -> LeaseInfo:
    return LeaseInfo(row.holder, row.host, row.pid, row.acquired_at, row.heartbeat_at, row.expires_at,
                     row.expires_at > now, row.holder == me)


def current_lease(ctx: ServiceContext, me: str | None = None) -> LeaseInfo | None:
    """The lease row as it stands (None when nobody ever held it)."""
    with ctx.read() as s:
        row = s.get(SiteLeaseRow, LEASE_NAME)
        return _info(row, ctx.clock(), me) if row is not None else None


class SiteLease:
    """This process's claim on the site lease. `acquire()` once, then `start_heartbeat()`."""

    def __init__(self, ctx: ServiceContext, *, ttl_s: float = DEFAULT_TTL_S, holder: str | None = None) -> None:
        self.ctx = ctx
        self.ttl_s = ttl_s
        self.host = socket.gethostname()[:100]
        self.pid = os.getpid()
        self.holder = holder or f"{self.host}:{self.pid}:{uuid.uuid4().hex[:8]}"
        self._held = False
        self._expires: datetime | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def held(self) -> bool:
        return self._held

    def acquire(self) -> bool:
        """Take the lease when free, expired or already ours; True when held afterwards."""
        return self._attempt() is True

    def _attempt(self) -> bool | None:
        """True: held; False: another holder has it; None: the database could not be asked."""
        now = self.ctx.clock()
        try:
            with self.ctx.transaction() as s:
                q = select(SiteLeaseRow).where(SiteLeaseRow.name == LEASE_NAME)
                if s.get_bind().dialect.name == "postgresql":
                    q = q.with_for_update()
                row = s.execute(q).scalar_one_or_none()
                expires = now + timedelta(seconds=self.ttl_s)
                if row is None:
                    s.add(SiteLeaseRow(name=LEASE_NAME, holder=self.holder, host=self.host, pid=self.pid,
                                       acquired_at=now, heartbeat_at=now, expires_at=expires))
                elif row.holder == self.holder or row.expires_at <= now:
                    if row.holder != self.holder:
                        row.acquired_at = now
                        log.warning("taking over the site lease from %s (expired %s)", row.holder, row.expires_at)
                    row.holder, row.host, row.pid = self.holder, self.host, self.pid
                    row.heartbeat_at, row.expires_at = now, expires
                else:
                    self._held = False
                    return False
        except IntegrityError:  # another process inserted the row first
            self._held = False
            return False
        except OperationalError:
            log.warning("site lease: database not reachable", exc_info=True)
            return None
        self._held = True
        self._expires = expires
        return True

    def release(self) -> None:
        """Give the lease up (only if ours) so another process can take it at once."""
        self.stop_heartbeat()
        try:
            with self.ctx.transaction() as s:
                row = s.get(SiteLeaseRow, LEASE_NAME)
                if row is not None and row.holder == self.holder:
                    s.delete(row)
        except Exception:  # noqa: BLE001 - best effort: it expires anyway
            log.exception("releasing the site lease")
        self._held = False

    def start_heartbeat(self, on_lost: Callable[[], None] | None = None) -> None:
        """Renew every ttl/3 in a thread; call on_lost() once if the lease is lost."""
        if self._thread is not None:
            return
        self._stop.clear()

        def beat() -> None:
            while not self._stop.wait(self.ttl_s / 3):
                ok: bool | None = None
                try:
                    ok = self._attempt()
                except Exception:  # noqa: BLE001
                    log.exception("lease heartbeat")
                if ok is None and self._expires is not None and self.ctx.clock() < self._expires:
                    continue  # a database hiccup: keep trying while our lease is still valid
                if not ok:
                    log.error("site lease lost")
                    if on_lost is not None:
                        on_lost()
                    return

        self._thread = threading.Thread(target=beat, name="site-lease", daemon=True)
        self._thread.start()

    def stop_heartbeat(self) -> None:
        self._stop.set()
        t, self._thread = self._thread, None
        if t is not None and t is not threading.current_thread():
            t.join(5)

    def info(self) -> LeaseInfo | None:
        return current_lease(self.ctx, self.holder)


class LeaseService:
    """The lease as the GUI status bar shows it."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.VIEW)
    def current(self, actor: Actor) -> LeaseInfo | None:
        return current_lease(self.ctx)

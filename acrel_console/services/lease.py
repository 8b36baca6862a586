"""One dispatcher/poller per site (design §2): a database lease row renewed by heartbeat, visible to
every workstation (status bar: who runs the site's dispatcher, since when, last heartbeat). A holder
that missed two heartbeats is `silent`: workstations say plainly that no service runs the site since its
last heartbeat (a sale stays booked and is delivered when the service returns) and a command waits no
longer than the lease, then runs from the workstation.

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

from acrel_console.domain.errors import QT_TRANSLATE_NOOP
from acrel_console.domain.roles import Permission
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.storage.tables.readings import SiteLeaseRow

log = logging.getLogger(__name__)
LEASE_NAME = "dispatcher"
DEFAULT_TTL_S = 30.0
BEATS_PER_TTL = 6  # the holder renews every ttl/6 (5 s): a dead holder is seen after two missed beats
SILENT_BEATS = 2
NO_SERVICE_SALE = QT_TRANSLATE_NOOP(
    "lease", "No site service since {since}; your sale is booked and will be delivered when it returns.")
NO_SERVICE_COMMAND = QT_TRANSLATE_NOOP(
    "lease", "No site service since {since}; the command runs from this workstation.")


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
    silent: bool = False  # held, but its holder missed two heartbeats: most likely gone (crash, kill -9)

    @property
    def serving(self) -> bool:
        """A live service holds the site (active and heart-beating)."""
        return self.active and not self.silent


def heartbeat_s(ttl_s: float) -> float:
    """How often a holder renews a lease of `ttl_s`."""
    return ttl_s / BEATS_PER_TTL


def _info(row: SiteLeaseRow, now: datetime, me: str | None) -> LeaseInfo:
    ttl_s = max((row.expires_at - row.heartbeat_at).total_seconds(), 0.0)
    late = (now - row.heartbeat_at).total_seconds() > SILENT_BEATS * heartbeat_s(ttl_s) + 1.0
    return LeaseInfo(row.holder, row.host, row.pid, row.acquired_at, row.heartbeat_at, row.expires_at,
                     row.expires_at > now, row.holder == me, silent=row.expires_at > now and late)


def no_service_since(ctx: ServiceContext, info: LeaseInfo | None) -> str | None:
    """Site-local 'HH:MM' of the last heartbeat when no live service holds the site (the lease is
    silent or expired), None while one serves or when none ever did."""
    if info is None or info.serving:
        return None
    return ctx.site_clock.local(info.heartbeat_at).strftime("%H:%M")


def lease_name(zone: str = "") -> str:
    """The lease row of a zone: 'dispatcher' for the site's own (the only one of a site without zones),
    'dispatcher:<zone>' for each zone of an estate (issue 15: one `serve --zone` process and its standby each)."""
    return f"{LEASE_NAME}:{zone}" if zone else LEASE_NAME


def current_lease(ctx: ServiceContext, me: str | None = None, zone: str = "") -> LeaseInfo | None:
    """The lease row as it stands (None when nobody ever held it)."""
    with ctx.read() as s:
        row = s.get(SiteLeaseRow, lease_name(zone))
        return _info(row, ctx.clock(), me) if row is not None else None


def zone_leases(ctx: ServiceContext) -> dict[str, LeaseInfo]:
    """zone -> its lease, for every zone that ever had a service ("" = the site's own)."""
    with ctx.read() as s:
        rows = s.execute(select(SiteLeaseRow).where(
            (SiteLeaseRow.name == LEASE_NAME) | SiteLeaseRow.name.like(f"{LEASE_NAME}:%"))).scalars().all()
        now = ctx.clock()
        return {row.name.partition(":")[2]: _info(row, now, None) for row in rows}


def active_lease(ctx: ServiceContext) -> LeaseInfo | None:
    """The site's own lease when a process holds it, else an active zone's (an estate whose zones are served
    while the site's own `serve` is not), else the site's own lease as it stands (None when never held)."""
    zones = zone_leases(ctx)
    site = zones.get("")
    if site is not None and site.active:
        return site
    return next((info for _zone, info in sorted(zones.items()) if info.active), site)


HELD_KEY = "site_lease"  # ServiceContext.extras: the SiteLease this process holds


def holds_site_lease(ctx: ServiceContext) -> bool:
    """True while this process holds the site lease (acquired and not lost since): only then may it send a
    credit or download frame (design §2, §8; issue 11)."""
    lease = ctx.extras.get(HELD_KEY)
    return isinstance(lease, SiteLease) and lease.held


class SiteLease:
    """This process's claim on the site lease. `acquire()` once, then `start_heartbeat()`."""

    def __init__(self, ctx: ServiceContext, *, ttl_s: float = DEFAULT_TTL_S, holder: str | None = None,
                 zone: str = "", whole_site: bool = False) -> None:
        self.ctx = ctx
        self.ttl_s = ttl_s
        self.zone = zone
        self.name = lease_name(zone)
        # A process about to talk to every gateway (poll, control or a delivery run from a workstation while
        # no service runs) also needs every zone's lease free: an estate's zone services own their buses.
        self.whole_site = whole_site and not zone
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
        """Take the lease when free, expired or already ours; True when held afterwards (the context then
        knows this process holds it: see `holds_site_lease`)."""
        held = self._attempt() is True
        if held:
            self.ctx.extras[HELD_KEY] = self
        return held

    def _attempt(self) -> bool | None:
        """True: held; False: another holder has it; None: the database could not be asked."""
        now = self.ctx.clock()
        try:
            with self.ctx.transaction() as s:
                q = select(SiteLeaseRow).where(SiteLeaseRow.name == self.name)
                if s.get_bind().dialect.name == "postgresql":
                    q = q.with_for_update()
                row = s.execute(q).scalar_one_or_none()
                expires = now + timedelta(seconds=self.ttl_s)
                if self.whole_site and s.execute(select(SiteLeaseRow.name).where(
                        SiteLeaseRow.name.like(f"{LEASE_NAME}:%"), SiteLeaseRow.holder != self.holder,
                        SiteLeaseRow.expires_at > now).limit(1)).first() is not None:
                    self._held = False
                    return False
                if row is None:
                    s.add(SiteLeaseRow(name=self.name, holder=self.holder, host=self.host, pid=self.pid,
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
                row = s.get(SiteLeaseRow, self.name)
                if row is not None and row.holder == self.holder:
                    s.delete(row)
        except Exception:  # noqa: BLE001 - best effort: it expires anyway
            log.exception("releasing the site lease")
        self._held = False
        if self.ctx.extras.get(HELD_KEY) is self:
            del self.ctx.extras[HELD_KEY]

    def start_heartbeat(self, on_lost: Callable[[], None] | None = None) -> None:
        """Renew every ttl/6 in a thread; call on_lost() once if the lease is lost."""
        if self._thread is not None:
            return
        self._stop.clear()

        def beat() -> None:
            while not self._stop.wait(heartbeat_s(self.ttl_s)):
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
        return current_lease(self.ctx, self.holder, self.zone)


class LeaseService:
    """The lease as the GUI status bar shows it, and who runs the site service."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.RUN_SERVICE)
    def start_service(self, actor: Actor, command: str) -> None:
        """`serve` and `poll` run as a named operator holding the run-service right (the 'service' role or an
        administrator); each start is logged with the operator, host and process."""
        from acrel_console.services import audit

        with self.ctx.transaction() as s:
            audit.append(s, actor, "service.start", command,
                         after={"host": socket.gethostname()[:100], "pid": os.getpid()}, at=self.ctx.clock())

    @requires(Permission.VIEW)
    def current(self, actor: Actor) -> LeaseInfo | None:
        return current_lease(self.ctx)

    @requires(Permission.VIEW)
    def zones(self, actor: Actor) -> dict[str, LeaseInfo]:
        """Every zone's lease (an estate's several `serve`; "" = the site's own), for the status bar."""
        return zone_leases(self.ctx)

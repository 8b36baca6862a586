"""The one site clock: "now" and "today" in the site's time zone (site setting 'timezone'), never the machine's.

Every date shown, every default date range, every day/month/year boundary, receipt, log line, export cell
and file name, SMS text and meter clock comparison takes its time from here. The machine's own zone
(TZ, /etc/localtime) matters nowhere: `datetime.now()` without a zone, `date.today()`, `astimezone()`
without an argument and `QDate.currentDate()` are not used in the product (tests/test_one_clock.py).

`SiteClock` reads the zone from the settings once and keeps it (a change in Settings replaces it at once;
another workstation's change is picked up by `refresh()`, which the worker-side callers make). Reading the
cached zone does no I/O, so the GUI thread may ask for "today" and format times.
"""

from __future__ import annotations

import threading
import time as _time
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Shanghai"
REFRESH_S = 60.0  # how old the cached zone may get before a worker-side caller re-reads it


def zone_or_default(name: str | None) -> ZoneInfo:
    """The IANA zone `name`, or the default zone when it is empty or unknown (never raises)."""
    try:
        return ZoneInfo(str(name or DEFAULT_ZONE))
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def is_zone_name(name: str) -> bool:
    """Whether `name` is a time zone this machine knows (e.g. 'Asia/Shanghai')."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return bool(name)


def utc(at: datetime) -> datetime:
    """An aware UTC instant; a naive value is taken as UTC (how the database hands some back)."""
    return at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at.astimezone(timezone.utc)


def local_in(at: datetime, zone: tzinfo) -> datetime:
    """An instant as aware wall time in `zone` (naive input is UTC)."""
    return utc(at).astimezone(zone)


def text_in(at: datetime | None, zone: tzinfo, *, seconds: bool = True, empty: str = "") -> str:
    """'YYYY-MM-DD HH:MM[:SS]' of an instant in `zone`; `empty` for None."""
    if at is None:
        return empty
    return local_in(at, zone).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def day_start_in(day: date, zone: tzinfo) -> datetime:
    """The UTC instant at which the site-local `day` begins."""
    return datetime.combine(day, time.min, zone).astimezone(timezone.utc)


def _system_utc_now() -> datetime:
    return datetime.now(timezone.utc)


class SiteClock:
    """Now, today and local times of the site. `utc_now` is the service clock (injected in tests);
    `zone_loader` reads the 'timezone' setting (I/O: called only on first use and on `refresh`)."""

    def __init__(self, utc_now: Callable[[], datetime] = _system_utc_now,
                 zone_loader: Callable[[], str] | None = None, zone: str | None = None) -> None:
        self._utc_now = utc_now
        self._loader = zone_loader
        self._lock = threading.Lock()
        self._zone: ZoneInfo | None = zone_or_default(zone) if zone is not None else None
        self._loaded_at = _time.monotonic() if zone is not None else 0.0

    # -- the zone ------------------------------------------------------------------------------------
    @property
    def zone(self) -> ZoneInfo:
        """The site's zone (loaded once; no I/O afterwards)."""
        zone = self._zone
        if zone is None:
            return self.refresh()
        return zone

    @property
    def zone_name(self) -> str:
        return self.zone.key

    def set_zone(self, name: str) -> None:
        """Use `name` from now on (Settings changed it in this process)."""
        with self._lock:
            self._zone, self._loaded_at = zone_or_default(name), _time.monotonic()

    def refresh(self, max_age_s: float = 0.0) -> ZoneInfo:
        """Re-read the zone from the settings when the cached one is older than `max_age_s` (worker side)."""
        with self._lock:
            fresh = self._zone is not None and _time.monotonic() - self._loaded_at < max_age_s
            if not fresh or self._zone is None:
                name = self._loader() if self._loader is not None else DEFAULT_ZONE
                self._zone, self._loaded_at = zone_or_default(name), _time.monotonic()
            assert self._zone is not None
            return self._zone

    def refreshed(self) -> SiteClock:
        """Self, with the zone re-read if it is older than REFRESH_S (services call this per operation)."""
        self.refresh(REFRESH_S)
        return self

    # -- now and today -------------------------------------------------------------------------------
    def now(self) -> datetime:
        """Now, as an aware UTC instant (what is stored)."""
        return utc(self._utc_now())

    def local_now(self) -> datetime:
        """Now as aware wall time in the site's zone."""
        return self.now().astimezone(self.zone)

    def today(self) -> date:
        """The site's date now."""
        return self.local_now().date()

    def wall_now(self) -> datetime:
        """Now as naive site-local wall time, to the second (what a meter's clock keeps)."""
        return self.local_now().replace(tzinfo=None, microsecond=0)

    # -- conversions ---------------------------------------------------------------------------------
    def local(self, at: datetime) -> datetime:
        """An instant as aware site-local time."""
        return local_in(at, self.zone)

    def naive_local(self, at: datetime) -> datetime:
        """An instant as naive site-local wall time (meter clocks, spreadsheet cells)."""
        return self.local(at).replace(tzinfo=None)

    def text(self, at: datetime | None, *, seconds: bool = True, empty: str = "") -> str:
        """'YYYY-MM-DD HH:MM[:SS]' in the site's zone."""
        return text_in(at, self.zone, seconds=seconds, empty=empty)

    def day_start(self, day: date) -> datetime:
        """The UTC instant at which the site-local `day` begins."""
        return day_start_in(day, self.zone)

    def day_range(self, first: date, last: date) -> tuple[datetime, datetime]:
        """[start of `first`, start of the day after `last`) as UTC instants."""
        return self.day_start(first), self.day_start(last + timedelta(days=1))

    def stamp(self) -> str:
        """'YYYYMMDD-HHMM' of the site's now, for file names."""
        return self.local_now().strftime("%Y%m%d-%H%M")

"""Simulator clocks: a fake clock stepped by tests and the real wall clock (naive site-local time)."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

EPOCH = datetime(2000, 1, 1)
SITE_ZONE = "Asia/Shanghai"  # a meter keeps the site's local time, whatever zone the machine is in


def site_wall_now(zone: str = SITE_ZONE) -> datetime:
    """Now as naive wall time in `zone` (never the machine's own zone)."""
    return datetime.now(ZoneInfo(zone)).replace(tzinfo=None)


def to_ms(at: datetime) -> int:
    """Milliseconds since 2000-01-01 00:00 of a naive local datetime."""
    return (at.replace(tzinfo=None) - EPOCH) // timedelta(milliseconds=1)


def from_ms(ms: int) -> datetime:
    """Inverse of `to_ms`."""
    return EPOCH + timedelta(milliseconds=ms)


class Clock(Protocol):
    """Where simulated meters get the time from (naive local time, as a meter's RTC)."""

    def now_ms(self) -> int: ...


class RealClock:
    """The wall clock in the site's zone (demo and `acrel-console simulate`), as a meter on site keeps it."""

    def __init__(self, zone: str = SITE_ZONE) -> None:
        self.zone = zone

    def now_ms(self) -> int:
        return to_ms(site_wall_now(self.zone))


class FakeClock:
    """A clock that only moves when told to (`advance`); thread-safe."""

    def __init__(self, start: datetime = datetime(2026, 3, 2, 9, 0, 0)) -> None:
        self._ms = to_ms(start)
        self._lock = threading.Lock()

    def now_ms(self) -> int:
        with self._lock:
            return self._ms

    def now(self) -> datetime:
        return from_ms(self.now_ms())

    def advance(self, seconds: float) -> None:
        """Move forward by `seconds` (>= 0)."""
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        with self._lock:
            self._ms += round(seconds * 1000)


class ScaledClock:
    """Wall-clock time running `speed` times faster from now (demo: watch balances fall)."""

    def __init__(self, speed: float = 1.0, start: datetime | None = None, zone: str = SITE_ZONE) -> None:
        import time

        if speed <= 0:
            raise ValueError("speed must be positive")
        self._time = time.monotonic
        self._speed = speed
        self._t0 = time.monotonic()
        self._ms0 = to_ms(start if start is not None else site_wall_now(zone))

    def now_ms(self) -> int:
        return self._ms0 + round((self._time() - self._t0) * 1000 * self._speed)

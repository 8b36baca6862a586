"""Simulator clocks: a fake clock stepped by tests and the real wall clock (naive site-local time)."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Protocol

EPOCH = datetime(2000, 1, 1)


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
    """The machine's local wall clock (demo and `acrel-console simulate`)."""

    def now_ms(self) -> int:
        return to_ms(datetime.now())


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

    def __init__(self, speed: float = 1.0, start: datetime | None = None) -> None:
        import time

        if speed <= 0:
            raise ValueError("speed must be positive")
        self._time = time.monotonic
        self._speed = speed
        self._t0 = time.monotonic()
        self._ms0 = to_ms(start if start is not None else datetime.now())

    def now_ms(self) -> int:
        return self._ms0 + round((self._time() - self._t0) * 1000 * self._speed)

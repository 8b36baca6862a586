"""Immutable values the poller publishes to listeners (the GUI bridges them to a queued Qt signal)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from acrel_console.services.bus_health import BusHealth
from acrel_console.services.meter_views import MeterLive


@dataclass(frozen=True, slots=True)
class PollSettings:
    """The site settings the poller follows; re-read while running (no restart needed)."""

    status_interval_s: int = 180  # the promise: every meter's status at least this often
    history_interval_s: int = 1800
    timezone: str = "Asia/Shanghai"
    status_cycle_s: int = 10  # the pace: status sweeps start at most this often (back to back on long buses)

    @property
    def sweep_every_s(self) -> int:
        """How often a status sweep is started: the pace, never slower than the promise."""
        return max(1, min(self.status_cycle_s, self.status_interval_s))

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True, slots=True)
class SweepResult:
    """What one sweep (or one chunk of it, or one command's read-back) changed on one bus.

    kind: "status" | "history" | "command". `complete` is False for the intermediate chunks of a
    long sweep (published so the grid updates while the sweep runs). `changed` holds the fresh live
    values of every meter attempted; `transitions` the (meter id, "offline"|"online") changes.
    """

    gateway_id: int
    gateway: str
    kind: str
    complete: bool
    started_at: datetime
    duration_s: float
    attempted: int
    succeeded: int
    failed: int
    skipped: int
    changed: tuple[MeterLive, ...]
    transitions: tuple[tuple[int, str], ...]
    health: BusHealth | None
    error: str = ""


Listener = Callable[[SweepResult], None]

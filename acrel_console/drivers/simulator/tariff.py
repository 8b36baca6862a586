"""A simple time-of-use schedule mapping minute-of-day to tariff period 尖 峰 平 谷 (0..3)."""

from __future__ import annotations

from dataclasses import dataclass

SPIKE, PEAK, FLAT, VALLEY = 0, 1, 2, 3
PERIOD_NAMES = ("spike", "peak", "flat", "valley")
DAY_MS = 86_400_000
MINUTE_MS = 60_000


@dataclass(frozen=True, slots=True)
class TouSchedule:
    """Switch points (minute of day, period) sorted by minute; the first must be at minute 0."""

    points: tuple[tuple[int, int], ...]

    def __post_init__(self) -> None:
        if not self.points or self.points[0][0] != 0:
            raise ValueError("a TOU schedule starts at minute 0")
        minutes = [m for m, _ in self.points]
        if minutes != sorted(set(minutes)) or minutes[-1] >= 1440:
            raise ValueError("TOU switch minutes must be increasing and < 1440")
        if any(p not in (SPIKE, PEAK, FLAT, VALLEY) for _, p in self.points):
            raise ValueError("TOU period must be 0..3")

    def period_at(self, local_ms: int) -> int:
        """Tariff period in force at `local_ms` (ms since 2000-01-01, meter local time)."""
        minute = (local_ms % DAY_MS) // MINUTE_MS
        current = self.points[0][1]
        for start, period in self.points:
            if start <= minute:
                current = period
            else:
                break
        return current

    def next_switch_ms(self, local_ms: int) -> int:
        """The first switch point strictly after `local_ms` (possibly next midnight)."""
        day_start = local_ms - local_ms % DAY_MS
        for start, _ in self.points:
            at = day_start + start * MINUTE_MS
            if at > local_ms:
                return at
        return day_start + DAY_MS


# valley 23-07, flat 07-08 and 21-23, peak 08-10 and 11-19, spike 10-11 and 19-21
DEFAULT_SCHEDULE = TouSchedule(
    points=(
        (0, VALLEY),
        (7 * 60, FLAT),
        (8 * 60, PEAK),
        (10 * 60, SPIKE),
        (11 * 60, PEAK),
        (19 * 60, SPIKE),
        (21 * 60, FLAT),
        (23 * 60, VALLEY),
    )
)

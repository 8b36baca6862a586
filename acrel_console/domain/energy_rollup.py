"""Hourly and daily energy roll-ups of history readings: the pure rule shared by the poller's store (as
readings arrive), the schema upgrade that fills them for readings stored before, and the benchmark.

A reading adds (its counters - the previous reading's) to the site-local day and hour of the new reading.
A counter unknown on either side adds nothing; one that went backwards (meter replaced or cleared) adds
nothing and counts as a reset. The hours of a day therefore sum to its total energy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

COUNTERS = ("energy_total", "energy_p1", "energy_p2", "energy_p3", "energy_p4")  # 0.01 kWh, total 尖 峰 平 谷

Counters = Sequence[int | None]


def step(previous: Counters | None, current: Counters) -> tuple[list[int], bool]:
    """Energy each counter added since the previous reading, and whether a counter went backwards."""
    added = [0] * len(current)
    reset = False
    if previous is None:
        return added, reset
    for i, (a, b) in enumerate(zip(previous, current)):
        if a is None or b is None:
            continue
        if b < a:
            reset = True
            continue
        added[i] = b - a
    return added, reset


def site_hour(at: datetime, zone: tzinfo) -> tuple[date, int]:
    """The site-local day and hour (0-23) of an instant."""
    local = at.astimezone(zone)
    return local.date(), local.hour


@dataclass(slots=True)
class DayTotals:
    """One meter's roll-up of one site-local day."""

    meter_id: int
    day: date
    energy: list[int] = field(default_factory=lambda: [0] * len(COUNTERS))
    hours: list[int] = field(default_factory=lambda: [0] * 24)
    readings: int = 0
    resets: int = 0
    end_total: int | None = None
    end_remaining_fen: int | None = None
    last_read_at: datetime | None = None

    def add(self, at: datetime, hour: int, added: list[int], reset: bool, total: int | None,
            remaining_fen: int | None) -> None:
        """Count one reading of this day."""
        for i, v in enumerate(added):
            self.energy[i] += v
        self.hours[hour] += added[0]
        self.readings += 1
        self.resets += reset
        self.end_total, self.end_remaining_fen, self.last_read_at = total, remaining_fen, at


Reading = tuple[int, datetime, Counters, int | None]  # meter id, read at (aware), counters, remaining fen


def roll_up(readings: Iterable[Reading], zone: tzinfo,
            previous: dict[int, Counters] | None = None) -> Iterator[DayTotals]:
    """Day roll-ups of readings ordered by meter, then time; `previous` holds each meter's counters before
    the first reading given (updated as it goes). Yields each meter-day once it is complete."""
    last: dict[int, Counters] = previous if previous is not None else {}
    current: DayTotals | None = None
    for meter_id, at, counters, remaining in readings:
        day, hour = site_hour(at, zone)
        if current is not None and (current.meter_id != meter_id or current.day != day):
            yield current
            current = None
        if current is None:
            current = DayTotals(meter_id, day)
        added, reset = step(last.get(meter_id), counters)
        current.add(at, hour, added, reset, counters[0], remaining)
        last[meter_id] = counters
    if current is not None:
        yield current

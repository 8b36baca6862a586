"""The day-period schedule (时段表) and year-zone table of an Acrel meter as register bytes.

Hardware doc §1.8 [X] S1, S2: a schedule is 14 slots of three bytes [tariff, minute, hour] (21
registers); the year-zone table is 4 zones of [schedule, day, month] (6 registers). Project decisions
(also in the profiles and the simulator): tariff numbers 1 尖, 2 峰, 3 平, 4 谷; slots after the last
switch point repeat it; the console writes one zone from 1 January using schedule 1, so every day of
the year follows the schedule it downloads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

SLOT_BYTES = 3
ZONE_BYTES = 3
MINUTES_PER_DAY = 1440


class ScheduleError(ValueError):
    """A schedule that cannot be written: empty, too long, not starting at 00:00, not ascending, bad period."""


@dataclass(frozen=True, slots=True)
class TouTable:
    """What a meter answers: its year zones [(schedule, day, month)] and schedule 1 [(start minute, period 0..3)]."""

    zones: tuple[tuple[int, int, int], ...]
    schedule: tuple[tuple[int, int], ...]

    def follows(self, schedule: Sequence[tuple[int, int]]) -> bool:
        """True when every day of the year runs `schedule` (one zone from 1 January on schedule 1)."""
        return self.zones[:1] == ((1, 1, 1),) and all(z == (0, 0, 0) for z in self.zones[1:]) and \
            self.schedule == tuple((int(a), int(b)) for a, b in schedule)


def check_schedule(schedule: Sequence[tuple[int, int]], slots: int) -> tuple[tuple[int, int], ...]:
    """The schedule as (start minute, period 0..3) pairs, checked: 1..slots periods from 00:00, ascending."""
    points = tuple((int(start), int(period)) for start, period in schedule)
    starts = [s for s, _p in points]
    if not 1 <= len(points) <= slots:
        raise ScheduleError(f"a day schedule has 1..{slots} periods, not {len(points)}")
    if starts[0] != 0 or starts != sorted(set(starts)) or starts[-1] >= MINUTES_PER_DAY:
        raise ScheduleError("periods start at 00:00 and ascend within the day")
    if any(not 0 <= p <= 3 for _s, p in points):
        raise ScheduleError("a period is 0..3 (尖 峰 平 谷)")
    return points


def encode_schedule(schedule: Sequence[tuple[int, int]], slots: int) -> bytes:
    """`slots` x [tariff 1..4, minute, hour]; unused slots repeat the last switch point."""
    points = check_schedule(schedule, slots)
    cells = [bytes((period + 1, start % 60, start // 60)) for start, period in points]
    cells += [cells[-1]] * (slots - len(cells))
    return b"".join(cells)


def decode_schedule(data: bytes) -> tuple[tuple[int, int], ...]:
    """The switch points of a schedule's bytes: slots up to the first that does not start later than the one
    before (a repeat); a slot with a tariff outside 1..4 or a bad time ends it too."""
    points: list[tuple[int, int]] = []
    for i in range(0, len(data) - len(data) % SLOT_BYTES, SLOT_BYTES):
        tariff, minute, hour = data[i], data[i + 1], data[i + 2]
        if not 1 <= tariff <= 4 or minute >= 60 or hour >= 24:
            break
        start = hour * 60 + minute
        if points and start <= points[-1][0]:
            break
        points.append((start, tariff - 1))
    return tuple(points)


def encode_zones(zones: int) -> bytes:
    """One zone from 1 January on schedule 1, the other `zones - 1` empty."""
    return bytes((1, 1, 1)) + bytes(ZONE_BYTES * (zones - 1))


def decode_zones(data: bytes) -> tuple[tuple[int, int, int], ...]:
    return tuple((data[i], data[i + 1], data[i + 2]) for i in range(0, len(data) - len(data) % ZONE_BYTES, ZONE_BYTES))


def registers_for(nbytes: int) -> int:
    """Registers holding `nbytes` bytes (an odd byte count is padded with a zero byte)."""
    return (nbytes + 1) // 2


def padded(data: bytes) -> list[int]:
    """Bytes as big-endian register values, a zero byte added to an odd count."""
    if len(data) % 2:
        data += b"\x00"
    return [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2)]

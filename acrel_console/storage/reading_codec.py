"""The packed form of one meter's raw history readings of one UTC day (a row of meter_reading_days).

A year of 30-minute readings of 2,000 meters is 35 M readings; one row each cost ~111 bytes in SQLite (the
text timestamp twice, in the row and in the (meter, time) index). Packed a day per row, a reading costs
~15 bytes: its time and each value are stored as the difference from the previous reading of the day,
zigzag-encoded in LEB128 varints (counters grow by a little between readings, so a difference is 1-2 bytes).

Layout: a version byte (1), then per reading, oldest first:
  presence byte — bit i set when VALUES[i] was read (a reading that did not read a register stores None);
  flags byte    — relay_closed in bits 0-1 and forced in bits 2-3, each 0 = not read, 1 = no, 2 = yes;
  varint        — milliseconds since the previous reading (the first: since 00:00 UTC of the day);
  varint each   — for each value present, zigzag(value - the value's last present value of the day, or 0).
Times are kept to the millisecond: two readings of one meter at the same millisecond are one reading (the
first kept) — the same sweep's results persisted twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

VERSION = 1
VALUES = ("energy_total", "energy_p1", "energy_p2", "energy_p3", "energy_p4", "remaining_fen",
          "purchase_count", "power_w")  # energy 0.01 kWh (total 尖 峰 平 谷), money fen, power W
MS_PER_DAY = 86_400_000


@dataclass(frozen=True, slots=True)
class StoredReading:
    """One stored history reading (集抄): energy in 0.01 kWh, money in fen, power in W; None where not read."""

    read_at: datetime  # aware UTC, whole milliseconds
    energy_total: int | None = None
    energy_p1: int | None = None  # 尖 spike
    energy_p2: int | None = None  # 峰 peak
    energy_p3: int | None = None  # 平 flat
    energy_p4: int | None = None  # 谷 valley
    remaining_fen: int | None = None
    purchase_count: int | None = None
    power_w: int | None = None  # total active power
    relay_closed: bool | None = None  # every channel closed (合闸状态)
    forced: bool | None = None  # force control on (强制模式)

    def values(self) -> tuple[int | None, ...]:
        return tuple(getattr(self, name) for name in VALUES)

    @classmethod
    def of(cls, read_at: datetime, v: list[int | None], relay_closed: bool | None,
           forced: bool | None) -> StoredReading:
        """From the VALUES in their order."""
        return cls(read_at, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], relay_closed, forced)


def stored_time(at: datetime) -> datetime:
    """An instant as stored: aware UTC, to the millisecond."""
    if at.tzinfo is None:
        raise ValueError("a reading time must be aware")
    return at.astimezone(timezone.utc).replace(microsecond=at.microsecond // 1000 * 1000)


def day_of(at: datetime) -> date:
    """The UTC day whose row holds a reading taken at `at`."""
    return at.astimezone(timezone.utc).date()


def day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=timezone.utc)


def _tri(value: bool | None) -> int:
    return 0 if value is None else (2 if value else 1)


def _untri(code: int) -> bool | None:
    return None if code == 0 else code == 2


def _varint(out: bytearray, n: int) -> None:
    while n > 0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


def encode(day: date, readings: list[StoredReading]) -> bytes:
    """Pack the readings of one UTC day (sorted by time, one per millisecond, all within the day)."""
    out = bytearray((VERSION,))
    base = day_start(day)
    last_t = 0
    last = [0] * len(VALUES)
    for r in readings:
        t = (r.read_at - base) // timedelta(milliseconds=1)
        if not 0 <= t < MS_PER_DAY or t < last_t or (t == last_t and len(out) > 1):
            raise ValueError(f"reading at {r.read_at.isoformat()} out of order for day {day.isoformat()}")
        values = r.values()
        mask = 0
        for i, v in enumerate(values):
            if v is not None:
                mask |= 1 << i
        out.append(mask)
        out.append(_tri(r.relay_closed) | _tri(r.forced) << 2)
        _varint(out, t - last_t)
        last_t = t
        for i, v in enumerate(values):
            if v is not None:
                d = int(v) - last[i]
                _varint(out, (d << 1) if d >= 0 else ((-d << 1) - 1))
                last[i] = int(v)
    return bytes(out)


def decode(day: date, blob: bytes) -> list[StoredReading]:
    """The readings packed by `encode`, oldest first."""
    if not blob:
        return []
    if blob[0] != VERSION:
        raise ValueError(f"unknown reading pack version {blob[0]}")
    base = day_start(day)
    out: list[StoredReading] = []
    last = [0] * len(VALUES)
    t = 0
    pos, end = 1, len(blob)
    n_values = len(VALUES)
    while pos < end:
        mask, flags = blob[pos], blob[pos + 1]
        pos += 2
        fields: list[int] = []
        for _ in range(1 + bin(mask).count("1")):
            n = shift = 0
            while True:
                b = blob[pos]
                pos += 1
                n |= (b & 0x7F) << shift
                if b < 0x80:
                    break
                shift += 7
            fields.append(n)
        t += fields[0]
        values: list[int | None] = [None] * n_values
        k = 1
        for i in range(n_values):
            if mask >> i & 1:
                z = fields[k]
                k += 1
                last[i] += (z >> 1) if not z & 1 else -((z + 1) >> 1)
                values[i] = last[i]
        out.append(StoredReading.of(base + timedelta(milliseconds=t), values, _untri(flags & 3),
                                    _untri(flags >> 2 & 3)))
    return out


def merge(existing: list[StoredReading], new: list[StoredReading]) -> tuple[list[StoredReading], list[StoredReading]]:
    """The day's readings with `new` added, oldest first, and which of `new` were added: a reading at a
    millisecond already stored (by the day or earlier in `new`) is the same reading again and is left out."""
    seen = {r.read_at for r in existing}
    added = []
    for r in new:
        if r.read_at not in seen:
            seen.add(r.read_at)
            added.append(r)
    if not added:
        return existing, []
    if (not existing or added[0].read_at > existing[-1].read_at) and _sorted(added):
        return existing + added, added
    return sorted(existing + added, key=lambda r: r.read_at), added


def _sorted(readings: list[StoredReading]) -> bool:
    return all(a.read_at < b.read_at for a, b in zip(readings, readings[1:]))

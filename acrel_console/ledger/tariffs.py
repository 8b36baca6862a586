"""Tariffs as pure values (design §6): flat 一表一价, time-of-use 尖峰平谷 (4 prices, up to 14 day periods),
tiered 阶梯 (up to 5 tiers per month or year); interval billing and the arrears-trip rule.

Prices are integer 0.0001 yuan/kWh, energy integer 0.01 kWh, money integer fen (domain.money).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal
from typing import Any

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.domain.money import yuan_to_fen
from acrel_console.domain.timewindows import Window, in_any

KINDS = ("flat", "tou", "tiered")
PERIOD_NAMES = ("尖", "峰", "平", "谷")
MAX_PERIODS = 14
MAX_TIERS = 5
MAX_PRICE_UNITS = 999_999  # 99.9999 yuan/kWh


@dataclass(frozen=True, slots=True)
class TariffBody:
    """One tariff version's content.

    prices: 尖 峰 平 谷 in 0.0001 yuan/kWh (flat: four equal prices).
    schedule: (start minute of the day, price index 0..3), ascending, first at 0 (TOU; flat uses 平).
    tiers: (upper bound of the tier in 0.01 kWh per tier period, or None for the last; price units).
    tier_period: 'month' or 'year' (tiered only).
    """

    kind: str
    prices: tuple[int, int, int, int]
    schedule: tuple[tuple[int, int], ...] = ((0, 2),)
    tiers: tuple[tuple[int | None, int], ...] = ()
    tier_period: str = "month"

    def period_at(self, at_local: time) -> int:
        """The TOU period (0..3: 尖 峰 平 谷) in force at a site-local wall time (the day-period schedule)."""
        minute = at_local.hour * 60 + at_local.minute
        index = self.schedule[0][1]
        for start, idx in self.schedule:
            if minute >= start:
                index = idx
        return index

    def price_at(self, at_local: time) -> int:
        """The TOU price in force at a site-local wall time."""
        return self.prices[self.period_at(at_local)]

    def max_price(self) -> int:
        """The highest price the tariff can charge (bounds the unbooked consumption check)."""
        return max([*self.prices, *(p for _u, p in self.tiers)])


def flat(price_units: int) -> TariffBody:
    return validate(TariffBody("flat", (price_units,) * 4))


def validate(body: TariffBody) -> TariffBody:
    """Check a tariff body; ValidationError with a clear message otherwise."""
    if body.kind not in KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A tariff is flat, tou or tiered."), field="kind")
    if len(body.prices) != 4 or any(not 0 < p <= MAX_PRICE_UNITS for p in body.prices):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Four prices above zero and at most 99.9999 yuan/kWh."),
                              field="prices")
    if body.kind == "flat" and len(set(body.prices)) != 1:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A flat tariff has one price."), field="prices")
    sched = body.schedule
    if not 1 <= len(sched) <= MAX_PERIODS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A day has 1 to {n} periods."), field="schedule",
                              n=MAX_PERIODS)
    starts = [s for s, _i in sched]
    if starts[0] != 0 or starts != sorted(set(starts)) or starts[-1] >= 1440 or any(not 0 <= i <= 3 for _s, i in sched):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Periods start at 00:00, ascend within the day and name 尖, 峰, 平 or 谷."), field="schedule")
    if body.kind == "tiered":
        if not 1 <= len(body.tiers) <= MAX_TIERS or body.tier_period not in ("month", "year"):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A tiered tariff has 1 to {n} tiers per month or per year."), field="tiers", n=MAX_TIERS)
        bounds = [u for u, _p in body.tiers]
        if bounds[-1] is not None or any(u is None or u <= 0 for u in bounds[:-1]) or \
                bounds[:-1] != sorted(set(b for b in bounds[:-1] if b is not None)):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Tier limits ascend and the last tier is open-ended."), field="tiers")
        if any(not 0 < p <= MAX_PRICE_UNITS for _u, p in body.tiers):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Tier prices are above zero."), field="tiers")
    return body


def parse_hhmm(text: str) -> int:
    hh, mm = text.strip().split(":")
    return int(hh) * 60 + int(mm)


def to_json(body: TariffBody) -> str:
    return json.dumps({"kind": body.kind, "prices": list(body.prices), "schedule": [list(x) for x in body.schedule],
                       "tiers": [list(x) for x in body.tiers], "tier_period": body.tier_period},
                      sort_keys=True, separators=(",", ":"))


def from_json(text: str) -> TariffBody:
    d: dict[str, Any] = json.loads(text)
    return TariffBody(d["kind"], tuple(d["prices"]), tuple((int(a), int(b)) for a, b in d["schedule"]),
                      tuple((None if u is None else int(u), int(p)) for u, p in d.get("tiers", [])),
                      d.get("tier_period", "month"))


@dataclass(frozen=True, slots=True)
class IntervalBill:
    """The cost of one interval and how it was priced."""

    energy_centi_kwh: int
    cost_fen: int
    by_tier_centi_kwh: tuple[int, ...] = ()


def exact_to_fen(exact_units_x_centi: int) -> int:
    # energy (0.01 kWh) x price (0.0001 yuan/kWh) = 1e-6 yuan; round once, by the one rule.
    return yuan_to_fen(Decimal(exact_units_x_centi) / Decimal(10**6))


def tiered_exact(body: TariffBody, energy_centi_kwh: int, used_before_centi_kwh: int) -> tuple[int, tuple[int, ...]]:
    """Energy priced across the tiers after what was already used in the tier period: (exact cost in
    0.01 kWh x 0.0001 yuan/kWh units, energy per tier). Not rounded: callers round once."""
    remaining, pos, exact, split = energy_centi_kwh, used_before_centi_kwh, 0, []
    for upper, price in body.tiers:
        take = remaining if upper is None else max(0, min(remaining, upper - pos))
        exact += take * price
        split.append(take)
        remaining -= take
        pos += take
    return exact, tuple(split)


def bill_interval(body: TariffBody, energy_centi_kwh: int, at_local: datetime, *,
                  by_period_centi_kwh: tuple[int, int, int, int] | None = None,
                  used_in_tier_period_centi_kwh: int = 0) -> IntervalBill:
    """Cost of an interval's energy. TOU uses the meter's per-period energy when given, else the price
    in force at the interval's end; tiered splits the energy over the tiers from what the tenant already
    used in the tier period (month/year). Rounded once (ROUND_HALF_UP, design §4)."""
    if energy_centi_kwh < 0:
        raise ValueError("energy went backwards; the caller re-bases instead of billing")
    if body.kind == "tiered":
        exact, split = tiered_exact(body, energy_centi_kwh, used_in_tier_period_centi_kwh)
        return IntervalBill(energy_centi_kwh, exact_to_fen(exact), split)
    if body.kind == "tou" and by_period_centi_kwh is not None:
        exact = sum(e * p for e, p in zip(by_period_centi_kwh, body.prices))
        return IntervalBill(sum(by_period_centi_kwh), exact_to_fen(exact))
    return IntervalBill(energy_centi_kwh, exact_to_fen(energy_centi_kwh * body.price_at(at_local.time())))


def arrears_trip(balance_fen: int, nonpositive_reads_before: int, at_local: time,
                 no_trip: tuple[Window, ...]) -> tuple[bool, int]:
    """Design §6 rule for console-side meters: (trip now?, streak after this fresh read). A trip needs two
    consecutive fresh reads at or below zero and never happens inside a no-trip window."""
    streak = nonpositive_reads_before + 1 if balance_fen <= 0 else 0
    return streak >= 2 and not in_any(no_trip, at_local), streak


def download_prices(body: TariffBody, used_in_tier_period_centi_kwh: int = 0) -> tuple[int, int, int, int]:
    """The four prices a meter-side meter gets: TOU/flat as they are; tiered: the current tier's price
    in all four registers (design §6: the next tier's price is downloaded at the boundary)."""
    if body.kind != "tiered":
        return body.prices
    for upper, price in body.tiers:
        if upper is None or used_in_tier_period_centi_kwh < upper:
            return (price,) * 4
    return (body.tiers[-1][1],) * 4

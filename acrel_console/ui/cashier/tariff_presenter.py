"""The tariff form without Qt: texts typed by the operator -> a validated TariffBody (flat, TOU, tiered)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from acrel_console.domain.amount_input import parse_decimal
from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.domain.money import price_to_units, units_to_price
from acrel_console.services import tariffs as tariff_service
from acrel_console.services.tariffs import TariffBody

# What a meter keeps (ACREL-3200-UX "Tariffs"): up to 14 day periods; up to 5 tiers.
MAX_PERIODS = 14
MAX_TIERS = 5


def _validate(body: TariffBody) -> TariffBody:
    """The ledger's own check, reached through the tariff service module (ui does not import ledger)."""
    return tariff_service.tariffs.validate(body)

PRICE_PLACES = Decimal("0.0001")


def parse_price(text: str, field_name: str = "prices") -> int:
    """'0.8500' -> 8500 units of 0.0001 yuan/kWh; at most 4 decimals, above zero."""
    value = parse_decimal(text, places=4, field=field_name).value  # the one grammar: commas etc. say why
    if value <= 0:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "'{text}' is not a price: yuan/kWh above zero with at most 4 decimals."), field=field_name,
            text=text.strip())
    return price_to_units(value)


def parse_hhmm(text: str) -> int:
    try:
        hh, mm = text.strip().split(":")
        minute = int(hh) * 60 + int(mm)
        if not (0 <= int(hh) < 24 and 0 <= int(mm) < 60):
            raise ValueError
        return minute
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "'{text}' is not a time of day (HH:MM)."),
                              field="schedule", text=text.strip()) from None


def parse_kwh_limit(text: str) -> int:
    value = parse_decimal(text, places=2, field="tiers").value
    if value <= 0:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "'{text}' is not a tier limit in kWh (above zero)."),
                              field="tiers", text=text.strip())
    return int(value * 100)


@dataclass(frozen=True)
class TariffTexts:
    """kind: flat | tou | tiered. prices: 尖 峰 平 谷 (flat: the first only). schedule: (HH:MM, period index).
    tiers: (upper kWh or '' for the last, price)."""

    name: str
    kind: str
    prices: tuple[str, ...] = ()
    schedule: tuple[tuple[str, int], ...] = ()
    tiers: tuple[tuple[str, str], ...] = ()
    tier_period: str = "month"
    extra: dict[str, str] = field(default_factory=dict)


def tariff_body(t: TariffTexts) -> TariffBody:
    """Raise ValidationError or return the body the tariff service takes."""
    if not t.name.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A tariff needs a name."), field="name")
    if t.kind == "flat":
        p = parse_price(t.prices[0] if t.prices else "")
        return _validate(TariffBody("flat", (p, p, p, p)))
    if t.kind == "tou":
        if len(t.prices) != 4:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Four prices are needed (spike, peak, flat, valley)."),
                                  field="prices")
        prices = tuple(parse_price(p) for p in t.prices)
        rows = [(parse_hhmm(hhmm), idx) for hhmm, idx in t.schedule if hhmm.strip()]
        if not 1 <= len(rows) <= MAX_PERIODS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A day has 1 to {n} periods."), field="schedule",
                                  n=MAX_PERIODS)
        return _validate(TariffBody("tou", prices, tuple(sorted(rows))))  # type: ignore[arg-type]
    if t.kind == "tiered":
        rows = [(u, p) for u, p in t.tiers if u.strip() or p.strip()]
        if not 1 <= len(rows) <= MAX_TIERS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A tiered tariff has 1 to {n} tiers per month or per year."), field="tiers", n=MAX_TIERS)
        tiers = tuple((None if i == len(rows) - 1 else parse_kwh_limit(u), parse_price(p, "tiers"))
                      for i, (u, p) in enumerate(rows))
        first = tiers[0][1]
        return _validate(TariffBody("tiered", (first, first, first, first), tier_period=t.tier_period,
                                           tiers=tiers))
    raise ValidationError(QT_TRANSLATE_NOOP("errors", "A tariff is flat, tou or tiered."), field="kind")


def price_text(units: int) -> str:
    return f"{units_to_price(units):.4f}"


def describe(body: TariffBody) -> str:
    """Prices in one line (yuan/kWh, 4 decimals)."""
    if body.kind == "flat":
        return price_text(body.prices[0])
    if body.kind == "tou":
        return " / ".join(price_text(p) for p in body.prices)
    return " / ".join(price_text(p) for _u, p in body.tiers)

"""Checking what the operator typed in the price and alarm dialogs (Qt-free, tested as a table).

Prices: yuan/kWh with at most 4 decimals; amounts: yuan with at most 2 decimals; alarm 1 > alarm 2 >= 0;
overload power in kW with at most 2 decimals (the meter counts 10 W steps). The service checks again.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from acrel_console.domain.amount_input import normalise, parse_decimal
from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.domain.money import yuan_to_fen

MAX_PRICE = Decimal("99.9999")
MAX_AMOUNT = Decimal("99999999.99")
MAX_POWER_KW = Decimal("9999.99")

PRICE_LABELS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("meters", "Spike price (尖)"),
    QT_TRANSLATE_NOOP("meters", "Peak price (峰)"),
    QT_TRANSLATE_NOOP("meters", "Flat price (平)"),
    QT_TRANSLATE_NOOP("meters", "Valley price (谷)"),
)
ALARM1_LABEL = QT_TRANSLATE_NOOP("meters", "Alarm 1 amount (yuan)")
ALARM2_LABEL = QT_TRANSLATE_NOOP("meters", "Alarm 2 amount (yuan)")
POWER_LABEL = QT_TRANSLATE_NOOP("meters", "Overload power (kW)")


def decimal_field(text: str, field: str, label: str, places: int, maximum: Decimal) -> Decimal:
    """A non-negative decimal with at most `places` decimals (the one grammar), or a ValidationError naming the field."""
    if not normalise(text or ""):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label} is required."), field=field, label=label)
    value = parse_decimal(text, places=places, field=field).value
    if value > maximum:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label} may be at most {maximum}."), field=field,
                              label=label, maximum=str(maximum))
    return value


def price_params(texts: list[str]) -> dict[str, Any]:
    """Four prices (尖 峰 平 谷) -> the service's params {'prices_yuan': [Decimal x4]}."""
    prices = [decimal_field(t, f"price{i}", PRICE_LABELS[i], 4, MAX_PRICE) for i, t in enumerate(texts)]
    return {"prices_yuan": prices}


def alarm_params(alarm1: str, alarm2: str) -> dict[str, Any]:
    """报警设置: both alarm amounts, alarm 1 > alarm 2 >= 0."""
    if not (alarm1.strip() or alarm2.strip()):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label} is required."), field="alarm1", label=ALARM1_LABEL)
    return settings_params(alarm1, alarm2, "")


def power_params(power_kw: str) -> dict[str, Any]:
    """功率阈值设置: the overload power alone."""
    if not power_kw.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label} is required."), field="power", label=POWER_LABEL)
    return settings_params("", "", power_kw)


def settings_params(alarm1: str, alarm2: str, power_kw: str) -> dict[str, Any]:
    """Alarm amounts (both or neither) and/or overload power -> the service's params."""
    out: dict[str, Any] = {}
    if alarm1.strip() or alarm2.strip():
        a1 = decimal_field(alarm1, "alarm1", ALARM1_LABEL, 2, MAX_AMOUNT)
        a2 = decimal_field(alarm2, "alarm2", ALARM2_LABEL, 2, MAX_AMOUNT)
        if not a1 > a2:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Alarm 1 must be greater than alarm 2."),
                                  field="alarm1")
        out["alarm1_fen"], out["alarm2_fen"] = yuan_to_fen(a1), yuan_to_fen(a2)
    if power_kw.strip():
        kw = decimal_field(power_kw, "power", POWER_LABEL, 2, MAX_POWER_KW)
        if kw <= 0:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label} must be more than zero."), field="power",
                                  label=POWER_LABEL)
        out["overload_power_w"] = int(kw * 1000)
    if not out:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter the alarm amounts, the overload power, or both."),
                              field="alarm1")
    return out


def reason_text(text: str) -> str:
    reason = (text or "").strip()
    if not reason:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label} is required."), field="reason",
                              label=QT_TRANSLATE_NOOP("meters", "Reason"))
    return reason

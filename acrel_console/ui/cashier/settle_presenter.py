"""Final readings typed at 销户 / removing a meter / 换表, checked without Qt: remaining yuan (may be read or entered
for a dead meter), optional total energy in kWh."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError, ValidationError
from acrel_console.domain.money import parse_yuan
from acrel_console.services.accounts import FinalReading


@dataclass(frozen=True, slots=True)
class FinalTexts:
    meter_id: int
    remaining: str
    energy_kwh: str = ""
    entered: bool = False  # the meter is dead: the operator typed the values (logged as such)


def final_reading(t: FinalTexts) -> FinalReading:
    try:
        remaining = parse_yuan(t.remaining) if t.remaining.strip() else None
    except UserError as err:
        raise ValidationError(err.template, field=f"remaining_{t.meter_id}", **err.params) from None
    if remaining is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter the remaining amount of meter {id}."),
                              field=f"remaining_{t.meter_id}", id=t.meter_id)
    energy = None
    if t.energy_kwh.strip():
        try:
            kwh = Decimal(t.energy_kwh.strip())
        except InvalidOperation:
            kwh = Decimal("NaN")
        if not kwh.is_finite() or kwh < 0 or kwh != kwh.quantize(Decimal("0.01")):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "'{text}' is not an energy reading in kWh."),
                                  field=f"remaining_{t.meter_id}", text=t.energy_kwh.strip())
        energy = int(kwh * 100)
    return FinalReading(remaining, energy, "entered" if t.entered else "read")

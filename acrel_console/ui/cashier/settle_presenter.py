"""Final readings typed at 销户 / removing a meter / 换表, checked without Qt: remaining yuan (may be read or entered
for a dead meter), optional total energy in kWh."""

from __future__ import annotations

from dataclasses import dataclass

from acrel_console.domain.amount_input import parse_decimal
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
        remaining = parse_yuan(t.remaining, field=f"remaining_{t.meter_id}") if t.remaining.strip() else None
    except UserError as err:
        raise ValidationError(err.template, field=f"remaining_{t.meter_id}", **err.params) from None
    if remaining is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter the remaining amount of meter {id}."),
                              field=f"remaining_{t.meter_id}", id=t.meter_id)
    energy = None
    if t.energy_kwh.strip():
        kwh = parse_decimal(t.energy_kwh, places=2, field=f"remaining_{t.meter_id}").value  # the one grammar
        energy = int(kwh * 100)
    return FinalReading(remaining, energy, "entered" if t.entered else "read")

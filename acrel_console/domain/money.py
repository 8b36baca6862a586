"""Money (yuan as Decimal, fen as int at rest), prices and energy units; the one rounding rule."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError

FEN = Decimal("0.01")
PRICE_QUANTUM = Decimal("0.0001")  # prices: yuan/kWh with 4 decimals; at rest in 0.0001 yuan/kWh
ENERGY_QUANTUM = Decimal("0.01")  # energy: kWh with 2 decimals; at rest in 0.01 kWh
ROUNDING = ROUND_HALF_UP  # design §4: the one rounding mode unless a tariff says otherwise
MAX_AMOUNT_FEN = 2**31 - 1  # meters carry amounts as INT32 fen


def round_money(value: Decimal, rounding: str = ROUNDING) -> Decimal:
    """Round a yuan amount to whole fen. The only place money is rounded."""
    return value.quantize(FEN, rounding=rounding)


def parse_yuan(text: str | Decimal | int, *, negative: bool = True, field: str = "amount") -> Decimal:
    """Yuan from typed text (through domain.amount_input, the one grammar) or from a Decimal/int in code."""
    if isinstance(text, float):  # pragma: no cover - a programming error, not user input
        raise TypeError("money is never float")
    if isinstance(text, str):
        from acrel_console.domain.amount_input import parse_amount  # amount_input reads this module's bound

        return parse_amount(text, negative=negative, field=field).value
    value = Decimal(text)
    if not value.is_finite():
        raise UserError(QT_TRANSLATE_NOOP("errors", "'{text}' is not an amount of money."), text=str(text))
    if value != value.quantize(FEN):
        raise UserError(QT_TRANSLATE_NOOP("errors", "An amount has at most two decimals (fen): {text}."), text=str(text))
    if abs(value) * 100 > MAX_AMOUNT_FEN:
        raise UserError(QT_TRANSLATE_NOOP("errors", "The amount {text} is too large."), text=str(text))
    if value < 0 and not negative:
        raise UserError(QT_TRANSLATE_NOOP("errors", "'{text}': the amount cannot be negative."), text=str(text))
    return value.quantize(FEN)


def yuan_to_fen(value: Decimal) -> int:
    """Yuan (Decimal) to integer fen, rounding by the one rule."""
    return int(round_money(value) * 100)


def fen_to_yuan(fen: int) -> Decimal:
    """Integer fen to yuan as a Decimal with two places."""
    return (Decimal(fen) / 100).quantize(FEN)


def format_yuan(fen: int | None) -> str:
    """Display form of an amount in fen: '1,234.50'; '—' when unknown."""
    if fen is None:
        return "—"
    return f"{fen_to_yuan(fen):,.2f}"


def price_to_units(price_yuan_per_kwh: Decimal) -> int:
    """Price in yuan/kWh to integer 0.0001 yuan/kWh."""
    return int(price_yuan_per_kwh.quantize(PRICE_QUANTUM, rounding=ROUNDING) * 10000)


def units_to_price(units: int) -> Decimal:
    """Integer 0.0001 yuan/kWh to a Decimal price in yuan/kWh."""
    return (Decimal(units) / 10000).quantize(PRICE_QUANTUM)


def energy_to_kwh(centi_kwh: int) -> Decimal:
    """Integer 0.01 kWh to a Decimal kWh."""
    return (Decimal(centi_kwh) / 100).quantize(ENERGY_QUANTUM)


def kwh_to_energy(kwh: Decimal) -> int:
    """Decimal kWh to integer 0.01 kWh."""
    return int(kwh.quantize(ENERGY_QUANTUM, rounding=ROUNDING) * 100)


def cost_fen(energy_centi_kwh: int, price_units: int) -> int:
    """Cost in fen of an energy (0.01 kWh) at a price (0.0001 yuan/kWh), rounded once."""
    exact = Decimal(energy_centi_kwh) * Decimal(price_units) / Decimal(10**6)  # yuan
    return yuan_to_fen(exact)

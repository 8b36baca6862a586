"""The one parser of typed amounts (yuan, prices, kWh) for every entry point: GUI, CLI, imports, portal.

The grammar is deliberately narrow, because a cashier's '1,50' must never become 150.00 yuan:

    [-] digits [ . digits ]        ASCII after normalising; at most `places` digits after the dot

- Normalising (NFKC) turns full-width digits, dot and minus (１００．５０) into ASCII; the ideographic
  full stop '。' (what a Chinese input method types for '.') is also read as the dot. The normalised text
  is returned so a form can show what was understood.
- Refused, each with its own translatable message: empty text, text longer than MAX_INPUT_CHARS,
  commas (thousands or decimal: both are ambiguous), exponents ('1e3'), NaN and infinities, any sign
  where the caller did not allow a negative ('+' is never accepted), more decimal places than allowed,
  digits of other scripts, spaces inside the number, and amounts beyond the caller's maximum.

API (everything else is internal):
    parse_amount(text, *, negative=False, field="amount") -> ParsedAmount   # yuan, 2 places, fen range
    parse_decimal(text, *, places, negative=False, maximum=None, field=...) -> ParsedAmount
    normalise(text) -> str                 # the folded, stripped text that parse_* reads
    partial_state(text, *, places=2, negative=False) -> "acceptable" | "intermediate" | "invalid"
        (how a half-typed text stands, for live hints while the user is still typing)
    AmountError: a ValidationError (translatable template + params, .field)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.domain.money import MAX_AMOUNT_FEN

MAX_INPUT_CHARS = 24  # INT32 fen is 11 characters as yuan; anything much longer is a paste accident
_EXTRA_DOTS = {"\u3002": ".", "\uff61": "."}  # 。 and halfwidth ｡ typed by Chinese input methods
_NUMBER = re.compile(r"(-?)([0-9]+)(?:\.([0-9]+))?", re.ASCII)
_SHOWN_CHARS = 32  # how much of a refused text an error message repeats

PartialState = Literal["acceptable", "intermediate", "invalid"]


class AmountError(ValidationError):
    """A typed amount does not follow the grammar; the template says which rule (translatable)."""


@dataclass(frozen=True, slots=True)
class ParsedAmount:
    """A checked amount: `value` quantized to the allowed places, `text` the normalised input."""

    value: Decimal
    text: str

    @property
    def fen(self) -> int:
        """The value in integer fen (only meaningful for yuan amounts, which have at most 2 places)."""
        return int(self.value.scaleb(2))


def fold(text: str) -> str:
    """Full-width and compatibility forms to ASCII (NFKC) and '。' to '.'; whitespace kept (for typing)."""
    folded = unicodedata.normalize("NFKC", text)
    for odd, dot in _EXTRA_DOTS.items():
        folded = folded.replace(odd, dot)
    return folded


def normalise(text: str) -> str:
    """The text as parsed: folded (see fold) and stripped of surrounding whitespace."""
    return fold(text).strip()


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS] + "…"


def _why_not(text: str) -> str:
    """The message for a text that is not of the grammar, as specific as the text allows."""
    lowered = text.lower()
    if "," in text:
        return QT_TRANSLATE_NOOP("errors", "'{text}': use a dot for decimals and no thousands separators "
                                           "(for example 1234.50).")
    if lowered.lstrip("+-") in ("nan", "snan", "inf", "infinity") or "e" in lowered:
        return QT_TRANSLATE_NOOP("errors", "'{text}' is not an amount: write plain digits with a dot "
                                           "(for example 100.50).")
    if text.startswith("+"):
        return QT_TRANSLATE_NOOP("errors", "'{text}': write the amount without a sign.")
    return QT_TRANSLATE_NOOP("errors", "'{text}' is not an amount: write plain digits with a dot "
                                       "(for example 100.50).")


def parse_decimal(text: str, *, places: int, negative: bool = False, maximum: Decimal | None = None,
                  field: str = "amount") -> ParsedAmount:
    """Parse a typed decimal with at most `places` decimals; AmountError (translatable) otherwise.

    `negative` allows a leading '-'; `maximum` bounds the absolute value (inclusive).
    """
    if not isinstance(text, str):  # a programming error: floats and the like never reach here
        raise TypeError(f"typed amounts are text, not {type(text).__name__}")
    if len(text) > MAX_INPUT_CHARS * 4:  # refuse before normalising a huge paste
        raise AmountError(QT_TRANSLATE_NOOP("errors", "The amount is too long ({count} characters)."),
                          field=field, count=len(text))
    clean = normalise(text)
    if not clean:
        raise AmountError(QT_TRANSLATE_NOOP("errors", "Enter an amount."), field=field)
    if len(clean) > MAX_INPUT_CHARS:
        raise AmountError(QT_TRANSLATE_NOOP("errors", "The amount is too long ({count} characters)."),
                          field=field, count=len(clean))
    match = _NUMBER.fullmatch(clean)
    if match is None:
        raise AmountError(_why_not(clean), field=field, text=_shown(clean))
    sign, whole, fraction = match.groups()
    if sign and not negative:
        raise AmountError(QT_TRANSLATE_NOOP("errors", "'{text}': the amount cannot be negative."),
                          field=field, text=clean)
    if fraction is not None and len(fraction) > places:
        if places == 2:
            raise AmountError(QT_TRANSLATE_NOOP("errors", "An amount has at most two decimals (fen): {text}."),
                              field=field, text=clean)
        raise AmountError(QT_TRANSLATE_NOOP("errors", "'{text}' has more than {places} decimals."),
                          field=field, text=clean, places=places)
    try:
        value = Decimal(clean).quantize(Decimal(1).scaleb(-places))
    except InvalidOperation:  # pragma: no cover - the grammar above leaves nothing Decimal refuses
        raise AmountError(_why_not(clean), field=field, text=_shown(clean)) from None
    if maximum is not None and abs(value) > maximum:
        raise AmountError(QT_TRANSLATE_NOOP("errors", "The amount {text} is too large."), field=field, text=clean)
    return ParsedAmount(value, clean)


def parse_amount(text: str, *, negative: bool = False, field: str = "amount") -> ParsedAmount:
    """Parse typed yuan: at most two decimals, within what a meter can carry (INT32 fen)."""
    return parse_decimal(text, places=2, negative=negative, maximum=Decimal(MAX_AMOUNT_FEN).scaleb(-2), field=field)


def partial_state(text: str, *, places: int = 2, negative: bool = False) -> PartialState:
    """How a half-typed text stands: a QValidator maps this to Acceptable / Intermediate / Invalid."""
    clean = normalise(text)
    if len(clean) > MAX_INPUT_CHARS:
        return "invalid"
    if clean in ("", "-" if negative else "") or re.fullmatch(r"-?[0-9]+\.", clean, re.ASCII):
        return "intermediate" if (negative or not clean.startswith("-")) else "invalid"
    try:
        parse_decimal(text, places=places, negative=negative)
    except AmountError:
        return "invalid"
    return "acceptable"

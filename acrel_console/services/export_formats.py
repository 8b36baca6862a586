"""Column kinds of the .xlsx export: number formats, exact cell text, display widths (CJK double)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, tzinfo
from decimal import Decimal
from enum import Enum
from typing import Final

# Characters XML 1.0 forbids (openpyxl refuses them); replaced rather than failing a whole export.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MAX_CELL_CHARS: Final = 32767  # Excel's limit for one cell


class ColumnKind(str, Enum):
    """What a column holds and therefore how its values arrive and are shown."""

    TEXT = "text"  # str (anything else is str()-ed); never interpreted as a formula
    YUAN = "yuan"  # int fen -> yuan with 2 decimals
    KWH = "kwh"  # int 0.01 kWh -> kWh with 2 decimals
    INT = "int"  # int
    DATE = "date"  # datetime.date
    DATETIME = "datetime"  # datetime.datetime (aware ones are shown in the table's time zone)
    PERCENT = "percent"  # a fraction as Decimal/int/float: Decimal("0.125") shows 12.50%


NUMBER_FORMATS: Final[dict[ColumnKind, str]] = {
    ColumnKind.TEXT: "@",
    ColumnKind.YUAN: "#,##0.00",
    ColumnKind.KWH: "#,##0.00",
    ColumnKind.INT: "0",
    ColumnKind.DATE: "yyyy-mm-dd",
    ColumnKind.DATETIME: "yyyy-mm-dd hh:mm:ss",
    ColumnKind.PERCENT: "0.00%",
}

TOTALLABLE: Final = frozenset({ColumnKind.YUAN, ColumnKind.KWH, ColumnKind.INT})
_SCALED: Final = frozenset({ColumnKind.YUAN, ColumnKind.KWH})  # integer hundredths at rest


def display_width(text: str) -> int:
    """Width in Excel character units: East Asian wide/full-width characters count double."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def clean_text(value: object) -> str:
    """A value as cell text: str()-ed, XML-illegal control characters dropped, cut to Excel's limit."""
    text = value if isinstance(value, str) else str(value)
    if not text.isprintable():
        text = _ILLEGAL_XML.sub("", text)
    return text[:MAX_CELL_CHARS]


def hundredths_text(units: int) -> str:
    """Exact decimal text of an integer count of hundredths: 99994 -> '999.94', -5 -> '-0.05'.

    Written into the cell's <v> as-is: openpyxl would format Decimal/float with '%.16g', which
    turns 999.94 into '999.9400000000001'.
    """
    if type(units) is not int:  # bool, float, Decimal: a caller bug, never silently rounded
        raise TypeError(f"expected int hundredths (fen or 0.01 kWh), got {type(units).__name__}: {units!r}")
    sign = "-" if units < 0 else ""
    whole, frac = divmod(abs(units), 100)
    return f"{sign}{whole}.{frac:02d}"


def int_text(value: int) -> str:
    """Exact text of an integer cell."""
    if type(value) is not int:
        raise TypeError(f"expected int, got {type(value).__name__}: {value!r}")
    return str(value)


def percent_text(value: Decimal | int | float) -> str:
    """Exact text of a fraction (0.125 = 12.5 %)."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, float)):
        raise TypeError(f"expected a fraction (Decimal, int or float), got {type(value).__name__}: {value!r}")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite fraction: {value!r}")
        return format(value, "f")
    return repr(value)  # shortest round-trip text of a float


def naive_local(value: datetime, zone: tzinfo | None) -> datetime:
    """A datetime as Excel can hold it (no tzinfo): aware values are moved to `zone` first."""
    if value.tzinfo is None:
        return value
    if zone is None:
        raise ValueError("an aware datetime needs TableSpec.time_zone to be shown in site time")
    return value.astimezone(zone).replace(tzinfo=None)


def sample_width(kind: ColumnKind, value: object) -> int:
    """How wide a value of this kind shows, for sizing columns from the first rows."""
    if value is None:
        return 0
    if kind is ColumnKind.TEXT:
        return display_width(str(value))
    if kind in _SCALED and type(value) is int:
        whole = abs(value) // 100
        return len(f"{whole:,}") + 3 + (1 if value < 0 else 0)
    if kind is ColumnKind.INT and type(value) is int:
        return len(str(value))
    if kind is ColumnKind.DATE:
        return 10
    if kind is ColumnKind.DATETIME:
        return 19
    if kind is ColumnKind.PERCENT:
        return 8
    return display_width(str(value))


def is_date_value(value: object) -> bool:
    """True for a date that is not a datetime."""
    return isinstance(value, date) and not isinstance(value, datetime)

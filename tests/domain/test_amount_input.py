"""The one amount parser (issue 11 item 5): a table of accepted and refused texts, fen, normalised text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from acrel_console.domain.amount_input import (MAX_INPUT_CHARS, AmountError, normalise, parse_amount, parse_decimal,
                                               partial_state)
from acrel_console.domain.money import parse_yuan

ACCEPTED = [
    ("100", "100.00", "100"), ("100.5", "100.50", "100.5"), ("0.01", "0.01", "0.01"), (" 7.20 ", "7.20", "7.20"),
    ("１００．５０", "100.50", "100.50"),  # full-width digits and dot
    ("１２。５", "12.50", "12.5"),  # the Chinese input method's full stop
    ("\u3000８\u3000", "8.00", "8"),  # ideographic spaces around
    ("007", "7.00", "007"), ("21474836.47", "21474836.47", "21474836.47"),
]
REFUSED = [
    ("1,50", "decimals"), ("0,5", "decimals"), ("1,000.00", "decimals"), ("１，５", "decimals"),
    ("1e30", "plain digits"), ("1E3", "plain digits"), ("NaN", "plain digits"), ("-Infinity", "plain digits"),
    ("inf", "plain digits"), ("sNaN", "plain digits"),
    ("-5", "negative"), ("－5", "negative"), ("+5", "without a sign"),
    ("", "Enter an amount"), ("   ", "Enter an amount"),
    ("1.234", "two decimals"), ("1 000", "plain digits"), ("١٢", "plain digits"),  # Arabic-Indic digits
    (".5", "plain digits"), ("5.", "plain digits"), ("0x10", "plain digits"), ("1_000", "plain digits"),
    ("21474836.48", "too large"), ("9" * (MAX_INPUT_CHARS + 1), "too long"), ("1" * 10_000, "too long"),
]


@pytest.mark.parametrize(("text", "value", "normalised"), ACCEPTED)
def test_accepted(text: str, value: str, normalised: str) -> None:
    parsed = parse_amount(text)
    assert parsed.value == Decimal(value) and str(parsed.value) == value
    assert parsed.text == normalised == normalise(text)
    assert parsed.fen == int(Decimal(value) * 100)


@pytest.mark.parametrize(("text", "why"), REFUSED)
def test_refused_with_a_translatable_reason(text: str, why: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount(text, field="credit")
    err = info.value
    assert why in err.english() and err.field == "credit"
    assert len(err.english()) < 200  # a huge paste is not echoed back whole


def test_negative_only_where_allowed() -> None:
    assert parse_amount("-12.30", negative=True).value == Decimal("-12.30")
    assert parse_amount("－１", negative=True).text == "-1"
    with pytest.raises(AmountError):
        parse_amount("+1", negative=True)


def test_other_places_prices_and_energy() -> None:
    assert parse_decimal("0.8512", places=4).value == Decimal("0.8512")
    with pytest.raises(AmountError, match="more than 4 decimals"):
        parse_decimal("0.85123", places=4)
    with pytest.raises(AmountError, match="too large"):
        parse_decimal("101", places=4, maximum=Decimal(100))


def test_parse_yuan_uses_the_grammar_for_text() -> None:
    """The old helper stripped commas: '1,50' was 150.00. Now it is refused like everywhere else."""
    with pytest.raises(AmountError):
        parse_yuan("1,50")
    with pytest.raises(AmountError):
        parse_yuan("1e30")
    assert parse_yuan(Decimal("2.5")) == Decimal("2.50")


def test_partial_state_while_typing() -> None:
    assert partial_state("") == "intermediate" and partial_state("12.") == "intermediate"
    assert partial_state("12.5") == "acceptable" and partial_state("1,5") == "invalid"
    assert partial_state("-") == "invalid" and partial_state("-", negative=True) == "intermediate"


def test_floats_are_a_programming_error() -> None:
    with pytest.raises(TypeError):
        parse_decimal(1.5, places=2)  # type: ignore[arg-type]

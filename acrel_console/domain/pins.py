"""Tenant PINs (用户查询密码): what a PIN may be. Pure rules; hashing and lockout live in services.

A PIN is 6 to 12 digits (typed on a phone's number pad or the kiosk's on-screen keypad). Five wrong
tries lock the account for a while, so a PIN only has to resist guessing; the rule refuses the PINs
people guess first: one digit repeated and straight runs (123456, 987654).
"""

from __future__ import annotations

import secrets

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError

PIN_MIN_DIGITS = 6
PIN_MAX_DIGITS = 12


def _is_run(pin: str) -> bool:
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:])}
    return steps in ({1}, {9})


def check_pin(pin: str) -> str:
    """Return the PIN if acceptable, else raise ValidationError (field 'pin') saying why."""
    if not (pin.isascii() and pin.isdigit()) or not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A PIN is {minimum} to {maximum} digits."), field="pin",
                              minimum=PIN_MIN_DIGITS, maximum=PIN_MAX_DIGITS)
    if len(set(pin)) == 1 or _is_run(pin):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "This PIN is too easy to guess (one digit repeated, or a run like 123456)."), field="pin")
    return pin


def generate_pin(digits: int = PIN_MIN_DIGITS) -> str:
    """A random PIN of `digits` digits that passes check_pin (the counter's default: 6 digits)."""
    while True:
        pin = f"{secrets.randbelow(10**digits):0{digits}d}"
        try:
            return check_pin(pin)
        except ValidationError:
            continue

"""Live checks for operator names and new passwords (the same rules the operator service enforces)."""

from __future__ import annotations

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.services.operators import MIN_PASSWORD_LENGTH


def check_name(name: str) -> None:
    name = name.strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "An operator name is 1-64 characters without spaces."),
                              field="name")


def check_new_password(password: str, again: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A password has at least {n} characters."),
                              field="password", n=MIN_PASSWORD_LENGTH)
    if password != again:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The two passwords are not the same."), field="again")

"""User-facing errors carrying a translatable English template and its parameters."""

from __future__ import annotations

from typing import Any


def tr_noop(context: str, text: str) -> str:
    """Mark a string for translation without translating it (lupdate reads QT_TRANSLATE_NOOP)."""
    return text


QT_TRANSLATE_NOOP = tr_noop


class UserError(Exception):
    """An error a user caused or must act on. `template` is English; the UI/CLI translate it.

    Raise with a template marked by QT_TRANSLATE_NOOP("errors", ...) so lupdate extracts it.
    """

    context = "errors"

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.english())

    def english(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template


class PermissionDenied(UserError):
    """The signed-in operator's role does not allow the operation."""


class NotFound(UserError):
    """A named or numbered thing does not exist."""


class ValidationError(UserError):
    """Input does not satisfy a rule; `field` names what is wrong when known."""

    def __init__(self, template: str, field: str | None = None, **params: Any) -> None:
        self.field = field
        super().__init__(template, **params)


class ConflictError(UserError):
    """The operation collides with existing state (duplicate, busy meter, stale data)."""

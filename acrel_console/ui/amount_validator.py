"""The QValidator of every typed-amount field: folds full-width input to ASCII as it is typed, caps the length.

It never refuses a keystroke of a malformed amount: a comma swallowed at the keyboard would turn '1,50'
silently into '150', and an Intermediate state would make Enter do nothing without a word. Malformed text
stays visible and the form's check (domain.amount_input, the one parser) says why on submit; only text
past amount_input.MAX_INPUT_CHARS is refused outright.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit

from acrel_console.domain.amount_input import MAX_INPUT_CHARS, fold


class AmountValidator(QValidator):
    """Folds １００．５ to 100.5 while typing; Invalid only past MAX_INPUT_CHARS."""

    def validate(self, text: str, pos: int) -> object:  # Qt's (State, str, int) tuple
        folded = fold(text)
        if folded != text and len(folded) == len(text):  # one-for-one folds only, so the cursor stays put
            text = folded
        if len(text.strip()) > MAX_INPUT_CHARS:
            return QValidator.State.Invalid, text, pos
        return QValidator.State.Acceptable, text, pos


def attach(edit: QLineEdit) -> QLineEdit:
    """Put an AmountValidator on `edit`; the form's check parses the text with domain.amount_input."""
    edit.setValidator(AmountValidator(edit))
    edit.setMaxLength(MAX_INPUT_CHARS + 8)  # room for surrounding spaces; the validator bounds the number
    return edit

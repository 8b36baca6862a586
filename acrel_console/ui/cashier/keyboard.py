"""Enter confirms a form dialog: OK becomes the dialog's default button once it sits in the dialog.

FormDialog calls setDefault(True) before the button has the dialog as an ancestor, so Qt may pick Cancel
as the default instead (seen offscreen: Enter cancelled the dialog), and focus moving through check
boxes moves the default too. Our form dialogs derive from KeyFormDialog: Enter is OK unless a button
has the focus; Esc cancels.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QLineEdit

from acrel_console.ui.form_dialog import FormDialog


def enter_confirms(dialog: Any) -> None:
    dialog.cancel_button.setAutoDefault(False)
    dialog.cancel_button.setDefault(False)
    dialog.ok_button.setAutoDefault(True)
    dialog.ok_button.setDefault(True)


class KeyFormDialog(FormDialog):
    """A FormDialog whose Enter means OK (validated first), wherever the focus is, unless a button has it."""

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        enter_confirms(self)
        if not getattr(self, "_enter_wired", False):
            self._enter_wired = True
            for edit in self.findChildren(QLineEdit):
                edit.returnPressed.connect(self.accept)  # accept() ignores a second call while busy
        super().showEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() and \
                not isinstance(self.focusWidget(), QAbstractButton):
            event.accept()
            self.accept()
            return
        super().keyPressEvent(event)

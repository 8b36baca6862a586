"""Enter confirms a form dialog: kept for the dialogs that import it; FormDialog itself now behaves so.

Every FormDialog makes OK its default button once shown and takes Enter as OK (validated first) unless a
button has the focus; Esc cancels (ui/form_dialog.py). KeyFormDialog adds: Enter in any line edit submits
too, even where a child widget would otherwise keep the key.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit

from acrel_console.ui.form_dialog import FormDialog, enter_confirms

__all__ = ["KeyFormDialog", "enter_confirms"]


class KeyFormDialog(FormDialog):
    """A FormDialog whose line edits also submit on returnPressed."""

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if not getattr(self, "_enter_wired", False):
            self._enter_wired = True
            for edit in self.findChildren(QLineEdit):
                edit.returnPressed.connect(self.accept)  # accept() ignores a second call while busy
        super().showEvent(event)

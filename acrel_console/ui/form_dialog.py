"""A dialog whose form validates as you type: message under the field, OK disabled while invalid.

Subclasses add rows with `add_field`, implement `values()` (the raw field values), `check(values)`
(raise ValidationError, typically by calling the service's own validator) and `submit(values)` (the
service call, run off the GUI thread). A service error after OK is shown under its field too.

Keys: Enter is OK (checked first) wherever the focus is, unless a button has it; Esc is Cancel. OK is made
the default button only once the dialog is shown: set before the button sat in the dialog, Qt could take
Cancel as the default, and Enter in 新增操作员 or 修改密码 closed the dialog without saving.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from acrel_console.domain.errors import UserError, ValidationError
from acrel_console.ui.context import UiContext
from acrel_console.ui.messages import error_message
from acrel_console.ui.tasks import TaskFailure, TaskRunner
from acrel_console.ui.theme import Theme


def error_label() -> QLabel:
    """A wrapped label in the theme's error colour, hidden until it has text."""
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName("fieldError")
    palette = label.palette()
    palette.setColor(label.foregroundRole(), Theme.role("error"))
    label.setPalette(palette)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def enter_is(ok: QPushButton, cancel: QPushButton | None = None) -> None:
    """`ok` is its dialog's Enter button and `cancel` never becomes it. Call once the buttons sit in the dialog:
    set before, Qt may keep no default and pick the first button it finds when shown (Cancel, in the real window)."""
    if cancel is not None:
        cancel.setAutoDefault(False)
        cancel.setDefault(False)
    ok.setAutoDefault(True)
    ok.setDefault(True)


def enter_confirms(dialog: Any) -> None:
    """OK is the dialog's default button (Enter), Cancel never is."""
    enter_is(dialog.ok_button, dialog.cancel_button)


class FormDialog(QDialog):
    """Base for add/edit dialogs over one service call."""

    submitted = Signal(object)  # the service's result, after a successful OK

    def __init__(self, ui: UiContext | None, title: str, parent: QWidget | None = None, *,
                 tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.ui = ui  # None only before sign-in (first administrator, login)
        runner = tasks if tasks is not None else (ui.tasks if ui is not None else None)
        if runner is None:
            raise ValueError("FormDialog needs a UiContext or a TaskRunner")
        self.tasks: TaskRunner = runner
        self.result_value: Any = None
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._layout.addLayout(self.form)
        self._errors: dict[str, QLabel] = {}
        self._editors: dict[str, QWidget] = {}
        self.general_error = error_label()
        self._layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr("OK"))
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout.addWidget(self.buttons)
        self._busy = False

    def add_heading(self, text: str) -> QLabel:
        """A bold line above the form (sign-in and first start show the product name)."""
        heading = QLabel(text)
        heading.setObjectName("dialogHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self._layout.insertWidget(0, heading)
        return heading

    # --- building the form ----------------------------------------------------------------------
    def add_field(self, key: str, label: str, editor: QWidget, tooltip: str = "") -> QWidget:
        """Add a labelled editor with its own error line below it; edits re-validate."""
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        inner.addWidget(editor)
        err = error_label()
        inner.addWidget(err)
        if tooltip:
            editor.setToolTip(tooltip)
        editor.setObjectName(f"field_{key}")
        self.form.addRow(label, box)
        self._errors[key] = err
        self._editors[key] = editor
        self._connect_changes(editor)
        return box

    def set_field_visible(self, key: str, visible: bool) -> None:
        row = self._editors[key].parentWidget()
        self.form.setRowVisible(row, visible)

    def editor(self, key: str) -> QWidget:
        return self._editors[key]

    def _connect_changes(self, editor: QWidget) -> None:
        if isinstance(editor, QLineEdit):
            editor.textChanged.connect(self.revalidate)
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(self.revalidate)
            if editor.isEditable():
                editor.editTextChanged.connect(self.revalidate)
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(self.revalidate)

    # --- what subclasses provide ----------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def check(self, values: dict[str, Any]) -> None:
        """Raise ValidationError (with .field) when the values are not acceptable."""

    def submit(self, values: dict[str, Any]) -> Any:
        """The service call (runs on a worker thread); its result is emitted as `submitted`."""
        raise NotImplementedError

    # --- behaviour ------------------------------------------------------------------------------
    def revalidate(self) -> bool:
        """Validate the current values; show the message under its field; enable OK only if valid."""
        for label in self._errors.values():
            show_error(label, "")
        show_error(self.general_error, "")
        try:
            self.check(self.values())
        except UserError as err:
            self._show_failure(err)
            self.ok_button.setEnabled(False)
            return False
        self.ok_button.setEnabled(not self._busy)
        return True

    def _show_failure(self, err: UserError) -> None:
        field = (getattr(err, "field", None) or "") if isinstance(err, ValidationError) else ""
        target = self._errors.get(field)
        if target is None or not self.form.isRowVisible(self._editors[field].parentWidget()):
            target = self.general_error
        show_error(target, error_message(err))

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        enter_confirms(self)
        super().showEvent(event)
        self.revalidate()
        focused = self.focusWidget()
        if focused is None or isinstance(focused, QAbstractButton):  # typing starts in the first field
            first = next((e for e in self._editors.values() if e.isVisibleTo(self) and e.isEnabled()), None)
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier) and \
                not isinstance(self.focusWidget(), QAbstractButton):
            event.accept()
            self.accept()  # validated first; an invalid form shows why and stays open
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        if self._busy or not self.revalidate():
            return
        values = self.values()
        self._busy = True
        self.ok_button.setEnabled(False)
        submit: Callable[[], Any] = lambda: self.submit(values)  # noqa: E731
        self.tasks.run(submit, self._submitted, self._failed, owner=self)

    def reject(self) -> None:
        if self._busy:  # the service call is under way: its outcome must reach this dialog
            return
        super().reject()

    def _submitted(self, result: Any) -> None:
        self._busy = False
        self.result_value = result
        self.submitted.emit(result)
        super().accept()

    def _failed(self, failure: TaskFailure) -> None:
        self._busy = False
        if isinstance(failure.error, UserError):
            self._show_failure(failure.error)
        else:
            show_error(self.general_error, failure.message)
        self.ok_button.setEnabled(True)

"""Operators table (操作员管理): create, enable/disable, reset password, assign role (administrators only);
export of the list as shown."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from acrel_console.domain.roles import Permission
from acrel_console.services.export import ColumnKind
from acrel_console.services.operators import OperatorInfo
from acrel_console.services.roles import RoleInfo
from acrel_console.ui.confirm import ask
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import error_label, show_error
from acrel_console.ui.messages import role_label
from acrel_console.ui.operator_dialogs import AddOperatorDialog, ResetPasswordDialog, RoleDialog
from acrel_console.ui.list_export import ListExport
from acrel_console.ui.screen_table import ScreenColumn, table_model
from acrel_console.ui.tasks import TaskFailure


def is_locked(op: OperatorInfo, now: datetime) -> bool:
    return op.locked_until is not None and op.locked_until > now


def toggle_action(op: OperatorInfo, now: datetime) -> str:
    """What the enable/disable button does for this operator: 'enable', 'unlock' or 'disable'."""
    if not op.enabled:
        return "enable"
    return "unlock" if is_locked(op, now) else "disable"


class OperatorsPanel(QWidget):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.dialog: QDialog | None = None
        self.roles: list[RoleInfo] = []  # built-in and custom roles (权限管理), loaded with the operators
        T = ColumnKind.TEXT
        self.columns = (ScreenColumn(self.tr("Login name"), T, lambda o: o.name),
                        ScreenColumn(self.tr("Full name"), T, lambda o: o.full_name),
                        ScreenColumn(self.tr("Role"), T, lambda o: role_label(o.role, o.role_name)),
                        ScreenColumn(self.tr("State"), T, self._state))
        self.model = table_model(self.columns, lambda at: ui.clock.text(at), self)
        self.export = ListExport(self, ui, lambda: self.tr("Operators"), lambda: self.tr("operators"),
                                 lambda: self.columns, self.model.records)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Add operator…"))
        self.toggle_button = QPushButton(self.tr("Disable"))
        self.password_button = QPushButton(self.tr("Reset password…"))
        self.role_button = QPushButton(self.tr("Assign role…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        bar = QHBoxLayout()
        for b in (self.add_button, self.toggle_button, self.password_button, self.role_button, self.refresh_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.export.button)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.view)
        self._allowed = allowed = ui.can(Permission.MANAGE_OPERATORS)
        self.add_button.setEnabled(allowed)
        for b in (self.add_button, self.toggle_button, self.password_button, self.role_button):
            if not allowed:
                b.setToolTip(self.tr("Only administrators manage operators."))
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self._selection_changed()
        self.add_button.clicked.connect(lambda: self._open(AddOperatorDialog(ui, self, self.roles)))
        self.password_button.clicked.connect(self._reset_password)
        self.role_button.clicked.connect(self._assign_role)
        self.toggle_button.clicked.connect(self._toggle)
        self.refresh_button.clicked.connect(self.refresh)

    def _selection_changed(self) -> None:
        op = self.selected()
        chosen = self._allowed and op is not None
        for b in (self.toggle_button, self.password_button, self.role_button):
            b.setEnabled(chosen)
        action = toggle_action(op, self.ui.clock.now()) if op is not None else "disable"
        self.toggle_button.setText({"enable": self.tr("Enable"), "unlock": self.tr("Unlock"),
                                    "disable": self.tr("Disable")}[action])

    def _state(self, o: OperatorInfo) -> str:
        if not o.enabled:
            return self.tr("Disabled")
        if is_locked(o, self.ui.clock.now()):
            return self.tr("Locked until {time}").format(time=self.ui.clock.text(o.locked_until, seconds=False))
        return self.tr("Active")

    def refresh(self) -> None:
        actor, services = self.ui.actor, self.ui.services
        self.ui.tasks.run(lambda: (services.operators.list(actor), services.roles.list_roles(actor)), self._loaded,
                          self._failed, owner=self)

    def _loaded(self, loaded: tuple[list[OperatorInfo], list[RoleInfo]]) -> None:
        operators, self.roles = loaded
        show_error(self.error, "")
        self.model.set_records(operators)

    def _failed(self, failure: TaskFailure) -> None:
        show_error(self.error, failure.message)

    def selected(self) -> OperatorInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self._changed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _changed(self, *_args: object) -> None:
        self.ui.events.operators_changed.emit()
        self.refresh()

    def _reset_password(self) -> None:
        op = self.selected()
        if op is not None:
            self._open(ResetPasswordDialog(self.ui, op, self))

    def _assign_role(self) -> None:
        op = self.selected()
        if op is not None:
            self._open(RoleDialog(self.ui, op, self, self.roles))

    def _toggle(self) -> None:
        op = self.selected()
        if op is None:
            return
        action = toggle_action(op, self.ui.clock.now())
        enable = action != "disable"  # enabling also clears a lock (the service resets it)
        question = {"enable": self.tr("Enable operator {name}?"), "unlock": self.tr("Unlock operator {name}?"),
                    "disable": self.tr("Disable operator {name}?")}[action].format(name=op.name)
        actor = self.ui.actor
        ask(self, self.tr("Operators"), question, lambda: self.ui.tasks.run(
            lambda: self.ui.services.operators.set_enabled(actor, op.name, enable), self._changed, self._failed,
            owner=self))

"""权限管理: the roles (built-in ones read-only, custom ones editable) and the chosen role's permission tree
(角色授权); copy a role, rename or delete a custom one, tick its permissions and save. The service checks
the right and logs every change; assigning a role to an operator is on the Operators tab."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.domain.roles import PERMISSION_GROUPS, PERMISSION_LABELS, Permission
from acrel_console.services.roles import RoleInfo
from acrel_console.ui.confirm import ask
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import FormDialog, error_label, show_error
from acrel_console.ui.messages import role_label
from acrel_console.ui.tasks import TaskFailure

PERMISSION_ROLE = Qt.ItemDataRole.UserRole


def role_text(info: RoleInfo) -> str:
    """A role as the list shows it: a built-in role's translated name marked read-only, a custom role's name."""
    if info.builtin:
        return QCoreApplication.translate("RolesPanel", "{role} (built-in)").format(role=role_label(info.key))
    return info.name


class RoleNameDialog(FormDialog):
    """The name of a copied or renamed role; `submit_name(name)` is the service call."""

    def __init__(self, ui: UiContext, title: str, name: str, submit_name: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, title, parent)
        self._submit_name = submit_name
        self.name = QLineEdit(name)
        self.add_field("name", self.tr("Role name"), self.name)

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text()}

    def check(self, values: dict[str, Any]) -> None:
        if not values["name"].strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A role name is 1-64 characters."), field="name")

    def submit(self, values: dict[str, Any]) -> RoleInfo:
        result: RoleInfo = self._submit_name(values["name"])
        return result


class RolesPanel(QWidget):
    """The role editor."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.roles: list[RoleInfo] = []
        self.dialog: QDialog | Any = None
        self._shown_key = ""
        self._allowed = ui.can(Permission.MANAGE_OPERATORS)
        self.list = QListWidget()
        self.list.setObjectName("rolesList")
        self.list.setMinimumWidth(200)
        self.tree = QTreeWidget()
        self.tree.setObjectName("permissionTree")
        self.tree.setHeaderHidden(True)
        self._items: dict[Permission, QTreeWidgetItem] = {}
        for group, permissions in PERMISSION_GROUPS:
            parent_item = QTreeWidgetItem([QCoreApplication.translate("permissions", group)])
            parent_item.setFlags(parent_item.flags() | Qt.ItemFlag.ItemIsAutoTristate | Qt.ItemFlag.ItemIsUserCheckable)
            self.tree.addTopLevelItem(parent_item)
            for p in permissions:
                item = QTreeWidgetItem([QCoreApplication.translate("permissions", PERMISSION_LABELS[p])])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setData(0, PERMISSION_ROLE, p.value)
                item.setCheckState(0, Qt.CheckState.Unchecked)
                parent_item.addChild(item)
                self._items[p] = item
        self.tree.expandAll()
        self.tree.itemChanged.connect(lambda *_a: self._update_buttons())
        self.note = QLabel()
        self.note.setObjectName("roleNote")
        self.note.setWordWrap(True)
        self.error = error_label()
        self.copy_button = QPushButton(self.tr("Copy…"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.save_button = QPushButton(self.tr("Save permissions"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        bar = QHBoxLayout()
        for b in (self.copy_button, self.rename_button, self.delete_button, self.save_button, self.refresh_button):
            bar.addWidget(b)
        bar.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.note)
        right.addWidget(self.tree, 1)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addLayout(body, 1)
        if not self._allowed:
            for b in (self.copy_button, self.rename_button, self.delete_button, self.save_button):
                b.setToolTip(self.tr("Only operators with the operators right manage roles."))
        self.list.currentRowChanged.connect(lambda _r: self._show_selected())
        self.copy_button.clicked.connect(self.copy_selected)
        self.rename_button.clicked.connect(self.rename_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.save_button.clicked.connect(self.save)
        self.refresh_button.clicked.connect(self.refresh)
        self._show_selected()

    # --- loading ------------------------------------------------------------------------------------
    def refresh(self, select: str = "") -> None:
        actor, roles = self.ui.actor, self.ui.services.roles
        keep = select or (self.selected().key if self.selected() else "")
        self.ui.tasks.run(lambda: roles.list_roles(actor), lambda r: self._loaded(r, keep), self._failed, owner=self)

    def _loaded(self, roles: list[RoleInfo], keep: str) -> None:
        show_error(self.error, "")
        self.roles = roles
        self.list.blockSignals(True)
        self.list.clear()
        for info in roles:
            item = QListWidgetItem(role_text(info))
            item.setData(Qt.ItemDataRole.UserRole, info.key)
            self.list.addItem(item)
        self.list.blockSignals(False)
        keys = [r.key for r in roles]
        self.list.setCurrentRow(keys.index(keep) if keep in keys else 0)
        self._show_selected()

    def _failed(self, failure: TaskFailure) -> None:
        show_error(self.error, failure.message)

    # --- the chosen role ----------------------------------------------------------------------------
    def selected(self) -> RoleInfo | None:
        row = self.list.currentRow()
        return self.roles[row] if 0 <= row < len(self.roles) else None

    def select_role(self, key: str) -> None:
        keys = [r.key for r in self.roles]
        if key in keys:
            self.list.setCurrentRow(keys.index(key))

    def _show_selected(self) -> None:
        info = self.selected()
        editable = self._allowed and info is not None and not info.builtin
        self.tree.blockSignals(True)
        for p, item in self._items.items():
            item.setCheckState(0, Qt.CheckState.Checked if info and p in info.permissions else Qt.CheckState.Unchecked)
            flags = item.flags()
            item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if editable else flags & ~Qt.ItemFlag.ItemIsEnabled)
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            flags = top.flags()
            top.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if editable else flags & ~Qt.ItemFlag.ItemIsEnabled)
        self.tree.blockSignals(False)
        self._shown_key = info.key if info else ""
        if info is None:
            self.note.setText("")
        elif info.builtin:
            self.note.setText(self.tr("A built-in role is read-only. Copy it to make a role you can change."))
        else:
            self.note.setText(self.tr("Copied from {source}; held by {n} operator(s). A change applies from each "
                                      "operator's next sign-in.").format(source=self._source_text(info.based_on),
                                                                         n=info.operators))
        self._update_buttons()

    def _source_text(self, based_on: str) -> str:
        found = next((r for r in self.roles if r.builtin and r.key == based_on), None)
        return role_label(found.key) if found else based_on

    def ticked(self) -> frozenset[Permission]:
        return frozenset(p for p, item in self._items.items() if item.checkState(0) == Qt.CheckState.Checked)

    def _update_buttons(self) -> None:
        info = self.selected()
        custom = self._allowed and info is not None and not info.builtin
        self.copy_button.setEnabled(self._allowed and info is not None)
        self.rename_button.setEnabled(custom)
        self.delete_button.setEnabled(custom)
        self.save_button.setEnabled(custom and info is not None and self.ticked() != info.permissions)

    # --- changes (each through the service, which checks and logs) ----------------------------------
    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _changed(self, result: Any = None) -> None:
        self.ui.events.operators_changed.emit()
        self.refresh(select=result.key if isinstance(result, RoleInfo) else "")

    def copy_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        roles, actor = self.ui.services.roles, self.ui.actor
        name = self.tr("Copy of {role}").format(role=info.name if not info.builtin else role_label(info.key))
        dialog = RoleNameDialog(self.ui, self.tr("Copy role"), name,
                                lambda new: roles.copy_role(actor, info.key, new), self)
        dialog.submitted.connect(self._changed)
        self._open(dialog)

    def rename_selected(self) -> None:
        info = self.selected()
        if info is None or info.builtin:
            return
        roles, actor = self.ui.services.roles, self.ui.actor
        dialog = RoleNameDialog(self.ui, self.tr("Rename role"), info.name,
                                lambda new: roles.rename_role(actor, info.key, new), self)
        dialog.submitted.connect(self._changed)
        self._open(dialog)

    def delete_selected(self) -> None:
        info = self.selected()
        if info is None or info.builtin:
            return
        roles, actor = self.ui.services.roles, self.ui.actor
        self.dialog = ask(self, self.tr("Delete role"), self.tr("Delete the role {name}?").format(name=info.name),
                          lambda: self.ui.tasks.run(lambda: roles.delete_role(actor, info.key),
                                                    lambda _r: self._changed(), self._failed, owner=self))

    def save(self) -> None:
        info = self.selected()
        if info is None or info.builtin:
            return
        roles, actor, ticked = self.ui.services.roles, self.ui.actor, sorted(p.value for p in self.ticked())
        self.save_button.setEnabled(False)
        self.ui.tasks.run(lambda: roles.set_permissions(actor, info.key, ticked), self._changed, self._failed,
                          owner=self)

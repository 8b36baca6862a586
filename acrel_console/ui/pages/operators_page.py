"""Operators & log page (操作员与日志): operator accounts, roles (权限管理) and the hash-chained operation log."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from acrel_console.ui.audit_log_panel import AuditLogPanel
from acrel_console.ui.context import UiContext
from acrel_console.ui.operators_panel import OperatorsPanel
from acrel_console.ui.pages.base import Page
from acrel_console.ui.roles_panel import RolesPanel


class OperatorsPage(Page):
    page_id = "operators"

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.operators = OperatorsPanel(ui)
        self.roles = RolesPanel(ui)
        self.log = AuditLogPanel(ui)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.operators, self.tr("Operators"))
        self.tabs.addTab(self.roles, self.tr("Roles and permissions"))
        self.tabs.addTab(self.log, self.tr("Operation log"))
        ui.events.operators_changed.connect(self.operators.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def title(self) -> str:
        return self.tr("Operators & log")

    def activated(self) -> None:
        self.operators.refresh()
        self.roles.refresh()
        self.log.refresh()


def create_page(ui: UiContext, parent: QWidget | None = None) -> Page:
    return OperatorsPage(ui, parent)

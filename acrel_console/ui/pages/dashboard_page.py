"""Dashboard page: a placeholder until its issue lands (replace this module; see ui/README.md)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from acrel_console.ui.context import UiContext
from acrel_console.ui.pages.base import Page, PlaceholderPage


class DashboardPage(PlaceholderPage):
    page_id = "dashboard"

    def title(self) -> str:
        return self.tr("Dashboard")

    def explanation(self) -> str:
        return self.tr("Counts per status, today's energy, live alarms and offline meters and gateways arrive with reports and alarms (issue #5).")


def create_page(ui: UiContext, parent: QWidget | None = None) -> Page:
    return DashboardPage(ui, parent)

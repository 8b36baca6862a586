"""Reports page: a placeholder until its issue lands (replace this module; see ui/README.md)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from acrel_console.ui.context import UiContext
from acrel_console.ui.pages.base import Page, PlaceholderPage


class ReportsPage(PlaceholderPage):
    page_id = "reports"

    def title(self) -> str:
        return self.tr("Reports")

    def explanation(self) -> str:
        return self.tr("Sales, energy, alarm and lost-contact reports with Excel export arrive with reports, alarms and SMS (issue #5).")


def create_page(ui: UiContext, parent: QWidget | None = None) -> Page:
    return ReportsPage(ui, parent)

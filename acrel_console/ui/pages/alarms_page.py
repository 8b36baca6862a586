"""Alarms page: a placeholder until its issue lands (replace this module; see ui/README.md)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from acrel_console.ui.context import UiContext
from acrel_console.ui.pages.base import Page, PlaceholderPage


class AlarmsPage(PlaceholderPage):
    page_id = "alarms"

    def title(self) -> str:
        return self.tr("Alarms")

    def explanation(self) -> str:
        return self.tr("Live alarms, acknowledgement and SMS notices arrive with reports, alarms and SMS (issue #5).")


def create_page(ui: UiContext, parent: QWidget | None = None) -> Page:
    return AlarmsPage(ui, parent)

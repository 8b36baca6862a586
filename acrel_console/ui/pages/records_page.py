"""Sales records page: a placeholder until its issue lands (replace this module; see ui/README.md)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from acrel_console.ui.context import UiContext
from acrel_console.ui.pages.base import Page, PlaceholderPage


class RecordsPage(PlaceholderPage):
    page_id = "records"

    def title(self) -> str:
        return self.tr("Sales records")

    def explanation(self) -> str:
        return self.tr("The sales record query with export and slip reprint arrives with selling electricity (issue #4).")


def create_page(ui: UiContext, parent: QWidget | None = None) -> Page:
    return RecordsPage(ui, parent)

"""Meters page: a placeholder until its issue lands (replace this module; see ui/README.md)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from acrel_console.ui.context import UiContext
from acrel_console.ui.pages.base import Page, PlaceholderPage


class MetersPage(PlaceholderPage):
    page_id = "meters"

    def title(self) -> str:
        return self.tr("Meters")

    def explanation(self) -> str:
        return self.tr("The meter grid (status tiles, filters, batch control) arrives with meter communication (issue #3).")


def create_page(ui: UiContext, parent: QWidget | None = None) -> Page:
    return MetersPage(ui, parent)

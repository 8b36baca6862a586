"""Accounts page: a placeholder until its issue lands (replace this module; see ui/README.md)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from acrel_console.ui.context import UiContext
from acrel_console.ui.pages.base import Page, PlaceholderPage


class AccountsPage(PlaceholderPage):
    page_id = "accounts"

    def title(self) -> str:
        return self.tr("Accounts")

    def explanation(self) -> str:
        return self.tr("Opening and closing tenant accounts and replacing meters arrive with selling electricity (issue #4).")


def create_page(ui: UiContext, parent: QWidget | None = None) -> Page:
    return AccountsPage(ui, parent)

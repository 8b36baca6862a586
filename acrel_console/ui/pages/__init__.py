"""The page registry: main-window pages in navigation order, each created by its module's create_page().

To replace a page, rewrite its module keeping `create_page(ui, parent=None) -> Page`; the shell and
this list need no change. A new page is one new module plus one entry in PAGE_MODULES.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from acrel_console.ui.context import UiContext
from acrel_console.ui.pages.base import Page

PageFactory = Callable[[UiContext, QWidget | None], Page]

PAGE_MODULES: tuple[str, ...] = (
    "dashboard_page",
    "meters_page",
    "accounts_page",
    "cashier_page",
    "records_page",
    "reports_page",
    "alarms_page",
    "settings_page",
    "operators_page",
)


def page_factories() -> list[PageFactory]:
    """Each page module's create_page, in navigation order."""
    factories: list[PageFactory] = []
    for name in PAGE_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        factories.append(module.create_page)
    return factories


def create_pages(ui: UiContext, parent: QWidget | None = None) -> list[Page]:
    return [factory(ui, parent) for factory in page_factories()]

"""The page registry: main-window pages in navigation order, each created by its module's create_page().

To replace a page, rewrite its module keeping `create_page(ui, parent=None) -> Page`; the shell and
this list need no change. A new page is one new module plus one entry in PAGE_MODULES.
"""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from acrel_console.ui.context import UiContext
from acrel_console.ui.pages.base import Page

log = logging.getLogger(__name__)

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


def page_factories(strict: bool = False) -> list[PageFactory]:
    """Each page module's create_page, in navigation order.

    A module that fails to import is replaced by a page naming the error (logged), so one broken page
    does not stop the cashier from working; `strict=True` (tests) raises instead.
    """
    factories: list[PageFactory] = []
    for name in PAGE_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
            factories.append(module.create_page)
        except Exception as exc:
            if strict:
                raise
            log.exception("page module %s failed to load", name)
            factories.append(functools.partial(_broken_page, name, exc))
    return factories


def _broken_page(name: str, error: BaseException, ui: UiContext, parent: QWidget | None = None) -> Page:
    from acrel_console.ui.pages.base import BrokenPage

    return BrokenPage(ui, name.removesuffix("_page"), f"{type(error).__name__}: {error}", parent)


def create_pages(ui: UiContext, parent: QWidget | None = None) -> list[Page]:
    return [factory(ui, parent) for factory in page_factories()]

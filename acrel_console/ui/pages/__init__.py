"""The page registry: main-window pages in navigation order, each created by its module's create_page().

To replace a page, rewrite its module keeping `create_page(ui, parent=None) -> Page`; the shell and
this list need no change. A new page is one new module plus one entry in PAGE_MODULES and PAGE_TITLES.
The shell builds a page (imports its module, creates its widgets) only when it is first shown (issue 15):
PAGE_TITLES gives the navigation its titles before that; each title is the page's own title() text.
"""

from __future__ import annotations

import functools
import importlib
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from acrel_console.domain.errors import QT_TRANSLATE_NOOP
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


# page id, the page class (its translation context) and its title() text, for the navigation before building
PAGE_TITLES: tuple[tuple[str, str, str], ...] = (
    ("dashboard", "DashboardPage", QT_TRANSLATE_NOOP("DashboardPage", "Dashboard")),
    ("meters", "MetersPage", QT_TRANSLATE_NOOP("MetersPage", "Meters")),
    ("accounts", "AccountsPage", QT_TRANSLATE_NOOP("AccountsPage", "Accounts")),
    ("cashier", "CashierPage", QT_TRANSLATE_NOOP("CashierPage", "Cashier")),
    ("records", "RecordsPage", QT_TRANSLATE_NOOP("RecordsPage", "Sales records")),
    ("reports", "ReportsPage", QT_TRANSLATE_NOOP("ReportsPage", "Reports")),
    ("alarms", "AlarmsPage", QT_TRANSLATE_NOOP("AlarmsPage", "Alarms")),
    ("settings", "SettingsPage", QT_TRANSLATE_NOOP("SettingsPage", "Settings")),
    ("operators", "OperatorsPage", QT_TRANSLATE_NOOP("OperatorsPage", "Operators & log")),
)


@dataclass(frozen=True)
class PageEntry:
    """A page the shell can build when it is first shown: its id, translated title and factory."""

    page_id: str
    title: str
    module: str

    def create(self, ui: UiContext, parent: QWidget | None = None, strict: bool = False) -> Page:
        """Import the page's module and build the page (a page naming the error if its module is broken)."""
        try:
            factory: PageFactory = importlib.import_module(f"{__name__}.{self.module}").create_page
        except Exception as exc:
            if strict:
                raise
            log.exception("page module %s failed to load", self.module)
            return _broken_page(self.module, exc, ui, parent)
        return factory(ui, parent)


def preload_page_modules() -> list[str]:
    """Import every page module not imported yet (a worker thread while the operator signs in, again once the
    window is up: modules only, no widgets). A page's first show then builds widgets without first importing
    what it uses (openpyxl, pyqtgraph, the account services: 0.2-0.8 s on the GUI thread, issue 15), and no
    import on a worker competes with the window for the GIL. Returns the modules imported."""
    done: list[str] = []
    for name in PAGE_MODULES:
        qualified = f"{__name__}.{name}"
        if qualified in sys.modules:
            continue
        try:
            importlib.import_module(qualified)
            done.append(name)
        except Exception:  # noqa: BLE001 - the page names its error when shown (PageEntry.create)
            log.warning("preloading page module %s failed", name, exc_info=True)
    return done


def page_entries() -> list[PageEntry]:
    """Every page in navigation order, not built yet."""
    return [PageEntry(pid, QCoreApplication.translate(context, text), module)
            for (pid, context, text), module in zip(PAGE_TITLES, PAGE_MODULES, strict=True)]


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

"""The main window shell: navigation, the page stack, the status bar. Pages come from ui/pages."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QStackedWidget, QWidget)

from acrel_console.ui.confirm import inform
from acrel_console.ui.context import UiContext
from acrel_console.ui.integrity_status import IntegrityStatus
from acrel_console.ui.messages import role_label
from acrel_console.ui.operator_dialogs import ChangeOwnPasswordDialog
from acrel_console.ui.pages import page_entries, preload_page_modules
from acrel_console.ui.pages.base import Page
from acrel_console.ui.poller_status import PollerStatus
from acrel_console.ui.shortcuts import keyed_actions
from acrel_console.ui.theme import Theme

NAV_WIDTH = 190
NAV_ITEM_HEIGHT = 36
SELL_KEY = "F2"  # 售电 from anywhere: the cashier page, sale mode, the cursor in the tenant search
PAGE_KEYS = {"records": "F3", "meters": "F4"}  # the counter's other daily pages, besides Alt+1..9 for every page


def describe_database(url: str) -> str:
    """The database for the status bar, without a password (ui may not import storage: layer rule)."""
    scheme, _, rest = url.partition("://")
    if scheme.startswith("sqlite"):
        return f"SQLite {rest[1:]}"
    parts = urlsplit(url)
    return f"PostgreSQL {parts.hostname or 'localhost'}:{parts.port or 5432}{parts.path}"


class MainWindow(QMainWindow):
    """Left navigation list + stacked pages; status bar with operator, database, poller and integrity."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.signed_out = False  # set by sign_out(): the app then asks for a sign-in again
        self.relaunch_language = ""  # set by relaunch(): the app rebuilds the window in this language
        self._shown_once = False
        self.setWindowTitle(self.tr("Acrel Console"))
        self.resize(1200, 760)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setSpacing(2)
        palette = self.nav.palette()
        palette.setColor(QPalette.ColorRole.Base, Theme.role("nav_background"))
        self.nav.setPalette(palette)
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        self.stack = QStackedWidget()
        # Pages are built when first shown (issue 15): a window opens at once whatever the site's size.
        self.entries = page_entries()
        self._built: dict[int, Page] = {}
        metrics = self.nav.fontMetrics()
        nav_width = max([NAV_WIDTH] + [metrics.horizontalAdvance(e.title) + 40 for e in self.entries])
        self.nav.setFixedWidth(nav_width)  # wide enough for the longest title in any language
        for entry in self.entries:
            item = QListWidgetItem(entry.title)
            item.setData(Qt.ItemDataRole.UserRole, entry.page_id)
            item.setSizeHint(QSize(nav_width - 12, NAV_ITEM_HEIGHT))
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # stands in until the page is built
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menu()
        self._build_status_bar()
        self.nav.currentRowChanged.connect(self._show_row)
        ui.tasks.failed.connect(self._task_failed)
        ui.tasks.busy_changed.connect(self._busy_changed)
        ui.events.language_chosen.connect(self.relaunch)
        geometry = ui.prefs.window_geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        ids = [e.page_id for e in self.entries]
        self.nav.setCurrentRow(ids.index(ui.prefs.last_page) if ui.prefs.last_page in ids else 0)

    # --- navigation -------------------------------------------------------------------------------
    def _page_at(self, row: int) -> Page:
        """The page of a navigation row, built (and put in the stack) the first time it is asked for."""
        page = self._built.get(row)
        if page is None:
            page = self.entries[row].create(self.ui, self.stack)  # never a window of its own, even briefly
            stand_in = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            if self.stack.currentWidget() is stand_in:
                self.stack.setCurrentWidget(page)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self._built[row] = page
        return page

    @property
    def pages(self) -> list[Page]:
        """Every page, in navigation order (building those not shown yet)."""
        return [self._page_at(i) for i in range(len(self.entries))]

    def built_pages(self) -> list[Page]:
        """The pages built so far (shown at least once)."""
        return [self._built[i] for i in sorted(self._built)]

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            previous = self.stack.currentIndex()
            if previous != row and previous in self._built and self._shown_once:
                self._built[previous].deactivated()
            self._shown_once = True
            page = self._page_at(row)
            self.stack.setCurrentIndex(row)
            self.ui.prefs.last_page = page.page_id
            page.activated()
            self._fill_page_menu(page)

    def _row_of(self, page_id: str) -> int:
        for i, entry in enumerate(self.entries):
            if entry.page_id == page_id:
                return i
        raise KeyError(page_id)

    def page(self, page_id: str) -> Page:
        return self._page_at(self._row_of(page_id))

    def show_page(self, page_id: str) -> Page:
        row = self._row_of(page_id)
        self.nav.setCurrentRow(row)
        return self._page_at(row)

    def current_page(self) -> Page:
        return self._page_at(self.stack.currentIndex())

    # --- menu and status bar ----------------------------------------------------------------------
    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Console"))
        self.password_action = QAction(self.tr("Change my password…"), self)
        self.password_action.triggered.connect(self._change_password)
        self.sign_out_action = QAction(self.tr("Sign in as another operator…"), self)
        self.sign_out_action.triggered.connect(self.sign_out)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.triggered.connect(self.close)
        menu.addAction(self.sign_out_action)
        menu.addAction(self.password_action)
        menu.addSeparator()
        menu.addAction(quit_action)
        go = self.menuBar().addMenu(self.tr("&Go"))
        go.setObjectName("goMenu")
        ids = [e.page_id for e in self.entries]
        if "cashier" in ids:
            sell = QAction(self.tr("Sell electricity"), self)
            sell.setObjectName("goSell")
            sell.setShortcut(QKeySequence(SELL_KEY))
            sell.triggered.connect(self.go_sell)
            go.addAction(sell)
            go.addSeparator()
        for i, entry in enumerate(self.entries):
            action = QAction(entry.title, self)
            action.setObjectName(f"go_{entry.page_id}")
            keys = [QKeySequence(PAGE_KEYS[entry.page_id])] if entry.page_id in PAGE_KEYS else []
            if i < 9:
                keys.append(QKeySequence(f"Alt+{i + 1}"))
            action.setShortcuts(keys)
            action.triggered.connect(lambda _c=False, pid=entry.page_id: self.go_to(pid))
            go.addAction(action)
        self.page_menu = self.menuBar().addMenu("")
        self.page_menu.setObjectName("pageMenu")

    def _fill_page_menu(self, page: Page) -> None:
        """The current page's keyboard actions, with their keys (ui/shortcuts.py)."""
        self.page_menu.clear()
        actions = keyed_actions(page)
        self.page_menu.setTitle(page.title())
        self.page_menu.menuAction().setVisible(bool(actions))
        for action in actions:
            self.page_menu.addAction(action)

    def go_to(self, page_id: str) -> Page:
        """Alt+1..9: show a page and put the keyboard in it (its keys work at once), unless it placed it itself."""
        page = self.show_page(page_id)
        focused = QApplication.focusWidget()
        if focused is None or not page.isAncestorOf(focused):
            widget = page.nextInFocusChain()
            while widget is not page and widget is not None:
                if page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled() and \
                        widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                    break
                widget = widget.nextInFocusChain()
        return page

    def go_sell(self) -> None:
        """F2: the cashier page in sale mode, the cursor in the tenant search."""
        page = self.show_page("cashier")
        start = getattr(page, "start", None)
        if callable(start):
            start("sale")
        focus = getattr(getattr(page, "search", None), "focus_box", None)
        if callable(focus):
            focus()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        actor = self.ui.actor
        self.operator_label = QLabel(self.tr("Operator: {name} ({role})").format(name=actor.name,
                                                                                  role=role_label(actor.role, actor.role_name)))
        self.database_label = QLabel(self.tr("Database: {db}").format(db=describe_database(self.ui.services.ctx.db_url)))
        self.poller_label = QLabel()
        self.busy_label = QLabel()
        self.integrity_status = IntegrityStatus(self.ui)  # the start-up check, run once the window is shown
        self._preloading = False
        for label in (self.busy_label, self.operator_label, self.database_label, self.poller_label,
                      self.integrity_status):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)
        self.poller_label.setText(self.tr("Poller: not running"))
        self.poller_status = PollerStatus(self.ui, self)  # the site lease holder, refreshed quietly
        self.poller_status.text_changed.connect(self.poller_label.setText)
        self.poller_status.start()
        # The alarm flash is the window's, not the alarms page's: pages are built only when first shown.
        from acrel_console.ui.alarms.notifier import install_status_flash

        install_status_flash(self, self.ui)

    def set_poller_text(self, text: str) -> None:
        """Show the poller state in the status bar yourself (stops the lease-based indicator)."""
        self.poller_status.stop()
        self.poller_label.setText(text)

    def _busy_changed(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def _task_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)
        inform(self, self.tr("Acrel Console"), message, error=True)

    def _change_password(self) -> None:
        dialog = ChangeOwnPasswordDialog(self.ui, self)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(self.tr("Password changed."), 5_000))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def relaunch(self, language: str) -> None:
        """Close this window; run_gui installs `language` and opens a new window for the same operator."""
        self.relaunch_language = language
        self.close()

    def sign_out(self) -> None:
        """重新登陆: close this window; run_gui shows the sign-in dialog again."""
        self.signed_out = True
        self.close()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.integrity_status.start()  # once: later shows do nothing
        if not self._preloading:  # once: every page's module imported off the GUI thread (issue 15)
            self._preloading = True
            self.ui.tasks.run(preload_page_modules, lambda _done: None, lambda _failure: None, owner=self, quiet=True)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.ui.prefs.window_geometry = self.saveGeometry()
        self.integrity_status.stop()
        self.ui.tasks.wait_idle(10_000)
        super().closeEvent(event)

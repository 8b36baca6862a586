"""Accounts page (开户管理): search accounts, see each account's meters and balances; 开户, 加表, remove a meter,
换表, 销户 (with the settlement slip), 设置查询密码 (the tenant's portal PIN, with its slip); export of every account the search finds; a Tariffs tab for price schemes
and their assignment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

from acrel_console.domain.meter_identity import meter_number
from acrel_console.domain.roles import Permission
from acrel_console.services.export import ColumnKind
from acrel_console.services.account_changes import ChangeStatus
from acrel_console.services.account_list import PAGE_ROWS, AccountLine, AccountListService, AccountPage
from acrel_console.services.accounts import AccountInfo, MeterBalance
from acrel_console.services.tenant_access import PinSlip
from acrel_console.ui.cashier.account_dialogs import AddMeterDialog, OpenAccountDialog
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.cashier.pin_dialog import PinSlipDialog, SetPinDialog
from acrel_console.ui.cashier.receipt_lines import local_time
from acrel_console.ui.cashier.settle_dialogs import ReplaceMeterDialog, SettleDialog
from acrel_console.ui.cashier.settlement_slip import SettlementSlipDialog, settlement_text
from acrel_console.ui.cashier.settlement_watch import SettlementWatcher
from acrel_console.ui.cashier.slip_dialog import SlipDialog
from acrel_console.ui.cashier.tariffs_panel import TariffsPanel
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import error_label, show_error
from acrel_console.ui.pages.base import Page
from acrel_console.ui.list_export import ListExport
from acrel_console.ui.record_model import Column, RecordTableModel, record_table
from acrel_console.ui.screen_table import ScreenColumn, filter_text, filters_of, table_model
from acrel_console.ui.shortcuts import page_action
from acrel_console.ui.tasks import TaskFailure

DEBOUNCE_MS = 250
EXPORT_PAGE = 1000  # accounts read at a time for the export of every page


def account_list_service(ui: UiContext) -> AccountListService:
    """The app's AccountListService (Services.account_list), or one over the same context."""
    svc = getattr(ui.services, "account_list", None)
    return svc if isinstance(svc, AccountListService) else AccountListService(ui.services.ctx)


def _yuan(v: Any) -> str:
    return "—" if v is None else f"{v:,.2f}"


class AccountsPage(Page):
    page_id = "accounts"

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.site_name = ""
        self.dialog: Any = None  # the last dialog opened (tests drive it)
        self.slip: SlipDialog | None = None  # the last slip shown (settlement or PIN)
        self._seq = 0
        self._loaded = False
        self._offset = 0
        self._info: AccountInfo | None = None  # the chosen account, read when chosen
        self._reading: int | None = None  # the account whose details are being read
        self.page_rows = PAGE_ROWS
        self._asked: tuple[str | None, bool] = (None, False)  # the search being loaded
        self._listed: tuple[str | None, bool] = (None, False)  # the search the list shows
        self._total = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs)
        self.tabs.addTab(self._accounts_tab(), self.tr("Accounts"))
        self.tariffs = TariffsPanel(ui)
        self.tabs.addTab(self.tariffs, self.tr("Tariffs"))
        self.tabs.currentChanged.connect(lambda i: self.tariffs.reload() if i == 1 else None)
        page_action(self, self.tr("Open an account"), "Ctrl+N", self.open_account)  # listed in the page's menu

    def title(self) -> str:
        return self.tr("Accounts")

    def _accounts_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        self.search_box = QLineEdit()
        self.search_box.setObjectName("accountSearch")
        self.search_box.setPlaceholderText(self.tr("Name, room, phone, account no. or meter"))
        self.search_box.setClearButtonEnabled(True)
        self.include_closed = QCheckBox(self.tr("Show closed"))
        bar.addWidget(self.search_box, 1)
        bar.addWidget(self.include_closed)
        self.open_button = QPushButton(self.tr("Open account…"))
        self.add_meter_button = QPushButton(self.tr("Add meter…"))
        self.remove_meter_button = QPushButton(self.tr("Remove meter…"))
        self.replace_button = QPushButton(self.tr("Replace meter…"))
        self.close_button = QPushButton(self.tr("Close account…"))
        self.pin_button = QPushButton(self.tr("Set portal PIN…"))
        self.pin_button.setToolTip(self.tr("Set or reset the chosen tenant's PIN for the self-service page and "
                                           "print the PIN slip"))
        for b in (self.open_button, self.add_meter_button, self.remove_meter_button, self.replace_button,
                  self.close_button, self.pin_button):
            bar.addWidget(b)
        layout.addLayout(bar)
        self.error = error_label()
        layout.addWidget(self.error)
        self.progress = QLabel()
        self.progress.setObjectName("settlementProgress")
        self.progress.setWordWrap(True)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.watcher = SettlementWatcher(self.ui, self)
        self.watcher.changed.connect(self._settlement_changed)
        self.watcher.finished.connect(self._settlement_finished)
        self._settling: tuple[str, AccountInfo] | None = None
        T = ColumnKind.TEXT
        self.columns = (  # 开户查询: the screen's columns and its sheet's
            ScreenColumn(self.tr("Account no."), T, lambda a: a.account_no),
            ScreenColumn(self.tr("Tenant"), T, lambda a: a.name),
            ScreenColumn(self.tr("Shop/room"), T, lambda a: a.room),
            ScreenColumn(self.tr("Phone"), T, lambda a: a.phone),
            ScreenColumn(self.tr("Meters"), ColumnKind.INT, lambda a: a.meter_count),
            ScreenColumn(self.tr("Opened"), ColumnKind.DATETIME, lambda a: a.opened_at),
            ScreenColumn(self.tr("Opened by"), T, lambda a: a.opened_by),
            ScreenColumn(self.tr("State"), T, self._state_text),
        )
        self.model = table_model(self.columns, lambda at: self.ui.clock.text(at, seconds=False), self)
        self.export = ListExport(self, self.ui, lambda: self.tr("Account list"), lambda: self.tr("accounts"),
                                 lambda: self.columns, self._every_listed, filters=self._filters,
                                 summary=lambda: ((self.tr("Accounts found"), str(self._total)),), fetch=True)
        self.export.button.setToolTip(self.tr("Save every account the search finds (all pages) as an Excel "
                                              "workbook"))
        self.view = record_table(self.model)
        self.view.setObjectName("accountsTable")
        self.meter_model = RecordTableModel([
            Column(self.tr("Meter no."), lambda m: meter_number(m.meter_no)),
            Column(self.tr("Shop/room"), lambda m: m.room),
            Column(self.tr("Model"), lambda m: m.model),
            Column(self.tr("Remaining (last read)"), lambda m: _yuan(m.known_remaining), align_right=True),
            Column(self.tr("Ledger balance"), lambda m: _yuan(m.ledger_credit), align_right=True),
            Column(self.tr("Purchases"), lambda m: "—" if m.purchase_count is None else m.purchase_count,
                   align_right=True),
            Column(self.tr("Pending deliveries"), lambda m: (
                f"{m.pending_deliveries} ({_yuan(m.pending_amount)})" if m.pending_deliveries else "0")),
            Column(self.tr("Total purchased"), lambda m: _yuan(m.total_purchased), align_right=True),
        ], self)
        self.meter_view = record_table(self.meter_model)
        self.meter_view.setObjectName("accountMeters")
        self.detail = QLabel()
        self.detail.setObjectName("accountDetail")
        self.detail.setWordWrap(True)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail)
        lower_layout.addWidget(self.meter_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        paging = QHBoxLayout()
        self.page_label = QLabel()
        self.page_label.setObjectName("accountsPage")
        self.previous_button = QPushButton(self.tr("Previous page"))
        self.next_button = QPushButton(self.tr("Next page"))
        self.previous_button.setEnabled(False)
        self.next_button.setEnabled(False)
        self.previous_button.clicked.connect(lambda: self._turn(-1))
        self.next_button.clicked.connect(lambda: self._turn(1))
        paging.addWidget(self.page_label, 1)
        paging.addWidget(self.previous_button)
        paging.addWidget(self.next_button)
        paging.addWidget(self.export.button)
        layout.addLayout(paging)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: self.reload(0))  # a new search starts at its first page
        self.search_box.textChanged.connect(lambda _t: self._timer.start())
        self.search_box.returnPressed.connect(lambda: self.reload(0))
        self.include_closed.toggled.connect(lambda _c: self.reload(0))
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._account_chosen())
        self.meter_view.doubleClicked.connect(lambda _i: None)
        self.open_button.clicked.connect(self.open_account)
        self.add_meter_button.clicked.connect(self.add_meter)
        self.remove_meter_button.clicked.connect(self.remove_meter)
        self.replace_button.clicked.connect(self.replace_meter)
        self.close_button.clicked.connect(self.close_account)
        self.pin_button.clicked.connect(self.set_pin)
        self._update_buttons()
        return tab

    def _state_text(self, a: AccountInfo | AccountLine) -> str:
        if a.state == "closed":
            return self.tr("Closed")
        if a.change_state == "stuck":
            return self.tr("Stuck: a meter refused")
        if a.state == "closing":
            return self.tr("Closing")
        return self.tr("Open") if a.change_kind is None else self.tr("Open, settling a meter")

    # ---- loading ------------------------------------------------------------------------------
    @property
    def zone(self) -> str:
        """The site's time zone (the one site clock)."""
        return self.ui.clock.zone_name

    def activated(self) -> None:
        if not self._loaded:
            self._loaded = True
            settings, actor = self.ui.services.settings, self.ui.actor

            def done(values: dict[str, Any]) -> None:
                self.site_name = str(values["site_name"])
                self.reload()

            self.ui.tasks.run(lambda: settings.get_all(actor), done, self._failed, owner=self)
        else:
            self.reload()
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def reload(self, offset: int | None = None) -> None:
        """Load a page of accounts (the page shown when `offset` is None): two statements however many accounts
        there are; an account's meters and balances are read when it is chosen."""
        self._timer.stop()
        self._seq += 1
        seq = self._seq
        offset = self._offset if offset is None else offset
        listing, actor = account_list_service(self.ui), self.ui.actor
        text, closed = self.search_box.text().strip() or None, self.include_closed.isChecked()
        self._asked = (text, closed)
        self.ui.tasks.run(lambda: listing.page(actor, search=text, include_closed=closed, offset=offset,
                                               limit=self.page_rows),
                          lambda page: self._loaded_accounts(seq, page), self._failed, owner=self)

    def _loaded_accounts(self, seq: int, page: AccountPage) -> None:
        if seq != self._seq:
            return
        show_error(self.error, "")
        current = self.selected_line()
        self._offset = page.offset
        self._listed, self._total = self._asked, page.total  # the search the list shows (what Export writes)
        self.model.set_records(page.lines)
        self.page_label.setText(self.tr("{first}–{last} of {total}").format(
            first=page.offset + 1 if page.lines else 0, last=page.offset + len(page.lines), total=page.total))
        self.previous_button.setEnabled(page.offset > 0)
        self.next_button.setEnabled(page.more)
        row = next((i for i, a in enumerate(page.lines) if current and a.account_id == current.account_id), None)
        if row is None and page.lines:
            row = 0
        self._info = self._reading = None  # the chosen account's meters and balances are read again
        if row is not None:
            self.view.selectRow(row)
        self._account_chosen()

    def _every_listed(self) -> list[AccountLine]:
        """Every account of the search shown, page after page (worker thread: the export)."""
        listing, actor = account_list_service(self.ui), self.ui.actor
        text, closed = self._listed
        lines: list[AccountLine] = []
        while True:
            page = listing.page(actor, search=text, include_closed=closed, offset=len(lines), limit=EXPORT_PAGE)
            lines.extend(page.lines)
            if not page.more or not page.lines:
                return lines

    def _filters(self) -> tuple[tuple[str, str], ...]:
        text, closed = self._listed
        return filters_of(filter_text(self.tr("Search"), text or ""),
                          filter_text(self.tr("Closed accounts"), self.tr("shown") if closed else ""))

    def _turn(self, pages: int) -> None:
        self.reload(max(0, self._offset + pages * self.page_rows))

    def _failed(self, failure: TaskFailure) -> None:
        show_error(self.error, failure.message)

    def selected_line(self) -> AccountLine | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def selected(self) -> AccountInfo | None:
        """The chosen account with its meters and balances (read when it was chosen)."""
        line, info = self.selected_line(), self._info
        return info if line is not None and info is not None and info.account_id == line.account_id else None

    def selected_meter(self) -> MeterBalance | None:
        rows = self.meter_view.selectionModel().selectedRows()
        if rows:
            return self.meter_model.record(rows[0].row())
        return self.meter_model.record(0) if self.meter_model.rowCount() == 1 else None

    def _account_chosen(self) -> None:
        line = self.selected_line()
        if line is not None and (self._info is None or self._info.account_id != line.account_id) \
                and self._reading != line.account_id:
            self._info, self._reading = None, line.account_id
            accounts, actor, wanted = money_services(self.ui.services).accounts, self.ui.actor, line.account_id

            def got(info: AccountInfo) -> None:
                if self._reading == info.account_id:
                    self._reading = None
                current = self.selected_line()
                if current is not None and current.account_id == info.account_id:
                    self._info = info
                    self._show_account()

            self.ui.tasks.run(lambda: accounts.get_account(actor, wanted), got, self._failed, owner=self)
        self._show_account()

    def _show_account(self) -> None:
        a = self.selected()
        self.meter_model.set_records(list(a.meters) if a else [])
        if a is None:
            self.detail.setText("")
        else:
            state = self.tr("closed {at}").format(at=local_time(a.closed_at, self.zone)[:16]) if a.closed_at else \
                self._state_text(a)
            self.detail.setText(self.tr("{name} · account {no} · {room} · {phone} · {state}").format(
                name=a.name, no=a.account_no, room=a.room or "—", phone=a.phone or "—", state=state)
                + (("\n" + a.notes) if a.notes else ""))
            if a.meters:
                self.meter_view.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        can = self.ui.can(Permission.SELL)
        a = self.selected()
        open_acc = a is not None and a.closed_at is None
        closing = a is not None and a.state == "closing"
        self.open_button.setEnabled(can)
        self.add_meter_button.setEnabled(can and open_acc and not closing)
        self.pin_button.setEnabled(can and open_acc)
        self.close_button.setEnabled(can and open_acc and (a is None or a.change_kind in (None, "close")))
        self.close_button.setText(self.tr("Resume closing…") if closing else self.tr("Close account…"))
        for b in (self.remove_meter_button, self.replace_button):
            b.setEnabled(can and open_acc and not closing and bool(a and a.meters))

    # ---- dialogs ------------------------------------------------------------------------------
    def _with_unopened(self, then: Any) -> None:
        meters, actor = self.ui.services.meters, self.ui.actor

        def fetch() -> list[Any]:
            return [m for m in meters.list_live(actor) if m.account_no is None]

        self.ui.tasks.run(fetch, then, self._failed, owner=self)

    def _open(self, dialog: Any, after: Any = None) -> None:
        self.dialog = dialog
        dialog.submitted.connect(after or (lambda _r: self.reload()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def open_account(self) -> None:
        if self.ui.can(Permission.SELL):
            self._with_unopened(lambda meters: self._open(OpenAccountDialog(self.ui, meters, self, zone=self.zone),
                                                          self._opened))

    def _opened(self, info: AccountInfo) -> None:
        self.search_box.setText(info.account_no)
        self.reload()

    def add_meter(self) -> None:
        a = self.selected()
        if a is not None:
            self._with_unopened(lambda meters: self._open(AddMeterDialog(self.ui, a, meters, self)))

    def remove_meter(self) -> None:
        a, m = self.selected(), self.selected_meter()
        if a is not None and m is not None:
            self._with_targets(lambda targets: self._open(SettleDialog(self.ui, a, targets, m.meter_id, self),
                                                          lambda r: self._settled("remove", a, r)))

    def close_account(self) -> None:
        a = self.selected()
        if a is not None:
            self._with_targets(lambda targets: self._open(SettleDialog(self.ui, a, targets, None, self),
                                                          lambda r: self._settled("close", a, r)))

    def replace_meter(self) -> None:
        a, m = self.selected(), self.selected_meter()
        if a is not None and m is not None:
            self._with_unopened(lambda meters: self._open(ReplaceMeterDialog(self.ui, a, m, meters, self),
                                                          lambda r: self._settled("replace", a, r)))

    def set_pin(self) -> None:
        """设置查询密码: the chosen account's portal PIN, then its slip to print or close."""
        a = self.selected()
        if a is not None and self.ui.can(Permission.SELL):
            self._open(SetPinDialog(self.ui, a, self), self._pin_set)

    def _pin_set(self, slip: PinSlip) -> None:
        self._show_slip(PinSlipDialog(self.ui, slip, self))

    def _show_slip(self, slip: SlipDialog) -> None:
        self.slip = slip
        slip.finished.connect(slip.deleteLater)
        slip.open()

    def _with_targets(self, then: Any) -> None:
        site, actor = self.ui.services.site, self.ui.actor
        self.ui.tasks.run(lambda: site.list_meters(actor), then, self._failed, owner=self)

    def _settled(self, what: str, account: AccountInfo, status: ChangeStatus) -> None:
        """The change is asked of the meters: follow it, then show the slip (done, stuck or still outstanding)."""
        self._settling = (what, account)
        self.reload()
        self.watcher.watch(status)

    def _settlement_changed(self, status: ChangeStatus) -> None:
        texts = {"settling": self.tr("Settling with the meters: {out} yuan still to come back…"),
                 "done": self.tr("Settled: {paid} yuan paid out, {moved} yuan moved."),
                 "stuck": self.tr("Stuck: a meter refused {refused} yuan; nothing was paid for it. Resume or settle "
                                  "it by a claim.")}
        self.progress.setText(texts.get(status.state, status.state).format(
            out=f"{status.outstanding:.2f}", paid=f"{status.paid_out:.2f}", moved=f"{status.moved:.2f}",
            refused=f"{status.not_returned:.2f}"))
        self.progress.show()

    def _settlement_finished(self, status: ChangeStatus) -> None:
        what, account = self._settling or ("close", self.selected())
        self.reload()
        if account is None:
            return
        text = settlement_text(self.site_name, what, account, status, self.ui.actor.name, self.zone,
                               self.ui.clock.now())
        self._show_slip(SettlementSlipDialog(self.ui, text, self))


def create_page(ui: UiContext, parent: QWidget | None = None) -> Page:
    return AccountsPage(ui, parent)

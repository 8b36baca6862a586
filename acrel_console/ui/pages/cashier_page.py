"""Cashier page (售电 / 退电 / 冲正): find the tenant as you type, see the meter card live, enter the amount and
press Enter; the receipt follows and the delivery state (pending → delivered / conflict) updates on the card."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from acrel_console.domain.roles import Permission
from acrel_console.services.money_common import OperationResult
from acrel_console.services.vending import DeliveryInfo
from acrel_console.ui.cashier.card_data import MeterCard, MeterHit, load_card, refresh_card
from acrel_console.ui.cashier.card_widget import MeterCardWidget
from acrel_console.ui.cashier.conflict_dialog import ConflictDialog
from acrel_console.ui.cashier.delivery_watch import DeliveryWatcher
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.cashier.operation_form import OperationForm
from acrel_console.ui.cashier.receipt_dialog import ReceiptDialog
from acrel_console.ui.cashier.search_panel import SearchPanel
from acrel_console.ui.context import UiContext
from acrel_console.ui.pages.base import Page
from acrel_console.ui.tasks import TaskFailure


class CashierPage(Page):
    """Search | card + form. Tests drive it with the keyboard only."""

    page_id = "cashier"

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.meter_id: int | None = None
        self.receipt_dialog: ReceiptDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.show_receipts = True
        self._card_seq = 0
        self.search = SearchPanel(ui)
        self.card = MeterCardWidget()
        self.form = OperationForm(ui)
        self.watcher = DeliveryWatcher(ui, self)
        right = QWidget()
        col = QVBoxLayout(right)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.card)
        col.addWidget(self.form)
        col.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.search)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        split.setSizes([520, 760])  # the hit list shows its seven columns without scrolling
        outer = QHBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(split)
        self.search.meter_chosen.connect(self.choose_meter)
        self.search.accepted.connect(self._go_to_amount)
        self.card.refresh_requested.connect(self.refresh_card)
        self.card.resolve_requested.connect(self.resolve_conflict)
        self.form.operation_done.connect(self._operation_done)
        self.watcher.delivery_changed.connect(self._delivery_changed)
        self.watcher.finished.connect(lambda _i: self.reload_card())
        self.setTabOrder(self.search.box, self.form.amount)
        for key, slot in (("F5", self.refresh_card), ("Ctrl+F", self.search.focus_box)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        if not ui.can(Permission.SELL):
            self.form.setEnabled(False)
            self.form.setToolTip(self.tr("Your role may not sell, refund or reverse."))

    def title(self) -> str:
        return self.tr("Cashier")

    def activated(self) -> None:
        self.search.focus_box()
        if self.meter_id is not None:
            self.reload_card()

    # ---- choosing the meter ------------------------------------------------------------------
    def choose_meter(self, hit: MeterHit | int) -> None:
        meter_id = hit if isinstance(hit, int) else hit.meter_id
        if meter_id == self.meter_id:
            return
        self.meter_id = meter_id
        self.form.set_meter(meter_id)
        self.watcher.stop()
        self.card.clear()
        self.reload_card()

    def _go_to_amount(self, hit: MeterHit) -> None:
        self.choose_meter(hit)
        self.form.focus_amount()

    def reload_card(self) -> None:
        self._load_card(load_card)

    def refresh_card(self) -> None:
        """刷新表状态: a fresh read of the meter when this process polls, then the card."""
        poller = getattr(self.ui, "poller", None)
        self.card.set_refreshing(True)
        self._load_card(lambda s, m, a, mid: refresh_card(s, m, a, mid, poller=poller))

    def _load_card(self, fn: Any) -> None:
        mid = self.meter_id
        if mid is None:
            return
        self._card_seq += 1
        seq = self._card_seq
        services, money, actor = self.ui.services, money_services(self.ui.services), self.ui.actor
        self.ui.tasks.run(lambda: fn(services, money, actor, mid), lambda card: self._card_loaded(seq, card),
                          lambda f: self._card_failed(seq, f), owner=self)

    def _card_loaded(self, seq: int, card: MeterCard) -> None:
        if seq != self._card_seq or card.meter_id != self.meter_id:
            return
        self.card.set_refreshing(False)
        self.card.show_card(card)
        latest = card.latest_delivery
        if latest is not None and latest.state in ("pending", "sending") and not self.watcher.active:
            self.watcher.watch(latest.command_id)

    def _card_failed(self, seq: int, failure: TaskFailure) -> None:
        if seq == self._card_seq:
            self.card.set_refreshing(False)
            self.card.delivery.setText(failure.message)

    # ---- after an operation ------------------------------------------------------------------
    def _operation_done(self, result: OperationResult) -> None:
        self.search.search_now()  # purchase counts and totals in the hit list follow
        if result.command_id:
            self.watcher.watch(result.command_id)
        self.reload_card()
        if result.receipt_no and self.show_receipts:
            self.open_receipt(result.receipt_no)

    def open_receipt(self, key: str) -> ReceiptDialog:
        dialog = ReceiptDialog(self.ui, key, self)
        self.receipt_dialog = dialog
        dialog.finished.connect(lambda _r: self.search.focus_box())
        dialog.open()
        return dialog

    def resolve_conflict(self, info: DeliveryInfo | None) -> ConflictDialog | None:
        if info is None:
            return None
        dialog = ConflictDialog(self.ui, info, self)
        self.conflict_dialog = dialog
        dialog.accepted.connect(self._conflict_resolved)
        dialog.open()
        return dialog

    def _conflict_resolved(self) -> None:
        info = self.conflict_dialog.result_info if self.conflict_dialog else None
        if info is not None and info.state in ("pending", "sending"):
            self.watcher.watch(info.command_id)
        self.reload_card()

    def _delivery_changed(self, info: DeliveryInfo) -> None:
        if info.meter_id == self.meter_id:
            self.card.show_delivery(info)


def create_page(ui: UiContext, parent: QWidget | None = None) -> Page:
    return CashierPage(ui, parent)

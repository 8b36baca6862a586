"""Cashier page (售电 / 退电 / 冲正): find the tenant as you type, see the meter card live, enter the amount and
press Enter; the receipt follows and the delivery state (pending → delivered / conflict) updates on the card.

The card and the line above the button always name the meter the next Enter sells to (tenant, room, 表号);
a new search drops the meter until exactly one is chosen. Once a slip printer is chosen in this session the
receipt prints by itself after each sale (no dialog to close); the first time the receipt opens with Print
as its default button. The page's keys are QActions listed in the main window's menu (ui/shortcuts.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from acrel_console.domain.roles import Permission
from acrel_console.services.money_common import OperationResult
from acrel_console.services.vending import DeliveryInfo
from acrel_console.ui.cashier.card_data import MeterCard, MeterHit, load_card, refresh_card
from acrel_console.ui.cashier.card_widget import MeterCardWidget
from acrel_console.ui.cashier.conflict_dialog import ConflictDialog
from acrel_console.ui.cashier.delivery_watch import DeliveryWatcher
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.cashier.operation_form import OperationForm, describe_return, set_tab_chain
from acrel_console.ui.cashier.receipt_dialog import ReceiptDialog, print_recorded
from acrel_console.ui.cashier.return_watch import ReturnWatcher
from acrel_console.ui.cashier.search_panel import SearchPanel
from acrel_console.ui.cashier.shift_dialog import ShiftDialog
from acrel_console.ui.cashier.slip_printer import session_printer
from acrel_console.ui.context import UiContext
from acrel_console.ui.pages.base import Page
from acrel_console.ui.shortcuts import page_action
from acrel_console.ui.tasks import TaskFailure

STALE_RELOAD_MS = 5_000  # after a delivery, re-read the card until a reading newer than it arrives
STALE_RELOADS = 12


class CashierPage(Page):
    """Search | card + form. Tests drive it with the keyboard only."""

    page_id = "cashier"

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.meter_id: int | None = None
        self.receipt_dialog: ReceiptDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.show_receipts = True
        self.last_receipt: str | None = None
        self._card_seq = 0
        self._stale_reloads = 0
        self._stale_timer = QTimer(self)
        self._stale_timer.setSingleShot(True)
        self._stale_timer.setInterval(STALE_RELOAD_MS)
        self._stale_timer.timeout.connect(self.reload_card)
        self.search = SearchPanel(ui)
        self.card = MeterCardWidget()
        self.form = OperationForm(ui)
        self.watcher = DeliveryWatcher(ui, self)
        self.returns = ReturnWatcher(ui, self)  # refunds/reversals waiting for their meter's answer
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
        self.search.meter_cleared.connect(lambda: self.choose_meter(None))
        self.search.accepted.connect(self._go_to_amount)
        self.card.refresh_requested.connect(self.refresh_card)
        self.card.resolve_requested.connect(self.resolve_conflict)
        self.form.operation_done.connect(self._operation_done)
        self.watcher.delivery_changed.connect(self._delivery_changed)
        self.watcher.finished.connect(self._delivery_finished)
        self.returns.settled.connect(self._return_settled)
        set_tab_chain([self.search.box, *self.form.tab_chain(), self.search.view])  # search, then the form
        self.mode_actions = [
            page_action(self, self.tr("Sell"), "Ctrl+1", lambda: self.start("sale")),
            page_action(self, self.tr("Refund"), "Ctrl+2", lambda: self.start("refund")),
            page_action(self, self.tr("Reverse a sale"), "Ctrl+3", lambda: self.start("reversal")),
        ]
        page_action(self, self.tr("Find the tenant"), "Ctrl+F", self.search.focus_box)
        page_action(self, self.tr("Refresh meter status"), "F5", self.refresh_card)
        page_action(self, self.tr("Reprint the last receipt"), "Ctrl+P", self.reprint_last)
        page_action(self, self.tr("Close my shift"), "Ctrl+H", self.open_shift_dialog)
        self.shift_dialog: ShiftDialog | None = None
        if not ui.can(Permission.SELL):
            self.form.setEnabled(False)
            self.form.setToolTip(self.tr("Your role may not sell, refund or reverse."))

    def title(self) -> str:
        return self.tr("Cashier")

    def activated(self) -> None:
        self.search.focus_box()
        if self.meter_id is not None:
            self.reload_card()

    def start(self, mode: str) -> None:
        """Ctrl+1/2/3 (and the menu): sell, refund or reverse; the cursor goes where the cashier types next."""
        self.form.set_mode(mode)
        if self.meter_id is None:
            self.search.focus_box()
        else:
            self.form.focus_amount()

    # ---- choosing the meter ------------------------------------------------------------------
    def choose_meter(self, hit: MeterHit | int | None) -> None:
        """The meter the next Enter sells to (None: none; the card clears and a sale is refused)."""
        meter_id = hit if isinstance(hit, int) or hit is None else hit.meter_id
        if meter_id == self.meter_id:
            return
        self.meter_id = meter_id
        self.form.set_meter(meter_id)
        self.watcher.stop()
        self._stale_timer.stop()
        self._card_seq += 1  # a card still loading for the previous meter is dropped
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
        self.form.set_target(card)
        latest = card.latest_delivery
        if latest is not None and latest.state in ("pending", "sending") and not self.watcher.active:
            self.watcher.watch(latest.command_id)
        if card.relay_stale and self._stale_reloads < STALE_RELOADS:
            self._stale_reloads += 1
            self._stale_timer.start()  # the serving process reads the meter soon: show its relay then
        elif not card.relay_stale:
            self._stale_reloads = 0

    def _card_failed(self, seq: int, failure: TaskFailure) -> None:
        if seq == self._card_seq:
            self.card.set_refreshing(False)
            self.card.delivery.setText(failure.message)

    # ---- after an operation ------------------------------------------------------------------
    def _operation_done(self, result: OperationResult) -> None:
        self.search.search_now()  # purchase counts and totals in the hit list follow
        if result.command_id:
            self.watcher.watch(result.command_id)
        if result.awaiting_meter:
            self.returns.follow(result.operation_id, self.form.who_text())
        self.reload_card()
        if result.receipt_no:
            self.last_receipt = result.receipt_no
            if self.show_receipts:
                self.issue_receipt(result.receipt_no)
                return
        self.search.focus_box()

    def _return_settled(self, result: OperationResult, who: str) -> None:
        """The meter answered a refund/reversal asked earlier: say whose and what to pay out, print its slip."""
        self.form.info.setText(describe_return(result, who))
        if result.meter_id == self.meter_id:
            self.reload_card()
        if result.outcome == "returned" and result.receipt_no:
            self.last_receipt = result.receipt_no
            if self.show_receipts:
                self.issue_receipt(result.receipt_no)

    def issue_receipt(self, key: str) -> None:
        """Print the slip on the session's printer at once; the first time, open it with Print as default."""
        slips = session_printer(self.ui)
        if not slips.ready:
            self.open_receipt(key)
            return
        form = self.form

        def printed(data: Any, where: str) -> None:
            form.info.setText(form.info.text() + " " + self.tr("Slip {no} printed ({where}).").format(
                no=data.number, where=where))

        print_recorded(self.ui, key, slips.printer, self.ui.clock.zone_name, self, printed,
                       lambda f: form.info.setText(f.message))
        self.search.focus_box()

    def reprint_last(self) -> None:
        """Ctrl+P: the last receipt of this counter again (补打, same number), Print as default."""
        if self.last_receipt:
            self.open_receipt(self.last_receipt)

    def open_shift_dialog(self) -> ShiftDialog:
        """Ctrl+H: the shift summary and its close by a supervisor, without leaving the counter."""
        dialog = ShiftDialog(self.ui, None, self)
        self.shift_dialog = dialog
        dialog.finished.connect(lambda _r: self.search.focus_box())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_receipt(self, key: str) -> ReceiptDialog:
        if self.receipt_dialog is not None and not self.receipt_dialog.isVisible():
            self.receipt_dialog.deleteLater()  # one preview kept at a time (a counter sells all day)
        dialog = ReceiptDialog(self.ui, key, self)
        self.receipt_dialog = dialog
        dialog.finished.connect(lambda _r: self.search.focus_box())
        dialog.open()
        return dialog

    def _delivery_finished(self, info: DeliveryInfo) -> None:
        """Delivered: read the meter again (relay and status follow the credit); otherwise the card as stored."""
        self._stale_reloads = 0
        if info.state == "delivered" and info.meter_id == self.meter_id:
            self.refresh_card()
        else:
            self.reload_card()

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

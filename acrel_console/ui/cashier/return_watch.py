"""Follows refunds and reversals asked of a meter until the meter answers (the cashier may serve other tenants
meanwhile): asks the vending service every second (through tasks) and reports each answer on the GUI thread,
so the slip prints when the money may be paid out."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from acrel_console.services.money_common import OperationResult
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.context import UiContext

POLL_MS = 1_000


class ReturnWatcher(QObject):
    """follow(operation_id) adds a held refund/reversal; `settled(OperationResult)` fires once for each when the
    meter confirmed it (outcome 'returned', with its receipt) or it was released (refused, nothing)."""

    settled = Signal(object)  # OperationResult

    def __init__(self, ui: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.waiting: set[str] = set()
        self._asking = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._ask)

    def follow(self, operation_id: str) -> None:
        self.waiting.add(operation_id)
        if not self._asking:
            self._timer.start()

    def _ask(self) -> None:
        ids = sorted(self.waiting)
        if not ids:
            return
        self._asking = True
        vending, actor = money_services(self.ui.services).vending, self.ui.actor
        self.ui.tasks.run(lambda: [vending.get_operation(actor, i) for i in ids], self._got, self._failed,
                          owner=self, quiet=True)

    def _got(self, results: list[OperationResult]) -> None:
        self._asking = False
        for r in results:
            if not r.awaiting_meter and r.operation_id in self.waiting:
                self.waiting.discard(r.operation_id)
                self.settled.emit(r)
        if self.waiting:
            self._timer.start()

    def _failed(self, _failure: object) -> None:
        self._asking = False
        self._timer.start()  # a passing database hiccup: keep following

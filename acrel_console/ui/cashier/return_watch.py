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
    """follow(operation_id, who) adds a held refund/reversal; `settled(OperationResult, who)` fires once for each
    when the meter confirmed it (outcome 'returned', with its receipt) or it was released (refused, nothing).
    `who` is how the counter named the tenant and meter when it asked."""

    settled = Signal(object, str)  # OperationResult, who

    def __init__(self, ui: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.waiting: dict[str, str] = {}  # operation id -> who
        self._asking = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._ask)

    def follow(self, operation_id: str, who: str = "") -> None:
        self.waiting[operation_id] = who
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
                self.settled.emit(r, self.waiting.pop(r.operation_id))
        if self.waiting:
            self._timer.start()

    def _failed(self, _failure: object) -> None:
        self._asking = False
        self._timer.start()  # a passing database hiccup: keep following

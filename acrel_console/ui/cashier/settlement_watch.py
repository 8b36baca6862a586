"""Follows a 销户 / meter removal / 换表 while its meters answer: asks the account service every ~500 ms (through
tasks) and reports each state on the GUI thread; gives up waiting after a while (the slip then shows what is
still outstanding, and the change goes on in the background)."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from acrel_console.services.account_changes import ChangeStatus
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.context import UiContext
from acrel_console.ui.tasks import TaskFailure

POLL_MS = 500
PATIENCE_S = 60.0


class SettlementWatcher(QObject):
    """watch(status) follows one change; `changed` fires with every new state, `finished` once it is done or stuck
    (or the patience ran out)."""

    changed = Signal(object)  # ChangeStatus
    finished = Signal(object)  # ChangeStatus

    def __init__(self, ui: UiContext, parent: QObject | None = None, patience_s: float = PATIENCE_S) -> None:
        super().__init__(parent)
        self.ui = ui
        self.patience_s = patience_s
        self.status: ChangeStatus | None = None
        self._until = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._ask)

    def watch(self, status: ChangeStatus) -> None:
        self.status = status
        self._until = time.monotonic() + self.patience_s
        self.changed.emit(status)
        if status.state == "settling":
            self._timer.start()
        else:
            self.finished.emit(status)

    def _ask(self) -> None:
        status = self.status
        if status is None:
            return
        accounts, actor = money_services(self.ui.services).accounts, self.ui.actor
        self.ui.tasks.run(lambda: accounts.settlement(actor, status.change_id), self._got, self._failed, owner=self)

    def _got(self, status: ChangeStatus) -> None:
        if self.status is None or status.change_id != self.status.change_id:
            return
        if status != self.status:
            self.changed.emit(status)
        self.status = status
        if status.state == "settling" and time.monotonic() < self._until:
            self._timer.start()
        else:
            self.finished.emit(status)

    def _failed(self, _failure: TaskFailure) -> None:
        if time.monotonic() < self._until:
            self._timer.start()  # a passing database hiccup: keep following

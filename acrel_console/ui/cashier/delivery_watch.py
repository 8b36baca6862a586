"""Follows one credit delivery until it ends: asks the vending service every ~500 ms (through tasks) while
it is pending or sending, and reports each new state on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from acrel_console.services.vending import DeliveryInfo
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.context import UiContext
from acrel_console.ui.tasks import TaskFailure

POLL_MS = 500
OPEN_STATES = ("pending", "sending")


class DeliveryWatcher(QObject):
    """watch(command_id) starts following; `delivery_changed` fires with every DeliveryInfo read."""

    delivery_changed = Signal(object)  # DeliveryInfo
    finished = Signal(object)  # the final DeliveryInfo (delivered, conflict, failed, cancelled)

    def __init__(self, ui: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.command_id: str | None = None
        self.last: DeliveryInfo | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._ask)
        self._asking = False

    def watch(self, command_id: str | None) -> None:
        """Follow this command (None stops following)."""
        self.command_id = command_id
        self.last = None
        self._timer.stop()
        if command_id is not None:
            self._ask()

    def stop(self) -> None:
        self.command_id = None
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self.command_id is not None

    def _ask(self) -> None:
        cid = self.command_id
        if cid is None or self._asking:
            return
        self._asking = True
        vending, actor = money_services(self.ui.services).vending, self.ui.actor
        self.ui.tasks.run(lambda: vending.delivery(actor, cid), lambda info: self._got(cid, info),
                          lambda f: self._failed(cid, f), owner=self)

    def _got(self, cid: str, info: DeliveryInfo) -> None:
        self._asking = False
        if cid != self.command_id:
            if self.command_id is not None:
                self._ask()
            return
        changed = self.last is None or (info.state, info.attempts, info.error) != \
            (self.last.state, self.last.attempts, self.last.error)
        self.last = info
        if changed:
            self.delivery_changed.emit(info)
        if info.state in OPEN_STATES:
            self._timer.start()
        else:
            self.command_id = None
            self.finished.emit(info)

    def _failed(self, cid: str, _failure: TaskFailure) -> None:
        self._asking = False
        if cid == self.command_id:
            self._timer.start()  # a passing database hiccup: keep following

"""The status bar's poller indicator: who holds the site lease (the one poller/dispatcher of a site)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from acrel_console.ui.context import UiContext
from acrel_console.ui.tasks import TaskFailure

REFRESH_MS = 15_000


def local_hm(at: datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


class PollerStatus(QObject):
    """Reads services.lease.current() every REFRESH_MS (quietly, off the GUI thread); emits the text."""

    text_changed = Signal(str)

    def __init__(self, ui: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)

    @property
    def available(self) -> bool:
        return getattr(self.ui.services, "lease", None) is not None

    def start(self) -> None:
        if self.available:
            self.refresh()
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def refresh(self) -> None:
        lease, actor = self.ui.services.lease, self.ui.actor
        self.ui.tasks.run(lambda: lease.current(actor), self._got, self._failed, owner=self, quiet=True)

    def text_for(self, info: object | None) -> str:
        if info is None:
            return self.tr("Poller: not running")
        if getattr(info, "active", False):
            if getattr(info, "mine", False):
                return self.tr("Poller: running in this console")
            return self.tr("Poller: running on {host}").format(host=getattr(info, "host", "?"))
        return self.tr("Poller: stopped since {time}").format(time=local_hm(getattr(info, "expires_at")))

    def _got(self, info: object | None) -> None:
        self.text_changed.emit(self.text_for(info))

    def _failed(self, failure: TaskFailure) -> None:
        self.text_changed.emit(self.tr("Poller: unknown ({error})").format(error=failure.message))

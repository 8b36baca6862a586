"""The status bar's poller indicator: who holds the site lease (the one poller/dispatcher of a site)."""

from __future__ import annotations


from PySide6.QtCore import QObject, QTimer, Signal

from acrel_console.ui.context import UiContext
from acrel_console.ui.tasks import TaskFailure

REFRESH_MS = 15_000


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
        lease, actor, clock = self.ui.services.lease, self.ui.actor, self.ui.clock

        def fetch() -> object | None:
            clock.refreshed()  # a zone changed on another workstation reaches this one within a minute
            zones = lease.zones(actor)  # an estate: every zone's serve (issue 15)
            return zones if any(zones) else lease.current(actor)

        self.ui.tasks.run(fetch, self._got, self._failed, owner=self, quiet=True)

    def text_for(self, info: object | None) -> str:
        if info is None:
            return self.tr("Poller: not running")
        if getattr(info, "active", False) and getattr(info, "silent", False) and not getattr(info, "mine", False):
            # held by a service that stopped heart-beating (killed): say it plainly, before the lease runs out
            return self.tr("No site service since {time}: sales are booked and delivered when it returns").format(
                time=self.ui.clock.text(getattr(info, "heartbeat_at"), seconds=False))
        if getattr(info, "active", False):
            if getattr(info, "mine", False):
                return self.tr("Poller: running in this console")
            return self.tr("Poller: running on {host}").format(host=getattr(info, "host", "?"))
        return self.tr("Poller: stopped since {time}").format(time=self.ui.clock.text(getattr(info, "expires_at"), seconds=False))

    def _got(self, info: object | None) -> None:
        if isinstance(info, dict):  # several zones: each with its own serve and lease
            self.text_changed.emit(" · ".join(
                self.tr("{zone}: {state}").format(zone=zone or self.tr("site"), state=self.text_for(info[zone]))
                for zone in sorted(info)))
            return
        self.text_changed.emit(self.text_for(info))

    def _failed(self, failure: TaskFailure) -> None:
        self.text_changed.emit(self.tr("Poller: unknown ({error})").format(error=failure.message))

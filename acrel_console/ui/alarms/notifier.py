"""New alarms reach the GUI: the alarm engine's worker-thread listener bridged through the worker relay, a poll
fallback for workstations without an engine in the process, and a flashing status-bar label.

How the shell/app connects it (the Alarms page does this by itself once it sits in a QMainWindow):

    notifier = alarm_notifier(ui, owner=window)      # one per UiContext; subscribes to services.alarm_engine
    flash = install_status_flash(window, ui)         # label in window.statusBar(); click -> show_page("alarms")
    notifier.alarm_raised.connect(slot)              # slot(Alarm) runs on the GUI thread

`AlarmEngine.subscribe(fn)` calls fn from poller/dispatcher threads; fn is a worker_relay mailbox's `post` (never a
signal of the notifier: the window that owns it may be deleted while the engine notifies), delivered to `_deliver`
on the GUI thread, which de-duplicates by alarm id and emits `alarm_raised`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QMouseEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QWidget

from acrel_console.services.alarms import Alarm
from acrel_console.ui.alarms.alarm_text import kind_label, message_text
from acrel_console.ui.alarms.severity import severity_style
from acrel_console.ui.context import UiContext
from acrel_console.ui.worker_relay import listen

POLL_INTERVAL_MS = 30_000
FLASHES = 8
FLASH_MS = 450
_ATTR = "_alarm_notifier"


class AlarmNotifier(QObject):
    """Emits `alarm_raised(Alarm)` on the GUI thread once per new alarm (engine push or poll)."""

    alarm_raised = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = None
        self._seen: set[int] = set()
        self._baseline = False
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_INTERVAL_MS)
        self._poll_fn: Callable[[], None] | None = None
        self.poll_timer.timeout.connect(self.poll)

    # --- the engine (worker threads) ----------------------------------------------------------------
    def attach(self, engine: Any) -> None:
        """Listen to an AlarmEngine (`subscribe(fn) -> unsubscribe`), replacing any previous one."""
        self.detach()
        self._unsubscribe = listen(engine.subscribe, self._deliver)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    @property
    def attached(self) -> bool:
        return self._unsubscribe is not None

    @Slot(object)
    def _deliver(self, alarm: Alarm) -> None:
        if alarm.id in self._seen:
            return
        self._seen.add(alarm.id)
        self.alarm_raised.emit(alarm)

    # --- polling (a workstation without the engine in its process) ----------------------------------
    def start_polling(self, ui: UiContext) -> None:
        """Every 30 s read the active alarms through the task runner; ids not seen before are new."""
        services, actor = ui.services, ui.actor

        def poll() -> None:
            ui.tasks.run(lambda: services.alarms.active(actor), self.note_active, lambda _f: None, owner=self,
                         quiet=True)

        self._poll_fn = poll
        poll()
        self.poll_timer.start()

    def poll(self) -> None:
        if self._poll_fn is not None:
            self._poll_fn()

    def note_active(self, alarms: Iterable[Alarm]) -> None:
        """Active alarms read by anyone: the first call is the baseline, later unseen ids are announced."""
        alarms = list(alarms)
        if not self._baseline:
            self._baseline = True
            self._seen.update(a.id for a in alarms)
            return
        for alarm in sorted(alarms, key=lambda a: (a.raised_at, a.id)):
            self._deliver(alarm)


def alarm_notifier(ui: UiContext, owner: QObject | None = None) -> AlarmNotifier:
    """The notifier of a UiContext (created on first use, attached to services.alarm_engine when present).

    `owner` becomes its Qt parent: when the window closes the notifier unsubscribes from the engine.
    """
    notifier = getattr(ui, _ATTR, None)
    if isinstance(notifier, AlarmNotifier):
        return notifier
    notifier = AlarmNotifier(owner)
    engine = getattr(ui.services, "alarm_engine", None)
    if engine is not None and hasattr(engine, "subscribe"):
        notifier.attach(engine)
    setattr(ui, _ATTR, notifier)
    return notifier


def alarm_summary(alarm: Alarm) -> str:
    """One line for the status bar (the message names the room or gateway already)."""
    return QCoreApplication.translate("AlarmFlash", "New alarm: {kind} — {message}").format(
        kind=kind_label(alarm), message=message_text(alarm))


MIN_CHARS = 18  # the flash's narrowest width, in average characters


class AlarmFlash(QLabel):
    """A status-bar label that flashes in the severity's colour when an alarm arrives; click to open."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarmFlash")
        self.setContentsMargins(6, 0, 6, 0)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._timer = QTimer(self)
        self._timer.setInterval(FLASH_MS)
        self._timer.timeout.connect(self._toggle)
        self._left = 0
        self.alarm: Alarm | None = None
        self.count = 0
        self.full_text = ""  # shown elided to the label's width; whole in the tooltip
        # never squeezed out of sight by the status bar's other labels: room for "New alarm: Integr…" at least
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * MIN_CHARS)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def show_alarm(self, alarm: Alarm) -> None:
        self.alarm = alarm
        self.count += 1
        self.full_text = alarm_summary(alarm)
        self.setToolTip(self.full_text)
        self._elide()
        style = severity_style(alarm.severity)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, style.background)
        palette.setColor(QPalette.ColorRole.WindowText, style.foreground)
        self.setPalette(palette)
        self._left = FLASHES
        self.setAutoFillBackground(True)
        self._timer.start()

    def _elide(self) -> None:
        margins = self.contentsMargins()
        width = max(0, self.width() - margins.left() - margins.right())
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, width))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    @property
    def flashing(self) -> bool:
        return self._timer.isActive()

    def _toggle(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self._timer.stop()
            self.setAutoFillBackground(True)  # ends lit until the next alarm
            return
        self.setAutoFillBackground(not self.autoFillBackground())
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.clicked.emit()
        super().mouseReleaseEvent(event)


def install_status_flash(window: QMainWindow, ui: UiContext) -> AlarmFlash:
    """Put an AlarmFlash into the window's status bar, fed by the UiContext's notifier (idempotent)."""
    existing = window.findChild(AlarmFlash, "alarmFlash")
    if existing is not None:
        return existing
    notifier = alarm_notifier(ui, owner=window)
    flash = AlarmFlash()
    window.statusBar().addWidget(flash, 1)
    notifier.alarm_raised.connect(flash.show_alarm)
    show_page = getattr(window, "show_page", None)
    if callable(show_page):
        flash.clicked.connect(lambda: show_page("alarms"))
    if not notifier.poll_timer.isActive():
        notifier.start_polling(ui)
    return flash

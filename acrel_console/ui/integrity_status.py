"""The status bar's integrity indicator: runs the start-up integrity check off the GUI thread and shows its state."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from acrel_console.services.integrity import STATE_TEXT, IntegrityReport, run_integrity_check
from acrel_console.ui.context import UiContext
from acrel_console.ui.integrity_details import IntegrityDetailsDialog, issue_text
from acrel_console.ui.tasks import TaskFailure, TaskRunner
from acrel_console.ui.theme import Theme

RECHECK_MS = 6 * 60 * 60 * 1000  # re-run every 6 hours while the console is open
TOOLTIP_LINES = 10


def state_text(state: str, count: int = 0) -> str:
    """The translated status-bar text of a check state (running | ok | failed | unavailable)."""
    return QCoreApplication.translate("integrity", STATE_TEXT[state]).format(count=count)


class IntegrityStatus(QLabel):
    """A status-bar label: "checking…" while run_integrity_check runs in the task runner, then its result.

    The check is read-only; the integrity alarm it may raise on failure is the system's (no operator right
    needed). Clicking the label lists the problems found."""

    checked = Signal(object)  # the IntegrityReport (None when the check itself could not be run)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setObjectName("integrityStatus")
        self.report: IntegrityReport | None = None
        self.running = False
        self._started = False
        self._default_palette = self.palette()
        self.timer = QTimer(self)
        self.timer.setInterval(RECHECK_MS)
        self.timer.timeout.connect(lambda: self.refresh(full=False))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # A worker of its own: the check never waits in, nor delays, the pages' loads (issue 15).
        self.tasks = TaskRunner(parent=self)
        self.setAccessibleName(self.tr("Integrity check"))

    def start(self) -> None:
        """Run the check once (later calls do nothing) and then every RECHECK_MS."""
        if self._started:
            return
        self._started = True
        self.refresh(full=False)
        self.timer.start()

    def stop(self, wait_ms: int = 10_000) -> None:
        """No more re-checks; wait (bounded) for one under way to finish."""
        self.timer.stop()
        self.tasks.wait_idle(wait_ms)

    def refresh(self, full: bool = True) -> None:
        """Start a check now unless one is under way: the whole database and log when asked for (`full`); the
        start-up and periodic checks are quick (services.integrity.check_integrity), the nightly one full."""
        if self.running:
            return
        self.running = True
        self._show(state_text("running"), error=False, details="")
        ctx = self.ui.services.ctx
        self.tasks.run(lambda: run_integrity_check(ctx, full=full), self._got, self._failed, owner=self, quiet=True)

    def details(self) -> str:
        """The problems of the last check, translated, for the tooltip: the first TOOLTIP_LINES of them (the
        whole list opens on a click)."""
        report = self.report
        if report is None:
            return ""
        lines = [issue_text(i) for i in report.issues[:TOOLTIP_LINES]]
        if report.error:
            lines.append(report.error)
        if len(report.issues) > TOOLTIP_LINES or report.truncated:
            lines.append(self.tr("(more problems not listed)"))
        return "\n".join(lines)

    def _got(self, report: IntegrityReport) -> None:
        self.running = False
        self.report = report
        self._show(state_text(report.state, len(report.issues)), error=report.state != "ok", details=self.details())
        self.checked.emit(report)

    def _failed(self, failure: TaskFailure) -> None:
        self.running = False
        self.report = None
        self._show(state_text("unavailable"), error=True, details=failure.message)
        self.checked.emit(None)

    def _show(self, text: str, *, error: bool, details: str) -> None:
        self.setText(text)
        self.setToolTip(details)
        palette = self._default_palette
        if error:
            palette = self.palette()
            palette.setColor(self.foregroundRole(), Theme.role("error"))
        self.setPalette(palette)

    def show_details(self) -> IntegrityDetailsDialog | None:
        """List the problems in a scrollable, translated list (non-blocking); None when there is nothing to list."""
        if self.running or not self.toolTip():
            return None
        extra = self.toolTip() if self.report is None else ""  # the check could not run: why
        dialog = IntegrityDetailsDialog(self.report, self.text(), extra, self.window())
        dialog.open()
        return dialog

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.show_details()
        super().mousePressEvent(event)

"""Runs a services.export ExportJob with a progress dialog and Cancel (every list page's Export); results come back
on the GUI thread.

The job's thread is handed only a worker_relay.Mailbox (never a signal of this object: the page, and this runner
with it, may be deleted while the export finishes), and the relay keeps the job, with its rows callable (often a
closure over the page), until its thread has ended.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from acrel_console.services.export import ExportCancelled, ExportJob, ExportResult, TableSpec
from acrel_console.ui.worker_relay import Mailbox


class ExportRunner(QObject):
    """One export at a time. `finished(result | None, error | None)` on the GUI thread."""

    finished = Signal(object, object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.job: ExportJob | None = None
        self.dialog: QProgressDialog | None = None

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, path: str, table: TableSpec, rows: Callable[[], Iterable[Sequence[Any]]], title: str,
              expected_rows: int = 0) -> None:
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, max(0, expected_rows), self._parent)
        dialog.setObjectName("exportProgress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        dialog.rejected.connect(self.cancel)  # Esc hides the dialog without "canceled": stop the export too
        self.dialog = dialog
        mailbox = Mailbox(self._on_progress, self._on_finished)
        self.job = ExportJob(path, table, rows, on_progress=mailbox.post,
                             on_finished=lambda r, e: mailbox.post_last((r, e)), progress_every=200)
        mailbox.keep(self.job, self.job.join)
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_progress(self, done: int) -> None:
        if self.dialog is not None:
            if self.dialog.maximum() and done > self.dialog.maximum():
                self.dialog.setMaximum(done)
            self.dialog.setValue(done)

    def _on_finished(self, outcome: tuple[ExportResult | None, BaseException | None]) -> None:
        result, error = outcome
        self.job = None
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        if isinstance(error, ExportCancelled):
            self.finished.emit(None, error)
            return
        self.finished.emit(result, error)

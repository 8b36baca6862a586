"""ReportExporter: services.reports.export on a worker thread with a progress dialog and Cancel.

The export (database rows already in the Report, openpyxl serialisation, the file write) never runs on
the GUI thread; progress and the outcome come back through a worker_relay.Mailbox (never a signal of this object:
the page, and this exporter with it, may be deleted while the export finishes; the relay keeps the worker's closure
until its thread has ended). Cancel makes the progress callback return False: the service raises ExportCancelled
and leaves no file behind.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from acrel_console.services.base import Actor
from acrel_console.services.export import ExportCancelled, ExportResult
from acrel_console.services.export_formats import ColumnKind
from acrel_console.services.reports.model import Report
from acrel_console.ui.reports.formatting import translate_text
from acrel_console.ui.worker_relay import Mailbox

PROGRESS_EVERY = 500


def translated_rows(report: Report) -> Iterator[tuple[Any, ...]]:
    """The report's rows with service-made English words in text cells translated (lazily, on the worker)."""
    text_columns = [i for i, c in enumerate(report.columns) if c.kind is ColumnKind.TEXT]
    cache: dict[str, str] = {}
    for row in report.rows:
        if not text_columns:
            yield row
            continue
        out = list(row)
        for i in text_columns:
            value = out[i]
            if isinstance(value, str):
                if value not in cache:
                    cache[value] = translate_text(value)
                out[i] = cache[value]
        yield tuple(out)


class ReportExporter(QObject):
    """One export at a time; `finished(result | None, error | None)` arrives on the GUI thread.

    A cancelled export finishes with (None, ExportCancelled).
    """

    finished = Signal(object, object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self.dialog: QProgressDialog | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, services: Any, actor: Actor, report: Report, path: str,
              filters: tuple[tuple[str, str], ...] = ()) -> None:
        """Export `report` to `path` (.xlsx) off the GUI thread, showing a progress dialog with Cancel."""
        if self._thread is not None:
            return
        self._cancel.clear()
        total = len(report.rows)
        dialog = QProgressDialog(QCoreApplication.translate("ReportExporter", "Exporting {rows} rows…").format(
            rows=total), QCoreApplication.translate("ReportExporter", "Cancel"), 0, max(1, total), self._parent)
        dialog.setObjectName("reportExportProgress")
        dialog.setWindowTitle(QCoreApplication.translate("ReportExporter", "Export"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog
        # Shown now, before the worker starts: its first show and layout cost (measured ~0.7 s on a loaded
        # machine when it popped up mid-export) stays out of the export's event-loop stalls.
        dialog.show()
        lazy = replace(report, rows=translated_rows(report))  # type: ignore[arg-type]  # streamed, not a tuple
        cancel, mailbox = self._cancel, Mailbox(self._on_progress, self._on_done)

        def progress(rows_done: int) -> bool:  # worker thread
            mailbox.post(rows_done)
            return not cancel.is_set()

        def work() -> None:  # worker thread
            result: ExportResult | None = None
            error: BaseException | None = None
            try:
                if cancel.is_set():
                    raise ExportCancelled(path)
                result = services.reports.export(actor, lazy, path, translate=QCoreApplication.translate,
                                                 progress=progress, filters=filters)
            except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
                error = exc
            mailbox.post_last((result, error))

        self._thread = threading.Thread(target=work, name="report-export", daemon=True)
        mailbox.keep(work, self._thread.join)
        self._thread.start()

    def cancel(self) -> None:
        """Stop at the next progress check; no file is left."""
        self._cancel.set()

    def wait(self, timeout_s: float = 30.0) -> None:
        """Join the worker (tests, shutdown); the outcome is still delivered through the event loop."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout_s)

    def _on_progress(self, rows_done: int) -> None:
        if self.dialog is not None:
            if rows_done > self.dialog.maximum():
                self.dialog.setMaximum(rows_done)
            self.dialog.setValue(rows_done)

    def _on_done(self, outcome: tuple[ExportResult | None, BaseException | None]) -> None:
        result, error = outcome  # its thread has ended (the relay joined it)
        self._thread = None
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        self.finished.emit(result, error)

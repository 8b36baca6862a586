"""The Export button of a list (accounts, alarms, operators, tariffs, site configuration): a file chooser, the
rows the screen shows written through ui.screen_table (same columns, rows, order, filters and totals, in the
interface language) off the GUI thread, and the outcome said in words."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QObject, QSortFilterProxyModel, Signal
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from acrel_console.services.export import ExportResult
from acrel_console.ui.confirm import inform
from acrel_console.ui.context import UiContext
from acrel_console.ui.export_runner import ExportRunner
from acrel_console.ui.screen_table import ScreenColumn, ScreenSheet, run_export
from acrel_console.ui.tasks import TaskFailure


def shown_records(view_model: QAbstractItemModel, source: Any) -> list[Any]:
    """The records a view shows, in its order: through a filter/sort proxy to its source's records."""
    if isinstance(view_model, QSortFilterProxyModel):
        return [source.record(view_model.mapToSource(view_model.index(r, 0)).row())
                for r in range(view_model.rowCount())]
    return list(source.records())


class ListExport(QObject):
    """One list's Export: `button` opens a file chooser; `export_to(path)` writes what `records()` returns
    under `columns()`, with `filters()` in the sheet's head and `summary()` under the table."""

    exported = Signal(object)  # ExportResult

    def __init__(self, owner: QWidget, ui: UiContext, title: Callable[[], str], file_stem: Callable[[], str],
                 columns: Callable[[], Sequence[ScreenColumn]], records: Callable[[], Sequence[Any]],
                 filters: Callable[[], tuple[tuple[str, str], ...]] = lambda: (),
                 summary: Callable[[], tuple[tuple[str, str], ...]] = lambda: (),
                 period_text: Callable[[], str] = lambda: "", fetch: bool = False) -> None:
        """`fetch`: `records()` reads the database (every page of a paged list): it runs off the GUI thread."""
        super().__init__(owner)
        self.owner, self.ui = owner, ui
        self._title, self._stem, self._columns, self._records = title, file_stem, columns, records
        self._filters, self._summary, self._period, self._fetch = filters, summary, period_text, fetch
        self.runner = ExportRunner(owner)
        self.runner.finished.connect(self._finished)
        self.last_export: ExportResult | None = None
        self.last_error = ""
        self.dialog: QFileDialog | None = None
        self.button = QPushButton(self.tr("Export…"))
        self.button.setObjectName("listExport")
        self.button.setToolTip(self.tr("Save the rows shown as an Excel workbook"))
        self.button.clicked.connect(self.choose)

    def sheet(self) -> ScreenSheet:
        clock = self.ui.clock
        return ScreenSheet(self._title(), tuple(self._columns()), clock.zone, period_text=self._period(),
                           generated_by=self.ui.actor.name, generated_at=clock.now(), filters=self._filters(),
                           summary=self._summary())

    def choose(self) -> None:
        dialog = QFileDialog(self.owner, self.tr("Export to Excel"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Excel workbook (*.xlsx)"))
        dialog.setDefaultSuffix("xlsx")
        dialog.selectFile(f"{self._stem()}-{self.ui.clock.stamp()}.xlsx")
        dialog.fileSelected.connect(self.export_to)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def export_to(self, path: str) -> None:
        """Write the rows shown now (a snapshot) off the GUI thread."""
        if self.runner.running:
            return
        self.last_export, self.last_error = None, ""
        self.button.setEnabled(False)
        sheet, title = self.sheet(), self.tr("Exporting {title}…").format(title=self._title())
        if not self._fetch:
            run_export(self.runner, str(Path(path)), sheet, list(self._records()), title)
            return

        def failed(failure: TaskFailure) -> None:
            self._finished(None, failure.error)

        self.ui.tasks.run(lambda: list(self._records()),
                          lambda rows: run_export(self.runner, str(Path(path)), sheet, rows, title), failed, owner=self)

    def _finished(self, result: ExportResult | None, error: BaseException | None) -> None:
        self.button.setEnabled(True)
        title = self.tr("Export to Excel")
        if error is not None:
            from acrel_console.ui.tasks import failure_text

            self.last_error = failure_text(error)
            inform(self.owner, title, self.last_error, error=True)
            return
        if result is None:
            return
        self.last_export = result
        self.exported.emit(result)
        inform(self.owner, title, self.tr("{n} rows written to {path}.").format(n=result.rows, path=result.path))

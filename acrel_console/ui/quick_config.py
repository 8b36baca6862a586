"""Quick configuration (快速配置): export the .xlsx template, import a filled one (all or nothing)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from acrel_console.domain.errors import UserError
from acrel_console.domain.roles import Permission
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import error_label, show_error
from acrel_console.ui.messages import error_message
from acrel_console.ui.tasks import TaskFailure


def export_template(path: str) -> str:
    from acrel_console.services import config_io

    config_io.export_template(path)
    return path


def import_file(ui: UiContext, path: str) -> Any:
    from acrel_console.services import config_io

    service = getattr(ui.services, "config_import", None) or config_io.ConfigImportService(ui.services.ctx,
                                                                                             ui.services.site)
    return service.import_file(ui.actor, path)


def problems_text(error: Any, limit: int = 10) -> str:
    """Each problem of a refused import, translated, one per line: sheet, row, column, message."""
    lines = []
    for problem in list(getattr(error, "problems", []))[:limit]:
        message = error_message(UserError(problem.template, **problem.params))
        lines.append(QCoreApplication.translate("QuickConfigBar", "Sheet {sheet}, row {row}, column {column}: {message}")
                     .format(sheet=problem.sheet, row=problem.row, column=problem.column, message=message))
    more = len(getattr(error, "problems", [])) - limit
    if more > 0:
        lines.append(QCoreApplication.translate("QuickConfigBar", "… and {n} more.").format(n=more))
    return "\n".join(lines)


class QuickConfigBar(QWidget):
    """Two buttons and a result line; the work runs through the task runner."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.export_button = QPushButton(self.tr("Export template…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.export_button.setToolTip(self.tr("Write an Excel template with sheets for buildings, gateways and meters."))
        self.import_button.setToolTip(self.tr("Import a filled template. Every row is checked; nothing is "
                                              "imported if any row is wrong."))
        self.import_button.setEnabled(ui.can(Permission.CONFIGURE_SITE))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.error = error_label()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Quick configuration:")))
        layout.addWidget(self.export_button)
        layout.addWidget(self.import_button)
        layout.addWidget(self.result, 1)
        layout.addWidget(self.error, 1)
        self.export_button.clicked.connect(self.choose_export)
        self.import_button.clicked.connect(self.choose_import)

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export template"), "acrel-site-template.xlsx",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        self.ui.tasks.run(lambda: export_template(path),
                          lambda p: self._done(self.tr("Template written to {path}.").format(path=p)),
                          self._failed, owner=self)

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import configuration"), "",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.import_from(path)

    def import_from(self, path: str) -> None:
        self.ui.tasks.run(lambda: import_file(self.ui, path), self._import_done, self._failed, owner=self)

    def _import_done(self, report: Any) -> None:
        self._done(self.tr("Imported {buildings} buildings, {gateways} gateways and {meters} meters.").format(
            buildings=report.buildings, gateways=report.gateways, meters=report.meters))
        self.ui.events.site_changed.emit()

    def _done(self, text: str) -> None:
        show_error(self.error, "")
        self.result.setText(text)

    def _failed(self, failure: TaskFailure) -> None:
        self.result.setText("")
        details = problems_text(failure.error) if getattr(failure.error, "problems", None) else ""
        if details:
            show_error(self.error, self.tr("Import refused, nothing changed:") + "\n" + details)
        else:
            show_error(self.error, failure.message)

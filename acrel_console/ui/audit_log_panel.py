"""The operation log (操作日志): filter by operator, kind and dates; before/after detail; verify the chain."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QPlainTextEdit, QPushButton, QSplitter, QTableView, QVBoxLayout,
                               QWidget)

from acrel_console.services.audit import AuditEntry, ChainReport
from acrel_console.services.audit_targets import AuditTargetService, TargetText
from acrel_console.services.export import ColumnKind, ExportResult
from acrel_console.ui.site_time import edit_range, site_today
from acrel_console.ui.audit_kinds import kind_label
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import error_label, show_error
from acrel_console.ui.screen_table import ScreenColumn, ScreenSheet, filter_text, filters_of, table_model
from acrel_console.ui.tasks import TaskFailure
from acrel_console.ui.theme import Theme

PROBLEMS = {
    "link": QT_TRANSLATE_NOOP("AuditLogPanel", "a row before it was deleted or reordered"),
    "hash": QT_TRANSLATE_NOOP("AuditLogPanel", "its content was changed"),
}


LIST_LIMIT = 1000

TARGET_WORDS = {  # how a target's kind reads before its text (ui: the service returns data, not words)
    "meter": QT_TRANSLATE_NOOP("AuditLogPanel", "Meter {text}"),
    "delivery": QT_TRANSLATE_NOOP("AuditLogPanel", "Delivery to meter {text}"),
    "command": QT_TRANSLATE_NOOP("AuditLogPanel", "Command to meter {text}"),
    "account": QT_TRANSLATE_NOOP("AuditLogPanel", "Account {text}"),
    "batch": QT_TRANSLATE_NOOP("AuditLogPanel", "Batch of {text} meters"),
}


PLAIN_TARGETS = {  # targets that are a word, not a reference
    "site": QT_TRANSLATE_NOOP("AuditLogPanel", "the site"),
    "database": QT_TRANSLATE_NOOP("AuditLogPanel", "the database"),
    "backup": QT_TRANSLATE_NOOP("AuditLogPanel", "the backup"),
}


def target_text(target: str, described: dict[str, TargetText]) -> str:
    """A log target as a person reads it: 'Meter 3220114455 · A005', never 'meter:190'."""
    if target in PLAIN_TARGETS:
        return QCoreApplication.translate("AuditLogPanel", PLAIN_TARGETS[target])
    found = described.get(target)
    if found is None or found.kind not in TARGET_WORDS:
        return target
    return QCoreApplication.translate("AuditLogPanel", TARGET_WORDS[found.kind]).format(text=found.text)


def target_service(ui: UiContext) -> AuditTargetService:
    svc = getattr(ui.services, "audit_targets", None)
    return svc if isinstance(svc, AuditTargetService) else AuditTargetService(ui.services.ctx)


@dataclass(frozen=True)
class LogFilter:
    operator: str | None = None
    kind: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def pretty(json_text: str) -> str:
    if not json_text:
        return "—"
    try:
        return json.dumps(json.loads(json_text), ensure_ascii=False, indent=2, sort_keys=True)
    except ValueError:
        return json_text


def changes(before_json: str, after_json: str) -> list[str]:
    """'key: old → new' for each top-level value that differs (an added or removed row shows its values)."""
    def load(text: str) -> dict[str, Any]:
        try:
            value = json.loads(text) if text else {}
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {"": value}

    before, after = load(before_json), load(after_json)
    lines = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old != new:
            lines.append(f"{key}: {json.dumps(old, ensure_ascii=False)} → {json.dumps(new, ensure_ascii=False)}")
    return lines


class AuditLogPanel(QWidget):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.operator = QComboBox()
        self.operator.setObjectName("logOperator")
        self.kind = QComboBox()
        self.kind.setObjectName("logKind")
        self.use_dates = QCheckBox(self.tr("From"))
        today = site_today(ui.clock)
        self.since = QDateEdit(today.addDays(-30))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.apply_button = QPushButton(self.tr("Search"))
        self.verify_button = QPushButton(self.tr("Verify chain"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Write the rows shown to an Excel file."))
        self.verify_result = QLabel()
        self.verify_result.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Operator")))
        bar.addWidget(self.operator)
        bar.addWidget(QLabel(self.tr("Kind")))
        bar.addWidget(self.kind)
        bar.addWidget(self.use_dates)
        bar.addWidget(self.since)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.until)
        bar.addWidget(self.apply_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.verify_button)
        self.targets: dict[str, TargetText] = {}
        self.columns = (
            ScreenColumn(self.tr("No."), ColumnKind.INT, lambda e: e.id),
            ScreenColumn(self.tr("Time"), ColumnKind.DATETIME, lambda e: e.at),
            ScreenColumn(self.tr("Operator"), ColumnKind.TEXT, lambda e: e.operator),
            ScreenColumn(self.tr("Kind"), ColumnKind.TEXT, lambda e: kind_label(e.kind)),
            ScreenColumn(self.tr("Target"), ColumnKind.TEXT, lambda e: target_text(e.target, self.targets)),
            ScreenColumn(self.tr("Reason"), ColumnKind.TEXT, lambda e: e.reason),
        )
        self.model = table_model(self.columns, lambda at: self.ui.clock.text(at), self)
        self.shown_filters: tuple[tuple[str, str], ...] = ()
        self.last_export: ExportResult | None = None
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(self._show_detail)
        self.before = QPlainTextEdit()
        self.after = QPlainTextEdit()
        self.changes = QPlainTextEdit()
        for edit in (self.before, self.after, self.changes):
            edit.setReadOnly(True)
        detail = QWidget()
        detail_layout = QHBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        for caption, edit in ((self.tr("Changes"), self.changes), (self.tr("Before"), self.before),
                              (self.tr("After"), self.after)):
            column = QVBoxLayout()
            column.addWidget(QLabel(caption))
            column.addWidget(edit)
            detail_layout.addLayout(column)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.error = error_label()
        self.limit_note = QLabel()
        self.limit_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.verify_result)
        layout.addWidget(self.error)
        layout.addWidget(self.limit_note)
        layout.addWidget(splitter)
        self.apply_button.clicked.connect(self.search)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.choose_export)
        ui.events.operators_changed.connect(self.refresh)

    def refresh(self) -> None:
        """Reload the filter choices, then search."""
        actor = self.ui.actor
        svc = self.ui.services
        self.ui.tasks.run(lambda: ([o.name for o in svc.operators.list(actor)], svc.audit.kinds(actor)),
                          self._choices_loaded, self._failed, owner=self)
        self.search()

    def _choices_loaded(self, choices: tuple[list[str], list[str]]) -> None:
        for combo, items in zip((self.operator, self.kind), choices, strict=True):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(all)"), None)
            for item in items:
                combo.addItem(kind_label(item) if combo is self.kind else item, item)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def current_filter(self) -> LogFilter:
        since = until = None
        if self.use_dates.isChecked():
            since, until = edit_range(self.ui.clock, self.since, self.until)
        return LogFilter(self.operator.currentData(), self.kind.currentData(), since, until)

    def search(self) -> None:
        f = self.current_filter()
        actor, audit, targets = self.ui.actor, self.ui.services.audit, target_service(self.ui)
        self.shown_filters = filters_of(
            filter_text(self.tr("Operator"), self.operator.currentText() if f.operator else ""),
            filter_text(self.tr("Kind"), self.kind.currentText() if f.kind else ""),
            filter_text(self.tr("From"), f"{self.since.date().toString('yyyy-MM-dd')} — "
                                         f"{self.until.date().toString('yyyy-MM-dd')}" if f.since else ""))

        def fetch() -> tuple[list[AuditEntry], dict[str, TargetText]]:
            entries = audit.list(actor, operator=f.operator, kind=f.kind, since=f.since, until=f.until,
                                 limit=LIST_LIMIT)
            return entries, targets.describe(actor, {e.target for e in entries})

        self.ui.tasks.run(fetch, self._loaded, self._failed, owner=self)

    def _loaded(self, result: tuple[list[AuditEntry], dict[str, TargetText]]) -> None:
        entries, self.targets = result
        show_error(self.error, "")
        self.model.set_records(entries)
        self.limit_note.setText(self.tr("Showing the newest {n} rows; narrow the filter to see older ones.").format(
            n=len(entries)) if len(entries) >= LIST_LIMIT else "")
        for edit in (self.before, self.after, self.changes):
            edit.clear()

    def _failed(self, failure: TaskFailure) -> None:
        show_error(self.error, failure.message)

    def _show_detail(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        entry: AuditEntry = self.model.record(rows[0].row())
        self.before.setPlainText(pretty(entry.before))
        self.after.setPlainText(pretty(entry.after))
        self.changes.setPlainText("\n".join(changes(entry.before, entry.after)) or "—")

    def verify(self) -> None:
        actor = self.ui.actor
        self.ui.tasks.run(lambda: self.ui.services.audit.verify(actor), self._verified, self._failed, owner=self)

    def _verified(self, report: ChainReport) -> None:
        if report.ok:
            text = self.tr("The operation log is intact: {n} rows checked.").format(n=report.rows_checked)
            colour = Theme.role("ok")
        else:
            reason = QCoreApplication.translate("AuditLogPanel", PROBLEMS.get(report.problem.split(":", 1)[0],
                                                                              report.problem))
            text = self.tr("The operation log is broken at row {id}: {reason}.").format(id=report.first_broken_id,
                                                                                        reason=reason)
            colour = Theme.role("error")
        palette = self.verify_result.palette()
        palette.setColor(self.verify_result.foregroundRole(), colour)
        self.verify_result.setPalette(palette)
        self.verify_result.setText(text)

    # --- export -------------------------------------------------------------------------------------
    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the operation log"), "operation-log.xlsx",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the rows shown (the screen's columns, then before/after of the detail pane) to an .xlsx through
        the shared export service."""
        from acrel_console.services.export import export_xlsx

        entries = self.model.records()
        sheet = ScreenSheet(self.tr("Operation log"), self.columns + (
            ScreenColumn(self.tr("Before"), ColumnKind.TEXT, lambda e: e.before),
            ScreenColumn(self.tr("After"), ColumnKind.TEXT, lambda e: e.after)), self.ui.clock.zone,
            generated_by=self.ui.actor.name, generated_at=self.ui.clock.now(), filters=self.shown_filters)
        table = sheet.spec()
        self.ui.tasks.run(lambda: export_xlsx(path, table, list(sheet.rows(entries))), self._exported,
                          self._failed, owner=self)

    def _exported(self, result: ExportResult) -> None:
        self.last_export = result
        self.limit_note.setText(self.tr("{n} rows written to {path}.").format(n=result.rows, path=result.path))

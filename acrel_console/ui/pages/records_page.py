"""Records page (售电查询): filters, the Acrel columns with the delivery state, totals (财务收入 = 售电 − 冲正 −
退电), 查看详细, 单据打印 (reprint), 冲正 on the selected sale, 导出 (.xlsx off the GUI thread), 交班."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFileDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from acrel_console.domain.roles import Permission
from acrel_console.services.export import ExportResult
from acrel_console.services.records import RecordPage, RecordQuery, RecordRow
from acrel_console.ui.export_runner import ExportRunner
from acrel_console.ui.cashier.labels import METHODS, method_label, sale_type_label
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.cashier.receipt_dialog import ReceiptDialog
from acrel_console.ui.cashier.record_detail_dialog import RecordDetailDialog
from acrel_console.ui.cashier.records_export import record_columns, records_sheet, totals_lines
from acrel_console.ui.cashier.reversal_dialog import ReversalDialog
from acrel_console.ui.cashier.shift_dialog import ShiftDialog
from acrel_console.ui.confirm import inform
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import error_label, show_error
from acrel_console.ui.pages.base import Page
from acrel_console.ui.record_model import record_table
from acrel_console.ui.screen_table import filter_text, filters_of, run_export, table_model
from acrel_console.ui.shortcuts import page_action
from acrel_console.ui.site_time import edit_range, site_today
from acrel_console.ui.tasks import TaskFailure


class RecordsPage(Page):
    page_id = "records"

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.site_name = ""
        self.result: RecordPage | None = None
        self.last_query: RecordQuery | None = None
        self.dialog: Any = None  # the last dialog opened (tests drive it)
        self.last_export: ExportResult | None = None
        self.shown_filters: tuple[tuple[str, str], ...] = ()  # the filters of the rows on screen
        self.shown_period = ("", "")
        self.export_error: str = ""
        self.exporter = ExportRunner(self)
        self.exporter.finished.connect(self._exported)
        self._loaded = False
        self._build()

    def title(self) -> str:
        return self.tr("Sales records")

    @property
    def zone(self) -> str:
        """The site's time zone (the one site clock)."""
        return self.ui.clock.zone_name

    # ---- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        grid = QGridLayout()
        today = site_today(self.ui.clock)
        self.since = QDateEdit(today.addDays(-30))
        self.until = QDateEdit(today)
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.cashier = QLineEdit()
        self.tenant = QLineEdit()
        self.meter = QLineEdit()
        self.method = QComboBox()
        self.method.addItem(self.tr("Any"), None)
        for m in METHODS:
            self.method.addItem(method_label(m), m)
        self.sale_type = QComboBox()
        self.sale_type.addItem(self.tr("Any"), None)
        for t in ("normal", "reversal", "refund"):
            self.sale_type.addItem(sale_type_label(t), t)
        self.cashier.setPlaceholderText(self.tr("login name"))
        self.tenant.setPlaceholderText(self.tr("name, account no. or room"))
        self.meter.setPlaceholderText(self.tr("meter no."))
        fields = [(self.tr("From"), self.since), (self.tr("To"), self.until), (self.tr("Cashier"), self.cashier),
                  (self.tr("Tenant"), self.tenant), (self.tr("Meter no."), self.meter),
                  (self.tr("Payment method"), self.method), (self.tr("Sale type"), self.sale_type)]
        for i, (caption, editor) in enumerate(fields):
            editor.setObjectName(f"filter_{i}")
            grid.addWidget(QLabel(caption), i // 4, (i % 4) * 2)
            grid.addWidget(editor, i // 4, (i % 4) * 2 + 1)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        grid.addWidget(self.search_button, 1, 7)
        for col in (1, 3, 5, 7):
            grid.setColumnStretch(col, 1)
        outer.addLayout(grid)
        for edit in (self.cashier, self.tenant, self.meter):
            edit.returnPressed.connect(self.search)
        bar = QHBoxLayout()
        self.detail_button = QPushButton(self.tr("View details"))
        self.print_button = QPushButton(self.tr("Print slip"))
        self.reverse_button = QPushButton(self.tr("Reverse…"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.shift_button = QPushButton(self.tr("Shift close…"))
        self.detail_button.clicked.connect(self.show_detail)
        self.print_button.clicked.connect(self.print_slip)
        self.reverse_button.clicked.connect(self.reverse_selected)
        self.export_button.clicked.connect(self.choose_export)
        self.shift_button.clicked.connect(self.open_shift_dialog)
        for b in (self.detail_button, self.print_button, self.reverse_button, self.export_button, self.shift_button):
            bar.addWidget(b)
            b.setAutoDefault(False)
        page_action(self, self.tr("Print the slip again"), "Ctrl+P", self.print_slip)
        page_action(self, self.tr("Export to Excel"), "Ctrl+Shift+E", self.choose_export)
        page_action(self, self.tr("Close a shift"), "Ctrl+H", self.open_shift_dialog)
        bar.addStretch(1)
        outer.addLayout(bar)
        self.error = error_label()
        outer.addWidget(self.error)
        self.model = table_model(record_columns(), lambda at: self.ui.clock.text(at), self)  # the export's columns too
        self.view = record_table(self.model, "recordsTable")
        self.view.doubleClicked.connect(lambda _i: self.show_detail())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        outer.addWidget(self.view, 1)
        self.totals = QLabel()
        self.totals.setObjectName("recordsTotals")
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.totals)
        self._update_buttons()

    def _update_buttons(self) -> None:
        r = self.selected()
        self.detail_button.setEnabled(r is not None)
        self.print_button.setEnabled(r is not None and bool(r.receipt_no) and self.ui.can(Permission.SELL))
        self.reverse_button.setEnabled(r is not None and r.kind == "sale" and self.ui.can(Permission.SELL))
        self.export_button.setEnabled(self.result is not None and not self.exporter.running)
        self.shift_button.setEnabled(self.ui.can(Permission.VIEW))

    # ---- querying -----------------------------------------------------------------------------
    def activated(self) -> None:
        if not self._loaded:
            self._loaded = True
            settings, actor = self.ui.services.settings, self.ui.actor

            def done(values: dict[str, Any]) -> None:
                self.site_name = str(values["site_name"])
                self.search()

            self.ui.tasks.run(lambda: settings.get_all(actor), done, self._failed, owner=self)
        else:
            self.search()

    def _bounds(self) -> tuple[datetime, datetime]:
        return edit_range(self.ui.clock, self.since, self.until)

    def query(self) -> RecordQuery:
        since, until = self._bounds()
        return RecordQuery(since=since, until=until, cashier=self.cashier.text().strip() or None,
                           tenant=self.tenant.text().strip() or None, method=self.method.currentData(),
                           sale_type=self.sale_type.currentData())

    def search(self) -> None:
        show_error(self.error, "")
        self.shown_period = (self.since.date().toString("yyyy-MM-dd"), self.until.date().toString("yyyy-MM-dd"))
        q = self.query()
        meter_text = self.meter.text().strip()
        services, records, actor = self.ui.services, money_services(self.ui.services).records, self.ui.actor

        def run() -> tuple[RecordQuery, RecordPage]:
            query = q
            if meter_text:
                ids = [m.id for m in services.site.list_meters(actor, include_retired=True)
                       if m.meter_no == meter_text]
                query = RecordQuery(**{**_fields(q), "meter_id": ids[0] if ids else -1})
            return query, records.query(actor, query)

        self.ui.tasks.run(run, self._show, self._failed, owner=self)

    def _show(self, result: tuple[RecordQuery, RecordPage]) -> None:
        self.last_query, self.result = result
        page = self.result
        self.model.set_records(page.rows)
        self.shown_filters = self.filter_pairs()
        lines = totals_lines(page.totals)
        self.totals.setText(" · ".join(f"{label} {value}" for label, value in lines[:5]) +
                            "".join("\n" + self.tr("{label}: {value}").format(label=label, value=value)
                                    for label, value in lines[5:]))
        self._update_buttons()

    def filter_pairs(self) -> tuple[tuple[str, str], ...]:
        """The filters as the boxes show them, for the sheet's head (unset ones left out)."""
        return filters_of(filter_text(self.tr("Cashier"), self.cashier.text().strip()),
                          filter_text(self.tr("Tenant"), self.tenant.text().strip()),
                          filter_text(self.tr("Meter no."), self.meter.text().strip()),
                          filter_text(self.tr("Payment method"), self.method.currentText()
                                      if self.method.currentData() else ""),
                          filter_text(self.tr("Sale type"), self.sale_type.currentText()
                                      if self.sale_type.currentData() else ""))

    def _failed(self, failure: TaskFailure) -> None:
        show_error(self.error, failure.message)

    def selected(self) -> RecordRow | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.record(rows[0].row()) if rows else None

    # ---- actions ------------------------------------------------------------------------------
    def show_detail(self) -> None:
        r = self.selected()
        if r is not None:
            self._open(RecordDetailDialog(r, self.zone, self))

    def print_slip(self) -> None:
        r = self.selected()
        if r is not None and r.receipt_no:
            self._open(ReceiptDialog(self.ui, r.receipt_no, self))

    def reverse_selected(self) -> None:
        r = self.selected()
        if r is None or r.kind != "sale" or r.meter_id is None:
            return
        dialog = ReversalDialog(self.ui, r.meter_id, r.operation_id, self)
        dialog.finished.connect(lambda _r: self.search())
        self._open(dialog)

    def open_shift_dialog(self) -> None:
        dialog = ShiftDialog(self.ui, self.zone, self)
        dialog.finished.connect(lambda _r: self.search())
        self._open(dialog)

    def _open(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # ---- export -------------------------------------------------------------------------------
    def choose_export(self) -> None:
        dialog = QFileDialog(self, self.tr("Export records"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Excel workbook (*.xlsx)"))
        dialog.setDefaultSuffix("xlsx")
        dialog.selectFile(self.tr("records") + "-" + self.ui.clock.stamp() + ".xlsx")
        dialog.fileSelected.connect(self.export_to)
        self.dialog = dialog
        dialog.open()

    def export_to(self, path: str) -> None:
        """The records shown (same rows, columns, totals and filters as the screen) into an .xlsx, off the GUI
        thread through services.export."""
        if self.result is None or self.exporter.running:
            return
        a, b = self.shown_period
        sheet = records_sheet(self.site_name, f"{a} — {b}", self.ui.actor.name, self.ui.clock.zone,
                              self.ui.clock.now(), self.shown_filters, self.result.totals)
        self.export_error = ""
        run_export(self.exporter, str(Path(path)), sheet, self.model.records(), self.tr("Exporting records…"))
        self._update_buttons()

    def _exported(self, result: ExportResult | None, error: BaseException | None) -> None:
        self._update_buttons()
        title = self.tr("Export records")
        if error is not None:
            from acrel_console.ui.tasks import failure_text

            self.export_error = failure_text(error)
            inform(self, title, self.export_error, error=True)
            return
        assert result is not None
        self.last_export = result
        inform(self, title, self.tr("{n} records exported to {path}").format(n=result.rows, path=str(result.path)))


def _fields(q: RecordQuery) -> dict[str, Any]:
    return {name: getattr(q, name) for name in RecordQuery.__dataclass_fields__}


def create_page(ui: UiContext, parent: QWidget | None = None) -> Page:
    return RecordsPage(ui, parent)

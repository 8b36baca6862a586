"""报表中心: the report list on the left; per report a period/group/tenant picker, 查询, the table with totals,
a pyqtgraph chart (saved as PNG) and 导出 to .xlsx off the GUI thread with progress and Cancel."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QListWidget, QListWidgetItem, QPushButton, QSplitter, QTableView, QVBoxLayout,
                               QWidget)

from acrel_console.services.export import ExportCancelled, ExportResult
from acrel_console.services.reports.model import Report
from acrel_console.ui.site_time import site_today
from acrel_console.ui.context import UiContext
from acrel_console.ui.pages.base import Page
from acrel_console.ui.reports.catalog import (BY_ID, DAY, MONTH, REPORTS, YEAR, Query, ReportDef, option_label,
                                              resolve_period)
from acrel_console.ui.reports.chart_data import ChartData, report_chart, row_chart, row_labels
from acrel_console.ui.reports.chart_widget import ReportChart
from acrel_console.ui.reports.export_runner import ReportExporter
from acrel_console.ui.reports.period_picker import PeriodPicker
from acrel_console.ui.reports.table_model import ReportTableModel, header_text
from acrel_console.ui.screen_table import filter_text, filters_of
from acrel_console.ui.tasks import TaskFailure, failure_text
from acrel_console.ui.theme import Theme


LIST_ITEM_HEIGHT = 30
SPLIT_TABLE, SPLIT_CHART = 55, 45  # initial share of the height: table above, chart below


def site_zone(services: Any, actor: Any, period: Any) -> tzinfo:
    """The site's time zone (worker thread): the period's, else the site clock's."""
    if period is not None:
        return period.zone  # type: ignore[no-any-return]
    return services.clock.zone  # type: ignore[no-any-return]


class ReportsPage(Page):
    """报表中心."""

    page_id = "reports"

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.report: Report | None = None
        self.shown_filters: tuple[tuple[str, str], ...] = ()  # the grouping/tenant of the report on screen
        self._asked_filters: tuple[tuple[str, str], ...] = ()
        self.zone: tzinfo | None = None
        self.chart_data: ChartData | None = None
        self.last_export: ExportResult | None = None
        self.last_error = ""
        self._tenants_loaded = False

        self.report_list = QListWidget()
        self.report_list.setObjectName("reportList")
        for d in REPORTS:
            item = QListWidgetItem(d.title())
            item.setData(Qt.ItemDataRole.UserRole, d.report_id)
            item.setSizeHint(QSize(0, LIST_ITEM_HEIGHT))
            self.report_list.addItem(item)
        metrics = self.report_list.fontMetrics()
        self.report_list.setFixedWidth(max(metrics.horizontalAdvance(d.title()) for d in REPORTS) + 40)

        self.heading = QLabel()
        self.heading.setObjectName("reportHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.period = PeriodPicker(site_today(ui.clock))
        self.option_label = QLabel()
        self.option_box = QComboBox()
        self.option_box.setObjectName("reportOption")
        self.tenant_label = QLabel(self.tr("Tenant"))
        self.tenant_box = QComboBox()
        self.tenant_box.setObjectName("reportTenant")
        self.tenant_box.setMinimumContentsLength(14)
        self.query_button = QPushButton(self.tr("Query"))
        self.query_button.setObjectName("reportQuery")
        self.query_button.setDefault(True)
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setObjectName("reportExport")
        self.png_button = QPushButton(self.tr("Save chart as PNG…"))
        self.png_button.setObjectName("reportSavePng")
        self.message = QLabel()
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)

        self.model = ReportTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("reportTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)

        self.chart = ReportChart()
        self.chart_row_label = QLabel(self.tr("Chart of"))
        self.chart_row = QComboBox()
        self.chart_row.setObjectName("reportChartRow")
        self.chart_row.setMinimumContentsLength(12)
        chart_bar = QHBoxLayout()
        chart_bar.setContentsMargins(0, 0, 0, 0)
        chart_bar.addWidget(self.chart_row_label)
        chart_bar.addWidget(self.chart_row)
        chart_bar.addStretch(1)
        chart_bar.addWidget(self.png_button)
        self.chart_box = QWidget()
        chart_layout = QVBoxLayout(self.chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addLayout(chart_bar)
        chart_layout.addWidget(self.chart, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.chart_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([SPLIT_TABLE * 10, SPLIT_CHART * 10])

        controls = QHBoxLayout()
        controls.addWidget(self.period)
        controls.addWidget(self.option_label)
        controls.addWidget(self.option_box)
        controls.addWidget(self.tenant_label)
        controls.addWidget(self.tenant_box)
        controls.addWidget(self.query_button)
        controls.addStretch(1)
        controls.addWidget(self.export_button)

        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addLayout(controls)
        right.addWidget(self.message)
        right.addWidget(self.splitter, 1)
        row = QHBoxLayout(self)
        row.addWidget(self.report_list)
        row.addLayout(right, 1)

        self.exporter = ReportExporter(self)
        self.exporter.finished.connect(self._exported)
        self.report_list.currentRowChanged.connect(self._report_chosen)
        self.query_button.clicked.connect(self.query)
        self.export_button.clicked.connect(self.choose_export_file)
        self.png_button.clicked.connect(self.choose_png_file)
        self.chart_row.currentIndexChanged.connect(self._chart_row_chosen)
        self.report_list.setCurrentRow(0)

    def title(self) -> str:
        return self.tr("Reports")

    def activated(self) -> None:
        self._tenants_loaded = False  # accounts may have been opened meanwhile
        if self.current_def().needs_tenant:
            self._load_tenants()

    # --- choosing a report ------------------------------------------------------------------------
    def current_def(self) -> ReportDef:
        item = self.report_list.currentItem()
        return BY_ID[str(item.data(Qt.ItemDataRole.UserRole))] if item is not None else REPORTS[0]

    def select_report(self, report_id: str, kind: str = "") -> None:
        """Show a report's controls (the dashboard's 电能耗报表 shortcut); `kind` presets the period kind."""
        for row in range(self.report_list.count()):
            if self.report_list.item(row).data(Qt.ItemDataRole.UserRole) == report_id:
                self.report_list.setCurrentRow(row)
        if kind:
            self.period.set_kind(kind)

    def _report_chosen(self, _row: int) -> None:
        d = self.current_def()
        self.heading.setText(d.title())
        self.period.set_kinds(d.period_kinds, preferred=MONTH)
        current = self.option_box.currentData()
        self.option_box.clear()
        for option in d.options:
            self.option_box.addItem(option_label(option), option)
        if current in d.options:
            self.option_box.setCurrentIndex(d.options.index(current))
        self.option_label.setText(self.tr("By") if d.report_id in ("sales", "loss") else self.tr("Group"))
        self.option_label.setVisible(bool(d.options))
        self.option_box.setVisible(bool(d.options))
        self.tenant_label.setVisible(d.needs_tenant)
        self.tenant_box.setVisible(d.needs_tenant)
        if d.needs_tenant:
            self._load_tenants()
        self._show(None, None)

    def _load_tenants(self) -> None:
        if self._tenants_loaded:
            return
        from acrel_console.ui.cashier.money import money_services

        services, actor = self.ui.services, self.ui.actor

        def fetch() -> list[tuple[int, str]]:
            accounts = money_services(services).accounts.list_accounts(actor, include_closed=True, limit=5000)
            return sorted({(a.tenant_id, f"{a.name} · {a.room} ({a.account_no})") for a in accounts},
                          key=lambda t: t[1])

        def done(tenants: list[tuple[int, str]]) -> None:
            self._tenants_loaded = True
            self.tenant_box.clear()
            for tenant_id, text in tenants:
                self.tenant_box.addItem(text, tenant_id)

        self.ui.tasks.run(fetch, done, self._failed, owner=self)

    def current_query(self) -> Query:
        d = self.current_def()
        kind = self.period.kind() if d.period_kinds else ""
        tenant = self.tenant_box.currentData() if d.needs_tenant else None
        return Query(kind=kind, first=self.period.first() if kind else None,
                     last=self.period.last() if kind else None,
                     option=str(self.option_box.currentData() or "") if d.options else "",
                     tenant_id=int(tenant) if tenant is not None else None)

    # --- querying ---------------------------------------------------------------------------------
    def query(self) -> None:
        """查询: run the chosen report on a worker; the table and chart follow."""
        d, q = self.current_def(), self.current_query()
        if d.needs_tenant and q.tenant_id is None:
            self._set_message(self.tr("Choose a tenant first."), error=True)
            return
        services, actor = self.ui.services, self.ui.actor
        self._asked_filters = self.filter_pairs()

        def fetch() -> tuple[Report, tzinfo]:
            period = resolve_period(services, actor, q)
            report = d.run(services, actor, period, q)
            return report, site_zone(services, actor, period)

        self.query_button.setEnabled(False)
        self._set_message(self.tr("Querying…"))
        self.ui.tasks.run(fetch, self._loaded, self._failed, owner=self)

    def filter_pairs(self) -> tuple[tuple[str, str], ...]:
        """The grouping and tenant the report is asked with, in words (for the sheet's head)."""
        d = self.current_def()
        return filters_of(
            filter_text(self.option_label.text().rstrip(":： "), self.option_box.currentText() if d.options else ""),
            filter_text(self.tr("Tenant"), self.tenant_box.currentText() if d.needs_tenant else ""))

    def _loaded(self, result: tuple[Report, tzinfo]) -> None:
        report, zone = result
        self.shown_filters = self._asked_filters
        self.query_button.setEnabled(True)
        self._show(report, zone)

    def _failed(self, failure: TaskFailure) -> None:
        self.query_button.setEnabled(True)
        self._set_message(failure.message, error=True)

    def _show(self, report: Report | None, zone: tzinfo | None) -> None:
        self.report, self.zone = report, zone
        self.model.set_report(report, zone)
        self.export_button.setEnabled(report is not None)
        if report is None:
            self.heading.setText(self.current_def().title())
            self._set_message("")
        else:
            self.heading.setText(self.tr("{title} — {period}").format(
                title=QCoreApplication.translate("reports", report.title), period=report.period_text))
            notes = [QCoreApplication.translate("reports", n) for n in report.notes]
            self._set_message(" ".join(notes) if notes else self.tr("{rows} rows").format(rows=len(report.rows)))
            self._fit_columns()
        self.chart_row.blockSignals(True)
        self.chart_row.clear()
        labels = row_labels(report) if report is not None else []
        if labels:
            self.chart_row.addItem(self.tr("All (total)"), -1)
            for i, label in enumerate(labels):
                self.chart_row.addItem(label, i)
        self.chart_row.blockSignals(False)
        self.chart_row.setVisible(bool(labels))
        self.chart_row_label.setVisible(bool(labels))
        self._draw_chart(report_chart(report) if report is not None else None)

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            header.resizeSection(col, min(max(header.sectionSize(col), 48), 320))

    def _chart_row_chosen(self, _index: int) -> None:
        if self.report is None:
            return
        row = self.chart_row.currentData()
        if row is None or int(row) < 0:
            self._draw_chart(report_chart(self.report))
        else:
            self._draw_chart(row_chart(self.report, int(row)))

    def _draw_chart(self, data: ChartData | None) -> None:
        self.chart_data = data
        self.chart_box.setVisible(data is not None)
        if data is None:
            self.chart.clear()
            return
        self.chart.show_chart(data, self._x_title())

    def _x_title(self) -> str:
        report = self.report
        if report is None:
            return ""
        if report.report_id == "energy":
            kind = self.current_query().kind
            return {DAY: self.tr("Hour"), MONTH: self.tr("Day"), YEAR: self.tr("Month")}.get(kind, "")
        if report.report_id == "sales":
            if self.chart_data is not None and report.chart is not None and \
                    self.chart_data.x_labels == tuple(report.chart.x_labels):
                return header_text(report.columns[0].header)  # income per seller (a single day)
            return header_text("Date")
        if report.report_id in ("tou", "revenue"):
            return header_text("Tariff period")
        if report.report_id == "loss":
            return header_text("Date")
        return ""

    def _set_message(self, text: str, error: bool = False) -> None:
        palette = self.message.palette()
        colour = Theme.role("error") if error else self.palette().color(QPalette.ColorRole.WindowText)
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.message.setPalette(palette)
        self.message.setText(text)
        self.last_error = text if error else ""

    # --- chart PNG --------------------------------------------------------------------------------
    def choose_png_file(self) -> None:
        if self.chart_data is None or self.report is None:
            return
        dialog = QFileDialog(self, self.tr("Save chart as PNG"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PNG images (*.png)"))
        dialog.setDefaultSuffix("png")
        dialog.selectFile(f"{QCoreApplication.translate('reports', self.report.title)}-{self.report.period_text}.png")
        dialog.fileSelected.connect(self.save_chart)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def save_chart(self, path: str) -> bool:
        """Write the chart as shown to `path` (PNG)."""
        ok = self.chart.save_png(path)
        if ok:
            self._set_message(self.tr("Chart saved to {path}.").format(path=path))
        else:
            self._set_message(self.tr("The chart could not be saved to {path}.").format(path=path), error=True)
        return ok

    # --- export -----------------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        if self.report is None or self.exporter.running:
            return
        dialog = QFileDialog(self, self.tr("Export to Excel"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Excel workbooks (*.xlsx)"))
        dialog.setDefaultSuffix("xlsx")
        name = f"{QCoreApplication.translate('reports', self.report.title)}-{self.report.period_text}"
        dialog.selectFile(name.replace("/", "-").replace(" ", "") + ".xlsx")
        dialog.fileSelected.connect(self.export_to)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def export_to(self, path: str) -> None:
        """导出: the shown report to `path` off the GUI thread (progress dialog with Cancel)."""
        if self.report is None or self.exporter.running:
            return
        self.export_button.setEnabled(False)
        self._set_message(self.tr("Exporting…"))
        self.exporter.start(self.ui.services, self.ui.actor, self.report, path, filters=self.shown_filters)

    def _exported(self, result: ExportResult | None, error: BaseException | None) -> None:
        self.export_button.setEnabled(self.report is not None)
        self.last_export = result
        if isinstance(error, ExportCancelled):
            self._set_message(self.tr("Export cancelled; no file was written."))
        elif error is not None:
            self._set_message(failure_text(error), error=True)
        elif result is not None:
            self._set_message(self.tr("Exported {rows} rows to {path}.").format(rows=result.rows, path=result.path))


def create_page(ui: UiContext, parent: QWidget | None = None) -> Page:
    return ReportsPage(ui, parent)

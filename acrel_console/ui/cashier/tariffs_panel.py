"""The Tariffs tab of the Accounts page: the tariffs with their current version, new tariff / new version /
assign to meters (for operators with the tariff right), export of the list as shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableView, QVBoxLayout,
                               QWidget)

from acrel_console.domain.roles import Permission
from acrel_console.services.export import ColumnKind
from acrel_console.services.tariffs import TariffInfo
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.cashier.receipt_lines import local_time
from acrel_console.ui.cashier.tariff_dialogs import KIND_NAMES, AssignTariffDialog, TariffDialog
from acrel_console.ui.cashier.tariff_presenter import describe
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import error_label, show_error
from acrel_console.ui.list_export import ListExport
from acrel_console.ui.screen_table import ScreenColumn, table_model
from acrel_console.ui.tasks import TaskFailure


class TariffsPanel(QWidget):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.dialog: Any = None
        self.batch_dialog: Any = None  # a TOU tariff's schedule download, followed after an assignment
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New tariff…"))
        self.version_button = QPushButton(self.tr("New version…"))
        self.assign_button = QPushButton(self.tr("Assign to meters…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        for b in (self.new_button, self.version_button, self.assign_button, self.refresh_button):
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.error = error_label()
        layout.addWidget(self.error)
        T = ColumnKind.TEXT
        self.columns = (
            ScreenColumn(self.tr("Name"), T, lambda t: t.name),
            ScreenColumn(self.tr("Kind"), T,
                         lambda t: QCoreApplication.translate("TariffDialog", KIND_NAMES.get(t.kind, t.kind))),
            ScreenColumn(self.tr("Prices (yuan/kWh)"), T, lambda t: describe(t.body)),
            ScreenColumn(self.tr("Periods/tiers"), ColumnKind.INT,
                         lambda t: len(t.body.tiers) if t.kind == "tiered" else len(t.body.schedule)),
            ScreenColumn(self.tr("Effective from"), ColumnKind.DATE, lambda t: ui.clock.local(t.effective_from).date()),
            ScreenColumn(self.tr("Versions"), ColumnKind.INT, lambda t: t.versions),
        )
        self.model = table_model(self.columns, lambda at: ui.clock.text(at), self)
        self.export = ListExport(self, ui, lambda: self.tr("Tariffs"), lambda: self.tr("tariffs"),
                                 lambda: self.columns, self.model.records)
        bar.addWidget(self.export.button)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        allowed = ui.can(Permission.MANAGE_TARIFFS)
        for b in (self.new_button, self.version_button, self.assign_button):
            b.setEnabled(allowed)
            if not allowed:
                b.setToolTip(self.tr("Your role may not change tariffs."))
        self.new_button.clicked.connect(self.new_tariff)
        self.version_button.clicked.connect(self.new_version)
        self.assign_button.clicked.connect(self.assign)
        self.refresh_button.clicked.connect(self.reload)


    @property
    def zone(self) -> str:
        """The site's time zone (the one site clock)."""
        return self.ui.clock.zone_name

    def reload(self) -> None:
        tariffs, actor = money_services(self.ui.services).tariffs, self.ui.actor
        self.ui.tasks.run(lambda: tariffs.list_tariffs(actor), self._loaded, self._failed, owner=self)

    def _loaded(self, infos: list[TariffInfo]) -> None:
        show_error(self.error, "")
        self.model.set_records(infos)

    def _failed(self, failure: TaskFailure) -> None:
        show_error(self.error, failure.message)

    def selected(self) -> TariffInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _open(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self.reload)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def new_tariff(self) -> None:
        self._open(TariffDialog(self.ui, self.zone, None, self))

    def new_version(self) -> None:
        t = self.selected()
        if t is not None:
            self._open(TariffDialog(self.ui, self.zone, t, self))

    def assign(self, preselect: list[int] | None = None) -> None:
        site, actor = self.ui.services.site, self.ui.actor
        tariffs = list(self.model.records())
        chosen = self.selected()
        if chosen is not None:
            tariffs.sort(key=lambda t: t.tariff_id != chosen.tariff_id)
        def show(meters: list[Any]) -> None:
            dialog = AssignTariffDialog(self.ui, self.zone, tariffs, meters, preselect or [], self)
            dialog.submitted.connect(self._follow_schedule)
            self._open(dialog)

        self.ui.tasks.run(lambda: site.list_meters(actor), show, self._failed, owner=self)

    def _follow_schedule(self, result: Any) -> None:
        """A TOU tariff's day-period schedule went to the meters that take one: show that batch's progress."""
        batch = getattr(result, "schedule_batch", None)
        if not batch:
            return
        from acrel_console.ui.meters.batch_dialog import BatchDialog
        from acrel_console.ui.pages.meters_page import control_service

        dialog = BatchDialog(self.ui, control_service(self.ui), batch, lambda _mid: None, self)
        dialog.setWindowTitle(self.tr("Day-period schedule download"))
        self.batch_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

"""首页 (dashboard): meters by status and mode out of the total, yesterday/today energy, live alarms, offline
meters and gateways, shortcuts 新增售电 / 新增开户 / 电表批量操作 / 电能耗报表. Refreshed through the task runner
on a timer while shown, after sweeps (when the app hands the page a poller) and when an alarm arrives."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from acrel_console.domain.status import MeterStatus
from acrel_console.services.alarms import Alarm
from acrel_console.services.export_formats import hundredths_text
from acrel_console.ui.alarms.alarm_model import AlarmTableModel
from acrel_console.ui.alarms.notifier import alarm_notifier
from acrel_console.ui.context import UiContext
from acrel_console.ui.meters.poller_bridge import PollerBridge, SweepSource
from acrel_console.ui.pages.base import Page
from acrel_console.ui.reports.catalog import MONTH
from acrel_console.ui.reports.dashboard_data import DashboardData, load_dashboard
from acrel_console.ui.reports.table_model import ReportTableModel
from acrel_console.ui.tasks import TaskFailure
from acrel_console.ui.theme import Theme, theme

REFRESH_MS = 60_000
BURST_MS = 300
SWEEP_COALESCE_MS = 5_000  # many gateways finish sweeps close together: one refresh for them all
COUNT_KEYS = ("total", "unopened", "offline", "relay_closed", "relay_open", "forced", "prepaid")
OFFLINE_METER_COLUMNS = ("room", "gateway", "offline_since")
OFFLINE_GATEWAY_COLUMNS = ("gateway", "endpoint", "last_sweep")


class Tile(QFrame):
    """A figure with its caption (and optional status icon)."""

    def __init__(self, caption: str, icon: QIcon | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(caption)
        self.value = QLabel("–")
        self.value.setObjectName("tileValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel()
        muted = self.detail.palette()
        muted.setColor(self.detail.foregroundRole(), Theme.role("muted"))
        self.detail.setPalette(muted)
        top = QHBoxLayout()
        top.setSpacing(6)
        if icon is not None:
            mark = QLabel()
            mark.setPixmap(icon.pixmap(16, 16))
            top.addWidget(mark)
        top.addWidget(self.caption)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def set_value(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    return table


class DashboardPage(Page):
    """首页."""

    page_id = "dashboard"
    page_requested = Signal(str)  # a shortcut asked for another page (page id), also without a shell

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.data: DashboardData | None = None
        self._last_refresh = 0.0
        self._loading = False

        t = theme()
        captions = {
            "total": (self.tr("Meters"), None),
            "unopened": (self.tr("Unopened"), t.style(MeterStatus.UNOPENED).icon(16)),
            "offline": (self.tr("Offline"), t.style(MeterStatus.OFFLINE).icon(16)),
            "relay_closed": (self.tr("Relay closed"), None),
            "relay_open": (self.tr("Relay open"), None),
            "forced": (self.tr("Forced mode"), None),
            "prepaid": (self.tr("Prepaid mode"), None),
        }
        self.tiles: dict[str, Tile] = {}
        counts_row = QHBoxLayout()
        for key in COUNT_KEYS:
            caption, icon = captions[key]
            tile = Tile(caption, icon)
            tile.setObjectName(f"tile_{key}")
            self.tiles[key] = tile
            counts_row.addWidget(tile)

        self.energy_yesterday = Tile(self.tr("Energy yesterday"))
        self.energy_yesterday.setObjectName("tile_energy_yesterday")
        self.energy_today = Tile(self.tr("Energy today"))
        self.energy_today.setObjectName("tile_energy_today")

        self.shortcuts: dict[str, QPushButton] = {}
        shortcut_box = QGroupBox(self.tr("Shortcuts"))
        grid = QGridLayout(shortcut_box)
        for i, (key, text) in enumerate((("sale", self.tr("New sale")), ("open_account", self.tr("Open account")),
                                         ("batch", self.tr("Meter batch operations")),
                                         ("energy_report", self.tr("Energy report")))):
            button = QPushButton(text)
            button.setObjectName(f"shortcut_{key}")
            button.setMinimumHeight(34)
            button.clicked.connect(lambda _c=False, k=key: self.open_shortcut(k))
            self.shortcuts[key] = button
            grid.addWidget(button, i // 2, i % 2)
        middle = QHBoxLayout()
        middle.addWidget(self.energy_yesterday, 1)
        middle.addWidget(self.energy_today, 1)
        middle.addWidget(shortcut_box, 2)

        self.alarm_model = AlarmTableModel(("severity", "raised", "place", "kind", "message"), self)
        self.alarm_table = _table("dashboardAlarms")
        self.alarm_table.setModel(self.alarm_model)
        self.alarm_table.doubleClicked.connect(lambda _i: self.open_shortcut("alarms"))
        self.alarm_box = QGroupBox(self.tr("Live alarms"))
        self.all_alarms = QPushButton(self.tr("All alarms…"))
        self.all_alarms.setObjectName("shortcut_alarms")
        self.all_alarms.clicked.connect(lambda: self.open_shortcut("alarms"))
        alarm_layout = QVBoxLayout(self.alarm_box)
        alarm_layout.addWidget(self.alarm_table, 1)
        alarm_layout.addWidget(self.all_alarms, 0, Qt.AlignmentFlag.AlignRight)

        self.offline_model = ReportTableModel(self)
        self.offline_table = _table("dashboardOfflineMeters")
        self.offline_table.setModel(self.offline_model)
        self.offline_box = QGroupBox(self.tr("Offline meters"))
        QVBoxLayout(self.offline_box).addWidget(self.offline_table)
        self.gateway_model = ReportTableModel(self)
        self.gateway_table = _table("dashboardOfflineGateways")
        self.gateway_table.setModel(self.gateway_model)
        self.gateway_box = QGroupBox(self.tr("Offline gateways"))
        QVBoxLayout(self.gateway_box).addWidget(self.gateway_table)
        offline_column = QVBoxLayout()
        offline_column.addWidget(self.offline_box, 3)
        offline_column.addWidget(self.gateway_box, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.alarm_box, 3)
        bottom.addLayout(offline_column, 2)

        self.updated = QLabel()
        self.updated.setObjectName("dashboardUpdated")
        layout = QVBoxLayout(self)
        layout.addLayout(counts_row)
        layout.addLayout(middle)
        layout.addLayout(bottom, 1)
        layout.addWidget(self.updated)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self._sweep_timer = QTimer(self)
        self._sweep_timer.setSingleShot(True)
        self._sweep_timer.setInterval(SWEEP_COALESCE_MS)
        self._sweep_timer.timeout.connect(self._tick)
        self._burst = QTimer(self)
        self._burst.setSingleShot(True)
        self._burst.setInterval(BURST_MS)
        self._burst.timeout.connect(self._tick)
        self.bridge = PollerBridge(self)
        self.bridge.sweep_received.connect(self._sweep_received)
        poller = getattr(ui, "poller", None)
        if poller is not None:
            self.attach_poller(poller)
        alarm_notifier(ui, owner=self).alarm_raised.connect(self._alarm_raised)

    def title(self) -> str:
        return self.tr("Dashboard")

    def activated(self) -> None:
        self.refresh()
        self.timer.start()

    def deactivated(self) -> None:
        self.timer.stop()
        self._sweep_timer.stop()

    def attach_poller(self, poller: SweepSource) -> None:
        """Refresh after sweeps (Poller.subscribe; results arrive queued on the GUI thread)."""
        self.bridge.attach(poller)

    # --- refreshing -------------------------------------------------------------------------------
    def refresh(self, quiet: bool = False) -> None:
        """Reload every figure on a worker (`quiet`: a periodic refresh that does not light 'Working…')."""
        if self._loading:
            return
        self._loading = True
        services, actor = self.ui.services, self.ui.actor
        self.ui.tasks.run(lambda: load_dashboard(services, actor), self._loaded, self._failed, owner=self,
                          quiet=quiet)

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh(quiet=True)
        else:
            self.timer.stop()

    def _sweep_received(self, _result: Any) -> None:
        if self.isVisible() and not self._sweep_timer.isActive():
            self._sweep_timer.start()

    def _alarm_raised(self, _alarm: Alarm) -> None:
        if self.isVisible() and not self._burst.isActive():
            self._burst.start()  # one reload for a burst of alarms (a sweep may raise hundreds)

    def _failed(self, failure: TaskFailure) -> None:
        self._loading = False
        self.updated.setText(failure.message)

    def _loaded(self, data: DashboardData) -> None:
        self._loading = False
        self._last_refresh = time.monotonic()
        self.data = data
        c = data.counts
        for key in COUNT_KEYS:
            value = getattr(c, key)
            detail = "" if key == "total" else self.tr("of {total}").format(total=c.total)
            self.tiles[key].set_value(str(value), detail)
        self.energy_yesterday.set_value(f"{hundredths_text(data.energy_yesterday)} kWh")
        self.energy_today.set_value(f"{hundredths_text(data.energy_today)} kWh",
                                    self.tr("until {time}").format(time=data.as_of.strftime("%H:%M")))
        self.alarm_model.set_alarms(data.alarms, data.zone)
        self.alarm_box.setTitle(self.tr("Live alarms ({count})").format(count=data.alarm_count))
        self._show_report(self.offline_table, self.offline_model, data.offline_meters, OFFLINE_METER_COLUMNS,
                          data.zone)
        self.offline_box.setTitle(self.tr("Offline meters ({count})").format(count=len(data.offline_meters.rows)))
        self._show_report(self.gateway_table, self.gateway_model, data.offline_gateways, OFFLINE_GATEWAY_COLUMNS,
                          data.zone)
        self.gateway_box.setTitle(self.tr("Offline gateways ({count})").format(
            count=len(data.offline_gateways.rows)))
        self.alarm_table.resizeColumnsToContents()
        header = self.alarm_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.alarm_model.columnCount() - 1, QHeaderView.ResizeMode.Stretch)  # message
        self.updated.setText(self.tr("Updated {time}").format(time=data.as_of.strftime("%Y-%m-%d %H:%M:%S")))

    @staticmethod
    def _show_report(table: QTableView, model: ReportTableModel, report: Any, keys: tuple[str, ...],
                     zone: Any) -> None:
        model.set_report(report, zone)
        for i, column in enumerate(report.columns):
            table.setColumnHidden(i, column.key not in keys)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)

    # --- shortcuts --------------------------------------------------------------------------------
    def open_shortcut(self, key: str) -> None:
        """Switch to the shortcut's page through the shell's show_page (and emit page_requested)."""
        page_id = {"sale": "cashier", "open_account": "accounts", "batch": "meters", "energy_report": "reports",
                   "alarms": "alarms"}[key]
        self.page_requested.emit(page_id)
        show_page = getattr(self.window(), "show_page", None)
        if not callable(show_page):
            return
        try:
            page = show_page(page_id)
        except KeyError:
            return
        if key == "open_account" and callable(getattr(page, "open_account", None)):
            page.open_account()
        elif key == "energy_report" and callable(getattr(page, "select_report", None)):
            page.select_report("energy", MONTH)
            page.query()


def create_page(ui: UiContext, parent: QWidget | None = None) -> Page:
    return DashboardPage(ui, parent)

"""Alarms page: 实时报警 (active alarms with severity, acknowledge with a comment; a meter that refused to give up
the previous system's credit at opening is asked again from its alarm), 历史报警 (raised, cleared, acknowledged
by whom, message) with a date filter, and the online payment cases (在线支付异常). New alarms flash in the status
bar."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QHBoxLayout, QHeaderView, QLabel, QMainWindow,
                               QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget)

from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.money import format_yuan
from acrel_console.domain.roles import Permission
from acrel_console.services.alarms import Alarm
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.site_time import site_today
from acrel_console.ui.alarms.ack_dialog import AcknowledgeDialog
from acrel_console.ui.alarms.alarm_model import ACTIVE_COLUMNS, HISTORY_COLUMNS, AlarmTableModel, sheet_columns
from acrel_console.ui.alarms.notifier import alarm_notifier, install_status_flash
from acrel_console.ui.context import UiContext
from acrel_console.ui.list_export import ListExport
from acrel_console.ui.pages.base import Page
from acrel_console.ui.payment_cases_panel import PaymentCasesPanel
from acrel_console.ui.tasks import TaskFailure
from acrel_console.ui.theme import Theme

REFRESH_MS = 30_000
BURST_MS = 300
HISTORY_DAYS = 7


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class AlarmTable(QTableView):
    """A read-only alarm table; Enter on a row asks to acknowledge it."""

    def __init__(self, on_enter: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_enter = on_enter
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._on_enter is not None:
            self._on_enter()
            return
        super().keyPressEvent(event)


class AlarmsPage(Page):
    """实时报警 / 历史报警."""

    page_id = "alarms"

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.zone: tzinfo | None = None
        self.shown_period = self._asked_period = ""
        self.dialog: AcknowledgeDialog | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("alarmTabs")

        # 实时报警
        self.active_model = AlarmTableModel(ACTIVE_COLUMNS, self)
        self.active_table = AlarmTable(self.acknowledge_selected)
        self.active_table.setObjectName("activeAlarms")
        self.active_table.setModel(self.active_model)
        self.active_table.doubleClicked.connect(lambda _i: self.acknowledge_selected())
        self.active_count = QLabel()
        self.active_count.setObjectName("activeCount")
        self.ack_button = QPushButton(self.tr("Acknowledge…"))
        self.ack_button.setObjectName("ackButton")
        self.ack_button.setEnabled(False)
        self.ack_button.clicked.connect(self.acknowledge_selected)
        if not ui.can(Permission.ACK_ALARMS):
            self.ack_button.setToolTip(self.tr("Your role may not acknowledge alarms."))
        self.retry_button = QPushButton(self.tr("Clear the meter again"))
        self.retry_button.setObjectName("retryClearButton")
        self.retry_button.setToolTip(self.tr("The meter refused to give up the previous system's credit when its "
                                             "account was opened: ask it again (read back as before)"))
        self.retry_button.setEnabled(False)
        self.retry_button.clicked.connect(self.retry_clear_selected)
        self._note = ""  # said once the active alarms are loaded again
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.active_export = ListExport(self, ui, lambda: self.tr("Active alarms"), lambda: self.tr("active-alarms"),
                                        lambda: sheet_columns(self.active_model), self.active_model.alarms)
        bar = QHBoxLayout()
        bar.addWidget(self.active_count)
        bar.addStretch(1)
        bar.addWidget(self.ack_button)
        bar.addWidget(self.retry_button)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.active_export.button)
        active = QWidget()
        active_layout = QVBoxLayout(active)
        active_layout.addLayout(bar)
        active_layout.addWidget(self.active_table, 1)
        self.tabs.addTab(active, self.tr("Active alarms"))

        # 历史报警
        self.history_model = AlarmTableModel(HISTORY_COLUMNS, self)
        self.history_table = AlarmTable()
        self.history_table.setObjectName("alarmHistory")
        self.history_table.setModel(self.history_model)
        today = site_today(self.ui.clock)
        self.history_from = QDateEdit(today.addDays(-(HISTORY_DAYS - 1)))
        self.history_to = QDateEdit(today)
        for edit, name in ((self.history_from, "historyFrom"), (self.history_to, "historyTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.history_button = QPushButton(self.tr("Query"))
        self.history_button.setObjectName("historyQuery")
        self.history_button.clicked.connect(self.load_history)
        self.history_count = QLabel()
        hbar = QHBoxLayout()
        hbar.addWidget(QLabel(self.tr("From")))
        hbar.addWidget(self.history_from)
        hbar.addWidget(QLabel(self.tr("to")))
        hbar.addWidget(self.history_to)
        hbar.addWidget(self.history_button)
        hbar.addStretch(1)
        hbar.addWidget(self.history_count)
        self.history_export = ListExport(self, ui, lambda: self.tr("Alarm history"), lambda: self.tr("alarm-history"),
                                         lambda: sheet_columns(self.history_model), self.history_model.alarms,
                                         period_text=lambda: self.shown_period)
        hbar.addWidget(self.history_export.button)
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.addLayout(hbar)
        history_layout.addWidget(self.history_table, 1)
        self.tabs.addTab(history, self.tr("Alarm history"))

        # 在线支付异常 (issue 17): loaded when its tab is chosen
        self.payment_cases = PaymentCasesPanel(ui)
        self.tabs.addTab(self.payment_cases, self.tr("Online payment cases"))

        self.message = QLabel()
        self.message.setObjectName("alarmsMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.message.hide()

        self.active_table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self._burst = QTimer(self)  # a sweep may raise hundreds of alarms at once: one reload for them
        self._burst.setSingleShot(True)
        self._burst.setInterval(BURST_MS)
        self._burst.timeout.connect(self._tick)
        self.notifier = alarm_notifier(ui, owner=self)
        self.notifier.alarm_raised.connect(self._alarm_raised)
        QTimer.singleShot(0, self, self._install_flash)  # once the shell has put the page into its window

    def title(self) -> str:
        return self.tr("Alarms")

    def activated(self) -> None:
        self.refresh()
        self.timer.start()

    def deactivated(self) -> None:
        self.timer.stop()

    def _install_flash(self) -> None:
        window = self.window()
        if isinstance(window, QMainWindow) and window is not self:
            install_status_flash(window, self.ui)

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh(quiet=True)
            if self.tabs.currentWidget() is self.payment_cases:
                self.payment_cases.load()
        else:
            self.timer.stop()

    def _alarm_raised(self, _alarm: Alarm) -> None:
        if self.isVisible() and not self._burst.isActive():
            self._burst.start()

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self.history_model.rowCount() == 0:
            self.load_history()
        elif self.tabs.widget(index) is self.payment_cases:
            self.payment_cases.load()

    # --- loading ----------------------------------------------------------------------------------
    def _zone_of(self, services: Any, actor: Any) -> tzinfo:
        return self.ui.clock.zone  # the one site clock

    def refresh(self, quiet: bool = False) -> None:
        """Reload the active alarms (worker thread; `quiet` for periodic refreshes)."""
        services, actor, zone_of = self.ui.services, self.ui.actor, self._zone_of

        def fetch() -> tuple[list[Alarm], tzinfo]:
            return services.alarms.active(actor), zone_of(services, actor)

        self.ui.tasks.run(fetch, self._active_loaded, self._failed, owner=self, quiet=quiet)

    def _active_loaded(self, result: tuple[list[Alarm], tzinfo]) -> None:
        alarms, self.zone = result
        selected = self.selected_alarm()
        self.active_model.set_alarms(alarms, self.zone)
        self.notifier.note_active(alarms)
        self.active_count.setText(self.tr("{count} active alarms, {open} not acknowledged").format(
            count=len(alarms), open=sum(1 for a in alarms if a.acknowledged_at is None)))
        self._fit(self.active_table)
        if selected is not None:
            self.select_alarm(selected.id)
        self._selection_changed()
        self._show_message(self._note)
        self._note = ""

    def load_history(self) -> None:
        """历史报警 between the chosen days (site-local), newest first."""
        first, last = _pydate(self.history_from.date()), _pydate(self.history_to.date())
        if last < first:
            self._show_message(self.tr("The period ends before it starts."), error=True)
            return
        services, actor, zone_of = self.ui.services, self.ui.actor, self._zone_of
        self._asked_period = f"{first.isoformat()} — {last.isoformat()}"

        def fetch() -> tuple[list[Alarm], tzinfo]:
            zone = zone_of(services, actor)
            since = datetime.combine(first, time(0), zone)
            until = datetime.combine(last + timedelta(days=1), time(0), zone)
            return services.alarms.history(actor, since=since, until=until), zone

        self.ui.tasks.run(fetch, self._history_loaded, self._failed, owner=self)

    def _history_loaded(self, result: tuple[list[Alarm], tzinfo]) -> None:
        alarms, self.zone = result
        self.shown_period = self._asked_period  # what the shown history covers (the export's period)
        self.history_model.set_alarms(alarms, self.zone)
        self.history_count.setText(self.tr("{count} alarms").format(count=len(alarms)))
        self._fit(self.history_table)
        self._show_message("")

    def _failed(self, failure: TaskFailure) -> None:
        self._show_message(failure.message, error=True)

    def _show_message(self, text: str, error: bool = False) -> None:
        palette = self.message.palette()
        colour = Theme.role("error") if error else self.palette().color(QPalette.ColorRole.WindowText)
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.message.setPalette(palette)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    @staticmethod
    def _fit(table: QTableView) -> None:
        """Columns as wide as their contents; the message (last column) takes the rest of the width."""
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        for col in range(header.count()):
            header.resizeSection(col, min(header.sectionSize(col), 420))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(header.count() - 1, QHeaderView.ResizeMode.Stretch)

    # --- acknowledging ----------------------------------------------------------------------------
    def selected_alarm(self) -> Alarm | None:
        rows = self.active_table.selectionModel().selectedRows()
        return self.active_model.alarm(rows[0].row()) if rows else None

    def select_alarm(self, alarm_id: int) -> bool:
        row = self.active_model.row_of(alarm_id)
        if row is None:
            return False
        self.active_table.selectRow(row)
        self.active_table.setCurrentIndex(self.active_model.index(row, 0))
        return True

    def _selection_changed(self, *_args: Any) -> None:
        alarm = self.selected_alarm()
        self.ack_button.setEnabled(alarm is not None and alarm.acknowledged_at is None
                                   and self.ui.can(Permission.ACK_ALARMS))
        self.retry_button.setEnabled(self._refused_clearing(alarm) is not None and self.ui.can(Permission.SELL))

    @staticmethod
    def _refused_clearing(alarm: Alarm | None) -> int | None:
        """The meter of an alarm that says a clearing at opening was refused (None for any other alarm)."""
        if alarm is None or alarm.kind != AlarmKind.RETURN_REFUSED or alarm.params.get("purpose") != "clear":
            return None
        return alarm.meter_id

    def retry_clear_selected(self) -> None:
        """Ask the meter of the selected refused clearing again (AccountService.retry_clear, off the GUI thread)."""
        alarm = self.selected_alarm()
        meter_id = self._refused_clearing(alarm)
        if alarm is None or meter_id is None or not self.ui.can(Permission.SELL):
            return
        accounts, actor, room = money_services(self.ui.services).accounts, self.ui.actor, alarm.params.get("room", "")
        self.retry_button.setEnabled(False)

        def done(state: Any) -> None:
            self._note = self.tr("{room}: clearing {amount} yuan again; the meter is asked now.").format(
                room=room, amount=format_yuan(state.held_fen))
            self.refresh()

        self.ui.tasks.run(lambda: accounts.retry_clear(actor, meter_id), done, self._retry_failed, owner=self)

    def _retry_failed(self, failure: TaskFailure) -> None:
        self._failed(failure)
        self._selection_changed()

    def acknowledge_selected(self) -> AcknowledgeDialog | None:
        """Open the acknowledge dialog for the selected, not yet acknowledged alarm."""
        alarm = self.selected_alarm()
        if alarm is None or alarm.acknowledged_at is not None or not self.ui.can(Permission.ACK_ALARMS):
            return None
        dialog = AcknowledgeDialog(self.ui, alarm, self)
        dialog.acknowledged.connect(self._acknowledged)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _acknowledged(self, alarm: Alarm) -> None:
        self.refresh()
        if self.history_model.rowCount():
            self.load_history()
        self.active_table.setFocus()


def create_page(ui: UiContext, parent: QWidget | None = None) -> Page:
    return AlarmsPage(ui, parent)

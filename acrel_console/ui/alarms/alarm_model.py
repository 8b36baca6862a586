"""AlarmTableModel: active alarms (实时报警) or alarm history (历史报警) with severity icon and site-local times."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from acrel_console.services.site_clock import text_in
from acrel_console.ui.site_time import site_clock
from acrel_console.services.alarms import Alarm
from acrel_console.services.export import ColumnKind
from acrel_console.ui.screen_table import ScreenColumn
from acrel_console.ui.alarms.alarm_text import kind_label, message_text, place_text
from acrel_console.ui.alarms.severity import severity_icon, severity_style

AnyIndex = QModelIndex | QPersistentModelIndex
ALARM_ROLE = Qt.ItemDataRole.UserRole + 1

ACTIVE_COLUMNS = ("severity", "raised", "kind", "place", "ack_by", "message")
HISTORY_COLUMNS = ("raised", "cleared", "severity", "kind", "place", "ack_by", "ack_at", "comment", "message")


def column_title(key: str) -> str:
    titles = {
        "severity": QCoreApplication.translate("AlarmTableModel", "Severity"),
        "kind": QCoreApplication.translate("AlarmTableModel", "Alarm"),
        "place": QCoreApplication.translate("AlarmTableModel", "Room / gateway"),
        "message": QCoreApplication.translate("AlarmTableModel", "Message"),
        "raised": QCoreApplication.translate("AlarmTableModel", "Raised at"),
        "cleared": QCoreApplication.translate("AlarmTableModel", "Cleared at"),
        "ack_by": QCoreApplication.translate("AlarmTableModel", "Acknowledged by"),
        "ack_at": QCoreApplication.translate("AlarmTableModel", "Acknowledged at"),
        "comment": QCoreApplication.translate("AlarmTableModel", "Comment"),
    }
    return titles[key]


def time_text(at: datetime | None, zone: tzinfo | None) -> str:
    """An instant in `zone`, else in the site clock's zone (never the machine's)."""
    return text_in(at, zone or site_clock().zone)


class AlarmTableModel(QAbstractTableModel):
    """A list of Alarm values; `columns` chooses the active or the history layout."""

    def __init__(self, columns: Sequence[str] = ACTIVE_COLUMNS, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._alarms: list[Alarm] = []
        self._zone: tzinfo | None = None

    def set_alarms(self, alarms: Sequence[Alarm], zone: tzinfo | None = None) -> None:
        self.beginResetModel()
        self._alarms, self._zone = list(alarms), zone
        self.endResetModel()

    def alarms(self) -> list[Alarm]:
        return list(self._alarms)

    def alarm(self, row: int) -> Alarm:
        return self._alarms[row]

    def row_of(self, alarm_id: int) -> int | None:
        return next((i for i, a in enumerate(self._alarms) if a.id == alarm_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._alarms)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.columns)

    def text(self, alarm: Alarm, key: str) -> str:
        if key == "severity":
            return severity_style(alarm.severity).label()
        if key == "kind":
            return kind_label(alarm)
        if key == "place":
            return place_text(alarm)
        if key == "message":
            return message_text(alarm)
        if key == "raised":
            return time_text(alarm.raised_at, self._zone)
        if key == "cleared":
            return time_text(alarm.cleared_at, self._zone)
        if key == "ack_by":
            if alarm.acknowledged_at is None:
                return ""
            if "ack_at" in self.columns:
                return alarm.acknowledged_by
            return QCoreApplication.translate("AlarmTableModel", "{name} at {time}").format(
                name=alarm.acknowledged_by, time=time_text(alarm.acknowledged_at, self._zone))
        if key == "ack_at":
            return time_text(alarm.acknowledged_at, self._zone)
        if key == "comment":
            return alarm.ack_comment
        return ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        alarm = self._alarms[index.row()]
        key = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(alarm, key)
        if role == Qt.ItemDataRole.DecorationRole and key == "severity":
            return severity_icon(alarm.severity, 16)
        if role == Qt.ItemDataRole.ToolTipRole and key == "message":
            return message_text(alarm)
        if role == ALARM_ROLE:
            return alarm
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return column_title(self.columns[section])
        return None


TIME_COLUMNS = {"raised": "raised_at", "cleared": "cleared_at", "ack_at": "acknowledged_at"}


def sheet_columns(model: AlarmTableModel) -> tuple[ScreenColumn, ...]:
    """The model's columns for its Excel sheet: times as date-time cells, every other column as the screen's text."""

    def column(key: str) -> ScreenColumn:
        if key in TIME_COLUMNS:
            return ScreenColumn(column_title(key), ColumnKind.DATETIME, lambda a: getattr(a, TIME_COLUMNS[key]))
        return ScreenColumn(column_title(key), ColumnKind.TEXT, lambda a: model.text(a, key) or None)

    return tuple(column(k) for k in model.columns)

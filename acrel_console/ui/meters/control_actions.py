"""The Meters page toolbar in Acrel's order (电价设置, 阶梯电价设置, 报警设置, 强制合闸, 强制拉闸, 恢复预付费,
功率阈值设置, 抄表导出, 下发报警短信, 刷新表状态, 历史抄表记录; then this console's 合闸 and 校时): which command
each button sends, its words and the permission it needs."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from acrel_console.domain.errors import QT_TRANSLATE_NOOP
from acrel_console.domain.roles import Permission


@dataclass(frozen=True)
class ControlAction:
    """A toolbar action. `kind` is the RemoteControlService command kind (None for export/refresh)."""

    key: str
    kind: str | None
    text: str
    help: str
    permission: Permission
    params: str = ""  # "prices" | "alarms" | "power" | ""
    danger: bool = False  # cuts or forces power: the dialog says so

    def label(self) -> str:
        return QCoreApplication.translate("meters", self.text)

    def tooltip(self) -> str:
        return QCoreApplication.translate("meters", self.help)


ACTIONS: tuple[ControlAction, ...] = (
    ControlAction("price_download", "price_download", QT_TRANSLATE_NOOP("meters", "Price settings"),
                  QT_TRANSLATE_NOOP("meters", "Download the four tariff prices (spike, peak, flat, valley) to the "
                                              "selected meters"), Permission.CONTROL_METERS, params="prices"),
    ControlAction("tiered_prices", None, QT_TRANSLATE_NOOP("meters", "Tiered price settings"),
                  QT_TRANSLATE_NOOP("meters", "Assign a tiered tariff to the selected meters (the console downloads "
                                              "each tier's price as the tenant crosses it)"), Permission.MANAGE_TARIFFS),
    ControlAction("settings_download", "settings_download", QT_TRANSLATE_NOOP("meters", "Alarm settings"),
                  QT_TRANSLATE_NOOP("meters", "Set alarm 1 and alarm 2 of the selected meters: downloaded to prepaid "
                                              "meters and confirmed by read-back, applied by the console for "
                                              "console-billed meters"), Permission.CONTROL_METERS, params="alarms"),
    ControlAction("keep_power", "keep_power", QT_TRANSLATE_NOOP("meters", "Forced close"),
                  QT_TRANSLATE_NOOP("meters", "Forced close: the relay stays closed whatever the balance"),
                  Permission.CONTROL_METERS, danger=True),
    ControlAction("trip", "trip", QT_TRANSLATE_NOOP("meters", "Forced trip"),
                  QT_TRANSLATE_NOOP("meters", "Forced trip: open the relay and keep it open"),
                  Permission.CONTROL_METERS, danger=True),
    ControlAction("restore_prepaid", "restore_prepaid", QT_TRANSLATE_NOOP("meters", "Restore prepaid"),
                  QT_TRANSLATE_NOOP("meters", "End forced mode: the meter's own prepaid logic decides the relay"),
                  Permission.CONTROL_METERS),
    ControlAction("power_threshold", "settings_download", QT_TRANSLATE_NOOP("meters", "Power threshold settings"),
                  QT_TRANSLATE_NOOP("meters", "Set the overload power of the selected meters (downloaded with "
                                              "read-back, or applied by the console)"), Permission.CONTROL_METERS,
                  params="power"),
    ControlAction("export", None, QT_TRANSLATE_NOOP("meters", "Export readings"),
                  QT_TRANSLATE_NOOP("meters", "Save the selected (or all shown) meters' current state as an Excel "
                                              "file"), Permission.VIEW),
    ControlAction("alarm_sms", None, QT_TRANSLATE_NOOP("meters", "Send alarm texts"),
                  QT_TRANSLATE_NOOP("meters", "Text the tenants of the selected meters their alarm message now "
                                              "(level by each meter's status)"), Permission.CONTROL_METERS),
    ControlAction("refresh", None, QT_TRANSLATE_NOOP("meters", "Refresh status"),
                  QT_TRANSLATE_NOOP("meters", "Read the selected meters' gateways now"), Permission.VIEW),
    ControlAction("history", None, QT_TRANSLATE_NOOP("meters", "History readings"),
                  QT_TRANSLATE_NOOP("meters", "The selected meter's stored readings over a date range"),
                  Permission.VIEW),
    ControlAction("close", "close", QT_TRANSLATE_NOOP("meters", "Close"),
                  QT_TRANSLATE_NOOP("meters", "Close the relay under prepaid control (refused when the balance is "
                                              "not positive)"), Permission.CONTROL_METERS),
    ControlAction("clock_sync", "clock_sync", QT_TRANSLATE_NOOP("meters", "Sync clock"),
                  QT_TRANSLATE_NOOP("meters", "Set the meters' clocks to the site time"), Permission.CONTROL_METERS),
)
ACTION_BY_KEY: dict[str, ControlAction] = {a.key: a for a in ACTIONS}

# How the batch dialog names each command kind and state (context "meters").
KIND_TEXT: dict[str, str] = {**{a.kind: a.text for a in ACTIONS if a.kind},
                             "settings_download": QT_TRANSLATE_NOOP("meters", "Settings download"),
                             "schedule_download": QT_TRANSLATE_NOOP("meters", "Schedule download")}
STATE_TEXT: dict[str, str] = {
    "pending": QT_TRANSLATE_NOOP("meters", "Waiting"),
    "sending": QT_TRANSLATE_NOOP("meters", "Sending"),
    "delivered": QT_TRANSLATE_NOOP("meters", "Answered"),
    "failed": QT_TRANSLATE_NOOP("meters", "Failed"),
    "conflict": QT_TRANSLATE_NOOP("meters", "Conflict"),
    "cancelled": QT_TRANSLATE_NOOP("meters", "Cancelled"),
}
OUTCOME_TEXT: dict[str, str] = {
    "pending": QT_TRANSLATE_NOOP("meters", "Waiting"),
    "sending": QT_TRANSLATE_NOOP("meters", "Sending"),
    "confirmed": QT_TRANSLATE_NOOP("meters", "Confirmed by read-back"),
    "mismatch": QT_TRANSLATE_NOOP("meters", "Read-back mismatch"),
    "refused": QT_TRANSLATE_NOOP("meters", "Refused"),
    "no_reply": QT_TRANSLATE_NOOP("meters", "No reply"),
    "rejected": QT_TRANSLATE_NOOP("meters", "Meter rejected it"),
    "invalid": QT_TRANSLATE_NOOP("meters", "Not possible on this meter"),
    "unavailable": QT_TRANSLATE_NOOP("meters", "Gateway unreachable"),
    "cancelled": QT_TRANSLATE_NOOP("meters", "Cancelled"),
    "error": QT_TRANSLATE_NOOP("meters", "Error"),
}


def words(table: dict[str, str], key: str) -> str:
    text = table.get(key)
    return key if text is None else QCoreApplication.translate("meters", text)

"""Readable names for operation-log kinds (操作日志 类型); unknown kinds are shown as their code."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

KIND_LABELS: dict[str, str] = {
    "operator.first_admin": QT_TRANSLATE_NOOP("audit", "First administrator created"),
    "operator.login": QT_TRANSLATE_NOOP("audit", "Signed in"),
    "operator.lock": QT_TRANSLATE_NOOP("audit", "Account locked"),
    "operator.unlock": QT_TRANSLATE_NOOP("audit", "Account unlocked"),
    "operator.add": QT_TRANSLATE_NOOP("audit", "Operator added"),
    "operator.enable": QT_TRANSLATE_NOOP("audit", "Operator enabled"),
    "operator.disable": QT_TRANSLATE_NOOP("audit", "Operator disabled"),
    "operator.role": QT_TRANSLATE_NOOP("audit", "Role changed"),
    "operator.passwd": QT_TRANSLATE_NOOP("audit", "Password changed"),
    "building.add": QT_TRANSLATE_NOOP("audit", "Building added"),
    "building.update": QT_TRANSLATE_NOOP("audit", "Building changed"),
    "building.remove": QT_TRANSLATE_NOOP("audit", "Building removed"),
    "gateway.add": QT_TRANSLATE_NOOP("audit", "Gateway added"),
    "gateway.update": QT_TRANSLATE_NOOP("audit", "Gateway changed"),
    "gateway.remove": QT_TRANSLATE_NOOP("audit", "Gateway removed"),
    "meter.add": QT_TRANSLATE_NOOP("audit", "Meter added"),
    "meter.update": QT_TRANSLATE_NOOP("audit", "Meter changed"),
    "meter.remove": QT_TRANSLATE_NOOP("audit", "Meter removed"),
    "meter.replace": QT_TRANSLATE_NOOP("audit", "Meter replaced"),
    "settings.update": QT_TRANSLATE_NOOP("audit", "Site defaults changed"),
    "config.import": QT_TRANSLATE_NOOP("audit", "Configuration imported"),
    "account.open": QT_TRANSLATE_NOOP("audit", "Account opened"),
    "account.close": QT_TRANSLATE_NOOP("audit", "Account closed"),
    "account.add_meter": QT_TRANSLATE_NOOP("audit", "Meter added to account"),
    "account.remove_meter": QT_TRANSLATE_NOOP("audit", "Meter removed from account"),
    "alarm.ack": QT_TRANSLATE_NOOP("audit", "Alarm acknowledged"),
    "tariff.create": QT_TRANSLATE_NOOP("audit", "Tariff created"),
    "tariff.version": QT_TRANSLATE_NOOP("audit", "Tariff version added"),
    "tariff.assign": QT_TRANSLATE_NOOP("audit", "Tariff assigned"),
    "receipt.reprint": QT_TRANSLATE_NOOP("audit", "Receipt reprinted"),
    "shift.close": QT_TRANSLATE_NOOP("audit", "Shift closed"),
    "maintenance.backup": QT_TRANSLATE_NOOP("audit", "Backup made"),
    "maintenance.restore": QT_TRANSLATE_NOOP("audit", "Backup restored"),
}


def kind_label(kind: str) -> str:
    """The translated name of a log kind, or the code itself when it has none."""
    source = KIND_LABELS.get(kind)
    return QCoreApplication.translate("audit", source) if source else kind

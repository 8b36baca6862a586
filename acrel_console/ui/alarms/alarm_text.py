"""Alarm words in the current language: kind label, message (template translated, then filled), place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from acrel_console.domain.alarms import ALARM_LABELS
from acrel_console.services.alarms import Alarm


def kind_label(alarm: Alarm) -> str:
    return QCoreApplication.translate("alarms", ALARM_LABELS[alarm.kind])


def message_text(alarm: Alarm) -> str:
    """The row's message template translated with context 'alarms' and filled with its params."""
    template = QCoreApplication.translate("alarms", alarm.message_template) if alarm.message_template else ""
    if not template:
        return alarm.message
    try:
        return template.format(**alarm.params)
    except (KeyError, IndexError, ValueError):
        return alarm.message


def place_text(alarm: Alarm) -> str:
    """Where the alarm is: the room, the gateway, else the raw target."""
    for key in ("room", "gateway"):
        value = alarm.params.get(key)
        if value:
            return str(value)
    return alarm.target

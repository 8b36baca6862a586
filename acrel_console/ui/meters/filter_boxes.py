"""Acrel's filter boxes of 电表批量操作 (剩余金额, 联网状态, 合闸状态, 电表模式, 开户状态) as combo boxes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from acrel_console.domain.errors import QT_TRANSLATE_NOOP
from acrel_console.ui.meters.meter_filter import ANY, CHOICES

LABELS: dict[str, str] = {
    "balance": QT_TRANSLATE_NOOP("meters", "Remaining"),
    "connection": QT_TRANSLATE_NOOP("meters", "Connection"),
    "relay": QT_TRANSLATE_NOOP("meters", "Relay"),
    "mode": QT_TRANSLATE_NOOP("meters", "Meter mode"),
    "account": QT_TRANSLATE_NOOP("meters", "Account"),
}
VALUE_LABELS: dict[str, str] = {
    ANY: QT_TRANSLATE_NOOP("meters", "All"),
    "le0": QT_TRANSLATE_NOOP("meters", "≤ 0"),
    "gt0": QT_TRANSLATE_NOOP("meters", "> 0"),
    "online": QT_TRANSLATE_NOOP("meters", "Online"),
    "offline": QT_TRANSLATE_NOOP("meters", "Offline"),
    "closed": QT_TRANSLATE_NOOP("meters", "Closed"),
    "open": QT_TRANSLATE_NOOP("meters", "Open"),
    "prepaid": QT_TRANSLATE_NOOP("meters", "Prepaid mode"),
    "forced": QT_TRANSLATE_NOOP("meters", "Forced mode"),
    "opened": QT_TRANSLATE_NOOP("meters", "Opened"),
    "unopened": QT_TRANSLATE_NOOP("meters", "Unopened"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("meters", text)


class FilterBoxes(QWidget):
    """Emits `changed(dict name -> value)` whenever a box changes."""

    changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metersFilterBoxes")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(4)
        self.boxes: dict[str, QComboBox] = {}
        for name, values in CHOICES.items():
            box = QComboBox()
            box.setObjectName(f"filter_{name}")
            for v in values:
                box.addItem(_t(VALUE_LABELS[v]), v)
            box.currentIndexChanged.connect(self._emit)
            form.addRow(_t(LABELS[name]), box)
            self.boxes[name] = box

    def values(self) -> dict[str, str]:
        return {name: str(box.currentData()) for name, box in self.boxes.items()}

    def set_value(self, name: str, value: str) -> None:
        box = self.boxes[name]
        box.setCurrentIndex(max(0, box.findData(value)))

    def _emit(self) -> None:
        self.changed.emit(self.values())

"""Add or edit a gateway/bus (网关/通讯管理机设置): serial line or TCP endpoint, timing, building."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from acrel_console.domain.site import BAUD_RATES, GATEWAY_KINDS, PARITIES, STOPBITS, Building, Gateway
from acrel_console.services.site_config import validate_gateway
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import FormDialog

MODE_LABELS = {
    "serial": QT_TRANSLATE_NOOP("GatewayDialog", "Serial port (RS485)"),
    "modbus-tcp": QT_TRANSLATE_NOOP("GatewayDialog", "Modbus-TCP"),
    "rtu-over-tcp": QT_TRANSLATE_NOOP("GatewayDialog", "RTU over TCP"),
}
PARITY_LABELS = {
    "N": QT_TRANSLATE_NOOP("GatewayDialog", "None (N)"),
    "E": QT_TRANSLATE_NOOP("GatewayDialog", "Even (E)"),
    "O": QT_TRANSLATE_NOOP("GatewayDialog", "Odd (O)"),
}


def mode_label(kind: str) -> str:
    return QCoreApplication.translate("GatewayDialog", MODE_LABELS.get(kind, kind))


class GatewayDialog(FormDialog):
    def __init__(self, ui: UiContext, buildings: Sequence[Building], gateway: Gateway | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ui, "", parent)
        self.setWindowTitle(self.tr("Edit gateway") if gateway else self.tr("Add gateway"))
        self.gateway = gateway
        g = gateway
        self.name = QLineEdit(g.name if g else "")
        self.kind = QComboBox()
        for kind in GATEWAY_KINDS:
            self.kind.addItem(mode_label(kind), kind)
        self.kind.setCurrentIndex(GATEWAY_KINDS.index(g.kind) if g else GATEWAY_KINDS.index("modbus-tcp"))
        self.serial_port = QLineEdit(g.serial_port or "" if g else "")
        self.serial_port.setPlaceholderText(self.tr("/dev/ttyUSB0 or COM3"))
        self.baud = QComboBox()
        for rate in BAUD_RATES:
            self.baud.addItem(str(rate), rate)
        self.baud.setCurrentIndex(BAUD_RATES.index(g.baud if g else 9600))
        self.parity = QComboBox()
        for parity in PARITIES:
            self.parity.addItem(QCoreApplication.translate("GatewayDialog", PARITY_LABELS[parity]), parity)
        self.parity.setCurrentIndex(PARITIES.index(g.parity if g else "N"))
        self.stopbits = QComboBox()
        for bits in STOPBITS:
            self.stopbits.addItem(str(bits), bits)
        self.stopbits.setCurrentIndex(STOPBITS.index(g.stopbits if g else 1))
        self.host = QLineEdit(g.host or "" if g else "")
        self.host.setPlaceholderText("192.168.1.200")
        self.port = QLineEdit(str(g.port) if g and g.port else "502")
        self.timeout_ms = QLineEdit(str(g.timeout_ms) if g else "500")
        self.retries = QLineEdit(str(g.retries) if g else "1")
        self.delay_ms = QLineEdit(str(g.inter_frame_delay_ms) if g else "0")
        self.building = QComboBox()
        self.building.addItem(self.tr("(none)"), "")
        for b in buildings:
            self.building.addItem(b.name, b.name)
            if g and g.building_id == b.id:
                self.building.setCurrentIndex(self.building.count() - 1)
        self.add_field("name", self.tr("Gateway name"), self.name)
        self.add_field("kind", self.tr("Mode"), self.kind,
                       self.tr("Modbus-TCP: unit id = meter address. RTU over TCP: raw RTU frames in a TCP stream."))
        self.add_field("serial_port", self.tr("Serial port"), self.serial_port)
        self.add_field("baud", self.tr("Baud rate"), self.baud)
        self.add_field("parity", self.tr("Parity"), self.parity)
        self.add_field("stopbits", self.tr("Stop bits"), self.stopbits)
        self.add_field("host", self.tr("Host"), self.host, self.tr("IP address or host name of the gateway"))
        self.add_field("port", self.tr("TCP port"), self.port)
        self.add_field("timeout_ms", self.tr("Timeout (ms)"), self.timeout_ms,
                       self.tr("How long to wait for a meter's answer (20-10000 ms)."))
        self.add_field("retries", self.tr("Retries"), self.retries, self.tr("Repeats after a timeout (0-5)."))
        self.add_field("inter_frame_delay_ms", self.tr("Inter-frame delay (ms)"), self.delay_ms,
                       self.tr("Pause between requests on this bus (0-1000 ms)."))
        self.local_echo = QCheckBox(self.tr("The line hears its own requests"))
        self.local_echo.setChecked(bool(g.local_echo) if g else False)
        self.add_field("local_echo", self.tr("Local echo"), self.local_echo,
                       self.tr("For two-wire RS485 adapters that echo what they send, also only in part. "
                               "A whole echo is recognised without this setting."))
        self.add_field("building", self.tr("Building"), self.building)
        self.zone = QLineEdit(g.zone if g else "")
        self.zone.setPlaceholderText(self.tr("(the site's own)"))
        self.add_field("zone", self.tr("Zone"), self.zone,
                       self.tr("Empty: polled by the site's own service. A name (letters, digits, - and _): polled "
                               "by 'acrel-console serve --zone NAME', one per building or network."))
        self.enabled = QCheckBox(self.tr("Poll the meters on this gateway"))
        self.enabled.setChecked(g.enabled if g else True)
        self.enabled.setEnabled(g is not None)  # a new gateway starts enabled
        self.add_field("enabled", self.tr("Enabled"), self.enabled)
        self.kind.currentIndexChanged.connect(self._show_mode_fields)
        self._show_mode_fields()

    def _show_mode_fields(self) -> None:
        serial = self.kind.currentData() == "serial"
        for key in ("serial_port", "baud", "parity", "stopbits"):
            self.set_field_visible(key, serial)
        for key in ("host", "port"):
            self.set_field_visible(key, not serial)
        self.revalidate()

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(), "kind": self.kind.currentData(), "serial_port": self.serial_port.text(),
            "baud": self.baud.currentData(), "parity": self.parity.currentData(),
            "stopbits": self.stopbits.currentData(), "host": self.host.text(), "port": self.port.text(),
            "timeout_ms": self.timeout_ms.text(), "retries": self.retries.text(),
            "inter_frame_delay_ms": self.delay_ms.text(), "building": self.building.currentData(),
            "local_echo": self.local_echo.isChecked(), "zone": self.zone.text().strip(),
            "enabled": self.enabled.isChecked(),
        }

    def check(self, values: dict[str, Any]) -> None:
        validate_gateway(values)

    def submit(self, values: dict[str, Any]) -> Gateway:
        site, actor = self.ui.services.site, self.ui.actor
        if self.gateway is None:
            values = {k: v for k, v in values.items() if k != "enabled"}
            return site.add_gateway(actor, **values)
        return site.update_gateway(actor, self.gateway.id, **values)

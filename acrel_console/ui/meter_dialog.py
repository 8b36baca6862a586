"""Add or edit a meter (仪表设置): gateway, RS485 address, model, room, building, CT ratio, circuit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, ValidationError
from acrel_console.domain.site import MAX_ADDRESS, MIN_ADDRESS, Building, Gateway, Meter
from acrel_console.services.site_config import validate_meter
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import FormDialog


class MeterDialog(FormDialog):
    """`models` comes from the page's background call to services.site_config.known_models."""

    def __init__(self, ui: UiContext, gateways: Sequence[Gateway], buildings: Sequence[Building],
                 models: Sequence[str], meters: Sequence[Meter], meter: Meter | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ui, "", parent)
        self.setWindowTitle(self.tr("Edit meter") if meter else self.tr("Add meter"))
        self.meter = meter
        m = meter
        self._taken = {(x.gateway, x.address) for x in meters if m is None or x.id != m.id}
        self.gateway = QComboBox()
        for g in gateways:
            self.gateway.addItem(f"{g.name}  ({g.endpoint})", g.name)
            if m and m.gateway_id == g.id:
                self.gateway.setCurrentIndex(self.gateway.count() - 1)
        self.address = QLineEdit(str(m.address) if m else "")
        self.address.setPlaceholderText(f"{MIN_ADDRESS}-{MAX_ADDRESS}")
        self.model = QComboBox()
        for name in models:
            self.model.addItem(name, name)
        if m and m.model in models:
            self.model.setCurrentIndex(list(models).index(m.model))
        self.room = QLineEdit(m.room if m else "")
        self.building = QComboBox()
        self.building.addItem(self.tr("(the gateway's building)"), "")
        for b in buildings:
            self.building.addItem(b.name, b.name)
            if m and m.building_id == b.id:
                self.building.setCurrentIndex(self.building.count() - 1)
        self.ct_ratio = QLineEdit(str(m.ct_ratio) if m else "1")
        self.circuit = QLineEdit(str(m.circuit) if m and m.circuit else "")
        self.meter_no = QLineEdit(m.meter_no if m else "")
        self.add_field("gateway", self.tr("Gateway"), self.gateway)
        self.add_field("address", self.tr("RS485 address"), self.address,
                       self.tr("The meter's bus address, unique on its gateway."))
        self.add_field("model", self.tr("Model"), self.model)
        self.add_field("room", self.tr("Room / label"), self.room, self.tr("Shop or room number (商铺号)."))
        self.add_field("building", self.tr("Building"), self.building)
        self.add_field("ct_ratio", self.tr("CT ratio"), self.ct_ratio, self.tr("Current transformer ratio; 1 without CT."))
        self.add_field("circuit", self.tr("Circuit"), self.circuit,
                       self.tr("Circuit number on a multi-circuit meter (ADF400L); empty otherwise."))
        self.add_field("meter_no", self.tr("Meter number"), self.meter_no)

    def values(self) -> dict[str, Any]:
        return {"gateway": self.gateway.currentData() or "", "address": self.address.text(),
                "model": self.model.currentData() or "", "room": self.room.text(),
                "building": self.building.currentData(), "ct_ratio": self.ct_ratio.text(),
                "circuit": self.circuit.text(), "meter_no": self.meter_no.text()}

    def check(self, values: dict[str, Any]) -> None:
        if not values["gateway"]:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Add a gateway first: every meter hangs on one."),
                                  field="gateway")
        clean = validate_meter(values)
        if (values["gateway"], clean["address"]) in self._taken:
            error = ConflictError(QT_TRANSLATE_NOOP("errors", "Address {address} is already used on bus {gateway}."),
                                  address=clean["address"], gateway=values["gateway"])
            raise ValidationError(error.template, field="address", **error.params)

    def submit(self, values: dict[str, Any]) -> Meter:
        site, actor = self.ui.services.site, self.ui.actor
        if self.meter is None:
            return site.add_meter(actor, **values)
        return site.update_meter(actor, self.meter.id, **values)

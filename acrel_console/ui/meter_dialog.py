"""Add or edit a meter (仪表设置): gateway, RS485 address, model, room, building, CT ratio, circuit, its own
thresholds (告警金额1/2, 功率阈值) and its main meter (总表, for the loss analysis)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, ValidationError
from acrel_console.domain.money import fen_to_yuan
from acrel_console.domain.site import MAX_ADDRESS, MIN_ADDRESS, Building, Gateway, Meter
from acrel_console.services.money_common import meter_side
from acrel_console.services.site_config import threshold_fields, validate_meter
from acrel_console.ui.amount_validator import attach as amount_field
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
        self.alarm1 = amount_field(QLineEdit(yuan_cell(m.alarm1_fen) if m else ""))
        self.alarm2 = amount_field(QLineEdit(yuan_cell(m.alarm2_fen) if m else ""))
        self.overload = amount_field(QLineEdit(kw_cell(m.overload_power_w) if m else ""))
        for edit in (self.alarm1, self.alarm2, self.overload):
            edit.setPlaceholderText(self.tr("site default"))
        self.add_field("alarm1_yuan", self.tr("Alarm amount 1 (yuan)"), self.alarm1,
                       self.tr("Empty: the site default. Prepaid meters get it downloaded and confirmed by read-back."))
        self.add_field("alarm2_yuan", self.tr("Alarm amount 2 (yuan)"), self.alarm2,
                       self.tr("Below alarm amount 1; empty: the site default."))
        self.add_field("overload_kw", self.tr("Power threshold (kW)"), self.overload,
                       self.tr("Overload power; empty: the site default."))
        self.main_meter = QComboBox()
        self.main_meter.addItem(self.tr("(none)"), None)
        subs = [x for x in meters if m is not None and x.parent_meter_id == m.id]
        for x in meters:
            if (m is None or x.id != m.id) and x.parent_meter_id is None and not x.retired:
                self.main_meter.addItem(f"{x.meter_no or x.room} · {x.gateway}/{x.address} · {x.room}", x.id)
                if m is not None and m.parent_meter_id == x.id:
                    self.main_meter.setCurrentIndex(self.main_meter.count() - 1)
        self.add_field("main_meter", self.tr("Main meter"), self.main_meter,
                       self.tr("总表: this meter is one of its sub-meters in the loss analysis."))
        if subs:  # one level only: a main meter is no sub-meter itself
            self.main_meter.setEnabled(False)
            self.main_meter.setToolTip(self.tr("This meter is the main meter of {n} sub-meter(s).").format(n=len(subs)))
        self.model.currentIndexChanged.connect(self._model_changed)
        self.note = QLabel()
        self.note.setObjectName("thresholdNote")
        self.note.setWordWrap(True)
        self.form.addRow("", self.note)
        self._model_changed()

    def _model_changed(self) -> None:
        model = self.model.currentData() or ""
        prepaid = bool(model) and meter_side(model)
        self.note.setText(self.tr("A prepaid meter takes changed thresholds by a settings download; they show here "
                                  "once the meter confirms them by read-back.") if prepaid else
                          self.tr("The console applies this meter's thresholds itself (console-billed)."))

    def values(self) -> dict[str, Any]:
        return {"gateway": self.gateway.currentData() or "", "address": self.address.text(),
                "model": self.model.currentData() or "", "room": self.room.text(),
                "building": self.building.currentData(), "ct_ratio": self.ct_ratio.text(),
                "circuit": self.circuit.text(), "meter_no": self.meter_no.text(),
                "alarm1_yuan": self.alarm1.text().strip(), "alarm2_yuan": self.alarm2.text().strip(),
                "overload_kw": self.overload.text().strip(), "main_meter": self.main_meter.currentData() or ""}

    def check(self, values: dict[str, Any]) -> None:
        if not values["gateway"]:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Add a gateway first: every meter hangs on one."),
                                  field="gateway")
        clean = validate_meter(values)
        threshold_fields(values)
        if (values["gateway"], clean["address"]) in self._taken:
            error = ConflictError(QT_TRANSLATE_NOOP("errors", "Address {address} is already used on bus {gateway}."),
                                  address=clean["address"], gateway=values["gateway"])
            raise ValidationError(error.template, field="address", **error.params)

    def submit(self, values: dict[str, Any]) -> Meter:
        site, actor = self.ui.services.site, self.ui.actor
        if self.meter is None:
            return site.add_meter(actor, **values)
        return site.update_meter(actor, self.meter.id, **values)


def yuan_cell(fen: int | None) -> str:
    """Fen as the dialog's yuan text ('' for none: the site default)."""
    return "" if fen is None else f"{fen_to_yuan(fen):.2f}"


def kw_cell(power_w: int | None) -> str:
    """Watts as kW text without trailing zeros (4400 -> '4.4'; '' for none)."""
    return "" if power_w is None else format((Decimal(power_w) / 1000).quantize(Decimal("0.01")).normalize(), "f")

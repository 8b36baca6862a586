"""Add or edit a building (建筑群设置): name, floor, area, notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from acrel_console.domain.site import Building
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import FormDialog

# Same limits as services.site_config (the service checks again on OK).
_LIMITS = (("name", "Building name", True, 100), ("floor", "Floor", False, 50), ("area", "Area", False, 100))


def check_building(values: dict[str, Any]) -> None:
    """Live checks matching the service's: a name is required; lengths are bounded."""
    for key, label, required, max_len in _LIMITS:
        text = str(values.get(key) or "").strip()
        if required and not text:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label} is required."), field=key, label=label)
        if len(text) > max_len:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label} is longer than {n} characters."),
                                  field=key, label=label, n=max_len)


class BuildingDialog(FormDialog):
    def __init__(self, ui: UiContext, building: Building | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ui, "", parent)
        self.setWindowTitle(self.tr("Edit building") if building else self.tr("Add building"))
        self.building = building
        self.name = QLineEdit(building.name if building else "")
        self.floor = QLineEdit(building.floor if building else "")
        self.area = QLineEdit(building.area if building else "")
        self.notes = QLineEdit(building.notes if building else "")
        self.add_field("name", self.tr("Building name"), self.name)
        self.add_field("floor", self.tr("Floor"), self.floor, self.tr("For example 1-5 or B1"))
        self.add_field("area", self.tr("Area"), self.area, self.tr("Zone or wing, free text"))
        self.add_field("notes", self.tr("Notes"), self.notes)

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text(), "floor": self.floor.text(), "area": self.area.text(),
                "notes": self.notes.text()}

    def check(self, values: dict[str, Any]) -> None:
        check_building(values)

    def submit(self, values: dict[str, Any]) -> Building:
        site, actor = self.ui.services.site, self.ui.actor
        if self.building is None:
            return site.add_building(actor, **values)
        return site.update_building(actor, self.building.id, **values)

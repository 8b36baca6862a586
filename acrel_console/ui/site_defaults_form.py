"""Site defaults (默认参数设置), generated from services.site_settings.SPECS: label, help, editor per kind."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from acrel_console.domain.errors import UserError
from acrel_console.domain.roles import Permission
from acrel_console.domain.money import format_yuan, parse_yuan, yuan_to_fen
from acrel_console.services import site_settings
from acrel_console.services.site_settings import SPECS, SettingSpec
from acrel_console.ui.amount_validator import attach as amount_field
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import error_label, show_error
from acrel_console.ui.messages import error_message
from acrel_console.ui.tasks import TaskFailure


SECTIONS: dict[str, str] = {
    "general": QT_TRANSLATE_NOOP("SiteDefaultsForm", "Site and meter reading"),
    "money": QT_TRANSLATE_NOOP("SiteDefaultsForm", "Alarms, credit and power"),
    "cost": QT_TRANSLATE_NOOP("SiteDefaultsForm", "Energy cost (revenue report)"),
    "sms": QT_TRANSLATE_NOOP("SiteDefaultsForm", "SMS"),
    "security": QT_TRANSLATE_NOOP("SiteDefaultsForm", "Operator sign-in"),
    "portal": QT_TRANSLATE_NOOP("SiteDefaultsForm", "Tenant portal"),
}
# Text settings with a fixed set of values: a list of words, never the stored keyword ('none' read English).
CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "sms_driver": (("none", QT_TRANSLATE_NOOP("SiteDefaultsForm", "No text messages")),
                   ("modem", QT_TRANSLATE_NOOP("SiteDefaultsForm", "GSM modem on a serial port")),
                   ("http", QT_TRANSLATE_NOOP("SiteDefaultsForm", "SMS gateway (HTTP)"))),
    "sms_gateway_method": (("GET", "GET"), ("POST", "POST")),
}
_MONEY_KEYS = ("alarm", "overdraft", "overload", "max_credit", "sale_confirm", "no_trip", "trip_on")


def section_of(key: str) -> str:
    """The group a setting is shown in (by its key; new settings land in a sensible group)."""
    if key.startswith("sms_"):
        return "sms"
    if key.startswith("energy_cost"):
        return "cost"
    if key.startswith("lockout"):
        return "security"
    if key.startswith("portal_"):
        return "portal"
    if key.startswith(_MONEY_KEYS):
        return "money"
    return "general"


def display_value(spec: SettingSpec, value: Any) -> str:
    """The editor text for a stored value (money kinds in yuan)."""
    if spec.kind == "fen":
        return format_yuan(int(value)).replace(",", "")
    return str(value)


def parse_value(spec: SettingSpec, text: str) -> Any:
    """Editor text to the stored value, validated by the service's own rules (raises UserError)."""
    if spec.kind == "fen":
        return site_settings._parse(spec, yuan_to_fen(parse_yuan(text)))  # noqa: SLF001 - the one rule
    return site_settings._parse(spec, text)  # noqa: SLF001


class SiteDefaultsForm(QWidget):
    """One editor per setting; Save sends only the changed values in one logged update."""

    saved = Signal()

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self._stored: dict[str, Any] = {}
        self.editors: dict[str, QLineEdit | QCheckBox | QComboBox] = {}
        self.errors = {}
        forms: dict[str, QFormLayout] = {}
        groups = QVBoxLayout()
        for spec in SPECS:
            section = section_of(spec.key)
            form = forms.get(section)
            if form is None:
                group = QGroupBox(QCoreApplication.translate("SiteDefaultsForm", SECTIONS[section]))
                group.setObjectName(f"section_{section}")
                form = forms[section] = QFormLayout(group)
                form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
                groups.addWidget(group)
            label = QCoreApplication.translate("settings", spec.label)
            help_text = QCoreApplication.translate("settings", spec.help)
            editor: QLineEdit | QCheckBox | QComboBox
            if spec.kind == "bool":
                editor = QCheckBox()
                editor.toggled.connect(self.revalidate)
            elif spec.key in CHOICES:
                editor = QComboBox()
                for value, words in CHOICES[spec.key]:
                    editor.addItem(QCoreApplication.translate("SiteDefaultsForm", words), value)
                editor.currentIndexChanged.connect(self.revalidate)
            else:
                editor = amount_field(QLineEdit()) if spec.kind in ("fen", "price") else QLineEdit()
                if spec.kind == "secret":  # shown masked; typing replaces it, leaving it keeps it
                    editor.setEchoMode(QLineEdit.EchoMode.Password)
                editor.textChanged.connect(self.revalidate)
            editor.setObjectName(f"setting_{spec.key}")
            editor.setToolTip(help_text)
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setSpacing(2)
            inner.addWidget(editor)
            err = error_label()
            inner.addWidget(err)
            if spec.kind == "zone":
                self.zone_note = QLabel()
                self.zone_note.setObjectName("zoneInUse")
                self.zone_note.setWordWrap(True)
                inner.addWidget(self.zone_note)
            form.addRow(label, box)
            form.labelForField(box).setToolTip(help_text)
            self.editors[spec.key] = editor
            self.errors[spec.key] = err
        self.general_error = error_label()
        self.save_button = QPushButton(self.tr("Save defaults"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(groups)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._editable = ui.can(Permission.CONFIGURE_SITE)
        for editor in self.editors.values():
            editor.setEnabled(self._editable)
        self.save_button.setEnabled(False)
        self.revert_button.setEnabled(self._editable)
        self.show_zone_in_use()

    def show_zone_in_use(self) -> None:
        """Which zone every time and day boundary of the site follows, and the site's time now in it."""
        clock = self.ui.clock
        now = clock.local_now()
        offset = now.strftime("%z")
        self.zone_note.setText(self.tr("In use: {zone} (UTC{offset}); site time now {time}. Every time, day, "
                                       "shift and report follows this zone, not the computer's own.").format(
            zone=clock.zone_name, offset=f"{offset[:3]}:{offset[3:]}", time=now.strftime("%Y-%m-%d %H:%M")))

    def load(self) -> None:
        actor = self.ui.actor
        self.ui.tasks.run(lambda: self.ui.services.settings.get_all(actor), self._loaded, self._failed, owner=self)

    def _loaded(self, values: dict[str, Any]) -> None:
        self._stored = dict(values)
        self.show_zone_in_use()
        for spec in SPECS:
            editor = self.editors[spec.key]
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(values[spec.key]))
            elif isinstance(editor, QComboBox):
                index = editor.findData(values[spec.key])
                if index < 0:  # a value set elsewhere (CLI) that the list does not know: shown as it is
                    editor.addItem(str(values[spec.key]), values[spec.key])
                    index = editor.count() - 1
                editor.setCurrentIndex(index)
            else:
                editor.setText(display_value(spec, values[spec.key]))
        self.revalidate()

    def _failed(self, failure: TaskFailure) -> None:
        show_error(self.general_error, failure.message)
        self.save_button.setEnabled(self._editable)

    def changes(self) -> dict[str, Any]:
        """Parsed values that differ from the stored ones (raises UserError on a bad field)."""
        out: dict[str, Any] = {}
        for spec in SPECS:
            editor = self.editors[spec.key]
            try:
                if isinstance(editor, QCheckBox):
                    value = editor.isChecked()
                elif isinstance(editor, QComboBox):
                    value = parse_value(spec, str(editor.currentData()))
                else:
                    value = parse_value(spec, editor.text())
            except UserError as err:
                err.params.setdefault("field_key", spec.key)
                raise
            if spec.key in self._stored and value != self._stored[spec.key]:
                out[spec.key] = value
        return out

    def revalidate(self) -> bool:
        for label in self.errors.values():
            show_error(label, "")
        show_error(self.general_error, "")
        if not self._stored:
            self.save_button.setEnabled(False)
            return False
        try:
            changes = self.changes()
            site_settings._check_combination({**self._stored, **changes})  # noqa: SLF001 - the service's rule
        except UserError as err:
            key = err.params.get("field_key") or getattr(err, "field", None) or ""
            show_error(self.errors.get(key, self.general_error), error_message(err))
            self.save_button.setEnabled(False)
            return False
        self.save_button.setEnabled(self._editable and bool(changes))
        return True

    def save(self) -> None:
        if not self.revalidate():
            return
        changes = self.changes()
        actor = self.ui.actor
        self.save_button.setEnabled(False)
        self.ui.tasks.run(lambda: self.ui.services.settings.update(actor, changes), self._saved, self._failed,
                          owner=self)

    def _saved(self, values: dict[str, Any]) -> None:
        self._loaded(values)
        self.saved.emit()

"""Translated error messages, including the field labels services pass as English parameters.

Services raise e.g. ValidationError("{label} is required.", label="Gateway name"); i18n.error_text
translates the template and the label, role and time parameters, so a zh_CN user reads Chinese
throughout (in the GUI and on the command line). Labels are listed once below (context "fields") for lupdate.
"""

from __future__ import annotations


from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from acrel_console import i18n
from acrel_console.domain.errors import UserError
from acrel_console.domain.roles import ROLE_LABELS, Role

# Labels used as {label} by services/site_config.py (and the UI's own field names).
FIELD_LABELS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("fields", "Building name"),
    QT_TRANSLATE_NOOP("fields", "Floor"),
    QT_TRANSLATE_NOOP("fields", "Area"),
    QT_TRANSLATE_NOOP("fields", "Gateway name"),
    QT_TRANSLATE_NOOP("fields", "Serial port"),
    QT_TRANSLATE_NOOP("fields", "Host"),
    QT_TRANSLATE_NOOP("fields", "TCP port"),
    QT_TRANSLATE_NOOP("fields", "Baud rate"),
    QT_TRANSLATE_NOOP("fields", "Stop bits"),
    QT_TRANSLATE_NOOP("fields", "Timeout (ms)"),
    QT_TRANSLATE_NOOP("fields", "Retries"),
    QT_TRANSLATE_NOOP("fields", "Inter-frame delay (ms)"),
    QT_TRANSLATE_NOOP("fields", "RS485 address"),
    QT_TRANSLATE_NOOP("fields", "Room"),
    QT_TRANSLATE_NOOP("fields", "CT ratio"),
    QT_TRANSLATE_NOOP("fields", "Circuit"),
    QT_TRANSLATE_NOOP("fields", "Meter number"),
)


translate_label = i18n.label_text  # a field or setting label in the current language


def role_label(role: Role | str, custom_name: str = "") -> str:
    """A role in the interface language; a custom role (权限管理) by its own name."""
    if custom_name and str(getattr(role, "value", role)) == Role.CUSTOM.value:
        return custom_name
    try:
        return QCoreApplication.translate("roles", ROLE_LABELS[Role(role)])
    except ValueError:
        return str(role)




def error_message(err: UserError) -> str:
    """The translated, filled-in message of a UserError with translated labels and role names."""
    return i18n.error_text(err)

"""Translated error messages, including the field labels services pass as English parameters.

Services raise e.g. ValidationError("{label} is required.", label="Gateway name"); i18n.error_text
translates the template only. Here the label (and a role name) is translated too, so a zh_CN user
reads Chinese throughout. Labels are listed once below (context "fields") for lupdate.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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


def translate_label(label: str) -> str:
    """A field or setting label in the current language (unknown labels stay as they are)."""
    for context in ("fields", "settings"):
        text = QCoreApplication.translate(context, label)
        if text != label:
            return text
    return label


def role_label(role: Role | str) -> str:
    try:
        return QCoreApplication.translate("roles", ROLE_LABELS[Role(role)])
    except ValueError:
        return str(role)


def local_time_text(iso: str) -> str:
    """An ISO 8601 time from a service as this workstation's local 'YYYY-MM-DD HH:MM' (else unchanged)."""
    try:
        at = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


def error_message(err: UserError) -> str:
    """The translated, filled-in message of a UserError with translated labels and role names."""
    params: dict[str, Any] = dict(err.params)
    if isinstance(params.get("label"), str):
        params["label"] = translate_label(params["label"])
    if isinstance(params.get("role"), str) and params["role"] in {r.value for r in Role}:
        params["role"] = role_label(params["role"])
    if isinstance(params.get("until"), str):
        params["until"] = local_time_text(params["until"])
    template = QCoreApplication.translate(err.context, err.template)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return err.english()

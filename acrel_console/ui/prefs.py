"""Per-workstation preferences (language, status palette) in a QSettings ini file, not the database."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from acrel_console.i18n import LANGUAGES, system_language

CONFIG_DIR_ENV = "ACREL_CONFIG_DIR"


def config_dir() -> Path:
    """Where this workstation's preferences live (ACREL_CONFIG_DIR overrides, e.g. in tests)."""
    override = os.environ.get(CONFIG_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_config_dir("acrel-console", appauthor=False))


class Prefs:
    """Typed access to the workstation's preferences."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "workstation.ini"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        """The chosen language, or '' to follow the system locale."""
        value = str(self._q.value("ui/language", "") or "")
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        self._q.setValue("ui/language", value if value in LANGUAGES else "")
        self._q.sync()

    @property
    def palette(self) -> str:
        return str(self._q.value("ui/palette", "") or "")

    @palette.setter
    def palette(self, value: str) -> None:
        self._q.setValue("ui/palette", value)
        self._q.sync()

    @property
    def last_page(self) -> str:
        return str(self._q.value("ui/last_page", "") or "")

    @last_page.setter
    def last_page(self, value: str) -> None:
        self._q.setValue("ui/last_page", value)

    @property
    def window_geometry(self) -> QByteArray | None:
        value = self._q.value("ui/window_geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._q.setValue("ui/window_geometry", value)
        self._q.sync()

    def effective_language(self) -> str:
        """ACREL_LANG wins (it is an explicit override), then this workstation's choice, then the locale."""
        if os.environ.get("ACREL_LANG") in LANGUAGES:
            return system_language()
        return self.language or system_language()

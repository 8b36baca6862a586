"""Language choice and Qt translators (QtCore only, so the CLI can translate too)."""

from __future__ import annotations

import locale
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from acrel_console.domain.errors import UserError

LANGUAGES = ("zh_CN", "en")
_installed: list[QTranslator] = []


def resources_dir() -> Path:
    """resources/ beside the package (editable install), or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def system_language() -> str:
    """zh_CN for Chinese locales, else en. ACREL_LANG overrides."""
    forced = os.environ.get("ACREL_LANG")
    if forced in LANGUAGES:
        return forced
    name = QLocale.system().name() or (locale.getlocale()[0] or "")
    return "zh_CN" if name.lower().startswith("zh") else "en"


def install_translator(language: str) -> bool:
    """Load acrel_<language>.qm into the running QCoreApplication; English needs none."""
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    if language == "en" or app is None:
        return True
    translator = QTranslator(app)
    ok = translator.load(str(translations_dir() / f"acrel_{language}.qm"))
    if ok:
        app.installTranslator(translator)
        _installed.append(translator)
    return ok


def translate(context: str, text: str) -> str:
    """Translate a source string marked with QT_TRANSLATE_NOOP(context, text)."""
    return QCoreApplication.translate(context, text)


def error_text(err: UserError) -> str:
    """The translated, filled-in message of a UserError."""
    template = translate(err.context, err.template)
    try:
        return template.format(**err.params)
    except (KeyError, IndexError, ValueError):
        return err.english()

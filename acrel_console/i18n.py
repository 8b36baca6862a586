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
    # Qt's own dates and names (file dialog columns, calendar popups) follow the interface language too.
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == "zh_CN"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if language == "en" or app is None:
        return True
    translator = QTranslator(app)
    ok = translator.load(str(translations_dir() / f"acrel_{language}.qm"))
    if ok:
        app.installTranslator(translator)
        _installed.append(translator)
    return ok


_standalone: dict[str, QTranslator | None] = {}


def translate(context: str, text: str) -> str:
    """Translate a source string marked with QT_TRANSLATE_NOOP(context, text).

    In a Qt application the installed translators answer; without one (the command line) a standalone
    QTranslator for the system language does, so no QCoreApplication is ever created just to translate."""
    if QCoreApplication.instance() is not None:
        return QCoreApplication.translate(context, text)
    language = system_language()
    if language == "en":
        return text
    if language not in _standalone:
        translator = QTranslator()
        _standalone[language] = translator if translator.load(
            str(translations_dir() / f"acrel_{language}.qm")) else None
    translator = _standalone[language]
    return (translator.translate(context, text) or text) if translator is not None else text


def label_text(label: str) -> str:
    """A field or setting label in the current language (unknown labels stay as they are)."""
    for context in ("fields", "settings"):
        text = translate(context, label)
        if text != label:
            return text
    return label


def error_text(err: UserError) -> str:
    """The translated, filled-in message of a UserError, with its {label} and {role} parameters in
    the current language too (services pass them in English)."""
    from acrel_console.domain.roles import ROLE_LABELS, Role

    params = {k: error_text(v) if isinstance(v, UserError) else v for k, v in err.params.items()}
    if isinstance(params.get("label"), str):
        params["label"] = label_text(params["label"])
    if isinstance(params.get("role"), str) and params["role"] in {r.value for r in Role}:
        params["role"] = translate("roles", ROLE_LABELS[Role(params["role"])])
    template = translate(err.context, err.template)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return err.english()

"""The portal's words in zh_CN and en from the console's own translations, chosen per request, plus the
language choice itself (query, cookie, Accept-Language).

The texts come from resources/translations/acrel_<language>.ts — the source scripts/build_translations.py
compiles into the .qm files the GUI loads, so both say the same. They are read into plain dictionaries:
the portal needs no Qt at all (a QTranslator is a QObject, and one made on the server's thread must not be
destroyed on another; plain data has no such rule and is safe to read from any thread)."""

from __future__ import annotations

import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

LANGUAGES = ("zh_CN", "en")
LANG_COOKIE = "acrel_lang"
SKIPPED_TYPES = ("unfinished", "vanished", "obsolete")

Translate = Callable[[str, str], str]  # (context, English source) -> text in the language


def translations_dir() -> Path:
    """resources/translations beside the package, or inside a PyInstaller bundle (as acrel_console.i18n)."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parent.parent.parent
    return root / "resources" / "translations"


def load_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation of every finished message of a Qt Linguist .ts file."""
    table: dict[tuple[str, str], str] = {}
    if not path.is_file():
        return table
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type") in SKIPPED_TYPES:
                continue
            if translation.text:
                table[(name, source)] = translation.text
    return table


class Translations:
    """translate(context, text) per language; each language's table is read once, on first use."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or translations_dir()
        self._tables: dict[str, dict[tuple[str, str], str]] = {}
        self._lock = threading.Lock()

    def _table(self, language: str) -> dict[tuple[str, str], str]:
        table = self._tables.get(language)
        if table is None:
            with self._lock:
                table = self._tables.get(language)
                if table is None:
                    table = {} if language == "en" else load_ts(self.folder / f"acrel_{language}.ts")
                    self._tables[language] = table
        return table

    def text(self, language: str, context: str, source: str) -> str:
        return self._table(language).get((context, source), source)

    def for_language(self, language: str) -> Translate:
        table = self._table(language)
        return lambda context, source: table.get((context, source), source)


def choose_language(query: str | None, cookie: str | None, accept_language: str | None) -> str:
    """?lang= wins, then the cookie, then the browser's Accept-Language (Chinese -> zh_CN); else en."""
    for value in (query, cookie):
        if value in LANGUAGES:
            return str(value)
    if accept_language:
        first = accept_language.split(",")[0].strip().lower()
        if first.startswith("zh"):
            return "zh_CN"
        if "zh" in accept_language.lower() and not first.startswith("en"):
            return "zh_CN"
    return "en"

"""Every word on the portal's pages is declared for translation and has its zh_CN text in the console's own
translations (the .qm the GUI loads); the language follows ?lang=, the cookie, then Accept-Language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from acrel_console.portal import words
from acrel_console.portal.translate import Translations, choose_language

PORTAL = Path(words.__file__).resolve().parent
SAME_IN_BOTH = {"中文", "English", "kWh"}


def _used_words() -> set[str]:
    """_("...") in the templates and tr("portal", "...") in the portal's Python."""
    found: set[str] = set()
    for path in (PORTAL / "templates").glob("*.html"):
        for double, single in re.findall(r"""_\(\s*"([^"]+)"|_\(\s*'([^']+)'""", path.read_text("utf-8")):
            found.add(double or single)
    for path in PORTAL.glob("*.py"):
        found |= set(re.findall(r'\("portal", "([^"]+)"', path.read_text("utf-8")))
    return found


def test_every_word_used_is_declared() -> None:
    used = _used_words()
    assert len(used) > 60
    declared = set(words.WORDS)
    for table in (words.METHOD_WORDS, words.KIND_WORDS, words.DELIVERY_WORDS, words.SMS_WORDS):
        assert set(table.values()) <= declared
    assert used - declared == set()


def test_every_declared_word_is_translated() -> None:
    tr = Translations()
    missing = [w for w in words.WORDS if tr.text("zh_CN", "portal", w) == w and w not in SAME_IN_BOTH]
    assert missing == []
    assert tr.text("zh_CN", "status", "Arrears") == "欠费" and tr.text("zh_CN", "reports", "Valley") == "谷"
    assert tr.text("en", "portal", "Switch off") == "Switch off"


@pytest.mark.parametrize("query, cookie, accept, expected", [
    (None, None, None, "en"), (None, None, "zh-CN,zh;q=0.9,en;q=0.8", "zh_CN"), (None, None, "zh-TW", "zh_CN"),
    (None, None, "en-US,en;q=0.9,zh;q=0.5", "en"), (None, "en", "zh-CN", "en"), ("zh_CN", "en", "en", "zh_CN"),
    ("xx", None, "zh", "zh_CN"), (None, "fr", None, "en")])
def test_language_choice(query: str | None, cookie: str | None, accept: str | None, expected: str) -> None:
    assert choose_language(query, cookie, accept) == expected

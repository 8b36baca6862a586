"""Screenshot helpers for the operator screens: a language switch for one test, where the PNGs go, glyph checks."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget

from acrel_console import i18n
from acrel_console.ui.fonts import setup_fonts

LANGUAGES = ("zh_CN", "en")


@contextmanager
def language(code: str) -> Iterator[None]:
    """Install `code`'s translations and fonts for the block; English and the font before it afterwards."""
    app = QApplication.instance()
    font = QFont(app.font())  # restored as it was: later tests measure widths in the suite's own font
    assert i18n.install_translator(code)
    setup_fonts(app, code)
    try:
        yield
    finally:
        i18n.install_translator("en")
        app.setFont(font)


def shot(widget: QWidget, name: str, tmp_path: Path) -> Path:
    """Save what `widget` shows as NAME.png (in ACREL_SCREENSHOTS when set, else the test's folder)."""
    keep = os.environ.get("ACREL_SCREENSHOTS")
    folder = Path(keep) if keep else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def missing_glyphs(widget: QWidget, texts: list[str]) -> list[str]:
    """Texts with a character the widget's font cannot draw (a box on screen)."""
    fm = QFontMetrics(widget.font())
    return [t for t in texts if any(not fm.inFontUcs4(ord(ch)) for ch in t if not ch.isspace())]


def shown_page(qtbot, ui, page_class, size: tuple[int, int] = (1366, 768)):  # type: ignore[no-untyped-def]
    """A page (or panel taking `ui`) shown at `size`, activated and with its background loads done."""
    from tests.ui.conftest import settle

    page = page_class(ui)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    if hasattr(page, "activated"):
        page.activated()
    settle(ui)
    return page

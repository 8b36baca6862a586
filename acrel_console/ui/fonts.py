"""The UI font: load any font shipped in resources/fonts, then pick a family that covers Chinese."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from acrel_console.i18n import resources_dir

# Preferred CJK-covering families, best first (the README installs fonts-wqy-microhei on Debian).
PREFERRED_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei",
                      "PingFang SC", "Noto Sans SC", "SimHei")
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
UI_POINT_SIZE = 10


def load_bundled_fonts() -> list[str]:
    """Register every font file in resources/fonts with Qt; return the families they provide."""
    families: list[str] = []
    folder = resources_dir() / "fonts"
    if not folder.is_dir():
        return families
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in FONT_SUFFIXES:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def cjk_family(extra: list[str] | None = None) -> str | None:
    """A family that can draw Simplified Chinese: bundled fonts first, then the preferred list."""
    available = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    for family in [*(extra or []), *PREFERRED_FAMILIES]:
        if family in available:
            return family
    return sorted(available)[0] if available else None


def setup_fonts(app: QApplication, language: str = "zh_CN") -> str | None:
    """Load bundled fonts and set an application font that covers Chinese; return the CJK family chosen.

    Chinese UI: the CJK family first (its Latin glyphs are fine). English UI: the platform's default
    family first, the CJK family as explicit fallback for names and rooms typed in Chinese.
    """
    family = cjk_family(load_bundled_fonts())
    font = QFont(app.font())
    font.setPointSize(UI_POINT_SIZE)
    if family is not None:
        if language.startswith("zh"):
            font.setFamilies([family])
        else:
            latin = QFontInfo(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)).family()
            font.setFamilies([latin, family] if latin != family else [family])
    app.setFont(font)
    return family

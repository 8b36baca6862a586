"""Fonts: a font shipped in resources/fonts is loaded; the UI font can draw Chinese in both languages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QLabel

from acrel_console.ui import fonts

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@pytest.mark.skipif(not WQY.exists(), reason="fonts-wqy-microhei is not installed (README installs it)")
def test_a_bundled_font_file_is_registered(qapp, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "fonts").mkdir()
    shutil.copy(WQY, tmp_path / "fonts" / "wqy-microhei.ttc")
    monkeypatch.setattr(fonts, "resources_dir", lambda: tmp_path)
    assert "WenQuanYi Micro Hei" in fonts.load_bundled_fonts()


def test_ui_font_covers_chinese_in_both_languages(qapp) -> None:  # type: ignore[no-untyped-def]
    before = qapp.font()
    try:
        for language in ("zh_CN", "en"):
            family = fonts.setup_fonts(qapp, language)
            assert family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
            label = QLabel("电表监控")
            assert family in label.font().families()
            assert QFontMetrics(label.font()).inFontUcs4(ord("电"))
            if language == "zh_CN":
                assert QFontInfo(label.font()).family() == family
    finally:
        qapp.setFont(before)

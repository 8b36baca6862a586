"""The status registry: one style per status, distinct shapes, two palettes, no colour literal elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

from acrel_console.domain.status import MeterStatus
from acrel_console.ui import theme as theme_module
from acrel_console.ui.theme import DEFAULT_PALETTE, LEGACY_PALETTE, Theme, palette_names, set_palette, theme

UI_DIR = Path(theme_module.__file__).parent
COLOUR_LITERAL = re.compile(r"#[0-9A-Fa-f]{6}\b|QColor\(\s*['\"\d]|Qt\.GlobalColor\.(?!transparent)|rgba?\(")


def test_every_status_has_a_style_icon_and_label(qapp) -> None:  # type: ignore[no-untyped-def]
    for name in palette_names():
        t = Theme(name)
        styles = t.styles()
        assert [s.status for s in styles] == list(MeterStatus)
        assert len({s.shape for s in styles}) == len(styles), "each status needs its own icon shape"
        assert len({s.background.name() for s in styles}) == len(styles)
        for style in styles:
            assert style.label()
            assert not style.icon(16).pixmap(16, 16).toImage().isNull()


def test_text_on_each_status_colour_is_readable() -> None:
    def luminance(c) -> float:  # type: ignore[no-untyped-def]
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    for name in palette_names():
        for style in Theme(name).styles():
            a, b = sorted((luminance(style.background), luminance(style.foreground)))
            assert (b + 0.05) / (a + 0.05) >= 3.0, (name, style.status)


def test_palette_switch_and_unknown_palette_falls_back() -> None:
    try:
        assert set_palette(LEGACY_PALETTE) is theme() and theme().palette == LEGACY_PALETTE
        assert set_palette("no-such").palette == DEFAULT_PALETTE
    finally:
        set_palette(DEFAULT_PALETTE)


def test_no_colour_literal_outside_the_theme() -> None:
    offenders = []
    for path in UI_DIR.rglob("*.py"):
        if path.name == "theme.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if COLOUR_LITERAL.search(line):
                offenders.append(f"{path.relative_to(UI_DIR)}:{number}: {line.strip()}")
    assert not offenders, "colour literals belong in ui/theme.py:\n" + "\n".join(offenders)

"""The status colours and icon shapes (design §5) as plain data: the console's grid (ui.theme) and the
tenant portal draw from this one registry, so a status looks the same everywhere.

The default palette is built on Okabe-Ito (readable with the common colour-vision deficiencies); the
legacy Acrel-3200 palette is offered for sites used to it. Colour is never the only signal: every status
also has its own icon shape and a label (domain.status.STATUS_LABELS).
"""

from __future__ import annotations

from acrel_console.domain.status import MeterStatus

DEFAULT_PALETTE = "okabe-ito"
LEGACY_PALETTE = "acrel-legacy"

# (background, foreground) per status. Okabe-Ito: bluish green, yellow, orange, vermillion, sky blue, grey.
PALETTES: dict[str, dict[MeterStatus, tuple[str, str]]] = {
    DEFAULT_PALETTE: {
        MeterStatus.OPENED: ("#009E73", "#FFFFFF"),
        MeterStatus.ALARM1: ("#F0E442", "#000000"),
        MeterStatus.ALARM2: ("#E69F00", "#000000"),
        MeterStatus.ARREARS: ("#D55E00", "#FFFFFF"),
        MeterStatus.UNOPENED: ("#CFE8F7", "#000000"),
        MeterStatus.OFFLINE: ("#595959", "#FFFFFF"),
    },
    # The Acrel-3200 screens: light blue, yellow, red, purple, grey and (for offline) green.
    LEGACY_PALETTE: {
        MeterStatus.OPENED: ("#8EC9F0", "#000000"),
        MeterStatus.ALARM1: ("#FFE24D", "#000000"),
        MeterStatus.ALARM2: ("#E53935", "#FFFFFF"),
        MeterStatus.ARREARS: ("#8E44AD", "#FFFFFF"),
        MeterStatus.UNOPENED: ("#BDBDBD", "#000000"),
        MeterStatus.OFFLINE: ("#43A047", "#FFFFFF"),
    },
}

# Icon shape per status: each one differs by shape, not only by colour.
SHAPES: dict[MeterStatus, str] = {
    MeterStatus.OPENED: "check",
    MeterStatus.ALARM1: "triangle1",
    MeterStatus.ALARM2: "triangle2",
    MeterStatus.ARREARS: "octagon",
    MeterStatus.UNOPENED: "ring",
    MeterStatus.OFFLINE: "slash",
}


def status_colours(status: MeterStatus, palette: str = DEFAULT_PALETTE) -> tuple[str, str]:
    """(background, foreground) of a status in a palette (the default palette for an unknown name)."""
    return PALETTES.get(palette, PALETTES[DEFAULT_PALETTE])[status]

"""The one status registry for Qt: each MeterStatus's colour, icon and translated label (colours and shapes
from domain.status_colours, shared with the tenant portal), plus UI role colours.

Colour is never the only signal (design §5): every status also has its own icon shape and a label.
The default palette is built on Okabe-Ito (readable with the common colour-vision deficiencies); the
legacy Acrel-3200 palette is offered for sites used to it. No colour literal lives anywhere else in ui/.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from acrel_console.domain.errors import QT_TRANSLATE_NOOP
from acrel_console.domain.status import STATUS_LABELS, STATUS_ORDER, MeterStatus
from acrel_console.domain.status_colours import DEFAULT_PALETTE, LEGACY_PALETTE
from acrel_console.domain.status_colours import PALETTES as _PALETTES
from acrel_console.domain.status_colours import SHAPES as _SHAPES

PALETTE_LABELS: dict[str, str] = {
    DEFAULT_PALETTE: QT_TRANSLATE_NOOP("theme", "Colour-blind safe (default)"),
    LEGACY_PALETTE: QT_TRANSLATE_NOOP("theme", "Acrel-3200 classic"),
}

# Colours of UI roles (validation messages, banners); same in both palettes.
_ROLE_COLOURS: dict[str, str] = {
    "error": "#B3261E",
    "ok": "#00704F",
    "muted": "#5F6368",
    "nav_background": "#F2F4F7",
    "placeholder_border": "#C8CDD3",
    "print_ink": "#000000",  # receipts and slips: black on white paper whatever the screen palette
    "print_paper": "#FFFFFF",
    "kiosk_primary": "#0B5CAD",  # the lobby kiosk window (ui/kiosk_window.py), as the portal's pages
    "kiosk_line": "#D0D7DE",
    "paper": "#FFFFFF",
}


@dataclass(frozen=True, slots=True)
class StatusStyle:
    """How one status looks: background and text colour, icon, translated label."""

    status: MeterStatus
    background: QColor
    foreground: QColor
    shape: str

    def label(self) -> str:
        """The status name in the current language (context 'status')."""
        return QCoreApplication.translate("status", STATUS_LABELS[self.status])

    def icon(self, size: int = 16) -> QIcon:
        return QIcon(status_pixmap(self, size))


class Theme:
    """The status registry for one palette. Use `theme()` for the application's current one."""

    def __init__(self, palette: str = DEFAULT_PALETTE) -> None:
        self.palette = palette if palette in _PALETTES else DEFAULT_PALETTE
        colours = _PALETTES[self.palette]
        self._styles = {s: StatusStyle(s, QColor(colours[s][0]), QColor(colours[s][1]), _SHAPES[s])
                        for s in STATUS_ORDER}

    def style(self, status: MeterStatus) -> StatusStyle:
        return self._styles[status]

    def styles(self) -> list[StatusStyle]:
        """Every status in precedence order (legend order)."""
        return [self._styles[s] for s in STATUS_ORDER]

    @staticmethod
    def role(name: str) -> QColor:
        """A UI role colour: 'error', 'ok', 'muted', 'nav_background', 'placeholder_border', 'print_ink',
        'print_paper'."""
        return QColor(_ROLE_COLOURS[name])


_current = Theme()


def theme() -> Theme:
    """The application's current status registry."""
    return _current


def set_palette(name: str) -> Theme:
    """Switch the current palette (unknown names fall back to the default)."""
    global _current
    _current = Theme(name)
    return _current


def palette_names() -> tuple[str, ...]:
    return tuple(_PALETTES)


def palette_label(name: str) -> str:
    return QCoreApplication.translate("theme", PALETTE_LABELS[name])


def status_pixmap(style: StatusStyle, size: int = 16) -> QPixmap:
    """Draw the status icon: the status's own shape filled with its colour, outlined for contrast."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    outline = QPen(style.foreground if style.shape in ("ring",) else style.background.darker(160))
    outline.setWidthF(max(1.0, size / 14))
    p.setPen(outline)
    p.setBrush(QBrush(style.background))
    m = size * 0.08
    box = QRectF(m, m, size - 2 * m, size - 2 * m)
    mark = QPen(style.foreground)
    mark.setWidthF(max(1.5, size / 9))
    mark.setCapStyle(Qt.PenCapStyle.RoundCap)
    if style.shape in ("triangle1", "triangle2"):
        tri = QPolygonF([QPointF(size / 2, m), QPointF(size - m, size - m), QPointF(m, size - m)])
        p.drawPolygon(tri)
        p.setPen(mark)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(6, int(size * 0.55)))
        p.setFont(font)
        p.drawText(QRectF(0, size * 0.28, size, size * 0.72), Qt.AlignmentFlag.AlignCenter, style.shape[-1])
    elif style.shape == "octagon":
        path = QPainterPath()
        c = size * 0.3
        pts = [(c, m), (size - c, m), (size - m, c), (size - m, size - c), (size - c, size - m), (c, size - m),
               (m, size - c), (m, c)]
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in pts]))
        path.closeSubpath()
        p.drawPath(path)
        p.setPen(mark)
        p.drawLine(QPointF(size * 0.3, size / 2), QPointF(size * 0.7, size / 2))
    elif style.shape == "ring":
        ring = QPen(style.background.darker(150))
        ring.setWidthF(max(1.5, size / 7))
        p.setPen(ring)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(box.adjusted(size * 0.08, size * 0.08, -size * 0.08, -size * 0.08))
    else:
        p.drawEllipse(box)
        p.setPen(mark)
        if style.shape == "check":
            p.drawPolyline(QPolygonF([QPointF(size * 0.28, size * 0.52), QPointF(size * 0.44, size * 0.68),
                                      QPointF(size * 0.72, size * 0.34)]))
        else:  # slash: offline
            p.drawLine(QPointF(size * 0.3, size * 0.7), QPointF(size * 0.7, size * 0.3))
    p.end()
    return pixmap

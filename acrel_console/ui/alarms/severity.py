"""Alarm severities: colour, icon shape and translated label, drawn from the theme's registry.

ui/theme.py (the one colour registry, owned by the UI shell) has no alarm-severity hook yet, so this
small registry maps each severity onto colours theme.py already defines (no colour literal here):
critical = the 'error' role, warning = the alarm-2 status colour, info = the alarm-1 status colour.
Each severity also has its own shape (octagon !, triangle !, circle i), so colour is never the only signal.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from acrel_console.domain.errors import QT_TRANSLATE_NOOP
from acrel_console.domain.status import MeterStatus
from acrel_console.ui.theme import Theme, theme

SEVERITY_ORDER = ("critical", "warning", "info")
SEVERITY_LABELS = {
    "critical": QT_TRANSLATE_NOOP("alarms", "Critical"),
    "warning": QT_TRANSLATE_NOOP("alarms", "Warning"),
    "info": QT_TRANSLATE_NOOP("alarms", "Notice"),
}


@dataclass(frozen=True, slots=True)
class SeverityStyle:
    severity: str
    background: QColor
    foreground: QColor
    shape: str  # octagon | triangle | circle

    def label(self) -> str:
        return QCoreApplication.translate("alarms", SEVERITY_LABELS.get(self.severity, self.severity))

    def icon(self, size: int = 16) -> QIcon:
        return QIcon(severity_pixmap(self, size))


def severity_style(severity: str) -> SeverityStyle:
    """The style of a severity from the current palette (unknown severities look like warnings)."""
    t = theme()
    if severity == "critical":
        return SeverityStyle("critical", Theme.role("error"), Theme.role("print_paper"), "octagon")
    if severity == "info":
        s = t.style(MeterStatus.ALARM1)
        return SeverityStyle("info", s.background, s.foreground, "circle")
    s = t.style(MeterStatus.ALARM2)
    return SeverityStyle(severity if severity in SEVERITY_LABELS else "warning", s.background, s.foreground,
                         "triangle")


_ICONS: dict[tuple[str, str, int], QIcon] = {}


def severity_icon(severity: str, size: int = 16) -> QIcon:
    """The severity's icon, cached per palette (list views ask for it on every repaint)."""
    key = (theme().palette, severity, size)
    icon = _ICONS.get(key)
    if icon is None:
        icon = _ICONS[key] = severity_style(severity).icon(size)
    return icon


def severity_rank(severity: str) -> int:
    return SEVERITY_ORDER.index(severity) if severity in SEVERITY_ORDER else 1


def severity_pixmap(style: SeverityStyle, size: int = 16) -> QPixmap:
    """The severity's shape filled with its colour, outlined, with ! or i inside."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(style.background.darker(160))
    pen.setWidthF(max(1.0, size / 14))
    p.setPen(pen)
    p.setBrush(QBrush(style.background))
    m = size * 0.06
    if style.shape == "octagon":
        c = size * 0.3
        pts = [(c, m), (size - c, m), (size - m, c), (size - m, size - c), (size - c, size - m), (c, size - m),
               (m, size - c), (m, c)]
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in pts]))
        path.closeSubpath()
        p.drawPath(path)
        text, box = "!", QRectF(0, 0, size, size)
    elif style.shape == "triangle":
        p.drawPolygon(QPolygonF([QPointF(size / 2, m), QPointF(size - m, size - m), QPointF(m, size - m)]))
        text, box = "!", QRectF(0, size * 0.22, size, size * 0.78)
    else:
        p.drawEllipse(QRectF(m, m, size - 2 * m, size - 2 * m))
        text, box = "i", QRectF(0, 0, size, size)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(6, int(size * 0.62)))
    p.setFont(font)
    p.setPen(QPen(style.foreground))
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return pixmap

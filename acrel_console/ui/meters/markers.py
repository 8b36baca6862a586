"""Small marker glyphs beside the status (design §5): relay open, forced mode (保电/强制), pending command,
overload. Drawn with QPainter paths (no font glyphs that a font might lack) in the registry's colours."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from acrel_console.domain.errors import QT_TRANSLATE_NOOP

RELAY_OPEN = "relay_open"
FORCED = "forced"
PENDING = "pending"
OVERLOAD = "overload"
MARKERS: tuple[str, ...] = (RELAY_OPEN, FORCED, PENDING, OVERLOAD)

MARKER_LABELS: dict[str, str] = {
    RELAY_OPEN: QT_TRANSLATE_NOOP("meters", "Relay open"),
    FORCED: QT_TRANSLATE_NOOP("meters", "Forced mode (keep power / forced trip)"),
    PENDING: QT_TRANSLATE_NOOP("meters", "Command pending"),
    OVERLOAD: QT_TRANSLATE_NOOP("meters", "Overload"),
}


def marker_label(kind: str) -> str:
    return QCoreApplication.translate("meters", MARKER_LABELS[kind])


def draw_marker(p: QPainter, rect: QRectF, kind: str, chip: QColor, glyph: QColor) -> None:
    """A rounded chip of colour `chip` with the marker's glyph in `glyph` (the status's two colours swapped)."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(chip))
    p.drawRoundedRect(rect, rect.width() * 0.22, rect.height() * 0.22)
    s = rect.width()
    x, y = rect.x(), rect.y()

    def pt(fx: float, fy: float) -> QPointF:
        return QPointF(x + fx * s, y + fy * s)

    pen = QPen(glyph)
    pen.setWidthF(max(1.3, s / 9))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    if kind == RELAY_OPEN:  # a knife switch standing open
        p.setBrush(QBrush(glyph))
        p.drawEllipse(pt(0.22, 0.70), s * 0.07, s * 0.07)
        p.drawEllipse(pt(0.78, 0.70), s * 0.07, s * 0.07)
        p.drawLine(pt(0.22, 0.70), pt(0.68, 0.30))
        p.drawLine(pt(0.08, 0.70), pt(0.15, 0.70))
        p.drawLine(pt(0.85, 0.70), pt(0.92, 0.70))
    elif kind == FORCED:  # a padlock
        p.drawArc(QRectF(x + 0.32 * s, y + 0.14 * s, 0.36 * s, 0.40 * s), 0, 180 * 16)
        p.drawLine(pt(0.32, 0.34), pt(0.32, 0.46))
        p.drawLine(pt(0.68, 0.34), pt(0.68, 0.46))
        p.setBrush(QBrush(glyph))
        p.drawRoundedRect(QRectF(x + 0.22 * s, y + 0.45 * s, 0.56 * s, 0.42 * s), s * 0.06, s * 0.06)
    elif kind == PENDING:  # an hourglass
        p.drawLine(pt(0.25, 0.15), pt(0.75, 0.15))
        p.drawLine(pt(0.25, 0.85), pt(0.75, 0.85))
        path = QPainterPath(pt(0.30, 0.17))
        path.lineTo(pt(0.70, 0.17))
        path.lineTo(pt(0.30, 0.83))
        path.lineTo(pt(0.70, 0.83))
        path.closeSubpath()
        p.drawPath(path)
    elif kind == OVERLOAD:  # a lightning bolt
        p.setBrush(QBrush(glyph))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawPolygon(QPolygonF([pt(0.58, 0.08), pt(0.24, 0.56), pt(0.48, 0.56), pt(0.40, 0.92), pt(0.76, 0.42),
                                 pt(0.52, 0.42)]))
    p.restore()


def marker_icon(kind: str, chip: QColor, glyph: QColor, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    draw_marker(p, QRectF(0, 0, size, size), kind, chip, glyph)
    p.end()
    return QIcon(pixmap)


def markers_of(forced: bool | None, relay_closed: bool | None, pending: int, overload: bool) -> list[str]:
    """Which markers a meter carries, in drawing order."""
    out: list[str] = []
    if relay_closed is False:
        out.append(RELAY_OPEN)
    if forced:
        out.append(FORCED)
    if pending:
        out.append(PENDING)
    if overload:
        out.append(OVERLOAD)
    return out

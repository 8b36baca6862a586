"""Paints one meter as a tile: room, tenant, remaining amount, status (colour + icon + text) and markers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from acrel_console.domain.meter_identity import meter_number
from acrel_console.domain.status import MeterStatus
from acrel_console.services.meter_views import MeterLive
from acrel_console.ui.meters import formatting as fmt
from acrel_console.ui.meters.live_model import METER_ROLE
from acrel_console.ui.meters.markers import draw_marker, markers_of
from acrel_console.ui.theme import Theme, status_pixmap, theme

TILE_CHARS = 15  # room/tenant width in average characters before eliding
COMPACT_CHARS = 9
_icon_cache: dict[tuple[str, MeterStatus, int], QPixmap] = {}


def status_icon(t: Theme, status: MeterStatus, size: int) -> QPixmap:
    """The registry's status icon, cached per palette and size (tiles paint it thousands of times)."""
    key = (t.palette, status, size)
    pix = _icon_cache.get(key)
    if pix is None:
        pix = _icon_cache[key] = status_pixmap(t.style(status), size)
    return pix


def status_words(m: MeterLive) -> str:
    """The tile's last line: the status, then the relay and mode in words when they are not the usual ones.

    A tripped relay reads "Tripped" (拉闸), never "Open": beside the status "Opened" (an open account) the
    tile read "Opened · Open" and the two looked alike."""
    words = [theme().style(m.status).label()]
    if m.relay_closed is False:
        words.append(QCoreApplication.translate("meters", "Tripped"))
    if m.keep_power:
        words.append(QCoreApplication.translate("meters", "Keep power"))
    elif m.forced:
        words.append(QCoreApplication.translate("meters", "Forced"))
    return " · ".join(words)


class TileMetrics:
    """Sizes of a tile derived from the view's font (so zh_CN and large fonts fit)."""

    def __init__(self, font: QFont, compact: bool = False) -> None:
        self.compact = compact
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.big = QFont(font)
        self.big.setBold(True)
        self.big.setPointSizeF(font.pointSizeF() * 1.3 if font.pointSizeF() > 0 else 13)
        fm, fb = QFontMetrics(self.font), QFontMetrics(self.big)
        self.line = fm.height()
        self.big_line = fb.height()
        self.pad = max(5, self.line // 3)
        self.icon = max(14, int(self.line * 1.05))
        self.width = max(150, fm.averageCharWidth() * TILE_CHARS + 2 * self.pad, fb.horizontalAdvance("-88,888.88") +
                         2 * self.pad + self.icon)
        self.height = 2 * self.pad + 3 * self.line + self.big_line + 4
        if compact:  # room and amount only: status by colour and icon shape, details in the tooltip
            self.pad = max(3, self.line // 5)
            self.width = max(108, fm.averageCharWidth() * COMPACT_CHARS + 2 * self.pad + self.icon)
            self.height = 2 * self.pad + 2 * self.line + 2
        self.margin = 2 if compact else 3

    def size(self) -> QSize:
        return QSize(self.width + 2 * self.margin, self.height + 2 * self.margin)


class TileDelegate(QStyledItemDelegate):
    """Draws the tile of column 0 of the live model; the table view uses the default delegate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics: TileMetrics | None = None
        self._metrics_key: str = ""
        self._compact = False

    @property
    def compact(self) -> bool:
        return self._compact

    def set_compact(self, compact: bool) -> None:
        """Small two-line tiles (room, amount) so that more meters fit a screen; the view must re-layout."""
        self._compact = compact
        self._metrics = None

    def metrics(self, font: QFont) -> TileMetrics:
        key = font.key()
        if self._metrics is None or key != self._metrics_key:
            self._metrics, self._metrics_key = TileMetrics(font, self._compact), key
        return self._metrics

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        return self.metrics(option.font).size()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,  # type: ignore[override]
              index: QModelIndex | QPersistentModelIndex) -> None:
        m: MeterLive | None = index.data(METER_ROLE)
        if m is None:
            return
        t = theme()
        st = t.style(m.status)
        mt = self.metrics(option.font)
        rect = QRectF(option.rect).adjusted(mt.margin, mt.margin, -mt.margin, -mt.margin)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(st.background.darker(135), 1))
        painter.setBrush(st.background)
        painter.drawRoundedRect(rect, 5, 5)
        fg = st.foreground
        pad = mt.pad
        inner = rect.adjusted(pad, pad - 1, -pad, -pad)
        # line 1: status icon, room (bold), markers at the right
        icon = status_icon(t, m.status, mt.icon)
        markers = markers_of(m.forced, m.relay_closed, m.pending_commands, m.overload)
        chip = mt.icon
        x_right = inner.right()
        marker_top = inner.top() + (mt.line if mt.compact else 0)  # compact: beside the amount, not the room
        for kind in reversed(markers):
            x_right -= chip
            draw_marker(painter, QRectF(x_right, marker_top + (mt.line - chip) / 2, chip, chip), kind, fg,
                        st.background)
            x_right -= 2
        markers_left = x_right
        if mt.compact:
            x_right = inner.right()
        # the status icon sits on a light chip so that its shape shows on a tile of its own colour
        icon_rect = QRectF(inner.left(), inner.top() + (mt.line - mt.icon) / 2, mt.icon, mt.icon)
        painter.setPen(QPen(st.background.darker(150), 1))
        painter.setBrush(option.palette.base())
        painter.drawEllipse(icon_rect.adjusted(-1.5, -1.5, 1.5, 1.5))
        painter.drawPixmap(icon_rect.topLeft(), icon)
        painter.setPen(fg)
        painter.setFont(mt.bold)
        room_rect = QRectF(icon_rect.right() + 4, inner.top(), x_right - icon_rect.right() - 6, mt.line)
        room = QFontMetrics(mt.bold).elidedText(m.room, Qt.TextElideMode.ElideRight, int(room_rect.width()))
        painter.drawText(room_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), room)
        if mt.compact:
            amount = fmt.DASH if m.remaining_fen is None else "¥" + fmt.yuan(m.remaining_fen)
            painter.drawText(QRectF(inner.left(), inner.top() + mt.line, markers_left - inner.left(), mt.line),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), amount)
            self._paint_selection(painter, option, rect, fg)
            painter.restore()
            return
        # line 2: tenant (or account state)
        painter.setFont(mt.font)
        fm = QFontMetrics(mt.font)
        y = inner.top() + mt.line
        tenant = m.tenant_name or m.account_no or meter_number(m.meter_no)  # unopened: its 仪表编号
        painter.drawText(QRectF(inner.left(), y, inner.width(), mt.line),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         fm.elidedText(tenant, Qt.TextElideMode.ElideRight, int(inner.width())))
        # line 3: remaining amount, large
        y += mt.line + 1
        painter.setFont(mt.big)
        amount = fmt.DASH if m.remaining_fen is None else "¥ " + fmt.yuan(m.remaining_fen)
        painter.drawText(QRectF(inner.left(), y, inner.width(), mt.big_line),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), amount)
        # line 4: status text, and the relay/mode in words when they differ from normal
        y += mt.big_line + 1
        painter.setFont(mt.font)
        line4 = status_words(m)
        painter.drawText(QRectF(inner.left(), y, inner.width(), mt.line),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         fm.elidedText(line4, Qt.TextElideMode.ElideRight, int(inner.width())))
        self._paint_selection(painter, option, rect, fg)
        painter.restore()

    @staticmethod
    def _paint_selection(painter: QPainter, option: QStyleOptionViewItem, rect: QRectF, fg: object) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if selected:  # a thick highlight ring outside and a base-colour ring inside: visible on every status
            painter.setPen(QPen(option.palette.highlight().color(), 3.5))
            painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 6, 6)
            painter.setPen(QPen(option.palette.base().color(), 1.5))
            painter.drawRoundedRect(rect.adjusted(1.8, 1.8, -1.8, -1.8), 4, 4)
        if focused:
            pen = QPen(fg, 1.2)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(rect.adjusted(3.5, 3.5, -3.5, -3.5), 4, 4)

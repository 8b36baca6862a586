"""Draw a receipt with QPainter: on a preview image, into a PDF (QPdfWriter) or on a printer. One layout for all.

The slip is laid out for an 80 mm roll; sizes are in points of the paint device's logical DPI, so the
preview, the PDF and the printer agree.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QFont, QFontDatabase, QImage, QPageLayout, QPageSize, QPainter, QPaintDevice,
                           QPdfWriter, QPen)
from PySide6.QtWidgets import QApplication

from acrel_console.ui.cashier.receipt_lines import ReceiptText
from acrel_console.ui.theme import Theme

SLIP_WIDTH_MM = 80.0
SLIP_HEIGHT_MM = 160.0
MARGIN_MM = 4.0
BASE_POINT_SIZE = 9.0


def _font(device: QPaintDevice, scale: float = 1.0, bold: bool = False) -> QFont:
    app = QApplication.instance()
    font = QFont(app.font()) if isinstance(app, QApplication) else QFont()
    families = font.families() or [font.family()]
    cjk = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if cjk and not any(f in cjk for f in families):
        font.setFamilies([*families, cjk[0]])
    font.setPointSizeF(BASE_POINT_SIZE * scale)
    font.setBold(bold)
    return font


def paint_receipt(painter: QPainter, rect: QRectF, text: ReceiptText) -> float:
    """Draw the slip inside rect (device units); return the height used."""
    device = painter.device()
    y = rect.top()
    painter.setPen(QPen(Theme.role("print_ink")))

    def line(value: str, font: QFont, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter) -> None:
        nonlocal y
        painter.setFont(font)
        box = painter.boundingRect(QRectF(rect.left(), y, rect.width(), 10_000),
                                   int(align | Qt.TextFlag.TextWordWrap), value)
        painter.drawText(QRectF(rect.left(), y, rect.width(), box.height()), int(align | Qt.TextFlag.TextWordWrap),
                         value)
        y += box.height()

    line(text.title, _font(device, 1.3, True))
    line(text.subtitle, _font(device, 1.1, True))
    if text.reprint_mark:
        line(text.reprint_mark, _font(device, 1.2, True))
    y += painter.fontMetrics().height() * 0.4
    painter.drawLine(int(rect.left()), int(y), int(rect.right()), int(y))
    y += painter.fontMetrics().height() * 0.3
    body = _font(device)
    bold = _font(device, 1.0, True)
    painter.setFont(body)
    label_w = max(painter.fontMetrics().horizontalAdvance(label) for label, _v in text.rows) + \
        painter.fontMetrics().horizontalAdvance("  ")
    label_w = min(label_w, rect.width() * 0.45)
    for label, value in text.rows:
        painter.setFont(body)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        lbox = painter.boundingRect(QRectF(rect.left(), y, label_w, 10_000), flags, label)
        painter.drawText(QRectF(rect.left(), y, label_w, lbox.height()), flags, label)
        painter.setFont(bold)
        vrect = QRectF(rect.left() + label_w, y, rect.width() - label_w, 10_000)
        vbox = painter.boundingRect(vrect, flags, value)
        painter.drawText(QRectF(vrect.left(), y, vrect.width(), vbox.height()), flags, value)
        y += max(lbox.height(), vbox.height()) * 1.15
    y += painter.fontMetrics().height() * 0.3
    painter.drawLine(int(rect.left()), int(y), int(rect.right()), int(y))
    y += painter.fontMetrics().height() * 0.3
    line(text.footer, _font(device, 0.85))
    return y - rect.top()


def receipt_image(text: ReceiptText, width_px: int = 420) -> QImage:
    """The slip as an image (the preview), white background, height fitted to the content."""
    probe = QImage(width_px, 4000, QImage.Format.Format_RGB32)
    probe.fill(Theme.role("print_paper"))
    margin = width_px * MARGIN_MM / SLIP_WIDTH_MM
    p = QPainter(probe)
    used = paint_receipt(p, QRectF(margin, margin, width_px - 2 * margin, 4000 - 2 * margin), text)
    p.end()
    return probe.copy(0, 0, width_px, min(4000, int(used + 2 * margin)))


def slip_layout() -> QPageLayout:
    """The page of one slip: 80 mm wide roll paper."""
    size = QPageSize(QSizeF(SLIP_WIDTH_MM, SLIP_HEIGHT_MM), QPageSize.Unit.Millimeter, "Receipt 80 mm")
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                       QPageLayout.Unit.Millimeter)


def save_pdf(text: ReceiptText, path: str | Path) -> Path:
    """Write the slip as a one-page PDF (80 mm wide)."""
    out = Path(path)
    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    writer.setPageLayout(slip_layout())
    writer.setTitle(text.subtitle)
    writer.setCreator("Acrel Console")
    p = QPainter(writer)
    paint_receipt(p, QRectF(writer.pageLayout().paintRectPixels(writer.resolution())).translated(
        -writer.pageLayout().paintRectPixels(writer.resolution()).topLeft()), text)
    p.end()
    return out


def print_receipt(text: ReceiptText, printer: object) -> None:
    """Draw the slip on a QPrinter (QtPrintSupport) already set up by the print dialog."""
    p = QPainter(printer)  # type: ignore[call-overload]
    rect = printer.pageLayout().paintRectPixels(printer.resolution())  # type: ignore[attr-defined]
    paint_receipt(p, QRectF(0, 0, rect.width(), rect.height()), text)
    p.end()

"""A QR code drawn locally (segno makes the matrix; no web service), with its quiet zone, scaled to fit."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from acrel_console.ui.theme import Theme

QUIET_MODULES = 4


class QrWidget(QWidget):
    """Shows `payload` as a QR code (black on white, error correction M); empty when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self.payload = ""
        self.setMinimumSize(QSize(220, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_payload(self, payload: str) -> None:
        self.payload = payload
        self._matrix = [[bool(v) for v in row] for row in segno.make(payload, error="m").matrix] if payload else []
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        side = min(self.width(), self.height())
        x0, y0 = (self.width() - side) / 2, (self.height() - side) / 2
        painter.fillRect(QRectF(x0, y0, side, side), Theme.role("print_paper"))
        if not self._matrix:
            return
        n = len(self._matrix) + 2 * QUIET_MODULES
        cell = side / n
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(Theme.role("print_ink"))
        for r, row in enumerate(self._matrix):
            for c, dark in enumerate(row):
                if dark:
                    painter.drawRect(QRectF(x0 + (c + QUIET_MODULES) * cell, y0 + (r + QUIET_MODULES) * cell,
                                            cell + 0.5, cell + 0.5))

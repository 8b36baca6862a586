"""A printed slip shown on screen (its preview) with Print… on the session's slip printer, Save PDF… and Close:
the settlement slip of 销户/换表 and the tenant's PIN slip (which offers no PDF: the PIN stays on paper)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from acrel_console.ui.cashier.receipt_lines import ReceiptText
from acrel_console.ui.cashier.receipt_render import receipt_image, save_pdf
from acrel_console.ui.cashier.slip_printer import print_support, session_printer
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import error_label, show_error


class SlipDialog(QDialog):
    """`text` previewed; Print… (the print dialog the first time in a session), Save PDF… when `pdf`, Close."""

    def __init__(self, ui: UiContext, text: ReceiptText, parent: QWidget | None = None, *, slip_no: str = "",
                 pdf: bool = True) -> None:
        super().__init__(parent)
        self.ui = ui
        self.text = text
        self.slip_no = slip_no or text.subtitle  # names the PDF file of a "Print to file" printer
        self.last_pdf: Path | None = None
        self.last_printed = ""  # where the last print went (printer name or PDF file)
        self.setWindowTitle(text.subtitle)
        layout = QVBoxLayout(self)
        preview = QLabel()
        preview.setObjectName("slipPreview")
        preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        preview.setPixmap(QPixmap.fromImage(receipt_image(text)))
        scroll = QScrollArea()
        scroll.setWidget(preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumSize(460, 420)
        layout.addWidget(scroll, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        bar = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setEnabled(print_support() is not None)
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.pdf_button.setVisible(pdf)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setDefault(True)
        self.print_button.clicked.connect(self._print)
        self.pdf_button.clicked.connect(self._choose)
        self.close_button.clicked.connect(self.accept)
        bar.addWidget(self.print_button)
        bar.addWidget(self.pdf_button)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        layout.addLayout(bar)

    def _choose(self) -> None:
        dialog = QFileDialog(self, self.tr("Save slip as PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(self.save_pdf_to)
        dialog.open()

    def save_pdf_to(self, path: str) -> None:
        text = self.text

        def done(p: Path) -> None:
            self.last_pdf = p

        self.ui.tasks.run(lambda: save_pdf(text, path), done, lambda f: show_error(self.error, f.message), owner=self)

    def _print(self) -> None:
        """打印 through the session's slip printer (the print dialog the first time)."""
        if print_support() is None:
            return
        slips, text, slip_no = session_printer(self.ui), self.text, self.slip_no

        def on(printer: Any) -> None:
            self.last_printed = slips.paint(text, slip_no, printer)

        slips.choose(self, on)

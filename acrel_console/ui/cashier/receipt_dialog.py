"""Receipt preview with Print and Save PDF. Every print or saved PDF is recorded by the records service:
the first is the original, every later one is marked 补打 (reprint) and keeps the number."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from acrel_console.services.records import ReceiptData
from acrel_console.ui.cashier.money import money_services
from acrel_console.ui.cashier.receipt_lines import ReceiptText, receipt_text
from acrel_console.ui.cashier.receipt_render import receipt_image, save_pdf
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import error_label, show_error
from acrel_console.ui.tasks import TaskFailure


def print_support() -> Any:
    """QtPrintSupport when this Qt has it (PySide6-Essentials 6.11 does), else None (Print is disabled)."""
    try:
        from PySide6 import QtPrintSupport
    except ImportError:
        return None
    return QtPrintSupport


class ReceiptDialog(QDialog):
    """Shows one receipt (by number or operation id); prints it or saves it as PDF."""

    printed = Signal(object)  # ReceiptData of the recorded print

    def __init__(self, ui: UiContext, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.key = key
        self.data: ReceiptData | None = None
        self.text: ReceiptText | None = None
        self.zone = "Asia/Shanghai"
        self.last_pdf: Path | None = None
        self.setWindowTitle(self.tr("Receipt"))
        self.setObjectName("receiptDialog")
        layout = QVBoxLayout(self)
        self.preview = QLabel(self.tr("Loading…"))
        self.preview.setObjectName("receiptPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumSize(460, 480)
        layout.addWidget(scroll, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        bar = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.print_button.setEnabled(print_support() is not None)
        self.print_button.clicked.connect(self.print_dialog)
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.close_button.clicked.connect(self.accept)
        for b in (self.print_button, self.pdf_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        layout.addLayout(bar)
        self.close_button.setDefault(True)
        self.file_dialog: QFileDialog | None = None
        self.load()

    def _money(self) -> Any:
        return money_services(self.ui.services)

    def load(self) -> None:
        records, actor, key, zone = self._money().records, self.ui.actor, self.key, self.ui.clock.zone_name

        def fetch() -> tuple[ReceiptData, str]:
            return records.receipt(actor, key), zone

        self.ui.tasks.run(fetch, lambda r: self._show(*r), self._failed, owner=self)

    def _show(self, data: ReceiptData, zone: str) -> None:
        self.data, self.zone = data, zone
        self.text = receipt_text(data, zone)
        self.preview.setPixmap(QPixmap.fromImage(receipt_image(self.text)))

    def _failed(self, failure: TaskFailure) -> None:
        show_error(self.error, failure.message)

    # ---- PDF ----------------------------------------------------------------------------------
    def choose_pdf(self) -> None:
        dialog = QFileDialog(self, self.tr("Save receipt as PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(f"{self.data.number if self.data else 'receipt'}.pdf")
        dialog.fileSelected.connect(self.save_pdf_to)
        self.file_dialog = dialog
        dialog.open()

    def save_pdf_to(self, path: str) -> None:
        """Record the print, then write the PDF (both off the GUI thread)."""
        records, actor, key, zone = self._money().records, self.ui.actor, self.key, self.zone

        def work() -> tuple[ReceiptData, Path]:
            data = records.print_receipt(actor, key)
            return data, save_pdf(receipt_text(data, zone), path)

        self.pdf_button.setEnabled(False)
        self.ui.tasks.run(work, self._pdf_saved, self._print_failed, owner=self)

    def _pdf_saved(self, result: tuple[ReceiptData, Path]) -> None:
        data, path = result
        self.pdf_button.setEnabled(True)
        self.last_pdf = path
        self._show(data, self.zone)
        self.status.setText(self.tr("Saved to {path}").format(path=str(path)))
        self.printed.emit(data)

    def _print_failed(self, failure: TaskFailure) -> None:
        self.pdf_button.setEnabled(True)
        self.print_button.setEnabled(print_support() is not None)
        show_error(self.error, failure.message)

    # ---- printer ------------------------------------------------------------------------------
    def print_dialog(self) -> None:
        support = print_support()
        if support is None:
            return
        printer = support.QPrinter(support.QPrinter.PrinterMode.HighResolution)
        dialog = support.QPrintDialog(printer, self)
        self._printer = printer
        dialog.accepted.connect(lambda: self.print_on(printer))
        dialog.open()

    def print_on(self, printer: Any) -> None:
        """Record the print (task), then draw on the printer on the GUI thread."""
        from acrel_console.ui.cashier.receipt_render import print_receipt

        records, actor, key = self._money().records, self.ui.actor, self.key

        def printed(data: ReceiptData) -> None:
            self.print_button.setEnabled(True)
            print_receipt(receipt_text(data, self.zone), printer)
            self._show(data, self.zone)
            self.status.setText(self.tr("Sent to the printer."))
            self.printed.emit(data)

        self.print_button.setEnabled(False)
        self.ui.tasks.run(lambda: records.print_receipt(actor, key), printed, self._print_failed, owner=self)

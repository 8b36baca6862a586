"""Receipt preview with Print and Save PDF. Every print or saved PDF is recorded by the records service:
the first is the original, every later one is marked 补打 (reprint) and keeps the number.

Print goes to the session's slip printer (ui/cashier/slip_printer.py): the system's print dialog the first
time, the same printer afterwards; "Printer…" picks another one. Print is the default button, so Enter
prints and Esc closes without printing."""

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
from acrel_console.ui.cashier.slip_printer import print_support, session_printer
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import error_label, show_error
from acrel_console.ui.tasks import TaskFailure

__all__ = ["ReceiptDialog", "print_support", "print_recorded"]


def print_recorded(ui: UiContext, key: str, printer: Any, zone: str, owner: Any,
                   done: Any, failed: Any) -> None:
    """Record the print of receipt `key` (a task), then draw it on `printer` on the GUI thread.

    `done(data, where)` gets the recorded ReceiptData (reprint marked) and where it printed."""
    records, actor = money_services(ui.services).records, ui.actor
    slips = session_printer(ui)

    def printed(data: ReceiptData) -> None:
        where = slips.paint(receipt_text(data, zone), data.number, printer)
        done(data, where)

    ui.tasks.run(lambda: records.print_receipt(actor, key), printed, failed, owner=owner)


class ReceiptDialog(QDialog):
    """Shows one receipt (by number or operation id); prints it or saves it as PDF."""

    printed = Signal(object)  # ReceiptData of the recorded print

    def __init__(self, ui: UiContext, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.key = key
        self.data: ReceiptData | None = None
        self.text: ReceiptText | None = None
        self.zone = ui.clock.zone_name
        self.last_pdf: Path | None = None
        self.last_printed = ""  # where the last print went (printer name or PDF file)
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
        self.status.setObjectName("receiptStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        bar = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print (Enter)"))
        self.print_button.setObjectName("receiptPrint")
        self.printer_button = QPushButton(self.tr("Printer…"))
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        supported = print_support() is not None
        self.print_button.setEnabled(supported)
        self.printer_button.setEnabled(supported)
        self.print_button.clicked.connect(self.print_dialog)
        self.printer_button.clicked.connect(lambda: self.print_dialog(ask=True))
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.close_button.clicked.connect(self.reject)
        for b in (self.print_button, self.printer_button, self.pdf_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        layout.addLayout(bar)
        for b in (self.printer_button, self.pdf_button, self.close_button):
            b.setAutoDefault(False)
        self.print_button.setDefault(supported)
        self.file_dialog: QFileDialog | None = None
        self.load()

    def _money(self) -> Any:
        return money_services(self.ui.services)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.print_button.isEnabled():
            self.print_button.setFocus()  # Enter prints; a button made default before the dialog owned it may not be

    def load(self) -> None:
        records, actor, key, zone = self._money().records, self.ui.actor, self.key, self.zone

        def fetch() -> tuple[ReceiptData, str]:
            return records.receipt(actor, key), zone

        self.ui.tasks.run(fetch, lambda r: self._show(*r), self._failed, owner=self)

    def _show(self, data: ReceiptData, zone: str) -> None:
        self.data, self.zone = data, zone
        self.text = receipt_text(data, zone)
        self.setWindowTitle(self.text.subtitle)
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
    def print_dialog(self, ask: bool = False) -> None:
        """打印: on the session's printer (the print dialog first when none is chosen yet, or `ask`)."""
        if print_support() is None:
            return
        session_printer(self.ui).choose(self, self.print_on, ask=ask)

    def print_on(self, printer: Any) -> None:
        """Record the print (task), then draw on the printer on the GUI thread, then close."""
        self.print_button.setEnabled(False)
        print_recorded(self.ui, self.key, printer, self.zone, self, self._printed, self._print_failed)

    def _printed(self, data: ReceiptData, where: str) -> None:
        self.print_button.setEnabled(True)
        self.last_printed = where
        self._show(data, self.zone)
        self.status.setText(self.tr("Printed: {where}").format(where=where))
        self.printed.emit(data)
        self.accept()

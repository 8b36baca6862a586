"""Printing slips on paper: the system's print dialog once per session, then the same printer for every slip.

Receipts, refund and reversal slips, settlement slips and reprints (补打) all print through `SlipPrinter`.
The first print of a session opens QPrintDialog; once the cashier accepts it, the chosen printer is kept
for the session, so later slips print at once (a counter prints dozens an hour). `choose(..., ask=True)`
opens the dialog again to pick another printer.

QPrintDialog is opened with `QDialog.open(dialog)`: PySide6 binds `QPrintDialog.open` to the overload that
takes a receiver and a slot, so `dialog.open()` raised `TypeError: open expected 2 arguments` and 打印
did nothing. A printer whose output is a PDF file ("Print to file", Qt's PDF printer in the tests) writes
one file per slip, the slip number added to the chosen name, so a copy never overwrites another.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from acrel_console.ui.cashier.receipt_lines import ReceiptText
from acrel_console.ui.cashier.receipt_render import print_receipt, slip_layout

_SESSION_ATTR = "_slip_printer"


def print_support() -> Any:
    """QtPrintSupport when this Qt has it (PySide6-Essentials 6.11 does), else None (Print is disabled)."""
    try:
        from PySide6 import QtPrintSupport
    except ImportError:
        return None
    return QtPrintSupport


def new_printer() -> Any:
    """A fresh high-resolution QPrinter (the system's default printer, or "Print to file" without one)."""
    support = print_support()
    if support is None:
        raise RuntimeError("QtPrintSupport is not available")
    return support.QPrinter(support.QPrinter.PrinterMode.HighResolution)


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("_") or "slip"


class SlipPrinter(QObject):
    """The session's slip printer: chosen in the print dialog the first time, reused afterwards."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.printer: Any = None
        self.dialog: Any = None  # the print dialog last opened (tests accept it)
        self._pdf_base = ""

    @property
    def ready(self) -> bool:
        """A printer was chosen in this session: slips print without asking."""
        return self.printer is not None

    @property
    def available(self) -> bool:
        return print_support() is not None

    def choose(self, parent: QWidget, then: Callable[[Any], None], *, ask: bool = False) -> None:
        """Call `then(printer)` with the session's printer; open the print dialog first if none is chosen yet
        (or `ask`). Cancelling the dialog calls nothing."""
        support = print_support()
        if support is None:
            return
        if self.printer is not None and not ask:
            then(self.printer)
            return
        printer = self.printer if self.printer is not None else new_printer()
        dialog = support.QPrintDialog(printer, parent)
        dialog.setObjectName("printDialog")
        self.dialog = dialog

        def accepted() -> None:
            self.printer = printer
            self._pdf_base = printer.outputFileName() if self._is_pdf(printer) else ""
            then(printer)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        QDialog.open(dialog)  # not dialog.open(): see the module docstring

    def paint(self, text: ReceiptText, slip_no: str, printer: Any) -> str:
        """Draw one slip on `printer`; return where it went (the printer's name or the PDF file)."""
        if self._is_pdf(printer):
            base = Path(self._pdf_base or printer.outputFileName() or "slip.pdf")
            target = base.with_name(f"{base.stem}-{_safe(slip_no)}{base.suffix or '.pdf'}")
            printer.setOutputFileName(str(target))
            printer.setDocName(text.subtitle)
            printer.setPageLayout(slip_layout())  # a file gets the 80 mm slip; a printer keeps its own paper
            print_receipt(text, printer)
            return str(target)
        printer.setDocName(text.subtitle)
        print_receipt(text, printer)
        return str(printer.printerName())

    @staticmethod
    def _is_pdf(printer: Any) -> bool:
        support = print_support()
        return support is not None and printer.outputFormat() == support.QPrinter.OutputFormat.PdfFormat


def session_printer(ui: Any) -> SlipPrinter:
    """The slip printer of this signed-in session (one per UiContext)."""
    printer = getattr(ui, _SESSION_ATTR, None)
    if not isinstance(printer, SlipPrinter):
        printer = SlipPrinter()
        setattr(ui, _SESSION_ATTR, printer)
    return printer

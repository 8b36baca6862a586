"""The settlement slip of 销户 / removing a meter / 换表 (final remaining per meter, refunds and transfers), shown
with Save PDF and Print through the receipt renderer."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from acrel_console.services.accounts import AccountInfo, SettlementResult
from acrel_console.ui.cashier.labels import kind_label
from acrel_console.ui.cashier.receipt_lines import ReceiptText, local_time
from acrel_console.ui.cashier.receipt_render import receipt_image, save_pdf
from acrel_console.ui.cashier.slip_printer import print_support, session_printer
from acrel_console.ui.context import UiContext
from acrel_console.ui.form_dialog import error_label, show_error



def settlement_text(site: str, what: str, account: AccountInfo, result: SettlementResult, operator: str,
                    zone: str, at: datetime) -> ReceiptText:
    """what: close | remove | replace."""
    titles = {"close": QCoreApplication.translate("SettlementSlip", "Account closing settlement"), "remove": QCoreApplication.translate("SettlementSlip", "Meter removal settlement"),
              "replace": QCoreApplication.translate("SettlementSlip", "Meter replacement settlement")}
    names = {m.meter_id: m.meter_no or str(m.meter_id) for m in account.meters}
    rows: list[tuple[str, str]] = [
        (QCoreApplication.translate("SettlementSlip", "Tenant"), account.name), (QCoreApplication.translate("SettlementSlip", "Account no."), account.account_no), (QCoreApplication.translate("SettlementSlip", "Shop/room"), account.room),
        (QCoreApplication.translate("SettlementSlip", "Time"), local_time(at, zone)),
    ]
    for mid, remaining in result.final_remaining.items():
        rows.append((QCoreApplication.translate("SettlementSlip", "Meter {no} final remaining").format(no=names.get(mid, mid)), f"{remaining:.2f} " + QCoreApplication.translate("SettlementSlip", "yuan")))
    for op in result.operations:
        line = f"{op.amount:.2f} " + QCoreApplication.translate("SettlementSlip", "yuan")
        if op.receipt_no:
            line += " · " + op.receipt_no
        rows.append((kind_label(op.kind), line))
    if not result.operations:
        rows.append((QCoreApplication.translate("SettlementSlip", "Money"), QCoreApplication.translate("SettlementSlip", "nothing to refund or transfer")))
    if result.trip_command_ids:
        rows.append((QCoreApplication.translate("SettlementSlip", "Relay"), QCoreApplication.translate("SettlementSlip", "trip queued for {n} meter(s)").format(n=len(result.trip_command_ids))))
    rows.append((QCoreApplication.translate("SettlementSlip", "Operator"), operator))
    return ReceiptText(site, titles.get(what, titles["close"]), "", tuple(rows),
                       QCoreApplication.translate("SettlementSlip", "Signed by the tenant: ____________"))


class SettlementSlipDialog(QDialog):
    def __init__(self, ui: UiContext, text: ReceiptText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.text = text
        self.last_pdf: Path | None = None
        self.last_printed = ""  # where the last print went (printer name or PDF file)
        self.setWindowTitle(text.subtitle)
        self.setObjectName("settlementSlip")
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
        close = QPushButton(self.tr("Close"))
        close.setDefault(True)
        self.print_button.clicked.connect(self._print)
        self.pdf_button.clicked.connect(self._choose)
        close.clicked.connect(self.accept)
        bar.addWidget(self.print_button)
        bar.addWidget(self.pdf_button)
        bar.addStretch(1)
        bar.addWidget(close)
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
        slips, text = session_printer(self.ui), self.text

        def on(printer: Any) -> None:
            self.last_printed = slips.paint(text, text.subtitle, printer)

        slips.choose(self, on)

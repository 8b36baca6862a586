"""查看详细: every field of one record (including the reason, approver, linked sale and receipt number)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from acrel_console.domain.meter_identity import meter_number
from acrel_console.services.records import RecordRow
from acrel_console.ui.cashier.labels import delivery_label, kind_label, method_label
from acrel_console.ui.cashier.receipt_lines import local_time
from acrel_console.ui.cashier.records_export import type_text


class RecordDetailDialog(QDialog):
    def __init__(self, record: RecordRow, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record details"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        r = record
        rows = [
            (self.tr("Kind"), kind_label(r.kind)),
            (self.tr("Sale type"), type_text(r)), (self.tr("Created"), local_time(r.at, zone)),
            (self.tr("Created by"), r.operator), (self.tr("Approved by"), r.approver or "—"),
            (self.tr("Account no."), r.account_no), (self.tr("Tenant"), r.tenant_name),
            (self.tr("Meter no."), meter_number(r.meter_no)), (self.tr("Shop/room"), r.room),
            (self.tr("Amount"), f"{r.amount:,.2f}"), (self.tr("Payment method"), method_label(r.method) or "—"),
            (self.tr("Purchases before"), "—" if r.purchase_count_before is None else str(r.purchase_count_before)),
            (self.tr("Total before"), "—" if r.cumulative_before is None else f"{r.cumulative_before:,.2f}"),
            (self.tr("Remark"), r.remark or "—"), (self.tr("Reason"), r.reason or "—"),
            (self.tr("Receipt no."), r.receipt_no or "—"),
            (self.tr("Original sale"), r.ref_receipt_no or ("—" if not r.ref_operation_id else self.tr("(no receipt)"))),
            (self.tr("Delivery"), delivery_label(r.delivery_state) or "—"),
        ]
        for caption, value in rows:
            label = QLabel(value)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            form.addRow(caption, label)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

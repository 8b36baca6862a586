"""The integrity check's findings as a scrollable, translated list (not a message box that grows past the screen):
one row per problem, its area and what it means in the current language; the service's English detail (amounts,
ids) is the row's tooltip and can be copied."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from acrel_console.services.integrity import IntegrityIssue, IntegrityReport

AREAS = {"database": QT_TRANSLATE_NOOP("IntegrityDetails", "Database"),
         "ledger": QT_TRANSLATE_NOOP("IntegrityDetails", "Ledger"),
         "audit": QT_TRANSLATE_NOOP("IntegrityDetails", "Operation log")}
PROBLEMS = {
    "unbalanced": QT_TRANSLATE_NOOP("IntegrityDetails", "Operation {ref}: its entries do not add up to zero."),
    "no_entries": QT_TRANSLATE_NOOP("IntegrityDetails", "Operation {ref} has no entries."),
    "delivery_without_operation": QT_TRANSLATE_NOOP("IntegrityDetails", "Delivery {ref} has no ledger operation."),
    "operation_without_delivery": QT_TRANSLATE_NOOP("IntegrityDetails",
                                                    "Operation {ref} was never queued for its meter."),
    "delivery_mismatch": QT_TRANSLATE_NOOP("IntegrityDetails",
                                           "Meter {ref}: the credit booked and the credit sent to it differ."),
    "delivered_twice": QT_TRANSLATE_NOOP("IntegrityDetails", "Operation {ref} reached its meter twice."),
    "delivery_failed": QT_TRANSLATE_NOOP("IntegrityDetails", "Delivery {ref} failed and is not resolved."),
    "delivery_conflict": QT_TRANSLATE_NOOP("IntegrityDetails", "Delivery {ref} is in conflict: an operator decides."),
    "meter_above_ledger": QT_TRANSLATE_NOOP("IntegrityDetails",
                                            "Meter {ref} shows more credit than the ledger gave it (take it over or "
                                            "clear it)."),
    "meter_below_ledger": QT_TRANSLATE_NOOP("IntegrityDetails",
                                            "Meter {ref} shows less than the ledger, more than its consumption "
                                            "explains."),
    "credit_without_evidence": QT_TRANSLATE_NOOP("IntegrityDetails",
                                                 "Operation {ref} put credit on a balance without cash, a meter "
                                                 "reading or an approved claim."),
    "reversal_other_account": QT_TRANSLATE_NOOP("IntegrityDetails", "Operation {ref} reverses another account's sale."),
    "audit_chain": QT_TRANSLATE_NOOP("IntegrityDetails", "The operation log is broken at row {ref}."),
    "quick_check": QT_TRANSLATE_NOOP("IntegrityDetails", "The database file is damaged."),
    "read_failed": QT_TRANSLATE_NOOP("IntegrityDetails", "The database could not be read."),
    "check_failed": QT_TRANSLATE_NOOP("IntegrityDetails", "The ledger check itself failed."),
}
MAX_HEIGHT_SHARE = 0.7  # of the screen


def _t(text: str) -> str:
    return QCoreApplication.translate("IntegrityDetails", text)


def issue_text(issue: IntegrityIssue) -> str:
    """One translated line: area, then what the problem means (the English detail when the code is unknown)."""
    area = _t(AREAS[issue.area]) if issue.area in AREAS else issue.area
    problem = _t(PROBLEMS[issue.code]).format(ref=issue.ref or "?") if issue.code in PROBLEMS else issue.message
    return QCoreApplication.translate("IntegrityDetails", "{area}: {problem}").format(area=area, problem=problem)


class IntegrityDetailsDialog(QDialog):
    """The findings of one check; scrolls, never taller than most of the screen; Copy puts the details on the
    clipboard (for a support request)."""

    def __init__(self, report: IntegrityReport | None, heading: str, extra: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("integrityDetails")
        self.setWindowTitle(self.tr("Integrity check"))
        layout = QVBoxLayout(self)
        title = QLabel(heading)
        title.setWordWrap(True)
        layout.addWidget(title)
        self.list = QListWidget()
        self.list.setObjectName("integrityIssues")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        issues = report.issues if report is not None else ()
        for issue in issues:
            item = QListWidgetItem(issue_text(issue))
            item.setToolTip(issue.message)
            item.setData(Qt.ItemDataRole.UserRole, issue.message)
            self.list.addItem(item)
        for line in ([report.error] if report is not None and report.error else []) + ([extra] if extra else []):
            self.list.addItem(QListWidgetItem(line))
        if report is not None and report.truncated:
            self.list.addItem(QListWidgetItem(self.tr("(more problems not listed)")))
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy)
        close = QPushButton(self.tr("Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(buttons)
        screen = QGuiApplication.primaryScreen()
        height = int(screen.availableGeometry().height() * MAX_HEIGHT_SHARE) if screen is not None else 600
        self.setMaximumHeight(max(300, height))
        self.resize(720, min(max(300, height), 160 + 24 * self.list.count()))
        self.finished.connect(self.deleteLater)

    def details(self) -> str:
        """Every finding in English with its detail, one per line."""
        lines = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            detail = item.data(Qt.ItemDataRole.UserRole)
            lines.append(f"{item.text()} — {detail}" if detail else item.text())
        return "\n".join(lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details())

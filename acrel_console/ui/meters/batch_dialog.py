"""The command results dialog of a batch (Acrel: 户号, 表号, 下发指令, 通讯状态, 结果): per-meter progress
polled from the service every ~300 ms through tasks, a progress bar, cancel pending, resend failed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer,
                            Signal)
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QProgressBar,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from acrel_console.domain.errors import QT_TRANSLATE_NOOP
from acrel_console.domain.meter_identity import meter_number
from acrel_console.domain.roles import Permission
from acrel_console.services.meter_views import MeterLive
from acrel_console.ui.context import UiContext
from acrel_console.ui.error_words import error_words
from acrel_console.ui.form_dialog import error_label, show_error
from acrel_console.ui.meters.control_actions import KIND_TEXT, OUTCOME_TEXT, STATE_TEXT, words
from acrel_console.ui.tasks import TaskFailure
from acrel_console.ui.theme import Theme

POLL_MS = 300
NO_CONTACT = ("no_reply", "unavailable")
GOOD, BAD = "confirmed", ("mismatch", "refused", "no_reply", "rejected", "invalid", "unavailable", "error")

HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("meters", "Room"),  # 户号
    QT_TRANSLATE_NOOP("meters", "Meter no."),  # 表号
    QT_TRANSLATE_NOOP("meters", "Command"),  # 下发指令
    QT_TRANSLATE_NOOP("meters", "Communication"),  # 通讯状态
    QT_TRANSLATE_NOOP("meters", "Result"),  # 结果
)


def communication_text(p: Any) -> str:
    if p.state in ("pending", "sending", "cancelled"):
        return words(STATE_TEXT, p.state)
    if p.outcome in NO_CONTACT:
        return words(OUTCOME_TEXT, p.outcome)
    return words(STATE_TEXT, "delivered")


DETAILED = ("mismatch", "refused", "rejected", "invalid", "error")  # the service's detail says what differed


def result_text(p: Any, detailed: bool = False) -> str:
    """结果: the outcome in words; the service's detail where it explains more (always in the tooltip)."""
    if not p.done:
        return ""
    text = words(OUTCOME_TEXT, p.outcome)
    if p.error and p.outcome != GOOD and (detailed or p.outcome in DETAILED):
        return f"{text}: {error_words(p.error)}"
    return text


class BatchModel(QAbstractTableModel):
    """Rows of CommandProgress; `set_progress` updates changed rows in place (rows keep their meter)."""

    def __init__(self, lookup: Callable[[int], MeterLive | None], parent: Any = None) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._rows: list[Any] = []

    def set_progress(self, items: Sequence[Any]) -> None:
        if [p.meter_id for p in items] != [p.meter_id for p in self._rows]:
            self.beginResetModel()
            self._rows = list(items)
            self.endResetModel()
            return
        start = -1  # one dataChanged per run of changed rows (a 5,000-meter batch polls every 300 ms)
        for i, p in enumerate([*items, None]):
            changed = p is not None and p != self._rows[i]
            if changed:
                self._rows[i] = p
                if start < 0:
                    start = i
            elif start >= 0:
                self.dataChanged.emit(self.index(start, 0), self.index(i - 1, len(HEADERS) - 1))
                start = -1

    def progress(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def cell(self, row: int, column: int) -> str:
        p = self._rows[row]
        if column == 0:
            return p.room
        if column == 1:  # 表号: the meter number, as everywhere (never the bus address)
            m = self._lookup(p.meter_id)
            return meter_number(m.meter_no if m is not None else getattr(p, "meter_no", ""))
        if column == 2:
            return words(KIND_TEXT, p.kind)
        if column == 3:
            return communication_text(p)
        return result_text(p)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 4:
                return result_text(self._rows[index.row()], detailed=True)
            return self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() >= 3:
            p = self._rows[index.row()]
            if p.done and p.outcome == GOOD:
                return Theme.role("ok")
            if p.done and p.outcome in BAD:
                return Theme.role("error")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("meters", HEADERS[section])
        return None


class BatchDialog(QDialog):
    """Follows one batch until every command is done; Cancel and Resend go through the service.
    `progressed(meter_ids)` names the meters whose command ended since the last poll."""

    progressed = Signal(list)

    def __init__(self, ui: UiContext, control: Any, batch_id: str, lookup: Callable[[int], MeterLive | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchDialog")
        self.ui, self.control, self.batch_id = ui, control, batch_id
        self.setWindowTitle(self.tr("Command results"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("batchSummary")
        layout.addWidget(self.summary)
        self.bar = QProgressBar()
        self.bar.setObjectName("batchProgress")
        self.bar.setFormat("%v / %m")
        layout.addWidget(self.bar)
        self.model = BatchModel(lookup, self)
        self.table = QTableView()
        self.table.setObjectName("batchTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel pending"))
        self.cancel_button.setObjectName("batchCancel")
        self.resend_button = QPushButton(self.tr("Resend failed"))
        self.resend_button.setObjectName("batchResend")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("batchClose")
        row.addWidget(self.cancel_button)
        row.addWidget(self.resend_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.cancel_button.clicked.connect(self.cancel_pending)
        self.resend_button.clicked.connect(self.resend_failed)
        self.close_button.clicked.connect(self.accept)
        self.cancel_button.setEnabled(False)
        self.resend_button.setEnabled(False)
        self._polling = False
        self.polls = 0
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.finished.connect(lambda _r: self.timer.stop())
        self.timer.start()
        self.poll()

    # ---- polling -----------------------------------------------------------------------------
    def poll(self) -> None:
        """Ask the service for the batch's progress (skipped while the previous ask is in flight)."""
        if self._polling:
            return
        self._polling = True
        control, actor, batch = self.control, self.ui.actor, self.batch_id
        self.ui.tasks.run(lambda: control.batch_progress(actor, batch), self._progress, self._failed, owner=self,
                          quiet=True)

    def _progress(self, items: list[Any]) -> None:
        self._polling = False
        self.polls += 1
        before = {p.meter_id for p in self.model.progress() if p.done}
        self.model.set_progress(items)
        ended = [p.meter_id for p in items if p.done and p.meter_id not in before]
        if ended:
            self.progressed.emit(ended)
        total = len(items)
        done = sum(1 for p in items if p.done)
        ok = sum(1 for p in items if p.done and p.outcome == GOOD)
        failed = sum(1 for p in items if p.done and p.outcome in BAD)
        cancelled = sum(1 for p in items if p.outcome == "cancelled")
        self.bar.setMaximum(max(1, total))
        self.bar.setValue(done)
        self.summary.setText(self.tr("{done} of {total} done: {ok} confirmed, {failed} failed, {cancelled} cancelled")
                             .format(done=done, total=total, ok=ok, failed=failed, cancelled=cancelled))
        can_control = self.ui.can(Permission.CONTROL_METERS)
        self.cancel_button.setEnabled(can_control and done < total)
        self.resend_button.setEnabled(can_control and failed > 0 and done == total)
        if done == total:
            self.timer.stop()

    def _failed(self, failure: TaskFailure) -> None:
        self._polling = False
        show_error(self.error, failure.message)

    @property
    def finished_all(self) -> bool:
        items = self.model.progress()
        return bool(items) and all(p.done for p in items)

    # ---- actions -----------------------------------------------------------------------------
    def cancel_pending(self) -> None:
        control, actor, batch = self.control, self.ui.actor, self.batch_id
        reason = self.tr("cancelled in the batch dialog")  # 操作日志 原因, in the operator's language
        self.ui.tasks.run(lambda: control.cancel(actor, batch, reason),
                          lambda _n: self.poll(), self._failed, owner=self)

    def resend_failed(self) -> None:
        control, actor, batch = self.control, self.ui.actor, self.batch_id
        self.resend_button.setEnabled(False)

        def done(_n: int) -> None:
            self.timer.start()
            self.poll()

        reason = self.tr("resent from the batch dialog")  # 操作日志 原因, in the operator's language
        self.ui.tasks.run(lambda: control.resend_failed(actor, batch, reason), done,
                          self._failed, owner=self)

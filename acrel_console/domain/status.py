"""Meter status (design §5): the one precedence rule used by grid, filters, reports and SMS."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from acrel_console.domain.errors import QT_TRANSLATE_NOOP


class MeterStatus(str, enum.Enum):
    """Statuses in order of precedence (first that applies wins)."""

    OFFLINE = "offline"
    UNOPENED = "unopened"
    ARREARS = "arrears"
    ALARM2 = "alarm2"
    ALARM1 = "alarm1"
    OPENED = "opened"


STATUS_ORDER: tuple[MeterStatus, ...] = tuple(MeterStatus)

# English labels (translated in the UI with context "status"); zh_CN: 失联 未开户 欠费 报警2 报警1 开户
STATUS_LABELS: dict[MeterStatus, str] = {
    MeterStatus.OFFLINE: QT_TRANSLATE_NOOP("status", "Offline"),
    MeterStatus.UNOPENED: QT_TRANSLATE_NOOP("status", "Unopened"),
    MeterStatus.ARREARS: QT_TRANSLATE_NOOP("status", "Arrears"),
    MeterStatus.ALARM2: QT_TRANSLATE_NOOP("status", "Alarm 2"),
    MeterStatus.ALARM1: QT_TRANSLATE_NOOP("status", "Alarm 1"),
    MeterStatus.OPENED: QT_TRANSLATE_NOOP("status", "Opened"),
}

OFFLINE_AFTER_FAILED_SWEEPS = 3


@dataclass(frozen=True, slots=True)
class StatusInputs:
    """Everything the status rule looks at; the caller supplies `now` (no clock here)."""

    now: datetime
    last_success_at: datetime | None
    consecutive_failures: int
    status_interval_s: int
    account_open: bool
    remaining_fen: int | None
    alarm1_fen: int
    alarm2_fen: int


def is_offline(inputs: StatusInputs) -> bool:
    """Offline: no successful read for 3 sweeps, or the last one older than 3x the status interval."""
    if inputs.consecutive_failures >= OFFLINE_AFTER_FAILED_SWEEPS:
        return True
    if inputs.last_success_at is None:
        return True
    age = inputs.now - inputs.last_success_at
    return age > timedelta(seconds=OFFLINE_AFTER_FAILED_SWEEPS * inputs.status_interval_s)


def derive_status(inputs: StatusInputs) -> MeterStatus:
    """Apply design §5 precedence: offline, unopened, arrears, alarm 2, alarm 1, opened."""
    if is_offline(inputs):
        return MeterStatus.OFFLINE
    if not inputs.account_open:
        return MeterStatus.UNOPENED
    remaining = inputs.remaining_fen
    if remaining is None:
        return MeterStatus.OPENED
    if remaining <= 0:
        return MeterStatus.ARREARS
    if remaining <= inputs.alarm2_fen:
        return MeterStatus.ALARM2
    if remaining <= inputs.alarm1_fen:
        return MeterStatus.ALARM1
    return MeterStatus.OPENED

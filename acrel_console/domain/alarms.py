"""Alarm kinds and the pure rule deciding which meter alarms should be active for a live state."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from acrel_console.domain.errors import QT_TRANSLATE_NOOP
from acrel_console.domain.status import MeterStatus


class AlarmKind(str, enum.Enum):
    ALARM1 = "alarm1"
    ALARM2 = "alarm2"
    ARREARS = "arrears"
    OVERLOAD = "overload"
    UNDER_VOLTAGE = "under_voltage"
    OFFLINE = "offline"
    RELAY_OPEN = "relay_open"  # relay opened while it should be closed (balance > 0, not forced open)
    GATEWAY_OFFLINE = "gateway_offline"
    DELIVERY_CONFLICT = "delivery_conflict"
    MAC_FAILURE = "mac_failure"
    RECONCILIATION = "reconciliation"
    INTEGRITY = "integrity"
    PAYMENT = "payment"  # an online payment a supervisor must look at, or a statement difference (issue 17)
    RETURN_REFUSED = "return_refused"  # a meter refused to give credit back (refund, 销户, 换表): nothing paid


ALARM_LABELS: dict[AlarmKind, str] = {
    AlarmKind.ALARM1: QT_TRANSLATE_NOOP("alarms", "Alarm 1 (low balance)"),
    AlarmKind.ALARM2: QT_TRANSLATE_NOOP("alarms", "Alarm 2 (very low balance)"),
    AlarmKind.ARREARS: QT_TRANSLATE_NOOP("alarms", "Arrears"),
    AlarmKind.OVERLOAD: QT_TRANSLATE_NOOP("alarms", "Overload"),
    AlarmKind.UNDER_VOLTAGE: QT_TRANSLATE_NOOP("alarms", "Under-voltage"),
    AlarmKind.OFFLINE: QT_TRANSLATE_NOOP("alarms", "Meter offline"),
    AlarmKind.RELAY_OPEN: QT_TRANSLATE_NOOP("alarms", "Relay opened unexpectedly"),
    AlarmKind.GATEWAY_OFFLINE: QT_TRANSLATE_NOOP("alarms", "Gateway offline"),
    AlarmKind.DELIVERY_CONFLICT: QT_TRANSLATE_NOOP("alarms", "Delivery conflict"),
    AlarmKind.MAC_FAILURE: QT_TRANSLATE_NOOP("alarms", "Delivery MAC failure"),
    AlarmKind.RECONCILIATION: QT_TRANSLATE_NOOP("alarms", "Reconciliation mismatch"),
    AlarmKind.INTEGRITY: QT_TRANSLATE_NOOP("alarms", "Integrity check failed"),
    AlarmKind.PAYMENT: QT_TRANSLATE_NOOP("alarms", "Online payment case"),
    AlarmKind.RETURN_REFUSED: QT_TRANSLATE_NOOP("alarms", "Credit not returned by the meter"),
}

SEVERITY: dict[AlarmKind, str] = {
    AlarmKind.ALARM1: "info", AlarmKind.ALARM2: "warning", AlarmKind.ARREARS: "warning",
    AlarmKind.OVERLOAD: "warning", AlarmKind.UNDER_VOLTAGE: "warning", AlarmKind.OFFLINE: "warning",
    AlarmKind.RELAY_OPEN: "warning", AlarmKind.GATEWAY_OFFLINE: "critical",
    AlarmKind.DELIVERY_CONFLICT: "critical", AlarmKind.MAC_FAILURE: "critical",
    AlarmKind.RECONCILIATION: "critical", AlarmKind.INTEGRITY: "critical",
    AlarmKind.PAYMENT: "critical", AlarmKind.RETURN_REFUSED: "critical",
}

# The three SMS levels (短信提醒)
SMS_LEVELS = (AlarmKind.ALARM1, AlarmKind.ALARM2, AlarmKind.ARREARS)

UNDER_VOLTAGE_DV = 1870  # 187.0 V: -15 % of 220 V (GB/T 12325 allows -10 %; a margin avoids flapping)


@dataclass(frozen=True, slots=True)
class MeterAlarmInputs:
    """The live facts the meter alarm rule looks at (no clock, no database)."""

    status: MeterStatus
    relay_closed: bool | None
    forced_open: bool | None
    overload: bool
    min_voltage_dv: int | None
    remaining_fen: int | None


def desired_meter_alarms(inputs: MeterAlarmInputs) -> frozenset[AlarmKind]:
    """Which meter alarms should be active now. Offline hides the value-based ones (values are stale)."""
    if inputs.status is MeterStatus.OFFLINE:
        return frozenset({AlarmKind.OFFLINE})
    active: set[AlarmKind] = set()
    if inputs.status is MeterStatus.ARREARS:
        active.add(AlarmKind.ARREARS)
    elif inputs.status is MeterStatus.ALARM2:
        active.add(AlarmKind.ALARM2)
    elif inputs.status is MeterStatus.ALARM1:
        active.add(AlarmKind.ALARM1)
    if inputs.overload:
        active.add(AlarmKind.OVERLOAD)
    if inputs.min_voltage_dv is not None and 0 < inputs.min_voltage_dv < UNDER_VOLTAGE_DV:
        active.add(AlarmKind.UNDER_VOLTAGE)
    balance_positive = inputs.remaining_fen is not None and inputs.remaining_fen > 0
    if (inputs.relay_closed is False and not inputs.forced_open and balance_positive
            and inputs.status is not MeterStatus.UNOPENED):
        active.add(AlarmKind.RELAY_OPEN)
    return frozenset(active)

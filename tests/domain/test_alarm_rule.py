"""The meter alarm rule as a table of cases (pure function, no clock or database)."""

from __future__ import annotations

import pytest

from acrel_console.domain.alarms import AlarmKind as K
from acrel_console.domain.alarms import MeterAlarmInputs, desired_meter_alarms
from acrel_console.domain.status import MeterStatus as S


@pytest.mark.parametrize("status, relay, forced_open, overload, volts, remaining, expected", [
    (S.OPENED, True, False, False, 2200, 10000, set()),
    (S.ALARM1, True, False, False, 2200, 4000, {K.ALARM1}),
    (S.ALARM2, True, False, False, 2200, 1000, {K.ALARM2}),
    (S.ARREARS, False, False, False, 2200, -50, {K.ARREARS}),  # relay open at zero is expected
    (S.OFFLINE, None, None, True, 1000, -50, {K.OFFLINE}),  # stale values raise nothing else
    (S.OPENED, True, False, True, 2200, 10000, {K.OVERLOAD}),
    (S.OPENED, True, False, False, 1800, 10000, {K.UNDER_VOLTAGE}),
    (S.OPENED, True, False, False, 0, 10000, set()),  # a phase reading 0 V is not a measurement
    (S.OPENED, False, False, False, 2200, 10000, {K.RELAY_OPEN}),  # open with money: unexpected
    (S.OPENED, False, True, False, 2200, 10000, set()),  # forced trip: expected
    (S.UNOPENED, False, False, False, 2200, 10000, set()),
    (S.ALARM2, False, False, True, 1700, 1000, {K.ALARM2, K.OVERLOAD, K.UNDER_VOLTAGE, K.RELAY_OPEN}),
])
def test_desired_meter_alarms(status: S, relay: bool | None, forced_open: bool | None, overload: bool,
                              volts: int, remaining: int, expected: set[K]) -> None:
    got = desired_meter_alarms(MeterAlarmInputs(status, relay, forced_open, overload, volts, remaining))
    assert got == expected

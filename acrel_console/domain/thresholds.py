"""A meter's own thresholds (告警金额1/2, 功率阈值): the values, their rule and the overload test."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Alarm 1 and alarm 2 in fen (alarm 1 > alarm 2 >= 0), overload power in W (None: no limit)."""

    alarm1_fen: int
    alarm2_fen: int
    overload_power_w: int | None

def over_threshold(power_w: Sequence[int] | None, threshold_w: int | None) -> bool:
    """Overload on a meter without its own power control: the total active power (the last of
    Pa Pb Pc Ptotal, or the only value) above the meter's threshold."""
    if not power_w or threshold_w is None:
        return False
    return int(power_w[-1]) > threshold_w

"""Per-meter thresholds (告警金额1/2, 功率阈值): which apply to a meter, and setting them on a batch.

A meter's row holds the thresholds the meter itself has: the status rule, the alarms, the grid and the
texts read them from there (the site defaults stand in where none were set). Setting them on meters
that hold their own balance is a settings download (设置下发) through the remote-control queue; the row
changes only when the meter confirms by read-back. Console-billed meters (no prepaid logic) have
nothing to download: the console itself applies the thresholds, so they are stored at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from acrel_console.domain.thresholds import Thresholds
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext
from acrel_console.services.money_common import meter_side
from acrel_console.storage.tables.site import MeterRow

KEYS = ("alarm1_fen", "alarm2_fen", "overload_power_w")


def meter_thresholds(row: MeterRow, settings: dict[str, Any]) -> Thresholds:
    """The thresholds in force for a meter: its own, else the site defaults (默认参数)."""
    a1 = row.alarm1_fen if row.alarm1_fen is not None else int(settings["alarm1_fen"])
    a2 = row.alarm2_fen if row.alarm2_fen is not None else int(settings["alarm2_fen"])
    power = row.overload_power_w if row.overload_power_w is not None else settings.get("overload_power_w")
    return Thresholds(a1, a2, None if power in (None, "", 0) else int(power))


def threshold_values(params: dict[str, Any]) -> dict[str, int]:
    """The thresholds given (alarm amounts together, in fen or as yuan text; power in W), checked by the
    settings-download rule (alarm 1 > alarm 2 >= 0, power in 10 W steps)."""
    from acrel_console.services.remote_control import normalise_params

    return {k: int(v) for k, v in normalise_params("settings_download", dict(params)).items()}


def store_thresholds(s: Session, actor: Actor, meter: MeterRow, values: Mapping[str, int | None], at: Any,
                     how: str, reason: str = "") -> None:
    """Write confirmed (or console-applied) thresholds to the meter's row, logged before/after (None: back
    to the site default)."""
    before = {k: getattr(meter, k) for k in KEYS}
    for k, v in values.items():
        if k in KEYS:
            setattr(meter, k, None if v is None else int(v))
    after = {k: getattr(meter, k) for k in KEYS}
    if before != after:
        audit.append(s, actor, "meter.thresholds", f"meter:{meter.id}", before=before, after={**after, "via": how},
                     reason=reason, at=at)


@dataclass(frozen=True, slots=True)
class ThresholdResult:
    """What a batch did: the download batch for prepaid meters (None when none), the console-billed
    meters whose thresholds were stored at once."""

    batch_id: str | None
    downloaded: tuple[int, ...]
    stored: tuple[int, ...]


def apply_thresholds_in(ctx: ServiceContext, s: Session, actor: Actor, meter_ids: list[int], params: dict[str, Any],
                        reason: str = "") -> ThresholdResult:
    """报警设置 / 功率阈值设置 on a batch inside the caller's transaction (the Meters toolbar through
    RemoteControlService.set_thresholds, account opening, the import sheet): a settings download for
    prepaid meters (stored on confirmation), stored at once for console-billed ones. The caller
    checked the permission."""
    from acrel_console.services.remote_control import submit_in

    values = threshold_values(params)
    ids = list(dict.fromkeys(int(m) for m in meter_ids))
    if not ids:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Select at least one meter."), field="meter_ids")
    rows = {m.id: m for m in s.execute(select(MeterRow).where(MeterRow.id.in_(ids))).scalars()}
    for mid in ids:
        if mid not in rows:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {id}."), id=mid)
        if rows[mid].retired:
            raise ConflictError(QT_TRANSLATE_NOOP("errors", "Meter {id} is retired."), id=mid)
    prepaid = [m for m in ids if meter_side(rows[m].model)]
    console = [m for m in ids if m not in prepaid]
    now = ctx.clock()
    for mid in console:
        store_thresholds(s, actor, rows[mid], values, now, "console", reason)
    batch = submit_in(ctx, s, actor, prepaid, "settings_download", dict(values), reason) if prepaid else None
    return ThresholdResult(batch, tuple(prepaid), tuple(console))


__all__ = ["Thresholds", "ThresholdResult", "apply_thresholds_in", "meter_thresholds", "store_thresholds",
           "threshold_values"]

"""Remote control (design §9): trip, close, keep power, restore prepaid, price and settings download,
clock sync on one meter or a batch; progress, cancel, resend; reading export (抄表导出).

Commands are rows of meter_commands (the queue credit deliveries use, design §8). Workstations only
write them; the site's dispatcher (services.dispatcher, lease holder) executes them on the bus
worker ahead of polls and confirms each by reading the meter back. A read-back that differs from what
was commanded is reported as outcome "mismatch" (state failed), never as success.

Switching semantics (design §13, hardware doc §1.5; decided here):
- trip (拉闸)            = forced open: 0x0057=1, 0x0058=1. Confirmed: forced, forced_open, relay open.
- keep_power (保电)      = forced close: 0x0057=1, 0x0058=0. The relay stays closed whatever the balance.
                          Confirmed: forced, not forced_open, relay closed.
- restore_prepaid (恢复预付费) = 0x0057=0: the meter's own prepaid logic decides the relay.
                          Confirmed: force control off (the relay state is reported, not required).
- close (合闸)           = give power back WITHOUT granting free electricity: the meter is read first;
                          with a positive remaining amount, force control is released (as restore
                          prepaid) and the relay must read back closed. With remaining <= 0 the command
                          is refused (outcome "refused": the meter would trip again at once; keep power
                          is the explicit way to power a meter in arrears). A meter without a meter-side
                          balance (metering only) is closed by forced close.
  So the hardware's "forced close" IS keep power; `close` differs from it only in that it leaves the
  meter under its prepaid logic.
- price_download: the four tariff prices (尖 峰 平 谷, 0.0001 yuan/kWh); settings_download: alarm 1,
  alarm 2 (fen), overload power (W); both confirmed by reading the money/power parameters back.
- clock_sync: the site-local time; confirmed by reading the meter clock back (|drift| <= 5 s).
- schedule_download: a TOU tariff's day-period schedule (时段表, up to 14 periods) to a meter whose profile
  takes one (drivers/tou.py: one year zone on schedule 1); confirmed when the read-back zones and
  schedule are exactly what was written.

Control commands carry a MAC (ledger.mac, the site key) when the site has a key, and the executor
refuses a signed-looking row whose MAC does not match (a forged or altered row) — design §8.2.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from acrel_console.domain.amount_input import parse_decimal
from acrel_console.domain.money import parse_yuan, price_to_units, yuan_to_fen
from acrel_console.domain.readings import ForceMode, MeterReading, MoneyParams
from acrel_console.domain.roles import Permission
from acrel_console.drivers.api import (BusError, BusUnavailable, ExceptionReply, FrameError, InvalidRequest,
                                       MeterTimeout)
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.deliveries import money_params_mismatch
from acrel_console.services.thresholds import ThresholdResult
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.site import GatewayRow, MeterRow

log = logging.getLogger(__name__)

CONTROL_KINDS = ("trip", "close", "keep_power", "restore_prepaid", "price_download", "settings_download",
                 "clock_sync", "schedule_download")
KIND_LABELS = {
    "trip": QT_TRANSLATE_NOOP("control", "Trip"),
    "close": QT_TRANSLATE_NOOP("control", "Close"),
    "keep_power": QT_TRANSLATE_NOOP("control", "Keep power"),
    "restore_prepaid": QT_TRANSLATE_NOOP("control", "Restore prepaid"),
    "price_download": QT_TRANSLATE_NOOP("control", "Price download"),
    "settings_download": QT_TRANSLATE_NOOP("control", "Settings download"),
    "clock_sync": QT_TRANSLATE_NOOP("control", "Clock sync"),
    "schedule_download": QT_TRANSLATE_NOOP("control", "Schedule download"),
}
CONTROL_PRIORITY = 10  # credit deliveries use a higher priority; both run ahead of polls
MAX_BATCH = 5000
CLOCK_TOLERANCE_S = 5
ACTIVE = ("pending", "sending")
TERMINAL = ("delivered", "failed", "conflict", "cancelled")
OUTCOMES = ("pending", "sending", "confirmed", "mismatch", "refused", "no_reply", "rejected", "invalid",
            "unavailable", "cancelled", "error")


@dataclass(frozen=True, slots=True)
class CommandProgress:
    """One meter's command in a batch: state (pending|sending|delivered|failed|cancelled|conflict) and
    outcome (confirmed|mismatch|refused|no_reply|rejected|invalid|unavailable|cancelled|pending|sending)."""

    command_id: str
    batch_id: str | None
    meter_id: int
    gateway: str
    address: int
    room: str
    kind: str
    state: str
    outcome: str
    error: str
    attempts: int
    created_by: str
    reason: str
    created_at: datetime
    completed_at: datetime | None
    result: dict[str, Any]

    @property
    def done(self) -> bool:
        return self.state in TERMINAL


@dataclass(frozen=True, slots=True)
class BatchSummary:
    batch_id: str
    total: int
    pending: int
    confirmed: int
    failed: int
    cancelled: int

    @property
    def done(self) -> bool:
        return self.pending == 0


# ---- parameters ------------------------------------------------------------------------------
def _int_param(params: dict[str, Any], key: str, label: str, lo: int, hi: int) -> int | None:
    if params.get(key) in (None, ""):
        return None
    try:
        value = int(str(params[key]).strip())
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label}: '{value}' is not a whole number."),
                              field=key, label=label, value=params[key]) from None
    if not lo <= value <= hi:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{label}: {value} is outside {minimum}..{maximum}."),
                              field=key, label=label, value=value, minimum=lo, maximum=hi)
    return value


def normalise_params(kind: str, params: dict[str, Any] | None) -> dict[str, Any]:
    """Validate a command's parameters into the payload stored with it (integers only)."""
    params = dict(params or {})
    if kind not in CONTROL_KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown command '{kind}'; known: {choices}."),
                              field="kind", kind=kind, choices=", ".join(CONTROL_KINDS))
    if kind == "price_download":
        if params.get("prices_yuan") is not None:
            raw = list(params["prices_yuan"])
            if len(raw) != 4:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Four prices are needed (spike, peak, flat, valley)."),
                                      field="prices")
            prices = [price_to_units(p if isinstance(p, Decimal) else parse_decimal(str(p), places=4, field="prices").value)
                      for p in raw]
        else:
            raw = list(params.get("prices") or [])
            if len(raw) != 4:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Four prices are needed (spike, peak, flat, valley)."),
                                      field="prices")
            prices = [int(p) for p in raw]
        if any(p < 0 or p > 2**31 - 1 for p in prices):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A price must be zero or more."), field="prices")
        return {"prices": prices}
    if kind == "settings_download":
        out: dict[str, Any] = {}
        for key in ("alarm1_fen", "alarm2_fen"):
            yuan_key = key.replace("_fen", "_yuan")
            if params.get(yuan_key) not in (None, ""):
                params[key] = yuan_to_fen(parse_yuan(str(params[yuan_key]), negative=False, field=key))
        a1 = _int_param(params, "alarm1_fen", "Alarm 1 amount", 0, 2**31 - 1)
        a2 = _int_param(params, "alarm2_fen", "Alarm 2 amount", 0, 2**31 - 1)
        power = _int_param(params, "overload_power_w", "Overload power (W)", 10, 10_000_000)
        if (a1 is None) != (a2 is None):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Alarm 1 and alarm 2 are downloaded together."),
                                  field="alarm1_fen")
        if a1 is not None and a2 is not None:
            if not a1 > a2 >= 0:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "Alarm 1 must be greater than alarm 2, and alarm 2 at least zero."), field="alarm1_fen")
            out["alarm1_fen"], out["alarm2_fen"] = a1, a2
        if power is not None:
            if power % 10:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Overload power must be a multiple of 10 W."),
                                      field="overload_power_w")
            out["overload_power_w"] = power
        if not out:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Nothing to download: give alarm amounts or overload power."),
                                  field="alarm1_fen")
        return out
    if kind == "schedule_download":
        from acrel_console.ledger.tariffs import MAX_PERIODS

        points: list[tuple[int, int]] = []
        try:
            points = [(int(a), int(b)) for a, b in params.get("schedule") or ()]
        except (TypeError, ValueError):
            points = []
        starts = [a for a, _b in points]
        if not 1 <= len(points) <= MAX_PERIODS or starts[0] != 0 or starts != sorted(set(starts)) \
                or starts[-1] >= 1440 or any(not 0 <= b <= 3 for _a, b in points):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Periods start at 00:00, ascend within the day and name 尖, 峰, 平 or 谷."), field="schedule")
        return {"schedule": [list(p) for p in points]}
    return {}


def _canonical(payload: dict[str, Any]) -> str:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _sign(ctx: ServiceContext, row: MeterCommandRow) -> str:
    if ctx.site_key is None:
        return ""
    from acrel_console.ledger import mac

    try:
        return mac.row_mac(ctx.site_key, row)
    except Exception:  # noqa: BLE001 - a malformed key: unsigned (the executor refuses then)
        return ""


def _mac_ok(ctx: ServiceContext, row: MeterCommandRow) -> bool:
    if ctx.site_key is None:
        return True
    from acrel_console.ledger import mac

    return mac.verify_row(ctx.site_key, row)


def _outcome_of(row: MeterCommandRow) -> str:
    if row.state in ACTIVE:
        return row.state
    if row.state == "cancelled":
        return "cancelled"
    data = json.loads(row.result_json) if row.result_json else {}
    return str(data.get("outcome") or ("confirmed" if row.state == "delivered" else "error"))


def submit_in(ctx: ServiceContext, s: Any, actor: Actor, meter_ids: list[int], kind: str, payload: dict[str, Any],
              reason: str = "") -> str:
    """Queue `kind` (payload already normalised) for every meter in the caller's transaction; returns
    the batch id. The caller wakes the dispatcher after commit."""
    ids = list(dict.fromkeys(int(m) for m in meter_ids))
    if not ids:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Select at least one meter."), field="meter_ids")
    if len(ids) > MAX_BATCH:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "At most {n} meters in one batch."), field="meter_ids",
                              n=MAX_BATCH)
    reason = str(reason or "").strip()
    batch_id = str(uuid.uuid4())
    payload_json = _canonical(payload)
    now = ctx.clock()
    rows = {m.id: (m, g) for m, g in s.execute(
        select(MeterRow, GatewayRow.name).join(GatewayRow, MeterRow.gateway_id == GatewayRow.id)
        .where(MeterRow.id.in_(ids)))}
    missing = [i for i in ids if i not in rows]
    if missing:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {id}."), id=missing[0])
    retired = [i for i in ids if rows[i][0].retired]
    if retired:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "Meter {id} is retired."), id=retired[0])
    for mid in ids:
        meter, gw = rows[mid]
        row = MeterCommandRow(id=str(uuid.uuid4()), meter_id=mid, kind=kind, state="pending",
                              priority=CONTROL_PRIORITY, payload_json=payload_json, batch_id=batch_id,
                              reason=reason, created_by=actor.name, created_at=now, attempts=0,
                              result_json="", error="", mac="")
        row.mac = _sign(ctx, row)
        s.add(row)
        audit.append(s, actor, f"control.{kind}", f"{gw}/{meter.address}",
                     after={"command_id": row.id, "batch_id": batch_id, "meter_id": mid, **payload},
                     reason=reason, at=now)
    return batch_id


# ---- the service ------------------------------------------------------------------------------
class RemoteControlService:
    """Submit, follow, cancel and resend control commands; export readings. No bus I/O here."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._wakeups: list[Any] = []  # callables poked after a submit (the in-process dispatcher)

    def on_submitted(self, fn: Any) -> None:
        """Register fn() to be called after commands were written (the local dispatcher wakes up)."""
        self._wakeups.append(fn)

    def _wake(self) -> None:
        for fn in list(self._wakeups):
            try:
                fn()
            except Exception:  # noqa: BLE001 - a wake-up listener never undoes a submitted command
                log.exception("command wake-up listener failed")

    def poke(self) -> None:
        """Tell the local dispatcher (if any) that commands were written elsewhere in this process."""
        self._wake()

    @requires(Permission.CONTROL_METERS)
    def submit(self, actor: Actor, meter_ids: list[int], kind: str, params: dict[str, Any] | None = None,
               reason: str = "") -> str:
        """Queue `kind` for every meter; returns the batch id. Nothing is written on bad input."""
        payload = normalise_params(kind, params)
        with self.ctx.transaction() as s:
            batch_id = submit_in(self.ctx, s, actor, meter_ids, kind, payload, reason)
        self._wake()
        return batch_id

    @requires(Permission.CONTROL_METERS)
    def set_thresholds(self, actor: Actor, meter_ids: list[int], params: dict[str, Any],
                       reason: str = "") -> ThresholdResult:
        """报警设置 / 功率阈值设置: download to prepaid meters (the meter's row changes on read-back
        confirmation), store at once for console-billed meters (services.thresholds)."""
        from acrel_console.services.thresholds import apply_thresholds_in

        with self.ctx.transaction() as s:
            result = apply_thresholds_in(self.ctx, s, actor, meter_ids, params, reason)
        if result.batch_id:
            self._wake()
        return result

    def _progress_rows(self, s: Any, batch_id: str) -> list[CommandProgress]:
        q = (select(MeterCommandRow, MeterRow, GatewayRow.name)
             .join(MeterRow, MeterCommandRow.meter_id == MeterRow.id)
             .join(GatewayRow, MeterRow.gateway_id == GatewayRow.id)
             .where(MeterCommandRow.batch_id == batch_id)
             .order_by(MeterCommandRow.created_at, GatewayRow.name, MeterRow.address))
        latest: dict[int, CommandProgress] = {}
        for c, m, g in s.execute(q):
            latest[m.id] = CommandProgress(
                command_id=c.id, batch_id=c.batch_id, meter_id=m.id, gateway=g, address=m.address, room=m.room,
                kind=c.kind, state=c.state, outcome=_outcome_of(c), error=c.error or "", attempts=c.attempts or 0,
                created_by=c.created_by, reason=c.reason, created_at=c.created_at, completed_at=c.completed_at,
                result=json.loads(c.result_json) if c.result_json else {})
        return sorted(latest.values(), key=lambda p: (p.gateway, p.address))

    @requires(Permission.VIEW)
    def batch_progress(self, actor: Actor, batch_id: str) -> list[CommandProgress]:
        """Per-meter state of a batch (the latest command per meter, after resends)."""
        with self.ctx.read() as s:
            out = self._progress_rows(s, batch_id)
        if not out:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No command batch {id}."), id=batch_id)
        return out

    @requires(Permission.VIEW)
    def batch_summary(self, actor: Actor, batch_id: str) -> BatchSummary:
        items = self.batch_progress(actor, batch_id)
        return BatchSummary(batch_id, len(items), sum(1 for i in items if not i.done),
                            sum(1 for i in items if i.outcome == "confirmed"),
                            sum(1 for i in items if i.done and i.outcome not in ("confirmed", "cancelled")),
                            sum(1 for i in items if i.outcome == "cancelled"))

    @requires(Permission.CONTROL_METERS)
    def cancel(self, actor: Actor, batch_id: str, reason: str = "") -> int:
        """Cancel every still-pending command of the batch (one being sent finishes); returns how many."""
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            rows = list(s.execute(select(MeterCommandRow).where(MeterCommandRow.batch_id == batch_id,
                                                                MeterCommandRow.state == "pending")).scalars())
            for r in rows:
                r.state = "cancelled"
                r.completed_at = now
                r.result_json = json.dumps({"outcome": "cancelled"})
            if rows:
                audit.append(s, actor, "control.cancel", f"batch:{batch_id}",
                             after={"cancelled": len(rows), "command_ids": [r.id for r in rows]},
                             reason=str(reason or ""), at=now)
            return len(rows)

    @requires(Permission.CONTROL_METERS)
    def resend_failed(self, actor: Actor, batch_id: str, reason: str = "") -> int:
        """Queue again (same batch) every meter whose latest command failed; returns how many."""
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            failed = [p for p in self._progress_rows(s, batch_id) if p.state in ("failed", "conflict")]
            for p in failed:
                old = s.get(MeterCommandRow, p.command_id)
                assert old is not None
                row = MeterCommandRow(id=str(uuid.uuid4()), meter_id=old.meter_id, kind=old.kind, state="pending",
                                      priority=old.priority, payload_json=old.payload_json, batch_id=batch_id,
                                      reason=str(reason or old.reason), created_by=actor.name, created_at=now,
                                      attempts=0, result_json="", error="", mac="")
                row.mac = _sign(self.ctx, row)
                s.add(row)
            if failed:
                audit.append(s, actor, "control.resend", f"batch:{batch_id}",
                             after={"meters": [p.meter_id for p in failed]}, reason=str(reason or ""), at=now)
        if failed:
            self._wake()
        return len(failed)

    @requires(Permission.VIEW)
    def export_readings(self, actor: Actor, meter_ids: list[int] | None, path: str | Path,
                        translate: Any = None) -> Path:
        """抄表导出: the selected meters' current state into a real .xlsx file; returns the path.
        `translate(context, text)` translates headers and words (e.g. acrel_console.i18n.translate)."""
        from acrel_console.services.meter_views import write_readings_xlsx

        return Path(write_readings_xlsx(self.ctx, actor, meter_ids, Path(path), translate))


# ---- execution (bus worker thread of the dispatcher) -----------------------------------------
@dataclass(frozen=True, slots=True)
class ControlResult:
    state: str  # delivered | failed
    outcome: str
    error: str = ""
    detail: dict[str, Any] = dataclasses.field(default_factory=dict)


def _failure(exc: BaseException) -> ControlResult:
    if isinstance(exc, MeterTimeout):
        return ControlResult("failed", "no_reply", f"no reply: {exc}")
    if isinstance(exc, ExceptionReply):
        return ControlResult("failed", "rejected", f"meter refused (exception {exc.code})")
    if isinstance(exc, InvalidRequest):
        return ControlResult("failed", "invalid", f"not possible on this meter: {exc}")
    if isinstance(exc, BusUnavailable):
        return ControlResult("failed", "unavailable", f"bus unavailable: {exc}")
    return ControlResult("failed", "error", f"{type(exc).__name__}: {exc}")


def _with_force(bus: Any, address: int, model: str, reading: MeterReading) -> MeterReading:
    """The reading with forced/forced_open from the force-control read-back when the block lacks them."""
    fn = getattr(bus, "read_force_state", None)
    if fn is None:
        return reading
    try:
        forced, forced_open = fn(address, model)
    except InvalidRequest:
        return reading
    return dataclasses.replace(reading, forced=bool(forced), forced_open=bool(forced_open) if forced else None)


def _relay(reading: MeterReading) -> bool | None:
    return all(reading.relay_closed) if reading.relay_closed else None


def _lost(detail: dict[str, Any], lost: str) -> dict[str, Any]:
    if lost:
        detail["reply_lost"] = lost
    return detail


def _send(action: Any) -> str:
    """Run the command's write. A lost or garbled reply proves nothing either way: the read-back that
    follows decides (design §9), so it is noted, not raised; refusals and no contact still raise."""
    try:
        action()
    except (MeterTimeout, FrameError) as exc:
        log.info("control reply lost (%s); reading the meter back", exc)
        return f"{type(exc).__name__}: {exc}"[:200]
    return ""


def run_control(bus: Any, address: int, model: str, kind: str, payload: dict[str, Any],
                local_now: Any) -> tuple[ControlResult, MeterReading | None]:
    """Send one control command and confirm it by read-back. Raises BusError on no contact.

    A command whose reply is lost is resolved by reading the meter back before it is called failed:
    the read-back shows the commanded state (confirmed, detail "reply_lost") or not (mismatch); only a
    read-back that fails too ends as no reply."""
    if kind in ("trip", "keep_power", "restore_prepaid", "close"):
        detail: dict[str, Any] = {}
        mode = {"trip": ForceMode.TRIP, "keep_power": ForceMode.KEEP_POWER,
                "restore_prepaid": ForceMode.RESTORE_PREPAID}.get(kind)
        if kind == "close":
            before = bus.read_realtime(address, model)
            detail["remaining_fen_before"] = before.remaining_fen
            if before.remaining_fen is None:
                mode = ForceMode.KEEP_POWER
            elif before.remaining_fen <= 0:
                return (ControlResult("failed", "refused",
                                      "remaining amount is not positive: the meter would trip again; use keep power",
                                      detail), before)
            else:
                mode = ForceMode.RESTORE_PREPAID
            detail["via"] = mode.value
        assert mode is not None
        force_mode = mode
        _lost(detail, _send(lambda: bus.force(address, model, force_mode)))
        reading = _with_force(bus, address, model, bus.read_realtime(address, model))
        relay, forced, fopen = _relay(reading), reading.forced, reading.forced_open
        detail.update({"relay": None if relay is None else ("closed" if relay else "open"),
                       "forced": forced, "forced_open": fopen})
        if kind == "trip":
            ok = forced is not False and fopen is not False and relay is not True
            expected = "forced open, relay open"
        elif kind == "keep_power" or (kind == "close" and mode is ForceMode.KEEP_POWER):
            ok = forced is not False and fopen is not True and relay is not False
            expected = "forced close, relay closed"
        elif kind == "close":
            ok = forced is not True and relay is not False
            expected = "prepaid control, relay closed"
        else:
            ok = forced is not True
            expected = "force control off"
        if ok:
            return ControlResult("delivered", "confirmed", "", detail), reading
        detail["expected"] = expected
        return ControlResult("failed", "mismatch", f"read-back mismatch: expected {expected}, read relay "
                             f"{detail['relay']}, forced {forced}, forced_open {fopen}", detail), reading
    if kind in ("price_download", "settings_download"):
        wanted = MoneyParams(prices=tuple(payload["prices"]) if "prices" in payload else None,
                             alarm1_fen=payload.get("alarm1_fen"), alarm2_fen=payload.get("alarm2_fen"),
                             overload_power_w=payload.get("overload_power_w"))
        lost = _send(lambda: bus.write_money_params(address, model, wanted))
        got = bus.read_money_params(address, model)
        wrong = {name: {"expected": list(w) if isinstance(w, tuple) else w,
                        "read": list(g) if isinstance(g, tuple) else g}
                 for name, (w, g) in money_params_mismatch(wanted, got).items()}
        if wrong:
            return ControlResult("failed", "mismatch", "read-back mismatch: " + ", ".join(
                f"{k} expected {v['expected']} read {v['read']}" for k, v in wrong.items()),
                _lost({"mismatch": wrong}, lost)), None
        return ControlResult("delivered", "confirmed", "", _lost({"read": payload}, lost)), None
    if kind == "schedule_download":
        schedule = tuple((int(a), int(b)) for a, b in payload["schedule"])
        lost = _send(lambda: bus.write_schedule(address, model, schedule))
        table = bus.read_schedule(address, model)
        read = {"zones": [list(z) for z in table.zones], "schedule": [list(p) for p in table.schedule]}
        if table.follows(schedule):
            return ControlResult("delivered", "confirmed", "", _lost({"read": read}, lost)), None
        return ControlResult("failed", "mismatch", "read-back mismatch: the meter's day-period schedule differs",
                             _lost({"expected": [list(p) for p in schedule], "read": read}, lost)), None
    if kind == "clock_sync":
        lost = _send(lambda: bus.set_clock(address, model, local_now))
        reading = bus.read_realtime(address, model)
        if reading.meter_clock is None:
            return ControlResult("failed", "mismatch", "read-back mismatch: the meter reports no clock",
                                 _lost({}, lost)), reading
        drift = int((reading.meter_clock.replace(tzinfo=None) - local_now).total_seconds())
        if abs(drift) <= CLOCK_TOLERANCE_S:
            return ControlResult("delivered", "confirmed", "", _lost({"drift_s": drift}, lost)), reading
        return ControlResult("failed", "mismatch", f"read-back mismatch: meter clock off by {drift} s after setting",
                             _lost({"drift_s": drift}, lost)), reading
    raise InvalidRequest(f"unknown control kind {kind}")


def is_control_row(row: MeterCommandRow) -> bool:
    """Rows this module executes (the rest — credit and ledger downloads — go to services.deliveries)."""
    return row.kind in CONTROL_KINDS and (row.kind not in ("price_download", "settings_download")
                                          or row.batch_id is not None)


def execute_control_command(ctx: ServiceContext, worker: Any, command_id: str) -> CommandProgress | None:
    """Run one control command on the bus worker's thread: mark sending, act, read back, record.

    `worker` is the BusWorker of the meter's bus. Safe to call again after a crash: a row found in
    'sending' is simply executed again (every control command is idempotent)."""
    from acrel_console.services.polling.store import MeterTarget

    with ctx.transaction() as s:
        row = s.get(MeterCommandRow, command_id)
        if row is None or row.state not in ACTIVE:
            return None
        meter = s.get(MeterRow, row.meter_id)
        assert meter is not None
        gw = s.get(GatewayRow, meter.gateway_id)
        target = MeterTarget(meter.id, meter.address, meter.model, meter.room)
        where = f"{gw.name if gw else '?'}/{meter.address}"
        now = ctx.clock()
        if not _mac_ok(ctx, row):
            row.state, row.completed_at, row.error = "failed", now, "MAC does not match: refused (altered or forged row)"
            row.result_json = json.dumps({"outcome": "invalid"})
            audit.append(s, Actor.system(), "alarm.mac_failure", f"command:{row.id}",
                         after={"meter_id": row.meter_id, "kind": row.kind}, at=now)
            return None
        row.state = "sending"
        row.attempts = (row.attempts or 0) + 1
        row.last_attempt_at = now
        row.mac = _sign(ctx, row)  # the MAC covers the state transition (issue 11)
        kind, payload = row.kind, json.loads(row.payload_json or "{}")
        created_by, reason = row.created_by, row.reason
    tz = worker._settings().tz
    reading: MeterReading | None = None
    contact_error: BaseException | None = None
    try:
        bus = worker.bus()
        if bus is None:
            raise worker.unavailable()
        local_now = ctx.clock().astimezone(tz).replace(tzinfo=None, microsecond=0)
        result, reading = run_control(bus, target.address, target.model, kind, payload, local_now)
    except BusError as exc:
        result = _failure(exc)
        if not isinstance(exc, (InvalidRequest, ExceptionReply)):
            contact_error = exc
        if isinstance(exc, BusUnavailable):
            worker._drop_bus()
    except Exception as exc:  # noqa: BLE001 - the worker survives any bug in here
        log.exception("control command %s failed unexpectedly", command_id)
        result = _failure(exc)
    if reading is not None or contact_error is not None:
        try:
            worker.record_command_contact(target, reading, contact_error)
        except Exception:  # noqa: BLE001 - the command's own record below matters more
            log.exception("recording the meter contact of command %s failed", command_id)
    done = ctx.clock()
    with ctx.transaction() as s:
        row = s.get(MeterCommandRow, command_id)
        assert row is not None
        row.state = result.state
        row.mac = _sign(ctx, row)
        row.error = result.error[:500]
        row.completed_at = done
        row.result_json = json.dumps({"outcome": result.outcome, **result.detail}, default=str)
        if kind == "settings_download" and result.state == "delivered":
            from acrel_console.services.thresholds import store_thresholds

            meter = s.get(MeterRow, row.meter_id)
            if meter is not None:  # the meter confirmed them: from now on they are the meter's thresholds
                store_thresholds(s, Actor.system(), meter, payload, done, "read-back", reason)
        kind_log = "control.confirmed" if result.state == "delivered" else f"control.{result.outcome}"
        audit.append(s, Actor.system(), kind_log, where,
                     after={"command_id": command_id, "kind": kind, "operator": created_by, "outcome": result.outcome,
                            "error": result.error, **result.detail}, reason=reason, at=done)
        return CommandProgress(row.id, row.batch_id, row.meter_id, gw.name if gw else "", target.address,
                               target.room, kind, row.state, result.outcome, row.error, row.attempts, created_by,
                               reason, row.created_at, row.completed_at, json.loads(row.result_json))

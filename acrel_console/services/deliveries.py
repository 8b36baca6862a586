"""Delivering credit and settings to a meter (design §8): the functions the dispatcher calls.

`execute_credit_command` is idempotent and crash-safe: the state 'sending' is committed (and logged as
delivery.sending) before a frame leaves, so after a crash or a lost reply the next run reads the meter's
purchase count first and decides from the meter, never by resending blindly:

    count == expected - 1  -> not applied: send (again) with the same count, then read back
    count == expected      -> DELIVERED when this command was ever sent; see below when it never was
    anything else          -> CONFLICT (shown to an operator; nothing is resent automatically)

What a row says is not evidence (design §8.5, issue 11). A restore or an edit can make a delivered
command look unsent, so "never sent" is proven by the operation log (no delivery.sending row for it;
the log is keyed and anchored outside the database), never by the row's attempts counter. Only such a
proven never-sent command whose meter shows another count is renumbered (re-signed with count + 1,
logged as delivery.resequence); a command pinned by a restore (services.restore_mark) never is. A row
that claims never-sent while the log shows it sent is a replay: refused and alarmed. The MAC covers the
row's fields and its state transition, and only a process whose site key is the site's signs or sends.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from acrel_console.domain.alarms import AlarmKind
from acrel_console.domain.errors import QT_TRANSLATE_NOOP
from acrel_console.domain.readings import MoneyParams
from acrel_console.drivers.api import BusError, ExceptionReply, InvalidRequest, MeterBus
from acrel_console.ledger import book, mac
from acrel_console.services import audit, restore_mark, site_anchor
from acrel_console.services.alarms import raise_alarm
from acrel_console.services.base import Actor, ServiceContext
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.meter_state import MeterStateRow
from acrel_console.storage.tables.operators import AuditRow
from acrel_console.storage.tables.site import MeterRow

Hook = Callable[[str], None]
DOWNLOAD_KINDS = ("price_download", "settings_download")
TERMINAL = ("delivered", "conflict", "failed", "cancelled")
STEPS = ("loaded", "read_before", "resequenced", "marked_sending", "sent", "read_after", "recorded")
MAC_ALARM = "alarm.mac_failure"  # no alarms table yet: alarms are operation-log rows of this kind
SENT_KIND = "delivery.sending"  # logged before every credit frame: the evidence that a command was sent
ILLEGAL_FUNCTION = 0x01  # Modbus exception: the meter has no such function (here: vendor 0x20)
NO_REMOTE_RECHARGE = QT_TRANSLATE_NOOP(
    "errors", "This meter does not take remote recharge; the money stays on the tenant's account for a refund "
              "or a transfer.")


@dataclass(frozen=True, slots=True)
class DeliveryOutcome:
    """The state of a command after one run. state: pending | sending | delivered | conflict | failed |
    cancelled; waiting=True when it stays queued behind an earlier command or an unreachable meter."""

    command_id: str
    state: str
    purchase_count: int | None = None
    remaining_fen: int | None = None
    reason: str = ""
    attempts: int = 0
    waiting: bool = False


class NotACreditCommand(ValueError):
    """execute_credit_command was given another kind of command."""


def _noop(_step: str) -> None:
    return None


def _get(s: Session, command_id: str) -> MeterCommandRow:
    q = select(MeterCommandRow).where(MeterCommandRow.id == command_id)
    if s.get_bind().dialect.name == "postgresql":
        q = q.with_for_update()
    row = s.execute(q).scalar_one_or_none()
    if row is None:
        raise KeyError(f"no meter command {command_id}")
    return row


def _outcome(row: MeterCommandRow, reason: str = "", waiting: bool = False) -> DeliveryOutcome:
    data = json.loads(row.result_json) if row.result_json else {}
    return DeliveryOutcome(row.id, row.state, data.get("purchase_count"), data.get("remaining_fen"),
                           reason or row.error, row.attempts, waiting)


def _alarm_mac(s: Session, ctx: ServiceContext, row: MeterCommandRow) -> DeliveryOutcome:
    row.state = "failed"
    row.error = "MAC mismatch: the command row was forged or altered; refused, nothing sent"
    row.completed_at = ctx.clock()
    audit.append(s, Actor.system(), MAC_ALARM, f"command:{row.id}",
                 after={"meter_id": row.meter_id, "kind": row.kind, "amount_fen": row.amount_fen,
                        "expected_purchase_count": row.expected_purchase_count, "operation_id": row.operation_id},
                 reason=row.error, at=ctx.clock())
    raise_alarm(s, AlarmKind.MAC_FAILURE, f"command:{row.id}", ctx.clock(), meter_id=row.meter_id, command=row.id)
    return _outcome(row)


def _room(s: Session, meter_id: int) -> str:
    meter = s.get(MeterRow, meter_id)
    return meter.room if meter is not None else f"#{meter_id}"


def _earlier_outstanding(s: Session, row: MeterCommandRow) -> bool:
    mine = book.credit_seq(row)
    others = s.execute(select(MeterCommandRow).where(
        MeterCommandRow.meter_id == row.meter_id, MeterCommandRow.kind == book.CREDIT_KIND,
        MeterCommandRow.state.in_(book.OUTSTANDING), MeterCommandRow.id != row.id)).scalars()
    return any(book.credit_seq(o) < mine for o in others)


def _remember_reading(s: Session, meter_id: int, count: int | None, remaining: int | None, at: datetime) -> None:
    # A read-back is a fresh reading: keep the meter's latest state in step (only its money fields).
    st = s.get(MeterStateRow, meter_id)
    if st is not None and count is not None:
        st.purchase_count = count
        st.remaining_fen = remaining


def _finish(ctx: ServiceContext, command_id: str, state: str, *, count: int | None, remaining: int | None,
            error: str = "", expected: int | None = None) -> DeliveryOutcome:
    with ctx.transaction() as s:
        row = _get(s, command_id)
        if row.state in TERMINAL:
            return _outcome(row)
        now = ctx.clock()
        row.state = state
        mac.sign_row(ctx.site_key, row)
        row.error = error
        row.result_json = json.dumps({"purchase_count": count, "remaining_fen": remaining,
                                      "read_at": now.isoformat()})
        if state in TERMINAL:
            row.completed_at = now
            restore_mark.release_final(s)
        if count is not None:
            _remember_reading(s, row.meter_id, count, remaining, now)
        if state in ("delivered", "failed", "cancelled"):
            from acrel_console.services.returns import command_final

            command_final(s, ctx, row)  # credit coming back is booked with the read-back, in this transaction
        if state == "delivered":
            audit.append(s, Actor.system(), "delivery.delivered", f"command:{row.id}",
                         after={"meter_id": row.meter_id, "amount_fen": row.amount_fen, "purchase_count": count,
                                "remaining_fen": remaining, "operation_id": row.operation_id}, at=now)
        elif state == "conflict":
            audit.append(s, Actor.system(), "alarm.delivery_conflict", f"command:{row.id}",
                         after={"meter_id": row.meter_id, "expected_purchase_count": expected,
                                "meter_purchase_count": count, "operation_id": row.operation_id},
                         reason=error, at=now)
            raise_alarm(s, AlarmKind.DELIVERY_CONFLICT, f"command:{row.id}", now, meter_id=row.meter_id,
                        room=_room(s, row.meter_id), command=row.id, reason=error)
        return _outcome(row)


def _mark_sending(ctx: ServiceContext, command_id: str, expected: int) -> MeterCommandRow | DeliveryOutcome:
    """Commit 'sending' before the frame leaves; refuse if the row changed or was cancelled meanwhile."""
    with ctx.transaction() as s:
        row = _get(s, command_id)
        if row.state not in book.OUTSTANDING:
            return _outcome(row)
        if row.expected_purchase_count != expected or not mac.verify_row(ctx.site_key, row):
            return _alarm_mac(s, ctx, row)
        row.state = "sending"
        row.attempts += 1
        row.last_attempt_at = ctx.clock()
        mac.sign_row(ctx.site_key, row)
        audit.append(s, Actor.system(), SENT_KIND, f"command:{row.id}",
                     after={"meter_id": row.meter_id, "attempt": row.attempts, "expected_purchase_count": expected,
                            "amount_fen": row.amount_fen, "operation_id": row.operation_id}, at=ctx.clock())
        s.flush()
        s.expunge(row)
        return row


def sent_in_log(s: Session, command_id: str) -> bool:
    """True when the (keyed, anchored) operation log shows a credit frame of this command left."""
    return s.execute(select(AuditRow.id).where(AuditRow.kind == SENT_KIND, AuditRow.target == f"command:{command_id}")
                     .limit(1)).first() is not None


def delivered_in_log(s: Session, command_ids: list[str]) -> str | None:
    """The first of these commands the operation log records as delivered (None when none is)."""
    targets = [f"command:{i}" for i in command_ids]
    found = s.execute(select(AuditRow.target).where(AuditRow.kind == "delivery.delivered",
                                                    AuditRow.target.in_(targets)).limit(1)).scalar()
    return None if found is None else str(found).split(":", 1)[1]


def send_refusal(s: Session, ctx: ServiceContext) -> str:
    """'' when this process may send (it holds the site lease and its site key is the site's), else why not."""
    from acrel_console.services.lease import holds_site_lease

    if not holds_site_lease(ctx):
        return "this process does not hold the site lease (only the site's dispatcher sends)"
    try:
        return book.key_problem(s, ctx.site_key)
    except mac.SiteKeyError as err:
        return str(err)


def _replayed(s: Session, ctx: ServiceContext, row: MeterCommandRow) -> DeliveryOutcome:
    """A row claiming never-sent whose send is in the log: an older copy put back. Refused, alarmed."""
    now = ctx.clock()
    row.state, row.completed_at = "conflict", now
    row.error = "replayed row: it claims never sent, but the operation log shows it was sent; nothing sent"
    mac.sign_row(ctx.site_key, row)
    audit.append(s, Actor.system(), MAC_ALARM, f"command:{row.id}",
                 after={"meter_id": row.meter_id, "expected_purchase_count": row.expected_purchase_count,
                        "operation_id": row.operation_id}, reason=row.error, at=now)
    raise_alarm(s, AlarmKind.MAC_FAILURE, f"command:{row.id}", now, meter_id=row.meter_id, command=row.id)
    return _outcome(row)


def execute_credit_command(ctx: ServiceContext, bus: MeterBus, command_id: str, *,
                           hook: Hook | None = None, send: bool = True) -> DeliveryOutcome:
    """Deliver one credit command (amount may be negative) by design §8; safe to call again at any time.
    With send=False it only reconciles: reads the meter and records what it shows, sending nothing."""
    step = hook or _noop
    with ctx.transaction() as s:
        row = _get(s, command_id)
        if row.kind != book.CREDIT_KIND:
            raise NotACreditCommand(row.kind)
        if row.state in TERMINAL:
            return _outcome(row)
        refusal = send_refusal(s, ctx)
        if refusal:
            return _outcome(row, f"not sent by this process: {refusal}", waiting=True)
        if not mac.verify_row(ctx.site_key, row):
            return _alarm_mac(s, ctx, row)
        if _earlier_outstanding(s, row):
            return _outcome(row, "waiting for an earlier delivery to this meter", waiting=True)
        meter = s.get(MeterRow, row.meter_id)
        assert meter is not None
        address, model = meter.address, meter.model
        expected = int(row.expected_purchase_count or 0)
        amount = int(row.amount_fen or 0)
        claims_unsent = row.state == "pending" and row.attempts == 0
        pinned = row.id in restore_mark.pinned_ids(s)
        sweep = book.sweep_cap(row)
    step("loaded")

    try:
        before = bus.read_realtime(address, model)
    except BusError as err:
        return _still(ctx, command_id, f"meter unreachable: {type(err).__name__}")
    step("read_before")
    count = before.purchase_count
    if count != expected - 1:  # the meter's count is not the one this command would take: who used it?
        with ctx.read() as s:
            logged = sent_in_log(s, command_id)
        if claims_unsent and logged:
            with ctx.transaction() as s:
                row = _get(s, command_id)
                if row.state == "pending" and row.attempts == 0:  # still claims never sent: an older copy
                    return _replayed(s, ctx, row)
                # Another deliverer sent it since this one loaded the row (a CLI pass beside the dispatcher):
                # not a replay; its own read-back settles it.
                return _outcome(row, "being delivered by another process", waiting=True)
        if count == expected and not claims_unsent:  # an earlier attempt was applied (reply or record lost)
            return _finish(ctx, command_id, "delivered", count=count, remaining=before.remaining_fen)
        if claims_unsent and not pinned and count is not None:  # proven never sent: renumber, nothing is lost
            if not send:
                return _outcome_of(ctx, command_id, f"never sent; meter count {count}: renumbered when sent")
            resequenced = _resequence(ctx, command_id, expected, count + 1)
            if isinstance(resequenced, DeliveryOutcome):
                return resequenced
            expected = count + 1
            step("resequenced")
        else:
            why = (f"meter purchase count {count}, expected {expected - 1} or {expected}" if not pinned else
                   f"restored database: the meter shows purchase count {count} where this delivery expects "
                   f"{expected - 1}; it may have been delivered after the backup was taken (check the meter)")
            return _finish(ctx, command_id, "conflict", count=count, remaining=before.remaining_fen,
                           expected=expected, error=why)
    if not send:
        return _outcome_of(ctx, command_id, f"meter count {count}: not applied yet; will be sent")

    if sweep is not None:  # take back what the meter holds now (at most the cap), read just before sending
        fixed = _fix_sweep(ctx, command_id, expected, sweep, before.remaining_fen, count)
        if isinstance(fixed, DeliveryOutcome):
            return fixed
        amount = fixed
    for attempt in range(2):  # the first send, and one resend when the read-back shows it was not applied
        marked = _mark_sending(ctx, command_id, expected)
        if isinstance(marked, DeliveryOutcome):
            return marked
        step("marked_sending")
        refused = unsupported = False
        try:
            bus.recharge(address, model, amount, expected)
        except InvalidRequest as err:
            return _finish(ctx, command_id, "failed", count=None, remaining=None, error=f"invalid request: {err}")
        except ExceptionReply as err:
            refused = True  # proves nothing by itself: the read-back decides
            unsupported = err.code == ILLEGAL_FUNCTION
        except BusError:
            pass  # a lost reply proves nothing: the read-back decides
        step("sent")
        try:
            after = bus.read_realtime(address, model)
        except BusError as err:
            return _still(ctx, command_id, f"no read-back ({type(err).__name__}); the next run reads the count first")
        step("read_after")
        if after.purchase_count == expected:
            out = _finish(ctx, command_id, "delivered", count=after.purchase_count, remaining=after.remaining_fen)
            step("recorded")
            return out
        if unsupported and after.purchase_count == expected - 1:
            # No vendor recharge on this meter (metering-only model or old firmware, issue 12): resending
            # can never work. Failed at once; the sale's money stays on the tenant's account.
            return _finish(ctx, command_id, "failed", count=after.purchase_count, remaining=after.remaining_fen,
                           error=NO_REMOTE_RECHARGE)
        if after.purchase_count != expected - 1:
            return _finish(ctx, command_id, "conflict", count=after.purchase_count, remaining=after.remaining_fen,
                           expected=expected,
                           error=f"meter purchase count {after.purchase_count} after sending {expected}")
        if refused and amount < 0 and after.remaining_fen is not None and after.remaining_fen + amount >= 0:
            return _finish(ctx, command_id, "failed", count=after.purchase_count, remaining=after.remaining_fen,
                           error=f"meter refused to give back {-amount} fen although it shows "
                                 f"{after.remaining_fen} fen")
        if sweep is not None:  # not applied (the tenant used energy since the reading): take what is there now
            fixed = _fix_sweep(ctx, command_id, expected, sweep, after.remaining_fen, after.purchase_count)
            if isinstance(fixed, DeliveryOutcome):
                return fixed
            amount = fixed
            continue
        if refused and amount < 0 and after.remaining_fen is not None and after.remaining_fen + amount < 0:
            # Design §13: the meter refuses a refund below zero (it used energy since the refund was booked).
            return _finish(ctx, command_id, "failed", count=after.purchase_count, remaining=after.remaining_fen,
                           error=f"meter refused: taking {-amount} fen back would leave it below zero "
                                 f"(remaining {after.remaining_fen} fen)")
        del attempt
    return _still(ctx, command_id, "not applied after a resend; retried at the next run")


def _outcome_of(ctx: ServiceContext, command_id: str, reason: str) -> DeliveryOutcome:
    with ctx.read() as s:
        return _outcome(_get(s, command_id), reason, waiting=True)


def _still(ctx: ServiceContext, command_id: str, reason: str) -> DeliveryOutcome:
    with ctx.transaction() as s:
        row = _get(s, command_id)
        if row.state not in TERMINAL:
            row.error = reason
        return _outcome(row, reason, waiting=True)


def _resequence(ctx: ServiceContext, command_id: str, old: int, new: int) -> DeliveryOutcome | None:
    with ctx.transaction() as s:
        row = _get(s, command_id)
        if row.state != "pending" or row.attempts != 0 or row.expected_purchase_count != old:
            return _outcome(row, "changed while reading the meter; retried at the next run", waiting=True)
        if not mac.verify_row(ctx.site_key, row):
            return _alarm_mac(s, ctx, row)
        row.expected_purchase_count = new
        mac.sign_row(ctx.site_key, row)
        audit.append(s, Actor.system(), "delivery.resequence", f"command:{row.id}",
                     before={"expected_purchase_count": old}, after={"expected_purchase_count": new},
                     reason="never sent; the meter's count differs from the last known one", at=ctx.clock())
    return None


def _fix_sweep(ctx: ServiceContext, command_id: str, expected: int, cap: int, remaining: int | None,
               count: int | None) -> int | DeliveryOutcome:
    """Set a sweep command's amount from the meter's remaining amount read just now (the caller has proven
    the command not applied): -min(cap, remaining), re-signed. Nothing to take back ends it cancelled."""
    take = min(cap, max(remaining or 0, 0))
    if take <= 0:
        return _finish(ctx, command_id, "cancelled", count=count, remaining=remaining,
                       error=f"nothing to take back: the meter shows {remaining} fen")
    with ctx.transaction() as s:
        row = _get(s, command_id)
        if row.state not in book.OUTSTANDING or row.expected_purchase_count != expected:
            return _outcome(row, "changed while reading the meter; retried at the next run", waiting=True)
        if not mac.verify_row(ctx.site_key, row):
            return _alarm_mac(s, ctx, row)
        if row.amount_fen != -take:
            row.amount_fen = -take
            mac.sign_row(ctx.site_key, row)
    return -take


def params_from_payload(payload: dict[str, Any]) -> MoneyParams:
    """The MoneyParams a download command carries (prices as a 4-tuple)."""
    values = dict(payload)
    if values.get("prices") is not None:
        values["prices"] = tuple(int(p) for p in values["prices"])
    allowed = set(MoneyParams.__dataclass_fields__)
    return MoneyParams(**{k: v for k, v in values.items() if k in allowed})


def money_params_mismatch(wanted: MoneyParams, got: MoneyParams) -> dict[str, tuple[Any, Any]]:
    """The read-back check of a download: name -> (expected, read) of every field set in `wanted`
    that `got` does not show (a list read back counts as the tuple it holds)."""
    wrong: dict[str, tuple[Any, Any]] = {}
    for name in MoneyParams.__dataclass_fields__:
        w, g = getattr(wanted, name), getattr(got, name)
        if w is not None and (tuple(g) if isinstance(g, list) else g) != w:
            wrong[name] = (w, g)
    return wrong


def execute_download_command(ctx: ServiceContext, bus: MeterBus, command_id: str, *,
                             hook: Hook | None = None) -> DeliveryOutcome:
    """Price/settings download (group 02) confirmed by read-back; writing the same values twice is
    harmless, so an unknown outcome is simply retried at the next run."""
    step = hook or _noop
    with ctx.transaction() as s:
        row = _get(s, command_id)
        if row.kind not in DOWNLOAD_KINDS:
            raise ValueError(f"not a download command: {row.kind}")
        if row.state in TERMINAL:
            return _outcome(row)
        refusal = send_refusal(s, ctx)
        if refusal:
            return _outcome(row, f"not sent by this process: {refusal}", waiting=True)
        if not mac.verify_row(ctx.site_key, row):
            return _alarm_mac(s, ctx, row)
        meter = s.get(MeterRow, row.meter_id)
        assert meter is not None
        address, model = meter.address, meter.model
        wanted = params_from_payload(json.loads(row.payload_json or "{}"))
    step("loaded")
    marked = _mark_download(ctx, command_id)
    if marked is not None:
        return marked
    step("marked_sending")
    try:
        bus.write_money_params(address, model, wanted)
    except InvalidRequest as err:
        return _finish(ctx, command_id, "failed", count=None, remaining=None, error=f"invalid request: {err}")
    except BusError:
        pass
    step("sent")
    try:
        got = bus.read_money_params(address, model)
    except BusError as err:
        return _still(ctx, command_id, f"no read-back ({type(err).__name__})")
    step("read_after")
    wrong = list(money_params_mismatch(wanted, got))
    if wrong:
        return _finish(ctx, command_id, "failed", count=got.purchase_count, remaining=got.remaining_fen,
                       error="read-back differs: " + ", ".join(wrong))
    return _finish(ctx, command_id, "delivered", count=got.purchase_count, remaining=got.remaining_fen)


def _mark_download(ctx: ServiceContext, command_id: str) -> DeliveryOutcome | None:
    with ctx.transaction() as s:
        row = _get(s, command_id)
        if row.state not in book.OUTSTANDING:
            return _outcome(row)
        if not mac.verify_row(ctx.site_key, row):
            return _alarm_mac(s, ctx, row)
        row.state = "sending"
        row.attempts += 1
        row.last_attempt_at = ctx.clock()
        mac.sign_row(ctx.site_key, row)
        return None


def execute_command(ctx: ServiceContext, bus: MeterBus, command_id: str, *, hook: Hook | None = None) -> DeliveryOutcome:
    """Dispatch a credit or download command to its executor."""
    with ctx.read() as s:
        kind = s.execute(select(MeterCommandRow.kind).where(MeterCommandRow.id == command_id)).scalar_one()
    if kind == book.CREDIT_KIND:
        return execute_credit_command(ctx, bus, command_id, hook=hook)
    return execute_download_command(ctx, bus, command_id, hook=hook)


def pending_command_ids(ctx: ServiceContext, meter_ids: set[int] | None = None,
                        kinds: tuple[str, ...] = (book.CREDIT_KIND, *DOWNLOAD_KINDS)) -> list[str]:
    """Outstanding credit/download commands in delivery order (oldest first, counts ascending)."""
    q = (select(MeterCommandRow).where(MeterCommandRow.state.in_(book.OUTSTANDING),
                                       MeterCommandRow.kind.in_(kinds)))
    if meter_ids is not None:
        q = q.where(MeterCommandRow.meter_id.in_(meter_ids))
    with ctx.read() as s:
        rows = list(s.execute(q).scalars())
        rows.sort(key=lambda r: (-r.priority, r.meter_id, book.credit_seq(r), r.created_at))
        return [r.id for r in rows]


def check_restore(ctx: ServiceContext) -> list[str]:
    """If this database is behind its anchor (restored, or its log cut), pin its open deliveries, log and
    alarm it, and re-anchor; returns the pinned command ids (empty when the database is current)."""
    problem = site_anchor.database_problem(ctx)
    if not problem:
        return []
    with ctx.transaction() as s:
        ids = restore_mark.mark_restored(s, problem)
        now = ctx.clock()
        audit.append(s, Actor.system(), "alarm.database_restored", "database", after={"pinned_deliveries": ids},
                     reason=problem, at=now)
        raise_alarm(s, AlarmKind.INTEGRITY, "database:restored", now, problem=problem)
    site_anchor.rebase(ctx)
    return ids


def pinned_command_ids(ctx: ServiceContext) -> set[str]:
    with ctx.read() as s:
        return restore_mark.pinned_ids(s)


def reconcile_pinned(ctx: ServiceContext, bus: MeterBus, meter_ids: set[int] | None = None) -> list[DeliveryOutcome]:
    """Read every pinned delivery's meter and record what it shows, sending nothing; logged as one
    delivery.reconcile row (what was found, command by command)."""
    pinned = pinned_command_ids(ctx)
    found = [execute_credit_command(ctx, bus, cid, send=False)
             for cid in pending_command_ids(ctx, meter_ids, kinds=(book.CREDIT_KIND,)) if cid in pinned]
    if found:
        with ctx.transaction() as s:
            audit.append(s, Actor.system(), "delivery.reconcile", "database",
                         after={o.command_id: {"state": o.state, "purchase_count": o.purchase_count,
                                               "finding": o.reason} for o in found}, at=ctx.clock())
    return found


def deliver_all(ctx: ServiceContext, bus: MeterBus, meter_ids: set[int] | None = None, *,
                hook: Hook | None = None) -> list[DeliveryOutcome]:
    """One dispatcher pass over outstanding credit/download commands (services.direct_delivery when no
    service holds the dispatcher, and the simulation). A restored database is reconciled first. Sends only
    under the site lease: taken for the pass when this process does not hold it yet; when another process
    holds it, nothing is done (returns [])."""
    from acrel_console.services.lease import SiteLease, holds_site_lease

    lease = None if holds_site_lease(ctx) else SiteLease(ctx, ttl_s=60, whole_site=True)
    if lease is not None and not lease.acquire():
        return []
    try:
        check_restore(ctx)
        reconcile_pinned(ctx, bus, meter_ids)
        return [execute_command(ctx, bus, cid, hook=hook) for cid in pending_command_ids(ctx, meter_ids)]
    finally:
        if lease is not None:
            lease.release()

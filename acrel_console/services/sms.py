"""SMS policy (短信提醒): templates per level, one text per meter per level per day, quiet hours,
retry with exponential back-off, and the log of every message.

Flow: `notify()` (alarm engine listener, sale flow) decides and queues a row in sms_messages;
`process_due()` (a scheduler job, system actor) claims due rows, sends them through the
configured SmsSender outside any transaction, and records sent / retry / failed with the reason.
The decisions are pure functions of their inputs (`should_send`, `quiet_until`, `next_attempt_at`,
`render`) and are tested as tables.
"""

from __future__ import annotations

import enum
import logging
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, cast

from sqlalchemy import CursorResult, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from acrel_console.domain.money import fen_to_yuan
from acrel_console.domain.roles import Permission
from acrel_console.domain.timewindows import Window, parse_windows
from acrel_console.drivers.sms.api import SmsError, SmsSender
from acrel_console.drivers.sms.pdu import normalise_number
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.meter_views import balance_fen as balance_of
from acrel_console.services.tenant_access import sms_opted_out
from acrel_console.storage.tables.ledger import AccountMeterRow, TenantAccountRow, TenantRow
from acrel_console.storage.tables.site import MeterRow
from acrel_console.storage.tables.sms import SmsMessageRow, SmsTemplateRow

log = logging.getLogger(__name__)


class SmsLevel(str, enum.Enum):
    """Why a tenant gets a text. The first three are alarm levels (deduplicated per day)."""

    ALARM1 = "alarm1"
    ALARM2 = "alarm2"
    ARREARS = "arrears"
    AFTER_SALE = "after_sale"
    MANUAL = "manual"  # 下发报警短信 by an operator
    TEST = "test"  # `sms test --to NUMBER`


ALARM_LEVELS = frozenset({SmsLevel.ALARM1, SmsLevel.ALARM2, SmsLevel.ARREARS})
TEMPLATE_LEVELS = (SmsLevel.ALARM1, SmsLevel.ALARM2, SmsLevel.ARREARS, SmsLevel.AFTER_SALE)
PLACEHOLDERS = frozenset({"name", "room", "balance", "amount", "method"})

# zh_CN defaults after the texts seen in the field (ACREL-3200-UX.md "SMS texts seen in the field").
DEFAULT_TEMPLATES: dict[SmsLevel, str] = {
    SmsLevel.ALARM1: "温馨提示:户名：{name},房间：{room},(电费)剩余金额{balance}元,已低于报警金额,请及时充值。",
    SmsLevel.ALARM2: "温馨提示:户名：{name},房间：{room},(电费)剩余金额{balance}元,即将断电,请尽快充值。",
    SmsLevel.ARREARS: "温馨提示:户名：{name},状态：欠费,(电费)剩余金额{balance}元,请及时充值。",
    SmsLevel.AFTER_SALE: "户号:{room},{method}缴费：{amount}元,余额：{balance}元。",
}
TEST_TEXT = "Acrel Console 短信测试 / SMS test"

LEVEL_LABELS: dict[SmsLevel, str] = {
    SmsLevel.ALARM1: QT_TRANSLATE_NOOP("sms", "Alarm 1"),
    SmsLevel.ALARM2: QT_TRANSLATE_NOOP("sms", "Alarm 2"),
    SmsLevel.ARREARS: QT_TRANSLATE_NOOP("sms", "Arrears"),
    SmsLevel.AFTER_SALE: QT_TRANSLATE_NOOP("sms", "After sale"),
    SmsLevel.MANUAL: QT_TRANSLATE_NOOP("sms", "Manual"),
    SmsLevel.TEST: QT_TRANSLATE_NOOP("sms", "Test"),
}
REASON_LABELS: dict[str, str] = {
    "timeout": QT_TRANSLATE_NOOP("sms", "The modem or gateway did not answer in time"),
    "rejected": QT_TRANSLATE_NOOP("sms", "The modem or gateway refused the message"),
    "unavailable": QT_TRANSLATE_NOOP("sms", "The modem or gateway cannot be reached"),
    "invalid": QT_TRANSLATE_NOOP("sms", "The number or text cannot be sent"),
    "expired": QT_TRANSLATE_NOOP("sms", "Not sent in time; dropped"),
    "no_sender": QT_TRANSLATE_NOOP("sms", "No SMS modem or gateway is configured"),
    "error": QT_TRANSLATE_NOOP("sms", "Unexpected error while sending"),
}


# -- pure rules ----------------------------------------------------------------------------------

class Decision(str, enum.Enum):
    SEND = "send"  # queue now
    DEFER = "defer"  # queue for the end of the quiet hours
    DUPLICATE = "duplicate"  # this meter already got this level today
    NO_PHONE = "no_phone"
    DISABLED = "disabled"


@dataclass(frozen=True, slots=True)
class Verdict:
    decision: Decision
    send_at: datetime | None = None  # UTC, for SEND and DEFER


def local_day(at: datetime, zone: tzinfo) -> date:
    """The site-local calendar day of a UTC instant."""
    return at.astimezone(zone).date()


def quiet_until(at: datetime, zone: tzinfo, windows: tuple[Window, ...]) -> datetime | None:
    """When `at` (aware) lies in a quiet window (site-local wall time): the UTC instant it ends; else None.
    Adjacent or overlapping windows are followed to the end of the last one."""
    current = at.astimezone(zone)
    moved = False
    for _ in range(len(windows) + 1):
        hit = next((w for w in windows if w.contains(current.time().replace(tzinfo=None))), None)
        if hit is None:
            break
        end_day = current.date()
        if not hit.start < hit.end and current.time().replace(tzinfo=None) >= hit.start:
            end_day += timedelta(days=1)  # wrapping window entered before midnight ends tomorrow
        current = datetime.combine(end_day, hit.end, tzinfo=zone)
        moved = True
    if not moved:
        return None
    return current.astimezone(at.tzinfo)


def should_send(
    now: datetime,
    *,
    level: SmsLevel,
    zone: tzinfo,
    phone: str,
    enabled: frozenset[SmsLevel],
    quiet_hours: tuple[Window, ...],
    quiet_levels: frozenset[SmsLevel],
    texted_days: frozenset[date],
) -> Verdict:
    """Whether (and when) to text a tenant for `level`. `texted_days`: site-local days on which this
    meter already has a text of this level scheduled (any outcome). Alarm levels get at most one per
    day, counted on the day the text goes out (a text deferred past midnight by quiet hours counts
    for the morning it is sent)."""
    if level not in enabled:
        return Verdict(Decision.DISABLED)
    if not phone.strip():
        return Verdict(Decision.NO_PHONE)
    send_at, decision = now, Decision.SEND
    if level in quiet_levels:
        end = quiet_until(now, zone, quiet_hours)
        if end is not None:
            send_at, decision = end, Decision.DEFER
    if level in ALARM_LEVELS and local_day(send_at, zone) in texted_days:
        return Verdict(Decision.DUPLICATE)
    return Verdict(decision, send_at)


def dedupe_key(level: SmsLevel, meter_id: int, day: date) -> str:
    """The unique key of an alarm-level text: level, meter, site-local day it goes out."""
    return f"{level.value}:{meter_id}:{day.isoformat()}"


def backoff_s(attempts: int, base_s: int, cap_s: int) -> int:
    """Delay before the next try after `attempts` failed ones: base, 2*base, 4*base ... capped."""
    factor: int = 2 ** max(0, attempts - 1)  # int ** int is typed Any (negative powers give floats)
    return min(cap_s, base_s * factor)


def next_attempt_at(now: datetime, attempts: int, retryable: bool, *, max_attempts: int, base_s: int,
                    cap_s: int) -> datetime | None:
    """When to try again after a failure, or None to give up."""
    if not retryable or attempts >= max_attempts:
        return None
    return now + timedelta(seconds=backoff_s(attempts, base_s, cap_s))


def validate_template(text: str) -> None:
    """ValidationError unless the text uses only {name} {room} {balance} {amount} {method}, plainly."""
    if not text.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "An SMS template cannot be empty."), field="text")
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The SMS template has an unmatched brace: {text}"),
                              field="text", text=text) from None
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in PLACEHOLDERS or spec or conversion:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Unknown placeholder {{{name}}} in the SMS template; use {allowed}."),
                field="text", name=name, allowed=" ".join("{" + p + "}" for p in sorted(PLACEHOLDERS)),
            )


def yuan_text(fen: int | None) -> str:
    """An amount as the texts show it: '-558.50' (no grouping); '' when unknown."""
    return "" if fen is None else str(fen_to_yuan(fen))


def render(template: str, values: Mapping[str, str]) -> str:
    """Fill a validated template; missing values become empty."""
    return template.format_map({p: values.get(p, "") for p in PLACEHOLDERS})


# -- values ----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SmsPolicy:
    """How the console texts tenants (the lead wires these from site settings)."""

    enabled_levels: frozenset[SmsLevel] = ALARM_LEVELS
    quiet_hours: str = "21:00-08:00"
    quiet_levels: frozenset[SmsLevel] = ALARM_LEVELS  # receipts and manual texts go out at once
    max_attempts: int = 5
    backoff_base_s: int = 60
    backoff_cap_s: int = 3600
    expire_after_s: int = 24 * 3600  # an alarm text not sent within a day is dropped ("expired")
    stale_sending_s: int = 600  # a 'sending' row this old (crash mid-send) is tried again
    batch: int = 50


@dataclass(frozen=True, slots=True)
class Recipient:
    phone: str
    name: str
    room: str


@dataclass(frozen=True, slots=True)
class SmsMessage:
    id: int
    meter_id: int | None
    level: SmsLevel
    phone: str
    text: str
    status: str  # queued | sending | sent | failed
    attempts: int
    created_at: datetime
    next_attempt_at: datetime | None
    sent_at: datetime | None
    driver: str
    refs: tuple[str, ...]
    error_reason: str
    error_detail: str
    requested_by: str


@dataclass(slots=True)
class ProcessReport:
    """What one process_due() run did."""

    sent: list[int] = field(default_factory=list)
    retrying: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    deferred: list[int] = field(default_factory=list)


def _value(r: SmsMessageRow) -> SmsMessage:
    return SmsMessage(r.id, r.meter_id, SmsLevel(r.level), r.phone, r.text, r.status, r.attempts, r.created_at,
                      r.next_attempt_at, r.sent_at, r.driver, tuple(x for x in r.refs.split(",") if x),
                      r.error_reason, r.error_detail, r.requested_by)


RecipientLookup = Callable[[Session, int], Recipient | None]


def tenant_recipient(session: Session, meter_id: int) -> Recipient | None:
    """The tenant of the open account the meter currently belongs to (phone, name, room)."""
    row = session.execute(
        select(TenantRow.phone, TenantRow.name, TenantRow.room, MeterRow.room)
        .join(TenantAccountRow, TenantAccountRow.tenant_id == TenantRow.id)
        .join(AccountMeterRow, AccountMeterRow.account_id == TenantAccountRow.id)
        .join(MeterRow, MeterRow.id == AccountMeterRow.meter_id)
        .where(AccountMeterRow.meter_id == meter_id, AccountMeterRow.removed_at.is_(None),
               TenantAccountRow.closed_at.is_(None))
        .order_by(AccountMeterRow.id.desc()).limit(1)
    ).first()
    if row is None:
        return None
    phone, name, tenant_room, meter_room = row
    return Recipient(phone=phone or "", name=name or "", room=tenant_room or meter_room or "")


# -- the service -----------------------------------------------------------------------------------

class SmsService:
    """Queue, send and list tenant texts; edit templates."""

    def __init__(self, ctx: ServiceContext, *, policy: SmsPolicy | None = None, sender: SmsSender | None = None,
                 recipient_lookup: RecipientLookup = tenant_recipient) -> None:
        self.ctx = ctx
        self.policy = policy or SmsPolicy()
        self.sender = sender
        self.recipient_lookup = recipient_lookup
        self._quiet = parse_windows(self.policy.quiet_hours)

    # templates
    @requires(Permission.VIEW)
    def templates(self, actor: Actor) -> dict[SmsLevel, str]:
        """The text of every template level (edited or default)."""
        with self.ctx.read() as s:
            return self._templates(s)

    @staticmethod
    def _templates(s: Session) -> dict[SmsLevel, str]:
        stored = {r.level: r.text for r in s.execute(select(SmsTemplateRow)).scalars()}
        return {lvl: stored.get(lvl.value, DEFAULT_TEMPLATES[lvl]) for lvl in TEMPLATE_LEVELS}

    @requires(Permission.CONFIGURE_SITE)
    def set_template(self, actor: Actor, level: SmsLevel, text: str | None) -> str:
        """Change a level's template (None restores the default); returns the text in force."""
        level = SmsLevel(level)
        if level not in TEMPLATE_LEVELS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{level} texts have no template."), field="level",
                                  level=level.value)
        if text is not None:
            validate_template(text)
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            before = self._templates(s)[level]
            row = s.get(SmsTemplateRow, level.value)
            if text is None:
                if row is not None:
                    s.delete(row)
                after = DEFAULT_TEMPLATES[level]
            else:
                if row is None:
                    row = SmsTemplateRow(level=level.value, text=text, updated_at=now, updated_by=actor.name)
                    s.add(row)
                row.text, row.updated_at, row.updated_by = text, now, actor.name
                after = text
            audit.append(s, actor, "sms.template", level.value, before=before, after=after, at=now)
        return after

    # queueing
    @requires(Permission.VIEW)
    def notify(self, actor: Actor, meter_id: int, level: SmsLevel, *, balance_fen: int | None = None,
               amount_fen: int | None = None, method: str = "", sale_id: str | None = None) -> SmsMessage | None:
        """Queue the tenant's text for an alarm level or a sale, if the policy says so; None when not
        (level disabled, no phone, already texted today). Called by the alarm engine listener and the
        sale flow; `sale_id` makes an after-sale text idempotent per sale."""
        level = SmsLevel(level)
        now = self.ctx.clock()
        try:
            with self.ctx.transaction() as s:
                recipient = self.recipient_lookup(s, meter_id)
                if recipient is None or sms_opted_out(s, meter_id, level.value):  # the tenant turned it off
                    return None
                zone = self.ctx.site_clock.zone
                texted: frozenset[date] = frozenset()
                if level in ALARM_LEVELS:
                    today = local_day(now, zone)
                    keys = {dedupe_key(level, meter_id, today + timedelta(days=d)): today + timedelta(days=d)
                            for d in (0, 1)}
                    texted = frozenset(keys[k] for k in s.execute(select(SmsMessageRow.dedupe_key).where(
                        SmsMessageRow.dedupe_key.in_(list(keys)))).scalars() if k is not None)
                elif sale_id and s.execute(select(SmsMessageRow.id).where(
                        SmsMessageRow.dedupe_key == f"{level.value}:{sale_id}")).first():
                    return None
                verdict = should_send(now, level=level, zone=zone, phone=recipient.phone,
                                      enabled=self.policy.enabled_levels, quiet_hours=self._quiet,
                                      quiet_levels=self.policy.quiet_levels, texted_days=texted)
                if verdict.decision not in (Decision.SEND, Decision.DEFER):
                    log.debug("no SMS for meter %s %s: %s", meter_id, level.value, verdict.decision.value)
                    return None
                if balance_fen is None:
                    balance_fen = balance_of(s, meter_id)
                text = render(self._template_for(s, level), {
                    "name": recipient.name, "room": recipient.room, "balance": yuan_text(balance_fen),
                    "amount": yuan_text(amount_fen), "method": method,
                })
                send_at = verdict.send_at or now
                key = (dedupe_key(level, meter_id, local_day(send_at, zone)) if level in ALARM_LEVELS
                       else f"{level.value}:{sale_id}" if sale_id else None)
                row = self._queue(s, meter_id, level, recipient.phone, text, now, send_at, key, actor.name)
                return _value(row)
        except IntegrityError:  # a concurrent notify took the same dedupe key first
            return None

    def _template_for(self, s: Session, level: SmsLevel) -> str:
        if level in TEMPLATE_LEVELS:
            return self._templates(s)[level]
        return DEFAULT_TEMPLATES[SmsLevel.ALARM1]

    @staticmethod
    def _queue(s: Session, meter_id: int | None, level: SmsLevel, phone: str, text: str, now: datetime,
               send_at: datetime, key: str | None, by: str) -> SmsMessageRow:
        row = SmsMessageRow(dedupe_key=key, meter_id=meter_id, level=level.value, phone=phone, text=text,
                            status="queued", attempts=0, created_at=now, next_attempt_at=send_at,
                            driver="", refs="", error_reason="", error_detail="", requested_by=by)
        s.add(row)
        s.flush()
        return row

    @requires(Permission.CONTROL_METERS)
    def send_manual(self, actor: Actor, meter_id: int, level: SmsLevel = SmsLevel.ALARM1) -> SmsMessage:
        """下发报警短信: queue the level's text for the meter's tenant now (no daily limit, no quiet hours)."""
        level = SmsLevel(level)
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            if s.get(MeterRow, meter_id) is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "Meter {meter} does not exist."), meter=meter_id)
            recipient = self.recipient_lookup(s, meter_id)
            if recipient is None or not recipient.phone.strip():
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Meter {meter} has no tenant phone number."),
                                      field="phone", meter=meter_id)
            text = render(self._template_for(s, level), {
                "name": recipient.name, "room": recipient.room, "balance": yuan_text(balance_of(s, meter_id)),
            })
            row = self._queue(s, meter_id, SmsLevel.MANUAL, recipient.phone, text, now, now, None, actor.name)
            audit.append(s, actor, "sms.manual", f"meter:{meter_id}", after={"level": level.value, "text": text},
                         at=now)
            return _value(row)

    @requires(Permission.CONTROL_METERS)
    def send_alarm_texts(self, actor: Actor, meter_ids: list[int]) -> tuple[int, list[tuple[int, str]]]:
        """下发报警短信 on a batch: each meter's tenant gets the text of its level now (arrears, alarm 2,
        else alarm 1, by the meter's status). Returns (queued, [(meter id, why not)]) — a meter without
        a tenant phone is skipped and named, the others still go."""
        from acrel_console.domain.status import MeterStatus
        from acrel_console.services.meter_views import build_live

        with self.ctx.read() as s:
            lives = build_live(s, [int(m) for m in meter_ids], self.ctx.clock())
        levels = {MeterStatus.ARREARS: SmsLevel.ARREARS, MeterStatus.ALARM2: SmsLevel.ALARM2}
        queued, skipped = 0, []
        for live in lives:
            try:
                self.send_manual(actor, live.meter_id, levels.get(live.status, SmsLevel.ALARM1))
                queued += 1
            except (ValidationError, NotFound) as err:
                skipped.append((live.meter_id, err.english()))
        return queued, skipped

    @requires(Permission.CONFIGURE_SITE)
    def send_test(self, actor: Actor, phone: str, text: str | None = None) -> SmsMessage:
        """Send one test text right away through the configured driver (`sms test --to NUMBER`)."""
        try:
            number = normalise_number(phone)
        except SmsError:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "'{phone}' is not a phone number."), field="phone",
                                  phone=phone) from None
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            row = self._queue(s, None, SmsLevel.TEST, number, text or TEST_TEXT, now, now, None, actor.name)
            audit.append(s, actor, "sms.test", number, after={"text": row.text}, at=now)
            message_id = row.id
        self._attempt(message_id, now, SmsPolicy(max_attempts=1), ProcessReport())
        with self.ctx.read() as s:
            return _value(s.get_one(SmsMessageRow, message_id))

    # sending
    @requires(Permission.MAINTAIN)
    def process_due(self, actor: Actor) -> ProcessReport:
        """Send every due queued text (and retry stale 'sending' ones); a scheduler job for the system actor."""
        p = self.policy
        now = self.ctx.clock()
        report = ProcessReport()
        with self.ctx.read() as s:
            due = list(s.execute(
                select(SmsMessageRow.id, SmsMessageRow.level, SmsMessageRow.created_at).where(or_(
                    (SmsMessageRow.status == "queued") & (SmsMessageRow.next_attempt_at <= now),
                    (SmsMessageRow.status == "sending")
                    & (SmsMessageRow.last_attempt_at <= now - timedelta(seconds=p.stale_sending_s)),
                )).order_by(SmsMessageRow.next_attempt_at, SmsMessageRow.id).limit(p.batch)
            ))
            zone = self.ctx.site_clock.zone
        for message_id, level, created_at in due:
            if now - created_at > timedelta(seconds=p.expire_after_s):
                self._finish(message_id, now, status="failed", reason="expired",
                             detail=f"not sent within {p.expire_after_s} s")
                report.failed.append(message_id)
                continue
            if SmsLevel(level) in p.quiet_levels:
                end = quiet_until(now, zone, self._quiet)
                if end is not None:
                    with self.ctx.transaction() as s:
                        s.execute(update(SmsMessageRow).where(SmsMessageRow.id == message_id)
                                  .values(status="queued", next_attempt_at=end))
                    report.deferred.append(message_id)
                    continue
            self._attempt(message_id, now, p, report)
        return report

    def _attempt(self, message_id: int, now: datetime, p: SmsPolicy, report: ProcessReport) -> None:
        """Claim one message, send it outside any transaction, record the outcome."""
        with self.ctx.transaction() as s:
            row = s.get(SmsMessageRow, message_id)
            if row is None or row.status not in ("queued", "sending"):
                return
            # read before the UPDATE: the ORM synchronises `row` with the new values
            phone, text, seen_status, seen_attempts = row.phone, row.text, row.status, row.attempts
            attempts = seen_attempts + 1
            claimed = cast("CursorResult[Any]", s.execute(
                update(SmsMessageRow)
                .where(SmsMessageRow.id == message_id, SmsMessageRow.status == seen_status,
                       SmsMessageRow.attempts == seen_attempts)
                .values(status="sending", attempts=attempts, last_attempt_at=now)
            )).rowcount
        if claimed != 1:
            return  # another worker has it
        if self.sender is None:
            outcome: tuple[str, str, bool] | None = ("no_sender", "no SMS driver configured", True)
            result = None
        else:
            try:
                result = self.sender.send(phone, text)
                outcome = None
            except SmsError as exc:
                result, outcome = None, (exc.reason, exc.detail, exc.retryable)
            except Exception as exc:  # noqa: BLE001 - a driver bug must not kill the job; it is logged
                log.exception("SMS driver failed")
                result, outcome = None, ("error", f"{type(exc).__name__}: {exc}", True)
        if result is not None:
            self._finish(message_id, now, status="sent", driver=result.driver, refs=",".join(result.refs))
            report.sent.append(message_id)
            return
        assert outcome is not None
        reason, detail, retryable = outcome
        again = next_attempt_at(now, attempts, retryable, max_attempts=p.max_attempts, base_s=p.backoff_base_s,
                                cap_s=p.backoff_cap_s)
        if again is None:
            self._finish(message_id, now, status="failed", reason=reason, detail=detail)
            report.failed.append(message_id)
        else:
            self._finish(message_id, now, status="queued", reason=reason, detail=detail, next_at=again)
            report.retrying.append(message_id)

    def _finish(self, message_id: int, now: datetime, *, status: str, reason: str = "", detail: str = "",
                driver: str = "", refs: str = "", next_at: datetime | None = None) -> None:
        values: dict[str, Any] = {"status": status, "error_reason": reason, "error_detail": detail[:2000],
                                  "next_attempt_at": next_at}
        if status == "sent":
            values.update(sent_at=now, driver=driver, refs=refs[:200])
        elif self.sender is not None:
            values["driver"] = getattr(self.sender, "name", "")
        with self.ctx.transaction() as s:
            s.execute(update(SmsMessageRow).where(SmsMessageRow.id == message_id).values(**values))

    # the log
    @requires(Permission.VIEW)
    def messages(self, actor: Actor, *, since: datetime | None = None, until: datetime | None = None,
                 meter_id: int | None = None, status: str | None = None, limit: int = 1000) -> list[SmsMessage]:
        """The message log, newest first."""
        q = select(SmsMessageRow).order_by(SmsMessageRow.created_at.desc(), SmsMessageRow.id.desc())
        if since is not None:
            q = q.where(SmsMessageRow.created_at >= since)
        if until is not None:
            q = q.where(SmsMessageRow.created_at < until)
        if meter_id is not None:
            q = q.where(SmsMessageRow.meter_id == meter_id)
        if status is not None:
            q = q.where(SmsMessageRow.status == status)
        with self.ctx.read() as s:
            return [_value(r) for r in s.execute(q.limit(max(1, min(limit, 100_000)))).scalars()]

    # alarm engine listener
    def on_alarm(self, alarm: Any) -> None:
        """AlarmEngine.subscribe listener: text the tenant for alarm 1, alarm 2 and arrears."""
        kind = getattr(getattr(alarm, "kind", None), "value", getattr(alarm, "kind", None))
        meter_id = getattr(alarm, "meter_id", None)
        if meter_id is None or kind not in {lvl.value for lvl in ALARM_LEVELS}:
            return
        try:
            self.notify(Actor.system(), meter_id, SmsLevel(kind))
        except Exception:  # noqa: BLE001 - a listener never breaks the alarm engine
            log.exception("queueing an SMS for alarm %s failed", getattr(alarm, "id", "?"))

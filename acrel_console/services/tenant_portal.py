"""What a tenant may see and do in the self-service portal (用户查询系统): the one service object the
portal process is given (it holds no operator service, so no operator function is reachable from it).

Every method takes the TenantPrincipal of a live session and only ever reads or changes that tenant's
own things: a meter id that is not one of the tenant's meters is NotFound, exactly like one that does
not exist. Remote control goes through remote_control.submit_in — the operators' command path: a signed
row the dispatcher executes and confirms by read-back, in the operation log as the tenant — after the
rules of `switch_refusal` and a per-tenant hourly limit, checked in the same transaction.

Online recharge (issue 17) goes through services.payments (`recharge`, `recharge_order`,
`payment_notification`): a paid order becomes an ordinary sale, idempotent by the provider's transaction id
(design §8, §14); nothing here moves money.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, NotFound, UserError, ValidationError
from acrel_console.domain.money import fen_to_yuan
from acrel_console.domain.status import MeterStatus
from acrel_console.ledger import book
from acrel_console.services import audit
from acrel_console.services.base import ServiceContext
from acrel_console.services.meter_views import MeterLive, build_live
from acrel_console.services.payments import NotifyReply, OrderView, PaymentService, portal_cashier, tenant_order_actor
from acrel_console.services.remote_control import CONTROL_KINDS, RemoteControlService, normalise_params, submit_in
from acrel_console.services.site_settings import load_all
from acrel_console.services.tenant_access import (SMS_CHOICES, IssuedSession, LoginThrottle, TenantPrincipal,
                                                  TenantSignIn, tenant_actor)
from acrel_console.storage.tables.commands import MeterCommandRow
from acrel_console.storage.tables.ledger import AccountMeterRow, OperationRow, TenantAccountRow, TenantRow
from acrel_console.storage.tables.portal import TenantAccessRow
from acrel_console.storage.tables.readings import DailyEnergyRow
from acrel_console.storage.tables.site import MeterRow

SWITCH_ACTIONS = ("trip", "close")  # switch off (拉闸) / switch back on (合闸, refused in arrears)
FORCE_KINDS = ("trip", "close", "keep_power", "restore_prepaid")
RECORD_KINDS = ("sale", "refund", "reversal", "opening")
MAX_USAGE_DAYS = 366
RECENT_COMMAND = timedelta(minutes=15)  # a tenant command this recent is shown with its outcome


class RateLimited(UserError):
    """The tenant sent too many commands; `retry_after_s` until the next is allowed. HTTP 429."""

    def __init__(self, template: str, *, retry_after_s: int, **params: object) -> None:
        self.retry_after_s = retry_after_s
        super().__init__(template, minutes=max(1, (retry_after_s + 59) // 60), **params)


class NotAllowed(UserError):
    """The site does not allow this from the portal, or the meter's state forbids it now. HTTP 403/409."""


# ---- values -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class TenantCommand:
    """A switch command a tenant sent: where it is (pending, sending, delivered, failed) and its outcome."""

    command_id: str
    meter_id: int
    kind: str
    state: str
    outcome: str  # confirmed | refused | mismatch | no_reply | ... (remote_control.OUTCOMES)
    created_at: datetime
    completed_at: datetime | None

    @property
    def done(self) -> bool:
        return self.state not in ("pending", "sending")


@dataclass(frozen=True, slots=True)
class TenantMeter:
    """One of the tenant's meters as the phone page shows it. Money in yuan, None where never read."""

    meter_id: int
    meter_no: str
    room: str
    model: str
    status: MeterStatus
    remaining: Decimal | None  # last read from the meter
    pending_credit: Decimal  # sold, on its way to the meter (not yet confirmed by read-back)
    relay: str | None  # closed | open | None (unknown)
    keep_power: bool | None  # 保电 set by the site office
    switched_off: bool | None  # forced open (拉闸)
    last_reading_at: datetime | None
    alarm1: Decimal
    alarm2: Decimal
    trip_refusal: str | None  # None: the tenant may switch it off now; else why not (English template)
    close_refusal: str | None
    command: TenantCommand | None  # the tenant's latest recent switch command on this meter


@dataclass(frozen=True, slots=True)
class TenantView:
    """The signed-in tenant: person, account, meters and the site's portal rules."""

    account_no: str
    name: str
    room: str
    phone: str
    opened_at: datetime
    meters: tuple[TenantMeter, ...]
    sms_off: tuple[str, ...]  # SMS_CHOICES the tenant turned off
    control_enabled: bool
    site_name: str
    zone: str
    kiosk_idle_s: int
    online_recharge: bool  # a payment provider is configured
    pin_set_by_operator: bool


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """What the portal may show before anyone signs in."""

    site_name: str
    zone: str  # IANA time zone of the site: every time on the pages is shown in it
    kiosk_idle_s: int
    control_enabled: bool
    online_recharge: bool
    payment_providers: tuple[str, ...] = ()  # wechat / alipay: what the recharge form offers


@dataclass(frozen=True, slots=True)
class DayUsage:
    """Energy of one site-local day in 0.01 kWh: total and 尖 峰 平 谷."""

    day: date
    total: int
    by_period: tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class UsageView:
    meter_id: int
    room: str
    days: tuple[DayUsage, ...]  # oldest first, every day present (zero without readings)
    month: str  # YYYY-MM, the site's current month
    month_by_period: tuple[int, int, int, int]
    month_total: int


@dataclass(frozen=True, slots=True)
class RechargeLine:
    """A money record of the tenant: a top-up (sale, opening balance) or a refund/reversal."""

    at: datetime
    kind: str  # sale | opening | refund | reversal
    amount: Decimal
    method: str | None
    receipt_no: str | None
    meter_id: int | None
    room: str
    delivery: str | None  # pending | sending | delivered | failed | conflict | cancelled | None


# ---- rules ----------------------------------------------------------------------------------------

def switch_refusal(action: str, *, enabled: bool, status: MeterStatus, remaining_fen: int | None,
                   relay_closed: bool | None, keep_power: bool | None, switched_off: bool | None,
                   last_force_by: str | None, tenant: str, busy: bool) -> str | None:
    """Why the tenant may not `action` ('trip' or 'close') this meter now (English template, context
    'errors'), or None when allowed. Pure: the caller gathers the facts.

    A tenant may switch off a meter that is on and not kept powered by the site office, and switch back on
    only a meter they switched off themselves, with a positive balance (never a meter in arrears; the close
    command re-checks the balance on the meter before releasing it)."""
    if not enabled:
        return QT_TRANSLATE_NOOP("errors", "This site does not allow switching meters from the portal.")
    if busy:
        return QT_TRANSLATE_NOOP("errors", "A command for this meter is still in progress.")
    if status is MeterStatus.OFFLINE:
        return QT_TRANSLATE_NOOP("errors", "The meter cannot be reached now; try again later.")
    if action == "trip":
        if keep_power:
            return QT_TRANSLATE_NOOP("errors", "The site office keeps this meter powered; it cannot be switched off here.")
        if switched_off:
            return QT_TRANSLATE_NOOP("errors", "The meter is already switched off.")
        if relay_closed is False:  # off by the meter's own prepaid logic (arrears): a recharge brings it back
            return QT_TRANSLATE_NOOP("errors", "The power is already off.")
        return None
    if action == "close":
        if not switched_off:
            return QT_TRANSLATE_NOOP("errors", "The meter is not switched off.")
        if last_force_by != tenant:
            return QT_TRANSLATE_NOOP("errors", "The site office switched this meter off; please contact them.")
        if status is MeterStatus.ARREARS or remaining_fen is None or remaining_fen <= 0:
            return QT_TRANSLATE_NOOP("errors", "The balance is not positive: recharge first, then switch on.")
        return None
    return QT_TRANSLATE_NOOP("errors", "Unknown action.")


def _command(row: MeterCommandRow) -> TenantCommand:
    outcome = row.state
    if row.state not in ("pending", "sending"):
        data = json.loads(row.result_json) if row.result_json else {}
        outcome = str(data.get("outcome") or ("confirmed" if row.state == "delivered" else row.state))
    return TenantCommand(row.id, row.meter_id, row.kind, row.state, outcome, row.created_at, row.completed_at)


# ---- the service ----------------------------------------------------------------------------------

class TenantPortalService:
    """Everything the portal process may do. Built by the composition root with the site's services."""

    def __init__(self, ctx: ServiceContext, control: RemoteControlService | None = None, *,
                 payments: PaymentService | None = None, throttle: LoginThrottle | None = None) -> None:
        self.ctx = ctx
        self.sign = TenantSignIn(ctx, throttle)
        self.control = control
        self.payments = payments

    # sign-in (delegated) -----------------------------------------------------------------------
    def login(self, account_no: str, pin: str, *, kiosk: bool = False, client: str = "") -> IssuedSession:
        return self.sign.sign_in(account_no, pin, kiosk=kiosk, client=client)

    def principal(self, token: str | None) -> TenantPrincipal | None:
        return self.sign.principal(token)

    def logout(self, principal: TenantPrincipal) -> None:
        self.sign.sign_out(principal)

    def change_pin(self, principal: TenantPrincipal, old_pin: str, new_pin: str) -> None:
        self.sign.change_pin(principal, old_pin, new_pin)

    # reading ------------------------------------------------------------------------------------
    def site(self) -> SiteInfo:
        """The site's name, zone and portal rules (no tenant data: shown on the sign-in page)."""
        with self.ctx.read() as s:
            settings = load_all(s)
        return SiteInfo(str(settings["site_name"]), self.ctx.site_clock.refreshed().zone_name,
                        int(settings["portal_kiosk_idle_s"]),
                        bool(settings["portal_tenant_control"]), bool(self.payment_providers()),
                        self.payment_providers())

    def _meter_ids(self, s: Session, tenant_id: int) -> list[int]:
        return [int(m) for m in s.execute(
            select(AccountMeterRow.meter_id).join(TenantAccountRow, AccountMeterRow.account_id == TenantAccountRow.id)
            .where(TenantAccountRow.tenant_id == tenant_id, TenantAccountRow.closed_at.is_(None),
                   AccountMeterRow.removed_at.is_(None)).order_by(AccountMeterRow.id)).scalars()]

    def _own(self, s: Session, principal: TenantPrincipal, meter_id: int) -> None:
        if int(meter_id) not in self._meter_ids(s, principal.tenant_id):
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {id}."), id=meter_id)

    def _last_force_by(self, s: Session, meter_id: int) -> str | None:
        return s.execute(select(MeterCommandRow.created_by).where(
            MeterCommandRow.meter_id == meter_id, MeterCommandRow.kind.in_(FORCE_KINDS),
            MeterCommandRow.state == "delivered").order_by(MeterCommandRow.completed_at.desc()).limit(1)).scalar()

    def _busy(self, s: Session, meter_id: int) -> bool:
        return s.execute(select(MeterCommandRow.id).where(
            MeterCommandRow.meter_id == meter_id, MeterCommandRow.kind.in_(CONTROL_KINDS),
            MeterCommandRow.state.in_(("pending", "sending"))).limit(1)).first() is not None

    def _refusals(self, s: Session, principal: TenantPrincipal, live: MeterLive,
                  settings: dict[str, Any]) -> dict[str, str | None]:
        """switch_refusal for both actions, the facts gathered once (none at all when the site forbids it)."""
        enabled = bool(settings["portal_tenant_control"])
        last_by = self._last_force_by(s, live.meter_id) if enabled else None
        busy = self._busy(s, live.meter_id) if enabled else False
        return {action: switch_refusal(action, enabled=enabled, status=live.status, remaining_fen=live.remaining_fen,
                                       relay_closed=live.relay_closed, keep_power=live.keep_power,
                                       switched_off=live.forced_open, last_force_by=last_by,
                                       tenant=principal.actor.name, busy=busy)
                for action in SWITCH_ACTIONS}

    def _meter(self, s: Session, principal: TenantPrincipal, live: MeterLive, settings: dict[str, Any],
               now: datetime) -> TenantMeter:
        credit = book.credit_state(s, live.meter_id)
        latest = s.execute(select(MeterCommandRow).where(
            MeterCommandRow.meter_id == live.meter_id, MeterCommandRow.created_by == principal.actor.name,
            MeterCommandRow.kind.in_(SWITCH_ACTIONS)).order_by(MeterCommandRow.created_at.desc()).limit(1)).scalar()
        command = None
        if latest is not None and (latest.state in ("pending", "sending") or latest.created_at >= now - RECENT_COMMAND):
            command = _command(latest)
        refusals = self._refusals(s, principal, live, settings)
        return TenantMeter(
            meter_id=live.meter_id, meter_no=live.meter_no, room=live.room, model=live.model, status=live.status,
            remaining=None if live.remaining_fen is None else fen_to_yuan(live.remaining_fen),
            pending_credit=fen_to_yuan(credit.outstanding_fen),
            relay=None if live.relay_closed is None else ("closed" if live.relay_closed else "open"),
            keep_power=live.keep_power, switched_off=live.forced_open, last_reading_at=live.last_seen,
            alarm1=fen_to_yuan(live.alarm1_fen), alarm2=fen_to_yuan(live.alarm2_fen),
            trip_refusal=refusals["trip"], close_refusal=refusals["close"], command=command)

    def me(self, principal: TenantPrincipal) -> TenantView:
        """The tenant, their account and each of their meters with its live state."""
        now = self.ctx.clock()
        with self.ctx.read() as s:
            settings = load_all(s)
            tenant = s.get(TenantRow, principal.tenant_id)
            acc = s.execute(select(TenantAccountRow).where(TenantAccountRow.tenant_id == principal.tenant_id,
                                                          TenantAccountRow.closed_at.is_(None))
                            .order_by(TenantAccountRow.id.desc()).limit(1)).scalar()
            access = s.get(TenantAccessRow, principal.tenant_id)
            if tenant is None or acc is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No open account with number {no}."),
                               no=principal.account_no)
            lives = build_live(s, self._meter_ids(s, principal.tenant_id), now, settings)
            meters = tuple(self._meter(s, principal, live, settings, now) for live in lives)
            off = tuple(x for x in (access.sms_opt_out if access else "").split(",") if x)
            return TenantView(tenant.account_no, tenant.name, tenant.room, tenant.phone, acc.opened_at, meters, off,
                              bool(settings["portal_tenant_control"]), str(settings["site_name"]),
                              self.ctx.site_clock.refreshed().zone_name, int(settings["portal_kiosk_idle_s"]),
                              bool(self.payment_providers()),
                              principal.pin_set_by_operator)

    def usage(self, principal: TenantPrincipal, meter_id: int, days: int = 30) -> UsageView:
        """Daily energy of one of the tenant's meters for the last `days` site-local days (today included),
        and this month's energy by tariff period."""
        if not 1 <= int(days) <= MAX_USAGE_DAYS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Days must be between 1 and {n}."), field="days",
                                  n=MAX_USAGE_DAYS)
        today = self.ctx.site_clock.refreshed().today()
        with self.ctx.read() as s:
            self._own(s, principal, meter_id)
            first = today - timedelta(days=int(days) - 1)
            month_first = today.replace(day=1)
            since = min(first, month_first)
            rows = {r.day: DayUsage(r.day, r.energy_total, (r.energy_p1, r.energy_p2, r.energy_p3, r.energy_p4))
                    for r in s.execute(select(DailyEnergyRow).where(
                        DailyEnergyRow.meter_id == meter_id, DailyEnergyRow.day >= since,
                        DailyEnergyRow.day <= today)).scalars()}
            meter = s.get(MeterRow, meter_id)
            room = meter.room if meter is not None else ""
        dates = [first + timedelta(days=i) for i in range(int(days))]
        out = tuple(rows.get(d) or DayUsage(d, 0, (0, 0, 0, 0)) for d in dates)
        month = [u for d, u in rows.items() if d >= month_first]
        by_period = (sum(u.by_period[0] for u in month), sum(u.by_period[1] for u in month),
                     sum(u.by_period[2] for u in month), sum(u.by_period[3] for u in month))
        return UsageView(int(meter_id), room, out, month_first.strftime("%Y-%m"), by_period,
                         sum(u.total for u in month))

    def recharges(self, principal: TenantPrincipal, limit: int = 100) -> list[RechargeLine]:
        """The tenant's top-ups and refunds, newest first, with receipt numbers and delivery state."""
        with self.ctx.read() as s:
            rows = s.execute(select(OperationRow, MeterRow.room).outerjoin(MeterRow, OperationRow.meter_id == MeterRow.id)
                             .where(OperationRow.tenant_id == principal.tenant_id,
                                    OperationRow.kind.in_(RECORD_KINDS))
                             .order_by(OperationRow.at.desc()).limit(max(1, min(int(limit), 500)))).all()
            ids = [op.id for op, _ in rows]
            states: dict[str, str] = {}
            if ids:
                for oid, state in s.execute(select(MeterCommandRow.operation_id, MeterCommandRow.state)
                                            .where(MeterCommandRow.operation_id.in_(ids))
                                            .order_by(MeterCommandRow.created_at)):
                    if oid is not None:
                        states[oid] = state
            out = []
            for op, room in rows:
                detail = json.loads(op.detail_json or "{}")
                delivery = "cancelled" if detail.get("cancelled_command") else states.get(op.id)
                out.append(RechargeLine(op.at, op.kind, fen_to_yuan(op.amount_fen), op.method, op.receipt_no,
                                        op.meter_id, room or "", delivery))
            return out

    # changing -----------------------------------------------------------------------------------
    def switch(self, principal: TenantPrincipal, meter_id: int, action: str) -> TenantCommand:
        """Switch one of the tenant's meters off ('trip') or back on ('close'): the operators' command path,
        after the site's rules and the hourly limit. Returns the queued command."""
        if action not in SWITCH_ACTIONS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown action."), field="action")
        actor = principal.actor
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            self._own(s, principal, meter_id)
            s.get(TenantAccessRow, principal.tenant_id, with_for_update=True)  # one switch per tenant at a time
            settings = load_all(s)
            [live] = build_live(s, [int(meter_id)], now, settings)
            refusal = self._refusals(s, principal, live, settings)[action]
            if refusal is not None:
                raise NotAllowed(refusal)
            limit = int(settings["portal_control_per_hour"])
            recent = list(s.execute(select(MeterCommandRow.created_at).where(
                MeterCommandRow.created_by == actor.name, MeterCommandRow.kind.in_(SWITCH_ACTIONS),
                MeterCommandRow.created_at > now - timedelta(hours=1)).order_by(MeterCommandRow.created_at)).scalars())
            if len(recent) >= limit:
                wait = int((recent[-limit] + timedelta(hours=1) - now).total_seconds()) + 1
                raise RateLimited(QT_TRANSLATE_NOOP(
                    "errors", "Too many switch commands: the next is possible in {minutes} minutes."),
                    retry_after_s=wait)
            batch = submit_in(self.ctx, s, actor, [int(meter_id)], action, normalise_params(action, {}),
                              reason="tenant portal")
            row = s.execute(select(MeterCommandRow).where(MeterCommandRow.batch_id == batch)).scalar_one()
            command = _command(row)
        if self.control is not None:
            self.control.poke()
        return command

    def command(self, principal: TenantPrincipal, command_id: str) -> TenantCommand:
        """One of the tenant's own switch commands (NotFound for anyone else's)."""
        with self.ctx.read() as s:
            row = s.get(MeterCommandRow, str(command_id)[:36])
            if row is None or row.created_by != principal.actor.name:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No command {id}."), id=command_id)
            return _command(row)

    def set_sms(self, principal: TenantPrincipal, phone: str, wanted: set[str]) -> None:
        """The tenant's phone number for texts and which of SMS_CHOICES they want; logged as the tenant."""
        phone = (phone or "").strip()
        digits = phone.replace(" ", "").replace("-", "")
        if phone and not (digits.lstrip("+").isdigit() and 5 <= len(digits) <= 20):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "'{phone}' is not a phone number."), field="phone",
                                  phone=phone)
        unknown = set(wanted) - set(SMS_CHOICES)
        if unknown:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown text kind '{kind}'."), field="sms",
                                  kind=sorted(unknown)[0])
        off = ",".join(c for c in SMS_CHOICES if c not in wanted)
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            tenant = s.get(TenantRow, principal.tenant_id)
            access = s.get(TenantAccessRow, principal.tenant_id, with_for_update=True)
            if tenant is None or access is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No open account with number {no}."),
                               no=principal.account_no)
            before = {"phone": tenant.phone, "sms_off": access.sms_opt_out}
            after = {"phone": digits, "sms_off": off}
            if before != after:
                tenant.phone, access.sms_opt_out = digits, off
                audit.append(s, tenant_actor(principal.account_no), "tenant.sms", f"account:{principal.account_no}",
                             before=before, after=after, at=now)


    # online recharge (issue 17) ------------------------------------------------------------------------
    def payment_providers(self) -> tuple[str, ...]:
        """The providers a tenant can pay with here (none: 'Recharge at the site office')."""
        return self.payments.providers() if self.payments is not None else ()

    def recharge(self, principal: TenantPrincipal, meter_id: int, amount: str, provider: str, *, kiosk: bool,
                 client_ip: str = "", return_url: str = "") -> OrderView:
        """The tenant recharges one of their own meters: a QR on the kiosk (Native / precreate), the provider's
        page on the phone (H5 / wap). The money goes to the 'online' till's shift."""
        if self.payments is None or provider not in self.payment_providers():
            raise NotAllowed(QT_TRANSLATE_NOOP("errors", "Online recharge is not available here."))
        with self.ctx.read() as s:
            self._own(s, principal, meter_id)
        channel = {("wechat", True): "native", ("wechat", False): "h5", ("alipay", True): "precreate",
                   ("alipay", False): "wap"}[(provider, kiosk)]
        return self.payments.start(actor_name=tenant_order_actor(principal.account_no), cashier=portal_cashier(),
                                   source="kiosk" if kiosk else "portal", tenant_id=principal.tenant_id,
                                   meter_id=int(meter_id), amount=amount, provider=provider, channel=channel,
                                   client_ip=client_ip, return_url=return_url)

    def recharge_order(self, principal: TenantPrincipal, order_id: str) -> OrderView:
        """One of the tenant's own orders, asked of the provider when it is still open (the page follows it)."""
        if self.payments is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No payment order {id}."), id=order_id)
        view = self.payments.view(str(order_id)[:36])
        if view.created_by != tenant_order_actor(principal.account_no):
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No payment order {id}."), id=order_id)
        return self.payments.confirm(view.order_id) if view.open else view

    def payment_notification(self, provider: str, headers: dict[str, str], body: bytes) -> NotifyReply:
        """A provider's notification on the callback URL (verified and settled by the payment service)."""
        if self.payments is None:
            return NotifyReply(404, b"", "text/plain")
        return self.payments.notification(provider, headers, body)


def is_database_outage(exc: BaseException) -> bool:
    """True when `exc` says the database cannot be reached (the portal answers 503 instead of 500)."""
    from sqlalchemy.exc import InterfaceError, OperationalError

    return isinstance(exc, (OperationalError, InterfaceError))

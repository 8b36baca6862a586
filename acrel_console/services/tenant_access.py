"""Tenant sign-in for the self-service portal: PINs set at the counter, sign-in with lockout, sessions.

- PINs are hashed like operator passwords (services.passwords, salted scrypt); the PIN itself is never
  stored or logged. An operator with the selling right sets or resets it (`account set-pin`) and gets a
  slip to hand over; the tenant changes it on the page.
- Five wrong PINs in a row (site setting portal_pin_attempts) lock the sign-in for portal_lock_minutes.
  The check is slow on purpose, so it runs outside any write transaction (a cashier's sale never waits
  for a tenant's scrypt); the result is then recorded under a row lock. A client address that keeps
  failing across accounts is refused for a while in memory (`LoginThrottle`, HTTP 429), so guessing one
  PIN against every account number is slow too.
- A session is a random token in a cookie; the database keeps only its SHA-256, so a copy of the
  database signs nobody in. It ends at logout, a PIN change, an idle time without requests (phone:
  portal_session_minutes; kiosk: twice the kiosk idle time) or an absolute lifetime; closing the account
  ends it too. Each session carries its own CSRF token.
- Sign-in, sign-out, locks and PIN changes go into the operation log as the tenant ("tenant:<用户编号>").
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, NotFound, UserError
from acrel_console.domain.pins import check_pin, generate_pin
from acrel_console.domain.roles import Permission, Role
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.passwords import hash_password, verify_password
from acrel_console.services.site_settings import load_all
from acrel_console.storage.tables.ledger import AccountMeterRow, TenantAccountRow, TenantRow
from acrel_console.storage.tables.portal import TenantAccessRow, TenantSessionRow

PHONE_LIFETIME = timedelta(hours=12)  # a phone session ends after this however busy it is
KIOSK_LIFETIME = timedelta(minutes=30)
TOUCH_EVERY_S = 60  # last_seen_at is written at most this often per session (reads stay reads)
_DUMMY_HASH = hash_password("not-a-pin-000000")  # equal work for unknown accounts (no timing oracle)
SMS_CHOICES = ("alarm1", "alarm2", "arrears", "after_sale")  # the texts a tenant may turn off in the portal


class PinRejected(UserError):
    """Wrong account number or PIN (one message for both: the page does not say which). HTTP 401."""


class SignInLocked(UserError):
    """Too many wrong PINs on this account: locked until `until`. HTTP 423."""

    def __init__(self, template: str, *, until: datetime, **params: object) -> None:
        self.until = until
        super().__init__(template, until=until.isoformat(timespec="minutes"), **params)


class TooManyAttempts(UserError):
    """This client failed too often across accounts; `retry_after_s` until it may try again. HTTP 429."""

    def __init__(self, template: str, *, retry_after_s: int, **params: object) -> None:
        self.retry_after_s = retry_after_s
        super().__init__(template, minutes=max(1, (retry_after_s + 59) // 60), **params)


def tenant_actor(account_no: str) -> Actor:
    """The actor a tenant's actions are logged (and commands created) as."""
    return Actor(id=None, name=f"tenant:{account_no}", role=Role.TENANT)


def token_id(token: str) -> str:
    """The stored id of a session token (SHA-256, hex)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class TenantPrincipal:
    """The tenant behind a valid session: all the portal knows about who is asking."""

    tenant_id: int
    account_no: str
    name: str
    session_id: str
    csrf_token: str
    kiosk: bool
    pin_set_by_operator: bool  # the PIN on the counter's slip is still in use: suggest changing it

    @property
    def actor(self) -> Actor:
        return tenant_actor(self.account_no)

    def csrf_ok(self, token: str | None) -> bool:
        """Constant-time check of a form's or request header's CSRF token."""
        return bool(token) and hmac.compare_digest(str(token), self.csrf_token)


@dataclass(frozen=True, slots=True)
class IssuedSession:
    """A new session: `token` goes into the cookie (only now is it known in clear)."""

    token: str
    principal: TenantPrincipal
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class PinSlip:
    """What the counter prints for the tenant after setting a PIN."""

    site_name: str
    account_no: str
    tenant_name: str
    room: str
    pin: str
    set_at: datetime
    set_by: str


class LoginThrottle:
    """Failed sign-ins per client address in a sliding window (in memory, per portal process)."""

    def __init__(self, max_failures: int = 20, window_s: float = 900.0, max_clients: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_failures = max_failures
        self.window_s = window_s
        self.max_clients = max_clients
        self._clock = clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque[float]:
        times = self._failures.get(client)
        if times is None:
            return deque()
        while times and times[0] <= now - self.window_s:
            times.popleft()
        return times

    def check(self, client: str) -> None:
        """Raise TooManyAttempts while this client is over the limit."""
        if not client:
            return
        with self._lock:
            now = self._clock()
            times = self._recent(client, now)
            if len(times) >= self.max_failures:
                raise TooManyAttempts(QT_TRANSLATE_NOOP(
                    "errors", "Too many wrong sign-ins from this device: try again in {minutes} minutes."),
                    retry_after_s=int(times[0] + self.window_s - now) + 1)

    def failed(self, client: str) -> None:
        if not client:
            return
        with self._lock:
            now = self._clock()
            times = self._recent(client, now)
            times.append(now)
            self._failures[client] = times
            self._failures.move_to_end(client)
            while len(self._failures) > self.max_clients:
                self._failures.popitem(last=False)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)


def _open_tenant(s: Session, account_no: str) -> TenantRow | None:
    """The tenant with this 用户编号 whose account is open (None otherwise)."""
    return s.execute(select(TenantRow).join(TenantAccountRow, TenantAccountRow.tenant_id == TenantRow.id)
                     .where(TenantRow.account_no == account_no.strip(), TenantAccountRow.closed_at.is_(None))
                     .limit(1)).scalar_one_or_none()


def _rejected() -> PinRejected:
    return PinRejected(QT_TRANSLATE_NOOP("errors", "Wrong account number or PIN."))


def _locked(until: datetime) -> SignInLocked:
    return SignInLocked(QT_TRANSLATE_NOOP("errors", "Too many wrong PINs: sign-in is locked until {until}."),
                        until=until)


def _principal(row: TenantSessionRow, tenant: TenantRow, access: TenantAccessRow | None) -> TenantPrincipal:
    by_operator = access is not None and access.pin_set_by != "tenant"
    return TenantPrincipal(tenant.id, tenant.account_no, tenant.name, row.id, row.csrf_token, row.kiosk, by_operator)


def _idle(settings: dict[str, object], kiosk: bool) -> timedelta:
    if kiosk:
        return timedelta(seconds=2 * int(str(settings["portal_kiosk_idle_s"])))
    return timedelta(minutes=int(str(settings["portal_session_minutes"])))


class TenantPinService:
    """The counter's side: set or reset a tenant's portal PIN (needs the selling right)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.SELL)
    def set_pin(self, actor: Actor, account_no: str, pin: str | None = None) -> PinSlip:
        """Set (or reset) the PIN of the open account `account_no` (None: a random 6-digit one, on the slip);
        unlocks it and ends its sessions."""
        pin = generate_pin() if pin is None else check_pin(pin)
        pin_hash = hash_password(pin)  # slow: before the transaction
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            tenant = _open_tenant(s, account_no)
            if tenant is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No open account with number {no}."), no=account_no)
            access = s.get(TenantAccessRow, tenant.id, with_for_update=True)
            first = access is None
            if access is None:
                access = TenantAccessRow(tenant_id=tenant.id, pin_hash=pin_hash, pin_set_at=now,
                                         pin_set_by=actor.name, failed_pins=0, locked_until=None, sms_opt_out="")
                s.add(access)
            access.pin_hash, access.pin_set_at, access.pin_set_by = pin_hash, now, actor.name
            access.failed_pins, access.locked_until = 0, None
            ended = _end_sessions(s, tenant.id, now)
            audit.append(s, actor, "tenant.pin_set" if first else "tenant.pin_reset", f"account:{tenant.account_no}",
                         after={"sessions_ended": ended}, at=now)
            site_name = str(load_all(s)["site_name"])
            return PinSlip(site_name, tenant.account_no, tenant.name, tenant.room, pin, now, actor.name)


def _end_sessions(s: Session, tenant_id: int, now: datetime, keep: str | None = None) -> int:
    q = (update(TenantSessionRow).where(TenantSessionRow.tenant_id == tenant_id, TenantSessionRow.ended_at.is_(None))
         .values(ended_at=now))
    if keep is not None:
        q = q.where(TenantSessionRow.id != keep)
    return int(getattr(s.execute(q), "rowcount", 0) or 0)


class TenantSignIn:
    """Sign-in, session lookup, sign-out and PIN change for the portal (no operator involved)."""

    def __init__(self, ctx: ServiceContext, throttle: LoginThrottle | None = None) -> None:
        self.ctx = ctx
        self.throttle = throttle or LoginThrottle()

    def sign_in(self, account_no: str, pin: str, *, kiosk: bool = False, client: str = "") -> IssuedSession:
        """A new session for a right PIN; PinRejected, SignInLocked or TooManyAttempts otherwise."""
        self.throttle.check(client)
        account_no = (account_no or "").strip()[:20]
        with self.ctx.read() as s:
            tenant = _open_tenant(s, account_no) if account_no else None
            access = s.get(TenantAccessRow, tenant.id) if tenant is not None else None
            tenant_id = tenant.id if tenant is not None else None
            stored = access.pin_hash if access is not None else None
            locked_until = access.locked_until if access is not None else None
        if locked_until is not None and locked_until > self.ctx.clock():
            raise _locked(locked_until)
        good = verify_password(str(pin or ""), stored or _DUMMY_HASH) and stored is not None
        if tenant_id is None or stored is None:
            self.throttle.failed(client)
            raise _rejected()
        now = self.ctx.clock()
        failure: UserError | None = None
        with self.ctx.transaction() as s:
            tenant = s.get(TenantRow, tenant_id)
            row = s.get(TenantAccessRow, tenant_id, with_for_update=True)
            if tenant is None:
                raise _rejected()
            who = tenant_actor(tenant.account_no)
            if row is None or row.pin_hash != stored:  # the PIN changed meanwhile: try again
                raise _rejected()
            if row.locked_until is not None and row.locked_until > now:  # locked meanwhile
                raise _locked(row.locked_until)
            if not good:
                settings = load_all(s)
                row.failed_pins += 1
                failure = _rejected()
                if row.failed_pins >= int(settings["portal_pin_attempts"]):
                    row.locked_until = now + timedelta(minutes=int(settings["portal_lock_minutes"]))
                    row.failed_pins = 0
                    audit.append(s, who, "tenant.lock", f"account:{tenant.account_no}",
                                 after={"locked_until": row.locked_until.isoformat(), "client": client},
                                 reason="too many wrong PINs", at=now)
                    failure = _locked(row.locked_until)
            else:
                settings = load_all(s)
                row.failed_pins, row.locked_until = 0, None
                token = secrets.token_urlsafe(32)
                lifetime = KIOSK_LIFETIME if kiosk else PHONE_LIFETIME
                session = TenantSessionRow(id=token_id(token), tenant_id=tenant.id, csrf_token=secrets.token_urlsafe(24),
                                           kiosk=kiosk, client=client[:100], created_at=now, last_seen_at=now,
                                           expires_at=now + lifetime, ended_at=None)
                s.add(session)
                s.execute(update(TenantSessionRow).where(TenantSessionRow.expires_at < now - timedelta(days=30),
                                                         TenantSessionRow.tenant_id == tenant.id)
                          .values(ended_at=now))  # old rows stay (history) but are closed for good
                audit.append(s, who, "tenant.login", f"account:{tenant.account_no}",
                             after={"kiosk": kiosk, "client": client}, at=now)
                principal = _principal(session, tenant, row)
                expires = min(session.expires_at, now + _idle(settings, kiosk))
        if failure is not None:
            self.throttle.failed(client)
            raise failure
        self.throttle.succeeded(client)
        return IssuedSession(token, principal, expires)

    def principal(self, token: str | None) -> TenantPrincipal | None:
        """The tenant of a live session, or None (unknown, ended, expired, idle too long, account closed)."""
        if not token or len(token) > 100:
            return None
        sid = token_id(token)
        now = self.ctx.clock()
        with self.ctx.read() as s:
            found = s.execute(select(TenantSessionRow, TenantRow, TenantAccessRow)
                              .join(TenantRow, TenantRow.id == TenantSessionRow.tenant_id)
                              .outerjoin(TenantAccessRow, TenantAccessRow.tenant_id == TenantRow.id)
                              .where(TenantSessionRow.id == sid)).first()
            if found is None:
                return None
            row, tenant, access = found
            if row.ended_at is not None or row.expires_at <= now:
                return None
            settings = load_all(s)
            if row.last_seen_at + _idle(settings, row.kiosk) <= now:
                return None
            if _open_tenant(s, tenant.account_no) is None or access is None:
                return None
            principal = _principal(row, tenant, access)
            stale = (now - row.last_seen_at).total_seconds() >= min(TOUCH_EVERY_S, _idle(settings, row.kiosk)
                                                                     .total_seconds() / 4)
        if stale:
            with self.ctx.transaction() as s:
                s.execute(update(TenantSessionRow).where(TenantSessionRow.id == sid).values(last_seen_at=now))
        return principal

    def sign_out(self, principal: TenantPrincipal) -> None:
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            s.execute(update(TenantSessionRow).where(TenantSessionRow.id == principal.session_id,
                                                     TenantSessionRow.ended_at.is_(None)).values(ended_at=now))
            audit.append(s, principal.actor, "tenant.logout", f"account:{principal.account_no}", at=now)

    def change_pin(self, principal: TenantPrincipal, old_pin: str, new_pin: str) -> None:
        """The tenant's own PIN change: the current PIN is checked; other sessions end."""
        check_pin(new_pin)
        if new_pin == old_pin:
            from acrel_console.domain.errors import ValidationError

            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The new PIN is the same as the current one."),
                                  field="pin")
        with self.ctx.read() as s:
            access = s.get(TenantAccessRow, principal.tenant_id)
            stored = access.pin_hash if access is not None else _DUMMY_HASH
        if not verify_password(old_pin, stored):
            raise PinRejected(QT_TRANSLATE_NOOP("errors", "The current PIN is wrong."))
        new_hash = hash_password(new_pin)
        now = self.ctx.clock()
        with self.ctx.transaction() as s:
            row = s.get(TenantAccessRow, principal.tenant_id, with_for_update=True)
            if row is None or row.pin_hash != stored:
                raise PinRejected(QT_TRANSLATE_NOOP("errors", "The current PIN is wrong."))
            row.pin_hash, row.pin_set_at, row.pin_set_by = new_hash, now, "tenant"
            ended = _end_sessions(s, principal.tenant_id, now, keep=principal.session_id)
            audit.append(s, principal.actor, "tenant.pin_change", f"account:{principal.account_no}",
                         after={"other_sessions_ended": ended}, at=now)


def sms_opted_out(s: Session, meter_id: int, level: str) -> bool:
    """True when the tenant holding the meter turned texts of `level` off in the portal."""
    if level not in SMS_CHOICES:
        return False
    off = s.execute(select(TenantAccessRow.sms_opt_out)
                    .join(TenantAccountRow, TenantAccountRow.tenant_id == TenantAccessRow.tenant_id)
                    .join(AccountMeterRow, AccountMeterRow.account_id == TenantAccountRow.id)
                    .where(AccountMeterRow.meter_id == meter_id, AccountMeterRow.removed_at.is_(None),
                           TenantAccountRow.closed_at.is_(None)).limit(1)).scalar()
    return bool(off) and level in str(off).split(",")

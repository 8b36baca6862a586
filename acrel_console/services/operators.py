"""Operators: first administrator, login with lockout, create/disable/reset password/assign role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, UserError, ValidationError
from acrel_console.domain.roles import Permission, Role
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.services.passwords import hash_password, verify_password
from acrel_console.services.site_settings import load_all
from acrel_console.services.roles import custom_key, custom_role_of, decode_permissions, resolve_role
from acrel_console.storage.tables.operators import CustomRoleRow, OperatorCustomRoleRow, OperatorRow

MIN_PASSWORD_LENGTH = 6


@dataclass(frozen=True, slots=True)
class OperatorInfo:
    id: int
    name: str
    full_name: str
    role: Role
    enabled: bool
    locked_until: datetime | None
    role_name: str = ""  # a custom role's name (role is Role.CUSTOM)
    role_key: str = ""  # the role as the role editor names it: a built-in value or 'custom:<id>'


class LoginFailed(UserError):
    """Wrong name or password, disabled or locked account."""


def _info(s: Session, row: OperatorRow) -> OperatorInfo:
    custom = custom_role_of(s, row.id) if row.role == Role.CUSTOM.value else None
    if custom is not None:
        return OperatorInfo(row.id, row.name, row.full_name, Role.CUSTOM, row.enabled, row.locked_until, custom.name,
                            custom_key(custom.id))
    return OperatorInfo(row.id, row.name, row.full_name, Role(row.role), row.enabled, row.locked_until, "", row.role)


def _actor(s: Session, row: OperatorRow) -> Actor:
    """The signed-in operator; a custom role's permissions are read now (they apply until the next sign-in)."""
    if row.role == Role.CUSTOM.value:
        custom = custom_role_of(s, row.id)
        grants = decode_permissions(custom.permissions) if custom is not None else frozenset()
        return Actor(row.id, row.name, Role.CUSTOM, grants, custom.name if custom is not None else "")
    return Actor(row.id, row.name, Role(row.role))


def _assign(s: Session, row: OperatorRow, role: Role, custom: CustomRoleRow | None) -> str:
    """Give an operator a built-in or custom role; returns the role as the log names it."""
    row.role = role.value
    link = s.get(OperatorCustomRoleRow, row.id)
    if custom is None:
        if link is not None:
            s.delete(link)
        return role.value
    if link is None:
        s.add(OperatorCustomRoleRow(operator_id=row.id, role_id=custom.id))
    else:
        link.role_id = custom.id
    return f"{custom.name} ({custom_key(custom.id)})"


def _role_text(s: Session, row: OperatorRow) -> str:
    custom = custom_role_of(s, row.id) if row.role == Role.CUSTOM.value else None
    return row.role if custom is None else f"{custom.name} ({custom_key(custom.id)})"


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "An operator name is 1-64 characters without spaces."),
                              field="name")
    return name


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A password has at least {n} characters."),
                              field="password", n=MIN_PASSWORD_LENGTH)


def _role(s: Session, role: str | Role) -> tuple[Role, CustomRoleRow | None]:
    """A built-in operator role or a custom one (tenants sign in to the portal, never as operators)."""
    return resolve_role(s, role)


class OperatorService:
    """Operator accounts. Login and first-admin creation are the only unguarded entry points."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- unguarded: there is no actor yet ---------------------------------------------------
    def needs_first_admin(self) -> bool:
        """True on a fresh database: no operator exists yet."""
        with self.ctx.read() as s:
            return (s.execute(select(func.count(OperatorRow.id))).scalar() or 0) == 0

    def create_first_admin(self, name: str, password: str, full_name: str = "") -> Actor:
        """Create the first administrator; refused once any operator exists."""
        name = _check_name(name)
        _check_password(password)
        with self.ctx.transaction() as s:
            if (s.execute(select(func.count(OperatorRow.id))).scalar() or 0) > 0:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "The first administrator already exists."))
            row = OperatorRow(name=name, full_name=full_name, role=Role.ADMINISTRATOR.value,
                              password_hash=hash_password(password), created_at=self.ctx.clock())
            s.add(row)
            s.flush()
            actor = Actor(row.id, row.name, Role.ADMINISTRATOR)
            audit.append(s, actor, "operator.first_admin", name, after={"role": "administrator"}, at=self.ctx.clock())
            return actor

    def login(self, name: str, password: str) -> Actor:
        """Check a password; five wrong ones (configurable) lock the account for a while. Logged."""
        now = self.ctx.clock()
        failure: LoginFailed | None = None
        with self.ctx.transaction() as s:
            settings = load_all(s)
            row = s.execute(select(OperatorRow).where(OperatorRow.name == name.strip())).scalar_one_or_none()
            if row is None:
                raise LoginFailed(QT_TRANSLATE_NOOP("errors", "Wrong operator name or password."))
            if row.locked_until is not None and row.locked_until > now:
                raise LoginFailed(QT_TRANSLATE_NOOP("errors", "This account is locked until {until}."),
                                  until=self.ctx.site_clock.text(row.locked_until, seconds=False))
            if not row.enabled:
                raise LoginFailed(QT_TRANSLATE_NOOP("errors", "This account is disabled."))
            who = _actor(s, row)
            if not verify_password(password, row.password_hash):
                # The failure count (and a lock) must be committed, so the error is raised after commit.
                row.failed_logins += 1
                failure = LoginFailed(QT_TRANSLATE_NOOP("errors", "Wrong operator name or password."))
                if row.failed_logins >= settings["lockout_attempts"]:
                    row.locked_until = now + timedelta(minutes=settings["lockout_minutes"])
                    row.failed_logins = 0
                    audit.append(s, who, "operator.lock", row.name, after={"locked_until": row.locked_until.isoformat()},
                                 reason="too many wrong passwords", at=now)
                    failure = LoginFailed(QT_TRANSLATE_NOOP("errors", "Too many wrong passwords: locked until {until}."),
                                          until=self.ctx.site_clock.text(row.locked_until, seconds=False))
            else:
                if row.locked_until is not None:
                    audit.append(s, who, "operator.unlock", row.name, reason="lock expired", at=now)
                    row.locked_until = None
                row.failed_logins = 0
                audit.append(s, who, "operator.login", row.name, at=now)
        if failure is not None:
            raise failure
        return who

    # --- guarded ---------------------------------------------------------------------------
    @requires(Permission.VIEW)
    def list(self, actor: Actor) -> list[OperatorInfo]:
        with self.ctx.read() as s:
            return [_info(s, r) for r in s.execute(select(OperatorRow).order_by(OperatorRow.name)).scalars()]

    @requires(Permission.MANAGE_OPERATORS)
    def add(self, actor: Actor, name: str, role: str | Role, password: str, full_name: str = "") -> OperatorInfo:
        name = _check_name(name)
        _check_password(password)
        with self.ctx.transaction() as s:
            r, custom = _role(s, role)
            if s.execute(select(OperatorRow.id).where(OperatorRow.name == name)).first():
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "An operator named {name} already exists."), name=name)
            row = OperatorRow(name=name, full_name=full_name, role=r.value, password_hash=hash_password(password),
                              created_at=self.ctx.clock())
            s.add(row)
            s.flush()
            text = _assign(s, row, r, custom)
            audit.append(s, actor, "operator.add", name, after={"role": text, "full_name": full_name},
                         at=self.ctx.clock())
            return _info(s, row)

    def _get(self, s: Session, name: str) -> OperatorRow:
        row = s.execute(select(OperatorRow).where(OperatorRow.name == name)).scalar_one_or_none()
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No operator named {name}."), name=name)
        return row

    def _admins_left(self, s: Session, excluding: int) -> int:
        return s.execute(select(func.count(OperatorRow.id)).where(
            OperatorRow.role == Role.ADMINISTRATOR.value, OperatorRow.enabled.is_(True),
            OperatorRow.id != excluding)).scalar() or 0

    @requires(Permission.MANAGE_OPERATORS)
    def set_enabled(self, actor: Actor, name: str, enabled: bool) -> OperatorInfo:
        with self.ctx.transaction() as s:
            row = self._get(s, name)
            if not enabled and row.role == Role.ADMINISTRATOR.value and self._admins_left(s, row.id) == 0:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "The last enabled administrator cannot be disabled."))
            before = row.enabled
            row.enabled = enabled
            if enabled:
                row.locked_until, row.failed_logins = None, 0
            audit.append(s, actor, "operator.enable" if enabled else "operator.disable", name,
                         before={"enabled": before}, after={"enabled": enabled}, at=self.ctx.clock())
            return _info(s, row)

    @requires(Permission.MANAGE_OPERATORS)
    def set_role(self, actor: Actor, name: str, role: str | Role) -> OperatorInfo:
        """角色授权 to an operator: a built-in role's value, 'custom:<id>' or a custom role's name."""
        with self.ctx.transaction() as s:
            r, custom = _role(s, role)
            row = self._get(s, name)
            if row.role == Role.ADMINISTRATOR.value and r != Role.ADMINISTRATOR and self._admins_left(s, row.id) == 0:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "The last enabled administrator must stay an administrator."))
            before = _role_text(s, row)
            after = _assign(s, row, r, custom)
            audit.append(s, actor, "operator.role", name, before={"role": before}, after={"role": after},
                         at=self.ctx.clock())
            return _info(s, row)

    @requires(Permission.MANAGE_OPERATORS)
    def reset_password(self, actor: Actor, name: str, new_password: str) -> None:
        _check_password(new_password)
        with self.ctx.transaction() as s:
            row = self._get(s, name)
            row.password_hash = hash_password(new_password)
            row.failed_logins, row.locked_until = 0, None
            audit.append(s, actor, "operator.passwd", name, reason="password reset", at=self.ctx.clock())

    @requires(Permission.VIEW)
    def change_own_password(self, actor: Actor, old_password: str, new_password: str) -> None:
        _check_password(new_password)
        with self.ctx.transaction() as s:
            row = self._get(s, actor.name)
            if not verify_password(old_password, row.password_hash):
                raise LoginFailed(QT_TRANSLATE_NOOP("errors", "The current password is wrong."))
            row.password_hash = hash_password(new_password)
            audit.append(s, actor, "operator.passwd", actor.name, reason="own password changed", at=self.ctx.clock())

    @requires(Permission.VIEW)
    def verify_approver(self, actor: Actor, name: str, password: str, permission: Permission) -> Actor:
        """Second login for approvals (reversals, shift close): a different operator with the right."""
        from acrel_console.services.base import check_permission

        if name.strip() == actor.name:
            raise LoginFailed(QT_TRANSLATE_NOOP("errors", "The approver must be a different operator."))
        approver = self.login(name, password)
        check_permission(approver, permission)
        return approver

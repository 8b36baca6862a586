"""权限管理: the role editor. Built-in roles are read-only; a custom role is a copy of one with permissions
ticked in a tree, assigned to operators like a built-in role. Every change is in the operation log.

A custom role's permissions are read when its operator signs in (services.base.Actor.grants): a change
applies from the operator's next sign-in, as a change of an operator's built-in role does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from acrel_console.domain.roles import OPERATOR_ROLES, ROLE_LABELS, ROLE_PERMISSIONS, Permission, Role
from acrel_console.services import audit
from acrel_console.services.base import Actor, ServiceContext, requires
from acrel_console.storage.tables.operators import CustomRoleRow, OperatorCustomRoleRow, OperatorRow

CUSTOM_PREFIX = "custom:"
RESERVED = frozenset(r.value for r in Role) | frozenset(ROLE_LABELS[r].lower() for r in Role)


@dataclass(frozen=True, slots=True)
class RoleInfo:
    """A role as the editor lists it. `key`: a built-in role's value or 'custom:<id>'; `name`: a built-in
    role's English label (translate with context 'roles') or the custom role's own name."""

    key: str
    name: str
    builtin: bool
    permissions: frozenset[Permission]
    based_on: str
    operators: int


def custom_key(role_id: int) -> str:
    return f"{CUSTOM_PREFIX}{role_id}"


def encode_permissions(permissions: Iterable[Permission]) -> str:
    return ",".join(sorted(p.value for p in permissions))


def decode_permissions(text: str) -> frozenset[Permission]:
    return frozenset(Permission(p) for p in text.split(",") if p)


def custom_role_of(s: Session, operator_id: int) -> CustomRoleRow | None:
    """The custom role an operator holds (None: a built-in role)."""
    link = s.get(OperatorCustomRoleRow, operator_id)
    return None if link is None else s.get(CustomRoleRow, link.role_id)


def resolve_role(s: Session, ref: str | Role) -> tuple[Role, CustomRoleRow | None]:
    """A role reference — a built-in role's value, 'custom:<id>' or a custom role's name — as (role, custom row)."""
    text = ref.value if isinstance(ref, Role) else str(ref or "").strip()
    if text in {r.value for r in OPERATOR_ROLES}:
        return Role(text), None
    row: CustomRoleRow | None = None
    if text.startswith(CUSTOM_PREFIX) and text[len(CUSTOM_PREFIX):].isdigit():
        row = s.get(CustomRoleRow, int(text[len(CUSTOM_PREFIX):]))
    elif text:
        row = s.execute(select(CustomRoleRow).where(CustomRoleRow.name == text)).scalar_one_or_none()
    if row is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown role '{role}'."), field="role", role=text)
    return Role.CUSTOM, row


def _check_name(s: Session, name: str, role_id: int | None) -> str:
    name = " ".join(str(name or "").split())
    if not name or len(name) > 64:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A role name is 1-64 characters."), field="name")
    if name.lower() in RESERVED or name.lower().startswith(CUSTOM_PREFIX):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "'{name}' is the name of a built-in role."), field="name",
                              name=name)
    same = s.execute(select(CustomRoleRow.id).where(func.lower(CustomRoleRow.name) == name.lower())).scalar()
    if same is not None and same != role_id:
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "A role named {name} already exists."), name=name)
    return name


def _permissions(values: Iterable[str | Permission]) -> frozenset[Permission]:
    out = set()
    for v in values:
        try:
            out.add(Permission(v))
        except ValueError:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown permission '{permission}'."),
                                  field="permissions", permission=str(v)) from None
    return frozenset(out)


class RoleService:
    """List the roles; copy, rename, re-tick and delete custom ones. Built-in roles never change."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _custom(self, s: Session, key: str) -> CustomRoleRow:
        role, row = resolve_role(s, key)
        if row is None:
            raise ConflictError(QT_TRANSLATE_NOOP(
                "errors", "The built-in role {role} cannot be changed: copy it and change the copy."), role=role.value)
        return row

    def _info(self, s: Session, row: CustomRoleRow) -> RoleInfo:
        n = s.execute(select(func.count()).where(OperatorCustomRoleRow.role_id == row.id)).scalar() or 0
        return RoleInfo(custom_key(row.id), row.name, False, decode_permissions(row.permissions), row.based_on, int(n))

    @requires(Permission.VIEW)
    def list_roles(self, actor: Actor) -> list[RoleInfo]:
        """The built-in roles (in their fixed order), then the custom ones by name."""
        with self.ctx.read() as s:
            held = dict(s.execute(select(OperatorRow.role, func.count()).group_by(OperatorRow.role)).all())
            out = [RoleInfo(r.value, ROLE_LABELS[r], True, ROLE_PERMISSIONS[r], "", int(held.get(r.value, 0)))
                   for r in OPERATOR_ROLES]
            rows = s.execute(select(CustomRoleRow).order_by(CustomRoleRow.name)).scalars().all()
            return out + [self._info(s, r) for r in rows]

    @requires(Permission.MANAGE_OPERATORS)
    def copy_role(self, actor: Actor, source: str, name: str) -> RoleInfo:
        """角色设置: a new custom role with the permissions of `source` (a built-in or a custom role)."""
        at = self.ctx.clock()
        with self.ctx.transaction() as s:
            role, src = resolve_role(s, source)
            perms = decode_permissions(src.permissions) if src is not None else ROLE_PERMISSIONS[role]
            based_on = src.name if src is not None else role.value
            row = CustomRoleRow(name=_check_name(s, name, None), based_on=based_on, permissions=encode_permissions(perms),
                                created_at=at, created_by=actor.name, updated_at=at, updated_by=actor.name)
            s.add(row)
            s.flush()
            audit.append(s, actor, "role.copy", f"role:{row.name}",
                         after={"based_on": based_on, "permissions": sorted(p.value for p in perms)}, at=at)
            return self._info(s, row)

    @requires(Permission.MANAGE_OPERATORS)
    def set_permissions(self, actor: Actor, key: str, permissions: Iterable[str | Permission]) -> RoleInfo:
        """角色授权: the permissions ticked in the tree replace the custom role's; built-in roles refuse."""
        perms = _permissions(permissions)
        return self._change_permissions(actor, key, lambda _before: perms)

    @requires(Permission.MANAGE_OPERATORS)
    def grant(self, actor: Actor, key: str, permissions: Iterable[str | Permission]) -> RoleInfo:
        """Add permissions to a custom role (those it holds already stay; `role grant`)."""
        perms = _permissions(permissions)
        return self._change_permissions(actor, key, lambda before: before | perms)

    @requires(Permission.MANAGE_OPERATORS)
    def revoke(self, actor: Actor, key: str, permissions: Iterable[str | Permission]) -> RoleInfo:
        """Take permissions from a custom role (`role revoke`)."""
        perms = _permissions(permissions)
        return self._change_permissions(actor, key, lambda before: before - perms)

    def _change_permissions(self, actor: Actor, key: str,
                            change: Callable[[frozenset[Permission]], frozenset[Permission]]) -> RoleInfo:
        """The custom role's permissions become change(current), read and written in one transaction; logged."""
        at = self.ctx.clock()
        with self.ctx.transaction() as s:
            found = s.get(CustomRoleRow, self._custom(s, key).id, with_for_update=True, populate_existing=True)
            assert found is not None  # just resolved; a concurrent grant waits for this one (PostgreSQL)
            row = found
            before = decode_permissions(row.permissions)
            perms = change(before)
            if before != perms:
                row.permissions, row.updated_at, row.updated_by = encode_permissions(perms), at, actor.name
                audit.append(s, actor, "role.permissions", f"role:{row.name}",
                             before={"permissions": sorted(p.value for p in before)},
                             after={"permissions": sorted(p.value for p in perms),
                                    "added": sorted(p.value for p in perms - before),
                                    "removed": sorted(p.value for p in before - perms)}, at=at)
            return self._info(s, row)

    @requires(Permission.MANAGE_OPERATORS)
    def rename_role(self, actor: Actor, key: str, name: str) -> RoleInfo:
        at = self.ctx.clock()
        with self.ctx.transaction() as s:
            row = self._custom(s, key)
            new = _check_name(s, name, row.id)
            if new != row.name:
                audit.append(s, actor, "role.rename", f"role:{row.name}", before={"name": row.name},
                             after={"name": new}, at=at)
                row.name, row.updated_at, row.updated_by = new, at, actor.name
            return self._info(s, row)

    @requires(Permission.MANAGE_OPERATORS)
    def delete_role(self, actor: Actor, key: str) -> None:
        """Remove a custom role no operator holds."""
        at = self.ctx.clock()
        with self.ctx.transaction() as s:
            row = self._custom(s, key)
            holders = s.execute(select(OperatorRow.name).join(
                OperatorCustomRoleRow, OperatorCustomRoleRow.operator_id == OperatorRow.id)
                .where(OperatorCustomRoleRow.role_id == row.id).order_by(OperatorRow.name)).scalars().all()
            if holders:
                raise ConflictError(QT_TRANSLATE_NOOP("errors", "Role {name} is held by {operators}: give them another "
                                                                "role first."), name=row.name,
                                    operators=", ".join(holders))
            audit.append(s, actor, "role.delete", f"role:{row.name}",
                         before={"based_on": row.based_on, "permissions": row.permissions.split(",") if row.permissions
                                 else []}, at=at)
            s.delete(row)

"""What every service shares: the signed-in actor, the context, the permission guard."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, ParamSpec, TypeVar

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, PermissionDenied
from acrel_console.domain.roles import ROLE_PERMISSIONS, Permission, Role
from acrel_console.services.site_clock import SiteClock
from acrel_console.services.write_gate import FairWriteGate

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Actor:
    """The signed-in operator on whose behalf a service acts."""

    id: int | None
    name: str
    role: Role
    # A custom role's permissions and name, read from the role editor's table when the operator signs in
    # (Role.CUSTOM only: a built-in role's permissions are fixed in domain.roles and cannot be widened here).
    grants: frozenset[Permission] | None = None
    role_name: str = ""

    @property
    def permissions(self) -> frozenset[Permission]:
        """What this actor may do."""
        if self.role is Role.CUSTOM:
            return self.grants or frozenset()
        return ROLE_PERMISSIONS[self.role]

    def allows(self, permission: Permission) -> bool:
        return permission in self.permissions

    @property
    def role_text(self) -> str:
        """The role as a message names it: a custom role's name, else the built-in role's value."""
        return self.role_name if self.role is Role.CUSTOM and self.role_name else self.role.value

    @staticmethod
    def system() -> Actor:
        """The console itself (poller, dispatcher, alarm engine)."""
        return Actor(id=None, name="system", role=Role.ADMINISTRATOR)


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class ServiceContext:
    """Composition-root product handed to every service: database, clock, site secrets."""

    engine: Engine
    session_factory: sessionmaker[Session]
    db_url: str
    clock: Callable[[], datetime] = _utcnow
    site_key: bytes | None = None  # 3DES site key for delivery MACs; never stored in the database
    extras: dict[str, Any] = field(default_factory=dict)
    site_clock: SiteClock = field(init=False)
    write_gate: FairWriteGate | None = field(init=False, default=None)  # SQLite only (see FairWriteGate)

    def __post_init__(self) -> None:
        # The one source of "now" and "today" in the site's zone; follows `clock` even when a test swaps it.
        self.site_clock = SiteClock(lambda: self.clock(), self._load_zone_name)
        if self.engine.dialect.name == "sqlite":
            self.write_gate = FairWriteGate()

    def _load_zone_name(self) -> str:
        """The 'timezone' setting, read outside any session: a service may ask for the zone while its own
        write transaction holds the SQLite lock, and a second session would wait for that lock."""
        from sqlalchemy import select

        from acrel_console.services.site_clock import DEFAULT_ZONE
        from acrel_console.storage.tables.site import SiteSettingRow

        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            value = conn.execute(select(SiteSettingRow.value).where(SiteSettingRow.key == "timezone")).scalar()
        return str(value or DEFAULT_ZONE)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One database transaction: commit on success, roll back on any error. On SQLite this process's
        writers take turns in arrival order (FairWriteGate)."""
        with self.write_gate or nullcontext(), self.session_factory() as session, session.begin():
            session.info["ctx"] = self  # the operation log keys its rows with this context's site key
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end). On SQLite it begins DEFERRED: a WAL snapshot that
        never takes the write lock (storage.engine), so readers do not hold up a sale."""
        from acrel_console.storage.engine import READ_ONLY

        with self.session_factory(bind=self.engine.execution_options(**{READ_ONLY: True})) as session:
            session.info["ctx"] = self
            try:
                yield session
            finally:
                session.rollback()


REQUIRED_PERMISSION_ATTR = "__required_permission__"


def check_permission(actor: Actor, permission: Permission) -> None:
    """Raise PermissionDenied unless the actor's role (built-in or custom) holds the permission."""
    if not actor.allows(permission):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "{name} ({role}) may not do this: it needs the '{permission}' right."),
            name=actor.name,
            role=actor.role_text,
            permission=permission.value,
        )


def requires(permission: Permission) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Guard a service method `(self, actor, ...)`: the permission is checked before anything else."""

    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            actor = kwargs.get("actor", args[1] if len(args) > 1 else None)
            if not isinstance(actor, Actor):
                raise TypeError(f"{fn.__qualname__} needs an Actor as its first argument")
            check_permission(actor, permission)
            return fn(*args, **kwargs)

        setattr(wrapper, REQUIRED_PERMISSION_ATTR, permission)
        return wrapper

    return decorate

"""Operator roles and the permissions each one holds (design §11)."""

from __future__ import annotations

import enum

from acrel_console.domain.errors import QT_TRANSLATE_NOOP


class Role(str, enum.Enum):
    ADMINISTRATOR = "administrator"
    OPERATOR = "operator"
    CASHIER = "cashier"
    SUPERVISOR = "supervisor"
    AUDITOR = "auditor"
    TENANT = "tenant"  # a tenant signed in to the self-service portal: holds no operator permission
    SERVICE = "service"  # the site service's own sign-in (`serve`, `poll`): runs meters, changes nothing else


OPERATOR_ROLES: tuple[Role, ...] = tuple(r for r in Role if r is not Role.TENANT)  # what an operator may be


ROLE_LABELS: dict[Role, str] = {
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("roles", "Administrator"),
    Role.OPERATOR: QT_TRANSLATE_NOOP("roles", "Operator"),
    Role.CASHIER: QT_TRANSLATE_NOOP("roles", "Cashier"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("roles", "Supervisor"),
    Role.AUDITOR: QT_TRANSLATE_NOOP("roles", "Auditor"),
    Role.TENANT: QT_TRANSLATE_NOOP("roles", "Tenant"),
    Role.SERVICE: QT_TRANSLATE_NOOP("roles", "Site service"),
}


class Permission(str, enum.Enum):
    """What a service operation needs. Every service entry point names exactly one."""

    VIEW = "view"  # read meters, records, reports, logs
    MANAGE_OPERATORS = "manage_operators"
    CONFIGURE_SITE = "configure_site"  # buildings, gateways, meters, defaults, import
    CONTROL_METERS = "control_meters"  # trip/close/keep power/restore/downloads/clock
    SELL = "sell"  # sales, refunds, account open/close, meter replacement
    APPROVE_REVERSAL = "approve_reversal"
    CLOSE_SHIFT = "close_shift"
    MANAGE_TARIFFS = "manage_tariffs"
    ACK_ALARMS = "ack_alarms"
    MAINTAIN = "maintain"  # backups, restore, integrity checks
    RUN_SERVICE = "run_service"  # poll meters and execute queued commands (`serve`, `poll`)


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMINISTRATOR: frozenset(Permission),
    Role.OPERATOR: frozenset(
        {Permission.VIEW, Permission.CONFIGURE_SITE, Permission.CONTROL_METERS,
         Permission.MANAGE_TARIFFS, Permission.ACK_ALARMS}
    ),
    Role.CASHIER: frozenset({Permission.VIEW, Permission.SELL}),
    Role.SUPERVISOR: frozenset(
        {Permission.VIEW, Permission.SELL, Permission.APPROVE_REVERSAL, Permission.CLOSE_SHIFT,
         Permission.ACK_ALARMS}
    ),
    Role.AUDITOR: frozenset({Permission.VIEW}),
    # Tenants act only through services.tenant_portal, which checks what they may do (their own meters);
    # every operator service refuses them.
    Role.TENANT: frozenset(),
    Role.SERVICE: frozenset({Permission.VIEW, Permission.RUN_SERVICE}),
}


def role_allows(role: Role, permission: Permission) -> bool:
    """True when the role holds the permission."""
    return permission in ROLE_PERMISSIONS[role]

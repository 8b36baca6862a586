"""Operator roles and the permissions each one holds (design §11); the permission tree of the role editor."""

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
    # A role made in the role editor (权限管理): a copy of a built-in role with permissions ticked in a tree.
    # Its permissions are the signed-in actor's grants (services.base.Actor), read from the database at sign-in.
    CUSTOM = "custom"


# The built-in roles an operator may hold (read-only; the role editor copies them).
OPERATOR_ROLES: tuple[Role, ...] = tuple(r for r in Role if r not in (Role.TENANT, Role.CUSTOM))


ROLE_LABELS: dict[Role, str] = {
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("roles", "Administrator"),
    Role.OPERATOR: QT_TRANSLATE_NOOP("roles", "Operator"),
    Role.CASHIER: QT_TRANSLATE_NOOP("roles", "Cashier"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("roles", "Supervisor"),
    Role.AUDITOR: QT_TRANSLATE_NOOP("roles", "Auditor"),
    Role.TENANT: QT_TRANSLATE_NOOP("roles", "Tenant"),
    Role.SERVICE: QT_TRANSLATE_NOOP("roles", "Site service"),
    Role.CUSTOM: QT_TRANSLATE_NOOP("roles", "Custom role"),
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
    MANAGE_SECRETS = "manage_secrets"  # merchant keys and gateway credentials kept beside the site key


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
    Role.CUSTOM: frozenset(),  # a custom role's permissions travel with the actor (grants), never by the enum
}


def role_allows(role: Role, permission: Permission) -> bool:
    """True when the role holds the permission."""
    return permission in ROLE_PERMISSIONS[role]


PERMISSION_LABELS: dict[Permission, str] = {
    Permission.VIEW: QT_TRANSLATE_NOOP("permissions", "View meters, records, reports and logs"),
    Permission.SELL: QT_TRANSLATE_NOOP("permissions", "Sell, refund, open and close accounts"),
    Permission.APPROVE_REVERSAL: QT_TRANSLATE_NOOP("permissions", "Approve reversals and claims"),
    Permission.CLOSE_SHIFT: QT_TRANSLATE_NOOP("permissions", "Close cashier shifts"),
    Permission.CONTROL_METERS: QT_TRANSLATE_NOOP("permissions", "Control meters and download settings"),
    Permission.MANAGE_TARIFFS: QT_TRANSLATE_NOOP("permissions", "Manage tariffs"),
    Permission.ACK_ALARMS: QT_TRANSLATE_NOOP("permissions", "Acknowledge alarms"),
    Permission.CONFIGURE_SITE: QT_TRANSLATE_NOOP("permissions", "Configure buildings, gateways and meters"),
    Permission.MAINTAIN: QT_TRANSLATE_NOOP("permissions", "Backups, restore and integrity checks"),
    Permission.RUN_SERVICE: QT_TRANSLATE_NOOP("permissions", "Run the site service (poll and dispatch)"),
    Permission.MANAGE_OPERATORS: QT_TRANSLATE_NOOP("permissions", "Manage operators and roles"),
    Permission.MANAGE_SECRETS: QT_TRANSLATE_NOOP("permissions", "Set payment merchant keys and other secrets"),
}

# The role editor's permission tree (角色授权): Acrel-3200's modules, each with the rights under it.
PERMISSION_GROUPS: tuple[tuple[str, tuple[Permission, ...]], ...] = (
    (QT_TRANSLATE_NOOP("permissions", "Reports and queries"), (Permission.VIEW,)),
    (QT_TRANSLATE_NOOP("permissions", "Sales"), (Permission.SELL, Permission.APPROVE_REVERSAL, Permission.CLOSE_SHIFT)),
    (QT_TRANSLATE_NOOP("permissions", "Meter operations"),
     (Permission.CONTROL_METERS, Permission.MANAGE_TARIFFS, Permission.ACK_ALARMS)),
    (QT_TRANSLATE_NOOP("permissions", "System settings"),
     (Permission.CONFIGURE_SITE, Permission.MAINTAIN, Permission.RUN_SERVICE, Permission.MANAGE_SECRETS)),
    (QT_TRANSLATE_NOOP("permissions", "Sign-in management"), (Permission.MANAGE_OPERATORS,)),
)

"""权限管理 (issue 14): copy a built-in role, tick its permissions, assign it; built-in roles stay read-only;
every change is in the operation log; the services check a custom role's permissions like a built-in one's."""

from __future__ import annotations

import json

import pytest

from acrel_console.domain.errors import ConflictError, PermissionDenied, ValidationError
from acrel_console.domain.roles import ROLE_PERMISSIONS, Permission, Role
from acrel_console.services.roles import RoleService
from tests.services.helpers import make_services

PW = "secret12"


def test_copy_tick_assign_and_the_services_check_it(db_url: str) -> None:
    svc, admin = make_services(db_url)
    roles = RoleService(svc.ctx)
    builtin = roles.list_roles(admin)
    assert [r.key for r in builtin if r.builtin] == ["administrator", "operator", "cashier", "supervisor", "auditor",
                                                      "service"]
    night = roles.copy_role(admin, "cashier", "夜班收银")
    assert (night.builtin, night.based_on, night.permissions) == (False, "cashier", ROLE_PERMISSIONS[Role.CASHIER])
    # tick 'approve reversals', untick 'sell'
    night = roles.set_permissions(admin, night.key, {Permission.VIEW.value, Permission.APPROVE_REVERSAL.value})
    assert night.permissions == {Permission.VIEW, Permission.APPROVE_REVERSAL}
    svc.operators.add(admin, "li", night.key, PW, "Li")
    [li] = [o for o in svc.operators.list(admin) if o.name == "li"]
    assert (li.role, li.role_name, li.role_key) == (Role.CUSTOM, "夜班收银", night.key)
    actor = svc.operators.login("li", PW)
    assert actor.role is Role.CUSTOM and actor.permissions == {Permission.VIEW, Permission.APPROVE_REVERSAL}
    assert [o.name for o in svc.operators.list(actor)]  # VIEW: allowed by the service
    with pytest.raises(PermissionDenied) as denied:  # SELL was unticked: refused by the service itself
        svc.accounts.open_account(actor, "T", "R1", [1])
    assert "夜班收银" in denied.value.english()
    with pytest.raises(PermissionDenied):
        roles.copy_role(actor, "cashier", "mine")  # managing roles needs the operators right
    # a change applies from the next sign-in
    roles.set_permissions(admin, night.key, [Permission.VIEW])
    assert actor.permissions == {Permission.VIEW, Permission.APPROVE_REVERSAL}
    assert svc.operators.login("li", PW).permissions == {Permission.VIEW}
    # rename, then assign by name and back to a built-in role
    roles.rename_role(admin, night.key, "夜班")
    svc.operators.set_role(admin, "li", "auditor")
    assert svc.operators.login("li", PW).role is Role.AUDITOR
    svc.operators.set_role(admin, "li", "夜班")
    assert svc.operators.login("li", PW).role_name == "夜班"
    with pytest.raises(ConflictError):  # still held by li
        roles.delete_role(admin, night.key)
    svc.operators.set_role(admin, "li", "cashier")
    roles.delete_role(admin, night.key)
    assert [r.key for r in roles.list_roles(admin) if not r.builtin] == []
    kinds = [e.kind for e in reversed(svc.audit.list(admin)) if e.kind.startswith(("role.", "operator.role"))]
    assert kinds == ["role.copy", "role.permissions", "role.permissions", "role.rename", "operator.role",
                     "operator.role", "operator.role", "role.delete"]
    [change] = [e for e in svc.audit.list(admin, kind="role.permissions")][-1:]
    assert json.loads(change.after)["removed"] == ["sell"] and json.loads(change.after)["added"] == ["approve_reversal"]
    assert svc.audit.verify(admin).ok
    svc.close()


def test_built_in_roles_are_read_only_and_names_are_checked(db_url: str) -> None:
    svc, admin = make_services(db_url)
    roles = RoleService(svc.ctx)
    for change in (lambda: roles.set_permissions(admin, "cashier", ["view"]), lambda: roles.rename_role(admin, "auditor", "x"),
                   lambda: roles.delete_role(admin, "administrator")):
        with pytest.raises(ConflictError):
            change()
    assert next(r for r in roles.list_roles(admin) if r.key == "cashier").permissions == ROLE_PERMISSIONS[Role.CASHIER]
    for bad in ("cashier", "Administrator", "custom:7", "", "x" * 65):
        with pytest.raises(ValidationError):
            roles.copy_role(admin, "cashier", bad)
    copy = roles.copy_role(admin, "operator", "Night desk")
    with pytest.raises(ConflictError):
        roles.copy_role(admin, copy.key, "night  DESK")  # names are unique, spaces and case aside
    with pytest.raises(ValidationError):
        roles.set_permissions(admin, copy.key, ["view", "fly"])
    with pytest.raises(ValidationError):
        svc.operators.add(admin, "x", "tenant", PW)
    with pytest.raises(ValidationError):
        svc.operators.set_role(admin, "admin", "no such role")
    assert not svc.audit.list(admin, kind="role.permissions")
    svc.close()

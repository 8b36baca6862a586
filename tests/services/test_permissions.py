"""Every role x every service operation: the permission check happens in the service, first."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any

import pytest

import acrel_console.services as services_pkg
from acrel_console.domain.errors import PermissionDenied
from acrel_console.domain.roles import ROLE_PERMISSIONS, Permission, Role
from acrel_console.services.base import REQUIRED_PERMISSION_ATTR, Actor

# Entry points that run before anyone is signed in, or that take no actor by design.
UNGUARDED = {"OperatorService.needs_first_admin", "OperatorService.create_first_admin", "OperatorService.login"}


def _service_classes() -> list[type]:
    classes = []
    for mod in pkgutil.walk_packages(services_pkg.__path__, services_pkg.__name__ + "."):
        module = importlib.import_module(mod.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and cls.__name__.endswith("Service"):
                classes.append(cls)
    return classes


def _operations() -> list[tuple[str, Any]]:
    ops = []
    for cls in _service_classes():
        for name, fn in inspect.getmembers(cls, inspect.isfunction):
            if name.startswith("_"):
                continue
            params = list(inspect.signature(fn).parameters)
            if len(params) < 2 or params[1] != "actor":
                continue  # helpers that take a session, not an actor (called inside guarded operations)
            ops.append((f"{cls.__name__}.{name}", fn))
    return ops


OPERATIONS = _operations()


def test_every_operation_with_an_actor_is_guarded() -> None:
    assert len(OPERATIONS) >= 20
    unguarded = [q for q, fn in OPERATIONS if not hasattr(fn, REQUIRED_PERMISSION_ATTR) and q not in UNGUARDED]
    assert unguarded == []


def test_role_matrix_matches_design() -> None:
    allows = {r: ROLE_PERMISSIONS[r] for r in Role}
    assert Permission.CONFIGURE_SITE not in allows[Role.CASHIER]
    assert Permission.SELL not in allows[Role.OPERATOR]
    assert allows[Role.AUDITOR] == {Permission.VIEW}
    assert Permission.APPROVE_REVERSAL in allows[Role.SUPERVISOR]
    assert allows[Role.ADMINISTRATOR] == set(Permission)


def _custom(name: str, permissions: frozenset[Permission]) -> Actor:
    return Actor(id=999, name="probe", role=Role.CUSTOM, grants=permissions, role_name=name)


# Every built-in role, then custom roles (权限管理) as the role editor makes them: one right each, none, every
# right but managing operators, and a copy of the cashier with approvals ticked.
PROBES: list[tuple[str, Actor, frozenset[Permission]]] = [
    (r.value, Actor(id=999, name="probe", role=r), ROLE_PERMISSIONS[r]) for r in Role]
PROBES += [(f"custom-{p.value}", _custom(f"only {p.value}", frozenset({p})), frozenset({p})) for p in Permission]
PROBES += [(name, _custom(name, perms), perms) for name, perms in (
    ("custom-none", frozenset()),
    ("custom-all-but-operators", frozenset(Permission) - {Permission.MANAGE_OPERATORS}),
    ("custom-cashier-approves", ROLE_PERMISSIONS[Role.CASHIER] | {Permission.APPROVE_REVERSAL}))]


def test_a_custom_role_never_borrows_a_built_in_roles_rights() -> None:
    assert Actor(1, "x", Role.CUSTOM).permissions == frozenset()  # no grants read: nothing
    assert Actor(1, "x", Role.CASHIER, grants=frozenset(Permission)).permissions == ROLE_PERMISSIONS[Role.CASHIER]


@pytest.mark.parametrize("probe, actor, allowed", PROBES, ids=[p[0] for p in PROBES])
@pytest.mark.parametrize("qualname, fn", [op for op in OPERATIONS if hasattr(op[1], REQUIRED_PERMISSION_ATTR)],
                         ids=[q for q, f in OPERATIONS if hasattr(f, REQUIRED_PERMISSION_ATTR)])
def test_role_x_operation(probe: str, actor: Actor, allowed: frozenset[Permission], qualname: str, fn: Any) -> None:
    """A forbidden role (built-in or custom) is refused before the operation touches anything (its arguments
    are never read); an allowed role passes the guard."""
    needed: Permission = getattr(fn, REQUIRED_PERMISSION_ATTR)
    sentinel = object()  # 'self' that would explode on first use
    n_params = len(inspect.signature(fn).parameters)
    args = [sentinel, actor] + [sentinel] * (n_params - 2)
    if needed in allowed:
        try:  # passes the guard, then usually fails on the sentinel 'self'
            fn(*args)
        except PermissionDenied:
            pytest.fail(f"{qualname} refused {probe}")
        except Exception:  # noqa: BLE001 - anything but PermissionDenied means the guard let it through
            pass
    else:
        with pytest.raises(PermissionDenied):
            fn(*args)

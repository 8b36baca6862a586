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


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("qualname, fn", [op for op in OPERATIONS if hasattr(op[1], REQUIRED_PERMISSION_ATTR)],
                         ids=[q for q, f in OPERATIONS if hasattr(f, REQUIRED_PERMISSION_ATTR)])
def test_role_x_operation(role: Role, qualname: str, fn: Any) -> None:
    """A forbidden role is refused before the operation touches anything (its arguments are never read);
    an allowed role passes the guard."""
    actor = Actor(id=999, name="probe", role=role)
    needed: Permission = getattr(fn, REQUIRED_PERMISSION_ATTR)
    sentinel = object()  # 'self' that would explode on first use
    n_params = len(inspect.signature(fn).parameters)
    args = [sentinel, actor] + [sentinel] * (n_params - 2)
    if needed in ROLE_PERMISSIONS[role]:
        try:  # passes the guard, then usually fails on the sentinel 'self'
            fn(*args)
        except PermissionDenied:
            pytest.fail(f"{qualname} refused {role.value}")
        except Exception:  # noqa: BLE001 - anything but PermissionDenied means the guard let it through
            pass
    else:
        with pytest.raises(PermissionDenied):
            fn(*args)

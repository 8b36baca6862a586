"""Operators: first admin, login, lockout after wrong passwords (logged), role changes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from acrel_console.domain.errors import ConflictError, PermissionDenied, ValidationError
from acrel_console.domain.roles import Role
from acrel_console.services.operators import LoginFailed
from tests.services.helpers import ADMIN_PASSWORD, make_services


def test_first_admin_only_once(db_url: str) -> None:
    svc, admin = make_services(db_url)
    assert not svc.operators.needs_first_admin()
    with pytest.raises(ConflictError):
        svc.operators.create_first_admin("other", "password1")
    assert svc.operators.login("admin", ADMIN_PASSWORD) == admin
    svc.close()


def test_five_wrong_passwords_lock_then_unlock_logged(db_url: str) -> None:
    svc, admin = make_services(db_url)
    now = [datetime(2026, 1, 1, 8, 0, tzinfo=timezone.utc)]
    svc.ctx.clock = lambda: now[0]
    svc.operators.add(admin, "bob", Role.CASHIER, "bobpass1")
    for _ in range(4):
        with pytest.raises(LoginFailed, match="Wrong operator name or password"):
            svc.operators.login("bob", "nope")
    with pytest.raises(LoginFailed, match="locked until"):
        svc.operators.login("bob", "nope")
    with pytest.raises(LoginFailed, match="locked until"):  # even the right password is refused while locked
        svc.operators.login("bob", "bobpass1")
    now[0] += timedelta(minutes=16)
    assert svc.operators.login("bob", "bobpass1").name == "bob"
    kinds = [e.kind for e in svc.audit.list(admin, operator="bob")]
    assert kinds.count("operator.lock") == 1 and kinds.count("operator.unlock") == 1
    entries = svc.audit.list(admin)
    assert all("bobpass1" not in e.after + e.before + e.reason for e in entries)  # never logged
    svc.close()


def test_disable_and_last_admin_protection(db_url: str) -> None:
    svc, admin = make_services(db_url)
    with pytest.raises(ConflictError):
        svc.operators.set_enabled(admin, "admin", False)
    with pytest.raises(ConflictError):
        svc.operators.set_role(admin, "admin", Role.AUDITOR)
    svc.operators.add(admin, "carol", Role.AUDITOR, "carolpw1")
    svc.operators.set_enabled(admin, "carol", False)
    with pytest.raises(LoginFailed, match="disabled"):
        svc.operators.login("carol", "carolpw1")
    svc.operators.set_enabled(admin, "carol", True)
    svc.operators.reset_password(admin, "carol", "newpass9")
    carol = svc.operators.login("carol", "newpass9")
    with pytest.raises(PermissionDenied):
        svc.operators.add(carol, "dave", Role.CASHIER, "davepw12")
    with pytest.raises(ValidationError):
        svc.operators.add(admin, "bad name", Role.CASHIER, "x")
    svc.close()


def test_approver_must_differ_and_hold_right(db_url: str) -> None:
    from acrel_console.domain.roles import Permission

    svc, admin = make_services(db_url)
    cashier_info = svc.operators.add(admin, "cash", Role.CASHIER, "cashpw12")
    svc.operators.add(admin, "sup", Role.SUPERVISOR, "suppw123")
    cashier = svc.operators.login(cashier_info.name, "cashpw12")
    with pytest.raises(LoginFailed):
        svc.operators.verify_approver(cashier, "cash", "cashpw12", Permission.APPROVE_REVERSAL)
    svc.operators.add(admin, "cash2", Role.CASHIER, "cash2pw1")
    with pytest.raises(PermissionDenied):  # a second cashier may not approve a reversal
        svc.operators.verify_approver(cashier, "cash2", "cash2pw1", Permission.APPROVE_REVERSAL)
    approver = svc.operators.verify_approver(cashier, "sup", "suppw123", Permission.APPROVE_REVERSAL)
    assert approver.role is Role.SUPERVISOR
    svc.close()

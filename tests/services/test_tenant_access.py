"""Tenant sign-in (issue 16): PINs set at the counter, hashed like passwords; five wrong PINs lock the
account; sessions end at logout, PIN change, idle time, lifetime and account close; a client failing
across accounts is throttled; every step is in the operation log as the tenant. Both backends."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from acrel_console.domain.errors import PermissionDenied, ValidationError
from acrel_console.domain.pins import check_pin
from acrel_console.domain.roles import Role
from acrel_console.services import passwords
from acrel_console.services.base import Actor
from acrel_console.services.sms import SmsLevel
from acrel_console.services.tenant_access import LoginThrottle, PinRejected, SignInLocked, TooManyAttempts
from acrel_console.services.tenant_portal import TenantPortalService
from acrel_console.storage.tables.operators import AuditRow
from acrel_console.storage.tables.portal import TenantAccessRow, TenantSessionRow
from tests.ledger.helpers import World, make_world

PIN = "246813"


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "_N", 2**4)  # the stored hash names its cost: checks stay real


@pytest.fixture
def world(db_url: str) -> Iterator[World]:
    w = make_world(db_url, n_meters=3)
    yield w
    w.svc.close()


def _open(w: World, name: str, meters: list[int], phone: str = "") -> str:
    return w.accounts.open_account(w.cashier, name, f"room-{name}", meters, phone=phone).account_no


def _audit(w: World, kind: str) -> list[tuple[str, str]]:
    """(operator name, after_json + reason) of the log rows of one kind."""
    with w.ctx.read() as s:
        return [(r.operator_name, r.after_json + r.reason)
                for r in s.execute(select(AuditRow).where(AuditRow.kind == kind).order_by(AuditRow.id)).scalars()]


@pytest.mark.parametrize("pin, ok", [("246813", True), ("90210575", True), ("123456789012", False),
                                     ("12345", False), ("1234567890123", False), ("111111", False),
                                     ("123456", False), ("987654", False), ("890123", False), ("12a456", False),
                                     ("２４６８１３", False), ("", False), (" 246813", False)])
def test_pin_rule(pin: str, ok: bool) -> None:
    if ok:
        assert check_pin(pin) == pin
    else:
        with pytest.raises(ValidationError):
            check_pin(pin)


def test_counter_sets_a_pin_hashed_like_a_password_and_prints_a_slip(world: World) -> None:
    no = _open(world, "Zhang", [world.meters[0]])
    slip = world.svc.tenant_pins.set_pin(world.cashier, no, PIN)
    assert (slip.account_no, slip.tenant_name, slip.pin, slip.set_by) == (no, "Zhang", PIN, "cash1")
    with world.ctx.read() as s:
        row = s.get(TenantAccessRow, s.execute(select(TenantAccessRow.tenant_id)).scalar_one())
        assert row is not None and row.pin_hash.startswith("scrypt$") and PIN not in row.pin_hash
        assert passwords.verify_password(PIN, row.pin_hash)
    assert [a[0] for a in _audit(world, "tenant.pin_set")] == ["cash1"]
    assert PIN not in "".join(a[1] for a in _audit(world, "tenant.pin_set"))
    with pytest.raises(PermissionDenied):  # an auditor or a tenant may not
        world.svc.tenant_pins.set_pin(Actor(None, "tenant:x", Role.TENANT), no, PIN)
    with pytest.raises(ValidationError):
        world.svc.tenant_pins.set_pin(world.cashier, no, "123456")


def test_right_pin_signs_in_wrong_pins_lock_after_five(world: World) -> None:
    portal = TenantPortalService(world.ctx)
    no = _open(world, "Li", [world.meters[0]])
    world.svc.tenant_pins.set_pin(world.cashier, no, PIN)
    issued = portal.login(no, PIN, client="10.0.0.1")
    assert portal.principal(issued.token) == issued.principal
    assert issued.principal.account_no == no and issued.principal.actor.name == f"tenant:{no}"
    for _ in range(4):
        with pytest.raises(PinRejected):
            portal.login(no, "000000" + "1", client="10.0.0.2")
    with pytest.raises(SignInLocked) as locked:
        portal.login(no, "999999" + "1", client="10.0.0.2")
    with pytest.raises(SignInLocked):  # the right PIN too, while locked
        portal.login(no, PIN, client="10.0.0.3")
    assert locked.value.until > world.clock.now
    assert [a[0] for a in _audit(world, "tenant.lock")] == [f"tenant:{no}"]
    world.clock.now = locked.value.until + timedelta(seconds=1)
    assert portal.login(no, PIN).principal.account_no == no
    with world.ctx.read() as s:
        assert s.execute(select(TenantAccessRow.failed_pins)).scalar_one() == 0
    assert len(_audit(world, "tenant.login")) == 2


def test_unknown_account_and_account_without_pin_get_the_same_answer(world: World) -> None:
    portal = TenantPortalService(world.ctx)
    no = _open(world, "Wang", [world.meters[0]])
    messages = set()
    for account in (no, "999999", "", "x" * 500):
        with pytest.raises(PinRejected) as err:
            portal.login(account, PIN)
        messages.add(err.value.english())
    assert messages == {"Wrong account number or PIN."}


def test_sessions_end_idle_lifetime_logout_pin_change_reset_and_close(world: World) -> None:
    portal = TenantPortalService(world.ctx)
    no = _open(world, "Zhao", [world.meters[0]])
    world.svc.tenant_pins.set_pin(world.cashier, no, PIN)
    a = portal.login(no, PIN)
    world.clock.now += timedelta(minutes=29)
    assert portal.principal(a.token) is not None  # within the 30-minute idle time (and touched now)
    world.clock.now += timedelta(minutes=29)
    assert portal.principal(a.token) is not None
    world.clock.now += timedelta(minutes=31)
    assert portal.principal(a.token) is None  # idle too long
    kiosk = portal.login(no, PIN, kiosk=True)
    world.clock.now += timedelta(seconds=121)
    assert portal.principal(kiosk.token) is None  # kiosk: twice the 60 s kiosk idle time
    b = portal.login(no, PIN)
    for _ in range(13):  # busy, but 12 h is the most a phone session lives
        world.clock.now += timedelta(minutes=59)
        portal.principal(b.token)
    assert portal.principal(b.token) is None
    c, d = portal.login(no, PIN), portal.login(no, PIN)
    portal.change_pin(c.principal, PIN, "975312")
    assert portal.principal(c.token) is not None and portal.principal(d.token) is None
    with pytest.raises(PinRejected):
        portal.change_pin(c.principal, PIN, "864209")
    assert [x[0] for x in _audit(world, "tenant.pin_change")] == [f"tenant:{no}"]
    portal.logout(c.principal)
    assert portal.principal(c.token) is None
    e = portal.login(no, "975312")
    world.svc.tenant_pins.set_pin(world.cashier, no, PIN)  # reset at the counter ends every session
    assert portal.principal(e.token) is None
    f = portal.login(no, PIN)
    acc = world.accounts.find_account(world.cashier, no)
    assert world.accounts.close_account(world.cashier, acc.account_id).state == "done"  # nothing on its meter
    assert portal.principal(f.token) is None  # a closed account signs nobody in
    with pytest.raises(PinRejected):
        portal.login(no, PIN)
    assert portal.principal("nonsense") is None and portal.principal(None) is None
    with world.ctx.read() as s:  # only hashes of tokens are stored
        ids = set(s.execute(select(TenantSessionRow.id)).scalars())
    assert not {a.token, b.token, c.token} & ids and len(ids) == 7


def test_a_client_failing_across_accounts_is_throttled() -> None:
    now = [0.0]
    throttle = LoginThrottle(max_failures=3, window_s=60, clock=lambda: now[0])
    for _ in range(3):
        throttle.check("1.2.3.4")
        throttle.failed("1.2.3.4")
    with pytest.raises(TooManyAttempts) as err:
        throttle.check("1.2.3.4")
    assert 0 < err.value.retry_after_s <= 61
    throttle.check("5.6.7.8")  # another client is not affected
    now[0] = 61.0
    throttle.check("1.2.3.4")


def test_throttle_in_front_of_the_database(world: World) -> None:
    portal = TenantPortalService(world.ctx, throttle=LoginThrottle(max_failures=3))
    nos = [_open(world, f"T{i}", [m]) for i, m in enumerate(world.meters)]
    for no in nos:
        world.svc.tenant_pins.set_pin(world.cashier, no, PIN)
        with pytest.raises(PinRejected):
            portal.login(no, "135792", client="6.6.6.6")
    with pytest.raises(TooManyAttempts):
        portal.login(nos[0], PIN, client="6.6.6.6")
    assert portal.login(nos[0], PIN, client="7.7.7.7").principal.account_no == nos[0]


def test_sms_choices_are_the_tenants_and_the_policy_respects_them(world: World) -> None:
    portal = TenantPortalService(world.ctx)
    no = _open(world, "Qian", [world.meters[0]], phone="13800138000")
    world.svc.tenant_pins.set_pin(world.cashier, no, PIN)
    p = portal.login(no, PIN).principal
    portal.set_sms(p, "139 0013 9000", {"arrears", "after_sale"})
    view = portal.me(p)
    assert view.phone == "13900139000" and set(view.sms_off) == {"alarm1", "alarm2"}
    assert world.svc.sms.notify(Actor.system(), world.meters[0], SmsLevel.ALARM1, balance_fen=100) is None
    sent = world.svc.sms.notify(Actor.system(), world.meters[0], SmsLevel.ARREARS, balance_fen=-100)
    assert sent is not None and sent.phone == "13900139000"
    with pytest.raises(ValidationError):
        portal.set_sms(p, "call me", set())
    assert [a[0] for a in _audit(world, "tenant.sms")] == [f"tenant:{no}"]

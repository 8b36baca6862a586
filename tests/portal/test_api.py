"""The portal's JSON API and forms over real HTTP (uvicorn on loopback) on both backends: sign-in with the
issue's status codes, a session cookie that expires, CSRF on every change, every other tenant's meter,
usage, page and command ids answered 404, security headers, and no route beyond the tenant's."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

import httpx
import pytest

from acrel_console.portal.app import create_app
from tests.ledger.helpers import World, make_world
from tests.portal.helpers import PIN, PortalWorld, add_tenants, portal_service, seed_state, serving


@pytest.fixture
def pw(db_url: str) -> Iterator[PortalWorld]:
    w = make_world(db_url, n_meters=5)
    w.svc.settings.update(w.admin, {"portal_tenant_control": True})
    tenants = add_tenants(w, [[0, 1], [2], [3]])  # meter 4 stays unopened
    w.vending.sell(w.cashier, tenants[0].meters[0], Decimal("88.00"), "cash")
    w.vending.sell(w.cashier, tenants[1].meters[0], Decimal("20.00"), "alipay")
    service = portal_service(w, max_failures=8)
    with serving(service) as url:
        yield PortalWorld(w, tenants, url, service)
    w.svc.close()


def client(pw: PortalWorld, **headers: str) -> httpx.Client:
    return httpx.Client(base_url=pw.url, headers=headers, follow_redirects=False, timeout=20)


def login(pw: PortalWorld, account_no: str, pin: str = PIN) -> tuple[httpx.Client, str]:
    c = client(pw)
    r = c.post("/api/login", json={"account_no": account_no, "pin": pin})
    assert r.status_code == 200, r.text
    return c, r.json()["csrf_token"]


def test_sign_in_me_and_the_session_cookie(pw: PortalWorld) -> None:
    t = pw.tenants[0]
    with client(pw) as anonymous:
        assert anonymous.get("/api/me").status_code == 401
    c, csrf = login(pw, t.account_no)
    cookie = next(h for h in c.cookies.jar)
    assert cookie.name == "acrel_session" and cookie.has_nonstandard_attr("HttpOnly")
    me = c.get("/api/me")
    assert me.status_code == 200 and me.headers["cache-control"] == "no-store"
    body = me.json()
    assert body["account_no"] == t.account_no and [m["meter_id"] for m in body["meters"]] == t.meters
    first = body["meters"][0]
    assert set(first) >= {"meter_id", "room", "remaining", "status", "relay", "last_reading_at"}
    assert first["pending_credit"] == "88.00" and first["status"] == "offline" and first["remaining"] is None
    rec = c.get("/api/recharges").json()["recharges"]
    assert [(r["amount"], r["method"], r["receipt_no"][:1]) for r in rec] == [("88.00", "cash", "R")]
    usage = c.get(f"/api/meters/{t.meters[0]}/usage?days=30").json()
    assert len(usage["days"]) == 30 and usage["unit"] == "kWh" and set(usage["month_by_period"]) == {
        "spike", "peak", "flat", "valley"}
    assert c.get(f"/api/meters/{t.meters[0]}/usage?days=0").status_code == 400
    assert c.get(f"/api/meters/{t.meters[0]}/usage?days=x").status_code == 400
    assert c.post("/api/logout").status_code == 403  # no CSRF header
    assert c.post("/api/logout", headers={"X-CSRF-Token": "wrong"}).status_code == 403
    assert c.post("/api/logout", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert c.get("/api/me").status_code == 401


def test_wrong_pin_401_lock_423_and_client_throttle_429(pw: PortalWorld) -> None:
    t = pw.tenants[1]
    with client(pw, **{"Accept-Language": "zh-CN,zh;q=0.9"}) as c:
        r = c.post("/api/login", json={"account_no": t.account_no, "pin": "135792"})
        assert r.status_code == 401 and r.json()["error"] == "用户编号或查询密码错误。"
        for _ in range(3):
            assert c.post("/api/login", json={"account_no": t.account_no, "pin": "135792"}).status_code == 401
        r = c.post("/api/login", json={"account_no": t.account_no, "pin": "135792"})
        assert r.status_code == 423 and r.json()["locked_until"] and "锁定" in r.json()["error"]
        r = c.post("/api/login", json={"account_no": t.account_no, "pin": PIN})
        assert r.status_code == 423  # even the right PIN, while locked
        for _ in range(3):  # other accounts from the same client: 8 failures in all, then 429
            c.post("/api/login", json={"account_no": "999999", "pin": "135792"})
        r = c.post("/api/login", json={"account_no": pw.tenants[2].account_no, "pin": PIN})
        assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
        assert c.post("/api/login", content=b"account_no=1&pin=2",
                      headers={"Content-Type": "application/x-www-form-urlencoded"}).status_code == 415
        assert c.post("/api/login", content=b"{not json", headers={"Content-Type": "application/json"}).status_code == 400


def test_every_other_tenants_ids_answer_404(pw: PortalWorld) -> None:
    w = pw.world
    everything = sorted(set(w.meters) | {0, 99_999})
    commands = {}
    sessions = {}
    for t in pw.tenants:
        seed_state(w, t.meters[0], remaining_fen=5_000, relay_closed=True)
        c, csrf = login(pw, t.account_no)
        sessions[t.account_no] = (c, csrf)
        r = c.post(f"/api/meters/{t.meters[0]}/switch", json={"action": "trip"}, headers={"X-CSRF-Token": csrf})
        assert r.status_code == 202, r.text
        commands[t.account_no] = r.json()["command"]["command_id"]
    for t in pw.tenants:
        c, csrf = sessions[t.account_no]
        for meter_id in everything:
            mine = meter_id in t.meters
            assert c.get(f"/api/meters/{meter_id}/usage").status_code == (200 if mine else 404), (t, meter_id)
            assert c.get(f"/meters/{meter_id}").status_code == (200 if mine else 404)
            if not mine:
                r = c.post(f"/api/meters/{meter_id}/switch", json={"action": "trip"}, headers={"X-CSRF-Token": csrf})
                assert r.status_code == 404 and r.json()["error"] == f"No meter {meter_id}."
                form = c.post(f"/meters/{meter_id}/switch", data={"csrf": csrf, "action": "trip"})
                assert form.status_code == 404
        for owner, command_id in commands.items():
            expected = 200 if owner == t.account_no else 404
            assert c.get(f"/api/commands/{command_id}").status_code == expected
        me = c.get("/api/me").json()
        assert {m["meter_id"] for m in me["meters"]} == set(t.meters)
        receipts = {r["meter_id"] for r in c.get("/api/recharges").json()["recharges"]}
        assert receipts <= set(t.meters)


def test_forms_need_csrf_and_sessions_expire(pw: PortalWorld) -> None:
    t = pw.tenants[0]
    with client(pw) as c:
        page = c.get("/login")
        assert page.status_code == 200 and 'name="csrf"' in page.text
        for header, value in (("content-security-policy", "default-src 'self'"), ("x-frame-options", "DENY"),
                              ("x-content-type-options", "nosniff")):
            assert value in page.headers[header]
        token = c.cookies["acrel_login_csrf"]
        r = c.post("/login", data={"account_no": t.account_no, "pin": PIN, "csrf": "forged"})
        assert r.status_code == 403
        r = c.post("/login", data={"account_no": t.account_no, "pin": "000000", "csrf": token})
        assert r.status_code == 401
        r = c.post("/login", data={"account_no": t.account_no, "pin": PIN, "csrf": token})
        assert r.status_code == 303 and r.headers["location"] == "/home"
        assert c.get("/home").status_code == 200
        r = c.post("/settings/sms", data={"phone": "13900000000", "sms_arrears": "on"})
        assert r.status_code == 403  # no token
        r = c.post("/settings/pin", data={"old_pin": PIN, "new_pin": "975312", "new_pin2": "975312", "csrf": "x"})
        assert r.status_code == 403
        csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/settings").text).group(1)  # type: ignore[union-attr]
        r = c.post("/settings/sms", data={"csrf": csrf, "phone": "139 0000 0000", "sms_arrears": "on"})
        assert r.status_code == 200 and "Saved." in r.text
        r = c.post("/settings/pin", data={"csrf": csrf, "old_pin": PIN, "new_pin": "975312", "new_pin2": "975311"})
        assert r.status_code == 400 and "The two new PINs differ." in r.text
        r = c.post("/settings/pin", data={"csrf": csrf, "old_pin": "000000", "new_pin": "975312", "new_pin2": "975312"})
        assert r.status_code == 401 and "The current PIN is wrong." in r.text
        r = c.post("/settings/pin", data={"csrf": csrf, "old_pin": PIN, "new_pin": "975312", "new_pin2": "975312"})
        assert r.status_code == 200 and "PIN changed." in r.text
        me = c.get("/api/me").json()
        assert me["phone"] == "13900000000" and set(me["sms_off"]) == {"alarm1", "alarm2", "after_sale"}
        pw.world.clock.now += timedelta(minutes=31)  # idle longer than the session allows
        r = c.get("/home")
        assert r.status_code == 303 and r.headers["location"] == "/login?expired=1"
        assert c.get("/api/me").status_code == 401


def test_only_the_tenant_routes_exist(pw: PortalWorld) -> None:
    """No operator endpoint in the portal process: the route table is exactly the tenant's."""
    assert pw.service is not None
    app = create_app(pw.service)
    paths = sorted({(getattr(r, "path", ""), tuple(sorted(getattr(r, "methods", None) or ()))) for r in app.routes})
    assert [p for p, _m in paths] == sorted([
        "/", "/api/commands/{command_id}", "/api/login", "/api/logout", "/api/me", "/api/meters/{meter_id:int}/switch",
        "/api/meters/{meter_id:int}/usage", "/api/recharges", "/home", "/kiosk", "/login", "/login", "/logout",
        "/meters/{meter_id:int}", "/meters/{meter_id:int}/switch", "/recharges", "/settings", "/settings/pin",
        "/settings/sms", "/static", "/status.css",
        # online recharge (issue 17): the tenant's own meter, the tenant's own order, the providers' notifications
        "/meters/{meter_id:int}/recharge", "/orders/{order_id}", "/pay/notify/{provider}"])
    with client(pw) as c:
        for path in ("/api/sell", "/api/operators", "/admin", "/api/meters", "/api/accounts/1", "/../app.py",
                     "/static/../app.py"):
            assert c.get(path).status_code == 404, path
            assert c.post(path, json={}).status_code in (404, 405), path

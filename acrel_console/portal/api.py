"""The portal's JSON API (the pages' data for other clients, e.g. a WeChat mini-program):

    POST /api/login   {"account_no": "...", "pin": "..."} -> 200 + session cookie; 401 wrong PIN;
                      423 locked (locked_until); 429 too many tries from this client (Retry-After)
    GET  /api/me                                  the tenant and each meter
    GET  /api/meters/{meter_id}/usage?days=30     daily energy by tariff period, this month's totals
    GET  /api/recharges                           top-ups and refunds with receipt numbers
    POST /api/meters/{meter_id}/switch {"action": "trip"|"close"}   -> 202 with the queued command
    GET  /api/commands/{command_id}               a switch command's state and outcome
    POST /api/logout                              -> 204

Money is a decimal string in yuan, energy a decimal string in kWh, times ISO 8601 UTC. Changes (switch,
logout) need the session's CSRF token in the X-CSRF-Token header (returned by login); requests with a
body must be application/json, which a browser cannot send cross-site without CORS (none is allowed).
A meter or command of another tenant answers 404, exactly like one that does not exist."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from acrel_console.domain.errors import UserError
from acrel_console.portal.web import (call, client_of, clear_session, error_text, portal_of, principal_of, remember,
                                      retry_after, set_session, status_of, translator)
from acrel_console.services.tenant_access import SignInLocked, TenantPrincipal
from acrel_console.services.tenant_portal import RechargeLine, TenantCommand, TenantMeter, UsageView

PERIOD_KEYS = ("spike", "peak", "flat", "valley")
MAX_JSON_BYTES = 4096


def _iso(at: datetime | None) -> str | None:
    return at.isoformat() if at is not None else None


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _kwh(centi: int) -> str:
    return str(Decimal(int(centi)).scaleb(-2))


def command_json(c: TenantCommand | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {"command_id": c.command_id, "meter_id": c.meter_id, "action": c.kind, "state": c.state,
            "outcome": c.outcome, "done": c.done, "created_at": _iso(c.created_at), "completed_at": _iso(c.completed_at)}


def meter_json(m: TenantMeter) -> dict[str, Any]:
    return {"meter_id": m.meter_id, "meter_no": m.meter_no, "room": m.room, "model": m.model,
            "remaining": _dec(m.remaining), "pending_credit": _dec(m.pending_credit), "status": m.status.value,
            "relay": m.relay, "keep_power": m.keep_power, "switched_off": m.switched_off,
            "last_reading_at": _iso(m.last_reading_at), "alarm1": _dec(m.alarm1), "alarm2": _dec(m.alarm2),
            "can_trip": m.trip_refusal is None, "can_close": m.close_refusal is None,
            "command": command_json(m.command)}


def usage_json(u: UsageView) -> dict[str, Any]:
    return {"meter_id": u.meter_id, "room": u.room, "unit": "kWh",
            "days": [{"day": d.day.isoformat(), "kwh": _kwh(d.total),
                      "by_period": dict(zip(PERIOD_KEYS, (_kwh(v) for v in d.by_period)))} for d in u.days],
            "month": u.month, "month_kwh": _kwh(u.month_total),
            "month_by_period": dict(zip(PERIOD_KEYS, (_kwh(v) for v in u.month_by_period)))}


def recharge_json(r: RechargeLine) -> dict[str, Any]:
    return {"at": _iso(r.at), "kind": r.kind, "amount": _dec(r.amount), "method": r.method,
            "receipt_no": r.receipt_no, "meter_id": r.meter_id, "room": r.room, "delivery": r.delivery}


async def error_response(request: Request, err: UserError) -> JSONResponse:
    site = await portal_of(request).site()
    body: dict[str, Any] = {"error": error_text(err, translator(request), site.zone), "code": type(err).__name__}
    if isinstance(err, SignInLocked):
        body["locked_until"] = _iso(err.until)
    return JSONResponse(body, status_code=status_of(err), headers=retry_after(err) | {"Cache-Control": "no-store"})


def plain_error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": message, "code": code}, status_code=status, headers={"Cache-Control": "no-store"})


def ok(value: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(value, status_code=status, headers={"Cache-Control": "no-store"})


async def json_body(request: Request) -> dict[str, Any] | JSONResponse:
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        return plain_error(415, "unsupported_media_type", "Send application/json.")
    raw = await request.body()
    if len(raw) > MAX_JSON_BYTES:
        return plain_error(413, "too_large", "Request too large.")
    try:
        data = json.loads(raw or b"{}")
    except ValueError:
        return plain_error(400, "bad_json", "The body is not JSON.")
    if not isinstance(data, dict):
        return plain_error(400, "bad_json", "The body must be a JSON object.")
    return data


async def signed_in(request: Request, change: bool = False) -> TenantPrincipal | JSONResponse:
    principal = await principal_of(request)
    if principal is None:
        return plain_error(401, "not_signed_in", "Sign in first.")
    if change and not principal.csrf_ok(request.headers.get("x-csrf-token")):
        return plain_error(403, "csrf", "Missing or wrong X-CSRF-Token.")
    return principal


async def login(request: Request) -> Response:
    data = await json_body(request)
    if isinstance(data, JSONResponse):
        return data
    account_no, pin = data.get("account_no"), data.get("pin")
    if not isinstance(account_no, str) or not isinstance(pin, str):
        return plain_error(400, "bad_request", "account_no and pin are strings.")
    try:
        issued = await call(portal_of(request).tenants.login, account_no, pin, client=client_of(request))
    except UserError as err:
        return await error_response(request, err)
    p = issued.principal
    response = ok({"account_no": p.account_no, "name": p.name, "csrf_token": p.csrf_token,
                   "expires_at": _iso(issued.expires_at)})
    set_session(request, response, issued.token)
    return remember(request, response)


async def logout(request: Request) -> Response:
    principal = await signed_in(request, change=True)
    if isinstance(principal, JSONResponse):
        return principal
    await call(portal_of(request).tenants.logout, principal)
    response = Response(status_code=204)
    clear_session(response)
    return response


async def me(request: Request) -> Response:
    principal = await signed_in(request)
    if isinstance(principal, JSONResponse):
        return principal
    try:
        v = await call(portal_of(request).tenants.me, principal)
    except UserError as err:
        return await error_response(request, err)
    return ok({"account_no": v.account_no, "name": v.name, "room": v.room, "phone": v.phone,
               "opened_at": _iso(v.opened_at), "site_name": v.site_name, "time_zone": v.zone,
               "control_enabled": v.control_enabled, "online_recharge": v.online_recharge, "sms_off": list(v.sms_off),
               "meters": [meter_json(m) for m in v.meters]})


def _meter_id(request: Request) -> int:
    return int(request.path_params["meter_id"])


async def usage(request: Request) -> Response:
    principal = await signed_in(request)
    if isinstance(principal, JSONResponse):
        return principal
    raw = request.query_params.get("days", "30")
    if not raw.isdigit():
        return plain_error(400, "bad_request", "days is a whole number.")
    try:
        u = await call(portal_of(request).tenants.usage, principal, _meter_id(request), int(raw))
    except UserError as err:
        return await error_response(request, err)
    return ok(usage_json(u))


async def recharges(request: Request) -> Response:
    principal = await signed_in(request)
    if isinstance(principal, JSONResponse):
        return principal
    lines = await call(portal_of(request).tenants.recharges, principal)
    return ok({"recharges": [recharge_json(r) for r in lines]})


async def switch(request: Request) -> Response:
    principal = await signed_in(request, change=True)
    if isinstance(principal, JSONResponse):
        return principal
    data = await json_body(request)
    if isinstance(data, JSONResponse):
        return data
    try:
        c = await call(portal_of(request).tenants.switch, principal, _meter_id(request), str(data.get("action", "")))
    except UserError as err:
        return await error_response(request, err)
    return ok({"command": command_json(c)}, status=202)


async def command(request: Request) -> Response:
    principal = await signed_in(request)
    if isinstance(principal, JSONResponse):
        return principal
    try:
        c = await call(portal_of(request).tenants.command, principal, str(request.path_params["command_id"]))
    except UserError as err:
        return await error_response(request, err)
    return ok({"command": command_json(c)})

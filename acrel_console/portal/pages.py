"""The portal's HTML pages (phone and kiosk layout): sign-in, home with the tenant's meters, daily usage,
recharge history, settings (PIN, texts). Every form carries a CSRF token; pages need a live session."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError
from acrel_console.domain.status import STATUS_LABELS, MeterStatus
from acrel_console.domain.status_colours import SHAPES
from acrel_console.portal import svg
from acrel_console.portal.translate import Translate
from acrel_console.portal.web import (LAYOUT_COOKIE, LOGIN_CSRF_COOKIE, CsrfFailed, FormError, Portal, call,
                                      clear_session, client_of, error_text, form_of, https, layout_of, new_login_csrf,
                                      portal_of, principal_of, render, set_session, status_of, translator)
from acrel_console.portal.words import DELIVERY_WORDS, KIND_WORDS, METHOD_WORDS, PERIOD_WORDS, SMS_WORDS
from acrel_console.services.tenant_access import SMS_CHOICES, TenantPrincipal
from acrel_console.services.tenant_portal import TenantCommand, TenantMeter

USAGE_DAYS = 30
PENDING_REFRESH_S = 3  # a page showing a command still on its way reloads itself this often


def money(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:,.2f}"


def kwh(centi: int) -> str:
    return f"{Decimal(int(centi)).scaleb(-2):,.2f}"


def helpers(tr: Translate) -> dict[str, Any]:
    """Label functions the templates use (all in the page's language)."""
    def word(table: dict[str, str], key: str | None) -> str:
        return tr("portal", table[key]) if key in table else (key or "")

    def command_text(c: TenantCommand | None) -> str:
        if c is None:
            return ""
        if not c.done:
            return tr("portal", "Switching off: waiting for the meter…" if c.kind == "trip"
                      else "Switching on: waiting for the meter…")
        if c.outcome == "confirmed":
            return tr("portal", "Switched off: confirmed by the meter." if c.kind == "trip"
                      else "Switched on: confirmed by the meter.")
        if c.outcome == "refused":
            return tr("portal", "The meter refused: the balance is not positive.")
        return tr("portal", "The meter did not confirm the command; please try again or contact the site office.")

    return {
        "money": money, "kwh": kwh,
        "status_label": lambda s: tr("status", STATUS_LABELS[MeterStatus(s)]),
        "status_icon": lambda s: Markup(svg.status_icon(SHAPES[MeterStatus(s)])),
        "method_label": lambda m: word(METHOD_WORDS, m),
        "kind_label": lambda k: word(KIND_WORDS, k),
        "delivery_label": lambda d: word(DELIVERY_WORDS, d),
        "sms_label": lambda k: word(SMS_WORDS, k),
        "reason": lambda template: tr("errors", template) if template else "",
        "command_text": command_text,
        "sms_choices": SMS_CHOICES,
    }


async def page(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    return await render(request, name, status, **helpers(translator(request)), **context)


def to_login(request: Request, expired: bool = False) -> Response:
    response = RedirectResponse("/login?expired=1" if expired else "/login", status_code=303)
    if expired:
        clear_session(response)
    return response


async def signed_in(request: Request) -> TenantPrincipal | Response:
    """The session's tenant, or a redirect to the sign-in page."""
    principal = await principal_of(request)
    if principal is None:
        return to_login(request, expired=bool(request.cookies.get("acrel_session")))
    return principal


@dataclass
class FormPost:
    """A posted form of a signed-in tenant, with what handlers need."""

    principal: TenantPrincipal
    form: dict[str, str]
    translate: Translate
    portal: Portal

    def check_csrf(self) -> None:
        if not self.principal.csrf_ok(self.form.get("csrf")):
            raise CsrfFailed(QT_TRANSLATE_NOOP("portal", "The form expired; please try again."))


async def form_post(request: Request) -> FormPost | Response:
    principal = await signed_in(request)
    if isinstance(principal, Response):
        return principal
    return FormPost(principal, await form_of(request), translator(request), portal_of(request))


async def home_redirect(request: Request) -> Response:
    principal = await principal_of(request)
    return RedirectResponse("/home" if principal else "/login", status_code=303)


async def kiosk_entry(request: Request) -> Response:
    """Where `acrel-console kiosk` points the browser: the large-touch layout, from the sign-in page."""
    response = RedirectResponse("/login" + (f"?lang={request.query_params['lang']}"
                                            if "lang" in request.query_params else ""), status_code=303)
    response.set_cookie(LAYOUT_COOKIE, "kiosk", samesite="lax", secure=https(request))
    return response


async def login_page(request: Request, status: int = 200, error: str | None = None,
                     account_no: str = "") -> Response:
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or new_login_csrf()
    message = None
    if request.query_params.get("expired"):
        message = translator(request)("portal", "You were signed out. Please sign in again.")
    response = await page(request, "login.html", status, csrf=token, error=error, message=message,
                          account_no=account_no)
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", secure=https(request))
    return response


async def login_get(request: Request) -> Response:
    if await principal_of(request) is not None:
        return RedirectResponse("/home", status_code=303)
    return await login_page(request)


async def login_post(request: Request) -> Response:
    form = await form_of(request)
    tr = translator(request)
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not hmac.compare_digest(cookie, form.get("csrf", "")):
        return await login_page(request, 403, tr("portal", "The form expired; please try again."))
    account_no = form.get("account_no", "").strip()[:20]
    portal = portal_of(request)
    try:
        issued = await call(portal.tenants.login, account_no, form.get("pin", ""),
                            kiosk=layout_of(request) == "kiosk", client=client_of(request))
    except UserError as err:
        site = await portal.site()
        response = await login_page(request, status_of(err), error_text(err, tr, site.zone), account_no)
        seconds = getattr(err, "retry_after_s", None)
        if seconds:
            response.headers["Retry-After"] = str(int(seconds))
        return response
    response = RedirectResponse("/home", status_code=303)
    set_session(request, response, issued.token)
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


async def logout_post(request: Request) -> Response:
    principal = await principal_of(request)
    form = await form_of(request)
    if principal is not None and principal.csrf_ok(form.get("csrf")):
        await call(portal_of(request).tenants.logout, principal)
    response = RedirectResponse("/login", status_code=303)
    clear_session(response)
    return response


async def home(request: Request) -> Response:
    principal = await signed_in(request)
    if isinstance(principal, Response):
        return principal
    view = await call(portal_of(request).tenants.me, principal)
    pending = any(m.command is not None and not m.command.done for m in view.meters)
    return await page(request, "home.html", principal=principal, view=view,
                      refresh=PENDING_REFRESH_S if pending else None)


def usage_chart(tr: Translate, days: Any) -> Markup:
    labels = [d.day.strftime("%m-%d") for d in days]
    series = [[d.by_period[i] for d in days] for i in range(4)]
    names = [tr("reports", w) for w in PERIOD_WORDS]
    title = tr("portal", "Daily energy, last {days} days").format(days=len(days))
    return Markup(svg.stacked_bars(labels, series, names, title=title, unit=tr("portal", "kWh")))


def _find(meters: tuple[TenantMeter, ...], meter_id: int) -> TenantMeter | None:
    return next((m for m in meters if m.meter_id == meter_id), None)


async def meter_page(request: Request) -> Response:
    principal = await signed_in(request)
    if isinstance(principal, Response):
        return principal
    meter_id = int(request.path_params["meter_id"])
    portal = portal_of(request)
    tr = translator(request)
    try:
        usage = await call(portal.tenants.usage, principal, meter_id, USAGE_DAYS)
    except UserError as err:
        return await page(request, "error.html", status_of(err), principal=principal,
                          error=error_text(err, tr, (await portal.site()).zone))
    view = await call(portal.tenants.me, principal)
    meter = _find(view.meters, meter_id)
    pending = meter is not None and meter.command is not None and not meter.command.done
    periods = [(tr("reports", w), usage.month_by_period[i]) for i, w in enumerate(PERIOD_WORDS)]
    return await page(request, "meter.html", principal=principal, view=view, meter=meter, usage=usage,
                      chart=usage_chart(tr, usage.days), periods=periods,
                      refresh=PENDING_REFRESH_S if pending else None)


async def switch_post(request: Request) -> Response:
    post = await form_post(request)
    if isinstance(post, Response):
        return post
    meter_id = int(request.path_params["meter_id"])
    try:
        post.check_csrf()
        await call(post.portal.tenants.switch, post.principal, meter_id, post.form.get("action", ""))
    except UserError as err:
        return await page(request, "error.html", status_of(err), principal=post.principal,
                          error=error_text(err, post.translate, (await post.portal.site()).zone))
    back = post.form.get("back", "")
    target = back if back in ("/home", f"/meters/{meter_id}") else "/home"
    return RedirectResponse(target, status_code=303)


async def recharges_page(request: Request) -> Response:
    principal = await signed_in(request)
    if isinstance(principal, Response):
        return principal
    lines = await call(portal_of(request).tenants.recharges, principal)
    return await page(request, "recharges.html", principal=principal, lines=lines)


async def settings_page(request: Request, status: int = 200, **context: Any) -> Response:
    principal = await signed_in(request)
    if isinstance(principal, Response):
        return principal
    view = await call(portal_of(request).tenants.me, principal)
    return await page(request, "settings.html", status, principal=principal, view=view, **context)


async def settings_get(request: Request) -> Response:
    return await settings_page(request)


async def settings_action(request: Request, key: str, act: Callable[[FormPost], Awaitable[str]]) -> Response:
    """A settings form: signed in, CSRF checked, `act` run; the page again with its message or error."""
    post = await form_post(request)
    if isinstance(post, Response):
        return post
    try:
        post.check_csrf()
        message = await act(post)
    except UserError as err:
        text = error_text(err, post.translate, (await post.portal.site()).zone)
        return await settings_page(request, status_of(err), **{f"{key}_error": text})
    return await settings_page(request, 200, **{f"{key}_message": message})


async def pin_post(request: Request) -> Response:
    async def change(post: FormPost) -> str:
        if post.form.get("new_pin", "") != post.form.get("new_pin2", ""):
            raise FormError(QT_TRANSLATE_NOOP("portal", "The two new PINs differ."))
        await call(post.portal.tenants.change_pin, post.principal, post.form.get("old_pin", ""),
                   post.form.get("new_pin", ""))
        return post.translate("portal", "PIN changed. Other signed-in devices were signed out.")

    return await settings_action(request, "pin", change)


async def sms_post(request: Request) -> Response:
    async def save(post: FormPost) -> str:
        wanted = {c for c in SMS_CHOICES if post.form.get(f"sms_{c}") == "on"}
        await call(post.portal.tenants.set_sms, post.principal, post.form.get("phone", ""), wanted)
        return post.translate("portal", "Saved.")

    return await settings_action(request, "sms", save)

"""Per-request plumbing of the portal: the signed-in tenant (cookie -> service), language and layout,
CSRF tokens, page rendering, service errors as HTTP statuses, and the security headers on every reply.

Service calls run in worker threads (`call`), never on the event loop; pages render on the event loop."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ParamSpec, TypeVar
from urllib.parse import parse_qs
from zoneinfo import ZoneInfo

import jinja2
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from acrel_console.domain.errors import NotFound, PermissionDenied, UserError, ValidationError
from acrel_console.portal.translate import LANG_COOKIE, LANGUAGES, Translate, Translations, choose_language
from acrel_console.services.tenant_access import PinRejected, SignInLocked, TenantPrincipal, TooManyAttempts
from acrel_console.services.tenant_portal import NotAllowed, RateLimited, SiteInfo, TenantPortalService

P = ParamSpec("P")
R = TypeVar("R")

SESSION_COOKIE = "acrel_session"
LAYOUT_COOKIE = "acrel_layout"
LOGIN_CSRF_COOKIE = "acrel_login_csrf"
SITE_CACHE_S = 10.0
MAX_FORM_BYTES = 16_384

SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                 b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # Another site learns only the portal's origin, never a path (order ids): WeChat Pay H5 needs that origin as
    # the referring site registered for the merchant, and refuses the payment without it.
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
]


@dataclass
class Portal:
    """What the routes share (app.state.portal): the tenant service and the page machinery."""

    tenants: TenantPortalService
    translations: Translations
    env: jinja2.Environment
    _site: tuple[float, SiteInfo] | None = field(default=None)

    async def site(self) -> SiteInfo:
        """The site's public info, re-read at most every SITE_CACHE_S seconds."""
        now = time.monotonic()
        if self._site is None or now - self._site[0] > SITE_CACHE_S:
            self._site = (now, await call(self.tenants.site))
        return self._site[1]


def portal_of(request: Request) -> Portal:
    found: Portal = request.app.state.portal
    return found


async def call(fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """Run a (blocking, database) service call in a worker thread."""
    return await run_in_threadpool(fn, *args, **kwargs)


def client_of(request: Request) -> str:
    """The client's address (the proxy's X-Forwarded-For when uvicorn trusts that proxy)."""
    return request.client.host if request.client else ""


def https(request: Request) -> bool:
    return request.url.scheme == "https"


async def principal_of(request: Request) -> TenantPrincipal | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    return await call(portal_of(request).tenants.principal, token)


def language_of(request: Request) -> str:
    return choose_language(request.query_params.get("lang"), request.cookies.get(LANG_COOKIE),
                           request.headers.get("accept-language"))


def layout_of(request: Request) -> str:
    return "kiosk" if request.cookies.get(LAYOUT_COOKIE) == "kiosk" else "phone"


def translator(request: Request) -> Translate:
    return portal_of(request).translations.for_language(language_of(request))


def remember(request: Request, response: Response) -> Response:
    """Keep a language chosen with ?lang= in a cookie."""
    lang = request.query_params.get("lang")
    if lang in LANGUAGES:
        response.set_cookie(LANG_COOKIE, str(lang), max_age=365 * 86400, samesite="lax", secure=https(request))
    return response


def set_session(request: Request, response: Response, token: str) -> None:
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax", secure=https(request), path="/")


def clear_session(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")


def new_login_csrf() -> str:
    return secrets.token_urlsafe(24)


async def form_of(request: Request) -> dict[str, str]:
    """An urlencoded form (first value of each field); oversized bodies read as empty."""
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return {}
    parsed = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=50)
    return {k: v[0] for k, v in parsed.items() if v}


# ---- errors --------------------------------------------------------------------------------------

class FormError(UserError):
    """A form the portal itself refuses (its words are in context 'portal'). HTTP 400, or 403 for CSRF."""

    context = "portal"


class CsrfFailed(FormError):
    """The form's CSRF token is missing or not this session's."""


def status_of(err: UserError) -> int:
    """The HTTP status of a service error."""
    if isinstance(err, CsrfFailed):
        return 403
    if isinstance(err, PinRejected):
        return 401
    if isinstance(err, SignInLocked):
        return 423
    if isinstance(err, (TooManyAttempts, RateLimited)):
        return 429
    if isinstance(err, NotFound):
        return 404
    if isinstance(err, PermissionDenied):
        return 403
    if isinstance(err, NotAllowed):
        return 403 if "does not allow" in err.template else 409
    if isinstance(err, ValidationError):
        return 400
    return 400


def retry_after(err: UserError) -> dict[str, str]:
    seconds = getattr(err, "retry_after_s", None)
    return {"Retry-After": str(int(seconds))} if seconds else {}


def local_text(at: datetime | None, zone: str, seconds: bool = False) -> str:
    """A UTC instant as the site's wall time 'YYYY-MM-DD HH:MM'."""
    if at is None:
        return ""
    return at.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def error_text(err: UserError, tr: Translate, zone: str) -> str:
    """A service error in the page's language; a lock's time in the site's zone."""
    params = dict(err.params)
    if isinstance(err, SignInLocked):
        params["until"] = local_text(err.until, zone)
    try:
        return tr(err.context, err.template).format(**params)
    except (KeyError, IndexError, ValueError):
        return err.english()


# ---- pages ---------------------------------------------------------------------------------------

def make_env(templates: Any) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


async def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A template in the request's language and layout (rendered on the event loop's thread)."""
    portal = portal_of(request)
    site = await portal.site()
    lang = language_of(request)
    tr = portal.translations.for_language(lang)

    def words(text: str, **params: Any) -> str:
        translated = tr("portal", text)
        return translated.format(**params) if params else translated

    values = {"_": words, "tr": tr, "lang": lang, "layout": layout_of(request), "site": site, "path": request.url.path,
              "when": lambda at: local_text(at, site.zone), "principal": None, "refresh": None, "message": None,
              "error": None}
    values.update(context)
    html = portal.env.get_template(name).render(values)
    response = HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})
    return remember(request, response)  # type: ignore[return-value]


class SecurityHeaders:
    """Pure ASGI middleware: the security headers on every HTTP reply."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in names)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


"""The portal application: routes of the pages and the JSON API over one TenantPortalService, static
files, the status colours as CSS, and error replies (a page or JSON, never a traceback)."""

from __future__ import annotations

import logging
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from acrel_console.domain.status import MeterStatus
from acrel_console.domain.status_colours import status_colours
from acrel_console.portal import api, pages, recharge
from acrel_console.portal.translate import Translations
from acrel_console.portal.web import Portal, SecurityHeaders, make_env, render, translator
from acrel_console.services.tenant_portal import TenantPortalService, is_database_outage

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
MAX_BODY_BYTES = 65_536


def status_css() -> str:
    """One CSS class per meter status from the console's colour registry (the grid's colours)."""
    rules = []
    for status in MeterStatus:
        background, foreground = status_colours(status)
        rules.append(f".status-{status.value}{{background:{background};color:{foreground}}}")
    return "\n".join(rules) + "\n"


async def status_css_route(request: Request) -> Response:
    return PlainTextResponse(request.app.state.status_css, media_type="text/css",
                             headers={"Cache-Control": "max-age=3600"})


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def not_found(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 404
    if _wants_json(request):
        return JSONResponse({"error": "Not found.", "code": "not_found"}, status_code=status)
    text = translator(request)("portal", "Page not found.")
    return await render(request, "error.html", status, error=text)


async def server_error(request: Request, exc: Exception) -> Response:
    outage = is_database_outage(exc)
    if not outage:
        log.error("portal request %s failed", request.url.path, exc_info=exc)
    status = 503 if outage else 500
    words = ("The console's database cannot be reached; please try again later." if outage
             else "Something went wrong; please try again.")
    text = translator(request)("portal", words)
    if _wants_json(request):
        return JSONResponse({"error": text, "code": "unavailable" if outage else "error"}, status_code=status)
    try:
        return await render(request, "error.html", status, error=text)
    except Exception:  # noqa: BLE001 - the page needs the database too: plain text then
        return PlainTextResponse(text, status_code=status)


def create_app(tenants: TenantPortalService) -> Starlette:
    """The ASGI app over the tenant service: nothing else of the console is reachable from it."""
    routes = [
        Route("/", pages.home_redirect),
        Route("/kiosk", pages.kiosk_entry),
        Route("/login", pages.login_get, methods=["GET"]),
        Route("/login", pages.login_post, methods=["POST"]),
        Route("/logout", pages.logout_post, methods=["POST"]),
        Route("/home", pages.home),
        Route("/meters/{meter_id:int}", pages.meter_page),
        Route("/meters/{meter_id:int}/switch", pages.switch_post, methods=["POST"]),
        Route("/recharges", pages.recharges_page),
        Route("/meters/{meter_id:int}/recharge", recharge.recharge_post, methods=["POST"]),
        Route("/orders/{order_id}", recharge.order_page, name="order_page"),
        Route("/pay/notify/{provider}", recharge.notify, methods=["POST"]),
        Route("/settings", pages.settings_get, methods=["GET"]),
        Route("/settings/pin", pages.pin_post, methods=["POST"]),
        Route("/settings/sms", pages.sms_post, methods=["POST"]),
        Route("/status.css", status_css_route),
        Route("/api/login", api.login, methods=["POST"]),
        Route("/api/logout", api.logout, methods=["POST"]),
        Route("/api/me", api.me),
        Route("/api/meters/{meter_id:int}/usage", api.usage),
        Route("/api/meters/{meter_id:int}/switch", api.switch, methods=["POST"]),
        Route("/api/commands/{command_id}", api.command),
        Route("/api/recharges", api.recharges),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(SecurityHeaders)],
                    exception_handlers={404: not_found, 405: not_found, 500: server_error, Exception: server_error},
                    max_body_size=MAX_BODY_BYTES)
    app.state.portal = Portal(tenants, Translations(), make_env(HERE / "templates"))
    app.state.status_css = status_css()
    return app

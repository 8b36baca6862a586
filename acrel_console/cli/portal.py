"""CLI: `portal` (the tenant web portal), `kiosk` (the lobby kiosk, full screen) and `account set-pin`
(a tenant's portal PIN, with the slip to hand over); `serve` starts the portal through `start_with_serve`."""

from __future__ import annotations

import argparse
import os
from typing import Any

from acrel_console.cli import common
from acrel_console.domain.errors import QT_TRANSLATE_NOOP, UserError


def register(sub: "argparse._SubParsersAction[Any]") -> None:
    """Register portal and kiosk (account set-pin is registered with the account commands)."""
    p = sub.add_parser("portal", help="run the tenant portal (phone page, kiosk pages, JSON API) on uvicorn")
    common.add_global_options(p)
    p.add_argument("--host", help="address to listen on (default: the site setting, 127.0.0.1)")
    p.add_argument("--port", type=int, help="TCP port (default: the site setting, 8080)")
    p.add_argument("--forwarded-allow-ips", default="127.0.0.1", metavar="IPS",
                   help="reverse proxies whose X-Forwarded-For/-Proto are trusted (comma separated)")
    p.set_defaults(handler=cmd_portal)

    p = sub.add_parser("kiosk", help="open the lobby kiosk full screen (a browser in kiosk mode, else a Qt window)")
    common.add_global_options(p)
    p.add_argument("--url", help="the portal's address (default: the local portal, started here if not running)")
    p.add_argument("--browser", help="browser executable (default: chromium, chrome, edge or firefox on PATH)")
    p.add_argument("--window", action="store_true", help="use the Qt window even when a browser is installed")
    p.set_defaults(handler=cmd_kiosk)


def register_set_pin(accounts: "argparse._SubParsersAction[Any]") -> None:
    """`account set-pin ACCOUNT_NO`: added to the account commands of cli/sales.py."""
    p = accounts.add_parser("set-pin", help="set or reset a tenant's portal PIN (from ACREL_NEW_PIN) and print the slip")
    p.add_argument("account_no", metavar="ACCOUNT_NO", help="用户编号")
    p.add_argument("--generate", action="store_true", help="make a random PIN instead of reading ACREL_NEW_PIN")
    p.set_defaults(handler=cmd_set_pin)


def tenant_service(svc: Any) -> Any:
    """The one service object the portal is given (no operator service is reachable from it)."""
    from acrel_console.services.tenant_portal import TenantPortalService

    return TenantPortalService(svc.ctx, svc.control, payments=svc.payments)


def _portal_settings(svc: Any) -> dict[str, Any]:
    from acrel_console.services.base import Actor

    return dict(svc.settings.get_all(Actor.system()))


def cmd_portal(args: argparse.Namespace) -> int:
    import threading

    from acrel_console.cli.meters import _wait_for_signal
    from acrel_console.portal.server import PortalThread

    svc = common.services(args)
    settings = _portal_settings(svc)
    host = args.host or str(settings["portal_host"])
    port = args.port or int(settings["portal_port"])
    thread = PortalThread(tenant_service(svc), host, port, args.forwarded_allow_ips, access_log=True).start()
    print(f"tenant portal: http://{host}:{thread.port}/ (kiosk: /kiosk); Ctrl-C stops it", flush=True)
    try:
        _wait_for_signal(threading.Event())
    finally:
        thread.stop()
    return 0


def start_with_serve(svc: Any) -> Any | None:
    """`serve`: start the portal in a background thread when the site enables it (Settings); None if not."""
    from acrel_console.portal.server import PortalThread

    settings = _portal_settings(svc)
    if not settings["portal_enabled"]:
        return None
    thread = PortalThread(tenant_service(svc), str(settings["portal_host"]), int(settings["portal_port"])).start()
    print(f"tenant portal: {thread.url}/", flush=True)
    return thread


def _new_pin(args: argparse.Namespace) -> str | None:
    """The PIN from ACREL_NEW_PIN, or None with --generate (the service makes one)."""
    if args.generate:
        return None
    given = os.environ.get("ACREL_NEW_PIN")
    if not given:
        raise UserError(QT_TRANSLATE_NOOP("errors", "This command needs the new PIN in ACREL_NEW_PIN (or --generate)."))
    return given.strip()


def cmd_set_pin(args: argparse.Namespace) -> int:
    from acrel_console import i18n
    from acrel_console.services.pin_slip import pin_slip_text

    svc, who = common.services(args), common.actor(args)
    pin = _new_pin(args)
    slip = svc.tenant_pins.set_pin(who, args.account_no, pin)
    zone = str(svc.settings.get_all(who)["timezone"])
    common.emit(args, {"account_no": slip.account_no, "name": slip.tenant_name, "room": slip.room, "pin": slip.pin,
                       "set_at": slip.set_at.isoformat(), "set_by": slip.set_by},
                lambda: pin_slip_text(slip, zone, i18n.translate))
    return 0


def _listening(host: str, port: int) -> bool:
    import socket

    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def cmd_kiosk(args: argparse.Namespace) -> int:
    from acrel_console.ui import kiosk

    thread = None
    url = args.url
    if not url:
        svc = common.services(args)
        port = int(_portal_settings(svc)["portal_port"])
        if not _listening("127.0.0.1", port):  # a one-PC site: serve the portal from here
            from acrel_console.portal.server import PortalThread

            thread = PortalThread(tenant_service(svc), "127.0.0.1", port).start()
        url = f"http://127.0.0.1:{port}/kiosk"
    try:
        return kiosk.open_kiosk(url, run_kiosk_window, browser=args.browser, force_window=args.window)
    finally:
        if thread is not None:
            thread.stop()


def run_kiosk_window(url: str) -> int:
    """The Qt kiosk window full screen until closed (no browser on this PC)."""
    from acrel_console.cli.gui import prepare_app
    from acrel_console.ui.kiosk_window import KioskWindow, PortalClient

    app, language = prepare_app()
    window = KioskWindow(PortalClient(url, language))
    window.showFullScreen()
    return int(app.exec())

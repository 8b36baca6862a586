"""CLI: serve (poller + dispatcher headless), poll --once, control, simulate, demo."""

from __future__ import annotations

import argparse
import contextlib
import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

from acrel_console.cli import common
from acrel_console.domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, UserError

CONTROL_CHOICES = {"trip": "trip", "close": "close", "keep-power": "keep_power", "restore-prepaid": "restore_prepaid"}
CONTROL_WAIT_S = 120.0


def register(sub: "argparse._SubParsersAction[Any]") -> None:
    """Register serve, poll, control, simulate and demo."""
    p = sub.add_parser("serve", help="run the poller and command dispatcher headless (holds the site lease)")
    p.add_argument("--zone", default="", help="an estate: poll only this zone's gateways, under the zone's own "
                                              "lease (one serve, and any standby, per zone)")
    p.set_defaults(handler=cmd_serve)

    p = sub.add_parser("poll", help="sweep the meters once")
    p.add_argument("--once", action="store_true", required=True, help="one sweep of every (or one) gateway")
    p.add_argument("--gateway", metavar="G", help="only this gateway (name or id)")
    p.add_argument("--history", action="store_true", help="also store a history reading")
    p.set_defaults(handler=cmd_poll)

    p = sub.add_parser("control", help="trip / close / keep power / restore prepaid one meter, confirmed by read-back")
    p.add_argument("meter", metavar="METER_ID", help="meter id, or GATEWAY/ADDRESS")
    p.add_argument("action", choices=sorted(CONTROL_CHOICES))
    p.add_argument("--reason", default="", metavar="TEXT")
    p.set_defaults(handler=cmd_control)

    p = sub.add_parser("simulate", help="run the meter simulator alone")
    p.add_argument("--listen", default="127.0.0.1:5020", metavar="HOST:PORT")
    p.add_argument("--mode", choices=("modbus-tcp", "rtu-over-tcp", "pty"), default="modbus-tcp")
    p.add_argument("--units", default="1-36", metavar="RANGE", help="unit ids, e.g. 1-36 or 1-10,20")
    p.add_argument("--profile", default="DDSY1352", help="DDSY1352 | DTSY1352 | ADF400L | ADL400 | demo")
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(handler=cmd_simulate)

    p = sub.add_parser("demo", help="start the demo site (simulated meters) and open the GUI on it")
    p.add_argument("--no-gui", action="store_true", help="run headless (poller + dispatcher) until Ctrl-C")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--no-pty", action="store_true", help="serve every bus over TCP (no serial pty)")
    p.add_argument("--reset", action="store_true",
                   help="start over: a new demo database and fresh simulated meters (the old ones are deleted)")
    p.set_defaults(handler=cmd_demo)


@contextlib.contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM/SIGINT set `stop` while inside (installed before anything is announced, so a signal sent
    right after an announcement is never lost)."""
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            previous[sig] = signal.signal(sig, lambda *_: stop.set())
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _wait_for_signal(stop: threading.Event) -> None:
    """Block until SIGTERM/SIGINT (or `stop` set elsewhere)."""
    with _stop_on_signals(stop):
        while not stop.wait(0.5):
            pass


def _lease_text(svc: Any, info: Any) -> str:
    return f"{info.holder} (heartbeat {svc.clock.text(info.heartbeat_at)})"


def _services_when_reachable(args: argparse.Namespace, stop: threading.Event) -> Any | None:
    """The services, waiting (one line per attempt) while the database cannot be reached."""
    while not stop.is_set():
        try:
            return common.services(args)
        except Exception as exc:  # noqa: BLE001 - only an unreachable database is waited for
            unreachable = common.database_unreachable(exc)
            if unreachable is None:
                raise
            print(f"waiting for the database: {unreachable.params['reason']}", flush=True)
            stop.wait(5)
    return None


def _print_restore_check(svc: Any) -> None:
    """Say at start whether the database is behind its anchor (restored) and which deliveries are held
    for reconciliation; the dispatcher then reads each against its meter before anything is sent."""
    from acrel_console.services import deliveries

    deliveries.check_restore(svc.ctx)
    pinned = sorted(deliveries.pinned_command_ids(svc.ctx))
    if pinned:
        print(f"restored database: {len(pinned)} open deliveries are read against their meters before anything "
              f"is sent: {', '.join(pinned)}", flush=True)


def _print_reconciled(outcome: Any) -> None:
    print(f"restored database: delivery {outcome.command_id}: {outcome.state}"
          + (f" ({outcome.reason})" if outcome.reason else ""), flush=True)


def cmd_serve(args: argparse.Namespace) -> int:
    from acrel_console.runtime import SiteRuntime
    from acrel_console.services.integrity import run_integrity_check
    from acrel_console.services.lease import current_lease
    from acrel_console.services.site_config import validate_zone

    stop = threading.Event()
    svc = _services_when_reachable(args, stop)
    if svc is None:
        return 0
    svc.lease.start_service(common.actor(args), "serve")  # a named service operator (docs/deployment.md)
    state: dict[str, Any] = {"runtime": None}
    zone = validate_zone(getattr(args, "zone", "") or "")  # an estate: this serve's group of gateways
    where = f"zone {zone}'s" if zone else "the site's"

    def supervise() -> None:
        """Hold the lease and run; stand by while another process holds it; resume after losing it."""
        announced = ""
        while not stop.is_set():
            rt = state["runtime"]
            if rt is None or (not rt.running and rt.lost.is_set()):
                if rt is not None:
                    rt.stop()  # the lost runtime's scheduler and listeners go too
                rt = state["runtime"] = SiteRuntime(svc, zone=zone)  # poller, dispatcher, alarms, SMS, maintenance
                rt.on_reconciled(_print_reconciled)
            if not rt.running:
                if rt.start():
                    print(f"serving{f' zone {zone}' if zone else ''}: {len(rt.poller.workers())} gateway(s), "
                          f"lease {rt.lease.holder}", flush=True)
                    announced = ""
                    if not zone:  # site-wide, once: the site's own serve (an estate's zones only poll and deliver)
                        print(f"integrity: {run_integrity_check(svc.ctx).summary()}", flush=True)
                    _print_restore_check(svc)
                else:
                    info = current_lease(svc.ctx, zone=zone)
                    text = _lease_text(svc, info) if info else "?"
                    if info is None or info.holder != announced:
                        print(f"standby: {where} dispatcher runs at {text}", flush=True)
                        announced = info.holder if info else ""
            stop.wait(rt.lease.ttl_s / 3)

    from acrel_console.cli.portal import start_with_serve

    portal = None if zone else start_with_serve(svc)  # the tenant portal, when the site enables it in Settings
    t = threading.Thread(target=supervise, name="serve", daemon=True)
    t.start()
    _wait_for_signal(stop)
    t.join(30)
    if portal is not None:
        portal.stop()
    if state["runtime"] is not None:
        state["runtime"].stop()
    print("stopped", flush=True)
    return 0


def cmd_poll(args: argparse.Namespace) -> int:
    from acrel_console.services.lease import SiteLease, active_lease
    from acrel_console.services.polling import Poller

    svc = common.services(args)
    svc.lease.start_service(common.actor(args), "poll")
    lease = SiteLease(svc.ctx, whole_site=True)  # every gateway: no zone's service may run
    if not lease.acquire():
        info = active_lease(svc.ctx)
        raise ConflictError(QT_TRANSLATE_NOOP("errors", "The site's dispatcher runs at {holder}; it polls already."),
                            holder=_lease_text(svc, info) if info else "?")
    try:
        poller = Poller(svc.ctx, gateways=[args.gateway] if args.gateway else None)
        try:
            if args.gateway and not poller.targets():
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No enabled gateway named {name}."), name=args.gateway)
            results = poller.run_once(history=args.history)
        finally:
            poller.stop()
    finally:
        lease.release()
    rows = [{"gateway": r.gateway, "duration_s": round(r.duration_s, 3), "attempted": r.attempted,
             "ok": r.succeeded, "failed": r.failed, "skipped": r.skipped,
             "connected": bool(r.health and r.health.connected),
             "offline": [m for m, t in r.transitions if t == "offline"]} for r in results]
    common.emit(args, rows, lambda: common.table(
        [(x["gateway"], x["attempted"], x["ok"], x["failed"], x["skipped"], f"{x['duration_s']:.3f}",
          "yes" if x["connected"] else "NO") for x in rows],
        ["gateway", "tried", "ok", "failed", "skipped", "seconds", "connected"]))
    ran = any(r.succeeded or (r.health and r.health.connected) or r.skipped for r in results)
    return 0 if ran else 1


def _meter_id(svc: Any, who: Any, text: str) -> int:
    if text.isdigit():
        return int(text)
    gw, sep, addr = text.rpartition("/")
    if sep and addr.isdigit():
        for m in svc.site.list_meters(who):
            if m.gateway == gw and m.address == int(addr):
                return int(m.id)
    raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {id}."), id=text)


def cmd_control(args: argparse.Namespace) -> int:
    from acrel_console.services.lease import NO_SERVICE_COMMAND, SiteLease, active_lease, no_service_since
    from acrel_console.services.remote_control import RemoteControlService

    svc = common.services(args)
    who = common.actor(args)
    meter_id = _meter_id(svc, who, args.meter)
    rc = RemoteControlService(svc.ctx)
    kind = CONTROL_CHOICES[args.action]
    lease = SiteLease(svc.ctx, whole_site=True)  # every gateway: no zone's service may run
    local = lease.acquire()  # nobody serves the site: execute here; else the service executes it
    runner: list[Any] = []
    note = ""
    try:
        batch = rc.submit(who, [meter_id], kind, {}, args.reason)
        if local:
            runner = _run_here(svc.ctx)
        deadline = time.monotonic() + CONTROL_WAIT_S
        while True:
            [p] = rc.batch_progress(who, batch)
            if p.done or time.monotonic() > deadline:
                break
            if not local:
                # A command waits no longer than the lease: once the service's lease has run out (the
                # service died), this workstation takes the site over and runs the command itself.
                info = active_lease(svc.ctx)
                if (info is None or not info.active) and lease.acquire():
                    local = True
                    since = no_service_since(svc.ctx, info)
                    if since is not None:
                        note = common.translated("lease", NO_SERVICE_COMMAND).format(since=since)
                    runner = _run_here(svc.ctx)
            time.sleep(0.05)
    finally:
        for part in reversed(runner):
            part.stop()
        if local:
            lease.release()
    if not p.done:
        rc.cancel(who, batch, "control: no dispatcher ran it in time")
        raise UserError(QT_TRANSLATE_NOOP("errors", "No dispatcher executed the command in time; it was cancelled."))
    common.emit(args, {"meter_id": meter_id, "kind": kind, "state": p.state, "outcome": p.outcome, "error": p.error,
                       "result": p.result, "note": note},
                f"{args.meter} {args.action}: {p.outcome}" + (f" ({p.error})" if p.error else "")
                + (f"\n{note}" if note else ""))
    return 0 if p.outcome == "confirmed" else 1


def _run_here(ctx: Any) -> list[Any]:
    """A poller and a dispatcher in this process (it holds the lease), dispatching at once."""
    from acrel_console.services.dispatcher import Dispatcher
    from acrel_console.services.polling import Poller

    poller = Poller(ctx)
    poller.ensure_workers()
    dispatcher = Dispatcher(ctx, poller)
    dispatcher.scan()
    return [poller, dispatcher]


def cmd_simulate(args: argparse.Namespace) -> int:
    from acrel_console.drivers.simulator.demo import run_simulator_cli

    return run_simulator_cli(listen=args.listen, mode=args.mode, units=args.units, profile=args.profile.lower(),
                             seed=args.seed)


def cmd_demo(args: argparse.Namespace) -> int:
    from acrel_console.services.demo_site import prepare_demo
    from acrel_console.storage.engine import data_dir

    from acrel_console.services.demo_site import DEMO_OPERATORS, demo_files

    db_path = data_dir() / "demo.sqlite3"
    db_url = args.db or f"sqlite:///{db_path}"
    state_path = data_dir() / "demo-meters.json"  # the simulated meters keep their state between runs
    if args.reset:
        for path in demo_files(db_path if not args.db else None, state_path):
            path.unlink(missing_ok=True)
        print("demo: reset (new database and fresh meters)", flush=True)
    from acrel_console.app import build_services, ensure_site_key
    from acrel_console.runtime import SiteRuntime

    ensure_site_key()  # before the services load it: sales made in the demo are signed and delivered
    services = build_services(db_url)
    demo = prepare_demo(db_url, services=services, seed=args.seed, use_pty=not args.no_pty, state_path=state_path)
    stop = threading.Event()
    signals = contextlib.ExitStack()
    signals.enter_context(_stop_on_signals(stop))
    try:
        demo.runtime = SiteRuntime(services)  # poller, dispatcher, alarm engine, SMS and maintenance
        started = demo.runtime.start()
        for name, endpoint in sorted(demo.gateways.items()):
            print(f"{name}: {endpoint}")
        print(f"demo: {demo.meter_count} meters in {db_url}"
              + ("" if started else " (another process polls this database)"), flush=True)
        print("demo operators: " + ", ".join(f"{name} / {password} ({role.value})"
                                             for name, password, role in DEMO_OPERATORS), flush=True)
        if args.no_gui:
            while not stop.wait(0.5):
                pass
            return 0
        signals.close()  # the GUI handles its own quitting
        from acrel_console.cli.gui import run_gui

        return run_gui(db_url, demo=demo)
    finally:
        signals.close()
        demo.stop()

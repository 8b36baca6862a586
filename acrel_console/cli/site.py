"""CLI: init, operators, buildings, gateways, meters, quick configuration, audit log, gui, demo."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from acrel_console.cli import common
from acrel_console.domain.errors import QT_TRANSLATE_NOOP, NotFound, UserError
from acrel_console.domain.roles import OPERATOR_ROLES

ROLE_HELP = ("a built-in role (" + ", ".join(r.value for r in OPERATOR_ROLES) +
             ") or the name of a role made in the role editor (权限管理)")


def register(sub: "argparse._SubParsersAction[Any]") -> None:
    """Register the foundation commands."""

    def add(name: str, handler: Any, help_text: str, parent: Any = sub) -> argparse.ArgumentParser:
        return common.command(parent, name, handler, help_text)

    p = add("init", cmd_init, "create or migrate the database; create the first administrator")
    p.add_argument("--admin", metavar="NAME", help="first administrator (password from ACREL_PASSWORD or --password-file)")

    op = sub.add_parser("operator", help="operators").add_subparsers(dest="sub", required=True, metavar="ACTION")
    p = add("add", cmd_operator_add, "create an operator", op)
    p.add_argument("name")
    p.add_argument("--role", required=True, help=ROLE_HELP)
    p.add_argument("--full-name", default="")
    p.add_argument("--new-password-file", help="the new operator's password (else ACREL_NEW_PASSWORD)")
    add("list", cmd_operator_list, "list operators", op)
    p = add("disable", cmd_operator_disable, "disable an operator", op)
    p.add_argument("name")
    p = add("enable", cmd_operator_enable, "enable (and unlock) an operator", op)
    p.add_argument("name")
    p = add("passwd", cmd_operator_passwd, "reset an operator's password", op)
    p.add_argument("name")
    p.add_argument("--new-password-file", help="the new password (else ACREL_NEW_PASSWORD)")
    p = add("role", cmd_operator_role, "assign a role", op)
    p.add_argument("name")
    p.add_argument("role", help=ROLE_HELP)

    b = sub.add_parser("building", help="buildings").add_subparsers(dest="sub", required=True, metavar="ACTION")
    p = add("add", cmd_building_add, "add a building", b)
    p.add_argument("name")
    p.add_argument("--floor", default="")
    p.add_argument("--area", default="")
    p.add_argument("--notes", default="")
    add("list", cmd_building_list, "list buildings", b)

    g = sub.add_parser("gateway", help="gateways (buses)").add_subparsers(dest="sub", required=True, metavar="ACTION")
    p = add("add", cmd_gateway_add, "add a gateway", g)
    p.add_argument("--name", required=True)
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--tcp", metavar="HOST:PORT")
    where.add_argument("--serial", metavar="PORT")
    p.add_argument("--mode", choices=["modbus-tcp", "rtu-over-tcp"], default="modbus-tcp")
    p.add_argument("--baud", type=int, default=9600)
    p.add_argument("--parity", default="N")
    p.add_argument("--stopbits", type=int, default=1)
    p.add_argument("--timeout-ms", type=int, default=500)
    p.add_argument("--retries", type=int, default=1)
    p.add_argument("--inter-frame-delay-ms", type=int, default=0)
    p.add_argument("--local-echo", action="store_true",
                   help="the line hears its own requests (two-wire RS485 adapter), also when only in part")
    p.add_argument("--building")
    p.add_argument("--zone", default="", help="the zone whose `serve --zone` polls it (an estate of several serve)")
    add("list", cmd_gateway_list, "list gateways with bus health", g)
    p = add("zone", cmd_gateway_zone, "put gateways in a zone: the `serve --zone ZONE` that polls them", g)
    p.add_argument("zone", help="letters, digits, '-' and '_'; '' = the site's own `serve`")
    p.add_argument("names", nargs="+", metavar="NAME")
    p = add("remove", cmd_gateway_remove, "remove a gateway without meters", g)
    p.add_argument("name")

    m = sub.add_parser("meter", help="meters").add_subparsers(dest="sub", required=True, metavar="ACTION")
    p = add("add", cmd_meter_add, "add a meter", m)
    p.add_argument("--gateway", required=True)
    p.add_argument("--address", type=int, required=True)
    p.add_argument("--model", required=True)
    p.add_argument("--room", required=True)
    p.add_argument("--building")
    p.add_argument("--ct-ratio", type=int, default=1)
    p.add_argument("--circuit", type=int)
    p.add_argument("--meter-no", default="")
    add("list", cmd_meter_list, "list meters with their latest state", m)
    p = add("show", cmd_meter_show, "show one meter", m)
    p.add_argument("meter_id", type=int)
    p = add("remove", cmd_meter_remove, "remove a meter that never carried money", m)
    p.add_argument("meter_id", type=int)

    c = sub.add_parser("config", help="quick configuration (快速配置)").add_subparsers(dest="sub", required=True,
                                                                                   metavar="ACTION")
    p = add("export-template", cmd_config_export, "write the .xlsx template", c)
    p.add_argument("file")
    p = add("import", cmd_config_import, "import a filled template (all or nothing)", c)
    p.add_argument("file")

    a = sub.add_parser("audit", help="operation log").add_subparsers(dest="sub", required=True, metavar="ACTION")
    add("verify", cmd_audit_verify, "check the hash chain", a)
    p = add("list", cmd_audit_list, "list the operation log", a)
    p.add_argument("--operator")
    p.add_argument("--kind")
    p.add_argument("--limit", type=int, default=100)

    add("gui", cmd_gui, "open the console window (default)")


# --- handlers -------------------------------------------------------------------------------


def _new_password(args: argparse.Namespace) -> str:
    import os
    from pathlib import Path

    if getattr(args, "new_password_file", None):
        return Path(args.new_password_file).read_text(encoding="utf-8").splitlines()[0]
    env = os.environ.get("ACREL_NEW_PASSWORD")
    if env:
        return env
    if sys.stdin.isatty():
        return getpass.getpass("New password: ")
    raise UserError(QT_TRANSLATE_NOOP("errors", "No new password: set ACREL_NEW_PASSWORD or use --new-password-file."))


def cmd_init(args: argparse.Namespace) -> int:
    from acrel_console.storage.engine import describe_url
    from acrel_console.storage.migrate import head_revision

    from acrel_console.app import ensure_site_key

    key_path, key_created = ensure_site_key()
    svc = common.services(args)
    if key_created:
        svc.ctx.site_key = bytes.fromhex(key_path.read_text().strip())
    created = None
    if args.admin:
        password = common.password_from(args)
        if password is None:
            raise UserError(QT_TRANSLATE_NOOP("errors", "No password: set ACREL_PASSWORD or use --password-file."))
        created = svc.operators.create_first_admin(args.admin, password)
    result = {"database": describe_url(svc.ctx.db_url), "revision": head_revision(),
              "admin": created.name if created else None, "needs_first_admin": svc.operators.needs_first_admin(),
              "site_key": str(key_path), "site_key_created": key_created}
    common.emit(args, result, lambda: f"database ready: {result['database']} (schema {result['revision']})"
                + (f"; administrator {created.name} created" if created else "")
                + (f"; site key written to {key_path} (copy it to every workstation of this site)"
                   if key_created else ""))
    return 0


def cmd_operator_add(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    info = svc.operators.add(who, args.name, args.role, _new_password(args), args.full_name)
    common.emit(args, info, f"operator {info.name} ({info.role_name or info.role.value}) created")
    return 0


def cmd_operator_list(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    ops = svc.operators.list(who)
    common.emit(args, ops, lambda: common.table(
        [(o.name, o.role_name or o.role.value, "yes" if o.enabled else "no", o.locked_until or "") for o in ops],
        ["name", "role", "enabled", "locked until"]))
    return 0


def cmd_operator_disable(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    info = svc.operators.set_enabled(who, args.name, False)
    common.emit(args, info, f"operator {info.name} disabled")
    return 0


def cmd_operator_enable(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    info = svc.operators.set_enabled(who, args.name, True)
    common.emit(args, info, f"operator {info.name} enabled")
    return 0


def cmd_operator_passwd(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    svc.operators.reset_password(who, args.name, _new_password(args))
    common.emit(args, {"name": args.name, "password_reset": True}, f"password of {args.name} reset")
    return 0


def cmd_operator_role(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    info = svc.operators.set_role(who, args.name, args.role)
    common.emit(args, info, f"operator {info.name} is now {info.role_name or info.role.value}")
    return 0


def cmd_building_add(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    b = svc.site.add_building(who, args.name, args.floor, args.area, args.notes)
    common.emit(args, b, f"building {b.name} added (id {b.id})")
    return 0


def cmd_building_list(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    items = svc.site.list_buildings(who)
    common.emit(args, items, lambda: common.table([(b.id, b.name, b.floor, b.area) for b in items],
                                                  ["id", "name", "floor", "area"]))
    return 0


def cmd_gateway_add(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    fields: dict[str, Any] = {
        "name": args.name, "baud": args.baud, "parity": args.parity, "stopbits": args.stopbits,
        "timeout_ms": args.timeout_ms, "retries": args.retries, "inter_frame_delay_ms": args.inter_frame_delay_ms,
        "building": args.building, "local_echo": args.local_echo, "zone": args.zone,
    }
    if args.serial:
        fields.update(kind="serial", serial_port=args.serial)
    else:
        fields.update(kind=args.mode, tcp=args.tcp)
    g = svc.site.add_gateway(who, **fields)
    common.emit(args, g, f"gateway {g.name} added ({g.kind} {g.endpoint}"
                + (", local echo" if g.local_echo else "") + ")")
    return 0


def gateway_health_by_id(svc: Any) -> dict[int, Any]:
    """Bus health per gateway id, when the polling services are present."""
    try:
        from acrel_console.services.bus_health import gateway_health
    except ImportError:
        return {}
    return dict(gateway_health(svc.ctx))


def cmd_gateway_list(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    gws = svc.site.list_gateways(who)
    health = gateway_health_by_id(svc)
    rows = []
    for g in gws:
        item = common.jsonable(g)
        item["endpoint"] = g.endpoint
        item["health"] = common.jsonable(health.get(g.id))
        rows.append(item)
    common.emit(args, rows, lambda: common.table(
        [(g.id, g.name, g.kind, g.endpoint, g.timeout_ms, g.retries, g.zone) for g in gws],
        ["id", "name", "mode", "endpoint", "timeout ms", "retries", "zone"]))
    return 0


def cmd_gateway_zone(args: argparse.Namespace) -> int:
    """An estate (issue 15): the named gateways are polled by `serve --zone ZONE` from its next look at the
    gateways (within 10 s); every name is checked before any gateway changes."""
    svc, who = common.services(args), common.actor(args)
    by_name = {g.name: g for g in svc.site.list_gateways(who)}
    missing = [name for name in args.names if name not in by_name]
    if missing:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No gateway {name}."), name=", ".join(missing))
    moved = [svc.site.update_gateway(who, by_name[name].id, zone=args.zone) for name in args.names]
    common.emit(args, moved, "\n".join(f"gateway {g.name}: zone {g.zone}" if g.zone else
                                       f"gateway {g.name}: the site's own serve" for g in moved))
    return 0


def cmd_gateway_remove(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    svc.site.remove_gateway(who, args.name)
    common.emit(args, {"removed": args.name}, f"gateway {args.name} removed")
    return 0


def cmd_meter_add(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    m = svc.site.add_meter(who, gateway=args.gateway, address=args.address, model=args.model, room=args.room,
                           building=args.building, ct_ratio=args.ct_ratio, circuit=args.circuit, meter_no=args.meter_no)
    common.emit(args, m, f"meter {m.id} added: {m.gateway}/{m.address} {m.model} {m.room}")
    return 0


def meter_list_rows(svc: Any, who: Any) -> list[dict[str, Any]]:
    """The `meter list --json` contract: config plus the latest state (offline/null until read)."""
    try:
        from acrel_console.services.meter_views import meter_list_json
    except ImportError:
        meter_list_json = None
    if meter_list_json is not None:
        return list(meter_list_json(svc.ctx, who))
    return [{"id": m.id, "gateway": m.gateway, "address": m.address, "model": m.model, "room": m.room,
             "status": "offline", "remaining_fen": None, "energy_kwh": None, "relay": None, "keep_power": None,
             "purchase_count": None, "last_seen": None} for m in svc.site.list_meters(who)]


def cmd_meter_list(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    rows = meter_list_rows(svc, who)
    common.emit(args, rows, lambda: common.table(
        [(r["id"], r["gateway"], r["address"], r["model"], r["room"], r["status"], r["remaining_fen"]) for r in rows],
        ["id", "gateway", "address", "model", "room", "status", "remaining fen"]))
    return 0


def cmd_meter_show(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    svc.site.get_meter(who, args.meter_id)
    rows = [r for r in meter_list_rows(svc, who) if r["id"] == args.meter_id]
    if not rows:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No meter {id}."), id=args.meter_id)
    common.emit(args, rows[0])
    return 0


def cmd_meter_remove(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    svc.site.remove_meter(who, args.meter_id)
    common.emit(args, {"removed": args.meter_id}, f"meter {args.meter_id} removed")
    return 0


def cmd_config_export(args: argparse.Namespace) -> int:
    from acrel_console.services.config_io import export_template

    path = export_template(args.file)
    common.emit(args, {"template": str(path)}, f"template written: {path}")
    return 0


def cmd_config_import(args: argparse.Namespace) -> int:
    from acrel_console.services.config_io import ConfigImportService

    svc, who = common.services(args), common.actor(args)
    report = ConfigImportService(svc.ctx, svc.site).import_file(who, args.file)
    common.emit(args, report, f"imported {report.buildings} buildings, {report.gateways} gateways, "
                              f"{report.meters} meters")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    report = svc.audit.verify(who)
    common.emit(args, report, lambda: (f"operation log intact: {report.rows_checked} rows" if report.ok else
                                       f"operation log BROKEN at row {report.first_broken_id}: {report.problem}"))
    return 0 if report.ok else 1


def cmd_audit_list(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    entries = svc.audit.list(who, operator=args.operator, kind=args.kind, limit=args.limit)
    common.emit(args, entries, lambda: common.table(
        [(e.id, common.local_text(args, e.at), e.operator, e.kind, e.target, e.reason) for e in entries],
        ["id", "at", "operator", "kind", "target", "reason"]))
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    common.check_database_exists(args, first_start=True)
    from acrel_console.cli.gui import run_gui

    return run_gui(args.db)

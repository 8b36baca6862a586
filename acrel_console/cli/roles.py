"""CLI: `role list|copy|grant|revoke|rename|delete`, the role editor (权限管理) on the command line."""

from __future__ import annotations

import argparse
from typing import Any

from acrel_console.cli import common
from acrel_console.domain.roles import Permission

ROLE_REF = "a role: a built-in one (copy only), a custom role's name or its key custom:N (see `role list`)"
PERMISSIONS_HELP = "permissions: " + ", ".join(p.value for p in Permission)


def register(sub: "argparse._SubParsersAction[Any]") -> None:
    """Register the role commands (every change needs the manage_operators right and is logged)."""
    r = sub.add_parser("role", help="operator roles (权限管理): built-in ones and custom copies").add_subparsers(
        dest="sub", required=True, metavar="ACTION")

    def add(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        return common.command(r, name, handler, help_text)

    add("list", cmd_role_list, "list the roles with their permissions and how many operators hold each")
    p = add("copy", cmd_role_copy, "make a custom role with the permissions of another role")
    p.add_argument("source", metavar="ROLE", help=ROLE_REF)
    p.add_argument("name", metavar="NAME", help="the new role's name (1-64 characters)")
    for name, text in (("grant", "add permissions to a custom role"),
                       ("revoke", "take permissions from a custom role")):
        p = add(name, cmd_role_permissions, text)
        p.set_defaults(change=name)
        p.add_argument("role", metavar="ROLE", help=ROLE_REF)
        p.add_argument("permissions", metavar="PERMISSION", nargs="+", help=PERMISSIONS_HELP)
    p = add("rename", cmd_role_rename, "rename a custom role")
    p.add_argument("role", metavar="ROLE", help=ROLE_REF)
    p.add_argument("name", metavar="NEW_NAME")
    p = add("delete", cmd_role_delete, "delete a custom role no operator holds")
    p.add_argument("role", metavar="ROLE", help=ROLE_REF)


def _perms(info: Any) -> str:
    return ",".join(sorted(p.value for p in info.permissions)) or "-"


def _line(info: Any) -> str:
    return f"role {info.name} ({info.key}): {_perms(info)}"


def cmd_role_list(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    roles = svc.roles.list_roles(who)
    common.emit(args, roles, lambda: common.table(
        [(i.key, i.name, "built-in" if i.builtin else f"custom (from {i.based_on})", i.operators, _perms(i))
         for i in roles], ["key", "name", "kind", "operators", "permissions"]))
    return 0


def cmd_role_copy(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    info = svc.roles.copy_role(who, args.source, args.name)
    common.emit(args, info, lambda: f"{_line(info)} created from {args.source}")
    return 0


def cmd_role_permissions(args: argparse.Namespace) -> int:
    """`role grant` / `role revoke` (args.change names the service method)."""
    svc, who = common.services(args), common.actor(args)
    change = svc.roles.grant if args.change == "grant" else svc.roles.revoke
    info = change(who, args.role, args.permissions)
    common.emit(args, info, lambda: _line(info))
    return 0


def cmd_role_rename(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    info = svc.roles.rename_role(who, args.role, args.name)
    common.emit(args, info, lambda: f"role {args.role} is now {info.name} ({info.key})")
    return 0


def cmd_role_delete(args: argparse.Namespace) -> int:
    svc, who = common.services(args), common.actor(args)
    svc.roles.delete_role(who, args.role)
    common.emit(args, {"role": args.role, "deleted": True}, f"role {args.role} deleted")
    return 0
